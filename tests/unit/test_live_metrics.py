"""Live metrics over sliding windows (stream time, no sleeping) and operating suggestions with evidence."""

from __future__ import annotations

from cohost.events import ClassifiedComment, Comment, Escalation, RoomEvent
from cohost.live.advisor import Advisor
from cohost.live.grouping import milestone
from cohost.live.metrics import RoomMetrics, Window
from cohost.testing.live_fakes import T0, products


def room_event(kind: str, ts: float, user: str = "", **meta: object) -> RoomEvent:
    return RoomEvent(ref=1, ts=T0 + ts, room="r1", type=kind, user_id=user, meta=meta)


def question(ts: float, sku: str | None = "MZ-001", intent: str = "price", topic: str | None = None,
             text: str = "多少钱", user: str = "u1") -> ClassifiedComment:
    c = Comment(ref=1, ts=T0 + ts, room="r1", user_id=user, text=text, norm=text)
    return ClassifiedComment(c, intent, sku, 0.9, True, topic=topic)


def test_window_slides_with_stream_time() -> None:
    w = Window(60)
    for second in range(0, 120):
        w.add(T0 + second)
    assert w.trim(T0 + 119) == 60
    assert w.trim(T0 + 500) == 0


def test_online_comes_only_from_platform_stats_and_rates_follow_the_window() -> None:
    m = RoomMetrics()
    for i in range(30):
        m.observe(room_event("enter", i, user=f"e{i}"))
    assert m.snapshot().online is None and m.snapshot().interaction_rate is None  # never estimated
    m.observe(room_event("stats", 30, online=1834))
    for i in range(20):
        m.observe(question(31 + i, user=f"q{i}"))
    m.observe(room_event("order", 55, user="b1", sku="MZ-001", qty=2, amount=178.0))
    snap = m.snapshot()
    assert snap.online == 1834 and snap.enters_per_min == 30 and snap.comments_per_min == 20
    assert snap.questions_per_min == 20 and snap.question_rate == 1.0
    assert snap.orders_per_min == 1 and snap.gmv == 178.0
    assert snap.interaction_rate == round(21 / 1834, 3)
    assert snap.products[0] == ("MZ-001", 21)
    later = m.snapshot(T0 + 200)
    assert later.comments_per_min == 0 and later.gmv == 178.0  # GMV is the session total


def test_suggestions_carry_their_evidence_and_are_rate_limited() -> None:
    catalog = {p.sku: p for p in products()}
    advisor = Advisor(catalog, cooldown=300)
    m = RoomMetrics()
    for i in range(12):
        m.observe(question(i, sku="FS-001", intent="variant", topic="size", text="穿多大码", user=f"s{i}"))
    for i in range(6):
        m.observe(question(i, sku="SP-004", text="绿茶多少钱", user=f"t{i}"))
    for i in range(5):
        m.observe(Escalation(ref=1, ts=T0 + i, group=None, reason="complaint"))
    out = {s.code: s for s in advisor.advise(m, T0 + 15)}
    assert out["size_chart"].evidence["size_questions"] == 12 and out["size_chart"].sku == "FS-001"
    assert "2号链接" in out["size_chart"].message
    assert out["stock_out"].sku == "SP-004" and out["stock_out"].evidence["stock"] == 0
    assert out["complaint_burst"].evidence["complaints"] == 5
    assert advisor.advise(m, T0 + 30) == []  # the operator is not spammed
    assert {s.code for s in advisor.advise(m, T0 + 400)} <= {"stock_out", "size_chart", "complaint_burst"}


def test_retention_drop_against_the_recent_baseline() -> None:
    advisor = Advisor({}, min_history=3)
    m = RoomMetrics()
    fired = []
    for minute in range(8):
        leaves = 5 if minute < 6 else 60
        for i in range(leaves):
            m.observe(room_event("leave", minute * 60 + i * (50 / leaves), user=f"l{minute}-{i}"))
        m.observe(room_event("stats", minute * 60 + 59, online=1000))
        fired += advisor.advise(m, T0 + minute * 60 + 59)
    drops = [s for s in fired if s.code == "retention_drop"]
    assert len(drops) == 1 and drops[0].evidence["leaves_per_min"] == 60 and drops[0].evidence["baseline"] < 10
    assert drops[0].evidence["online"] == 1000


def test_group_milestones() -> None:
    assert [n for n in range(1, 1001) if milestone(n)] == [2, 5, 10, 20, 50, 100, 200, 500, 1000]
