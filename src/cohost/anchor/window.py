"""A fixed-size window of recent samples (answer latencies), allocated once.

A show runs for days: anything it keeps per event must have a size fixed when the show starts, not one
that fills up over the first hours. ``Window`` preallocates its ring of floats, so its memory is the same
after the first sample as after the millionth.
"""

from __future__ import annotations

import math
from array import array


class Window:
    """The last ``size`` samples, in a preallocated ring, with percentiles over them."""

    def __init__(self, size: int = 2000) -> None:
        if size < 1:
            raise ValueError("a window holds at least one sample")
        self._ring = array("d", bytes(8 * size))
        self._next = 0
        self.total = 0  # samples ever added

    def append(self, value: float) -> None:
        self._ring[self._next] = value
        self._next = (self._next + 1) % len(self._ring)
        self.total += 1

    def __len__(self) -> int:
        return min(self.total, len(self._ring))

    def values(self) -> list[float]:
        """The samples in the window, oldest first."""
        if self.total < len(self._ring):
            return list(self._ring[: self.total])
        return list(self._ring[self._next:]) + list(self._ring[: self._next])

    def percentile(self, q: float) -> float | None:
        """The ``q`` quantile (0–1, nearest rank) of the window; None when it is empty."""
        data = sorted(self.values())
        if not data:
            return None
        rank = min(len(data) - 1, max(0, math.ceil(q * len(data)) - 1))
        return data[rank]
