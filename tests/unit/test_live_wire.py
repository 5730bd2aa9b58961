"""Reading formats.md §2 lines: every kind of bad input is counted and reported by line number."""

from __future__ import annotations

import json

from cohost.events import Comment, RoomEvent
from cohost.live.wire import MAX_LINE, MAX_TEXT, WireReader

T = 1_763_640_000.0


def line(**doc: object) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def test_a_chat_line_becomes_a_comment_and_unknown_fields_of_room_events_are_kept() -> None:
    reader = WireReader()
    event, problems = reader.read(line(ts=T, room="r1", type="chat", user_id="u1", nickname="小鹿", text="2号链接多少钱"), 1)
    assert problems == [] and isinstance(event, Comment)
    assert (event.ref, event.room, event.text, event.nickname) == (1, "r1", "2号链接多少钱", "小鹿")
    event, _ = reader.read(line(ts=T, room="r1", type="gift", user_id="u1", meta={"gift": "小心心"}, extra=7), 2)
    assert isinstance(event, RoomEvent) and event.meta == {"gift": "小心心", "extra": 7}


def test_broken_lines_are_reported_with_their_line_numbers_and_never_raise() -> None:
    reader = WireReader("r1")
    cases = {
        b"not json": "malformed_json", b"\xff\xfe\x00garbage": "not_utf8", b"[1, 2]": "not_object",
        line(ts=T, text="hi"): "missing_field", line(ts=T, type="boom"): "unknown_type",
        line(ts=T, type="chat"): "missing_field", line(ts=T, type="chat", text=["x"]): "bad_field",
        line(ts=T, room="other", type="chat", text="x"): "other_room", b"x" * (MAX_LINE + 1): "line_too_long",
        b"{\"ts\": 1e999999, \"type\": \"chat\", \"text\": \"x\"}": "bad_field",
    }
    for ref, (raw, code) in enumerate(cases.items(), start=10):
        _, problems = reader.read(raw, ref)
        assert code in {p.code for p in problems}, raw[:40]
        assert all(p.ref == ref and f"line {ref}" in p.message for p in problems)


def test_missing_or_bad_timestamps_take_the_stream_time_and_time_never_goes_backwards() -> None:
    reader = WireReader("r1")
    reader.read(line(ts=T + 10, type="chat", text="a"), 1)
    event, problems = reader.read(line(type="chat", text="b"), 2)
    assert event is not None and event.ts == T + 10 and problems[0].code == "missing_field"
    event, problems = reader.read(line(ts=T + 2, type="chat", text="late"), 3)  # 8 s late
    assert event is not None and event.ts == T + 10 and [p.code for p in problems] == ["out_of_order"]
    event, problems = reader.read(line(ts=T + 8, type="chat", text="jitter"), 4)  # within tolerance
    assert event is not None and problems == []
    event, problems = reader.read(line(ts=T + 10 * 86400, type="chat", text="wild"), 5)
    assert event is not None and event.ts == T + 10 and problems[0].code == "ts_jump"
    event, _ = reader.read(line(ts=(T + 20) * 1000, type="chat", text="ms"), 6)  # milliseconds
    assert event is not None and event.ts == T + 20


def test_a_100kb_text_is_cut_and_flagged_and_lone_surrogates_are_replaced() -> None:
    reader = WireReader("r1")
    event, problems = reader.read(line(ts=T, type="chat", text="多" * 100_000), 1)
    assert isinstance(event, Comment) and len(event.text) == MAX_TEXT and event.flags == ("truncated",)
    assert [p.code for p in problems] == ["text_too_long"]
    event, _ = reader.read(b'{"ts": 1763640001, "type": "chat", "text": "bad \\ud800 x"}', 2)
    assert isinstance(event, Comment)
    event.text.encode("utf-8")  # must not raise
