"""``QAEngine``: a viewer question in, an ``AnswerRecord`` out, from the catalog's facts or a hand-over.

    engine = QAEngine(StoreFactSource(store))            # offline: hashing embedder, no LLM
    engine.answer("3号链接多少钱").answer                  # "…现在是89元。"
    engine.answer("这个多少钱", context_sku="MZ-001").facts  # ["MZ-001.price"]

Path per question: normalise → risks (escalate first) → intent → product link → read this product's
facts from the source *now* → compose from facts → optional LLM rewrite, re-checked → record. The first
half (up to the refined intent: ``refinement``) is ``understand``, public so the live path reads comments
the same way:

    u = engine.understand("宝子们 防冻款还有货吗", context_sku="WF-3")   # Understanding(intent="stock", …)
Indexes (linker, fact index, embeddings) are built once per catalog version (``FactSource.version``);
nothing answered comes from them. Thread-safe: locks guard only the index rebuild and ``understand``'s cache.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime

from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.config import Settings
from cohost.domain import ProductFact
from cohost.knowledge.absences import Catalogued, absence, catalogued
from cohost.knowledge.answers import Composer, Draft
from cohost.knowledge.audiences import Audience, audience_of
from cohost.knowledge.drafting import SHOP_CONCEPTS, Drafter
from cohost.knowledge.escalation import detect_risk, is_identity_question
from cohost.knowledge.guard import rewrite
from cohost.knowledge.intents import IntentGuess, classify
from cohost.knowledge.lexicon import Concept, concepts_asked
from cohost.knowledge.linking import Link, ProductLinker
from cohost.knowledge.orderjobs import order_job
from cohost.knowledge.ownnames import names_of
from cohost.knowledge.phrasing import Phrasebook
from cohost.knowledge.record import AnswerRecord
from cohost.knowledge.referents import bare_variant, foreign_comparand, unnamed_product
from cohost.knowledge.refinement import LazyReading, refine
from cohost.knowledge.refinement import names_priced as names_priced  # re-exported
from cohost.knowledge.retrieval import ANSWER_AT, FactIndex, Hit
from cohost.knowledge.runon import asks_of, price_ask_of
from cohost.knowledge.semantic import SemanticIndex
from cohost.knowledge.sources import FactSource, StoreFactSource
from cohost.knowledge.text import Question, normalize_question
from cohost.knowledge.understanding import Reading, Understanding
from cohost.knowledge.unknowable import ANCHOR, UNKNOWABLE, bulk_unanswered, effect_unstated, time_bound
from cohost.knowledge.views import ProductFacts
from cohost.providers.base import LLM, Embedder
from cohost.providers.offline import HashingEmbedder
from cohost.store import Store

_UNDERSTOOD_SIZE = 20_000  # ``understand`` results kept per engine (text, product on screen, catalog version)
# does a comment ask anything? "今天好冷啊" does not: with no product and no cue it is chat, not a question
_ASKS = re.compile(r"[?？吗么嘛呢]|[不没][~～!！。.]*$|什么|啥|怎么|咋|多少|多久|多长时间|几|哪|谁|能不能|可不可以|有没有|是不是|会不会|要不要|想问|请问|求|"
                   r"\b(how|what|which|where|when|can|does|do|is|are|any)\b")
_PRODUCT_INTENTS = {"price", "stock", "variant", "attribute", "usage", "suitability", "promotion", "other"}
_SECONDARY = ("price", "stock", "shipping", "returns", "promotion")


def _spaced(q: Question) -> str:
    """The normalised text with the viewer's own spaces kept: "红酒什么产区 几度" is two asks, and the space that
    says so is gone from ``q.text``."""
    pieces = q.raw.split()
    return " ".join(normalize_question(p).text for p in pieces) if len(pieces) > 1 else q.text


@dataclass(frozen=True, slots=True)
class _Indexes:
    version: str
    linker: ProductLinker
    facts: FactIndex
    semantic: SemanticIndex | None  # the second stage, for a calibrated sentence embedder
    names: tuple[str, ...]  # product names a risk cue inside of does not count (``ownnames``)
    held: Catalogued  # link numbers, sizes and text of the catalog (``absences``, ``referents``)
    audiences: dict[str, Audience]  # whom each product is for (``audiences``)


class QAEngine:
    def __init__(self, source: FactSource, *, embedder: Embedder | None = None, llm: LLM | None = None,
                 clock: Clock = SYSTEM_CLOCK, seed: int = 0) -> None:
        """``llm`` turns the re-checked rewrite on (off when None); ``clock`` decides which promotions
        and evidence are valid; ``seed`` shifts the phrasing rotation."""
        self.source = source
        self.embedder: Embedder = embedder if embedder is not None else HashingEmbedder()
        self.llm = llm
        self.clock = clock
        self.phrases = Phrasebook(seed)
        self.composer = Composer(self.phrases)
        self.drafter = Drafter(self.composer, source, self.indexes, self._product)
        self._indexes: _Indexes | None = None
        self._lock = threading.Lock()
        self._understood: OrderedDict[tuple[str, str | None, str], Understanding] = OrderedDict()
        self._cache_lock = threading.Lock()

    @classmethod
    def from_settings(cls, store: Store, settings: Settings) -> QAEngine:
        """The engine an entry point builds: the configured embedder, and the re-checked LLM rewrite only
        when ``qa_rewrite`` is on (the chain then ends in the offline grounded writer)."""
        from cohost.providers.registry import llm_chain, make_embedder

        embedder = make_embedder(settings.embedder, settings)
        llm = llm_chain(settings) if settings.qa_rewrite else None
        return cls(StoreFactSource(store), embedder=embedder, llm=llm)

    # indexes --------------------------------------------------------------------------------------------
    def indexes(self) -> _Indexes:
        version = self.source.version()
        current = self._indexes
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._indexes is None or self._indexes.version != version:
                products = self.source.products()
                facts: list[ProductFact] = [f for p in products for f in self.source.facts(p.sku)]
                facts += self.source.shop_facts()
                # the rules' surface signal (FAQ cosine) is calibrated on the hashing embedder; a sentence
                # model is the second stage, used only where the rules connect the question to nothing
                surface = self.embedder if isinstance(self.embedder, HashingEmbedder) else HashingEmbedder()
                semantic = None if surface is self.embedder else SemanticIndex.build(facts, self.embedder)
                self._indexes = _Indexes(version, ProductLinker(products), FactIndex(facts, surface), semantic,
                                         names_of(products), catalogued(products),
                                         {p.sku: audience_of(p) for p in products})
            return self._indexes

    # understanding ----------------------------------------------------------------------------------------
    def understand(self, text: str, context_sku: str | None = None) -> Understanding:
        """What a comment asks, without answering it: the risk that takes it to a person, the intent after
        the same refinement ``answer`` applies (a named variant, a fact the question names, a bare "3号呢"),
        the product and variants it is about, the concept asked and its core words. The live path calls
        this instead of keeping its own copy of the rules; ``answer`` goes through the same steps."""
        q = self._question(text, context_sku)
        key = (q.text, context_sku, self.source.version())
        with self._cache_lock:
            hit = self._understood.get(key)
            if hit is not None:
                self._understood.move_to_end(key)
                return hit
        u = self._read(q, context_sku, complete=False).public()
        with self._cache_lock:  # bounded, least recently used out: a live room repeats itself
            self._understood[key] = u
            if len(self._understood) > _UNDERSTOOD_SIZE:
                self._understood.popitem(last=False)
        return u

    def _question(self, text: str, context_sku: str | None) -> Question:
        """``text`` normalised; a bare price ask without the remark after it that asks nothing ("精华多少 老铁"),
        unless the whole message carries a risk (the remark is then read as it is)."""
        q = normalize_question(text)
        head = price_ask_of(text)
        if head == text or self._read(q, context_sku, complete=False).risk is not None:
            return q
        return normalize_question(head)

    def _read(self, q: Question, context_sku: str | None, *, complete: bool = True) -> Reading:
        """One reading of ``q``. ``complete`` (``answer``) reads the product's facts, the variants named and
        the retrieval hits whatever the intent; otherwise (``understand``) only what the refinement of this
        intent looks at is read (``LazyReading``), and ``Reading.pf``/``hits`` stay empty — the result is the same:
        a price, a shipping or a purchase question is refined without retrieval, which is most of the cost."""
        idx = self.indexes()
        asked_all: list[Concept] | None = None
        link = idx.linker.link(q, context_sku)
        risk = detect_risk(q.text, idx.names, idx.audiences.get(link.sku or "")) \
            or order_job(q.text) or time_bound(q.text) \
            or absence(q.text, link, idx.held) \
            or foreign_comparand(q.text, link, idx.held) \
            or unnamed_product(q.text, link, idx.facts.concept_owners) \
            or bare_variant(q.text, link, idx.held)  # a link, goods or a product not there
        reading = Reading(q, link, risk)
        if risk is not None:
            reading.intent, reading.stop = risk.intent, "risk"
            return reading
        if q.empty:
            reading.intent, reading.stop = ("chitchat", "emoji") if q.emoji else ("other", "empty")
            return reading
        if q.truncated:
            reading.stop = "truncated"
            return reading
        if is_identity_question(q.text):
            reading.intent, reading.stop = "chitchat", "identity"
            return reading
        guess = classify(q.text)
        reading.guess, reading.intent = guess, guess.intent
        if link.via == "none" and q.lang == "en" and idx.semantic is not None:
            # "how much is the mattress": an English noun for a product the catalog names in Chinese
            named_sku = idx.semantic.product_for_english(q.text)
            if named_sku is not None:
                link = reading.link = Link(named_sku, "mention", 3.0)
        if link.via == "none" and guess.intent in ("attribute", "suitability", "other"):
            # "香味能持续几天" with nothing on screen: the one product with an attribute of that kind
            asked_all = concepts_asked(q.text)
            asked = [c for c in asked_all if c.name not in SHOP_CONCEPTS]
            owners = idx.facts.concept_owners(asked) if asked else set()
            if len(owners) == 1:
                link = reading.link = Link(next(iter(owners)), "attribute", 3.0)
        if ANCHOR.search(q.text):  # the anchor's own height, size or pick is no catalog fact
            reading.stop = "anchor"
            return reading
        reading.now = datetime.fromtimestamp(self.clock.time(), UTC)
        lazy = LazyReading(self, idx, q, link, reading.now)
        if complete:  # in this order, as ``answer`` has always read them
            reading.pf, reading.named, reading.hits = lazy.pf, lazy.named, lazy.hits
        intent = refine(guess, q, lazy, lambda: self.indexes().facts)
        if intent != guess.intent:
            reading.guess = IntentGuess(intent, guess.score, max(guess.confidence, 0.75), guess.scores)
        if intent == "other" and link.via == "none" and not _ASKS.search(q.text) and not (
                lazy.hits and lazy.hits[0].score >= ANSWER_AT):
            intent = "chitchat"  # a remark, not a question: nothing to look up, nobody to call
            reading.guess = IntentGuess(intent, guess.score, 0.6, guess.scores)
        reading.intent = intent
        reading.named = lazy.named
        reading.concepts = tuple(c.name for c in (asked_all if asked_all is not None else concepts_asked(q.text)))
        return reading

    # answering ------------------------------------------------------------------------------------------
    def answer(self, question: str, *, context_sku: str | None = None, id: str | int | None = None) -> AnswerRecord:
        q = self._question(question, context_sku)
        r = self._read(q, context_sku, complete=True)
        link = r.link
        if r.risk is not None:  # goods nobody here sells: no "which product?" (``Link.unsold``)
            reason = "no_fact" if r.risk.reason == "ambiguous_product" and link.unsold is not None else r.risk.reason
            return self._hold(question, id, r.risk.intent, reason, link.sku, 0.9, q.lang)
        if r.stop == "emoji":
            return self._reply(question, id, "chitchat", "chitchat", q.lang, 0.6)
        if r.stop == "empty":
            return self._record(question, id, "other", None, self.phrases.say("clarify", q.lang), [], 0.0)
        if r.stop == "truncated":
            return self._hold(question, id, "other", "other", link.sku, 0.5, q.lang)
        if r.stop == "identity":
            return self._reply(question, id, "chitchat", "identity", q.lang, 0.95)
        guess = r.guess
        assert guess is not None
        if r.stop == "anchor":
            return self._hold(question, id, guess.intent, "no_fact", link.sku, 0.6, q.lang)
        intent, pf, named, hits = r.intent, r.pf, r.named, r.hits
        assert r.now is not None
        now = r.now
        if intent in ("greeting", "chitchat"):
            return self._reply(question, id, intent, intent, q.lang, guess.confidence)
        if UNKNOWABLE.search(q.text) and intent in ("price", "promotion", "purchase", "stock", "variant", "other", "attribute"):
            return self._hold(question, id, intent, "no_fact", link.sku, 0.6, q.lang)
        if pf is not None and intent in ("variant", "attribute", "suitability", "other") and effect_unstated(
                q.text, [f"{f.label}{f.value}" for f in pf.by_id.values()]):
            return self._hold(question, id, intent, "no_fact", link.sku, 0.6, q.lang)  # "显黑吗": no fact says it
        if intent in ("price", "promotion", "purchase", "other") and bulk_unanswered(
                q.text, [str(p.value) for p in pf.promotions] if pf is not None else []):
            return self._hold(question, id, intent, "no_fact", link.sku, 0.6, q.lang)  # no promotion counts pieces
        draft = self.drafter.compose(intent, q, link, pf, named, hits, now)
        if draft == "ambiguous_product" and link.unsold is not None:
            draft = "no_fact"  # "有防晒霜吗" in a sports shop: goods nobody here sells, not a product to pick
        if isinstance(draft, str):  # an escalation reason
            return self._hold(question, id, intent, draft, link.sku, 0.5 if draft == "ambiguous_product" else 0.6,
                              q.lang, unknown_link=link.via == "unknown_link")
        for extra in _SECONDARY:
            if extra != intent and guess.scores.get(extra, 0) >= 3:
                more = self.drafter.compose(extra, q, link, pf, named, hits, now)
                if isinstance(more, Draft) and not set(more.facts) <= set(draft.facts):  # says something new
                    draft.parts.extend(more.parts)
                    draft.facts.extend(f for f in more.facts if f not in draft.facts)
                break
        if draft.facts and pf is not None and len(asks := asks_of(_spaced(q))) > 1:
            self._other_asks(asks, q, intent, link, draft, now)
        text = draft.text
        if draft.facts:
            text = self.phrases.say("open", q.lang) + text
        if self.llm is not None and draft.facts and pf is not None:
            cited = [f for f in self._all_facts(pf) if f.id in draft.facts]
            text, _ = rewrite(self.llm, text, cited, list(pf.by_id.values()))
        confidence = self._confidence(guess, link, hits, intent)
        return self._record(question, id, intent, self._subject(link, pf, draft, intent), text, draft.facts, confidence)

    def _other_asks(self, asks: list[str], q: Question, intent: str, link: Link, draft: Draft, now: datetime) -> None:
        """A run-on message ("多少钱啊续航多久啊", "这个几号链接多少钱"): each ask about the same product is answered
        from its own facts and added to ``draft``; an ask its facts cannot answer is said to be passed on, never
        dropped silently. An ask of the main intent whose answer adds nothing is the one already answered."""
        unanswered = False
        for ask in asks:
            aq = normalize_question(ask)
            r = self._read(aq, link.sku, complete=True)
            if r.risk is not None or r.stop is not None or r.intent in ("greeting", "chitchat") or r.link.sku != link.sku:
                continue
            more = self.drafter.compose(r.intent, aq, r.link, r.pf, r.named, r.hits, now)
            if isinstance(more, Draft):
                if not set(more.facts) <= set(draft.facts) and not any(f.endswith(".title") for f in more.facts):
                    draft.parts.extend(more.parts)
                    draft.facts.extend(f for f in more.facts if f not in draft.facts)
            elif r.intent != intent and more == "no_fact":
                unanswered = True
        if unanswered:
            draft.parts.append(self.phrases.say("hold.part", q.lang))

    @staticmethod
    def _subject(link: Link, pf: ProductFacts | None, draft: Draft, intent: str = "") -> str | None:
        """The product the answer is about: the one all its facts belong to, else (a comparison) the product
        named first — the comparison cites them in the question's order —, else the product on screen, else
        the linked one."""
        owners = list(dict.fromkeys(f.split(".", 1)[0] for f in draft.facts if not f.startswith("shop.")))
        if len(owners) == 1:
            return owners[0]
        if len(owners) > 1 and intent == "comparison":
            return owners[0]
        if len(owners) > 1:
            return link.context if link.context in owners else owners[0]
        return link.sku if pf is not None else None

    # reading facts --------------------------------------------------------------------------------------
    def _product(self, sku: str | None, now: datetime) -> ProductFacts | None:
        if sku is None:
            return None
        facts = self.source.facts(sku)
        return ProductFacts.of(sku, facts, now) if facts else None

    def _all_facts(self, pf: ProductFacts) -> list[ProductFact]:
        return [*pf.by_id.values(), *self.source.shop_facts()]

    # records --------------------------------------------------------------------------------------------
    def _confidence(self, guess: IntentGuess, link: Link, hits: list[Hit], intent: str) -> float:
        link_conf = {"link_number": 0.98, "context": 0.92, "none": 0.9}.get(link.via, min(0.97, 0.7 + link.score / 20))
        base = guess.confidence if guess.scores else 0.7  # no cue matched: the retrieval carried it
        value = base * link_conf
        if intent in ("attribute", "suitability", "usage", "other") and hits:
            value *= min(1.0, 0.7 + hits[0].score / 20)
        return round(max(0.05, min(0.99, value)), 2)

    def _record(self, question: str, id: str | int | None, intent: str, sku: str | None, text: str,
                facts: list[str], confidence: float, escalate: bool = False, reason: str | None = None) -> AnswerRecord:
        return AnswerRecord.model_validate({
            "id": id, "question": question, "intent": intent, "sku": sku, "answer": text, "facts": facts,
            "confidence": confidence, "escalate": escalate, "reason": reason,
        })

    def _reply(self, question: str, id: str | int | None, intent: str, kind: str, lang: str, confidence: float) -> AnswerRecord:
        return self._record(question, id, intent, None, self.phrases.say(kind, lang), [], confidence)

    def _hold(self, question: str, id: str | int | None, intent: str, reason: str, sku: str | None,
              confidence: float, lang: str, *, unknown_link: bool = False) -> AnswerRecord:
        kind = "hold.unknown_link" if unknown_link else f"hold.{reason}"
        return self._record(question, id, intent, sku, self.phrases.say(kind, lang), [], confidence, True, reason)


__all__ = ["AnswerRecord", "QAEngine", "Understanding"]
