"""Two variants of one product side by side: "梅多克和波尔多哪个贵", "IPA和白啤哪个度数高", "25和28的价格一样吗";
and what one variant holds ("情侣套装包含什么", "升级版多了啥"), when its name says it ("升级款（8个按摩头+收纳包）").

The linker names the product (an alias, the product on screen) and at most the one variant that wins its
ranking; ``variant_pair`` reads the two sides of the comparison against the product's own variant names
(``variants.compared_variants``). ``pair_draft`` answers from this product's facts only: the two variants'
prices when the question compares money or names no other measure, else the attribute the retrieval finds for
the measure named (one fact whose value gives each variant's figure: "酒精度: 美式IPA 6.5%vol；白啤 4.8%vol").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cohost.knowledge.answers import Composer, Draft
from cohost.knowledge.retrieval import ANSWER_AT, Hit
from cohost.knowledge.text import Question
from cohost.knowledge.variants import compared_variants
from cohost.knowledge.views import ProductFacts, VariantFacts, money

_MONEY = re.compile(r"贵|便宜|价|钱|划算|实惠|差多少")


def variant_pair(text: str, pf: ProductFacts) -> list[VariantFacts] | None:
    """The two variants of ``pf`` the question compares, in its order, or None."""
    pair = compared_variants(text, [(v.sku, str(v.name.value)) for v in pf.variants])
    if pair is None:
        return None
    found = [v for v in (pf.variant(s) for s in pair) if v is not None]
    return found if len(found) == 2 else None


def pair_draft(c: Composer, q: Question, pf: ProductFacts, pair: Sequence[VariantFacts],
               hits: Sequence[Hit]) -> Draft | None:
    """The answer to two variants compared: their prices, or the attribute of the measure asked."""
    if (told := telling_pair(c, q, pf, pair)) is not None:
        return told
    if not _MONEY.search(q.text):
        measured = [h for h in hits if h.score >= ANSWER_AT and h.fact_id in pf.by_id
                    and h.fact_id.split(".", 1)[1].startswith(("attr:", "faq:"))]
        said = c.facts(q, pf, measured[:1]) if measured else None
        if said is not None:
            return said
    if all(v.price is None for v in pair) and pf.get("price") is None:
        return None
    return c.price(q, pf, list(pair))


def telling_pair(c: Composer, q: Question, pf: ProductFacts, pair: Sequence[VariantFacts]) -> Draft | None:
    """"32和38怎么选", "标准款和升级款有啥区别": the attributes whose value speaks of both variants ("按摩头: 标准款4个…；
    升级款8个…", "卷度建议: 32mm适合大波浪；38mm…") say how they differ better than two prices; None when the
    question compares money or no attribute names both."""
    if _MONEY.search(q.text):
        return None
    cores = [_cores(str(v.name.value)) for v in pair]
    every = [k for v in pf.variants for k in _cores(str(v.name.value))]
    told = [a for a in pf.attributes if all(any(k in str(a.value).lower() for k in ks) for ks in cores)
            and _says_more(str(a.value).lower(), every)]
    if not told:
        return None
    d = Draft(lang=q.lang)
    for fact in told[:2]:
        c.say_fact(d, fact, pf, q.lang)
    return d


def _says_more(value: str, cores: list[str]) -> bool:
    """A value saying more than the list of variants ("生茶、熟茶两款可选" says nothing of how they differ)."""
    for k in sorted(cores, key=len, reverse=True):
        value = value.replace(k, " ")
    rest = _LISTING.sub("", value)
    return len(re.findall(r"[\u4e00-\u9fffa-z0-9]", rest)) >= 4


_LISTING = re.compile(r"[\d一二两三四五六七八九十]+\s*(款|种|个|色|档)|可选|任选|均可|[、，,；;/\s]")


def _cores(name: str) -> list[str]:
    """A variant's name as a value may say it: whole, without brackets, without its 款/版/装 ("升级款" → 升级)."""
    bare = re.sub(r"[（(][^）)]*[）)]", "", name).replace(" ", "").lower()
    short = re.sub(r"(款|版|装)$", "", bare)
    return [k for k in dict.fromkeys((bare, short)) if len(k) >= 2]


# what a set or an edition holds: "包含什么", "带什么", "多了啥", "里面有哪些"
_CONTENTS = re.compile(r"(包含|包括|含|带|配|送|多了?|多出来?|里面有|都有|有)(了)?(什么|啥|哪些)(?!不同|区别|差别|不一样|颜色|尺码|款|功能|用)")
# a variant name that lists what it holds: brackets, a plus, 含, a set or gift box
_HOLDS = re.compile(r"[（(+＋]|含|套装|礼盒|组合")


def variant_contents(c: Composer, q: Question, pf: ProductFacts, named: Sequence[VariantFacts]) -> Draft | None:
    """"情侣套装包含什么": the name of the one variant asked, which says what it holds; None when no single
    variant is named or its name lists nothing."""
    if not _CONTENTS.search(q.text) or len(pf.variants) < 2 or variant_pair(q.text, pf) is not None:
        return None  # "计数款和标准款有啥不同": two variants compared, not one's contents
    chosen = list(named) if len(named) == 1 else _by_own_word(q.text, pf)
    if len(chosen) != 1 or not _HOLDS.search(str(chosen[0].name.value)):
        return None
    v = chosen[0]
    d = Draft(lang=q.lang)
    d.add(c.p.say("fact", q.lang, name=c._name(pf), label=str(v.name.label), value=str(v.name.value)), v.name)
    return d


def _by_own_word(text: str, pf: ProductFacts) -> list[VariantFacts]:
    """The variants holding a two-character word of the question that the title does not ("套装" of 剃须刀套装)."""
    low = text.lower()
    title = pf.title.lower()
    words = {low[i:i + 2] for i in range(len(low) - 1)
             if re.fullmatch(r"[\u4e00-\u9fff]{2}", low[i:i + 2]) and low[i:i + 2] not in title}
    found = {v.sku: v for v in pf.variants for w in words if w in str(v.name.value).lower()}
    return list(found.values())


# "礼盒装比普通的贵多少", "套装比单买便宜多少": one variant against the product's own base price
_BASE_GAP = re.compile(r"比(普通|标准|基础|单买|单个|单支|单件|单瓶|正常)(的|款|装|版)?.{0,6}(贵|便宜|多|少|差)")


def base_gap(c: Composer, q: Question, pf: ProductFacts, named: Sequence[VariantFacts]) -> Draft | None:
    """The variant named and the product's base price, when the question sets one against the ordinary one."""
    base = pf.get("price")
    if len(named) != 1 or base is None or not _BASE_GAP.search(q.text):
        return None
    d = c.price(q, pf, list(named))
    if d is None:
        return None
    if base.id not in d.facts:
        d.add(c.p.say("price", q.lang, name=c._name(pf), price=money(base.value)), base)
    return d


__all__ = ["base_gap", "pair_draft", "telling_pair", "variant_contents", "variant_pair"]
