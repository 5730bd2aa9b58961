"""The RTMP push keeps a bounded queue: a server that stops taking audio must not make the show hoard it."""

from __future__ import annotations

import stat
import time
from pathlib import Path

from cohost.anchor.lines import Line
from cohost.anchor.outputs import RtmpPush
from cohost.speech.tts import SpeechChunk


def stalled_ffmpeg(tmp_path: Path) -> str:
    """An 'ffmpeg' that stays up and never reads its stdin (a server that stopped taking data)."""
    script = tmp_path / "ffmpeg"
    script.write_text("#!/bin/sh\nexec sleep 30\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_a_stalled_push_drops_audio_instead_of_queueing_it_all_show(tmp_path: Path) -> None:
    push = RtmpPush("rtmp://127.0.0.1:1/live/key", sample_rate=16000, ffmpeg=stalled_ffmpeg(tmp_path),
                    keep_live=False, cue=False, max_queued=8)
    try:
        line = Line("测试", "filler")
        chunk = SpeechChunk(0, "测试", bytes(32000), 16000, "fake", final=True)  # 1 s of audio
        for _ in range(200):
            push.audio(chunk, line)
        time.sleep(0.2)
        assert push._queue.qsize() <= 8
        assert push.dropped >= 200 - 8 - 8  # what the pipe buffer and the writer took is not dropped
        assert push.status()["dropped_chunks"] == push.dropped
    finally:
        push.proc.kill()
        push.close(timeout=1)
    assert push.proc.poll() is not None
