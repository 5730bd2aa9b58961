"""The route stage and the anchor queue: who answers what, in which order.

Routes (formats.md §3 ``route``):

- ``human``: escalated answers (with the Q&A core's holding reply) and comments that need a person on
  their own (complaints, disputes, self-harm, minors, injection attempts); each also yields an
  ``Escalation`` for the human queue.
- ``anchor``: product questions the anchor should say out loud, queued by priority: purchase blockers
  first (how to buy, stock, size/colour, price), then product questions (attributes, usage,
  suitability, comparison, promotion, shipping, returns), then the rest, chit-chat last; within a class
  the group asked by more viewers first, then the older one.
- ``chat``: everything else answered by a text reply; also product questions while a human has taken
  over the microphone (``Takeover`` until ``Resume``).

Constraints: the queue is bounded (``max_items``; the lowest-priority, oldest entry is dropped) and an
entry older than ``ttl`` seconds of stream time is no longer worth saying and is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from cohost.events import (
    Answer,
    ClassifiedComment,
    Escalation,
    QuestionGroup,
    Resume,
    Route,
    Takeover,
    Utterance,
)
from cohost.live.pipeline import Stage

PRIORITY = {"purchase": 0, "stock": 0, "variant": 0, "price": 0,
            "attribute": 1, "usage": 1, "suitability": 1, "comparison": 1, "promotion": 1, "shipping": 1, "returns": 1,
            "other": 2, "human": 2, "complaint": 2, "greeting": 3, "chitchat": 3}


@dataclass(slots=True)
class _Entry:
    utterance: Utterance
    count: int
    seq: int


class AnchorQueue:
    """What the anchor should answer next. Read by the anchor (``pop``) and the console (``peek``)."""

    def __init__(self, *, max_items: int = 200, ttl: float = 300.0) -> None:
        self.max_items = max_items
        self.ttl = ttl
        self._items: dict[str, _Entry] = {}
        self._seq = 0
        self.dropped = 0

    def __len__(self) -> int:
        return len(self._items)

    def _rank(self, entry: _Entry) -> tuple[int, int, int]:
        return (entry.utterance.priority, -entry.count, entry.seq)

    def push(self, utterance: Utterance, count: int = 1) -> None:
        key = utterance.group or f"_{self._seq}"
        self._seq += 1
        self._items[key] = _Entry(utterance, count, self._seq)
        if len(self._items) > self.max_items:
            worst = max(self._items, key=lambda k: self._rank(self._items[k]))
            del self._items[worst]
            self.dropped += 1

    def update(self, group: str, count: int) -> None:
        entry = self._items.get(group)
        if entry is not None:
            entry.count = count

    def _expire(self, now: float) -> None:
        for key in [k for k, e in self._items.items() if e.utterance.ts < now - self.ttl]:
            del self._items[key]

    def peek(self, now: float, n: int = 10) -> list[tuple[Utterance, int]]:
        self._expire(now)
        ranked = sorted(self._items.values(), key=self._rank)[:n]
        return [(e.utterance, e.count) for e in ranked]

    def pop(self, now: float) -> Utterance | None:
        self._expire(now)
        if not self._items:
            return None
        best = min(self._items, key=lambda k: self._rank(self._items[k]))
        return self._items.pop(best).utterance


class RouteStage(Stage):
    name = "route"
    accepts = (Answer, ClassifiedComment, QuestionGroup, Takeover, Resume)

    def __init__(self, queue: AnchorQueue | None = None) -> None:
        self.queue = queue if queue is not None else AnchorQueue()
        self.taken_over = False
        self.counts: dict[str, int] = {"anchor": 0, "chat": 0, "human": 0}

    def process(self, event: Any) -> Iterable[Any]:
        if isinstance(event, Takeover):
            self.taken_over = True
            return (event,)
        if isinstance(event, Resume):
            self.taken_over = False
            return (event,)
        if isinstance(event, QuestionGroup):
            self.queue.update(event.id, event.count)
            return (event,)
        if isinstance(event, ClassifiedComment):
            if event.escalate is None or event.group is not None:
                return (event,)
            self.counts["human"] += 1
            c = event.comment
            return (event, Escalation(ref=c.ref, ts=c.ts, group=None, reason=event.escalate, text=c.text))
        answer: Answer = event
        priority = PRIORITY.get(answer.intent, 2)
        route: Route
        if answer.escalate:
            route = "human"
        elif priority <= 1 and answer.sku is not None and not self.taken_over:
            route = "anchor"
        else:
            route = "chat"
        self.counts[route] += 1
        routed = replace(answer, route=route, priority=priority)
        if route == "human":
            return (routed, Escalation(ref=answer.ref, ts=answer.ts, group=answer.group,
                                       reason=answer.reason or "other", findings=answer.findings))
        self.queue.push(Utterance(text=answer.text, group=answer.group, sku=answer.sku, facts=answer.facts,
                                  priority=priority, ts=answer.ts))
        return (routed,)
