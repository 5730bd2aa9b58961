"""What the catalog does not have: a link number no product carries ("0号链接", "99号", "第二十个") and goods
the shop does not sell ("卖不卖清酒", "飞鹤奶粉多少钱", "理发器有吗 给孩子剪头"). Both are ``no_fact`` holds
(the writers' convention, ``sku`` null): nobody can say, and asking back "which product?" would be wrong.

Goods not sold are read from the question's frame — "有(没有|卖)X吗", "卖不卖X", "X有吗", "X多少钱", "X怎么
卖", "X几号链接" — and X's head (its last two characters, the noun in Chinese) being nowhere in the
catalog's own text. A name the catalog knows in any form (a title, an alias, an attribute, a variant, an
FAQ) is never taken for goods not sold, nor a variant word (X ending in 色, 码, 款…), nor a product the
engine linked whose name ends in X's head character ("保文杯" → 保温杯, a typo).

Constraints: built once per catalog version (``catalogued``, kept with the engine's indexes); pure functions of the text, the link and
that table; nothing here answers, it only holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cohost.domain import Product
from cohost.knowledge.escalation import Risk
from cohost.knowledge.linking import Link
from cohost.knowledge.text import normalize


@dataclass(frozen=True, slots=True)
class Catalogued:
    orders: frozenset[int]  # the link numbers products carry
    sizes: frozenset[int]  # numbers said as sizes in variants and attributes ("38码", "12号")
    text: str  # everything the catalog says, normalised, one string
    titles: dict[str, str]  # sku → normalised title


def catalogued(products: Sequence[Product]) -> Catalogued:
    parts: list[str] = []
    for p in products:
        parts += [p.title, p.category, p.brand or "", *p.aliases, *p.attributes, *p.attributes.values(),
                  *(v.name for v in p.variants), *p.selling_points, p.usage or "", p.cautions or "",
                  *(f"{f.q} {f.a}" for f in p.faq), *(pr.description for pr in p.promotions)]
    text = " | ".join(normalize(part) for part in parts if part)  # each part alone: normalize caps a text's length
    sizes = {int(n) for n in re.findall(r"(?<![\d.])(\d{1,3})(?=\s*[号码]|\s*$|\s*[/、,，])", " | ".join(
        [*(v.name for p in products for v in p.variants),
         *(v for p in products for k, v in p.attributes.items() if "码" in k or "尺" in k)]))}
    return Catalogued(frozenset(p.display_order for p in products if p.display_order is not None),
                      frozenset(sizes), text, {p.sku: normalize(p.title) for p in products})


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return _DIGITS.get(tens, 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)
    return _DIGITS.get(token) if len(token) == 1 else None


_N = r"(\d{1,3}|[零〇一二两三四五六七八九十]{1,3})"
# a link number said as one: "0号链接", "链接12", "13#", "#15", "第二十个链接", "第十一个"
_LINK = re.compile(r"(?:链接|连结|link)\s*#?\s*" + _N + r"|第\s*" + _N + r"\s*(?:个|款|号)?\s*(?:链接|连结|宝贝|商品|产品|个)|"
                   r"(?<![\d.a-z])" + _N + r"\s*(?:号)?\s*(?:链接|连结|宝贝|#)")
# a bare "12号" asked about as a link: "12号还有货吗", "99号", "20号多少"
_BARE = re.compile(r"^(?:那个|这个)?(\d{1,3})\s*号\s*(?=$|还有|有货|多少|是什么|是啥|怎么卖|什么价|呢|的?价格|链接)")

# goods asked for by a frame; X is the named goods
_SOLD = re.compile(r"^(?:你们|你家|店里|直播间|这里|这边|请问)?(?P<verb>有没有卖|有没有|有没|有卖|卖不卖|还卖|有)(?P<x>[\u4e00-\u9fffa-z]{2,8}?)"
                   r"(?:卖)?(?:的)?(?:吗|么|嘛|没|不|呀|啊|呢)?$")
_NAMED = re.compile(r"^(?:那个|请问)?(?P<x>[\u4e00-\u9fffa-z]{2,8}?)(?:的)?(?:有吗|有没有|有卖吗|有卖的吗|卖吗|多少钱|多少米|怎么卖|"
                    r"什么价|几号链接|在几号|上链接没|有链接吗|链接呢|有货吗)")
_NOT_GOODS = re.compile(r"这|那|哪|什么|啥|东西|货|优惠|券|赠品|活动|链接|福利|折扣|库存|包邮|运费|发票|客服|人|售后|保修|质保|别的|其他|"
                        r"新款|同款|小样|现货|福袋|红包|尺寸|价格|颜色|便宜|快递|赠送|礼物|大的|小的|一样|同样|全部|所有|一起|单独|买|拍|"
                        r"多少|几|能|可以|还|再|要|想|给|用|[色码款味装版型号寸号]$|^[a-z]{1,3}$|"
                        r"^(好|适合|推荐|合适|新|便宜|贵|更|最|一点|点|些|不|没|别|正品|真的|假)|一点|一些|[a-z]|"
                        # services and terms of the sale, not goods
                        r"价保|保价|运费险|分期|花呗|免息|付款|货到|顺丰|京东|邮政|包装|礼袋|手提袋|说明书|试用|试吃|试喝|会员|积分|"
                        r"直播|回放|抽奖|秒杀|预售|定金|尾款|退|换|险|地址|证书|报告|检测|认证|授权|备案|批号|许可|标准|质量|问题")


# the head characters of goods' names (a word class, not a list of goods): "咖啡机", "婴儿床", "防晒霜", "清酒"
_GOODS_HEAD = re.compile(r"[机器仪床柜椅凳桌架盆桶杯壶锅碗盘勺筷瓶包袋箱鞋靴衣裤裙衫袍帽袜巾霜膏乳液露油粉茶酒奶糖片丸枕垫被毯席"
                         r"灯表镜夹梳刀剪笔本球绳棒杆车伞链环戒罩套膜线纸贴卡盒罐蜜酱米面饼果干肉蛋饮浆汁药剂宝扇刷板秤砖钳锤]$")


def missing_link(text: str, link: Link, cat: Catalogued) -> str | None:
    """"0号链接", "99号", "第二十个链接": a link number no product carries (the cue), or None."""
    if link.via == "link_number":
        return None
    for m in _LINK.finditer(text):
        n = _number(next(g for g in m.groups() if g))
        if n is not None and n not in cat.orders:
            return m.group(0)
    bare = _BARE.match(text) if link.sku is None else None
    if bare is not None and int(bare.group(1)) not in cat.orders | cat.sizes:
        return bare.group(0)
    return None


def unsold(text: str, link: Link, cat: Catalogued) -> str | None:
    """"卖不卖清酒", "理发器有吗 给孩子剪头": goods the catalog does not name anywhere (the cue), or None."""
    if link.via == "link_number":
        return None
    first = re.split(r"(?<=[吗么嘛])|[\s,，。!！?？~～]+", text.strip())[0]  # normalised text has no spaces
    m = _SOLD.match(first) or _NAMED.match(first)
    if m is None:
        return None
    goods = m.group("x")
    selling = "卖" in (m.groupdict().get("verb") or "")  # "有卖X吗", "卖不卖X": asked as goods, whatever X is
    if link.sku is not None and not selling and len(goods) < 3:
        return None  # "有单包的吗" about the product on screen: an option of it, answered from its list
    if len(goods) < 2 or _NOT_GOODS.search(goods) or any(c.isdigit() for c in goods):
        return None
    if not selling and not _GOODS_HEAD.search(goods):
        return None  # "有防滑吗": a feature asked, not goods
    if (goods if len(goods) < 3 else goods[-3:]) in cat.text:
        return None  # a name the catalog knows in some form
    title = cat.titles.get(link.sku or "", "")
    stem = goods[:-1]
    built_on = len(stem) >= 2 and stem in title and goods[-1] not in title  # "咖啡机" on a product named 咖啡
    if title and not built_on and any(c in title for c in goods):
        return None  # a misspelt name of the product linked or on screen ("米份" → 米粉, "保文杯" → 保温杯)
    return goods


def absence(text: str, link: Link, cat: Catalogued) -> Risk | None:
    """A ``no_fact`` hold for a link number or goods the catalog does not have, or None."""
    if cue := missing_link(text, link, cat) or unsold(text, link, cat):
        return Risk("no_fact", "other", cue)
    return None
