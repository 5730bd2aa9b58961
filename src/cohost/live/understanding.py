"""Classify and link stages: what a comment asks and which product it is about.

The understanding itself is the Q&A core's (``cohost.knowledge``: intent rules, risk detection,
attribute concepts, ``ProductLinker``), reached through two small ports so tests can pass fakes. This
module adds only what the live room needs on top: whether a line is a question at all, which comments
go to a person on their own, the grouping topic, and the product on screen.

Constraints:

- Moderated lines (spam, abuse, diversion) are not classified, except those flagged ``negative``: a
  complaint is never hidden, it is escalated as ``complaint``.
- Per-comment escalations (never grouped, each is personal): self-harm, complaints, disputes about one
  order, minors, injection attempts. Health, safety and requests for a person are questions many may
  ask; they are grouped and the Q&A core's holding reply goes to the human queue.
- The topic splits groups that would get different answers: a named variant ("M码", "#03") or the
  attribute concept asked ("size" vs "colour").
- The product on screen is the ``current_sku`` of the latest platform ``stats`` (formats.md §2) or an
  operator ``ProductSwitch``; the first stats with a new one emits a ``ProductSwitch``.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from cohost.domain import Product
from cohost.events import ClassifiedComment, Comment, ProductSwitch, RoomEvent
from cohost.knowledge.escalation import detect_risk, is_identity_question
from cohost.knowledge.intents import classify
from cohost.knowledge.lexicon import concepts_asked
from cohost.knowledge.linking import ProductLinker
from cohost.knowledge.text import Question, key_of
from cohost.live.pipeline import Stage
from cohost.live.wire import meta_text

PERSONAL = frozenset({"self_harm", "complaint", "dispute", "minor", "injection"})
_ASKING = frozenset({"price", "attribute", "variant", "stock", "shipping", "returns", "usage", "promotion",
                     "suitability", "comparison", "human"})
_CUE = re.compile(r"[?？]|吗|么|嘛|呢|多少|几|什么|啥|怎么|咋|如何|哪|能不能|可不可以|可以.{0,8}吗|有没有|有木有|是不是|"
                  r"会不会|要不要|行不行|好不好|对不对|求|蹲|想问|请问|问下|问一下|还有|有货|链接|\b(how|what|which|where|when|"
                  r"can|do|does|is|are|any)\b")
_PERSONAL_DATA = frozenset({"mobile", "id_card", "bank_card", "address", "name"})
_DONE = re.compile(r"已拍|拍了|拍下|下单了|已下单|买了|已买|付款了|付了|抢到|已付")


@dataclass(frozen=True, slots=True)
class Reading:
    intent: str
    confidence: float
    risk: str | None
    question: bool
    topic: str | None


@dataclass(frozen=True, slots=True)
class Linked:
    sku: str | None
    candidates: tuple[str, ...] = ()
    variant: str | None = None
    via: str = "mention"  # mention | link_number | context | ambiguous | none


class Classifier(Protocol):
    def read(self, norm: str) -> Reading: ...


class Linker(Protocol):
    def link(self, norm: str, context_sku: str | None) -> Linked: ...


_SHOP_LEVEL = frozenset({"shipping", "returns", "human", "greeting", "chitchat", "complaint"})
_HAS = re.compile(r"有没有|有吗|有.{0,8}(吗|么|嘛|没)|还有|do you have|is there")
_POINTER = re.compile(r"(这个|这款|那个|\d+号(链接)?)?(呢|吗)?\??")


def refine(intent: str, topic: str | None, norm: str, sku: str | None, variant: str | None) -> tuple[str, str | None]:
    """What an unclear question asks, once its product is known — the rules of the Q&A core's
    ``QAEngine._refine`` (a named variant is about that variant; an attribute concept about that
    attribute; a bare "3号呢" about the price), applied without reading facts. Returns (intent, topic)."""
    if variant is not None:
        topic = f"variant:{variant}"
        if intent in ("other", "attribute") and _HAS.search(norm):
            return "variant", topic
        if intent == "other":
            return "stock", topic
        return intent, topic
    if intent == "other" and sku is not None:
        concepts = concepts_asked(norm)
        if concepts:
            return "attribute", concepts[0].name
        if _POINTER.fullmatch(norm):
            return "price", topic
    return intent, topic


def _question(norm: str) -> Question:
    return Question(raw=norm, text=norm, key=key_of(norm), lang="zh", emoji=0, truncated=False)


class KnowledgeClassifier:
    """The Q&A core's intent and risk rules over an already normalised text (cached by text)."""

    def __init__(self, cache_size: int = 50_000) -> None:
        self._cache: OrderedDict[str, Reading] = OrderedDict()  # least recently used out first
        self._size = cache_size

    def read(self, norm: str) -> Reading:
        hit = self._cache.get(norm)
        if hit is not None:
            self._cache.move_to_end(norm)
            return hit
        guess = classify(norm)
        risk = detect_risk(norm)
        intent = guess.intent
        if risk is not None and risk.reason in PERSONAL | {"health", "safety", "human_request"}:
            intent = risk.intent if risk.reason != "injection" else "other"
        cue = _CUE.search(norm) is not None
        if risk is not None and risk.reason in PERSONAL:
            question = False
        elif intent == "purchase":
            question = cue and not _DONE.search(norm)
        elif intent in _ASKING:
            question = True
        else:
            question = cue or is_identity_question(norm)
        concepts = concepts_asked(norm) if intent in ("attribute", "variant", "suitability", "usage") else []
        reading = Reading(intent, guess.confidence, risk.reason if risk else None, question,
                          concepts[0].name if concepts else None)
        self._cache[norm] = reading
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return reading


class KnowledgeLinker:
    """The Q&A core's ``ProductLinker`` over the room's lineup (cached by text and product on screen)."""

    def __init__(self, products: Sequence[Product] | ProductLinker, cache_size: int = 50_000) -> None:
        self.linker = products if isinstance(products, ProductLinker) else ProductLinker(products)
        self._cache: OrderedDict[tuple[str, str | None], Linked] = OrderedDict()  # least recently used out first
        self._size = cache_size

    def link(self, norm: str, context_sku: str | None) -> Linked:
        key = (norm, context_sku)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        q = _question(norm)
        found = self.linker.link(q, context_sku)
        variant = None
        if found.sku is not None:
            named = self.linker.variants_in(found.sku, q)
            variant = named[0] if len(named) == 1 else None
        linked = Linked(found.sku, tuple(found.candidates) if found.via == "ambiguous" else (), variant, found.via)
        self._cache[key] = linked
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return linked


class ClassifyStage(Stage):
    name = "classify"
    accepts = (Comment,)

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier

    def process(self, event: Comment) -> Iterable[Any]:
        negative = "negative" in event.flags
        if event.moderation != "ok" and not negative:
            return (ClassifiedComment(event, "other", None, 1.0, question=False),)
        reading = self.classifier.read(event.norm)
        escalate = reading.risk if reading.risk in PERSONAL else None
        intent, question = reading.intent, reading.question
        if negative and escalate is None and not question:
            escalate, intent = "complaint", "complaint"
        if escalate is None and set(event.pii) & _PERSONAL_DATA:
            escalate, question = "other", False  # an order-service request: a person, in private (T47)
        if event.moderation != "ok":
            question = False
            escalate = escalate or "complaint"
        return (ClassifiedComment(event, intent, None, reading.confidence, question, topic=reading.topic,
                                  escalate=escalate),)


class LinkStage(Stage):
    name = "link"
    accepts = (ClassifiedComment, ProductSwitch, RoomEvent)

    def __init__(self, linker: Linker, context_sku: str | None = None) -> None:
        self.linker = linker
        self.context_sku = context_sku

    def process(self, event: Any) -> Iterable[Any]:
        if isinstance(event, ProductSwitch):
            self.context_sku = event.sku
            return (event,)
        if isinstance(event, RoomEvent):
            sku = meta_text(event.meta, "current_sku") if event.type == "stats" else None
            if sku is not None and sku != self.context_sku:
                self.context_sku = sku
                return (event, ProductSwitch(ts=event.ts, sku=sku, ref=event.ref))
            return (event,)
        item: ClassifiedComment = event
        if not item.question and item.escalate is None:
            return (item,)  # greetings, chit-chat, "拍了", moderated lines: no product to find
        norm = item.comment.norm
        linked = self.linker.link(norm, self.context_sku)
        sku = linked.sku
        if linked.via == "context" and item.intent in _SHOP_LEVEL:
            sku = None  # "什么时候发货" is about the shop, whatever is on screen
        intent, topic = refine(item.intent, item.topic, norm, sku, linked.variant)
        return (ClassifiedComment(item.comment, intent, sku, item.confidence, item.question, topic,
                                  linked.candidates, self.context_sku, item.group, item.escalate),)
