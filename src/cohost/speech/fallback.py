"""A TTS made of other TTS providers: the first that works speaks; the chain ends in espeak-ng.

Constraints:

- A ``ProviderError`` moves on to the next provider; ``InputError`` (nothing to say, text too long) does
  not, since no other voice would do better. Each provider's first failure is logged once as a warning
  (the log says which voice now speaks); repeats are counted in ``failures``, not logged again.
- In ``stream``, a failure mid-utterance continues from the clause that failed with the next provider:
  chunks already played are not repeated.
- Everything the chain returns is at the chain's ``sample_rate`` (its first provider's), whichever
  provider spoke, so a player never has to reopen its device.
- A requested voice is tried on the provider that has it, then the chain falls back to the others'
  default voices (speaking in another voice beats silence on a live show).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from cohost.errors import InputError, ProviderError
from cohost.speech.audio import Audio, concat
from cohost.speech.tts import TTS, SpeechChunk, prepare

log = logging.getLogger(__name__)


class FallbackTTS:
    def __init__(self, chain: Sequence[TTS]) -> None:
        if not chain:
            raise ValueError("a fallback chain needs at least one provider")
        self.chain = list(chain)
        self.name = "fallback(" + ",".join(p.name for p in self.chain) + ")"
        self.sample_rate = self.chain[0].sample_rate
        self.voices: Sequence[str] = tuple(v for p in self.chain for v in p.voices)
        self.failures: dict[str, int] = {}

    def _order(self, voice: str | None) -> list[tuple[TTS, str | None]]:
        if voice is None:
            return [(p, None) for p in self.chain]
        owners = [p for p in self.chain if voice in p.voices or voice == p.name]
        if not owners:
            raise InputError(f"unknown voice {voice!r}", hint=f"voices: {', '.join(self.voices)}")
        first = owners[0]
        return [(first, voice)] + [(p, None) for p in self.chain if p is not first]

    def _failed(self, provider: TTS, exc: ProviderError, nxt: TTS | None) -> None:
        count = self.failures.get(provider.name, 0) + 1
        self.failures[provider.name] = count
        if count == 1:
            then = f"; {nxt.name} speaks instead" if nxt else "; no voice left"
            log.warning("TTS %s failed (%s, retryable=%s): %s%s", provider.name, exc.category, exc.retryable,
                        exc.message, then)

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        return concat([Audio(c.pcm, c.sample_rate, c.voice) for c in self.stream(text, voice)],
                      self.sample_rate)

    def stream(self, text: str, voice: str | None = None) -> Iterator[SpeechChunk]:
        order = self._order(voice)
        prepare(text)  # raise InputError now, not at the first chunk
        return self._stream(text, order)

    def _stream(self, text: str, order: list[tuple[TTS, str | None]]) -> Iterator[SpeechChunk]:
        remaining, index = text, 0
        last: ProviderError | None = None
        for position, (provider, voice) in enumerate(order):
            nxt = order[position + 1][0] if position + 1 < len(order) else None
            done: list[str] = []
            try:
                for chunk in provider.stream(remaining, voice):
                    audio = Audio(chunk.pcm, chunk.sample_rate).resampled(self.sample_rate)
                    done.append(chunk.text)
                    yield SpeechChunk(index, chunk.text, audio.pcm, self.sample_rate, chunk.voice, chunk.final)
                    index += 1
                return
            except ProviderError as exc:
                self._failed(provider, exc, nxt)
                last = exc
                if done:  # go on from the clause that failed, in the next voice
                    clauses = prepare(remaining)
                    remaining = "".join(clauses[len(done):]) or remaining
        assert last is not None
        raise last
