"""Question cues the drafter reads to tell whether the facts found answer a question at all: facts found
only by shared words (``off_topic``), a body shape no fact speaks of (``body_shape_unsaid``), and a
comparison with something outside the catalog (``outside_comparison``, ``outside_comparand``).

Constraints:

- Each is a judgement on the question's own words (and, for ``off_topic``, the facts cited); none reads
  the store, so the drafter can ask them at any step of ``Drafter.compose``.
- Each only ever takes an answer away (a hand-over, or the next step of ``compose``); none makes one.
- The catalog's words (``catalog_text``) are compacted (:func:`cohost.knowledge.text.compact`), as is
  the name a comparison sets the product against.
"""

from __future__ import annotations

import re

from cohost.knowledge.text import compact
from cohost.knowledge.views import ProductFacts

# a question about an offer: only then does a promotion answer an open question
_OFFER_CUE = re.compile(r"送|赠|活动|优惠|便宜|折|减|券|福利|礼|划算|价|钱|买|购|拍|满|抢|秒杀|包邮|限|件|赠品|返|免|抽奖|前\d+|名额")
# a question asking an amount ("蓬松度多少", "几层"): a free text without a number does not give one
_AMOUNT_ASKED = re.compile(r"多少|几[层档级度个]|多大|多高|多长|多宽|多厚|多重")
_FREE_TEXT = ("selling_point", "usage", "description", "cautions")


def off_topic(text: str, pf: ProductFacts, facts: list[str]) -> bool:
    """Facts found by shared words that do not answer the question: only promotions for a question about no
    offer, or only free texts without a number for a question asking an amount."""
    cited = [f for f in pf.by_id.values() if f.id in facts]
    if not cited:
        return False
    if all(f.field.startswith("promotion") for f in cited) and not _OFFER_CUE.search(text):
        return True
    return (all(f.field.split(":", 1)[0] in _FREE_TEXT for f in cited) and _AMOUNT_ASKED.search(text) is not None
            and not any(ch.isdigit() for f in cited for ch in str(f.value)))


# another shop, platform or brand ("和优衣库那件比", "比某宝便宜吗", "跟隔壁直播间那个哪个好"): the catalog knows
# nothing of it, so no comparison with it is answered from facts
_OUTSIDE = re.compile(r"某宝|某东|某多多|某音|淘宝|天猫|京东|拼多多|唯品会|别家|别人家|其他家|其它家|隔壁|外面(买|卖)的?|实体店|线下店|"
                      r"超市|商场|官网|优衣库|宜家|无印良品|muji|zara|耐克|阿迪|nike|adidas|迪卡侬|名创|屈臣氏|小米|苹果(店|官网)")
_AGAINST = re.compile(r"比|(和|跟|与).{0,14}(一样|区别|差别|不同|哪个|哪款|比)|一样吗|同款吗|便宜|贵|哪个好|哪个更")


# a body shape ("O型腿", "胯宽", "小肚子"): only a fact that speaks of that part of the body says whether it fits
_BODY_SHAPE = re.compile(r"[oxk]型腿|罗圈腿|(大|小)?腿(粗|短|长|细)|胯(宽|大)|屁股大|臀(宽|大)|小肚子|肚子大|溜肩|宽肩|窄肩|"
                         r"脖子(短|粗)|梨形|苹果型|沙漏型|假胯|头大|脸大|脚背高|高脚背", re.I)
_BODY_PART = re.compile(r"腿|胯|臀|屁股|肚|腹|肩|脖|颈|头|脸|脚背|身材")


def body_shape_unsaid(text: str, said: str) -> bool:
    """The question asks whether a body shape fits and no fact of the product speaks of that body part."""
    m = _BODY_SHAPE.search(text)
    if m is None:
        return False
    parts = {p.group(0) for p in _BODY_PART.finditer(m.group(0))}
    return not any(p in said for p in parts)


def outside_comparison(text: str) -> bool:
    """The question compares the product with something outside the catalog (another shop, platform, brand)."""
    m = _OUTSIDE.search(text)
    return m is not None and _AGAINST.search(text) is not None


# the other side of a comparison ("跟安克的充电宝比", "和70迈比哪个好", "跟airpods pro2比怎么样"): its leading
# name — a brand or a model — up to "的" or the comparing word
_COMPARAND = re.compile(r"(?:和|跟|与|同)\s*([a-z0-9][a-z0-9 .+-]{1,15}|[\u4e00-\u9fff0-9]{2,6}?)\s*(?:的|比|相比|对比|pk|哪个|哪款)",
                        re.I)
_DEICTIC = re.compile(r"^(这|那|上|前|刚|另|之前|以前|同款|其他|其它|别|老|旧|新|第|\d+号)")


def outside_comparand(text: str, catalog_text: str) -> str | None:
    """The name a comparison sets the product against when no product, variant or fact of the catalog
    holds it (a brand or model of another maker), else None: the catalog knows nothing of it."""
    m = _COMPARAND.search(text)
    if m is None:
        return None
    name = compact(m.group(1))
    if len(name) < 2 or _DEICTIC.match(name) or name.isdigit() or name in catalog_text:
        return None
    return name
