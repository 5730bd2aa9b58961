"""``QAEngine``: a viewer question in, an ``AnswerRecord`` out, from the catalog's facts or a hand-over.

    engine = QAEngine(StoreFactSource(store))            # offline: hashing embedder, no LLM
    engine.answer("3号链接多少钱").answer                  # "…现在是89元。"
    engine.answer("这个多少钱", context_sku="MZ-001").facts  # ["MZ-001.price"]

Path per question: normalise → risks (escalate first) → intent → product link → read this product's
facts from the source *now* → compose from facts → optional LLM rewrite, re-checked → record. The first
half (up to the refined intent) is ``understand``, public so the live path reads comments the same way:

    u = engine.understand("宝子们 防冻款还有货吗", context_sku="WF-3")   # Understanding(intent="stock", …)
Indexes (linker, fact index, embeddings) are built once per catalog version (``FactSource.version``);
nothing answered comes from them. Thread-safe: locks guard only the index rebuild and ``understand``'s cache.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.config import Settings
from cohost.domain import ProductFact
from cohost.knowledge.answers import Composer, Draft
from cohost.knowledge.care import care_asked, care_fields
from cohost.knowledge.choices import contained
from cohost.knowledge.drafting import SHOP_CONCEPTS, Drafter
from cohost.knowledge.escalation import detect_risk, is_identity_question
from cohost.knowledge.guard import rewrite
from cohost.knowledge.intents import IntentGuess, classify
from cohost.knowledge.lexicon import SIZE_ADVICE, Concept, concepts_asked, has_size_info
from cohost.knowledge.linking import Link, ProductLinker, title_heads
from cohost.knowledge.offers import offers_of, promotion_kind
from cohost.knowledge.phrasing import Phrasebook
from cohost.knowledge.record import AnswerRecord
from cohost.knowledge.retrieval import ANSWER_AT, FactIndex, Hit
from cohost.knowledge.runon import asks_of
from cohost.knowledge.semantic import SemanticIndex
from cohost.knowledge.sources import FactSource, StoreFactSource
from cohost.knowledge.spellings import model_numbers, model_spaced, numbered, short_forms
from cohost.knowledge.text import Question, compact, normalize_question
from cohost.knowledge.understanding import Reading, Understanding
from cohost.knowledge.unknowable import ANCHOR, UNKNOWABLE, bulk_unanswered, effect_unstated, subject_words
from cohost.knowledge.views import ProductFacts, VariantFacts
from cohost.providers.base import LLM, Embedder
from cohost.providers.offline import HashingEmbedder
from cohost.store import Store

_UNDERSTOOD_SIZE = 20_000  # ``understand`` results kept per engine (text, product on screen, catalog version)
# "厚底运动鞋多少", "薄绒的多少": the bare 多少 right after the name of the product or of a variant asks its price
_PRICED = re.compile(r"^(?P<n>.+?)(?:的|款|[这那](?:个|款|根|条|种|件|只|把|双|套|瓶|盒|块|张|台|支))?"
                     r"(?:多少|多少钱|几块|啥价|什么价)[?？呀啊呢哇]*$")
# a bare variant ("M码呢") asks whether it is there; "两万毫安的重不重" asks something more of it
_ASKS_MORE = re.compile(r"(.)不\1|[吗么]|什么|啥|怎么|咋|多[重大长宽高厚久少]")
_PRICE_GAP = re.compile(r"(贵|便宜|差)(了)?多少")
# does a comment ask anything? "今天好冷啊" does not: with no product and no cue it is chat, not a question
_ASKS = re.compile(r"[?？吗么嘛呢]|[不没][~～!！。.]*$|什么|啥|怎么|咋|多少|多久|多长时间|几|哪|谁|能不能|可不可以|有没有|是不是|会不会|要不要|想问|请问|求|"
                   r"\b(how|what|which|where|when|can|does|do|is|are|any)\b")
_PRODUCT_INTENTS = {"price", "stock", "variant", "attribute", "usage", "suitability", "promotion", "other"}
_SECONDARY = ("price", "stock", "shipping", "returns", "promotion")
_HAS = re.compile(r"有没有|有吗|有.{0,8}(吗|么|嘛|没)|还有|do you have|is there")


@dataclass(frozen=True, slots=True)
class _Indexes:
    version: str
    linker: ProductLinker
    facts: FactIndex
    semantic: SemanticIndex | None  # the second stage, for a calibrated sentence embedder


class _Lazy:
    """The product's facts (valid at ``now``), the variants the question names and the retrieval hits of
    one reading, each read the first time it is asked for (``QAEngine._read``)."""

    __slots__ = ("_engine", "_hits", "_idx", "_link", "_named", "_now", "_pf", "_q")

    def __init__(self, engine: QAEngine, idx: _Indexes, q: Question, link: Link, now: datetime) -> None:
        self._engine, self._idx, self._q, self._link, self._now = engine, idx, q, link, now
        self._pf: ProductFacts | _Unread | None = _UNREAD
        self._named: list[VariantFacts] | None = None
        self._hits: list[Hit] | None = None

    @property
    def pf(self) -> ProductFacts | None:
        if isinstance(self._pf, _Unread):
            self._pf = self._engine._product(self._link.sku, self._now)
        return self._pf

    @property
    def named(self) -> list[VariantFacts]:
        """The variants named ("防冻款"), else the one on screen; the product's facts are read only when
        there is one to look up."""
        if self._named is None:
            link = self._link
            q, linker = self._q, self._idx.linker
            skus: list[str] = []
            if link.sku is not None and (spaced := model_spaced(q.text)) != q.text:
                # "16promax的壳" names iPhone 16 Pro Max: a glued model, only by a variant holding its number
                found = linker.variants_in(link.sku, replace(q, text=spaced))
                pf_ = self.pf if found else None
                skus = [s for s in found if pf_ is not None and (v := pf_.variant(s)) is not None
                        and numbered(v.label, model_numbers(q.text))]
            skus = skus or ((linker.variants_in(link.sku, q) or
                             ([link.context_variant] if link.context_variant else [])) if link.sku is not None else [])
            pf = self.pf if skus else None
            self._named = [v for v in (pf.variant(s) for s in skus) if v is not None] if pf is not None else []
        return self._named

    @property
    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = self._idx.facts.search(self._q, self._link.sku, shop=True)
        return self._hits


class _Unread:
    """Not read yet (a product's facts may be None)."""


_UNREAD = _Unread()


def names_priced(text: str, pf: ProductFacts, named: list[VariantFacts]) -> bool:
    """The bare 多少 asks the price of what the question names just before it: the product (its title's head,
    an alias: "厚底运动鞋多少") or a variant ("薄绒的多少"); "加厚的比薄绒贵多少" asks two variants' prices."""
    if len(named) >= 2 and _PRICE_GAP.search(text):
        return True
    m = _PRICED.match(text)
    if m is None:
        return False
    noun = m.group("n")
    brand = pf.get("brand")
    heads = title_heads(pf.title, str(brand.value) if brand is not None else None)
    aliases = pf.get("aliases")
    names = [*heads, *(str(aliases.value).split("、") if aliases is not None else [])]
    if any(len(n) >= 2 and noun.endswith(n.lower()) for n in names):
        return True
    if len(noun) >= 3 and pf.title and noun[-1] == pf.title.strip()[-1]:  # "厚底运动鞋" of …老爹鞋: the head character
        return True
    return any(len(t) >= 2 and (noun.endswith(t) or noun.endswith(t[:2]) or any(noun.endswith(f) for f in short_forms(t)
                                                                                  if len(f) >= 2))
               for v in named for t in (compact(w) for w in v.label.lower().split()))


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
                self._indexes = _Indexes(version, ProductLinker(products), FactIndex(facts, surface), semantic)
            return self._indexes

    # understanding ----------------------------------------------------------------------------------------
    def understand(self, text: str, context_sku: str | None = None) -> Understanding:
        """What a comment asks, without answering it: the risk that takes it to a person, the intent after
        the same refinement ``answer`` applies (a named variant, a fact the question names, a bare "3号呢"),
        the product and variants it is about, the concept asked and its core words. The live path calls
        this instead of keeping its own copy of the rules; ``answer`` goes through the same steps."""
        q = normalize_question(text)
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

    def _read(self, q: Question, context_sku: str | None, *, complete: bool = True) -> Reading:
        """One reading of ``q``. ``complete`` (``answer``) reads the product's facts, the variants named and
        the retrieval hits whatever the intent; otherwise (``understand``) only what the refinement of this
        intent looks at is read (``_Lazy``), and ``Reading.pf``/``hits`` stay empty — the result is the same:
        a price, a shipping or a purchase question is refined without retrieval, which is most of the cost."""
        idx = self.indexes()
        asked_all: list[Concept] | None = None
        link = idx.linker.link(q, context_sku)
        risk = detect_risk(q.text)
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
        lazy = _Lazy(self, idx, q, link, reading.now)
        if complete:  # in this order, as ``answer`` has always read them
            reading.pf, reading.named, reading.hits = lazy.pf, lazy.named, lazy.hits
        intent = self._refine(guess, q, lazy)
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
        q = normalize_question(question)
        r = self._read(q, context_sku, complete=True)
        link = r.link
        if r.risk is not None:
            return self._hold(question, id, r.risk.intent, r.risk.reason, link.sku, 0.9, q.lang)
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
        if draft.facts and pf is not None and len(asks := asks_of(q.text)) > 1:
            self._other_asks(asks, q, intent, link, draft, now)
        text = draft.text
        if draft.facts:
            text = self.phrases.say("open", q.lang) + text
        if self.llm is not None and draft.facts and pf is not None:
            cited = [f for f in self._all_facts(pf) if f.id in draft.facts]
            text, _ = rewrite(self.llm, text, cited, list(pf.by_id.values()))
        confidence = self._confidence(guess, link, hits, intent)
        return self._record(question, id, intent, self._subject(link, pf, draft), text, draft.facts, confidence)

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
    def _subject(link: Link, pf: ProductFacts | None, draft: Draft) -> str | None:
        """The product the answer is about: the one all its facts belong to, else (a comparison) the product
        on screen, else the linked one."""
        owners = list(dict.fromkeys(f.split(".", 1)[0] for f in draft.facts if not f.startswith("shop.")))
        if len(owners) == 1:
            return owners[0]
        if len(owners) > 1:
            return link.context if link.context in owners else owners[0]
        return link.sku if pf is not None else None

    def _refine(self, guess: IntentGuess, q: Question, r: _Lazy) -> str:
        """The intent after what the product's facts and the retrieval say. Each rule reads ``r.pf``,
        ``r.hits`` (and ``r.named``) only once its intent and cheap tests hold, so ``understand`` reads no
        more than this intent needs; keep every new rule so (tests/unit/test_qa_understand_api.py checks
        that the lazy reading equals the complete one)."""
        intent = guess.intent
        faq_first = intent in ("other", "attribute", "stock", "variant") and not guess.scores.get("stock")

        def strong_faq() -> bool:  # the question is the merchant's FAQ: the intent is what that FAQ answers
            hits = r.hits if faq_first else []
            return bool(hits) and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1

        if intent in ("other", "stock") and strong_faq():
            return "attribute"
        if intent in ("other", "attribute", "stock", "variant", "suitability") and care_asked(q.text) and r.pf is not None \
                and care_fields(q.text, {n: str(f.value) for n in ("usage", "cautions") if (f := r.pf.get(n)) is not None}):
            return "usage"  # "能机洗吗", "黑色的洗了会串色吗": the care text names it
        if intent in ("other", "attribute", "price") and (kind := promotion_kind(q.text)) is not None and r.pf is not None \
                and offers_of(kind, [str(p.value) for p in r.pf.promotions]):
            return "promotion"  # "买两条怎么算", "大衣能分期吗": an offer of that kind is there
        # a strong FAQ keeps an attribute or variant question as it is: only the rules below that would
        # change the intent ask for it (a variant question is never changed by them), so those alone retrieve
        if intent == "price" and guess.scores.get("price", 0) <= 2:
            hits = r.hits
            named_fact = bool(hits) and hits[0].score >= ANSWER_AT and any(
                w in hits[0].why for w in ("label", "concept", "value-word"))
            pf = r.pf
            if pf is not None and contained(q.text, [(a.label, str(a.value)) for a in pf.attributes]) is not None \
                    and not names_priced(q.text, pf, r.named):
                return "attribute"  # "棉占多少": the share of a material the composition gives (not "65W充电头多少")
            if (named_fact or (pf is not None and not r.named and subject_words(self.indexes().facts, q, pf.sku))) \
                    and not (pf is not None and names_priced(q.text, pf, r.named)):
                return "attribute"  # "含绒量多少", "显色指数多少": the bare 多少 asks for the named thing, not the price
        if intent in ("other", "attribute", "stock") and SIZE_ADVICE.search(q.text) and r.pf is not None:
            pf = r.pf
            if (has_size_info([(a.label, str(a.value)) for a in pf.attributes], [str(v.name.value) for v in pf.variants],
                              [f.context or "" for f in pf.faq]) or len(r.named) > 1) and not strong_faq():
                return "variant"  # "我165 110斤 m还是l": which size fits, not whether S and M are in stock
        if intent in ("other", "attribute") and r.named and _HAS.search(q.text) and not strong_faq():
            return "variant"
        if intent == "other" and r.named and not _ASKS_MORE.search(q.text):
            return "stock"  # "M码呢": in a live room a bare variant asks whether it is still there
        if intent == "purchase" and "蹲" in q.text and r.named and not Composer.bought(q):
            return "stock"  # "蹲 白色": waiting for that variant — is it there
        if intent == "other" and r.pf is not None and (
            (r.hits and r.hits[0].score >= ANSWER_AT) or re.search(r"是什么|是啥", q.text)
        ):
            return "attribute"
        if intent == "other" and r.pf is not None and re.fullmatch(r"(这个|这款|那个|\d+号(链接)?)?(呢|吗)?\??", q.text):
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
