"""Money claims: the price being asked, a reference ("原价") price, a promotion amount and a gift value,
read from the amounts a line says.

Constraints:

- A money amount is classified by the words just before it, in its own clause: 原价/划线价/平时 → a
  reference price, 立减/省/满…减 → a promotion amount, 价值 → a gift value, 每天/每片/运费 → not a claim,
  anything else → the price being asked.
- Money: "<product>，59元", 59块, 59块9, 到手价59, 只要五十九, ¥59, 88.9元, 1,299元; after a reference
  price the next bare figure is the price now (原价199，今天直播间99). 元 inside a word (一元硬币) and 块
  as a classifier (一块肥皂) are not money.
- A price elsewhere or before said with 卖 and a bare figure (平时都卖五百多, 外面卖三四百, 超市里这种苹果卖一百多)
  is a reference price at its lower bound.
- The money wordings themselves are in :mod:`cohost.compliance.patterns`; spans are normalised positions.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cohost.compliance.claim import Claim
from cohost.compliance.numbers import parse_number
from cohost.compliance.patterns import (
    _GIFT_CUE,
    _MONEY,
    _MONEY_BARE,
    _MONEY_ROOM,
    _PRICE_WORD,
    _PROMO_CUE,
    _QTY_BEFORE,
    _QTY_UNITS,
    _REF_CUE,
    _REF_CUE_EN,
    _SKIP_CUE,
    N,
    _c,
)
from cohost.compliance.text import NormalizedText

# a discount or coupon named before a price in its sentence (立减100，到手…; 领了券到手…; 满300减40后…)
_PROMOTED = _c(r"券|立减|直降|满\s*\d+\s*减|减\s*\d+|补贴|红包|打\s*\d+(?:\.\d+)?\s*折|[一二三四五六七八九]折")

_PROMO_PRICE = _c(r"秒杀价|专场价|专享价|限时价|抢购价|活动价|宠粉价")
# a figure that names a coupon or red packet (40元的券, 20块优惠券, 5元红包): its face value, not the price asked
_COUPON_AFTER = _c(r"(?:的)?(?:无门槛|店铺|直播间|专属|新人)?(?:优惠券|代金券|消费券|券|红包|立减金)|\s*off(?![a-z])")  # ¥20 off

_CONTRAST = _c(rf"[^。!?\d]{{0,10}}?(?P<cue>现在|今天|今晚|直播间|到手|只要|只需|仅需|仅要|活动价|福利价|秒杀|拍下|下单|这里)"
               rf"[^。!?\d]{{0,6}}?(?P<n>{N})(?![\d.%万千w]|\s*(?:{_QTY_UNITS}|ml|g|kg|mah|w|折|%|点|号|月|日|年|分|秒|小时|天|岁|码|cm|mm|个|次))")


def _money_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    found = sorted([*((group, m) for group, pattern in zip("abc", _MONEY, strict=True) for m in pattern.finditer(text)),
                    *(("d", m) for m in (_MONEY_BARE.finditer(text) if "到手" in text or "带走" in text or "拿下" in text
                                         or "入手" in text or "抱回家" in text else ())),
                    *(("d", m) for m in (_MONEY_ROOM.finditer(text) if "直播间" in text else ()))],
                   key=lambda x: x[1].start())
    out = []
    end = -1
    for group, m in found:
        if m.start() >= end:
            out.append((group, m))
            end = m.end()
    return out


_COUNT_WORDS = frozenset({"一", "两", "二", "几"})


_REF_SOLD = _c(rf"(?:平时|平常|日常|往常|外面|别家|别处|线下|专柜|商场|超市|实体店|药店|医院里?|官网|以前|之前|原来)"
               rf"(?:里|上)?(?:(?:这种|这款|这个|同款|同样的|一样的)[^\d,。!?;卖售]{{0,4}}?)?"  # 超市里这种苹果卖一百多
               rf"(?:都|也|一般|基本|起码|至少|最少)?(?:要|得)?(?:卖|售|标价|要价|卖到|卖得)(?:到|要)?\s*"
               rf"(?P<v>(?P<r1>[一二三四五六七八九])(?P<r2>[一二三四五六七八九])(?P<ru>十|百|千|万)|(?P<n>{N})(?:多|来|几)?)"
               rf"(?:块钱?|元)?(?:多)?(?![\d.%]|\s*(?:{_QTY_UNITS}|ml|g|kg|折|%|年|个月|天|万单|单))")
_RANGE_UNIT = {"十": 10, "百": 100, "千": 1_000, "万": 10_000}


def _range_low(m: re.Match[str]) -> Decimal | None:
    low = parse_number(m.group("r1")) if m.group("r1") else None
    return None if low is None else low * _RANGE_UNIT[m.group("ru")]


def _money(norm: NormalizedText) -> list[Claim]:
    text = norm.text
    out: list[Claim] = []
    for group, m in _money_matches(text):
        value = parse_number(m.group(group))
        if value is None:
            continue
        if group == "b" and m.group("j"):
            value += Decimal(str(parse_number(m.group("j")) or 0)) / 10
        elif group == "c" and m.group("cj"):  # 只要39块9: the 9 after 块 is jiao
            value += Decimal(str(parse_number(m.group("cj")) or 0)) / 10
        elif group == "b" and m.group("b") in _COUNT_WORDS and m.group(0).endswith("块"):
            continue  # 原装电池一块，充电线一根: 一块/两块 alone counts a piece; money says 一块钱 or 一块五
        c_start, _ = norm.clause(m.start())
        before = text[max(c_start, m.start(group) - 10):m.start(group)]
        if _SKIP_CUE.search(before):
            continue
        if _REF_CUE.search(before):
            out.append(Claim("reference_price", m.start(), m.end(), value=value))
        elif _REF_CUE_EN.search(text, max(c_start, m.start(group) - 24), m.start(group)):
            out.append(Claim("reference_price", m.start(), m.end(), value=value, lang="en"))
        elif group == "c" and _PRICE_WORD.match(m.group(0)):
            # 用完券到手358, 券后价99: a price word says what the figure is, whatever promotion words precede it;
            # a price reached through a named discount or coupon (立减100，到手349; 领了券到手499) is "promoted": when the
            # listing contradicts it the discount itself is false (PRICE-19 beside PRICE-20, laws.toml)
            # 秒杀价118, 专场价139: a promotion's own price word; said when that promotion is not on, the offer is false
            promoted = _PROMOTED.search(text, norm.sentence(m.start())[0], m.start()) is not None \
                or _PROMO_PRICE.match(m.group(0)) is not None
            out.append(Claim("price", m.start(), m.end(), "promoted" if promoted else "", value=value))
        elif _COUPON_AFTER.match(text, m.end()):
            # 领了直播间40元的券, 这张40元的券: the coupon's face value, checked against the listing's promotions
            out.append(Claim("promotion", m.start(), m.end(), "amount", value))
        elif _GIFT_CUE.search(before):
            out.append(Claim("gift_value", m.start(), m.end(), value=value))
        elif _PROMO_CUE.search(before):
            out.append(Claim("promotion", m.start(), m.end(), "amount", value))
        else:
            qty = _QTY_BEFORE.search(before)
            count = parse_number(qty.group("q")) if qty else None
            out.append(Claim("price", m.start(), m.end(), value=value,
                             qty=int(count) if count and count == int(count) and 1 <= count <= 20 else 1))
    taken = [(c.start, c.end) for c in out]
    for m in _REF_SOLD.finditer(text):
        # 平时都卖五百多, 外面卖三四百, 医院里卖四百多的: a price elsewhere or before, said with 卖 and a bare figure, is a
        # reference price like 原价 (its lower bound: 五百多 → 500, 三四百 → 300)
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = parse_number(m.group("n")) if m.group("n") else _range_low(m)
        if value is not None and value >= 10:
            out.append(Claim("reference_price", m.start("v"), m.end(), value=value))
    for ref in [c for c in out if c.kind == "reference_price"]:
        # "原价199，今天直播间99": after a reference price, the next bare figure is the price now
        after = _CONTRAST.match(text, ref.end)
        if after is None or any(ref.end <= c.start < after.end() for c in out):
            continue
        value = parse_number(after.group("n"))
        if value is not None:
            out.append(Claim("price", after.start("cue"), after.end("n"), value=value))
    return out
