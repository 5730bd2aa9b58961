"""The pipeline machinery: a plain list of stages; each handles the event types it accepts and passes the
rest on unchanged (pipecat-style pass-through). The live path itself is listed in ``cohost.live.room``.

Constraints:

- ``push`` is synchronous and deterministic: the same events in the same order give the same outputs.
  That is what lets a restart after a crash replay the event log and skip what was already written.
- A stage that raises does not stop the stream: the pipeline emits an ``ErrorEvent`` naming the stage and
  the input ``ref``, then passes on whatever the stage's ``fallback`` returns (by default the event
  unchanged; the PII stage's fallback redacts the whole text, so a failure never leaks raw text).
- Observers are read-only: they see every output event after the last stage and cannot change it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from cohost.events import ClassifiedComment, ErrorEvent

log = logging.getLogger(__name__)

Observer = Callable[[Any], None]


def ref_of(event: Any) -> int:
    """The input line an event derives from (0 when none)."""
    if isinstance(event, ClassifiedComment):
        return event.comment.ref
    ref = getattr(event, "ref", None)
    if ref is None:
        ref = getattr(event, "first_ref", 0)
    return ref if isinstance(ref, int) else 0


def ts_of(event: Any) -> float:
    if isinstance(event, ClassifiedComment):
        return event.comment.ts
    ts = getattr(event, "ts", 0.0)
    return float(ts) if isinstance(ts, (int, float)) else 0.0


class Stage:
    """Base of a stage. Subclasses set ``name`` and ``accepts`` and override ``process``."""

    name: ClassVar[str] = "stage"
    accepts: ClassVar[tuple[type, ...]] = ()

    def process(self, event: Any) -> Iterable[Any]:
        """Return the events to pass on; include ``event`` itself to keep it in the stream."""
        return (event,)

    def fallback(self, event: Any) -> Iterable[Any]:
        """What to pass on when ``process`` raised."""
        return (event,)


class LivePipeline:
    """``LivePipeline([NormalizeStage(), MaskStage(), …])``: the stages in order, plus observers."""

    def __init__(self, stages: Sequence[Stage], observers: Sequence[Observer] = ()) -> None:
        names = [s.name for s in stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names must be unique: {names}")
        self.stages = list(stages)
        self.observers = list(observers)
        self._routes: dict[type, tuple[bool, ...]] = {}
        self._nexts: dict[type, tuple[int, ...]] = {}
        self.errors = 0
        self._logged: set[tuple[str, type]] = set()

    def stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def _route(self, kind: type) -> tuple[bool, ...]:
        route = self._routes.get(kind)
        if route is None:
            route = self._routes[kind] = tuple(issubclass(kind, s.accepts) for s in self.stages)
        return route

    def _next_of(self, kind: type) -> tuple[int, ...]:
        """For each stage index i, the index of the first stage at or after i that accepts ``kind``
        (``len(stages)`` when none does): a lone event jumps straight to the next stage that handles it."""
        nexts = self._nexts.get(kind)
        if nexts is None:
            route = self._route(kind)
            table = [len(route)] * (len(route) + 1)
            for i in range(len(route) - 1, -1, -1):
                table[i] = i if route[i] else table[i + 1]
            nexts = self._nexts[kind] = tuple(table)
        return nexts

    def _failed(self, stage: Stage, item: Any, exc: Exception) -> list[Any]:
        """A failing stage becomes an error event, then whatever its ``fallback`` passes on."""
        self.errors += 1
        if (stage.name, type(exc)) not in self._logged:  # once per kind, the stream may repeat it
            self._logged.add((stage.name, type(exc)))
            log.warning("live stage %s failed on ref %s", stage.name, ref_of(item), exc_info=True)
        out: list[Any] = [ErrorEvent(ref=ref_of(item), ts=ts_of(item), stage=stage.name,
                                     code="stage_failed", message=f"{type(exc).__name__}: {exc}"[:300])]
        out.extend(stage.fallback(item))
        return out

    def push(self, event: Any) -> list[Any]:
        """Run one event through every stage; return the output events (and show them to observers)."""
        batch: list[Any] = [event]
        stages = self.stages
        count = len(stages)
        nexts_of = self._nexts
        routes = self._routes
        index = 0
        while index < count:
            if len(batch) == 1:  # the common case: one event, handed only to the stages that accept it
                item = batch[0]
                nexts = nexts_of.get(type(item)) or self._next_of(type(item))
                index = nexts[index]
                if index >= count:
                    break
                stage = stages[index]
                batch = []
                try:
                    result = stage.process(item)
                    # a tuple (what most stages return) is taken as it is; any other iterable is drained into
                    # a fresh list as before, so a generator that raises half-way still passes on what it
                    # yielded, then the error event
                    if type(result) is tuple:
                        batch = result  # type: ignore[assignment]
                    else:
                        batch.extend(result)
                except Exception as exc:  # a failing stage becomes an error event; the stream goes on
                    batch.extend(self._failed(stage, item, exc))
            else:
                stage = stages[index]
                out: list[Any] = []
                for item in batch:
                    route = routes.get(type(item)) or self._route(type(item))
                    if not route[index]:
                        out.append(item)
                        continue
                    try:
                        out.extend(stage.process(item))
                    except Exception as exc:  # a failing stage becomes an error event; the stream goes on
                        out.extend(self._failed(stage, item, exc))
                batch = out
            if not batch:
                break
            index += 1
        if type(batch) is not list:
            batch = list(batch)
        for observer in self.observers:
            for item in batch:
                observer(item)
        return batch
