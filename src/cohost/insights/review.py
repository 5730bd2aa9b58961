"""The post-live review (复盘) of one show, computed from its files: the figures a report shows.

Sources (see ``cohost.insights.shows`` for the layout): ``events.jsonl`` gives the minute series
(online from platform ``stats`` only, comments, orders, GMV), talk time per product (from the
``current_sku`` switches of ``stats``) and orders per product; ``output.jsonl`` gives question groups,
answers, escalations, suggestions and compliance findings. How an escalation ended is read from its
optional ``outcome`` field, else from a later answer to the same group (``route: "human"`` = a person
answered). A suggestion counts as taken when it carries ``"taken": true`` or ``"status": "taken"``.

Only masked text from output.jsonl is ever copied into a review; events.jsonl text is never read.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from cohost.domain.catalog import CHINA_TZ
from cohost.insights.shows import ShowFolder

MAX_MINUTES = 24 * 60  # a review covers at most one day; far-off timestamps are left out
WINDOW = 12 * 3600
ANSWER_ROUTES = ("anchor", "chat")


@dataclass
class ProductTalk:
    sku: str
    title: str
    talk_seconds: float = 0.0
    orders: int = 0
    units: int = 0
    gmv: float = 0.0
    questions: int = 0

    @property
    def orders_per_minute(self) -> float:
        return self.orders / (self.talk_seconds / 60) if self.talk_seconds >= 30 else 0.0


@dataclass
class GroupRow:
    group: str
    intent: str
    sku: str | None
    count: int
    examples: list[str]
    answered: bool = False
    escalation: str | None = None
    outcome: str | None = None


@dataclass
class Topic:
    """All question groups about one product and one kind of question, over the whole show."""

    sku: str | None
    intent: str
    count: int = 0
    unanswered: int = 0
    groups: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class EscalationRow:
    ts: float | None
    group: str | None
    ref: int | None
    reason: str
    outcome: str


@dataclass
class Review:
    show_id: str
    title: str
    source: str | None
    started: str | None
    minutes: int
    online: list[int | None] = field(default_factory=list)
    comments: list[int] = field(default_factory=list)
    orders: list[int] = field(default_factory=list)
    gmv_by_minute: list[float] = field(default_factory=list)
    headline: dict[str, Any] = field(default_factory=dict)
    products: list[ProductTalk] = field(default_factory=list)
    segments: list[tuple[float, float, str]] = field(default_factory=list)  # minutes from start, title
    groups: list[GroupRow] = field(default_factory=list)
    escalations: list[EscalationRow] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    moderation: dict[str, int] = field(default_factory=dict)
    pii: dict[str, int] = field(default_factory=dict)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    skipped: dict[str, Any] = field(default_factory=dict)
    improvements: list[dict[str, str]] = field(default_factory=list)

    @property
    def unanswered(self) -> list[GroupRow]:
        return [g for g in self.groups if not g.answered and g.outcome != "人工已回复"]

    def topics(self) -> list[Topic]:
        out: dict[tuple[str | None, str], Topic] = {}
        for g in self.groups:
            t = out.setdefault((g.sku, g.intent), Topic(g.sku, g.intent))
            t.count += g.count
            t.groups += 1
            if not g.answered and g.outcome != "人工已回复":
                t.unanswered += g.count
            t.examples += [x for x in g.examples if x not in t.examples][: 3 - len(t.examples)]
        return sorted(out.values(), key=lambda t: (-t.count, t.sku or "", t.intent))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["unanswered"] = [asdict(g) for g in self.unanswered]
        data["topics"] = [asdict(t) for t in self.topics()]
        for row, product in zip(data["products"], self.products, strict=True):
            row["orders_per_minute"] = round(product.orders_per_minute, 3)
        return data


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value[:40])
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=CHINA_TZ)


def _num(value: Any, default: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    return float(value)


def _text(value: Any, limit: int = 120) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def review_show(folder: ShowFolder, titles: dict[str, str] | None = None) -> Review:
    meta = folder.meta()
    raw_lineup = meta.get("lineup")
    lineup: list[Any] = raw_lineup if isinstance(raw_lineup, list) else []
    names = {str(i.get("sku")): str(i.get("title") or i.get("sku")) for i in lineup if isinstance(i, dict)}
    names.update(titles or {})
    events = list(folder.events())
    outputs = list(folder.outputs())
    stamps = [float(e["ts"]) for e in events] + [_num(o.get("ts"), math.nan) for o in outputs]
    stamps = [t for t in stamps if math.isfinite(t)]
    middle = statistics.median(stamps) if stamps else 0.0
    kept = [t for t in stamps if abs(t - middle) <= WINDOW]
    started_meta = folder.started_at()
    ended_meta = _when(meta.get("ended_at"))
    start = started_meta.timestamp() if started_meta else (min(kept) if kept else 0.0)
    end = max(kept) if kept else start
    minutes = max(1, min(MAX_MINUTES, math.ceil((end - start) / 60) + 1))
    review = Review(folder.id, _text(meta.get("title"), 200) or folder.id, _text(meta.get("source")),
                    datetime.fromtimestamp(start, CHINA_TZ).isoformat() if stamps or started_meta else None, minutes)
    review.comments, review.orders, review.gmv_by_minute = [0] * minutes, [0] * minutes, [0.0] * minutes
    online: list[int | None] = [None] * minutes
    products: dict[str, ProductTalk] = {}
    viewers: set[str] = set()
    current: tuple[str, float] | None = None
    out_of_range = 0

    def product(sku: str) -> ProductTalk:
        if sku not in products:
            products[sku] = ProductTalk(sku, names.get(sku, sku))
        return products[sku]

    def close(segment: tuple[str, float], until: float) -> None:
        p = product(segment[0])
        p.talk_seconds += until - segment[1]
        review.segments.append(((segment[1] - start) / 60, (until - start) / 60, p.title))

    for e in sorted(events, key=lambda e: float(e["ts"])):
        ts = float(e["ts"])
        m = int((ts - start) // 60)
        if not 0 <= m < minutes:
            out_of_range += 1
            continue
        raw_meta = e.get("meta")
        meta_e: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        kind = e["type"]
        if isinstance(e.get("user_id"), str) and kind in ("enter", "chat", "order"):
            viewers.add(e["user_id"][:64])
        if kind == "chat":
            review.comments[m] += 1
        elif kind == "order":
            sku = _text(meta_e.get("sku"), 64) or "未知商品"
            qty = int(min(max(_num(meta_e.get("qty"), 1), 0), 10_000))
            amount = min(max(_num(meta_e.get("amount")), 0.0), 1e7)
            review.orders[m] += 1
            review.gmv_by_minute[m] += amount
            p = product(sku)
            p.orders, p.units, p.gmv = p.orders + 1, p.units + qty, p.gmv + amount
        elif kind == "stats":
            if _num(meta_e.get("online"), -1) >= 0:
                online[m] = int(min(_num(meta_e.get("online")), 1e9))
            switch = _text(meta_e.get("current_sku"), 64)
            if switch and (current is None or current[0] != switch):
                if current:
                    close(current, ts)
                current = (switch, ts)
    if current:
        stop = min(end, start + minutes * 60, ended_meta.timestamp() if ended_meta else math.inf)
        close(current, max(stop, current[1]))
    _read_outputs(review, outputs, online, start, product)
    for m in range(1, minutes):  # platform figures hold until the next stats event
        if online[m] is None:
            online[m] = online[m - 1]
    review.online = online
    review.products = sorted(products.values(), key=lambda p: (-p.gmv, -p.talk_seconds, p.sku))
    review.skipped = {"events": asdict(folder.event_stats), "output": asdict(folder.output_stats),
                      "out_of_range": out_of_range}
    values = [v for v in online if v is not None]
    answered = sum(g.answered for g in review.groups)
    review.headline = {
        "minutes": minutes, "peak_online": max(values) if values else None,
        "average_online": round(sum(values) / len(values)) if values else None, "viewers": len(viewers),
        "comments": sum(review.comments), "orders": sum(review.orders), "gmv": round(sum(review.gmv_by_minute), 2),
        "question_groups": len(review.groups), "questions": sum(g.count for g in review.groups),
        "answered_share": round(answered / len(review.groups), 3) if review.groups else None,
        "unanswered_groups": len(review.unanswered), "escalations": len(review.escalations),
        "findings": len(review.findings),
    }
    from cohost.insights.advice import improvements

    review.improvements = improvements(review)
    return review


def _read_outputs(review: Review, outputs: list[dict[str, Any]], online: list[int | None], start: float,
                  product: Any) -> None:
    groups: dict[str, GroupRow] = {}
    answers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    escalations: list[dict[str, Any]] = []
    moderation: Counter[str] = Counter()
    pii: Counter[str] = Counter()
    metrics: list[dict[str, Any]] = []
    for o in outputs:
        kind = o["kind"]
        if kind == "comment":
            moderation[_text(o.get("moderation"), 20) or "ok"] += 1
            for item in o.get("pii") or [] if isinstance(o.get("pii"), list) else []:
                if isinstance(item, str):
                    pii[item[:20]] += 1
        elif kind == "group" and isinstance(o.get("group"), str):
            gid = o["group"][:64]
            count = int(min(max(_num(o.get("count"), 1), 0), 1e9))
            if gid not in groups or count >= groups[gid].count:
                examples = [x[:80] for x in (o.get("examples") or []) if isinstance(x, str)][:3] \
                    if isinstance(o.get("examples"), list) else []
                groups[gid] = GroupRow(gid, _text(o.get("intent"), 20) or "other", _text(o.get("sku"), 64), count,
                                       examples)
        elif kind == "answer":
            if isinstance(o.get("group"), str):
                answers[o["group"][:64]].append(o)
            for f in o.get("findings") or [] if isinstance(o.get("findings"), list) else []:
                if isinstance(f, dict):
                    review.findings.append(_finding(f, o))
        elif kind == "finding":
            review.findings.append(_finding(o, o))
        elif kind == "escalation":
            escalations.append(o)
        elif kind == "suggestion":
            taken = o.get("taken") if isinstance(o.get("taken"), bool) else (
                {"taken": True, "dismissed": False}.get(str(o.get("status"))))
            review.suggestions.append({"ts": _num(o.get("ts"), 0.0), "code": _text(o.get("code"), 40) or "",
                                       "message": _text(o.get("message"), 200) or "", "taken": taken})
        elif kind == "metrics":
            metrics.append(o)
    _from_metrics(review, metrics, online, start)
    for gid, g in groups.items():
        replies = answers.get(gid, [])
        g.answered = any(a.get("escalate") is not True and a.get("route") in ANSWER_ROUTES for a in replies)
        if g.sku:
            product(g.sku).questions += g.count
    for e in escalations:
        gid = e["group"][:64] if isinstance(e.get("group"), str) else None
        outcome = _text(e.get("outcome"), 40)
        if outcome is None:
            later = [a for a in answers.get(gid or "", []) if _num(a.get("ts"), math.inf) >= _num(e.get("ts"), 0.0)]
            if any(a.get("route") == "human" for a in later):
                outcome = "人工已回复"
            elif any(a.get("escalate") is not True for a in later):
                outcome = "已自动回答"
            else:
                outcome = "未处理"
        reason = _text(e.get("reason"), 40) or "other"
        review.escalations.append(EscalationRow(_num(e.get("ts"), math.nan) if e.get("ts") is not None else None,
                                                gid, int(_num(e.get("ref"))) if e.get("ref") is not None else None,
                                                reason, outcome))
        if gid in groups:
            groups[gid].escalation, groups[gid].outcome = reason, outcome
    review.groups = sorted(groups.values(), key=lambda g: (-g.count, g.group))
    review.moderation, review.pii = dict(moderation), dict(pii)


def _from_metrics(review: Review, metrics: list[dict[str, Any]], online: list[int | None], start: float) -> None:
    """Without events.jsonl (or without stats/chats/orders in it), the pipeline's per-minute metrics fill in."""
    use_online = all(v is None for v in online)
    use_comments, use_orders = not any(review.comments), not any(review.orders)
    last_gmv = 0.0
    for o in sorted(metrics, key=lambda o: _num(o.get("ts"))):
        m = int((_num(o.get("ts"), start) - start) // 60)
        if not 0 <= m < len(online):
            continue
        if use_online and _num(o.get("online"), -1) >= 0:
            online[m] = int(min(_num(o.get("online")), 1e9))
        if use_comments:
            review.comments[m] = int(min(max(_num(o.get("comments_per_min")), 0), 1e9))
        if use_orders:
            review.orders[m] = int(min(max(_num(o.get("orders_per_min")), 0), 1e9))
            gmv = min(max(_num(o.get("gmv")), 0.0), 1e10)  # cumulative in the pipeline's metrics
            review.gmv_by_minute[m] += max(gmv - last_gmv, 0.0)
            last_gmv = max(gmv, last_gmv)


def _finding(f: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    return {"rule": _text(f.get("rule"), 40) or "?", "severity": _text(f.get("severity"), 20) or "?",
            "text": _text(f.get("text"), 80) or "", "message": _text(f.get("message"), 120) or "",
            "suggestion": _text(f.get("suggestion"), 80), "blocked": source.get("blocked") is True,
            "group": _text(source.get("group"), 64)}
