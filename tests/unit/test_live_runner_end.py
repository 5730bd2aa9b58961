"""Ending a live room off the event loop: the ended session's close (durable "ended" state, then the show
folder) runs on a worker thread, so other rooms and HTTP keep being served; shutdown waits for it; a restart
or a new session never resumes the ended one; a second end does nothing; failures are logged by name.

The show-folder writer is made slow with a fake that blocks on a ``threading.Event``: every assertion is
about ordering (what happened before the writer was let go), never about how long something took.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cohost.config import Settings
from cohost.domain import Catalog
from cohost.live import room as room_module
from cohost.live.runner import RoomEnded, RoomHub, Subscriber
from cohost.server import create_app
from cohost.store import Store
from cohost.testing.live_fakes import ScriptedSource, fake_collaborators, products

WAIT = 10.0  # a safety net so a broken build fails instead of hanging; never a timing assertion


class SlowWriter:
    """Stands in for ``write_show``: says when it started, blocks until released, then writes for real."""

    def __init__(self, fail: bool = False) -> None:
        self.real = room_module.write_show
        self.entered = threading.Event()
        self.release = threading.Event()
        self.finished = threading.Event()
        self.fail = fail
        self.calls: list[str] = []

    def __call__(self, home: Path, **kwargs: Any) -> Path:
        self.calls.append(str(kwargs["session"]))
        self.entered.set()
        try:
            if not self.release.wait(WAIT):
                raise AssertionError("the slow writer was never released")
            if self.fail:
                raise ValueError("disk says no")
            path: Path = self.real(home, **kwargs)
            return path
        finally:
            self.finished.set()

    async def started(self) -> None:
        assert await asyncio.to_thread(self.entered.wait, WAIT), "the show folder was never written"


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowWriter]:
    writer = SlowWriter()
    monkeypatch.setattr(room_module, "write_show", writer)
    yield writer
    writer.release.set()  # never leave a worker thread blocked behind a failed test


def make_hub(home: Path) -> RoomHub:
    return RoomHub(home, lambda _t: fake_collaborators())


def run(coro: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(coro())


def state(home: Path, room: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((home / "live" / room / "session.json").read_text(encoding="utf-8"))
    return doc


async def next_record(sub: Subscriber, kind: str) -> dict[str, Any]:
    async def find() -> dict[str, Any]:
        while True:
            record = await sub.queue.get()
            if record.get("kind") == kind:
                return record
    return await asyncio.wait_for(find(), WAIT)


def test_other_rooms_and_http_are_served_while_an_ended_room_writes_its_show_folder(
        tmp_path: Path, slow: SlowWriter) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'cohost.db'}")
    store.catalog.import_catalog(Catalog(products=products()))
    app = create_app(Settings(home=tmp_path), store=store, auth=False)
    hub = make_hub(tmp_path)
    app.state.live_hub = hub

    async def go() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            posted = await http.post("/api/rooms/a1/events", content=ScriptedSource(room="a1").chat("多少钱", 1).text())
            assert posted.json()["accepted"] == 1
            other = await hub.get("b1")
            sub = Subscriber()
            other.subscribers.add(sub)
            ended = await http.post("/api/rooms/a1/control", json={"type": "end"})
            assert ended.json() == {"room": "a1", "applied": "end", "ended": True}
            await slow.started()  # a1's show folder is being written, and stays blocked until released

            other.admit([ScriptedSource(room="b1").chat("这个多少钱", 2).events[0]])
            comment = await next_record(sub, "comment")  # the other room's output arrives...
            health = await http.get("/healthz")  # ...and the server still answers
            metrics = await http.get("/api/rooms/b1/metrics")
            assert not slow.finished.is_set(), "served only after the slow writer finished"
            assert comment["ref"] == 1 and health.json()["status"] == "ok" and metrics.json()["session"]

            # the ended room already took its "ended" state durably, before the show folder
            assert state(tmp_path, "a1")["status"] == "ended"
            assert not hub.rooms["a1"].accepting and not hub.rooms["a1"].closed
            slow.release.set()
            await hub.rooms["a1"].wait_closed()
            assert slow.finished.is_set() and hub.rooms["a1"].room.show_path is not None
            await hub.close()

    try:
        run(go)
    finally:
        store.close()


def test_shutdown_waits_for_the_pending_show_folder(tmp_path: Path, slow: SlowWriter) -> None:
    async def go() -> None:
        hub = make_hub(tmp_path)
        runner = await hub.get("r1")
        runner.admit([line for _, line in ScriptedSource(room="r1").chats(["多少钱", "有货吗"], at=1).lines()])
        session = runner.room.session
        assert await hub.end("r1")
        await slow.started()
        closing = asyncio.create_task(hub.close())
        for _ in range(50):  # give shutdown every chance to run ahead of the writer
            await asyncio.sleep(0)
        assert not closing.done(), "shutdown returned while the show folder was still being written"
        slow.release.set()
        await asyncio.wait_for(closing, WAIT)
        show = tmp_path / "shows" / session
        assert slow.finished.is_set() and (show / "show.json").is_file() and (show / "events.jsonl").is_file()
        assert hub.rooms == {}

    run(go)


def test_after_an_end_neither_a_restart_nor_the_next_batch_resumes_the_ended_session(
        tmp_path: Path, slow: SlowWriter) -> None:
    async def go() -> tuple[str, str]:
        hub = make_hub(tmp_path)
        runner = await hub.get("r1")
        runner.admit([ScriptedSource(room="r1").chat("多少钱", 1).events[0]])
        ended = runner.room.session
        assert await hub.end("r1")
        assert not await hub.end("r1"), "a second end must do nothing"
        await slow.started()
        with pytest.raises(RoomEnded):
            runner.admit([b"{}"])  # the ended session takes no more input
        # the next batch asks for the room while the show folder is still being written: it gets a new
        # session, opened only after the ended one's close
        nxt = asyncio.create_task(hub.get("r1"))
        for _ in range(20):
            await asyncio.sleep(0)
        slow.release.set()
        fresh = await asyncio.wait_for(nxt, WAIT)
        assert fresh is not runner and fresh.room.session != ended and not fresh.room.resumed
        fresh.admit([ScriptedSource(room="r1").chat("有货吗", 2).events[0]])
        await hub.close()
        return ended, fresh.room.session

    first, second = asyncio.run(go())
    assert state(tmp_path, "r1") == {**state(tmp_path, "r1"), "session": second, "status": "running"}

    async def restart() -> None:  # a restart resumes the running session, never the ended one
        hub = make_hub(tmp_path)
        runner = await hub.get("r1")
        assert runner.room.session == second and runner.room.resumed
        assert await hub.end("r1")
        await hub.close()

    slow.release.set()
    run(restart)

    async def restart_after_end() -> None:
        hub = make_hub(tmp_path)
        assert not await hub.end("r1"), "ending a room with nothing running must not open a session"
        assert hub.rooms == {}
        runner = await hub.get("r1")
        assert runner.room.session not in (first, second) and not runner.room.resumed
        await hub.close()

    run(restart_after_end)
    assert slow.calls == [first, second]
    assert (tmp_path / "shows" / first / "show.json").is_file() and (tmp_path / "shows" / second).is_dir()


def test_a_failed_show_folder_is_logged_with_the_room_and_the_session(
        tmp_path: Path, slow: SlowWriter, caplog: pytest.LogCaptureFixture) -> None:
    slow.fail = True
    slow.release.set()

    async def go() -> str:
        hub = make_hub(tmp_path)
        runner = await hub.get("r7")
        runner.admit([ScriptedSource(room="r7").chat("多少钱", 1).events[0]])
        assert await hub.end("r7")
        await hub.close()
        return runner.room.session

    with caplog.at_level(logging.WARNING):
        session = asyncio.run(go())
    assert any("r7" in r.getMessage() and session in r.getMessage() and r.levelno >= logging.ERROR
               for r in caplog.records)
    assert state(tmp_path, "r7")["status"] == "ended"


def test_a_close_that_raises_is_logged_and_shutdown_still_finishes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(home: Path, **kwargs: Any) -> Path:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(room_module, "write_show", broken)

    async def go() -> str:
        hub = make_hub(tmp_path)
        runner = await hub.get("r8")
        assert await hub.end("r8")
        await hub.close()
        return runner.room.session

    with caplog.at_level(logging.ERROR):
        session = asyncio.run(go())
    assert any("r8" in r.getMessage() and session in r.getMessage() for r in caplog.records)


def test_lines_admitted_before_the_end_are_processed_and_reach_the_show_folder(tmp_path: Path) -> None:
    texts = [f"{i}号链接多少钱" for i in range(1, 41)]

    async def go() -> str:
        hub = make_hub(tmp_path)
        runner = await hub.get("r1")
        # admitted and queued, then the end arrives before the worker has had a turn
        runner.admit([line for _, line in ScriptedSource(room="r1").chats(texts, at=1).lines()])
        assert not runner.inbox.empty()
        assert await hub.end("r1")
        with pytest.raises(RoomEnded):
            runner.admit([ScriptedSource(room="r1").chat("晚到的", 9).events[0]])  # nothing after the end
        await runner.wait_closed()
        session = runner.room.session
        await hub.close()
        return session

    session = asyncio.run(go())
    events = (tmp_path / "shows" / session / "events.jsonl").read_text(encoding="utf-8").splitlines()
    said = [json.loads(e).get("text") for e in events]
    assert said == texts  # every admitted line, in order; the late one never entered the session
