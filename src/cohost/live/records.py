"""Output events as the JSON Lines of formats.md §3 (``cohost live run``). This mapping is the contract.

Kinds: ``comment``, ``group``, ``answer``, ``escalation``, ``suggestion``, ``metrics``, ``error`` and
``product_switch``. Keys of the contract are always present; optional extensions (allowed by formats.md:
"extend with new optional fields") are ``flags`` (moderation reason codes, for audit), ``topic``,
``ref``/``reason``/``findings`` on answers, ``text``/``findings`` on escalations, ``sku`` on suggestions,
and the extra rates on metrics. ``text`` is always the masked text. Events that are not output (input
room events, control signals) map to ``None``.
"""

from __future__ import annotations

from typing import Any

from cohost.events import (
    Answer,
    ClassifiedComment,
    ErrorEvent,
    Escalation,
    MetricsSnapshot,
    ProductSwitch,
    QuestionGroup,
    Suggestion,
)


def _ts(value: float) -> float:
    return round(value, 3)


def to_record(event: Any) -> dict[str, Any] | None:
    if isinstance(event, ClassifiedComment):
        c = event.comment
        rec: dict[str, Any] = {"kind": "comment", "ref": c.ref, "ts": _ts(c.ts), "text": c.text, "intent": event.intent,
                               "sku": event.sku, "moderation": c.moderation, "pii": list(c.pii), "group": event.group}
        if c.flags:
            rec["flags"] = list(c.flags)
        return rec
    if isinstance(event, QuestionGroup):
        rec = {"kind": "group", "group": event.id, "intent": event.intent, "sku": event.sku, "count": event.count,
               "examples": list(event.examples), "first_ts": _ts(event.first_ts), "last_ts": _ts(event.last_ts)}
        if event.topic:
            rec["topic"] = event.topic
        return rec
    if isinstance(event, Answer):
        rec = {"kind": "answer", "group": event.group, "ref": event.ref, "text": event.text, "facts": list(event.facts),
               "escalate": event.escalate, "route": event.route}
        if event.escalate:
            rec["reason"] = event.reason
        if event.findings:
            rec["findings"] = [dict(f) for f in event.findings]
        return rec
    if isinstance(event, Escalation):
        rec = {"kind": "escalation", "ref": event.ref, "group": event.group, "reason": event.reason}
        if event.text:
            rec["text"] = event.text
        if event.findings:
            rec["findings"] = [dict(f) for f in event.findings]
        return rec
    if isinstance(event, Suggestion):
        rec = {"kind": "suggestion", "ts": _ts(event.ts), "code": event.code, "message": event.message,
               "evidence": dict(event.evidence)}
        if event.sku:
            rec["sku"] = event.sku
        return rec
    if isinstance(event, MetricsSnapshot):
        return {"kind": "metrics", "ts": _ts(event.ts), "online": event.online, "comments_per_min": event.comments_per_min,
                "orders_per_min": event.orders_per_min, "gmv": event.gmv, "enters_per_min": event.enters_per_min,
                "leaves_per_min": event.leaves_per_min, "questions_per_min": event.questions_per_min,
                "question_rate": event.question_rate, "interaction_rate": event.interaction_rate,
                "gmv_per_min": event.gmv_per_min,
                "products": [{"sku": sku, "interest": n} for sku, n in event.products]}
    if isinstance(event, ErrorEvent):
        return {"kind": "error", "ref": event.ref, "ts": _ts(event.ts), "stage": event.stage, "code": event.code,
                "message": event.message}
    if isinstance(event, ProductSwitch):
        return {"kind": "product_switch", "ref": event.ref, "ts": _ts(event.ts), "sku": event.sku}
    return None
