"""Group-level answer cache: a question group whose first comment is a question already answered (the same
masked text, the same product on screen) gets that answer again, unless any fact it could rest on may
have changed. Live rooms repeat themselves: the same phrasing opens a new group each time the last one
closed.

The Q&A core reads prices, stock and promotions from the store for every answer; a cache in front of it
must never make Cohost speak a stale fact. So an entry is valid only for the exact fact state it was
computed in, and that state is part of the key:

- the catalog version, read from the store on *every* call (``FactSource.version`` without a TTL: a
  cheap aggregate query that changes whenever any product, its stock, or the shop changes). A new version
  empties the cache before anything is answered from it;
- the validity epoch of the time-bounded facts (promotion windows, expiring evidence) at the question's
  stream time: ``(number of windows started, number of windows ended)``. Facts are valid on
  ``valid_from <= now <= valid_until``, so the two counts determine exactly which of them are valid.

Constraint: this relies on the Q&A core using time only through fact validity (``ProductFact.is_valid_at``);
if it ever uses the clock otherwise, the epoch must include that too.

Keys are exactly the answerer's inputs (the question text and the product on screen): the Q&A core's
answer is a function of them and of the fact state. The grouping key (intent, product, topic) is *not*
a safe key: on 100,000 simulated events it reused answers resting on other facts (an attribute question
answered with the price the group before had asked for). Bounded (least recently used
out). The Q&A core's phrasing rotation is not part of the answer's content: a reused answer keeps its words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from datetime import datetime
from typing import Any

Window = tuple[datetime | None, datetime | None]


class AnswerCache:
    """What the answerer said per (question key, fact state). ``version`` and ``windows`` come from the
    fact source (see ``cohost.live.wiring``); ``windows`` is read again only when the version changes."""

    def __init__(self, version: Callable[[], str], windows: Callable[[], Iterable[Window]], *,
                 size: int = 20_000) -> None:
        self._version_of = version
        self._windows_of = windows
        self.size = size
        self._version: str | None = None
        self._starts: list[float] = []
        self._ends: list[float] = []
        self._entries: OrderedDict[tuple[Hashable, ...], dict[str, Any]] = OrderedDict()
        self.hits = 0
        self.misses = 0
        self.invalidations = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _state(self, ts: float) -> tuple[str, int, int]:
        version = self._version_of()
        if version != self._version:
            if self._version is not None:
                self.invalidations += 1
            self._entries.clear()
            self._version = version
            starts, ends = [], []
            for start, end in self._windows_of():
                if start is not None:
                    starts.append(start.timestamp())
                if end is not None:
                    ends.append(end.timestamp())
            self._starts, self._ends = sorted(starts), sorted(ends)
        # started: valid_from <= ts; ended: valid_until < ts
        return version, bisect_right(self._starts, ts), bisect_left(self._ends, ts)

    def version_read_by(self, source: Callable[[], str]) -> str | None:
        """The catalog version the last lookup read, if it was read from ``source`` (so an answer computed
        inside ``get_or_compute`` can pin it rather than read the same version again); else None."""
        return self._version if source == self._version_of else None  # == : bound methods are made anew

    def get_or_compute(self, key: tuple[Hashable, ...], ts: float,
                       compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        full = (*key, *self._state(ts))
        hit = self._entries.get(full)
        if hit is not None:
            self._entries.move_to_end(full)
            self.hits += 1
            return hit
        self.misses += 1
        reply = compute()
        self._entries[full] = reply
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return reply
