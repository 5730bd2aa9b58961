"""How products are mentioned: every surface form that names a product, and how much it says.

Forms, strongest first: the sku and the full title (with and without its bracketed tags), an alias, the
title's head noun ("恐龙百科立体书 全8册" → 立体书: ``title_heads``), the brand, attribute values, other
title words, variant names and attribute labels, the category. A kind of thing said as a word ("鞋子" of a 帆布鞋,
"座椅" of a 安全座椅) names a product too, unless the catalog already uses the word as another form. Every
form is weighted by how many products share it (a form shared by two products counts half for each), so a
shared alias or brand never picks one product on its own. Built once per catalog version (``build_forms``,
for ``linking``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from cohost.domain import Product
from cohost.knowledge import segmenter
from cohost.knowledge.spellings import pinyin_spellings, variant_tokens
from cohost.knowledge.text import compact, normalize, title_parts

WEAK = 1.0  # without a product on screen, the least evidence that links a product
NAMING = 2.5  # a title, title head word or alias: a form this strong names a product even when shared
_GENERIC_WORDS = (
    """新款 款 款式 直播 直播间 专享 专属 官方 正品 旗舰 旗舰店 同款 限定 限量 爆款 热卖 包邮 特价 福利 男女 通用 新品 经典 升级
    升级版 加厚 大容量 便携 家用 礼盒 套装 组合 装 件 个 只 支 瓶 盒 包 袋 系列 款型 原装 进口 国产 现货 推荐 优选 精选"""
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_VALUE_PARTS = re.compile(r"[、,，;；/|]+")
# a quantity in a title ("全8册", "24支装", "2人", "400g") is no word of the product's name
_QUANTITY = re.compile(r"[全共约]?\d+(?:\.\d+)?(?:[-~]\d+)?\s*(?:[a-z]{1,3}|[册支条包袋片只个件瓶盒双套本枚粒人寸罐斤张页抽卷斤])?装?")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{3,}")
_PACKAGING = frozenset("盒袋瓶罐箱包桶盆筒")
_DIMENSION = re.compile(r"\d+(?:\.\d+)?\s*[×x*]\s*\d+(?:\.\d+)?")  # a size given as two numbers: 180×220


def _head_of(part: str) -> str | None:
    """The head noun of one title part: its last word, glued to the word before it when it is a lone
    character written right after it (行李 + 箱 → 行李箱, 遮阳 + 帽 → 遮阳帽), never a generic word."""
    raw = [w for w in segmenter.cut(part) if _CJK_WORD.search(w) and not w[0].isdigit() and w not in segmenter.STOPWORDS]
    if not raw:
        return None
    last = raw[-1]
    if len(last) == 1 and len(raw) >= 2 and raw[-2] + last in part and raw[-2] not in _GENERIC:
        return raw[-2] + last
    words = [w for w in raw if w not in _GENERIC]
    return words[-1] if words else None


def title_heads(title: str, brand: str | None = None) -> list[str]:
    """The title's head noun: the head of its first part that is not the brand or a model code, never a
    quantity ("恐龙百科立体书 全8册" → 立体书, "理发器 K7" → 理发器, "AERO 超静音加湿器 4L" → 加湿器).
    Parts are the merchant's own, separated by spaces or brackets; later parts are selling phrases
    ("可放A4", "显瘦百搭"), not names."""
    brand_key = compact(brand or "")
    heads = []
    for part in title_parts(title):
        if compact(part) == brand_key:
            continue
        head = _head_of(_QUANTITY.sub(" ", part).strip())
        if head:
            heads.append(head)
    return heads[:1]


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def variant_pieces(tokens: Sequence[str], telling: bool = False) -> set[str]:
    """Shorter ways to say a variant's words: the hanzi run of a word mixed with Latin letters ("梅多克aoc" → 梅多克),
    its dictionary words ("云南保山小粒" → 云南, 保山, 小粒) and the halves of a four-hanzi name ("耶加雪菲" → 耶加),
    never a generic word ("经典", "款"). ``telling``: only the pieces that tell one variant from the others — the hanzi
    of a name mixed with Latin letters, the head of a four-hanzi name, words of three hanzi or more — not an
    everyday word a variant is named after ("卧室" of 40cm卧室款: "卧室用哪个" asks which, not for that one)."""
    out: set[str] = set()
    for token in tokens:
        for run in _CJK_RUN.findall(token):
            core = run[:-1] if run[-1] in "款装型版色" and len(run) > 2 else run
            if telling:
                pieces = {w for w in segmenter.subwords(core) if len(w) >= 3}
                pieces |= {core} if re.search(r"[a-z]", token) and len(core) >= 3 else set()
                pieces |= {core[:2]} if len(core) == 4 else set()
                out |= {w for w in pieces if w != token and w not in _GENERIC}
                continue
            pieces = {core, *(w for w in segmenter.subwords(core) if len(w) >= 2)}
            if len(core) == 4:
                pieces |= {core[:2], core[2:]}
            out |= {w for w in pieces if w != token and w not in _GENERIC and w not in segmenter.STOPWORDS}
    return out


def _add_pinyin(raw: _Forms, products: Sequence[Product]) -> None:
    """Names typed in pinyin: the initials ("aqzy") and the full pinyin ("dengshanzhang") of every naming
    form (title head, alias, title, at ``NAMING`` or more) of two to six hanzi. A spelling that is already a
    Latin word of the catalog (a size "xl", a model code) is not one; two-letter initials weigh ``WEAK``+."""
    latin = {f for f in raw.weights if f.isascii()}
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for form, by_sku in list(raw.weights.items()):
        for sku, weight in by_sku.items():
            if weight < NAMING:
                continue
            for spelling in pinyin_spellings(form):
                w = (NAMING if len(spelling) >= 3 else WEAK + 0.5) if spelling != form else 0.0
                if w and spelling not in latin:
                    found[spelling][sku] = max(found[spelling].get(sku, 0.0), w)
    for spelling, by_sku in found.items():
        for sku, w in by_sku.items():
            raw.add(spelling, sku, w)


@dataclass(slots=True)
class _Forms:
    weights: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, form: str, sku: str, weight: float) -> None:
        if len(form) < 2 and not form.isascii():
            return
        if len(form) < 2:
            return
        slot = self.weights[form]
        slot[sku] = max(slot.get(sku, 0.0), weight)


def build_forms(products: Sequence[Product]) -> tuple[list[tuple[str, dict[str, float]]], dict[str, dict[str, float]]]:
    """Every form of every product with its weight shared out among the products that have it (longest
    first), and the weights before sharing (whether a form is a ``NAMING`` one for a product). Adds the
    catalog's brands, aliases, attribute and variant words to the segmenter's dictionary."""
    words: set[str] = set()
    for p in products:
        words.update(compact(x) for x in [p.brand or "", *p.aliases, *p.attributes, *p.attributes.values()])
        words.update(compact(v.name) for v in p.variants)
    segmenter.add_words(w for w in words if w)
    raw = _Forms()
    generic_forms: list[tuple[str, str]] = []
    tail_forms: list[tuple[str, str]] = []
    modifier_forms: list[tuple[str, str]] = []
    for p in products:
        title = compact(p.title)
        core = compact(re.sub(r"【[^】]*】|\[[^\]]*\]|（[^）]*）|\([^)]*\)", " ", p.title))
        raw.add(p.sku.lower(), p.sku, 6.0)
        raw.add(title, p.sku, 6.0)
        raw.add(core, p.sku, 6.0)
        for alias in p.aliases:
            raw.add(compact(alias), p.sku, 4.0)
        if p.brand:
            raw.add(compact(p.brand), p.sku, 2.0)
        tokens = [t for t in segmenter.cut(normalize(p.title))
                  if t not in _GENERIC and t not in segmenter.STOPWORDS and not t.isdigit()]
        heads = set(title_heads(p.title, p.brand))
        for token in tokens:
            raw.add(compact(token), p.sku, 2.5 if token in heads else 1.2)
        for head in heads - set(tokens):
            raw.add(compact(head), p.sku, 2.5)
        for name in [*heads, *(compact(a) for a in p.aliases)]:  # "椰棕" of 椰棕床垫, "乳胶" of 乳胶枕: the modifier
            if _CJK_NAME.fullmatch(name) and any(h[-1] == name[-1] for h in heads):  # of the kind (not "清洗" of 清洗液)
                modifier_forms += [(name[:i], p.sku) for i in range(2, len(name)) if (
                    segmenter.is_word(name[i:]) if i < len(name) - 1 else segmenter.is_word(name[:i]))]
        for head in heads:  # "座椅" names a 安全座椅, "沙发" a 懒人沙发: the head's last word, where it is one
            if len(head) >= 3 and _CJK_WORD.match(head[-2]) and segmenter.is_word(head[-2:]):
                tail_forms.append((head[-2:], p.sku))
        # "鞋子" names a 帆布鞋, "椅子" a 折叠椅: the head's last character as a word; so do the category's
        # parts ("女鞋/短靴": a boot is a 鞋子 too, so "鞋子多少钱" may be either shoe)
        kinds = [*heads, *(compact(part) for part in re.split(r"[/>|､、]", p.category or "") if part)]
        for head in kinds:  # (not a packaging word: "盒子里有几片" asks about the product on screen)
            generic = head[-1] + "子"
            if len(head) >= 2 and head[-1] not in _PACKAGING and _CJK_WORD.match(head[-1]) and segmenter.is_word(generic) \
                    and (generic, p.sku) not in generic_forms:
                generic_forms.append((generic, p.sku))
        for label in p.attributes:  # a label only one product has ("适用车型", "纸张克重") hints at it, weakly
            key = compact(label)
            if 2 <= len(key) <= 6:
                raw.add(key, p.sku, WEAK)
        for value in p.attributes.values():
            for part in {value, *_VALUE_PARTS.split(value)}:
                key = compact(part)
                if len(key) <= 12 and not re.fullmatch(r"[#\d.]+[a-z%]*", key):
                    raw.add(key, p.sku, 1.5)
        for variant in p.variants:
            raw.add(compact(variant.name), p.sku, 1.0)
            for size in _DIMENSION.findall(normalize(variant.name)):  # "180x220" names 180×220cm: said without unit
                raw.add(compact(size), p.sku, 1.0)
            main, extra = variant_tokens(variant.name)
            for token in (*main, *extra):
                if len(token) >= 2 and not re.fullmatch(r"[\d.]+[a-z]{0,2}", token):
                    raw.add(token, p.sku, 1.0)
            for piece in variant_pieces(main):  # "梅多克" of 梅多克AOC, "汝窑" of 汝窑天青款: said shorter
                raw.add(piece, p.sku, 1.0)
        raw.add(compact(p.category), p.sku, 0.5)
    _add_pinyin(raw, products)
    taken = set(raw.weights)
    tails: dict[str, set[str]] = defaultdict(set)
    for form, sku in tail_forms:
        tails[form].add(sku)
    for form, owners in tails.items():  # unless a title word or alias already, or the tail of several heads
        if form not in taken and len(owners) == 1:
            raw.add(form, next(iter(owners)), 2.0)
    modifiers: dict[str, set[str]] = defaultdict(set)
    for form, sku in modifier_forms:
        modifiers[form].add(sku)
    for form, owners in modifiers.items():  # weakly, and only a modifier no other form or product has
        if form not in taken and len(owners) == 1:
            raw.add(form, next(iter(owners)), WEAK + 0.2)
    taken = set(raw.weights)
    for form, sku in generic_forms:  # unless a merchant uses the word as an alias or title word already
        if form not in taken:
            raw.add(form, sku, NAMING)
    unshared = {form: dict(by_sku) for form, by_sku in raw.weights.items()}
    forms: list[tuple[str, dict[str, float]]] = []
    for form, by_sku in raw.weights.items():
        share = len(by_sku)
        forms.append((form, {sku: w / share for sku, w in by_sku.items()}))
    forms.sort(key=lambda item: -len(item[0]))
    return forms, unshared


def _spans(form: str, key: str) -> list[tuple[int, int]]:
    out, start = [], key.find(form)
    while start >= 0:
        out.append((start, start + len(form)))
        start = key.find(form, start + 1)
    return out


def maximal(found: list[tuple[str, dict[str, float]]], key: str) -> list[tuple[str, dict[str, float]]]:
    """Longest match wins: a form found only inside a longer form found in the question is not a mention of
    its own ("茶几垫" names the mat, not also the tea table; "护手霜" is not also every "护手…"). Two names
    that share characters ("莫桑钻戒指": 莫桑钻 and 钻戒) are one name read two ways: the longer one, when it
    names a product, is the one said, and the shorter name crossing it is no mention of its own."""
    spans = {f: _spans(f, key) for f, _ in found if not f.startswith("en:")}
    weights = dict(found)
    longer = [(f, s) for f, ss in spans.items() for s in ss]
    naming = [(f, s) for f, s in longer if max(weights[f].values(), default=0.0) >= NAMING]
    out = []
    for form, by_sku in found:
        own = spans.get(form)
        if own and all(any(len(g) > len(form) and s[0] <= a and b <= s[1] for g, s in longer)
                       or any(len(g) > len(form) and (s[0] < a < s[1] < b or a < s[0] < b < s[1])
                              and set(weights[g]) != set(by_sku) for g, s in naming) for a, b in own):
            continue
        out.append((form, by_sku))
    return out


# With a product on screen, a thing named as what it is used on ("能泡茶叶吗", "可以装咖啡不" of a cup) or as
# what comes with it ("送数据线吗" of a power bank) is not the product asked about: the one on screen is.
_USE_VERB = r"(?:泡|装|放|盛|煮|冲|洗|烧|热|加热|炖|存|收纳|充|晾|挂|夹|插|接|连)"
_USE = re.compile(rf"(?:^|能|可以|可不可以|能不能|能否|用来|拿来|适合|可以用来|能用来)(?:给)?{_USE_VERB}(?:个|一个|点|些)?$")
_GIFT = re.compile(r"(?:送|赠|赠送|附送|附赠|送不送|配|配不配|带不带)(?:个|一个|一根|一条|根|条|只)?$")
_GIFT_END = re.compile(r"^(?:吗|么|嘛|不|没|没有|呢|吧|的吗|啊|$)")


def used_with(form: str, key: str) -> bool:
    """Is ``form`` (a hanzi word) said in ``key`` only as what the product on screen is used on or comes
    with: right after a use verb ("能泡茶叶不") or in a gift question ("送数据线吗")?"""
    spans = _spans(form, key)
    if not spans or not _CJK_WORD.search(form):
        return False
    for start, end in spans:
        before = key[:start]
        if _USE.search(before):
            continue
        if _GIFT.search(before) and _GIFT_END.match(key[end:end + 3]):
            continue
        return False
    return True
