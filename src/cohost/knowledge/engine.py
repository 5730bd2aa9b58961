"""``QAEngine``: a viewer question in, an ``AnswerRecord`` out, from the catalog's facts or a hand-over.

    engine = QAEngine(StoreFactSource(store))            # offline: hashing embedder, no LLM
    engine.answer("3号链接多少钱").answer                  # "…现在是89元。"
    engine.answer("这个多少钱", context_sku="MZ-001").facts  # ["MZ-001.price"]

Path per question: normalise → risks (escalate first) → intent → product link → read this product's
facts from the source *now* → compose from facts → optional LLM rewrite, re-checked → record.
Indexes (linker, fact index, embeddings) are built once per catalog version (``FactSource.version``);
nothing answered comes from them. Thread-safe: a lock guards only the index rebuild.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.config import Settings
from cohost.domain import ProductFact
from cohost.knowledge.answers import Composer, Draft
from cohost.knowledge.escalation import detect_risk, is_identity_question
from cohost.knowledge.guard import rewrite
from cohost.knowledge.intents import IntentGuess, classify
from cohost.knowledge.lexicon import SIZE_ADVICE, has_size_info
from cohost.knowledge.linking import Link, ProductLinker
from cohost.knowledge.phrasing import Phrasebook
from cohost.knowledge.record import AnswerRecord
from cohost.knowledge.retrieval import ANSWER_AT, FactIndex, Hit
from cohost.knowledge.sources import FactSource, StoreFactSource
from cohost.knowledge.text import Question, normalize_question
from cohost.knowledge.views import ProductFacts, VariantFacts
from cohost.providers.base import LLM, Embedder
from cohost.providers.offline import HashingEmbedder
from cohost.store import Store

_PRODUCT_INTENTS = {"price", "stock", "variant", "attribute", "usage", "suitability", "promotion", "other"}
_SECONDARY = ("price", "stock", "shipping", "returns", "promotion")
_HAS = re.compile(r"有没有|有吗|有.{0,8}(吗|么|嘛|没)|还有|do you have|is there")
# about the anchor as a person: "主播多高", "主播穿的什么码", "主播用的是哪个颜色" (not "主播穿的这件多少钱")
_ANCHOR = re.compile(r"主播(你|自己|本人|今年)?的?(身高|体重|多高|多重|几斤|多少斤|多大|几岁|年龄|三围)|"
                     r"主播.{0,6}(穿|用|戴|涂|擦|试|背|拿|选)(的|了|着)(是)?(什么|啥|哪个|哪款|哪种|几号|多大|几码)")


@dataclass(frozen=True, slots=True)
class _Indexes:
    version: str
    linker: ProductLinker
    facts: FactIndex


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
        self._indexes: _Indexes | None = None
        self._lock = threading.Lock()

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
                self._indexes = _Indexes(version, ProductLinker(products), FactIndex(facts, self.embedder))
            return self._indexes

    # answering ------------------------------------------------------------------------------------------
    def answer(self, question: str, *, context_sku: str | None = None, id: str | int | None = None) -> AnswerRecord:
        q = normalize_question(question)
        idx = self.indexes()
        link = idx.linker.link(q, context_sku)
        risk = detect_risk(q.text)
        if risk is not None:
            return self._hold(question, id, risk.intent, risk.reason, link.sku, 0.9, q.lang)
        if q.empty:
            if q.emoji:
                return self._reply(question, id, "chitchat", "chitchat", q.lang, 0.6)
            return self._record(question, id, "other", None, self.phrases.say("clarify", q.lang), [], 0.0)
        if q.truncated:
            return self._hold(question, id, "other", "other", link.sku, 0.5, q.lang)
        if is_identity_question(q.text):
            return self._reply(question, id, "chitchat", "identity", q.lang, 0.95)
        guess = classify(q.text)
        if _ANCHOR.search(q.text):  # the anchor's own height, size or pick is no catalog fact
            return self._hold(question, id, guess.intent, "no_fact", link.sku, 0.6, q.lang)
        now = datetime.fromtimestamp(self.clock.time(), UTC)
        pf = self._product(link.sku, now)
        named = self._variants(idx, q, link, pf)
        hits = idx.facts.search(q, link.sku, shop=True)
        intent = self._refine(guess, q, pf, named, hits)
        if intent != guess.intent:
            guess = IntentGuess(intent, guess.score, max(guess.confidence, 0.75), guess.scores)
        if intent in ("greeting", "chitchat"):
            return self._reply(question, id, intent, intent, q.lang, guess.confidence)
        draft = self._compose(intent, q, link, pf, named, hits, now)
        if isinstance(draft, str):  # an escalation reason
            return self._hold(question, id, intent, draft, link.sku, 0.5 if draft == "ambiguous_product" else 0.6,
                              q.lang, unknown_link=link.via == "unknown_link")
        for extra in _SECONDARY:
            if extra != intent and guess.scores.get(extra, 0) >= 3:
                more = self._compose(extra, q, link, pf, named, hits, now)
                if isinstance(more, Draft) and not set(more.facts) <= set(draft.facts):  # says something new
                    draft.parts.extend(more.parts)
                    draft.facts.extend(f for f in more.facts if f not in draft.facts)
                break
        text = draft.text
        if draft.facts:
            text = self.phrases.say("open", q.lang) + text
        if self.llm is not None and draft.facts and pf is not None:
            cited = [f for f in self._all_facts(pf) if f.id in draft.facts]
            text, _ = rewrite(self.llm, text, cited, list(pf.by_id.values()))
        confidence = self._confidence(guess, link, hits, intent)
        return self._record(question, id, intent, self._subject(link, pf, draft), text, draft.facts, confidence)

    @staticmethod
    def _subject(link: Link, pf: ProductFacts | None, draft: Draft) -> str | None:
        """The product the answer is about: the one all its facts belong to, else (a comparison) the product
        on screen, else the linked one."""
        owners = list(dict.fromkeys(f.split(".", 1)[0] for f in draft.facts if not f.startswith("shop.")))
        if len(owners) == 1:
            return owners[0]
        if len(owners) > 1:
            return link.context if link.context in owners else owners[0]
        return link.sku if pf is not None else None

    def _compose(self, intent: str, q: Question, link: Link, pf: ProductFacts | None,
                 named: list[VariantFacts], hits: list[Hit], now: datetime) -> Draft | str:
        c = self.composer
        if intent == "purchase":
            if pf is None and (link.via in ("ambiguous", "unknown_link") or not c.bought(q)):
                return "ambiguous_product"
            return c.purchase(q, pf)
        if intent in ("shipping", "returns"):
            return c.policy(q, intent, pf, hits, self.source.shop_facts()) or "no_fact"
        if intent == "comparison":
            if link.via == "unknown_link" or (link.via == "ambiguous" and not link.separate):
                return "ambiguous_product"
            if link.via == "ambiguous":  # "龙井和茉莉花茶哪个好": two products, each named by its own words
                skus = list(link.candidates)
            else:
                skus = list(dict.fromkeys(s for s in (link.context, link.sku, *link.named) if s))
            if len(skus) > 2 and link.via != "link_number":
                return "ambiguous_product"  # "卫衣和冲锋衣": one of the names fits several products
            for sku in skus:  # a merchant's FAQ that already compares them is the best answer
                faq = [h for h in self.indexes().facts.search(q, sku) if ".faq:" in h.fact_id and h.score >= ANSWER_AT + 1]
                item = self._product(sku, now)
                if faq and item is not None:
                    return c.facts(q, item, faq) or "no_fact"
            items = [p for p in (self._product(s, now) for s in skus[:3]) if p is not None]
            if len(items) >= 2:
                return c.comparison(q, items) or "no_fact"
            if pf is not None and len(named) >= 2:
                return c.price(q, pf, named) or "no_fact"
            return "ambiguous_product"
        if intent in ("complaint", "human"):
            return "complaint" if intent == "complaint" else "human_request"
        if pf is None and link.via == "none" and intent in ("other", "attribute"):
            # not about a product: a shop policy may answer it (发票, 客服时间), else nobody knows
            policy = [h for h in hits if h.fact_id.startswith("shop.") and h.score >= ANSWER_AT]
            if policy:
                d = Draft(lang=q.lang)
                for fact in self.source.shop_facts():
                    if fact.id == policy[0].fact_id:
                        c.say_fact(d, fact, None, q.lang)
                return d if d.facts else "no_fact"
            return "no_fact"
        if link.via in ("ambiguous", "unknown_link") or pf is None:
            return "ambiguous_product"
        draft: Draft | None
        if intent == "price":
            draft = c.price(q, pf, named)
        elif intent == "stock":
            draft = c.stock(q, pf, named)
        elif intent == "variant":
            draft = c.variant(q, pf, named, hits)
        elif intent == "promotion":
            draft = c.promotion(q, pf)
        elif intent == "usage":
            draft = c.usage(q, pf, hits)
        else:
            draft = c.facts(q, pf, hits, link_number=link.link_number, cautions=intent == "suitability")
        return draft or "no_fact"

    def _refine(self, guess: IntentGuess, q: Question, pf: ProductFacts | None, named: list[VariantFacts],
                hits: list[Hit]) -> str:
        intent = guess.intent
        strong_faq = bool(hits) and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1
        if strong_faq and intent in ("other", "attribute", "stock", "variant") and not guess.scores.get("stock"):
            return "attribute" if intent in ("other", "stock") else intent
        named_fact = bool(hits) and hits[0].score >= ANSWER_AT and any(
            w in hits[0].why for w in ("label", "concept", "value-word"))
        if intent == "price" and guess.scores.get("price", 0) <= 2 and named_fact:
            return "attribute"  # "含绒量多少": the bare 多少 asks for the named fact, not the price
        if intent in ("other", "attribute", "stock", "variant") and pf is not None and SIZE_ADVICE.search(q.text) and (
                has_size_info([(a.label, str(a.value)) for a in pf.attributes], [str(v.name.value) for v in pf.variants],
                              [f.context or "" for f in pf.faq]) or len(named) > 1):
            return "variant"  # "我165 110斤 m还是l": which size fits, not whether S and M are in stock
        if named and intent in ("other", "attribute") and _HAS.search(q.text):
            return "variant"
        if named and intent == "other":
            return "stock"  # "M码呢": in a live room a bare variant asks whether it is still there
        if intent == "other" and pf is not None and (
            (hits and hits[0].score >= ANSWER_AT) or re.search(r"是什么|是啥", q.text)
        ):
            return "attribute"
        if intent == "other" and pf is not None and re.fullmatch(r"(这个|这款|那个|\d+号(链接)?)?(呢|吗)?\??", q.text):
            return "price"  # "3号呢" / "这个呢": in a live room a bare product pointer asks its price
        return intent

    # reading facts --------------------------------------------------------------------------------------
    def _product(self, sku: str | None, now: datetime) -> ProductFacts | None:
        if sku is None:
            return None
        facts = self.source.facts(sku)
        return ProductFacts.of(sku, facts, now) if facts else None

    def _all_facts(self, pf: ProductFacts) -> list[ProductFact]:
        return [*pf.by_id.values(), *self.source.shop_facts()]

    def _variants(self, idx: _Indexes, q: Question, link: Link, pf: ProductFacts | None) -> list[VariantFacts]:
        if pf is None or link.sku is None:
            return []
        skus = idx.linker.variants_in(link.sku, q) or ([link.context_variant] if link.context_variant else [])
        return [v for v in (pf.variant(s) for s in skus) if v is not None]

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


__all__ = ["AnswerRecord", "QAEngine"]
