"""The understand stage: what a comment asks and which product it is about, in one reading.

The reading is the Q&A core's (``QAEngine.understand``: risks, intent, product link, named variants, the
refinement ``answer`` applies — a named variant, a fact the question names, a bare "3号呢"), so the live
room and the answer stage read a comment the same way and there is one copy of those rules. It is reached
through the ``Reader`` port so tests can pass fakes; ``EngineReader`` is the real one. Before it, the
cheap first tier (``cohost.live.smalltalk``) takes the lines that cannot be questions (greetings, "666",
emoji) without asking the core.

What this module adds, because only a live room needs it:

- Whether a line asks anything at all (a question is grouped and answered; a remark is not): a question
  cue (吗, 多少, 怎么, ?, "多久" / "多辣", an alternative "A还是B" but not "我还是喜欢", …), an intent that
  only a question has (price, stock, …), or a question about the anchor's identity. "拍了", "已付款" are order remarks (``purchase``), not questions; a remark the core
  could not place ("other", no cue) is chit-chat.
- Moderated lines (spam, abuse, diversion) are not read, except those flagged ``negative``: a complaint
  is never hidden, it is escalated as ``complaint``.
- Per-comment escalations (never grouped, each is personal): self-harm, complaints, disputes about one
  order, minors, injection attempts, and requests that carry the viewer's own data (an order-service
  request, for a person in private). Health, safety and requests for a person are questions many may
  ask; they are grouped and the Q&A core's holding reply goes to the human queue.
- The topic splits groups that would get different answers: a named variant ("variant:SKU") or the
  first concept the core reads ("size" vs "colour"; for an ``other`` reading too: "重不重" is "weight"),
  else, for an open question, its core words ("text:…").
- Variants a room names the way the catalog does not ("2万毫安的", "P20", "大瓶的"; resolved in
  :mod:`cohost.live.mentions`) are re-read by the core with the variant's name in its place, so the
  core's refinement (price of a variant, its stock) is applied once, by the core. Only when the core
  then names that variant is its reading used.
- A request about one order (changing an address, a line with the viewer's phone, address, e-mail… or an
  order number) is an order-service line: a person in private, no product; its words say which service
  (``cohost.live.orderservice``: a refund card is ``returns``, where a parcel is ``shipping``, else
  ``other``; a grievance keeps the complaint). A late parcel asked after without a grievance is ``shipping``.
- A cue-less opinion ("这个版型不错", "算了不买了") is small talk, and a paraphrase the grouping reads as one
  question carries that question's intent ("米多少" price, "腰2尺2拍啥码" variant; ``cohost.live.remarks``). Shop-service questions (invoices,
  customer-service hours) and questions about the show itself ("下次直播什么时候") are ``other`` and
  about no product.
- Shop-level questions ("什么时候发货") are about no product, whatever is on screen; so is tonight's lineup
  ("今晚上啥货", topic "lineup", apart from the next show's "show"), unless it names one ("卸妆油啥时候上").
- The core is asked in its own words: old numerals of link numbers and durations asked as lengths are
  rewritten first ("卅一号" → "31号", "保温时间多长" → "保温多久"; ``vernacular.spoken``).
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
from cohost.live.confirmation import Confirmations
from cohost.live.mentions import Choices, choices_of, resolve_variant
from cohost.live.orderservice import late_parcel, service_intent, service_line
from cohost.live.paraphrase import tag_question
from cohost.live.pipeline import Stage
from cohost.live.remarks import asked_intent, not_buying, remark
from cohost.live.smalltalk import smalltalk
from cohost.live.vernacular import lineup, spoken
from cohost.live.wire import meta_text

PERSONAL = frozenset({"self_harm", "complaint", "dispute", "minor", "injection"})
_ASKING = frozenset({"price", "attribute", "variant", "stock", "shipping", "returns", "usage", "promotion",
                     "suitability", "comparison", "human"})
_CUE = re.compile(r"[?？]|吗|么|嘛|呢|多少|多(?:久|长|大|重|高|宽|厚|远|深|辣)|几|"
                  r"(?<=[\u4e00-\u9fffa-z0-9])(?<![我你他她但可那就也])还是(?!算了|不了|喜欢|觉得|挺|很|蛮|太|有点|可以|不错|好|爱|那么|这么|没)"
                  r"(?=[\u4e00-\u9fffa-z0-9])|什么|啥|怎么|咋|如何|哪|能不能|可不可以|可以.{0,8}吗|有没有|有木有|是不是|"
                  r"([\u4e00-\u4e0c\u4e0e-\u9fff])不\1|(?:能|可以|会|有|是|要).{0,10}不$|"
                  r"会不会|要不要|行不行|好不好|对不对|求|蹲|想问|请问|问下|问一下|还有|有货|链接|\b(how|what|which|where|when|"
                  r"can|do|does|is|are|any)\b")
# what turns an order remark into a question about the order ("拍了怎么没发货", "下单了几号链接")
_ORDER_QUESTION = re.compile(r"吗|么|几|什么|啥|怎么|咋|如何|哪|能不能|可不可以|有没有|是不是|多少|\b(how|what|where|when)\b")
_PERSONAL_DATA = frozenset({"mobile", "id_card", "bank_card", "address", "name", "email", "qq", "wechat"})
# a request about one order: a person changes it, in private (with or without the viewer's data in the line)
_ORDER_SERVICE = re.compile(r"(?:改|换|修改|更改)(?:一?下|个|一个)?(?:收货|收件|寄件)?(?:地址|电话|手机号?|收货人|收件人)|"
                            r"(?:地址|电话|手机号?)(?:写|填|留)?错|地址改成|改成.{0,4}地址|帮我(?:备注|查下?订单|改)|"
                            r"(?:打|回)我电话|发(?:到|给)?我(?:的)?邮箱")
_WARRANTY = re.compile(r"保修|质保|维修|坏了")
# shop-service concepts of the core: about the shop, whatever is on screen
_SHOP_CONCEPTS = frozenset({"invoice", "service_hours"})
# a question about the show itself (not "几点下播", which is small talk)
_SHOW = re.compile(r"下(?:次|一次|一场|场|回)(?:直播|开播|播|什么时候播)|(?:明天|明晚|后天|今晚|周末|下周|每天|改天)(?:还|也|会|几点)?(?:直播|开播|播)|"
                   r"(?:什么时候|几点|哪天|啥时候)(?:再|还|会)?(?:直播|开播)|还(?:直)?播吗|(?:直播|开播)时间")
_DONE = re.compile(r"已拍|拍了|拍下|下单了|已下单|买了|已买|付款了|付了|已付|抢到")
_TOPIC_INTENTS = frozenset({"attribute", "variant", "suitability", "usage"})
_OPEN_INTENTS = frozenset({"attribute", "other"})
_FIRST_TIER_CONFIDENCE = 0.9
# what does not change what a line asks: address terms in front (not 主播, which the core reads: "主播多高" is
# about the anchor; a doubled one counts once) and exclamation-like particles at the end (not 吗, 呢, 吧, ?)
_VOCATIVE = re.compile(r"^(?:(?:请问|问下|问一下|想问一?下?|宝宝们|宝子们?|家人们|姐妹们|集美们|亲们?|各位|老铁们?)[\s,，~～!！。:：]*)+")
_ANCHOR_TWICE = re.compile(r"^(?:主播[\s,，~～!！。:：]*){2,}")
_EXCLAMATION = re.compile(r"[\s呀啊哈啦哦噢诶~～!！。.,，]+$")


# the size a room names in words, as the catalog names it ("中码有没有" → "m码有没有")
_SIZE_WORD = re.compile(r"(?<![加特超])([中小])码")
_SIZE_LETTERS = {"中": "m", "小": "s"}


def _size_letter(m: re.Match[str]) -> str:
    return _SIZE_LETTERS[m.group(1)] + "码"


def canonical(norm: str) -> str:
    """The form the reader asks the core about: ``norm`` without the decorations above ("宝子们这个多少钱呀"
    → "这个多少钱"), so a room's many decorated copies of one question are one reading; a tag question is
    asked as the core reads it ("能用不" → "能用吗", ``paraphrase.tag_question``) and a size named in words
    as the catalog names it ("中码" → "m码", "小码" → "s码"). Question cues are
    read on the whole line (``live_reading``), so "请问" still makes a line a question."""
    text = spoken(_SIZE_WORD.sub(_size_letter, _EXCLAMATION.sub("", _ANCHOR_TWICE.sub("主播", _VOCATIVE.sub("", norm)))))
    return tag_question(text) if text else norm

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
    cue = _CUE.search(text) is not None or tag_question(text) != text  # "有黑色的没", "带线不"
    if risk in PERSONAL:
        question = False
    elif risk is not None:
        question = True  # health, safety, a person asked for: grouped, the holding reply goes to a person
    elif not cue and (remark(intent, text) or (intent in ("purchase", "other") and not_buying(text))):
        intent, question = "chitchat", False  # "这个版型不错", "算了不买了": an opinion, not a question (``remarks``)
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
    sku, via = u.sku, u.via
    concept = u.concepts[0] if u.concepts else None
    show = "show" if _SHOW.search(text) else "lineup" if intent in _OPEN_INTENTS and lineup(text) else None
    if risk is None and (concept in _SHOP_CONCEPTS or show) and variant is None:
        # invoices, customer-service hours, the next show, tonight's lineup: about the shop, whatever is on
        # screen (a product named stays: "卸妆油啥时候上")
        intent, question = "other", question or cue
        if concept not in _SHOP_CONCEPTS:
            concept = show
        if via in ("context", "attribute"):
            sku, via = None, "none"
        return (Reading(intent, u.confidence, risk, question, concept), Linked(sku, tuple(u.candidates), None, via))
    if variant is not None:
        topic: str | None = f"variant:{variant}"
    elif (intent in _TOPIC_INTENTS or intent == "other") and concept is not None:
        topic = concept
    elif intent in _OPEN_INTENTS:
        # no concept names what is asked ("能上飞机吗", "支持快充吗"): only the same core words are the same
        # question — one attribute group per product would give one answer to different questions
        topic = "text:" + key_of(u.core or u.text)
    else:
        topic = None
    asked = asked_intent(intent, topic, text) if question and risk is None and variant is None else None
    if asked is not None:  # "米多少" is the price question (no topic), "腰2尺2拍啥码" a variant one
        intent, topic = asked, None if asked == "price" else topic
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
    reading comments never goes to the store for facts more than once per catalog version. ``products``
    (the engine source's ``products`` by default) gives the variant names a room's mentions are resolved
    against (``choices_of``) and the attribute values a confirmation names (``Confirmations``: "是316吗" asks
    the material), read once per catalog version: one entry per product, nothing else grows.
    Not thread-safe (one room, one task).
    """

    def __init__(self, engine: Understands, *, version: Callable[[], str] | None = None,
                 pin: Callable[[str], AbstractContextManager[Any]] | None = None, recheck: float = 1.0,
                 cache_size: int = 50_000, monotonic: Callable[[], float] = time.monotonic,
                 products: Callable[[], Iterable[Any]] | None = None) -> None:
        self.engine = engine
        self._version = version if version is not None else engine.source.version  # type: ignore[attr-defined]
        # the catalog's products (``FactSource.products``), read once per catalog version for variant names
        self._products = products if products is not None else getattr(getattr(engine, "source", None), "products", None)
        self._choices: dict[str, Choices | None] | None = None
        self._confirmations: Confirmations | None = None
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
                self._choices = None
                self._confirmations = None
                self._seen = version
        return self._seen

    def understand(self, text: str, context_sku: str | None) -> Any:
        """The core's reading of ``canonical(text)`` with that product on screen (cached)."""
        return self._understood_as(canonical(text), context_sku)

    def _understood_as(self, canon: str, context_sku: str | None) -> Any:
        version = self._check()
        key = (canon, context_sku)
        u = self._understood.get(key)
        if u is not None:
            self._understood.move_to_end(key)
            return u
        self.misses += 1
        with self._pin(version) if self._pin is not None else nullcontext():
            u = self.engine.understand(key[0], context_sku=context_sku)
            u = self._named_variant(u, key[0], context_sku)
        self._understood[key] = u
        if len(self._understood) > self._size:
            self._understood.popitem(last=False)
        return u

    def _variant_choices(self, sku: str) -> Choices | None:
        if self._choices is None:
            self._choices = {}
            if self._products is not None:
                for p in self._products():
                    self._choices[p.sku] = choices_of(p.title, [(v.sku, v.name) for v in p.variants])
        return self._choices.get(sku)

    def _confirmed(self) -> Confirmations:
        if self._confirmations is None:
            self._confirmations = Confirmations(self._products() if self._products is not None else ())
        return self._confirmations

    def _named_variant(self, u: Any, text: str, context_sku: str | None) -> Any:
        """``u``, or the core's reading of ``text`` with a variant mention it missed ("2万毫安的", "P20",
        "大瓶的") put in the words of the catalog, when the core then names that one variant."""
        if u.sku is None or u.variants or u.risk is not None:
            return u
        choices = self._variant_choices(u.sku)
        if choices is None:
            return u
        lowered = text.lower()
        found = resolve_variant(lowered, choices)
        if found is None:
            return u
        (start, end), name, vsku = found
        base = text if len(lowered) == len(text) else lowered
        self.misses += 1
        again = self.engine.understand(base[:start] + name + base[end:], context_sku=context_sku)
        return again if again.sku == u.sku and tuple(again.variants) == (vsku,) else u

    def read(self, norm: str, context_sku: str | None) -> tuple[Reading, Linked]:
        self._check()
        key = (norm, context_sku)
        hit = self._lines.get(key)
        if hit is not None:
            self._lines.move_to_end(key)
            return hit
        canon = canonical(norm)
        reading = live_reading(self._understood_as(canon, context_sku), norm)
        topic, sku = reading[0].topic, reading[1].sku
        if topic is not None and topic[:5] == "text:" and sku is not None:
            # "是316吗", "是内蒙的吗": a value of the product named, the attribute asked (``confirmation``)
            concept = self._confirmed().concept(sku, canon)
            if concept is not None:
                r = reading[0]
                reading = (Reading(r.intent, r.confidence, r.risk, r.question, concept), reading[1])
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
        order_change = _ORDER_SERVICE.search(comment.norm) is not None
        personal_data = personal_data or order_change or service_line(comment.norm)
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
        if escalate == "dispute" and order_change:
            escalate = None  # "帮我改下收货地址": a change to one order (order service below), not a dispute
        if negative and escalate is None and (not question or intent == "other"):
            escalate, intent, question = "complaint", "complaint", False  # a negative line nothing else explains
        if personal_data and escalate not in ("self_harm", "injection", "minor"):
            # the viewer's own order (data or an order number): a person, in private; which service its words
            # ask (``orderservice``); a grievance keeps the complaint
            service = service_intent(comment.norm, changes_order=order_change)
            if service is not None:
                intent, order_change = service, order_change or service == "other"
            escalate, question = escalate or "other", False
        elif escalate == "complaint" and intent == "complaint" and late_parcel(comment.norm):
            intent = "shipping"  # "拍了没发货 都三天了": a late parcel asked after, the person still sees it
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
        if linked.via == "context" and intent in _SHOP_LEVEL and not (
                linked.variant is not None or (intent == "returns" and _WARRANTY.search(comment.norm))):
            # "什么时候发货" is about the shop, whatever is on screen; a warranty ("保修多久") or a named
            # variant ("刻字的能退吗") is the product's own term
            sku = None
        if order_change:
            sku = None  # "我手机号…订单地址写错了", "我手机号是…" are about an order, not the product their words touch
        return (ClassifiedComment(comment, intent, sku, reading.confidence, question, reading.topic,
                                  linked.candidates, self.context_sku, None, escalate),)


__all__ = ["Choices", "EngineReader", "Linked", "Reader", "Reading", "UnderstandStage", "canonical", "choices_of",
           "live_reading", "resolve_variant", "smalltalk"]
