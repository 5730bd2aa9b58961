"""What a comment asks, as the Q&A core reads it: ``Understanding`` is the public result of
``QAEngine.understand`` (the live path's entry into the core); ``Reading`` is the one pass both
``understand`` and ``answer`` make (risk, link, intent, the product's facts, named variants, retrieval hits)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from cohost.knowledge.escalation import Risk
from cohost.knowledge.intents import IntentGuess, core_of
from cohost.knowledge.linking import Link
from cohost.knowledge.retrieval import Hit
from cohost.knowledge.text import Question
from cohost.knowledge.views import ProductFacts, VariantFacts


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a comment asks (``QAEngine.understand``), in the terms the answer would use.

    ``intent`` is the refined intent (formats.md §4; for a risk, the intent the escalation reports);
    ``risk`` the escalation reason a risk forces (self_harm, injection, safety, health, minor, complaint,
    dispute, human_request) or None; ``sku`` the product linked (``via``: link_number, mention, context,
    attribute — the one product with an attribute of the kind asked —, ambiguous, unknown_link, none;
    ``candidates`` on a tie); ``variants`` the variant skus the comment
    names; ``topic`` what splits one question from another about the same product: ``variant:SKU`` or the
    first attribute concept asked ("weight", "colour"…); ``question`` whether it asks anything at all;
    ``core`` the normalised text without address terms and particles ("宝子们这个多少钱呀" → "这个多少钱")."""

    text: str
    core: str
    intent: str
    risk: str | None
    sku: str | None
    via: str
    candidates: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    topic: str | None = None
    concepts: tuple[str, ...] = ()
    question: bool = True
    confidence: float = 0.0


@dataclass(slots=True)
class Reading:
    """One pass of understanding, shared by ``answer`` and ``understand``; ``stop`` says which early
    outcome ended it (risk, emoji, empty, truncated, identity, anchor) or None. ``pf`` and ``hits`` (the
    product's facts, the retrieval) are read for ``answer`` only: ``understand`` reads them where the
    intent's refinement looks at them and leaves them out of the reading (``QAEngine._read``)."""

    q: Question
    link: Link
    risk: Risk | None
    intent: str = "other"
    stop: str | None = None
    guess: IntentGuess | None = None
    now: datetime | None = None
    pf: ProductFacts | None = None
    named: list[VariantFacts] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    concepts: tuple[str, ...] = ()

    def public(self) -> Understanding:
        variants = tuple(v.sku for v in self.named)
        topic = f"variant:{variants[0]}" if len(variants) == 1 else (self.concepts[0] if self.concepts else None)
        asks = self.risk is None and self.stop not in ("emoji", "empty") and self.intent not in ("greeting", "chitchat")
        confidence = self.guess.confidence if self.guess is not None else (0.9 if self.risk else 0.5)
        return Understanding(
            text=self.q.text, core=core_of(self.q.text), intent=self.intent,
            risk=self.risk.reason if self.risk else None, sku=self.link.sku, via=self.link.via,
            candidates=tuple(self.link.candidates) if self.link.via == "ambiguous" else (), variants=variants,
            topic=topic, concepts=self.concepts, question=asks, confidence=round(confidence, 2))


__all__ = ["Reading", "Understanding"]
