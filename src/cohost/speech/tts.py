"""The TTS provider interface: one ``Protocol``, plus the clause-by-clause engine most providers share.

A provider takes the text as written (prices, model numbers, symbols) and speaks its normalised form
(``cohost.speech.normalizer``), so every voice reads ¥13999 the same way. Constraints:

- ``synthesize`` and ``stream`` give the same samples: joining the chunks of ``stream`` is the audio of
  ``synthesize`` (a pause is part of the chunk it follows).
- Audio is PCM16 mono at ``sample_rate``; every chunk of one call has the same rate.
- Empty or unspeakable text (only punctuation or emoji) and text over ``MAX_TEXT_CHARS`` raise
  ``InputError`` before any engine runs; an unknown voice raises ``InputError`` naming the voices.
- Engine failures leave as ``ProviderError(name, category, retryable)``; nothing else escapes, so a
  fallback chain can move on to the next provider.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from cohost.errors import InputError
from cohost.speech.audio import Audio, concat, silence
from cohost.speech.clauses import split_clauses
from cohost.speech.normalizer import normalize

MAX_TEXT_CHARS = 2000  # about eight minutes of speech; a show line is far shorter
PAUSE_AFTER = {"，": 0.12, "、": 0.08, "；": 0.18, "：": 0.12, "。": 0.28, "！": 0.28, "？": 0.28}


@dataclass(frozen=True, slots=True)
class SpeechChunk:
    """One clause of an utterance, ready to play. ``final`` marks the last chunk of the utterance."""

    index: int
    text: str
    pcm: bytes
    sample_rate: int
    voice: str
    final: bool = False

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate


@runtime_checkable
class TTS(Protocol):
    """A text-to-speech provider. ``voices[0]`` is its default voice."""

    name: str
    sample_rate: int
    voices: Sequence[str]

    def synthesize(self, text: str, voice: str | None = None) -> Audio: ...

    def stream(self, text: str, voice: str | None = None) -> Iterator[SpeechChunk]: ...


def prepare(text: str, lexicon: Mapping[str, str] | None = None) -> list[str]:
    """Validate ``text`` and return its spoken clauses. Raises ``InputError`` for nothing to say."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is too long to speak at once ({len(text)} characters, at most {MAX_TEXT_CHARS})",
                         hint="split it into lines; each line is one utterance")
    if not text.strip():
        raise InputError("nothing to say: the text is empty")
    clauses = split_clauses(normalize(text, lexicon=lexicon))
    if not clauses:
        raise InputError(f"nothing to say: {text[:40]!r} has no speakable words",
                         hint="the text holds only punctuation, symbols or emoji")
    return clauses


class EngineTTS:
    """Clause-by-clause synthesis over an engine's ``render(clause, voice)``.

    Subclasses set ``name``, ``sample_rate`` and ``voices`` and implement ``render``, which returns the
    audio of one normalised clause (any sample rate; it is resampled) or raises ``ProviderError``.
    Leading and trailing silence of each rendered clause is trimmed and replaced by a pause that depends
    on the clause's final punctuation, so all engines keep the same rhythm.
    """

    name: str = "engine"
    sample_rate: int = 22050
    voices: Sequence[str] = ()
    lexicon: Mapping[str, str] | None = None

    def render(self, clause: str, voice: str) -> Audio:
        raise NotImplementedError

    def resolve_voice(self, voice: str | None) -> str:
        if voice is None or voice == self.name:
            return self.voices[0]
        if voice not in self.voices:
            raise InputError(f"unknown voice {voice!r} for {self.name}",
                             hint=f"voices: {', '.join(self.voices)} (see `cohost say --list-voices`)")
        return voice

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        chunks = list(self.stream(text, voice))
        return concat([Audio(c.pcm, c.sample_rate, c.voice) for c in chunks], self.sample_rate)

    def stream(self, text: str, voice: str | None = None) -> Iterator[SpeechChunk]:
        name = self.resolve_voice(voice)
        clauses = prepare(text, self.lexicon)
        return self._chunks(clauses, name)

    def _chunks(self, clauses: list[str], voice: str) -> Iterator[SpeechChunk]:
        for index, clause in enumerate(clauses):
            spoken = self.render(clause, voice).resampled(self.sample_rate).trimmed()
            pause = silence(PAUSE_AFTER.get(clause[-1], 0.1), self.sample_rate)
            yield SpeechChunk(index, clause, spoken.pcm + pause.pcm, self.sample_rate, voice,
                              final=index == len(clauses) - 1)
