"""espeak-ng: the fast offline voice at the end of every fallback chain.

Constraints (see shared/specs/offline-models.md §3):

- Debian's espeak-ng 1.51 reads hanzi with its ``cmn`` voice as English ("ni three"), so we never send
  hanzi: pypinyin turns them into tone-numbered pinyin (with tone sandhi) for the ``cmn-latn-pinyin``
  voice, and Latin words are switched to the English voice through SSML.
- Text reaches espeak-ng on stdin, never on the command line (no option injection, no argv limits), and
  everything placed in the SSML is escaped.
- Each clause is one process with a timeout; a missing binary, a crash or a timeout is a
  ``ProviderError`` (``missing`` / ``server`` / ``timeout``) so the chain can report it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache

from cohost.errors import ProviderError
from cohost.speech.audio import Audio, read_wav
from cohost.speech.tts import EngineTTS

ESPEAK_VOICES = {"espeak-m": "cmn-latn-pinyin", "espeak-f": "cmn-latn-pinyin+f3"}
INSTALL_HINT = "install it with `apt-get install espeak-ng` (make test does this)"
_RUNS = re.compile(r"([\u3400-\u9fff\uf900-\ufaff]+)|([A-Za-z][A-Za-z' -]*[A-Za-z]|[A-Za-z])|([，。！？、；：])")
_PUNCT = {"，": ",", "、": ",", "；": ";", "：": ":", "。": ".", "！": "!", "？": "?"}


@lru_cache(maxsize=1)
def espeak_binary() -> str | None:
    return shutil.which("espeak-ng")


def espeak_problem() -> str | None:
    """Why espeak-ng cannot speak Chinese here, or None if it can."""
    if espeak_binary() is None:
        return "espeak-ng is not installed"
    return None


def to_ssml(clause: str) -> str:
    """Normalised Chinese → SSML for espeak-ng: pinyin with tone numbers, Latin in the English voice."""
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for hanzi, latin, punct in _RUNS.findall(clause):
        if hanzi:
            syllables = lazy_pinyin(hanzi, style=Style.TONE3, neutral_tone_with_five=True, tone_sandhi=True)
            out.append(" ".join(html.escape(s) for s in syllables))
        elif latin:
            out.append(f'<voice name="en">{html.escape(latin)}</voice>')
        else:
            out.append(_PUNCT[punct])
    return "<speak>" + " ".join(out) + "</speak>"


class EspeakTTS(EngineTTS):
    """Robotic but fast (real-time factor about 0.02) and always there: the last link of the chain."""

    name = "espeak"
    sample_rate = 22050
    voices: Sequence[str] = tuple(ESPEAK_VOICES)

    def __init__(self, *, speed: int = 180, timeout: float = 20.0) -> None:
        self.speed = speed
        self.timeout = timeout

    def render(self, clause: str, voice: str) -> Audio:
        binary = espeak_binary()
        if binary is None:
            raise ProviderError(self.name, "missing", "espeak-ng is not installed", hint=INSTALL_HINT)
        command = [binary, "-m", "-v", ESPEAK_VOICES[voice], "-s", str(self.speed), "--stdout"]
        try:
            done = subprocess.run(command, input=to_ssml(clause).encode("utf-8"), capture_output=True,
                                  timeout=self.timeout + len(clause) / 10, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ProviderError(self.name, "timeout", f"no audio after {exc.timeout:.0f} s",
                                retryable=True) from exc
        except OSError as exc:
            raise ProviderError(self.name, "missing", f"cannot run espeak-ng: {exc}", hint=INSTALL_HINT) from exc
        if done.returncode != 0:
            err = done.stderr.decode("utf-8", "replace").strip()[:200]
            raise ProviderError(self.name, "server", f"espeak-ng exited with {done.returncode}: {err}")
        try:
            audio = read_wav(done.stdout)
        except ValueError as exc:
            raise ProviderError(self.name, "protocol", f"espeak-ng wrote no usable WAV: {exc}") from exc
        return Audio(audio.pcm, audio.sample_rate, voice)
