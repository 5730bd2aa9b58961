"""Answer and guard stages: one answer per question group from the Q&A core, checked before it goes out.

Ports (so tests pass fakes from ``cohost.testing.live_fakes``):

- ``Answerer.answer(question, context_sku=…)`` returns the formats.md §3 answer object: any object or mapping
  with ``intent, sku, answer, facts, confidence, escalate, reason`` (the Q&A core's ``QAEngine``).
- ``TextChecker.check(text, product=None, now=None, mode="live", stats=None)`` returns ``Finding``s (the
  compliance engine's ``Checker``); ``stats`` are the platform's own live figures (online, orders per
  minute), the only numbers an answer may quote (LSM-18(4)).

Constraints:

- A group is answered once, when it opens (``count == 1``); the answerer sees the first masked example,
  never raw text (DATA-2), and the product on screen when it was asked.
- A group whose first comment asks what an earlier group's first comment asked, with the same product on
  screen, takes that answer from the ``AnswerCache`` while the facts are unchanged
  (``cohost.live.answercache``); nothing else is reused.
- If the answerer fails, the group is escalated (reason ``other``) instead of being dropped.
- The guard runs on every answer that would be sent. A critical or high finding, or any PII in the
  answer (PI-25: never echo a viewer's data), stops it: the answer is escalated to the human queue with
  the findings, and nothing is sent. Promotion windows are checked at the event time, not the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from cohost.domain import Finding, Product
from cohost.events import Answer, Escalation, QuestionGroup
from cohost.live import pii
from cohost.live.answercache import AnswerCache
from cohost.live.factcache import PinnedAnswerer
from cohost.live.journal import AnswerMemo
from cohost.live.pipeline import Stage

BLOCKING = frozenset({"critical", "high"})


class Answerer(Protocol):
    def answer(self, question: str, *, context_sku: str | None = None) -> Any: ...


class TextChecker(Protocol):
    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "live", stats: Mapping[str, float] | None = None) -> list[Finding]: ...


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def finding_record(finding: Any) -> dict[str, Any]:
    """A finding as the JSON of formats.md §3 (``cohost check``)."""
    span = _field(finding, "span", (0, 0))
    return {"rule": str(_field(finding, "rule", "")), "severity": str(_field(finding, "severity", "")),
            "span": [int(span[0]), int(span[1])], "text": str(_field(finding, "text", "")),
            "message": str(_field(finding, "message", "")), "suggestion": _field(finding, "suggestion")}


def reply_record(reply: Any) -> dict[str, Any]:
    """The seven fields of the formats.md §3 answer object, from whatever the answerer returned."""
    facts = _field(reply, "facts", ()) or ()
    confidence = _field(reply, "confidence", 0.0)
    escalate = bool(_field(reply, "escalate", False))
    return {"intent": _field(reply, "intent"), "sku": _field(reply, "sku"), "answer": str(_field(reply, "answer", "") or ""),
            "facts": [str(f) for f in facts],
            "confidence": float(confidence) if isinstance(confidence, (int, float)) else 0.0,
            "escalate": escalate, "reason": (_field(reply, "reason") or "other") if escalate else None}


class AnswerStage(Stage):
    name = "answer"
    accepts = (QuestionGroup,)

    def __init__(self, answerer: Answerer, memo: AnswerMemo | None = None, cache: AnswerCache | None = None) -> None:
        self.answerer = answerer
        self.memo = memo
        self.cache = cache
        self.asked = 0

    def _ask(self, event: QuestionGroup) -> dict[str, Any]:
        self.asked += 1
        answerer = self.answerer
        if self.cache is not None and isinstance(answerer, PinnedAnswerer):
            # the cache has just read the catalog version from the same source for this very question:
            # pin that reading instead of reading it again (what ``PinnedAnswerer.answer`` does otherwise)
            version = self.cache.version_read_by(answerer.facts.read_version)
            if version is not None:
                with answerer.facts.pinned(version):
                    return reply_record(answerer.engine.answer(event.examples[0], context_sku=event.context_sku))
        return reply_record(answerer.answer(event.examples[0], context_sku=event.context_sku))

    def process(self, event: QuestionGroup) -> Iterable[Any]:
        if event.count != 1:
            return (event,)
        reply = self.memo.get(event.id) if self.memo is not None else None
        if reply is None:  # journalled before it goes out: a replay after a crash never asks again
            if self.cache is None:
                reply = self._ask(event)
            else:
                key = (event.examples[0], event.context_sku)  # exactly what the answerer is asked
                reply = self.cache.get_or_compute(key, event.first_ts, lambda: self._ask(event))
            if self.memo is not None:
                self.memo.put(event.id, reply)
        sku = reply["sku"] if reply["sku"] is not None or reply["escalate"] else event.sku
        answer = Answer(group=event.id, ref=event.first_ref, ts=event.first_ts,
                        intent=str(reply["intent"] or event.intent), sku=sku, text=reply["answer"],
                        facts=tuple(reply["facts"]), confidence=reply["confidence"], escalate=reply["escalate"],
                        reason=reply["reason"])
        return (event, answer)

    def fallback(self, event: QuestionGroup) -> Iterable[Any]:
        if event.count != 1:
            return (event,)
        return (event, Escalation(ref=event.first_ref, ts=event.first_ts, group=event.id, reason="other",
                                  text=event.examples[0]))


class GuardStage(Stage):
    """Compliance check of every outgoing answer (the content studio's engine, ``mode="live"``)."""

    name = "guard"
    accepts = (Answer,)

    def __init__(self, checker: TextChecker, product: Callable[[str], Product | None] = lambda _: None,
                 memo: AnswerMemo | None = None, stats: Callable[[], Mapping[str, float]] | None = None) -> None:
        self.checker = checker
        self.product = product
        self.memo = memo
        self.stats = stats
        self.blocked = 0

    def _findings(self, event: Answer) -> list[dict[str, Any]]:
        now = datetime.fromtimestamp(event.ts, tz=UTC)
        product = self.product(event.sku) if event.sku else None
        stats = self.stats() if self.stats is not None else None
        found = self.checker.check(event.text, product=product, now=now, mode="live", stats=stats or None)
        findings = [finding_record(f) for f in found]
        for d in pii.detect(event.text):
            findings.append({"rule": "PI-25", "severity": "critical", "span": [d.start, d.end],
                             "text": event.text[d.start:d.end], "message": f"回答中含有个人信息（{d.kind}）",
                             "suggestion": None})
        return findings

    def process(self, event: Answer) -> Iterable[Any]:
        if event.escalate or not event.text:
            return (event,)
        key = f"guard:{event.group}"
        verdict = self.memo.get(key) if self.memo is not None else None
        if verdict is None:  # journalled like the answer, so a replay decides the same way
            verdict = {"findings": self._findings(event)}
            if self.memo is not None:
                self.memo.put(key, verdict)
        findings = verdict["findings"]
        blocking = tuple(f for f in findings if f["severity"] in BLOCKING)
        if not blocking:
            return (Answer(**{**_as_dict(event), "findings": tuple(findings)}),) if findings else (event,)
        self.blocked += 1
        held = Answer(**{**_as_dict(event), "escalate": True, "reason": "other", "findings": tuple(findings)})
        return (held,)

    def fallback(self, event: Answer) -> Iterable[Any]:
        # an answer that could not be checked is not sent
        return (Answer(**{**_as_dict(event), "escalate": True, "reason": "other"}),)


def _as_dict(answer: Answer) -> dict[str, Any]:
    return {name: getattr(answer, name) for name in Answer.__slots__}
