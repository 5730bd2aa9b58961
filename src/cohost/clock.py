"""Clocks. Code that waits or measures takes a ``Clock``; tests pass a ``ManualClock`` and never sleep.

Two readings, as the standard library has them:

- ``time()``: wall-clock seconds since the epoch (what event timestamps are compared with);
- ``monotonic()``: seconds that never go backwards (what intervals and timeouts are measured with).

``sleep()`` on a ``ManualClock`` advances the clock instead of waiting, so a loop that paces itself
(e.g. a replay at ``--speed 1``) runs instantly in a test and still sees time pass.
"""

from __future__ import annotations

import asyncio
import time as _time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    def time(self) -> float: ...

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def time(self) -> float:
        return _time.time()

    def monotonic(self) -> float:
        return _time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class ManualClock:
    """A clock that moves only when told to. ``sleep`` advances it (and yields to the event loop once)."""

    def __init__(self, start: float = 1_763_640_000.0) -> None:
        self._wall = float(start)
        self._mono = 0.0
        self.slept = 0.0

    def time(self) -> float:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._wall += seconds
        self._mono += seconds

    def set(self, wall: float) -> None:
        """Jump the wall clock (e.g. to an event's timestamp); the monotonic reading moves forward only."""
        self._mono += max(0.0, wall - self._wall)
        self._wall = float(wall)

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.advance(seconds)
            self.slept += seconds
        await asyncio.sleep(0)


SYSTEM_CLOCK = SystemClock()
