"""What a question refers to when the catalog cannot name it: a product property asked with no product named
or on screen (``ambiguous_product``), and a comparison with goods of another maker (``no_fact``).

The writers' convention (blind shops 4, 8, 11, 12, 17, 18; the majority):

- "几度啊", "噪音大吗", "能机洗吗", "有灰色吗", "XL的有吗" with nothing on screen and no product named ask a
  property of *some* product: ask back which one. A property is read as asked of several products only when
  at least two have an attribute of that kind: only one has it → the engine links that product; none has it →
  nobody here knows (``no_fact``, the drafter's hold). Shop matters (shipping, payment, coupons, the show, a service asked of the shop:
  "能帮我量一下尺寸吗", "能分期吗") stay ``no_fact`` — most writers hold 能分期吗 as no_fact, one as ambiguous.
- "跟茅台比哪个好", "雅萌和这个哪个好", "和医美比效果怎么样" compare the product on screen with something
  the catalog never names: nobody here can say, so ``no_fact`` rather than "which product?".

Constraints: pure functions of the normalised text, the link and catalog tables built elsewhere
(``absences.Catalogued``, ``FactIndex.concept_owners``); nothing here answers, it only holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cohost.knowledge.absences import Catalogued
from cohost.knowledge.drafting import SHOP_CONCEPTS
from cohost.knowledge.escalation import Risk
from cohost.knowledge.lexicon import Concept, concepts_asked
from cohost.knowledge.linking import Link

# a matter of the shop or the show, or a service asked of the shop: never "which product?"
_SHOP_MATTER = re.compile(r"发货|快递|物流|运费|包邮|寄|送到|送货|到货|几天到|退|换|拍错|上门|安装|装吗|发票|保修|售后|优惠券|券|活动|折扣|会员|"
                          r"分期|花呗|付款|到付|直播|开播|下播|主播|帮(我|忙)|给我|链接|几号|客服|店|福袋|抽奖")
# a variant value said alone: a colour, a size code, a version ("有灰色吗", "XL的有吗", "升级款多少")
_VARIANT_WORD = re.compile(r"(^|有|要)(黑|白|灰|红|粉|蓝|绿|黄|紫|棕|咖|米|卡其|银|金)色|(?<![a-z])(xs|s|m|l|xl|xxl|xxxl|2xl|3xl)(码|号|的)")
_ASKS = re.compile(r"吗|么|嘛|多少|几|怎么|如何|什么|哪|不[^\s]{0,2}$|\?|？|有没有")
# "跟茅台比", "和医美比", "比好孩子的推车好在哪", "雅萌和这个哪个好": the other side of a comparison
_AGAINST = re.compile(r"(^|这个|这款|它|你们的?|你家的?)(跟|和|与|同|比)(?P<x>[^\s,，。!！?？]{2,8}?)(的)?(比|相比|对比|比较|哪个|谁|好在|效果|差在|有什么区别|区别|便宜|贵|划算|实惠)")
_AGAINST_FIRST = re.compile(r"^(?P<x>[^\s,，。!！?？]{2,8}?)(和|跟|与|比)(这个|这款|你们的?|你家的?)(比)?(哪个|谁|怎么样|好|差|区别)")
# "莫桑石和cvd培育钻哪个好": both sides named, the first one of this shop's
_BOTH = re.compile(r"^(?P<a>[^\s,，。!！?？]{2,8}?)(和|跟|与)(?P<x>[^\s,，。!！?？]{2,8}?)(的)?(比|相比|对比|比较|哪个|谁|有什么区别|区别)")
_PRONOUN = re.compile(r"这|那|它|你|我|他|她|哪|两|几|一|"
                      # the product's own earlier or marked price ("比原价便宜吗", "比平时贵吗"): the facts answer that
                      r"原价|平时|平常|之前|以前|上次|昨天|日常|划线|吊牌|标价|单买|单独|活动前|直播间")


def _unknown(other: str, cat: Catalogued) -> bool:
    """No two characters of ``other`` in a row occur anywhere in the catalog's text (a typo of a name it
    knows shares some)."""
    return not any(other[i:i + 2] in cat.text for i in range(len(other) - 1))


def _property_asked(text: str) -> list[Concept]:
    return [c for c in concepts_asked(text) if c.name not in SHOP_CONCEPTS]


def unnamed_product(text: str, link: Link, owners: Callable[[Sequence[Concept]], set[str]]) -> Risk | None:
    """``ambiguous_product`` for a product's property asked with no product named or on screen, or None."""
    if link.via != "none" or link.context is not None or link.sku is not None:
        return None
    if _SHOP_MATTER.search(text) or not _ASKS.search(text) or len(text) > 16:
        return None
    asked = _property_asked(text)
    if asked:
        if len(owners(asked)) < 2:
            return None  # one product has it (the engine links it), or none does (nobody knows: no_fact)
        return Risk("ambiguous_product", "attribute", asked[0].name)
    if m := _VARIANT_WORD.search(text):
        return Risk("ambiguous_product", "variant", m.group(0))
    return None


# a plain colour said alone with a bare ask and nothing else named: "白色的多少钱", "灰色有吗", "粉色还有吗". Many
# products come in a plain colour; a distinctive option ("黑陶款", "补光灯款") or a size code one product alone has
# ("L码有没有货" in a shop where only the nappies have sizes) names that product and is answered
_BARE_VARIANT = re.compile(r"^(那个|请问)?(有)?(?P<w>[黑白灰红粉蓝绿黄紫棕咖米银金橙青]色|卡其色?)"
                           r"(的)?(多少钱|多少|什么价|还有吗|有吗|有货吗|还有没|有没有货?|还有货吗|呢|没了)$")


def bare_variant(text: str, link: Link, cat: Catalogued) -> Risk | None:
    """``ambiguous_product`` for a plain colour said alone with nothing on screen ("白色的多少钱"), even when one
    product alone has it: the writers ask back which product. A colour in a product's title names that product."""
    if link.context is not None or link.via in ("link_number", "ambiguous", "unknown_link"):
        return None
    m = _BARE_VARIANT.match(text)
    if m is None or _PRONOUN.search(m.group("w")) or any(m.group("w") in title for title in cat.titles.values()):
        return None
    return Risk("ambiguous_product", "variant", m.group("w"))


def foreign_comparand(text: str, link: Link, cat: Catalogued) -> Risk | None:
    """``no_fact`` for the product on screen compared with goods of a maker the catalog never names, or None.
    Two of its own options compared ("6包和12包哪个划算", "客厅款和卧室款有什么区别") are not read: the other
    side is said first or after "这个" ("跟X比", "X和这个哪个好")."""
    if link.sku is None or link.via == "ambiguous" or len(link.named) > 1:
        return None
    for m in (_AGAINST_FIRST.search(text), _AGAINST.search(text)):
        if m is None:
            continue
        other = m.group("x").split("的")[0]
        if len(other) < 2 or _PRONOUN.search(other) or any(ch.isdigit() for ch in other) \
                or any(other[:2] in title for title in cat.titles.values()):
            continue  # a maker's or a kind's name comes first: one in a title is a product of this shop
        return Risk("no_fact", "comparison", other)
    if (m := _BOTH.search(text)) is not None:
        own, other = m.group("a"), m.group("x")
        if any(own[:2] in title for title in cat.titles.values()) and len(other) >= 3 \
                and not _PRONOUN.search(other) and not any(ch.isdigit() for ch in other) and _unknown(other, cat):
            return Risk("no_fact", "comparison", other)
    return None

