"""Sources: replay reading (huge and blank lines), resumption point, pacing on a manual clock, and the
seeded audience simulator."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path

import pytest

from cohost.clock import ManualClock
from cohost.errors import InputError
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.live.sources import Pacer, parse_source, peek_ts, replay_lines
from cohost.live.wire import MAX_LINE
from cohost.testing.live_fakes import products


def test_replay_keeps_line_numbers_cuts_huge_lines_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"a":1}\n\n   \n' + b"x" * (3 * MAX_LINE) + b'\n{"b":2}\r\n')
    lines = list(replay_lines(path))
    assert [ref for ref, _ in lines] == [1, 4, 5]
    assert len(lines[1][1]) == MAX_LINE + 1 and lines[2][1] == b'{"b":2}'
    assert [ref for ref, _ in replay_lines(path, start_after=4)] == [5]


def test_source_specs() -> None:
    spec = parse_source("simulate:rate=50,seed=3", minutes=2, room="big")
    assert spec.sim is not None and (spec.sim.rate, spec.sim.seed, spec.sim.minutes, spec.sim.room) == (50, 3, 2, "big")
    for bad in ("simulate:rate=-1", "simulate:colour=red", "replay:", "replay:/no/such/file", "kafka:x"):
        with pytest.raises(InputError):
            parse_source(bad)


def test_pacing_follows_event_time_on_a_manual_clock() -> None:
    clock = ManualClock()

    async def go(speed: float) -> float:
        pacer = Pacer(clock, speed)
        start = clock.monotonic()
        for ts in (100.0, 101.0, 103.0, 102.0, 110.0):  # one out of order
            await pacer.wait_for(ts)
        return clock.monotonic() - start

    assert asyncio.run(go(1.0)) == pytest.approx(10.0)
    assert asyncio.run(go(10.0)) == pytest.approx(1.0)
    assert asyncio.run(go(0.0)) == 0.0

    async def gap() -> float:  # an hour-long silence in a recording is skipped, not waited out
        pacer = Pacer(clock, 1.0)
        start = clock.monotonic()
        for ts in (0.0, 1.0, 3601.0, 3602.0):
            await pacer.wait_for(ts)
        return clock.monotonic() - start

    assert asyncio.run(gap()) == pytest.approx(2.0)
    assert peek_ts(b'{"type": "chat", "ts": 1763640000125}') == 1763640000.125


def test_the_simulator_is_seeded_varied_and_realistic() -> None:
    options = SimOptions(rate=30, minutes=2, seed=11, labels=True)
    first = list(AudienceSimulator(products(), options).events())
    again = list(AudienceSimulator(products(), options).events())
    assert first == again
    other = list(AudienceSimulator(products(), SimOptions(rate=30, minutes=2, seed=12)).events())
    assert first != other
    kinds = Counter(e["type"] for e in first)
    assert {"chat", "enter", "leave", "stats", "order", "like"} <= set(kinds)
    assert 2500 < kinds["chat"] < 4700
    assert all(first[i]["ts"] <= first[i + 1]["ts"] + 1.0 for i in range(len(first) - 1))
    chats = [e for e in first if e["type"] == "chat"]
    labels = Counter(e["label"]["moderation"] for e in chats)
    assert {"ok", "spam", "abuse", "diversion"} <= set(labels)
    assert any(e["label"]["pii"] for e in chats)
    texts = Counter(e["text"] for e in chats)
    assert texts.most_common(1)[0][1] < len(chats) * 0.05  # many phrasings, not one line repeated
    assert any(n > 1 for n in texts.values())  # but people do repeat each other
    stats = [e for e in first if e["type"] == "stats"]
    assert all(isinstance(e["meta"]["online"], int) for e in stats)
    json.dumps(first, ensure_ascii=False)
