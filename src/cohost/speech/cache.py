"""Pre-rendered speech: synthesise a show's script before the show, so only live answers cost time on air.

Constraints:

- Entries are clauses, keyed by (normalised clause, voice that actually spoke, normaliser version). Keying on the
  speaking voice means audio rendered by espeak-ng while the neural voice was missing is never served as
  the neural voice later; ``CachedTTS`` looks up the voice its chain would use now.
- Entries live under ``<home>/speech-cache/`` as plain WAV files (one per clause, named by a hash of the
  key); writes are atomic, and a file that does not parse is treated as a miss and rewritten.
- Lines are pre-rendered through the same provider as the show, so the cached audio is what the show
  would have said; ``prerender`` reports lines that failed instead of stopping at the first.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cohost.errors import CohostError
from cohost.speech.audio import Audio, concat, read_wav, write_wav
from cohost.speech.clauses import split_clauses
from cohost.speech.normalizer import NORMALIZER_VERSION, normalize
from cohost.speech.tts import TTS, SpeechChunk, prepare

log = logging.getLogger(__name__)


class PrerenderCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def in_home(cls, home: Path) -> PrerenderCache:
        return cls(home / "speech-cache")

    def key(self, text: str, voice: str) -> str:
        spoken = normalize(text)
        return hashlib.sha256(f"v{NORMALIZER_VERSION}\0{voice}\0{spoken}".encode()).hexdigest()[:40]

    def path(self, text: str, voice: str) -> Path:
        return self.folder / f"{self.key(text, voice)}.wav"

    def get(self, text: str, voice: str) -> Audio | None:
        path = self.path(text, voice)
        try:
            audio = read_wav(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("speech cache entry %s is unreadable (%s); rendering again", path.name, exc)
            return None
        return Audio(audio.pcm, audio.sample_rate, voice)

    def put(self, text: str, audio: Audio) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(text, audio.voice)
        write_wav(path, audio)
        return path

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*.wav")) if self.folder.is_dir() else 0


@dataclass
class PrerenderReport:
    rendered: int = 0
    cached: int = 0
    seconds_of_audio: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)
    voices: set[str] = field(default_factory=set)


def current_voice(tts: TTS, voice: str | None) -> str:
    """The voice ``tts`` would speak with now: the requested one, or the first voice of its first link."""
    if voice:
        return voice
    chain: Sequence[TTS] = getattr(tts, "chain", None) or [tts]
    return chain[0].voices[0]


def prerender(lines: Iterable[str], tts: TTS, cache: PrerenderCache, voice: str | None = None) -> PrerenderReport:
    """Synthesise every clause of ``lines`` not cached yet, clause by clause (so a cached line can still
    be interrupted between clauses). Lines with nothing to say are skipped, not failures."""
    report = PrerenderReport()
    want = current_voice(tts, voice)
    for line in lines:
        clauses = split_clauses(normalize(line))
        if not clauses:
            continue
        if all(cache.get(c, want) is not None for c in clauses):
            report.cached += 1
            continue
        try:
            for chunk in tts.stream(line, voice):
                audio = Audio(chunk.pcm, chunk.sample_rate, chunk.voice)
                cache.put(chunk.text, audio)
                report.seconds_of_audio += audio.duration
                report.voices.add(chunk.voice)
        except CohostError as exc:
            report.failed.append((line, str(exc)))
            continue
        report.rendered += 1
    return report


class CachedTTS:
    """A TTS that serves pre-rendered lines from the cache and synthesises the rest (live answers).

    A line is served from the cache only when every one of its clauses is there in the voice the chain
    would use now. ``store_misses`` is off by default: live answers are one-off and would grow the cache
    without bound."""

    def __init__(self, tts: TTS, cache: PrerenderCache, *, store_misses: bool = False) -> None:
        self.tts, self.cache, self.store_misses = tts, cache, store_misses
        self.name = f"cached({tts.name})"
        self.sample_rate = tts.sample_rate
        self.voices = tts.voices
        self.hits = 0
        self.misses = 0

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        return concat([Audio(c.pcm, c.sample_rate, c.voice) for c in self.stream(text, voice)],
                      self.sample_rate)

    def stream(self, text: str, voice: str | None = None) -> Iterator[SpeechChunk]:
        clauses = prepare(text)
        want = current_voice(self.tts, voice)
        cached = [self.cache.get(c, want) for c in clauses]
        if all(a is not None for a in cached):
            self.hits += 1
            return iter([SpeechChunk(i, c, a.resampled(self.sample_rate).pcm, self.sample_rate, a.voice,
                                     final=i == len(clauses) - 1)
                         for i, (c, a) in enumerate(zip(clauses, cached, strict=True)) if a is not None])
        self.misses += 1
        return self._live(text, voice)

    def _live(self, text: str, voice: str | None) -> Iterator[SpeechChunk]:
        for chunk in self.tts.stream(text, voice):
            if self.store_misses:
                self.cache.put(chunk.text, Audio(chunk.pcm, chunk.sample_rate, chunk.voice))
            yield chunk
