"""Wild timestamps and nesting in a live room's input: the room reports them per line and still writes a
show folder the review can read (times in seconds, the room's own corrected times)."""

from __future__ import annotations

import json
from pathlib import Path

from cohost.insights.shows import ShowFolder
from cohost.live.wire import WireReader, seconds
from cohost.testing.live_fakes import T0, ScriptedSource
from tests.unit.test_live_room import of, run


def test_timestamp_readings() -> None:
    assert seconds(T0) == T0 and seconds(int(T0 * 1000)) == T0  # milliseconds since the epoch
    for bad in (None, True, "1763640000", 0, -5, float("inf"), float("nan"), 1e300, 1e17):
        assert seconds(bad) is None, bad


def test_a_line_nested_too_deeply_is_an_error_not_a_crash() -> None:
    event, problems = WireReader("r1").read(b"[" * 5000 + b"]" * 5000, 7)
    assert event is None and [p.code for p in problems] == ["malformed_json"]
    assert "nested too deeply" in problems[0].message or "not an object" in problems[0].message


def test_millisecond_and_wild_stamps_still_give_a_show_folder_in_seconds(tmp_path: Path) -> None:
    src = ScriptedSource().stats(0, 800, "MZ-001")
    ms = {"ts": int((T0 + 2) * 1000), "room": "r1", "type": "chat", "user_id": "u1", "text": "多少钱"}
    src.raw(json.dumps(ms, ensure_ascii=False))
    src.raw('{"ts": 1e400, "room": "r1", "type": "chat", "user_id": "u2", "text": "有M码吗"}')
    src.raw(json.dumps({"ts": 1e300, "room": "r1", "type": "like", "user_id": "u3"}))
    src.raw(b"[" * 3000 + b"]" * 3000).chat("发货快吗", 5)
    records, room = run(tmp_path, src)
    codes = [r.get("code") for r in of(records, "error")]
    assert codes.count("bad_field") == 2 and "malformed_json" in codes
    folder = ShowFolder(tmp_path / "home", room.session).require()
    events = list(folder.events())
    assert [e["type"] for e in events] == ["stats", "chat", "chat", "like", "chat"]
    stamps = [e["ts"] for e in events]
    assert stamps == sorted(stamps) and all(T0 <= t <= T0 + 5 for t in stamps)  # never ms, never 1e300
    assert stamps[1] == T0 + 2
    meta = folder.meta()
    assert meta["started_at"] is not None and meta["ended_at"] is not None
    assert "Infinity" not in (folder.path / "events.jsonl").read_text(encoding="utf-8")
