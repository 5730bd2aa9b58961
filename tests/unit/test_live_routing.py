"""Routing and the anchor queue: purchase blockers first, chit-chat last, bounded, stale entries dropped;
a human takeover moves answers to the chat."""

from __future__ import annotations

from cohost.events import Answer, Resume, Takeover, Utterance
from cohost.live.routing import AnchorQueue, RouteStage


def answer(group: str, intent: str, sku: str | None = "MZ-001", escalate: bool = False, ts: float = 0.0) -> Answer:
    return Answer(group=group, ref=1, ts=ts, intent=intent, sku=sku, text=f"answer {group}", facts=(), confidence=0.9,
                  escalate=escalate, reason="no_fact" if escalate else None)


def routed(stage: RouteStage, a: Answer) -> str:
    return next(e for e in stage.process(a) if isinstance(e, Answer)).route


def test_routes_and_queue_order() -> None:
    stage = RouteStage()
    assert routed(stage, answer("g1", "chitchat", None)) == "chat"
    assert routed(stage, answer("g2", "attribute")) == "anchor"
    assert routed(stage, answer("g3", "stock")) == "anchor"
    assert routed(stage, answer("g4", "price", escalate=True)) == "human"
    out = stage.process(answer("g5", "health", escalate=True))
    assert [type(e).__name__ for e in out] == ["Answer", "Escalation"]
    stage.queue.update("g2", 40)
    order = [u.group for u, _ in stage.queue.peek(now=1.0)]
    assert order == ["g3", "g2", "g1"]  # blockers, then product questions, chit-chat last; no escalations
    stage.process(Takeover(ts=1.0, operator="小王"))
    assert routed(stage, answer("g6", "price")) == "chat"
    stage.process(Resume(ts=2.0))
    assert routed(stage, answer("g7", "price")) == "anchor"


def test_more_viewers_first_within_a_class_and_limits() -> None:
    queue = AnchorQueue(max_items=3, ttl=100.0)
    for i, count in enumerate([5, 50, 1, 20]):
        queue.push(Utterance(text="t", group=f"g{i}", sku=None, facts=(), priority=1, ts=float(i)), count)
    assert [u.group for u, _ in queue.peek(now=5.0)] == ["g1", "g3", "g0"] and queue.dropped == 1
    popped = queue.pop(now=5.0)
    assert popped is not None and popped.group == "g1"
    assert queue.pop(now=500.0) is None  # too old to be worth saying
