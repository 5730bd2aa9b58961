"""Rooms served concurrently (the server's ingest and feed): a bounded input queue per room, one worker
task that processes it, a feed fan-out, and a ticker for quiet rooms.

Constraints:

- A line is logged to the evidence store when it is *admitted* (before the HTTP or WebSocket sender is
  told "accepted"); the queue only holds admitted lines. If the queue cannot take a whole batch the batch
  is refused before anything is logged (the sender retries), so "accepted" always means "will be done".
- Control signals skip the queue (``control``) and are applied between two input lines.
- The worker yields to the event loop every ``batch`` lines, so one flooded room never stalls the others.
- Feed subscribers get bounded queues; a slow one loses its oldest records and is told how many.
- Quiet rooms get a ``Tick`` every ``tick_every`` seconds advancing stream time by the real time elapsed,
  so groups close and metrics report; the tick is logged like any control.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.events import Control, End, Tick
from cohost.live.room import Collaborators, LiveConfig, LiveRoom, check_room

log = logging.getLogger(__name__)


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
        self.ended = False
        room.on_record = self._broadcast

    def _broadcast(self, record: dict[str, Any]) -> None:
        for sub in list(self.subscribers):
            sub.offer(record)

    def start(self) -> None:
        self.room.start()
        self._task = asyncio.get_running_loop().create_task(self._work(), name=f"live-room-{self.room.room}")

    def room_for(self, lines: int) -> bool:
        return self.inbox.maxsize - self.inbox.qsize() >= lines

    def admit(self, raws: list[bytes]) -> list[int]:
        """Log and queue lines; the caller has checked ``room_for`` (nothing awaits in between)."""
        refs = []
        for raw in raws:
            ref = self.room.admit(raw)
            self.inbox.put_nowait((ref, raw))
            refs.append(ref)
        self._last_input = self.clock.monotonic()
        self._wake.set()
        return refs

    async def admit_waiting(self, raws: list[bytes]) -> list[int]:
        """Like ``admit`` but waits for space (WebSocket senders are slowed down, not refused)."""
        while not self.room_for(len(raws)):
            await asyncio.sleep(0.01)
        return self.admit(raws)

    def control(self, event: Control) -> None:
        self._controls.append(event)
        self._wake.set()

    async def _work(self) -> None:
        while True:
            if not self._controls and self.inbox.empty():
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.tick_every)
                quiet = self.clock.monotonic() - self._last_input
                if not self._controls and self.inbox.empty() and quiet >= self.tick_every and self.room.stream_time > 0:
                    self._controls.append(Tick(ts=self.room.stream_time + quiet))
            while self._controls:
                event = self._controls.pop(0)
                self.room.control(event)
                if isinstance(event, End):
                    self.ended = True
                    self.room.close(ended=True)
                    return
            for _ in range(self.batch):
                if self._controls or self.inbox.empty():
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

    async def stop(self) -> None:
        """Stop without ending the session (a restart resumes it)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if not self.ended:
            while not self.inbox.empty():  # already admitted: finish them, they are in the log anyway
                ref, raw = self.inbox.get_nowait()
                self.room.process(ref, raw)
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
        self._lock = asyncio.Lock()

    async def get(self, name: str) -> RoomRunner:
        check_room(name)
        runner = self.rooms.get(name)
        if runner is not None and not runner.ended:
            return runner
        async with self._lock:
            runner = self.rooms.get(name)
            if runner is None or runner.ended:
                holder: list[LiveRoom] = []
                collaborators = await asyncio.to_thread(
                    self.make_collaborators, lambda: holder[0].stream_time if holder else 0.0)
                room = LiveRoom(self.home, name, collaborators, source="ingest", config=self.config)
                holder.append(room)
                runner = RoomRunner(room, clock=self.clock)
                runner.start()
                self.rooms[name] = runner
        return runner

    async def close(self) -> None:
        for runner in list(self.rooms.values()):
            await runner.stop()
        self.rooms.clear()
