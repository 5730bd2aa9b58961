"""The runner's latency window: fixed memory, the last N samples, nearest-rank percentiles."""

from __future__ import annotations

import sys

import pytest

from cohost.anchor.window import Window


def test_keeps_the_last_samples_oldest_first() -> None:
    window = Window(3)
    for value in (1.0, 2.0, 3.0, 4.0, 5.0):
        window.append(value)
    assert window.values() == [3.0, 4.0, 5.0]
    assert len(window) == 3
    assert window.total == 5


def test_partly_filled_window_holds_only_what_was_added() -> None:
    window = Window(10)
    window.append(0.5)
    window.append(0.25)
    assert window.values() == [0.5, 0.25]
    assert window.percentile(0.5) == 0.25
    assert Window(4).percentile(0.95) is None


@pytest.mark.parametrize(("q", "expected"), [(0.0, 1.0), (0.5, 50.0), (0.95, 95.0), (1.0, 100.0)])
def test_nearest_rank_percentiles(q: float, expected: float) -> None:
    window = Window(100)
    for value in range(100, 0, -1):
        window.append(float(value))
    assert window.percentile(q) == expected


def test_memory_does_not_grow_with_samples() -> None:
    window = Window(500)
    before = sys.getsizeof(window._ring)
    for i in range(5000):
        window.append(i / 7)
    assert sys.getsizeof(window._ring) == before
    assert len(window) == 500


def test_rejects_an_empty_window() -> None:
    with pytest.raises(ValueError):
        Window(0)
