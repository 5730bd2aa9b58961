"""Settings precedence: defaults < cohost.toml < COHOST_* environment < CLI flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from cohost.config import load_settings
from cohost.errors import ConfigError


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings.home == Path(".cohost") and settings.port == 8000
    assert settings.resolved_database_url == f"sqlite:///{(tmp_path / '.cohost' / 'cohost.db')}"


def test_file_then_env_then_flags(tmp_path: Path) -> None:
    toml = tmp_path / "cohost.toml"
    toml.write_text('[cohost]\nhome = "/from/file"\nport = 9001\nlang = "en"\n', encoding="utf-8")
    from_file = load_settings(environ={"COHOST_CONFIG": str(toml)})
    assert (from_file.home, from_file.port, from_file.lang) == (Path("/from/file"), 9001, "en")
    from_env = load_settings(environ={"COHOST_CONFIG": str(toml), "COHOST_PORT": "9002"})
    assert (from_env.home, from_env.port) == (Path("/from/file"), 9002)
    from_flag = load_settings({"port": 9003, "home": None}, environ={"COHOST_CONFIG": str(toml),
                                                                     "COHOST_PORT": "9002"})
    assert (from_flag.home, from_flag.port) == (Path("/from/file"), 9003)


def test_database_url_from_env() -> None:
    url = "postgresql://postgres@127.0.0.1:5432/shop"
    assert load_settings(environ={"COHOST_DATABASE_URL": url}).resolved_database_url == url


@pytest.mark.parametrize(
    ("content", "message"),
    [("port = [", "not valid TOML"), ("port = 99999", "port"), ("colour = 'red'", "colour"),
     ("cohost = 3", "must be a table")],
)
def test_bad_config_file_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    toml = tmp_path / "cohost.toml"
    toml.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config_file=toml)


def test_missing_named_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(environ={"COHOST_CONFIG": str(tmp_path / "nope.toml")})


def test_home_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="cannot create home folder"):
        load_settings({"home": blocker / "sub"}, environ={}).ensure_home()
