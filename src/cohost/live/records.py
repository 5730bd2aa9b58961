"""Output events as the JSON Lines of formats.md §3 (``cohost live run``). This mapping is the contract.

Kinds: ``comment``, ``group``, ``answer``, ``escalation``, ``suggestion``, ``metrics``, ``error`` and
``product_switch``. Keys of the contract are always present; optional extensions (allowed by formats.md:
"extend with new optional fields") are ``flags`` (moderation reason codes, for audit), ``topic``,
``ref``/``reason``/``findings`` on answers, ``text``/``findings`` on escalations, ``sku`` on suggestions,
and the extra rates on metrics. ``text`` is always the masked text. Events that are not output (input
room events, control signals) map to ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
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


def _comment(event: ClassifiedComment) -> dict[str, Any]:
    c = event.comment
    rec: dict[str, Any] = {"kind": "comment", "ref": c.ref, "ts": _ts(c.ts), "text": c.text, "intent": event.intent,
                           "sku": event.sku, "moderation": c.moderation, "pii": list(c.pii), "group": event.group}
    if c.flags:
        rec["flags"] = list(c.flags)
    return rec


def _group(event: QuestionGroup) -> dict[str, Any]:
    rec = {"kind": "group", "group": event.id, "intent": event.intent, "sku": event.sku, "count": event.count,
           "examples": list(event.examples), "first_ts": _ts(event.first_ts), "last_ts": _ts(event.last_ts)}
    if event.topic:
        rec["topic"] = event.topic
    return rec


def _answer(event: Answer) -> dict[str, Any]:
    rec = {"kind": "answer", "group": event.group, "ref": event.ref, "text": event.text, "facts": list(event.facts),
           "escalate": event.escalate, "route": event.route}
    if event.escalate:
        rec["reason"] = event.reason
    if event.findings:
        rec["findings"] = [dict(f) for f in event.findings]
    return rec


def _escalation(event: Escalation) -> dict[str, Any]:
    rec = {"kind": "escalation", "ref": event.ref, "group": event.group, "reason": event.reason}
    if event.text:
        rec["text"] = event.text
    if event.findings:
        rec["findings"] = [dict(f) for f in event.findings]
    return rec


def _suggestion(event: Suggestion) -> dict[str, Any]:
    rec = {"kind": "suggestion", "ts": _ts(event.ts), "code": event.code, "message": event.message,
           "evidence": dict(event.evidence)}
    if event.sku:
        rec["sku"] = event.sku
    return rec


def _metrics(event: MetricsSnapshot) -> dict[str, Any]:
    return {"kind": "metrics", "ts": _ts(event.ts), "online": event.online, "comments_per_min": event.comments_per_min,
            "orders_per_min": event.orders_per_min, "gmv": event.gmv, "enters_per_min": event.enters_per_min,
            "leaves_per_min": event.leaves_per_min, "questions_per_min": event.questions_per_min,
            "question_rate": event.question_rate, "interaction_rate": event.interaction_rate,
            "gmv_per_min": event.gmv_per_min,
            "products": [{"sku": sku, "interest": n} for sku, n in event.products]}


def _error(event: ErrorEvent) -> dict[str, Any]:
    return {"kind": "error", "ref": event.ref, "ts": _ts(event.ts), "stage": event.stage, "code": event.code,
            "message": event.message}


def _product_switch(event: ProductSwitch) -> dict[str, Any]:
    return {"kind": "product_switch", "ref": event.ref, "ts": _ts(event.ts), "sku": event.sku}


# in this order, as ``isinstance`` checks: the first kind an event is an instance of decides its record
_KINDS: tuple[tuple[type, Callable[[Any], dict[str, Any]]], ...] = (
    (ClassifiedComment, _comment), (QuestionGroup, _group), (Answer, _answer), (Escalation, _escalation),
    (Suggestion, _suggestion), (MetricsSnapshot, _metrics), (ErrorEvent, _error), (ProductSwitch, _product_switch))
# the builder of each event type met so far (None: not an output): one dict lookup per event
_BY_TYPE: dict[type, Callable[[Any], dict[str, Any]] | None] = {}


def _builder(kind: type) -> Callable[[Any], dict[str, Any]] | None:
    for base, build in _KINDS:
        if issubclass(kind, base):
            return build
    return None


def to_record(event: Any) -> dict[str, Any] | None:
    kind = type(event)
    if kind in _BY_TYPE:
        build = _BY_TYPE[kind]
    else:
        build = _BY_TYPE[kind] = _builder(kind)
    return None if build is None else build(event)
