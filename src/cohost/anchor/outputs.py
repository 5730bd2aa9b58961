"""The show's outputs besides the stage page: the show's audio as a WAV file, and an optional RTMP push.

- ``WavRecorder`` writes ``<show folder>/audio.wav`` as the show goes (PCM16 mono, the voice's rate): the
  GB 45438 rhythm cue first (GB-3), the ``AIGC`` implicit label in LIST/INFO (GB-4), each clause as it is
  sent, and the silences between utterances as they happened on the show clock (each capped at
  ``max_gap`` seconds). The RIFF sizes are patched on ``close``; a crashed show leaves a file whose header
  under-states its length, which players accept.
- ``RtmpPush`` pipes the same PCM into ``ffmpeg`` (apt package ``ffmpeg``) as AAC in FLV to an RTMP URL.
  It is off unless asked for; a missing ffmpeg is an error naming the package, a URL that refuses or a
  server that hangs up stops the push (not the show) and is named in ``error`` and the show summary.
  Integration-tested against ``ffmpeg -listen 1`` on loopback (tests/integration/test_anchor_rtmp.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import shutil
import struct
import subprocess
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import numpy as np

from cohost.anchor.lines import Line
from cohost.clock import Clock
from cohost.errors import InputError, ProviderError
from cohost.speech.audio import Audio
from cohost.speech.disclosure import PRODUCER, rhythm_cue
from cohost.speech.tts import SpeechChunk

log = logging.getLogger(__name__)
MAX_QUEUED = 64  # RTMP chunks (clauses) waiting for ffmpeg: a few minutes of audio at most


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
    """Audio to an RTMP URL through ffmpeg (AAC in FLV), the rhythm cue first, as the WAV file has it.

    ``audio`` only queues the PCM: a writer thread feeds ffmpeg's stdin, so a slow or stalled server never
    blocks the show's event loop. While the show is quiet the thread writes silence, so the stream's clock
    keeps up with real time (a live stream needs continuous audio). ffmpeg's stderr is kept; when ffmpeg
    exits early (the URL refuses, the server hangs up) the push stops, ``error`` says why, and it is logged
    once; the show goes on. ``close`` ends the process in every case (stdin closed, then terminate, then kill).
    The queue holds at most ``max_queued`` chunks: when the server stops taking audio but ffmpeg stays up,
    new chunks are dropped (counted in ``dropped``, logged once) instead of piling up in memory all show.
    """

    def __init__(self, url: str, *, sample_rate: int, ffmpeg: str | None = None, keep_live: bool = True,
                 cue: bool = True, max_queued: int = MAX_QUEUED) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("rtmp", "rtmps") or not parts.hostname:
            raise InputError(f"not an RTMP URL: {redact_url(url)}", hint="rtmp://host[:port]/app/stream-key")
        binary = ffmpeg or shutil.which("ffmpeg")
        if binary is None:
            raise ProviderError("rtmp", "missing", "ffmpeg is not installed (needed for --rtmp)", retryable=False,
                                hint="apt-get install ffmpeg")
        self.url, self.rate, self.keep_live = url, sample_rate, keep_live
        self.where = redact_url(url)
        self.error: str | None = None
        self.bytes = 0
        self._stderr: deque[str] = deque(maxlen=20)
        self._queue: queue.Queue[bytes | None] = queue.Queue(max(1, max_queued))
        self.dropped = 0
        self._closed = False
        self._warned = False
        try:
            self.proc = subprocess.Popen(
                [binary, "-hide_banner", "-nostats", "-loglevel", "error",
                 "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0",
                 "-c:a", "aac", "-b:a", "96k", "-metadata", "comment=AIGC Label=1 Cohost", "-f", "flv", url],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except OSError as exc:
            raise ProviderError("rtmp", "missing", f"cannot run ffmpeg ({binary}): {exc}", retryable=False,
                                hint="apt-get install ffmpeg") from exc
        self._reader = threading.Thread(target=self._read_stderr, name="rtmp-stderr", daemon=True)
        self._reader.start()
        self._writer = threading.Thread(target=self._pump, name="rtmp-writer", daemon=True)
        self._writer.start()
        if cue:
            self._queue.put(rhythm_cue(sample_rate).pcm)

    @property
    def seconds(self) -> float:
        return self.bytes / 2 / self.rate

    @property
    def alive(self) -> bool:
        return self.error is None and self.proc.poll() is None

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            text = raw.decode("utf-8", "replace").strip()
            if text:
                self._stderr.append(text)

    def _failed(self, why: str) -> None:
        if self.error is None:
            self._reader.join(timeout=2)  # the reason is usually the last thing ffmpeg printed
            tail = "; ".join(list(self._stderr)[-3:])
            self.error = f"ffmpeg stopped pushing to {self.where}: {why}" + (f" ({tail})" if tail else "")
        if not self._warned:
            self._warned = True
            log.warning("rtmp: %s", self.error)

    def _pump(self) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        began = time.monotonic()
        while True:
            try:
                pcm = self._queue.get(timeout=0.1)
            except queue.Empty:
                behind = (time.monotonic() - began) - self.seconds
                if not self.keep_live or behind <= 0:
                    continue
                pcm = bytes(2 * int((behind + 0.2) * self.rate))
            if pcm is None:
                return
            try:
                stdin.write(pcm)
                stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                self.proc.wait()  # it has exited or is exiting: a closed pipe means ffmpeg is gone
                self._failed(f"ffmpeg exited with {self.proc.returncode}")
                return
            self.bytes += len(pcm)

    def event(self, record: dict[str, Any]) -> None:
        return None

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        if self._closed:
            return
        if self.error is not None:
            return
        if self.proc.poll() is not None:  # gone before the show ended: nothing will read the queue
            self._failed(f"ffmpeg exited with {self.proc.returncode}")
            return
        try:
            self._queue.put_nowait(_resampled(chunk, self.rate))
        except queue.Full:
            if not self.dropped:
                log.warning("rtmp: %s is not taking audio as fast as the show makes it; dropping audio", self.where)
            self.dropped += 1

    def close(self, timeout: float = 10.0) -> None:
        """Send what is queued, end the stream, and make sure ffmpeg is gone (bounded by ``timeout``)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(queue.Full):
            self._queue.put(None, timeout=timeout)
        self._writer.join(timeout=timeout)
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                self.proc.stdin.close()  # EOF: ffmpeg flushes the encoder and closes the FLV stream
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self._failed("ffmpeg did not finish in time and was stopped")
        self._reader.join(timeout=2)
        if self.proc.stderr is not None:
            with contextlib.suppress(OSError):
                self.proc.stderr.close()
        if self.proc.returncode not in (0, None) and self.error is None:
            self._failed(f"ffmpeg exited with {self.proc.returncode}")

    def status(self) -> dict[str, Any]:
        """For the show summary; the URL without its stream key."""
        return {"url": self.where, "ok": self.error is None, "seconds": round(self.seconds, 1), "error": self.error,
                "dropped_chunks": self.dropped}


def redact_url(url: str) -> str:
    """``rtmp://host:port/app/…``: the stream key (the last path part) and any credentials left out."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    app = parts.path.strip("/").split("/")
    path = "/" + app[0] + "/…" if len(app) > 1 else "/…" if app[0] else ""
    return f"{parts.scheme}://{host}{path}"
