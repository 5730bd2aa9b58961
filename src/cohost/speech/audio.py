"""Audio as Cohost passes it around: 16-bit PCM, mono, little-endian, with its sample rate.

Constraints:

- ``Audio.pcm`` is always PCM16 mono; engines convert on the way in (``Audio.from_float``, ``read_wav``).
- ``read_wav`` accepts what real engines write (PCM8/16/24/32, float32, several channels, the
  0xFFFFFFFF sizes espeak-ng writes to a pipe) and rejects anything else with ``ValueError``.
- ``to_wav`` writes a plain RIFF/WAVE file readable by the ``wave`` module, with an optional LIST/INFO
  chunk (GB 45438 implicit AIGC label, see ``cohost.speech.disclosure``).
- Files are written atomically (temp file + rename): a reader never sees half a WAV.
"""

from __future__ import annotations

import os
import struct
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.int16]


@dataclass(frozen=True, slots=True)
class Audio:
    """Mono PCM16 audio. ``voice`` names the voice that actually spoke it (after any fallback)."""

    pcm: bytes
    sample_rate: int
    voice: str = ""

    def __post_init__(self) -> None:
        if self.sample_rate <= 0:
            raise ValueError(f"sample rate must be positive, got {self.sample_rate}")
        if len(self.pcm) % 2:
            raise ValueError("PCM16 data must have an even number of bytes")

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate

    def samples(self) -> Samples:
        return np.frombuffer(self.pcm, dtype="<i2")

    def rms(self) -> float:
        s = self.samples().astype(np.float64)
        return float(np.sqrt(np.mean(s * s))) if s.size else 0.0

    @classmethod
    def from_samples(cls, samples: npt.ArrayLike, sample_rate: int, voice: str = "") -> Audio:
        """From float samples in [-1, 1] (clipped) or int16 samples."""
        arr = np.asarray(samples)
        if arr.ndim > 1:  # (frames, channels) as soundfile returns it
            arr = arr.reshape(arr.shape[0], -1).mean(axis=1)
        if arr.dtype != np.int16:
            arr = np.nan_to_num(arr.astype(np.float64), nan=0.0, posinf=1.0, neginf=-1.0)
            arr = (np.clip(arr, -1.0, 1.0) * 32767.0).round().astype(np.int16)
        return cls(arr.astype("<i2").tobytes(), sample_rate, voice)

    def resampled(self, rate: int) -> Audio:
        """Linear-interpolation resampling; enough for speech between 16 and 48 kHz."""
        if rate == self.sample_rate or not self.pcm:
            return Audio(self.pcm, rate, self.voice) if not self.pcm else self
        src = self.samples().astype(np.float64)
        n = max(1, round(src.size * rate / self.sample_rate))
        positions = np.linspace(0, src.size - 1, n)
        out = np.interp(positions, np.arange(src.size), src)
        return Audio(np.clip(out.round(), -32768, 32767).astype("<i2").tobytes(), rate, self.voice)

    def trimmed(self, threshold: float = 0.01, keep: float = 0.02) -> Audio:
        """Without leading and trailing silence (below ``threshold`` of full scale), keeping ``keep`` s."""
        s = self.samples()
        loud = np.flatnonzero(np.abs(s.astype(np.int32)) > threshold * 32767)
        if loud.size == 0:
            return Audio(b"", self.sample_rate, self.voice)
        pad = int(keep * self.sample_rate)
        start, end = max(0, int(loud[0]) - pad), min(s.size, int(loud[-1]) + 1 + pad)
        return Audio(s[start:end].tobytes(), self.sample_rate, self.voice)

    def to_wav(self, *, info: Mapping[str, str] | None = None) -> bytes:
        """A RIFF/WAVE file; ``info`` adds a LIST/INFO chunk (four-letter ids such as ICMT, ISFT)."""
        fmt = struct.pack("<HHIIHH", 1, 1, self.sample_rate, self.sample_rate * 2, 2, 16)
        chunks = [_chunk(b"fmt ", fmt)]
        if info:
            body = b"INFO" + b"".join(_chunk(k.encode("ascii")[:4].ljust(4), v.encode("utf-8") + b"\0")
                                      for k, v in info.items())
            chunks.append(_chunk(b"LIST", body))
        chunks.append(_chunk(b"data", self.pcm))
        payload = b"WAVE" + b"".join(chunks)
        return b"RIFF" + struct.pack("<I", len(payload)) + payload


def _chunk(tag: bytes, body: bytes) -> bytes:
    return tag + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def silence(seconds: float, sample_rate: int, voice: str = "") -> Audio:
    return Audio(b"\0\0" * max(0, int(seconds * sample_rate)), sample_rate, voice)


def concat(parts: Iterable[Audio], sample_rate: int | None = None) -> Audio:
    """Join audio, resampling every part to ``sample_rate`` (default: the first part's)."""
    items = list(parts)
    if not items:
        raise ValueError("nothing to join")
    rate = sample_rate or items[0].sample_rate
    voices = [a.voice for a in items if a.voice]
    return Audio(b"".join(a.resampled(rate).pcm for a in items), rate, voices[0] if voices else "")


def read_wav(data: bytes) -> Audio:
    """Parse a WAV file into mono PCM16. Raises ``ValueError`` with the reason for anything else."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a RIFF/WAVE file")
    pos, fmt, pcm = 12, None, None
    while pos + 8 <= len(data):
        tag, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]  # a streamed header says 0xFFFFFFFF: take what is there
        if tag == b"fmt ":
            if len(body) < 16:
                raise ValueError("WAV fmt chunk is too short")
            fmt = struct.unpack("<HHIIHH", body[:16])
            if fmt[0] == 0xFFFE and len(body) >= 26:  # WAVE_FORMAT_EXTENSIBLE: the code starts the GUID
                fmt = (struct.unpack("<H", body[24:26])[0], *fmt[1:])
        elif tag == b"data":
            pcm = body
            break
        pos += 8 + size + (size % 2)
    if fmt is None or pcm is None:
        raise ValueError("WAV file has no fmt or no data chunk")
    code, channels, rate, _, _, bits = fmt
    if channels < 1 or rate < 1:
        raise ValueError(f"WAV file has {channels} channels at {rate} Hz")
    samples = _decode(pcm, code, bits)
    usable = samples.size - samples.size % channels
    if channels > 1:
        samples = samples[:usable].reshape(-1, channels).mean(axis=1)
    return Audio.from_samples(samples, rate)


def _decode(pcm: bytes, code: int, bits: int) -> npt.NDArray[np.float64]:
    if code == 1 and bits == 16:
        return np.frombuffer(pcm[: len(pcm) // 2 * 2], "<i2").astype(np.float64) / 32768.0
    if code == 1 and bits == 8:
        return (np.frombuffer(pcm, np.uint8).astype(np.float64) - 128.0) / 128.0
    if code == 1 and bits == 24:
        raw = np.frombuffer(pcm[: len(pcm) // 3 * 3], np.uint8).reshape(-1, 3).astype(np.int32)
        value = raw[:, 0] | (raw[:, 1] << 8) | (raw[:, 2] << 16)
        return np.where(value >= 1 << 23, value - (1 << 24), value).astype(np.float64) / float(1 << 23)
    if code == 1 and bits == 32:
        return np.frombuffer(pcm[: len(pcm) // 4 * 4], "<i4").astype(np.float64) / 2147483648.0
    if code == 3 and bits == 32:
        return np.frombuffer(pcm[: len(pcm) // 4 * 4], "<f4").astype(np.float64)
    raise ValueError(f"unsupported WAV encoding (format {code}, {bits} bits)")


def write_wav(path: Path, audio: Audio, *, info: Mapping[str, str] | None = None) -> None:
    """Write atomically. Raises ``OSError`` if the folder is missing or not writable."""
    data = audio.to_wav(info=info)
    fd, tmp = tempfile.mkstemp(prefix=".cohost-", suffix=".wav.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
