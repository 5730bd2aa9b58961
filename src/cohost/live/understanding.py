"""The understand stage: what a comment asks and which product it is about, in one reading.

The reading is the Q&A core's (``QAEngine.understand``: risks, intent, product link, named variants, the
refinement ``answer`` applies — a named variant, a fact the question names, a bare "3号呢"), so the live
room and the answer stage read a comment the same way and there is one copy of those rules. It is reached
through the ``Reader`` port so tests can pass fakes; ``EngineReader`` is the real one. Before it, the
cheap first tier (``cohost.live.smalltalk``) takes the lines that cannot be questions (greetings, "666",
emoji) without asking the core.

What this module adds, because only a live room needs it:

- Whether a line asks anything at all (a question is grouped and answered; a remark is not): a question
  cue (吗, 多少, 怎么, ?, …), an intent that only a question has (price, stock, …), or a question about the
  anchor's identity. "拍了", "已付款" are order remarks (``purchase``), not questions; a remark the core
  could not place ("other", no cue) is chit-chat.
- Moderated lines (spam, abuse, diversion) are not read, except those flagged ``negative``: a complaint
  is never hidden, it is escalated as ``complaint``.
- Per-comment escalations (never grouped, each is personal): self-harm, complaints, disputes about one
  order, minors, injection attempts, and requests that carry the viewer's own data (an order-service
  request, for a person in private). Health, safety and requests for a person are questions many may
  ask; they are grouped and the Q&A core's holding reply goes to the human queue.
- The topic splits groups that would get different answers: a named variant ("variant:SKU") or the
  attribute concept asked ("size" vs "colour").
- Shop-level questions ("什么时候发货") are about no product, whatever is on screen.
- The product on screen is the ``current_sku`` of the latest platform ``stats`` (formats.md §2) or an
  operator ``ProductSwitch``; the first stats with a new one emits a ``ProductSwitch``.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

from cohost.events import ClassifiedComment, Comment, ProductSwitch, RoomEvent
from cohost.knowledge.escalation import is_identity_question
from cohost.knowledge.text import key_of
from cohost.live.pipeline import Stage
from cohost.live.smalltalk import smalltalk
from cohost.live.wire import meta_text

PERSONAL = frozenset({"self_harm", "complaint", "dispute", "minor", "injection"})
_ASKING = frozenset({"price", "attribute", "variant", "stock", "shipping", "returns", "usage", "promotion",
                     "suitability", "comparison", "human"})
_CUE = re.compile(r"[?？]|吗|么|嘛|呢|多少|几|什么|啥|怎么|咋|如何|哪|能不能|可不可以|可以.{0,8}吗|有没有|有木有|是不是|"
                  r"会不会|要不要|行不行|好不好|对不对|求|蹲|想问|请问|问下|问一下|还有|有货|链接|\b(how|what|which|where|when|"
                  r"can|do|does|is|are|any)\b")
# what turns an order remark into a question about the order ("拍了怎么没发货", "下单了几号链接")
_ORDER_QUESTION = re.compile(r"吗|么|几|什么|啥|怎么|咋|如何|哪|能不能|可不可以|有没有|是不是|多少|\b(how|what|where|when)\b")
_PERSONAL_DATA = frozenset({"mobile", "id_card", "bank_card", "address", "name"})
_DONE = re.compile(r"已拍|拍了|拍下|下单了|已下单|买了|已买|付款了|付了|已付|抢到")
_TOPIC_INTENTS = frozenset({"attribute", "variant", "suitability", "usage"})
_OPEN_INTENTS = frozenset({"attribute", "other"})
_FIRST_TIER_CONFIDENCE = 0.9
# what does not change what a line asks: address terms in front (not 主播, which the core reads: "主播多高" is
# about the anchor; a doubled one counts once) and exclamation-like particles at the end (not 吗, 呢, 吧, ?)
_VOCATIVE = re.compile(r"^(?:(?:请问|问下|问一下|想问一?下?|宝宝们|宝子们?|家人们|姐妹们|集美们|亲们?|各位|老铁们?)[\s,，~～!！。:：]*)+")
_ANCHOR_TWICE = re.compile(r"^(?:主播[\s,，~～!！。:：]*){2,}")
_EXCLAMATION = re.compile(r"[\s呀啊哈啦哦噢诶~～!！。.,，]+$")


def canonical(norm: str) -> str:
    """The form the reader asks the core about: ``norm`` without the decorations above ("宝子们这个多少钱呀"
    → "这个多少钱"), so a room's many decorated copies of one question are one reading. Question cues are
    read on the whole line (``live_reading``), so "请问" still makes a line a question."""
    text = _EXCLAMATION.sub("", _ANCHOR_TWICE.sub("主播", _VOCATIVE.sub("", norm)))
    return text or norm

_SHOP_LEVEL = frozenset({"shipping", "returns", "human", "greeting", "chitchat", "complaint"})


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
    via: str = "none"  # link_number | mention | context | attribute | ambiguous | unknown_link | none


class Reader(Protocol):
    def read(self, norm: str, context_sku: str | None) -> tuple[Reading, Linked]: ...


class Understands(Protocol):
    """The part of ``QAEngine`` the live room reads with (``cohost.knowledge.Understanding`` out)."""

    def understand(self, text: str, context_sku: str | None = None) -> Any: ...


def live_reading(u: Any, text: str) -> tuple[Reading, Linked]:
    """The Q&A core's ``Understanding`` of (the canonical form of) ``text`` in the live room's terms, with
    the live-only rules of the module docstring (is it a question, an order remark, the grouping topic)."""
    intent, risk = u.intent, u.risk
    cue = _CUE.search(text) is not None
    if risk in PERSONAL:
        question = False
    elif risk is not None:
        question = True  # health, safety, a person asked for: grouped, the holding reply goes to a person
    elif intent in ("purchase", "other", "chitchat") and _DONE.search(text) and not _ORDER_QUESTION.search(text):
        # "拍了", "已付款", "问下已下单，期待~", "买了两个呢": an order remark, even with a chat cue
        intent, question = "purchase", False
    elif intent == "purchase":
        question = cue
    elif intent in _ASKING:
        question = True
    else:
        question = cue or is_identity_question(text)
    variants: tuple[str, ...] = u.variants
    variant = variants[0] if len(variants) == 1 and u.sku is not None else None
    if variant is not None:
        topic: str | None = f"variant:{variant}"
    elif intent in _TOPIC_INTENTS and u.concepts:
        topic = u.concepts[0]
    elif intent in _OPEN_INTENTS:
        # no concept names what is asked ("能上飞机吗", "支持快充吗"): only the same core words are the same
        # question — one attribute group per product would give one answer to different questions
        topic = "text:" + key_of(u.core or u.text)
    else:
        topic = None
    return (Reading(intent, u.confidence, risk, question, topic),
            Linked(u.sku, tuple(u.candidates), variant, u.via))


class EngineReader:
    """``QAEngine.understand`` for one room, cached for a catalog version.

    Two bounded caches, least recently used out first: the core's ``Understanding`` per (canonical text,
    product on screen) — what costs — and the live reading per (line, product on screen) — what a room
    repeats. ``version`` is the catalog version (the engine's source's by default); it is re-read at most
    every ``recheck`` seconds (one SQL statement for the store) and a new version empties both, so a
    reading is never older than ``recheck`` seconds after a catalog change. Readings only choose the
    intent, the product and the group; the facts an answer speaks are read when it is composed. ``pin``
    (``PinnedFacts.pinned``) holds the engine's fact reads to that version while it reads a new text, so
    reading comments never goes to the store for facts more than once per catalog version.
    Not thread-safe (one room, one task).
    """

    def __init__(self, engine: Understands, *, version: Callable[[], str] | None = None,
                 pin: Callable[[str], AbstractContextManager[Any]] | None = None, recheck: float = 1.0,
                 cache_size: int = 50_000, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self._version = version if version is not None else engine.source.version  # type: ignore[attr-defined]
        self._pin = pin
        self._recheck = recheck
        self._size = cache_size
        self._monotonic = monotonic
        self._lines: OrderedDict[tuple[str, str | None], tuple[Reading, Linked]] = OrderedDict()
        self._understood: OrderedDict[tuple[str, str | None], Any] = OrderedDict()
        self._seen = ""
        self._checked = float("-inf")
        self.misses = 0  # texts the core was asked about (for the benchmark and tests)

    def _check(self) -> str:
        """The catalog version, re-read at most every ``recheck`` seconds; a new one empties the caches."""
        now = self._monotonic()
        if now - self._checked >= self._recheck:
            self._checked = now
            version = self._version()
            if version != self._seen:
                self._lines.clear()
                self._understood.clear()
                self._seen = version
        return self._seen

    def understand(self, text: str, context_sku: str | None) -> Any:
        """The core's reading of ``canonical(text)`` with that product on screen (cached)."""
        version = self._check()
        key = (canonical(text), context_sku)
        u = self._understood.get(key)
        if u is not None:
            self._understood.move_to_end(key)
            return u
        self.misses += 1
        with self._pin(version) if self._pin is not None else nullcontext():
            u = self.engine.understand(key[0], context_sku=context_sku)
        self._understood[key] = u
        if len(self._understood) > self._size:
            self._understood.popitem(last=False)
        return u

    def read(self, norm: str, context_sku: str | None) -> tuple[Reading, Linked]:
        self._check()
        key = (norm, context_sku)
        hit = self._lines.get(key)
        if hit is not None:
            self._lines.move_to_end(key)
            return hit
        reading = live_reading(self.understand(norm, context_sku), norm)
        self._lines[key] = reading
        if len(self._lines) > self._size:
            self._lines.popitem(last=False)
        return reading


class UnderstandStage(Stage):
    """Classify and link product: the first tier, then the Q&A core's reading (see the module docstring)."""

    name = "understand"
    accepts = (Comment, ProductSwitch, RoomEvent)

    def __init__(self, reader: Reader, context_sku: str | None = None, *, first_tier: bool = True) -> None:
        self.reader = reader
        self.context_sku = context_sku
        self.use_first_tier = first_tier  # off only to measure what it saves (bench/pipeline.py)
        self.first_tier = 0  # comments the first tier decided

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
        comment: Comment = event
        negative = "negative" in comment.flags
        if comment.moderation != "ok" and not negative:
            return (ClassifiedComment(comment, "other", None, 1.0, question=False),)
        personal_data = bool(set(comment.pii) & _PERSONAL_DATA)
        if self.use_first_tier and not negative and not personal_data:
            small = smalltalk(comment.norm) if "redacted" not in comment.flags else None
            if small is not None:
                self.first_tier += 1
                return (ClassifiedComment(comment, small, None, _FIRST_TIER_CONFIDENCE, question=False,
                                          context_sku=self.context_sku),)
        # a line carrying the viewer's own data is about their order, not the product on screen
        reading, linked = self.reader.read(comment.norm, None if personal_data else self.context_sku)
        escalate = reading.risk if reading.risk in PERSONAL else None
        intent, question = reading.intent, reading.question
        if negative and escalate is None and (not question or intent == "other"):
            escalate, intent, question = "complaint", "complaint", False  # a negative line nothing else explains
        if escalate is None and personal_data:
            escalate, question = "other", False  # an order-service request: a person, in private (T47)
            if intent in ("greeting", "chitchat"):
                intent = "other"  # "收货人李四 电话150…": the viewer's own data is no small talk
        if comment.moderation != "ok":
            question = False
            escalate = escalate or "complaint"
        if not question and escalate is None:
            if intent == "other":
                intent = "chitchat"  # "宝妈们冲呀": it asks nothing and the core could place it nowhere
            # greetings, chit-chat, "拍了": no product to report
            return (ClassifiedComment(comment, intent, None, reading.confidence, False, reading.topic,
                                      context_sku=self.context_sku),)
        sku = linked.sku
        if linked.via == "context" and intent in _SHOP_LEVEL:
            sku = None  # "什么时候发货" is about the shop, whatever is on screen
        return (ClassifiedComment(comment, intent, sku, reading.confidence, question, reading.topic,
                                  linked.candidates, self.context_sku, None, escalate),)


__all__ = ["EngineReader", "Linked", "Reader", "Reading", "UnderstandStage", "canonical", "live_reading", "smalltalk"]
