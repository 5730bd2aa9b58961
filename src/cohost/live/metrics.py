"""Live metrics over sliding windows of stream time, and the stage that reports them.

Constraints:

- ``online`` comes only from the platform's ``stats`` events (compliance.md LSM-18(4), §13.6): it is
  never estimated from enters and leaves, and it is ``None`` until the platform has said it.
- Windows are one-second buckets in a deque: O(1) per event, memory bounded by the window length.
- Interaction rate = distinct viewers who commented, liked, gifted, followed, shared or ordered in the
  last minute ÷ online (``None`` without platform figures).
- The stage is read-only towards the stream: it passes every event on and adds a ``MetricsSnapshot``
  every ``interval`` seconds of stream time (and at ``End``), plus the advisor's ``Suggestion``s.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterable
from typing import Any

from cohost.events import (
    Answer,
    ClassifiedComment,
    End,
    Escalation,
    MetricsSnapshot,
    QuestionGroup,
    RoomEvent,
)
from cohost.live.pipeline import Stage, ts_of
from cohost.live.wire import meta_number, meta_text

_INTERACTIONS = frozenset({"like", "gift", "follow", "share", "order"})


class Window:
    """Sum of values over the last ``seconds`` of stream time."""

    __slots__ = ("_buckets", "seconds", "total")

    def __init__(self, seconds: float = 60.0) -> None:
        self.seconds = seconds
        self._buckets: deque[list[float]] = deque()
        self.total = 0.0

    def add(self, ts: float, value: float = 1.0) -> None:
        second = float(int(ts))
        if self._buckets and self._buckets[-1][0] >= second:
            self._buckets[-1][1] += value
        else:
            self._buckets.append([second, value])
        self.total += value
        self.trim(ts)

    def trim(self, now: float) -> float:
        horizon = now - self.seconds
        while self._buckets and self._buckets[0][0] <= horizon:
            self.total -= self._buckets.popleft()[1]
        if not self._buckets:
            self.total = 0.0
        return self.total


class Distinct:
    """Distinct keys seen within the last ``seconds`` (bounded by the room's active viewers)."""

    def __init__(self, seconds: float = 60.0) -> None:
        self.seconds = seconds
        self._last: OrderedDict[str, float] = OrderedDict()

    def add(self, key: str, ts: float) -> None:
        self._last[key] = ts
        self._last.move_to_end(key)

    def count(self, now: float) -> int:
        horizon = now - self.seconds
        while self._last:
            key, ts = next(iter(self._last.items()))
            if ts > horizon:
                break
            del self._last[key]
        return len(self._last)


class RoomMetrics:
    """Everything counted about one room. Read by the advisor, the API and the console."""

    def __init__(self, minute: float = 60.0, recent: float = 120.0) -> None:
        self.now = 0.0
        self.online: int | None = None
        self.likes_total: int | None = None
        self.enters, self.leaves = Window(minute), Window(minute)
        self.comments, self.questions = Window(minute), Window(minute)
        self.orders, self.gmv_window = Window(minute), Window(minute)
        self.interacting = Distinct(minute)
        self.gmv = 0.0
        self.sold: dict[str, int] = {}
        self.interest: dict[str, Window] = {}
        self.complaints = Window(recent)
        self.size_questions: dict[str, Window] = {}
        self.buy_questions: dict[str, Window] = {}
        self.waiting_groups: dict[str, int] = {}
        self.totals = {"events": 0, "comments": 0, "questions": 0, "groups": 0, "answers": 0, "escalations": 0,
                       "orders": 0, "moderated": 0, "pii": 0}
        self.recent = recent

    def _sku_window(self, table: dict[str, Window], sku: str) -> Window:
        window = table.get(sku)
        if window is None:
            window = table[sku] = Window(self.recent if table is not self.interest else self.comments.seconds)
        return window

    def observe(self, event: Any) -> None:
        ts = ts_of(event)
        if ts > self.now:
            self.now = ts
        if isinstance(event, ClassifiedComment):
            self._comment(event, ts)
        elif isinstance(event, RoomEvent):
            self._room_event(event, ts)
        elif isinstance(event, QuestionGroup):
            if event.count == 1:
                self.totals["groups"] += 1
            if event.id in self.waiting_groups:
                self.waiting_groups[event.id] = event.count
        elif isinstance(event, Answer):
            self.totals["answers"] += 1
            if event.escalate:
                self.waiting_groups[event.group] = 1
                if len(self.waiting_groups) > 1000:
                    self.waiting_groups.pop(next(iter(self.waiting_groups)))
        elif isinstance(event, Escalation):
            self.totals["escalations"] += 1
            if event.reason in ("complaint", "dispute"):
                self.complaints.add(ts)

    def _comment(self, item: ClassifiedComment, ts: float) -> None:
        c = item.comment
        self.totals["events"] += 1
        self.totals["comments"] += 1
        self.comments.add(ts)
        if c.user_id:
            self.interacting.add(c.user_id, ts)
        if c.moderation != "ok":
            self.totals["moderated"] += 1
        if c.pii:
            self.totals["pii"] += 1
        if not item.question:
            return
        self.totals["questions"] += 1
        self.questions.add(ts)
        if item.sku is not None:
            self._sku_window(self.interest, item.sku).add(ts)
            if item.topic in ("size", "fit") or "尺码" in c.norm or "码数" in c.norm or "穿多大" in c.norm:
                self._sku_window(self.size_questions, item.sku).add(ts)
            if item.intent == "purchase":
                self._sku_window(self.buy_questions, item.sku).add(ts)

    def _room_event(self, event: RoomEvent, ts: float) -> None:
        self.totals["events"] += 1
        kind = event.type
        if kind == "enter":
            self.enters.add(ts)
        elif kind == "leave":
            self.leaves.add(ts)
        elif kind == "stats":
            online = meta_number(event.meta, "online", -1.0)
            if online >= 0:
                self.online = int(online)
            likes = meta_number(event.meta, "likes", -1.0)
            if likes >= 0:
                self.likes_total = int(likes)
        elif kind == "order":
            amount = meta_number(event.meta, "amount")
            qty = int(meta_number(event.meta, "qty", 1.0)) or 1
            self.totals["orders"] += 1
            self.orders.add(ts)
            self.gmv += amount
            self.gmv_window.add(ts, amount)
            sku = meta_text(event.meta, "sku")
            if sku is not None:
                self.sold[sku] = self.sold.get(sku, 0) + qty
                self._sku_window(self.interest, sku).add(ts)
        if kind in _INTERACTIONS and event.user_id:
            self.interacting.add(event.user_id, ts)

    def platform_figures(self) -> dict[str, float]:
        """The platform's own figures (stats and orders), the only ones an answer may quote."""
        figures: dict[str, float] = {}
        if self.online is not None:
            figures["online"] = float(self.online)
        if self.likes_total is not None:
            figures["likes"] = float(self.likes_total)
        figures["orders"] = float(self.totals["orders"])
        figures["orders_per_min"] = self.orders.trim(self.now)
        return figures

    def snapshot(self, now: float | None = None) -> MetricsSnapshot:
        now = self.now if now is None else now
        comments = int(self.comments.trim(now))
        questions = int(self.questions.trim(now))
        interacting = self.interacting.count(now)
        products = sorted(((sku, int(w.trim(now))) for sku, w in self.interest.items()), key=lambda kv: -kv[1])
        return MetricsSnapshot(
            ts=now, online=self.online,
            enters_per_min=int(self.enters.trim(now)), leaves_per_min=int(self.leaves.trim(now)),
            comments_per_min=comments, questions_per_min=questions,
            question_rate=round(questions / comments, 3) if comments else 0.0,
            interaction_rate=round(min(1.0, interacting / self.online), 3) if self.online else None,
            orders_per_min=int(self.orders.trim(now)), gmv=round(self.gmv, 2),
            gmv_per_min=round(self.gmv_window.trim(now), 2),
            products=tuple((sku, n) for sku, n in products[:10] if n > 0),
        )


class MetricsStage(Stage):
    """Counts everything that passes; reports a snapshot each ``interval`` and asks the advisor."""

    name = "metrics"
    accepts = (object,)

    def __init__(self, metrics: RoomMetrics | None = None, *, interval: float = 60.0,
                 advisor: Any = None, advise_every: float = 10.0) -> None:
        self.metrics = metrics if metrics is not None else RoomMetrics()
        self.interval = interval
        self.advisor = advisor
        self.advise_every = advise_every
        self._next_report: float | None = None
        self._next_advice: float | None = None

    def process(self, event: Any) -> Iterable[Any]:
        metrics = self.metrics
        metrics.observe(event)
        now = metrics.now
        out: list[Any] | None = None  # built only when something is added: most events pass on alone
        if self._next_report is None and now > 0:
            self._next_report = now + self.interval
            self._next_advice = now + self.advise_every
        if self._next_advice is not None and self.advisor is not None and now >= self._next_advice:
            self._next_advice = now + self.advise_every
            out = [event]
            out.extend(self.advisor.advise(metrics, now))
        if isinstance(event, End) or (self._next_report is not None and now >= self._next_report):
            self._next_report = now + self.interval
            if out is None:
                out = [event]
            out.append(metrics.snapshot(now))
        return (event,) if out is None else out
