"""What used to stall a live room: an inline ``fsync`` of the evidence log and full garbage-collector
passes over the whole heap. Neither is timed here; the tests check where the work happens."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest

from cohost.events import End
from cohost.live import evidence
from cohost.live.heap import HeapSettler
from cohost.live.room import LiveConfig, LiveRoom
from cohost.testing.live_fakes import ScriptedSource, fake_collaborators


def test_the_evidence_log_is_fsynced_off_the_appending_thread_and_on_close(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = os.fsync

    def recording(fd: int) -> None:
        calls.append(threading.current_thread().name)
        real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    path = tmp_path / "ev" / "s.evlog"
    log = evidence.EvidenceLog.open(path, room="r1", session="s", source="t", key=None, fsync_interval=0.0)
    calls.clear()  # the header's own fsync at creation
    me = threading.current_thread().name
    for ref in range(1, 2001):
        log.append(ref, b'{"type": "chat"}')
    assert me not in calls  # the appending thread never waits for the disk
    log._sync_pending()
    assert log._synced == log.records == 2000
    log.close()
    assert calls[-1] == me  # close makes everything durable before it returns
    assert [ref for ref, _ in evidence.read_log(path, None)][-1] == 2000


def test_the_heap_settler_moves_long_lived_objects_out_of_the_collectors_full_passes() -> None:
    settler = HeapSettler(every=3)
    try:
        keep = [object() for _ in range(10)]
        before = gc.get_freeze_count()
        settler.tick(2)
        assert settler.settles == 0
        settler.tick()
        assert settler.settles == 1 and gc.get_freeze_count() > before
        assert keep
    finally:
        gc.unfreeze()


def test_a_settler_with_every_zero_never_settles() -> None:
    settler = HeapSettler(every=0)
    settler.tick(10_000)
    assert settler.settles == 0


def test_a_room_settles_its_heap_at_start_and_every_n_events(tmp_path: Path) -> None:
    src = ScriptedSource().stats(0, 100, "MZ-001").chats([f"第{i}个问题多少钱" for i in range(25)], at=1.0)
    room = LiveRoom(tmp_path / "home", "r1", fake_collaborators(), source="test",
                    config=LiveConfig(settle_every=10), json_out=tmp_path / "out.jsonl")
    try:
        room.start()
        assert room.heap.settles == 1
        for ref, raw in src.lines():
            room.accept(raw, ref)
        room.control(End(ts=room.stream_time))
        room.close(ended=True)
        assert room.heap.settles == 1 + 26 // 10
    finally:
        gc.unfreeze()
