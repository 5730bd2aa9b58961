"""The intent after the facts: a classified intent refined by what the product's facts and retrieval say.

``classify`` reads the words of a question alone; ``refine`` turns its guess into the intent the engine
answers ("棉占多少" is no price question when the composition gives the share of cotton, "M码呢" asks the
stock of a variant, "3号呢" the price of a product). It reads the product's facts, the variants named and
the retrieval hits through a ``LazyReading``, each only when a rule needs it, so ``QAEngine.understand`` does
no more work than the intent asks for and reaches the same intent as ``answer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from cohost.knowledge.answers import Composer
from cohost.knowledge.care import care_asked, care_fields
from cohost.knowledge.choices import contained
from cohost.knowledge.intents import IntentGuess, core_of
from cohost.knowledge.lexicon import SIZE_ADVICE, has_size_info
from cohost.knowledge.linking import Link, title_heads
from cohost.knowledge.offers import offers_of, promotion_kind
from cohost.knowledge.retrieval import ANSWER_AT, FactIndex, Hit
from cohost.knowledge.spellings import model_numbers, model_spaced, numbered, short_forms
from cohost.knowledge.statements import HOW_VERB
from cohost.knowledge.text import Question, compact
from cohost.knowledge.unknowable import subject_words
from cohost.knowledge.variants import uncombined
from cohost.knowledge.views import ProductFacts, VariantFacts

if TYPE_CHECKING:
    from cohost.knowledge.engine import QAEngine, _Indexes

# "厚底运动鞋多少", "薄绒的多少": the bare 多少 right after the name of the product or of a variant asks its price
_PRICED = re.compile(r"^(?P<n>.+?)(?:的|款|[这那](?:个|款|根|条|种|件|只|把|双|套|瓶|盒|块|张|台|支))?"
                     r"(?:贵|便宜)?(?:多少|多少钱|几块|啥价|什么价)[?？呀啊呢哇]*$")
# a bare variant ("M码呢") asks whether it is there; "两万毫安的重不重" asks something more of it
_ASKS_MORE = re.compile(r"(.)不\1|[吗么]|什么|啥|怎么|咋|多[重大长宽高厚久少]")
_PRICE_GAP = re.compile(r"(贵|便宜|差)(了)?多少")
_COMPARE = re.compile(r"哪(个|款|一个|件)|都(是|能|有|可以|支持)|区别|差别|不同|差多少|比较")
_JOINED = re.compile(r"和|跟|与|还是|比|vs", re.I)
_HAS = re.compile(r"有没有|有吗|有.{0,8}(吗|么|嘛|没)|还有|do you have|is there")
# the variant said first, then whether there is one: "灰色有吗", "XXL有没有", "中码有没" ask its stock;
# "有红色吗" (有 first) asks whether the product comes in it
# a quality of the product on screen asked with no concept word: "啥料子的", "有多辣", "是九分的还是长裤",
# "冷不冷", "会不会跑绒"; not goods, a link, a service or the host asked ("有X吗", "X卖吗", "能开发票吗")
_QUALITY_ASKED = re.compile(r"(吗|么|嘛|不)$|啥|什么|有多[\u4e00-\u9fff]|([\u4e00-\u9fff])不\2|的还是")
_NOT_QUALITY = re.compile(r"有没有|^有(?!多)|^我|有.{0,8}(吗|么|嘛|没|不)$|卖|发票|客服|播|上新|链接|\d+号|(是|叫)(啥|什么)$|办法|下一个"
                          r"|(啥|什么)(时候|时间)|你|主播|店|人工|谁")
_NAMED_THEN_HAS = re.compile(r"^(?!有).{1,12}?有(没有|没|吗|么|嘛|不)[?？~～!！]*$")


class LazyReading:
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
            if pf is not None and skus:  # "IPA还有没": the IPA, not the mix whose name holds IPA
                skus = uncombined(q.text, [(v.sku, str(v.name.value)) for v in pf.variants], skus)
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


_POINTER_PRICED = re.compile(r"(这个|这款|那个|那款|\d{1,3}号(链接)?|链接\d{1,3})多少[呀啊呢哇哈~～?？!！]*")


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
    for v in named[:1]:  # "小号160的多少" ↔ 160ml（配S号奶嘴）: the variant's own number, said bare
        lead = re.match(r"\d+(?:\.\d+)?", compact(v.label.lower()))
        if lead is not None and re.search(rf"(?<![\d.]){re.escape(lead.group(0))}(?![\d.])", noun):
            return True
    heads_cjk = re.findall(r"[\u4e00-\u9fff]", pf.title)
    if 2 <= len(noun) <= 6 and heads_cjk and noun[-1] == heads_cjk[-1] and all(ch in pf.title for ch in noun) \
            and not any(noun in a.label or a.label in noun for a in pf.attributes):
        return True  # "保温杯多少" of …保温吸管杯 400ml: the product's own noun, no attribute's label (not 保温效果)
    if len(named) == 1 and any(_names_kind(noun, t, names, pf) for t in (compact(w) for w in named[0].label.lower().split())):
        return True
    return any(len(t) >= 2 and (noun.endswith(t) or noun.endswith(t[:2]) or any(noun.endswith(f) for f in short_forms(t)
                                                                                  if len(f) >= 2))
               for v in named for t in (compact(w) for w in v.label.lower().split()))


def _names_kind(noun: str, token: str, names: list[str], pf: ProductFacts) -> bool:
    """"500ml的杯子多少": a variant's word, then a word of the product's kind (a character its names hold, no
    attribute's label) — the variant of this product is priced."""
    i = noun.find(token) if len(token) >= 2 else -1
    if i < 0:
        return False
    rest = re.sub(r"^(的|款|[这那]个)", "", noun[i + len(token):])
    held = "".join(names)
    return 0 < len(rest) <= 3 and any(ch in held for ch in rest) and not any(rest in a.label for a in pf.attributes)


def refine(guess: IntentGuess, q: Question, r: LazyReading, facts: Callable[[], FactIndex]) -> str:
    """The intent after what the product's facts and the retrieval say. Each rule reads ``r.pf``,
    ``r.hits`` (and ``r.named``) only once its intent and cheap tests hold, so ``understand`` reads no
    more than this intent needs; keep every new rule so (tests/unit/test_qa_understand_api.py checks
    that the lazy reading equals the complete one). ``facts`` gives the fact index of the catalog version,
    asked for only by the rule that needs it."""
    intent = guess.intent
    faq_first = intent in ("other", "attribute", "stock", "variant") and not guess.scores.get("stock")

    def strong_faq() -> bool:  # the question is the merchant's FAQ: the intent is what that FAQ answers
        hits = r.hits if faq_first else []
        return bool(hits) and ".faq:" in hits[0].fact_id and hits[0].score >= ANSWER_AT + 1

    link = r._link
    if intent in ("other", "attribute", "price", "suitability") and _COMPARE.search(q.text) and (
            (link.via == "ambiguous" and len(link.candidates) == 2 and _JOINED.search(q.text) and not re.search(r"这|那", q.text))
            or (link.via == "link_number" and len(set(link.named)) == 2)):
        return "comparison"  # "头灯和登山杖哪个贵", "1号和10号哪个便宜": two products of the catalog side by side
    if intent in ("other", "stock") and strong_faq():
        return "attribute"
    if intent in ("other", "attribute", "stock", "variant", "suitability") and care_asked(q.text) and r.pf is not None \
            and care_fields(q.text, {n: str(f.value) for n in ("usage", "cautions") if (f := r.pf.get(n)) is not None}):
        return "usage"  # "能机洗吗", "黑色的洗了会串色吗": the care text names it
    if intent in ("other", "attribute") and (m := HOW_VERB.search(q.text)) is not None and r.pf is not None \
            and (usage := r.pf.get("usage")) is not None and m.group("v") in str(usage.value) and not strong_faq():
        return "usage"  # "卷发棒怎么卷", "挂耳咋冲": how to do what the usage text tells
    if intent in ("other", "attribute", "price") and (kind := promotion_kind(q.text)) is not None and r.pf is not None \
            and offers_of(kind, [str(p.value) for p in r.pf.promotions]):
        return "promotion"  # "买两条怎么算", "大衣能分期吗": an offer of that kind is there
    # a strong FAQ keeps an attribute or variant question as it is: only the rules below that would
    # change the intent ask for it (a variant question is never changed by them), so those alone retrieve
    if intent == "price" and _POINTER_PRICED.fullmatch(q.text):
        return "price"  # "4号多少", "这个多少": a product pointed at and 多少 — nothing but the product to measure
    if intent == "price" and guess.scores.get("price", 0) <= 2:
        hits = r.hits
        named_fact = bool(hits) and hits[0].score >= ANSWER_AT and any(
            w in hits[0].why for w in ("label", "concept", "value-word"))
        pf = r.pf
        if pf is not None and contained(q.text, [(a.label, str(a.value)) for a in pf.attributes]) is not None \
                and not names_priced(q.text, pf, r.named):
            return "attribute"  # "棉占多少": the share of a material the composition gives (not "65W充电头多少")
        if (named_fact or (pf is not None and not r.named and subject_words(facts(), q, pf.sku))) \
                and not (pf is not None and names_priced(q.text, pf, r.named)):
            return "attribute"  # "含绒量多少", "显色指数多少": the bare 多少 asks for the named thing, not the price
    if intent in ("attribute", "other") and _PRICED.match(q.text) and r.pf is not None and names_priced(q.text, r.pf, r.named):
        return "price"  # "保温杯多少": the bare 多少 after the product's own noun, though 保温 names an attribute
    if intent in ("other", "attribute", "stock") and SIZE_ADVICE.search(q.text) and r.pf is not None:
        pf = r.pf
        if (has_size_info([(a.label, str(a.value)) for a in pf.attributes], [str(v.name.value) for v in pf.variants],
                          [f.context or "" for f in pf.faq]) or len(r.named) > 1) and not strong_faq():
            return "variant"  # "我165 110斤 m还是l": which size fits, not whether S and M are in stock
    if intent in ("other", "attribute", "variant") and r.named and _NAMED_THEN_HAS.match(q.text) and not strong_faq():
        return "stock"
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
    if intent == "other" and r._link.sku is not None and (core := core_of(q.text)) and _QUALITY_ASKED.search(core) \
            and not _NOT_QUALITY.search(core):
        return "attribute"
    return intent
