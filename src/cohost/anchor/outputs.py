"""The show's outputs besides the stage page: the show's audio as a WAV file, and an optional RTMP push.

- ``WavRecorder`` writes ``<show folder>/audio.wav`` as the show goes (PCM16 mono, the voice's rate): the
  GB 45438 rhythm cue first (GB-3), the ``AIGC`` implicit label in LIST/INFO (GB-4), each clause as it is
  sent, and the silences between utterances as they happened on the show clock (each capped at
  ``max_gap`` seconds). The RIFF sizes are patched on ``close``; a crashed show leaves a file whose header
  under-states its length, which players accept.
- ``RtmpPush`` pipes the same PCM into ``ffmpeg`` (apt package ``ffmpeg``) as AAC in FLV to an RTMP URL.
  It is off unless asked for; a missing ffmpeg is an error naming the package. Not integration-tested yet.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from cohost.anchor.lines import Line
from cohost.clock import Clock
from cohost.errors import ProviderError
from cohost.speech.audio import Audio
from cohost.speech.disclosure import PRODUCER, rhythm_cue
from cohost.speech.tts import SpeechChunk


def _resampled(chunk: SpeechChunk, rate: int) -> bytes:
    if chunk.sample_rate == rate:
        return chunk.pcm
    return Audio(chunk.pcm, chunk.sample_rate).resampled(rate).pcm


def _info_chunk(show_id: str) -> bytes:
    safe = "".join(c for c in show_id if (c.isascii() and c.isalnum()) or c in "-_")[:64] or "show"
    label = {"Label": "1", "ContentProducer": PRODUCER, "ProduceID": safe, "ReservedCode1": "",
             "ContentPropagator": PRODUCER, "PropagateID": safe, "ReservedCode2": ""}
    body = b"INFO"
    for tag, text in (("ICMT", "AIGC=" + json.dumps(label, separators=(",", ":"))), ("ISFT", PRODUCER)):
        data = text.encode("utf-8") + b"\0"
        if len(data) % 2:
            data += b"\0"
        body += tag.encode() + struct.pack("<I", len(data)) + data
    return b"LIST" + struct.pack("<I", len(body)) + body


class WavRecorder:
    def __init__(self, path: Path, *, sample_rate: int, clock: Clock, show_id: str, max_gap: float = 30.0) -> None:
        self.path, self.rate, self.clock, self.max_gap = path, sample_rate, clock, max_gap
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: BinaryIO | None = path.open("wb")
        info = _info_chunk(show_id)
        self._fh.write(b"RIFF" + struct.pack("<I", 0) + b"WAVE")
        self._fh.write(b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, sample_rate, sample_rate * 2, 2, 16))
        self._fh.write(info)
        self._fh.write(b"data" + struct.pack("<I", 0))
        self._data_at = self._fh.tell()
        self.bytes = 0
        self._until: float | None = None
        self._write(rhythm_cue(sample_rate).pcm)

    def _write(self, pcm: bytes) -> None:
        if self._fh is not None:
            self._fh.write(pcm)
            self.bytes += len(pcm)

    @property
    def seconds(self) -> float:
        return self.bytes / 2 / self.rate

    def event(self, record: dict[str, Any]) -> None:
        return None

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        now = self.clock.monotonic()
        if self._until is not None and now > self._until:
            gap = min(self.max_gap, now - self._until)
            self._write(np.zeros(int(gap * self.rate), dtype="<i2").tobytes())
        pcm = _resampled(chunk, self.rate)
        self._write(pcm)
        self._until = max(now, self._until or now) + len(pcm) / 2 / self.rate

    def close(self) -> None:
        if self._fh is None:
            return
        end = self._fh.tell()
        self._fh.seek(4)
        self._fh.write(struct.pack("<I", end - 8))
        self._fh.seek(self._data_at - 4)
        self._fh.write(struct.pack("<I", end - self._data_at))
        self._fh.close()
        self._fh = None


class RtmpPush:
    """Audio to an RTMP URL through ffmpeg (AAC in FLV)."""

    def __init__(self, url: str, *, sample_rate: int, ffmpeg: str | None = None) -> None:
        binary = ffmpeg or shutil.which("ffmpeg")
        if binary is None:
            raise ProviderError("rtmp", "missing", "ffmpeg is not installed", retryable=False)
        self.rate = sample_rate
        self.proc = subprocess.Popen(
            [binary, "-hide_banner", "-loglevel", "error", "-f", "s16le", "-ar", str(sample_rate), "-ac", "1",
             "-i", "pipe:0", "-c:a", "aac", "-b:a", "96k", "-metadata", "comment=AIGC Label=1 Cohost",
             "-f", "flv", url], stdin=subprocess.PIPE)

    def event(self, record: dict[str, Any]) -> None:
        return None

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        if self.proc.stdin is None or self.proc.poll() is not None:
            return
        try:
            self.proc.stdin.write(_resampled(chunk, self.rate))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def close(self) -> None:
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
