"""The anchor's RTMP push end to end: a show opened the way ``cohost anchor run --rtmp URL`` opens it (the
real store, checker and ``RtmpPush``, the FakeTTS for a quick voice) pushes through ffmpeg to a receiver
on loopback (``ffmpeg -listen 1``), which must end up with a non-silent AAC stream of about the length
spoken. A URL that refuses stops the push, not the show, and says why."""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from cohost.anchor.outputs import RtmpPush
from cohost.anchor.session import ScaledClock, open_show
from cohost.catalog import read_catalog
from cohost.config import Settings
from cohost.content import ContentStudio, ShowRequest
from cohost.errors import InputError, ProviderError
from cohost.store import Store
from cohost.testing.fake_tts import FakeTTS

pytestmark = pytest.mark.integration
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"

if shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None:
    pytest.skip("ffmpeg missing: apt-get install ffmpeg (make test installs it)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening(port: int) -> bool:
    """Whether something listens on TCP ``port``, read from /proc (a probe connection would use up the
    receiver's single ``-listen 1`` connection)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for row in Path(table).read_text().splitlines()[1:]:
                cols = row.split()
                if len(cols) > 3 and cols[1].endswith(f":{port:04X}") and cols[3] == "0A":  # 0A: LISTEN
                    return True
    return False


def wait_until(ok: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ok():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def approved_script(store: Store) -> str:
    store.catalog.import_catalog(read_catalog(EXAMPLE))
    skus = [p.sku for p in store.catalog.list()][:2]
    script = ContentStudio(store).new_script(ShowRequest.build(skus, 3, seed=2, title="推流"), actor="op")
    store.scripts.submit(script.id, by="op")
    store.scripts.approve(script.id, by="审核员")
    return script.id


def test_a_show_is_pushed_to_a_local_rtmp_receiver(tmp_path: Path) -> None:
    port = free_port()
    received = tmp_path / "received.flv"
    receiver = subprocess.Popen(
        ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-listen", "1",
         "-i", f"rtmp://127.0.0.1:{port}/live/test", "-c", "copy", str(received)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    settings = Settings(home=tmp_path / "home")
    settings.ensure_home()
    store = Store.open(settings.resolved_database_url)
    show = None
    try:
        wait_until(lambda: listening(port) or receiver.poll() is not None, 10, "the RTMP receiver to listen")
        assert receiver.poll() is None, receiver.stderr.read() if receiver.stderr else ""
        clock = ScaledClock(20.0)
        show = open_show(store, settings.home, approved_script(store), on_duty="王五", clock=clock, queue=None,
                         tts=FakeTTS(), rtmp=f"rtmp://127.0.0.1:{port}/live/test")
        assert show.rtmp is not None and show.rtmp.alive
        asyncio.run(show.runner.run(until=clock.time() + 40))
        summary = show.close()
        show = None
        assert summary["rtmp"]["ok"], summary["rtmp"]
        assert summary["rtmp"]["url"] == f"rtmp://127.0.0.1:{port}/live/…"  # no stream key in show.json
        pushed = summary["rtmp"]["seconds"]
        assert pushed > 10
        receiver.wait(timeout=10)  # the push ended the stream: the receiver finishes its file and exits
        assert receiver.returncode == 0, receiver.stderr.read() if receiver.stderr else ""

        probe = json.loads(subprocess.run(
            ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(received)],
            capture_output=True, check=True, timeout=10).stdout)
        audio = [s for s in probe["streams"] if s["codec_type"] == "audio"]
        assert len(audio) == 1 and audio[0]["codec_name"] == "aac" and not [
            s for s in probe["streams"] if s["codec_type"] == "video"]
        duration = float(probe["format"]["duration"])
        assert abs(duration - pushed) < 2.0, (duration, pushed)

        pcm = subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-i", str(received), "-f", "s16le", "-ac", "1",
                              "-ar", "16000", "-"], capture_output=True, check=True, timeout=10).stdout
        samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768
        assert len(samples) / 16000 > 10
        assert float(np.sqrt(np.mean(samples**2))) > 0.01  # not silence
        assert json.loads((Path(summary["audio"]).parent / "show.json").read_text())["rtmp"]["ok"]
    finally:
        if show is not None and show.rtmp is not None:
            show.rtmp.close(timeout=2)
        stop(receiver)
        store.close()


def test_a_refusing_url_stops_the_push_and_says_why() -> None:
    push = RtmpPush(f"rtmp://127.0.0.1:{free_port()}/live/key", sample_rate=16000)
    try:
        wait_until(lambda: not push.alive, 10, "ffmpeg to give up on a refused connection")
    finally:
        push.close(timeout=5)
    assert push.proc.returncode not in (0, None)
    assert push.error is not None and "rtmp://127.0.0.1" in push.error and "/live/…" in push.error
    assert "key" not in push.error.split("(")[0]
    assert push.status()["ok"] is False


def test_missing_ffmpeg_and_bad_urls_are_named(tmp_path: Path) -> None:
    with pytest.raises(ProviderError, match="ffmpeg"):
        RtmpPush("rtmp://127.0.0.1:1935/live/x", sample_rate=16000, ffmpeg=str(tmp_path / "no-ffmpeg"))
    with pytest.raises(InputError, match="RTMP"):
        RtmpPush("http://127.0.0.1/live/x", sample_rate=16000)
