"""Batched appends to the sealed evidence log keep its guarantees: whole records, one write per batch, a torn
tail cut on reopen, no gap after a short write, refs in order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cohost.errors import StoreError
from cohost.live import evidence


def _open(path: Path, key: bytes | None = None) -> evidence.EvidenceLog:
    return evidence.EvidenceLog.open(path, room="r1", session="s1", source="ingest", key=key, fsync_interval=-1)


@pytest.mark.parametrize("key", [None, bytes(range(32))])
def test_append_many_reads_back_like_single_appends(tmp_path: Path, key: bytes | None) -> None:
    path = tmp_path / "a.evlog"
    log = _open(path, key)
    log.append(1, b'{"type": "chat"}')
    log.append_many([(2, b"two"), (3, b"three"), (4, b"\xff binary")])
    log.append_many([])
    assert (log.last_ref, log.records) == (4, 4)
    log.close()
    assert list(evidence.read_log(path, key)) == [(1, b'{"type": "chat"}'), (2, b"two"), (3, b"three"), (4, b"\xff binary")]


def test_one_write_per_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _open(tmp_path / "b.evlog")
    writes: list[int] = []
    real = os.write

    def counting(fd: int, data: bytes) -> int:
        writes.append(len(data))
        return real(fd, data)

    monkeypatch.setattr(evidence.os, "write", counting)
    log.append_many([(ref, b"x" * ref) for ref in range(1, 101)])
    monkeypatch.undo()
    log.close()
    assert len(writes) == 1
    assert [ref for ref, _ in evidence.read_log(tmp_path / "b.evlog", None)] == list(range(1, 101))


def test_a_batch_torn_by_a_crash_keeps_its_whole_records(tmp_path: Path) -> None:
    path = tmp_path / "c.evlog"
    log = _open(path)
    log.append_many([(1, b"a" * 50), (2, b"b" * 50), (3, b"c" * 50)])
    log.close()
    os.truncate(path, path.stat().st_size - 20)  # killed in the middle of the batch's last record
    reopened = _open(path)
    assert (reopened.last_ref, reopened.records) == (2, 2)
    reopened.append_many([(3, b"again")])
    reopened.close()
    assert [ref for ref, _ in evidence.read_log(path, None)] == [1, 2, 3]


def test_a_short_write_is_completed_not_left_as_a_gap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.evlog"
    log = _open(path)
    real = os.write

    def short(fd: int, data: bytes) -> int:
        return real(fd, data[: max(1, len(data) // 3)])

    monkeypatch.setattr(evidence.os, "write", short)
    log.append_many([(1, b"x" * 100), (2, b"y" * 100)])
    log.append(3, b"z" * 10)
    monkeypatch.undo()
    log.close()
    assert list(evidence.read_log(path, None)) == [(1, b"x" * 100), (2, b"y" * 100), (3, b"z" * 10)]


def test_a_failed_write_takes_back_its_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "e.evlog"
    log = _open(path)
    log.append(1, b"kept")
    real = os.write
    calls = [0]

    def failing(fd: int, data: bytes) -> int:
        calls[0] += 1
        if calls[0] == 1:
            return real(fd, data[:7])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(evidence.os, "write", failing)
    with pytest.raises(StoreError):
        log.append_many([(2, b"x" * 40), (3, b"y" * 40)])
    monkeypatch.undo()
    log.append(2, b"after")
    log.close()
    assert list(evidence.read_log(path, None)) == [(1, b"kept"), (2, b"after")]
    again = _open(path)
    assert again.records == 2
    again.close()
