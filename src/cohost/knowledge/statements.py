"""Statements of facts: the ``Draft`` an answer is written in, and ``FactComposer``, which says facts.

A draft is a list of sentences and the ids of the facts they rest on: those ids are what the answer cites.
``FactComposer`` (the base of ``answers.Composer``) says one fact as a phrasing template filled from its
value (the merchant's own sentence for an FAQ answer, a selling point or a claim), and answers the open
questions (attributes, usage, suitability, care) from the retrieval hits of the product.

Constraints: a hit answers only at ``ANSWER_AT`` or above and only when its fact is valid now (in
``pf.by_id``); nothing is computed from facts. ``None`` means "the facts do not answer this".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cohost.domain import ProductFact
from cohost.knowledge.care import care_fields
from cohost.knowledge.phrasing import Phrasebook
from cohost.knowledge.retrieval import ANSWER_AT, Hit
from cohost.knowledge.text import Question
from cohost.knowledge.views import ProductFacts, money

# "怎么卷", "咋冲呢": how to do one thing (a verb of one character, the end of the ask)
HOW_VERB = re.compile(r"(怎么|如何|咋)(?P<v>[\u4e00-\u9fff])(?:[呢啊呀吗哇]|比较好|才好|合适)?[?？]*$")
_WAY = re.compile(r"方式|方法|步骤|用法")  # "冲泡方式" is how to 泡
# "3号链接是什么" asks what the product is; "是什么颜色" asks an attribute
_IDENTITY = re.compile(r"是(什么|啥|哪个|哪款)(东西|产品|商品|宝贝)?(?=$|[呀啊呢吗嘛哦哇来的?？!！。,，~\s])|什么东西|什么产品|什么商品|"
                       r"卖的(什么|啥)|卖(什么|啥)|介绍|what is(?! the)")
_OPINION = re.compile(r"怎么样|好用吗|好不好|值得|推荐|效果|好吗|咋样|how is it|any good")

# "6号链接是什么鞋", "7号链接啥鞋", "4号链接是不是开衫", "5号是牛仔裤吗": a link asked by the kind of thing it is
_KIND_ASKED = re.compile(r"(?:是不是|是|啥|什么)(?:什么|啥)?(?P<w>[\u4e00-\u9fff]{1,5}?)(?:吗|么|嘛|呢|啊|呀|哦)?$")


def kind_named(text: str, pf: ProductFacts) -> bool:
    """The question names the product by a word of its title, category or aliases ("鞋", "开衫"): with a link
    number it asks which product that link is, answered by the link's position and title."""
    m = _KIND_ASKED.search(text)
    if m is None:
        return False
    word = m.group("w")
    names = " ".join(str(f.value) for f in (pf.get("title"), pf.get("category"), pf.get("aliases")) if f is not None)
    return word in names


# the measure part of a label ("跟高" → 跟, "靴筒高度" → 靴筒): what is left names the part measured
_MEASURE_PART = re.compile(r"高度|长度|宽度|厚度|深度|直径|尺寸|大小|重量|[高长宽厚深重]")


def _label_head(label: str) -> str:
    return _MEASURE_PART.sub("", label)


def _by_head(text: str, pf: ProductFacts, hits: Sequence[Hit], good: list[Hit]) -> list[Hit]:
    """"跟多高" asks 跟高, not 靴筒高度: when the question names the part an attribute's label measures, that
    attribute answers before one whose label names another part the question does not say."""
    if not good or not good[0].fact_id.split(".", 1)[1].startswith("attr:") or not _MEASURE_PART.search(text):
        return good
    top = pf.by_id.get(good[0].fact_id)
    if top is None or not (head := _label_head(top.label)) or head in text:
        return good
    named = [h for h in hits if "label" in h.why and h.fact_id.split(".", 1)[1].startswith("attr:")
             and (f := pf.by_id.get(h.fact_id)) is not None and (part := _label_head(f.label)) and part in text
             and _MEASURE_PART.search(f.label)]
    if len(named) != 1:
        return good
    return named + [h for h in good if h is not named[0] and h.fact_id.split(".", 1)[1].startswith("attr:")
                    and (f := pf.by_id.get(h.fact_id)) is not None and _label_head(f.label) in text]


@dataclass(slots=True)
class Draft:
    parts: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    def add(self, text: str, *facts: ProductFact | None) -> None:
        self.parts.append(text)
        for fact in facts:
            if fact is not None and fact.id not in self.facts:
                self.facts.append(fact.id)

    lang: str = "zh"

    @property
    def text(self) -> str:
        return (" " if self.lang == "en" else "").join(self.parts)


def short_name(title: str, limit: int = 18) -> str:
    """The title without bracketed marketing tags, cut on a word boundary: how the product is named. Parts
    keep a space where letters or digits would otherwise run together ("TV55 55寸", not "TV5555寸")."""
    core = re.sub(r"【[^】]*】|\[[^\]]*\]|（[^）]*）|\([^)]*\)", " ", title).split()
    out = ""
    for part in core or [title]:
        if out and len(out) + len(part) > limit:
            break
        glue = " " if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum() else ""
        out += glue + part
    return out or title


class FactComposer:
    """Says facts: one fact (``say_fact``), the facts that answer an open question (``facts``), the usage
    and cautions texts (``usage``, ``care``). ``answers.Composer`` adds the answers of each intent."""

    def __init__(self, phrases: Phrasebook) -> None:
        self.p = phrases

    def _name(self, pf: ProductFacts) -> str:
        return short_name(pf.title)

    def _promo(self, d: Draft, pf: ProductFacts, lang: str, kind: str = "promo_tail") -> None:
        if pf.promotions:
            promo = pf.promotions[0]
            d.add(self.p.say(kind, lang, promo=promo.value, name=self._name(pf)), promo)

    # open questions: attributes, usage, suitability -----------------------------------------------------
    def facts(self, q: Question, pf: ProductFacts, hits: Sequence[Hit], *, link_number: int | None = None,
              cautions: bool = False) -> Draft | None:
        lang, d = q.lang, Draft(lang=q.lang)
        if (_IDENTITY.search(q.text) and (link_number is not None or not hits or hits[0].score < ANSWER_AT)) or (
                link_number is not None and kind_named(q.text, pf)):
            title, price = pf.get("title"), pf.get("price")
            order = pf.get("display_order")
            if link_number is not None and order is not None:
                d.add(self.p.say("identity_link", lang, number=order.value, name=self._name(pf)), order, title)
            else:
                d.add(self.p.say("fact", lang, name=self._name(pf), label="商品名称" if lang == "zh" else "name",
                                 value=pf.title), title)
            if price is not None:
                d.add(self.p.say("price", lang, name=self._name(pf), price=money(price.value)), price)
            return d
        good = [h for h in hits if h.score >= ANSWER_AT and h.fact_id in pf.by_id]  # valid now
        good = _by_head(q.text, pf, hits, good)
        if not good and _OPINION.search(q.text) and pf.selling_points:
            points = pf.selling_points[:2]
            d.add(self.p.say("points", lang, name=self._name(pf), value="，".join(str(p.value) for p in points)), *points)
            return d
        if not good:
            return None
        chosen = [good[0]] + [h for h in good[1:2] if h.score >= good[0].score * 0.85]
        for hit in chosen:
            fact = pf.by_id.get(hit.fact_id)
            if fact is not None:
                self.say_fact(d, fact, pf, lang)
        caution = pf.get("cautions")
        if cautions and caution is not None and caution.id not in d.facts and any(h.fact_id == caution.id for h in hits):
            self.say_fact(d, caution, pf, lang)  # a matching caution is always worth saying with suitability
        return d if d.facts else None

    def say_fact(self, d: Draft, fact: ProductFact, pf: ProductFacts | None, lang: str) -> None:
        name = self._name(pf) if pf is not None else ""
        value = str(fact.value).rstrip("。.")
        if fact.field.startswith("attr:") or fact.field in ("brand", "category"):
            d.add(self.p.say("fact", lang, name=name, label=fact.label, value=value), fact)
        elif fact.field == "usage":
            d.add(self.p.say("usage", lang, name=name, value=value), fact)
        elif fact.field == "cautions":
            d.add(self.p.say("cautions", lang, value=value), fact)
        elif fact.field.startswith("promotion:"):
            d.add(self.p.say("promo", lang, name=name, promo=value), fact)
        elif fact.field.startswith("policy:"):
            d.add(self.p.say("policy", lang, value=value), fact)
        else:  # faq answers, selling points, evidence claims: the merchant's own sentence
            d.add(self.p.say("text", lang, value=value + ("。" if lang == "zh" else ".")), fact)

    def usage(self, q: Question, pf: ProductFacts, hits: Sequence[Hit]) -> Draft | None:
        lang, d = q.lang, Draft(lang=q.lang)
        usage, cautions = pf.get("usage"), pf.get("cautions")
        # "卷发棒怎么卷": the steps, not the attribute 卷度建议 sharing the verb; a merchant's FAQ still first
        m = HOW_VERB.search(q.text) if usage is not None else None
        verb = m.group("v") if m is not None and usage is not None and m.group("v") in str(usage.value) else None
        strong = [h for h in hits if h.score >= ANSWER_AT and h.fact_id.split(".", 1)[1].startswith(("faq:", "attr:"))
                  and not (verb and (f := pf.by_id.get(h.fact_id)) is not None and h.fact_id.split(".", 1)[1].startswith(
                      "attr:") and verb in f.label and not _WAY.search(f.label))]  # 卷度建议 shares 卷 only
        if strong:
            return self.facts(q, pf, strong)
        if usage is None:
            return self.facts(q, pf, hits)
        self.say_fact(d, usage, pf, lang)
        if cautions is not None:
            self.say_fact(d, cautions, pf, lang)
        return d

    def care(self, q: Question, pf: ProductFacts, hits: Sequence[Hit]) -> Draft | None:
        """"能机洗吗", "洗了会串色吗": the usage or cautions text that names the care act asked (``care``);
        a merchant's FAQ or attribute asked as such still comes first."""
        fields = care_fields(q.text, {name: str(f.value) for name in ("usage", "cautions")
                                      if (f := pf.get(name)) is not None})
        if not fields:
            return None
        strong = [h for h in hits if h.score >= ANSWER_AT + 1 and h.fact_id.split(".", 1)[1].startswith(("faq:", "attr:"))]
        if strong:
            return self.facts(q, pf, strong)
        d = Draft(lang=q.lang)
        for name in fields:
            fact = pf.get(name)
            if fact is not None:
                self.say_fact(d, fact, pf, q.lang)
        return d if d.facts else None
