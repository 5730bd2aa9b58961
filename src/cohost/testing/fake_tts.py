"""A fake TTS for tests: real PCM16 audio (tones, one per character) from no model, with failure knobs.

It goes through the same normalisation and clause splitting as every engine (it is an ``EngineTTS``),
so a test using it sees the clauses a real voice would speak. Knobs:

- ``fail_on="词"``: any clause containing it raises ``ProviderError`` (``category``, ``retryable``);
- ``fail_after=n``: the first ``n`` clauses render, every later one fails (a voice dying mid-show);
- ``calls`` records every clause rendered, in order, with its voice.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cohost.errors import ProviderError
from cohost.speech.audio import Audio
from cohost.speech.tts import EngineTTS

SECONDS_PER_CHAR = 0.2


class FakeTTS(EngineTTS):
    def __init__(self, *, name: str = "fake", voices: Sequence[str] = ("fake-a", "fake-b"),
                 sample_rate: int = 16000, fail_on: str | None = None, fail_after: int | None = None,
                 category: str = "server", retryable: bool = True) -> None:
        self.name = name
        self.voices = tuple(voices)
        self.sample_rate = sample_rate
        self.fail_on = fail_on
        self.fail_after = fail_after
        self.category = category
        self.retryable = retryable
        self.calls: list[tuple[str, str]] = []

    def render(self, clause: str, voice: str) -> Audio:
        if self.fail_on and self.fail_on in clause:
            raise ProviderError(self.name, self.category, f"cannot say {self.fail_on!r}", retryable=self.retryable)
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise ProviderError(self.name, self.category, "voice died", retryable=self.retryable)
        self.calls.append((clause, voice))
        pieces = []
        n = int(SECONDS_PER_CHAR * self.sample_rate)
        t = np.arange(n) / self.sample_rate
        for ch in clause:
            if ch.isspace() or not ch.isalnum():
                pieces.append(np.zeros(n // 4))
                continue
            freq = 180.0 + (ord(ch) % 50) * 8 + 40 * self.voices.index(voice)
            pieces.append(0.3 * np.sin(2 * np.pi * freq * t) * np.hanning(n))
        return Audio.from_samples(np.concatenate(pieces) if pieces else np.zeros(0), self.sample_rate, voice)
