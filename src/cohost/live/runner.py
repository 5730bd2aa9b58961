"""Rooms served concurrently (the server's ingest and feed): a bounded input queue per room, one worker
task that processes it, a feed fan-out, and a ticker for quiet rooms.

Constraints:

- A line is logged to the evidence store when it is *admitted* (before the HTTP or WebSocket sender is
  told "accepted"); the queue only holds admitted lines. If the queue cannot take a whole batch the batch
  is refused before anything is logged (the sender retries), so "accepted" always means "will be done".
- Control signals skip the queue (``control``) and are applied between two input lines, except ``End``:
  once it is queued the room admits nothing more, and the lines admitted before it are processed before it
  is applied (they are in the evidence log, so they belong to the session and its show folder).
- The worker yields to the event loop every ``batch`` lines, so one flooded room never stalls the others.
- Feed subscribers get bounded queues; a slow one loses its oldest records and is told how many.
- Quiet rooms get a ``Tick`` every ``tick_every`` seconds advancing stream time by the real time elapsed,
  so groups close and metrics report; the tick is logged like any control.
- Nothing slow runs on the event loop, which serves every room of the process: opening a room (a resumed
  session replays its whole log) and closing an ended one (flush, the durable "ended" state, then the show
  folder — a re-read of the whole log, ~1.5 s CPU per 100k events) run on a worker thread. The room is
  marked ended on the loop first: it takes no more input and no second ``End``; the hub opens the room's
  next session only once the old one's close has finished (its state file says "ended", so the new one
  never resumes it), and ``RoomHub.close`` (server shutdown) waits for every pending close. A failed close
  or show folder is logged with the room and the session.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.events import Control, End, Tick
from cohost.live.room import Collaborators, LiveConfig, LiveRoom, check_room

log = logging.getLogger(__name__)


class RoomEnded(RuntimeError):
    """The runner's session has ended (or is stopping): get the room's runner again from the hub."""


class Subscriber:
    def __init__(self, maxsize: int = 1000) -> None:
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize)
        self.dropped = 0

    def offer(self, record: dict[str, Any]) -> None:
        while self.queue.full():
            self.queue.get_nowait()
            self.dropped += 1
        self.queue.put_nowait(record)


class RoomRunner:
    def __init__(self, room: LiveRoom, *, clock: Clock = SYSTEM_CLOCK, batch: int = 256, tick_every: float = 5.0) -> None:
        self.room = room
        self.clock = clock
        self.batch = batch
        self.tick_every = tick_every
        self.inbox: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue(room.config.queue_size)
        self.subscribers: set[Subscriber] = set()
        self._controls: list[Control] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_input = clock.monotonic()
        self.ended = False  # End applied: no more input, no second End (set on the loop, before the close)
        self._ending = False  # End queued: no more input; what was admitted before it is processed first
        self._end_applied = asyncio.Event()
        self._stopping = False
        self._closing: asyncio.Task[None] | None = None  # the close of an ended session (worker thread)
        room.on_record = self._broadcast

    def _broadcast(self, record: dict[str, Any]) -> None:
        for sub in list(self.subscribers):
            sub.offer(record)

    def start(self) -> None:
        """Open the room here and start its worker (tests, tools); the server uses ``open``."""
        self.room.start()
        self._launch()

    async def open(self) -> None:
        """Open the room on a worker thread (a resumed session replays its log), then start its worker."""
        await asyncio.to_thread(self.room.start)
        self._launch()

    def _launch(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._work(), name=f"live-room-{self.room.room}")

    @property
    def accepting(self) -> bool:
        return not (self.ended or self._stopping)

    @property
    def taking_input(self) -> bool:
        """Accepting, and no ``End`` queued (the lines before it are still being processed)."""
        return self.accepting and not self._ending

    @property
    def closed(self) -> bool:
        """The ended session's close (state, show folder) has finished, or there was none to do."""
        return self._closing is None or self._closing.done()

    async def wait_closed(self) -> None:
        """Wait for the ended session's close; the close itself is never cancelled by the waiter."""
        if self._ending and self._closing is None:
            await self._end_applied.wait()  # the lines admitted before the End are still being processed
        if self._closing is not None:
            await asyncio.shield(self._closing)

    def room_for(self, lines: int) -> bool:
        return self.taking_input and self.inbox.maxsize - self.inbox.qsize() >= lines

    def admit(self, raws: list[bytes]) -> list[int]:
        """Log and queue lines; the caller has checked ``room_for`` (nothing awaits in between)."""
        if not self.taking_input:
            raise RoomEnded(f"live room {self.room.room} session {self.room.session} has ended")
        refs = self.room.admit_many(raws)  # one write to the evidence log for the whole batch
        for ref, raw in zip(refs, raws, strict=True):
            self.inbox.put_nowait((ref, raw))
        self._last_input = self.clock.monotonic()
        self._wake.set()
        return refs

    async def admit_waiting(self, raws: list[bytes]) -> list[int]:
        """Like ``admit`` but waits for space (WebSocket senders are slowed down, not refused)."""
        while self.taking_input and not self.room_for(len(raws)):
            await asyncio.sleep(0.01)
        return self.admit(raws)  # raises RoomEnded if the session ended meanwhile

    def control(self, event: Control) -> bool:
        """Queue a signal; False (ignored) once the session ended or an ``End`` is already pending."""
        if not self.accepting or (isinstance(event, End) and any(isinstance(c, End) for c in self._controls)):
            return False
        self._controls.append(event)
        if isinstance(event, End):
            self._ending = True
        self._wake.set()
        return True

    async def _work(self) -> None:
        while not self._stopping:  # also ends it if a cancel was swallowed (wait_for, Python 3.11)
            if not self._controls and self.inbox.empty():
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.tick_every)
                quiet = self.clock.monotonic() - self._last_input
                if not self._controls and self.inbox.empty() and quiet >= self.tick_every and self.room.stream_time > 0:
                    self._controls.append(Tick(ts=self.room.stream_time + quiet))
            while self._controls:
                if isinstance(self._controls[0], End) and not self.inbox.empty():
                    break  # lines admitted before the End are part of the session: process them first
                event = self._controls.pop(0)
                self.room.control(event)
                if isinstance(event, End):
                    self.ended = True
                    self._controls.clear()
                    self._end_applied.set()
                    self._closing = asyncio.get_running_loop().create_task(
                        self._close_ended(), name=f"live-room-close-{self.room.room}")
                    return
            for _ in range(self.batch):
                if (self._controls and not isinstance(self._controls[0], End)) or self.inbox.empty():
                    break
                ref, raw = self.inbox.get_nowait()
                try:
                    self.room.process(ref, raw)
                except Exception as exc:  # never a stalled room: report it and take the next line
                    log.exception("live room %s failed on ref %s", self.room.room, ref)
                    self._broadcast({"kind": "error", "ref": ref, "ts": self.room.stream_time, "stage": "room",
                                     "code": "internal", "message": f"{type(exc).__name__}: {exc}"[:300]})
            self.room.flush()
            await asyncio.sleep(0)

    async def _close_ended(self) -> None:
        await asyncio.to_thread(self._close_ended_now)

    def _close_ended_now(self) -> None:
        room, session = self.room.room, self.room.session
        try:
            # LiveRoom.close writes the durable "ended" state before it starts on the show folder
            self.room.close(ended=True)
        except Exception:
            log.exception("live room %s session %s: closing the ended session failed", room, session)
            return
        if self.room.show_path is None:
            log.error("live room %s session %s: the show folder was not written (see the warning above); "
                      "the evidence log and output journal are kept", room, session)

    async def stop(self) -> None:
        """Stop without ending the session (a restart resumes it); an ended one's close is waited for."""
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._closing is not None:
            await self.wait_closed()
            return
        if not self.ended:
            while not self.inbox.empty():  # already admitted: finish them, they are in the log anyway
                ref, raw = self.inbox.get_nowait()
                self.room.process(ref, raw)
            for event in self._controls:  # signals not yet applied, up to a queued End
                self.room.control(event)
                if isinstance(event, End):
                    self.ended = True
                    break
            self._controls.clear()
            self._end_applied.set()
            if self.ended:
                await asyncio.to_thread(self._close_ended_now)
            else:
                self.room.close(ended=False)


class RoomHub:
    """The rooms of one server process, created on first use."""

    def __init__(self, home: Path, collaborators: Callable[[Callable[[], float]], Collaborators], *,
                 config: LiveConfig | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        self.home = home
        self.make_collaborators = collaborators
        self.config = config or LiveConfig()
        self.clock = clock
        self.rooms: dict[str, RoomRunner] = {}
        self._locks: dict[str, asyncio.Lock] = {}  # per room: opening one room never waits for another

    async def get(self, name: str) -> RoomRunner:
        """The room's running session; a new one once the last ended (after that one's close finished)."""
        check_room(name)
        while True:
            runner = self.rooms.get(name)
            if runner is not None and runner.taking_input:
                return runner
            if runner is not None and (runner.accepting or not runner.closed):
                await runner.wait_closed()  # its state must say "ended" before the next session opens
                continue
            async with self._locks.setdefault(name, asyncio.Lock()):
                current = self.rooms.get(name)
                if current is not runner:
                    continue  # someone else opened (or ended) it meanwhile: look again
                fresh = await self._open(name)
                self.rooms[name] = fresh
                return fresh

    async def _open(self, name: str) -> RoomRunner:
        holder: list[LiveRoom] = []
        collaborators = await asyncio.to_thread(
            self.make_collaborators, lambda: holder[0].stream_time if holder else 0.0)
        room = LiveRoom(self.home, name, collaborators, source="ingest", config=self.config)
        holder.append(room)
        runner = RoomRunner(room, clock=self.clock)
        await runner.open()
        return runner

    def running(self, name: str) -> RoomRunner | None:
        """The room's runner if it is taking input, without opening a session."""
        runner = self.rooms.get(check_room(name))
        return runner if runner is not None and runner.accepting else None

    def has_running_session(self, name: str) -> bool:
        """True when the room's last session on disk is still running (a restart would resume it)."""
        try:
            doc = json.loads((self.home / "live" / check_room(name) / "session.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(doc, dict) and doc.get("status") == "running" and doc.get("source") == "ingest"

    async def end(self, name: str) -> bool:
        """End the room's session; False (nothing done) when it has already ended or none is running."""
        runner = self.running(name)
        if runner is None:
            old = self.rooms.get(name)
            if old is not None:
                await old.wait_closed()
            if not self.has_running_session(name):
                return False
            runner = await self.get(name)  # after a restart: resume the running session to end it
        return runner.control(End(ts=runner.room.stream_time))

    async def close(self) -> None:
        """Stop every room (server shutdown); waits for ended sessions' state and show folders."""
        runners = list(self.rooms.values())
        results = await asyncio.gather(*(runner.stop() for runner in runners), return_exceptions=True)
        for runner, result in zip(runners, results, strict=True):
            if isinstance(result, BaseException):
                log.error("live room %s session %s: stopping failed", runner.room.room, runner.room.session,
                          exc_info=result)
        self.rooms.clear()
