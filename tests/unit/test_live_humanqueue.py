"""The human queue collapses repeats: the same complaint or the same unanswerable question group becomes
one item with a count and examples, not hundreds of items; a person still sees everything."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from cohost.domain import Catalog
from cohost.events import End
from cohost.live.room import LiveRoom
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.live.wiring import default_collaborators
from cohost.server.rooms import RoomControl
from cohost.store import Store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"


def line(rec: dict[str, Any]) -> str:
    return json.dumps(rec, ensure_ascii=False)


def escalation(ref: int, text: str = "", reason: str = "complaint", group: str | None = None) -> str:
    rec: dict[str, Any] = {"kind": "escalation", "ref": ref, "group": group, "reason": reason}
    if text:
        rec["text"] = text
    return line(rec)


def group(gid: str, intent: str = "price", sku: str | None = "MZ-001", topic: str | None = None) -> str:
    rec: dict[str, Any] = {"kind": "group", "group": gid, "intent": intent, "sku": sku, "count": 1,
                           "examples": [f"{gid} 的问题"], "first_ts": 1.0, "last_ts": 1.0}
    if topic:
        rec["topic"] = topic
    return line(rec)


def test_the_same_complaint_from_many_viewers_is_one_item_with_a_count() -> None:
    control = RoomControl("r1")
    for ref in range(1, 51):
        control.observe_line(escalation(ref, "质量太差了，差评！" if ref % 2 else "质量太差了 差评"))
    control.observe_line(escalation(60, "收到的是坏的，我要退款"))
    control.observe_line(escalation(61, "质量太差了，差评", reason="dispute"))  # another reason: another item
    items = list(control.queue.values())
    assert [(i.reason, i.count) for i in items] == [("complaint", 50), ("complaint", 1), ("dispute", 1)]
    first = items[0]
    assert first.examples == ["质量太差了，差评！", "质量太差了 差评"]
    assert first.refs[-1] == 50 and len(first.refs) <= 20


def test_escalations_of_groups_asking_the_same_thing_collapse_but_other_questions_do_not() -> None:
    control = RoomControl("r1")
    control.observe_line(group("g1", "attribute", "MZ-001", "material"))
    control.observe_line(escalation(1, reason="no_fact", group="g1"))
    control.observe_line(group("g7", "attribute", "MZ-001", "material"))  # the same question, a later group
    control.observe_line(escalation(9, reason="no_fact", group="g7"))
    control.observe_line(group("g8", "attribute", "FS-001", "material"))
    control.observe_line(escalation(12, reason="no_fact", group="g8"))
    assert [(i.group, i.count) for i in control.queue.values()] == [("g1", 2), ("g8", 1)]


def test_self_harm_and_minors_are_never_collapsed() -> None:
    control = RoomControl("r1")
    for ref in (1, 2, 3):
        control.observe_line(escalation(ref, "不想活了", reason="self_harm"))
        control.observe_line(escalation(10 + ref, "我才12岁", reason="minor"))
    assert len(control.queue) == 6 and all(i.count == 1 for i in control.queue.values())


def test_repeats_after_a_resolve_reopen_the_item_and_a_rebuild_agrees() -> None:
    lines = [escalation(ref, "客服一直不回复，太坑了") for ref in range(1, 4)]
    later = [escalation(ref, "客服一直不回复，太坑了") for ref in range(4, 6)]
    live = RoomControl("r1")
    for text in lines:
        live.observe_line(text)
    item = next(iter(live.queue.values()))
    live.apply_decision("queue.resolve", {"item": item.id, "count": item.count}, "op", 100.0)
    assert item.status == "resolved"
    for text in later:
        live.observe_line(text)
    assert item.status == "open" and item.count == 5

    rebuilt = RoomControl("r1")  # after a restart: the whole journal first, then the audited decisions
    for text in lines + later:
        rebuilt.observe_line(text)
    rebuilt.apply_decision("queue.resolve", {"item": item.id, "count": 3}, "op", 100.0)
    again = rebuilt.queue[item.id]
    assert (again.status, again.count, again.resolved_by) == ("open", 5, "op")

    quiet = RoomControl("r1")  # no repeats after the decision: it stays resolved
    for text in lines:
        quiet.observe_line(text)
    quiet.apply_decision("queue.resolve", {"item": item.id, "count": 3}, "op", 100.0)
    assert quiet.queue[item.id].status == "resolved"


def test_a_simulated_show_no_longer_floods_the_human_queue(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'cohost.db'}")
    catalog = Catalog.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    store.catalog.import_catalog(catalog)
    holder: list[LiveRoom] = []
    room = LiveRoom(tmp_path / "home", "r1", default_collaborators(store, lambda: holder[0].stream_time),
                    source="simulate", json_out=tmp_path / "out.jsonl", keep_journal=False)
    holder.append(room)
    room.start()
    options = SimOptions(rate=60.0, viewers=1000, minutes=0.5, seed=3, room="r1")
    for ref, event in enumerate(AudienceSimulator(catalog.products, options).events(), start=1):
        room.accept(json.dumps(event, ensure_ascii=False).encode("utf-8"), ref)
    room.control(End(ts=room.stream_time))
    room.close(ended=True)
    store.close()
    control = RoomControl("r1")
    records = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    for text in records:
        control.observe_line(text)
    escalated = [json.loads(r) for r in records if r.startswith('{"kind": "escalation"')]
    items = list(control.queue.values())
    assert len(escalated) >= 100  # a busy simulated room
    assert sum(i.count for i in items) == len(escalated)  # nothing lost: every escalation is counted somewhere
    assert 2 * len(items) <= len(escalated)
    (reason, text), times = Counter((r["reason"], r.get("text")) for r in escalated if r["group"] is None).most_common(1)[0]
    assert times >= 5
    assert [i.count for i in items if i.reason == reason and text in i.examples] == [times]
    personal = sum(1 for r in escalated if r["reason"] in ("self_harm", "minor"))
    assert sum(1 for i in items if i.reason in ("self_harm", "minor")) == personal
