"""Comment sources: ``replay:FILE`` and ``simulate[:opts]`` as (ref, raw line) streams, plus pacing.

Constraints:

- A replay is read as bytes, line by line with a cap (``MAX_LINE``): a gigantic line is cut and still
  yielded (the wire reader reports it by line number) without ever holding more than the cap in memory.
  Whitespace-only lines are not events and are skipped; ``ref`` stays the 1-based line number.
- ``start_after`` resumes a source after the last ref already in the evidence log.
- Pacing (``--speed N``): event time / N maps onto the clock; 0 means as fast as possible; a silence
  longer than ``max_wait`` seconds of clock time is skipped, not waited out. It waits on
  a ``Clock``, so a test with a ``ManualClock`` never sleeps.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cohost.clock import Clock
from cohost.domain import Product
from cohost.errors import InputError
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.live.wire import MAX_LINE

_TS = re.compile(rb'"ts"\s*:\s*(-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)')


@dataclass(frozen=True)
class SourceSpec:
    kind: str  # "replay" | "simulate"
    path: Path | None = None
    sim: SimOptions | None = None

    def identity(self) -> str:
        if self.kind == "replay" and self.path is not None:
            return f"replay:{self.path.resolve()}"
        return self.sim.identity() if self.sim else self.kind


def parse_source(spec: str, *, minutes: float | None = None, room: str | None = None) -> SourceSpec:
    """``replay:FILE`` or ``simulate`` / ``simulate:rate=50,minutes=5,seed=3``."""
    kind, _, rest = spec.partition(":")
    if kind == "replay":
        if not rest:
            raise InputError("replay needs a file: --source replay:EVENTS.jsonl")
        path = Path(rest)
        if not path.is_file():
            raise InputError(f"replay file not found: {path}")
        return SourceSpec("replay", path=path)
    if kind == "simulate":
        try:
            options = SimOptions.parse(rest)
        except (TypeError, ValueError) as exc:
            raise InputError(f"bad simulate options {rest!r}: {exc}") from exc
        changes: dict[str, object] = {}
        if minutes is not None and "minutes=" not in rest:
            changes["minutes"] = minutes
        if room is not None and "room=" not in rest:
            changes["room"] = room
        if changes:
            options = SimOptions(**{**options.__dict__, **changes})
        return SourceSpec("simulate", sim=options)
    raise InputError(f"unknown source {spec!r}", hint="use replay:FILE or simulate[:rate=50,minutes=5,seed=7]")


def replay_lines(path: Path, *, start_after: int = 0) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as fh:
        ref = 0
        while True:
            line = fh.readline(MAX_LINE + 1)
            if not line:
                return
            ref += 1
            if len(line) > MAX_LINE and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # drop the remainder of an over-long line
            if ref <= start_after or not line.strip():
                continue
            yield ref, line.rstrip(b"\r\n")


def simulated_lines(products: Sequence[Product], options: SimOptions, *, start_after: int = 0) -> Iterator[tuple[int, bytes]]:
    for ref, event in enumerate(AudienceSimulator(products, options).events(), start=1):
        if ref > start_after:
            yield ref, json.dumps(event, ensure_ascii=False).encode("utf-8")


def lines_of(spec: SourceSpec, products: Sequence[Product], *, start_after: int = 0) -> Iterator[tuple[int, bytes]]:
    if spec.kind == "replay" and spec.path is not None:
        return replay_lines(spec.path, start_after=start_after)
    assert spec.sim is not None
    return simulated_lines(products, spec.sim, start_after=start_after)


def peek_ts(raw: bytes) -> float | None:
    """The ``ts`` of a raw line without parsing it all (pacing only; the wire reader decides)."""
    match = _TS.search(raw[:4096])
    if not match:
        return None
    try:
        value = float(match.group(1))
    except ValueError:
        return None
    return value / 1000.0 if value > 1e11 else value


class Pacer:
    """Waits so that event time runs ``speed`` times faster than the clock (``speed`` 0: no waiting)."""

    def __init__(self, clock: Clock, speed: float, *, max_wait: float = 60.0) -> None:
        if speed < 0:
            raise InputError("--speed must be 0 (as fast as possible) or more")
        self.clock = clock
        self.speed = speed
        self.max_wait = max_wait
        self._origin: tuple[float, float] | None = None
        self._last_ts: float | None = None

    async def wait_for(self, ts: float | None) -> None:
        if self.speed == 0 or ts is None:
            return
        if self._last_ts is not None and ts < self._last_ts:
            return  # out of order: process at once
        if self._origin is None or (self._last_ts is not None and ts - self._last_ts > self.max_wait * self.speed):
            self._origin = (ts, self.clock.monotonic())  # start, or skip a long silence
        self._last_ts = ts
        first_ts, first_clock = self._origin
        delay = first_clock + (ts - first_ts) / self.speed - self.clock.monotonic()
        if delay > 0:
            await self.clock.sleep(delay)
