"""Keeping the cyclic garbage collector from stalling a live room.

CPython's collector runs a full (generation 2) pass now and then, and a full pass walks every tracked
object alive: the catalog, the Q&A indexes, the segmenter's dictionary, the rooms' caches (tens of
thousands of entries each). Measured in ``bench/pipeline.py``, one such pass paused a room for 0.5–0.9 s,
which was the whole p99 of the steady-rate latency run.

``HeapSettler.settle`` collects the young generations (where nearly all cyclic garbage is) and then moves
every surviving object to the permanent generation (``gc.freeze``); later full passes only walk what was
allocated since. Called when a room starts and every ``every`` processed events, the full passes stay
small. Objects still alive at a settle are never examined for cycles again (reference counting still frees
them); the live path's long-lived objects (cache entries, events, groups) hold no reference cycles, so
nothing measurable is kept (RSS is sampled over the 1M-event benchmark).

Constraint: ``gc.freeze`` is process-wide; it changes when memory is scanned, never what is freed by
reference counting, so sharing a process with other code is safe.
"""

from __future__ import annotations

import gc


class HeapSettler:
    def __init__(self, every: int = 5_000) -> None:
        self.every = every
        self._countdown = every
        self.settles = 0

    def settle(self) -> None:
        gc.collect(1)
        gc.freeze()
        self.settles += 1
        self._countdown = self.every

    def tick(self, events: int = 1) -> None:
        """Count processed events; settle every ``every`` of them (never when ``every`` is 0)."""
        if self.every <= 0:
            return
        self._countdown -= events
        if self._countdown <= 0:
            self.settle()
