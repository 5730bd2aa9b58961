"""Offers of a kind: a question may ask about an offer by how it buys or pays — several pieces ("买两条怎么算",
"多买有优惠吗"), by instalments ("能分期吗", "花呗免息吗"), for a gift ("有赠品吗", "送啥"), by coupon ("有券吗"),
by a spend threshold ("满减怎么算") — and only a promotion that is an offer of that kind answers it ("第二件半价",
"支持花呗分3期免息", "下单送…").

    promotion_kind("大衣能分期吗")                        # → "instalment"
    offers_of("instalment", ["满299减30", "花呗分3期免息"])  # → [1]

A question may also name the offer itself ("送的防踢垫几号截止", "能刻字吗", "9折到什么时候"): ``offer_named``
finds the promotion holding the words it asks about. Bargaining ("能便宜点吗", "老粉了能再少点吗") asks for a
price nobody has set: ``bargaining`` tells it, and no promotion answers it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNIT = r"(件|条|个|双|瓶|盒|份|套|只|包|罐|箱|支|袋|桶|提|听|把|台|张)"
_COUNT = r"(两|2|三|3|几|多|俩)"
# kinds of offer a question asks by how it buys or pays: several pieces ("买两条怎么算"), by instalments ("能分期吗")
_OFFER_ASKED = {
    "multi": re.compile(rf"(买|拍|要|来){_COUNT}{_UNIT}|{_COUNT}{_UNIT}(一起|怎么|有|能|便宜|优惠|减|打折|几折)|"
                        rf"第(二|2){_UNIT}|多买|多件|一起买|凑单"),
    "instalment": re.compile(r"分期|花呗|白条|免息|信用卡"),
    "coupon": re.compile(r"券|coupon"),
    "threshold": re.compile(r"满减|满\s*\d+\s*(元|块)?\s*减"),
    "gift": re.compile(r"赠品|赠送|送(啥|什么|东西|的|不送|吗|么|嘛|没)|有.{0,2}送|有没有送|加送|礼品|小礼物|gift|free"),
}
_OFFER_SAID = {
    "multi": re.compile(rf"第[二2]{_UNIT}|(买|满|拍|任意|任选)\s*[两2三3俩\d]+\s*{_UNIT}|[两2三3俩]{_UNIT}.{{0,2}}(折|减|半价|优惠)|"
                        r"\d+件|买\d送\d|多件|任选|凑单|跨款"),
    "instalment": re.compile(r"分期|花呗|白条|免息"),
    "coupon": re.compile(r"券"),
    "threshold": re.compile(rf"满\s*[\d两二三]+\s*(元|块|{_UNIT})?\s*(再|立|可|即)?减|任选\s*[\d两二三]+\s*{_UNIT}.{{0,2}}减"),
    "gift": re.compile(r"送|赠"),
}
# the deadline or the start of an offer ("几号截止", "到什么时候"): asked of the offer the question names
_WHEN = re.compile(r"截止|结束|到几号|到什么时候|到啥时候|几号(结束|截止|为止|停)|什么时候(截止|结束|没有|停)|持续到|活动(到|多久)")
# asking to pay less than the price set: no offer of the merchant answers it
_BARGAIN = re.compile(r"便宜(一)?点|便宜些|(再|能|可以)少(点|一点|些|\d+|[一二三四五六七八九十几]+块)|抹(个)?零|砍(价|一刀|到)|"
                      r"优惠(一)?点|(再|能|可以)打个?折|让(点|一点)利|(\d+|[一二三四五六七八九十百]+)(块|元)?卖不卖|"
                      r"(老粉|老顾客|老客户).{0,4}(便宜|少|优惠|折)")
_FILLER = set("的了吗呢啊吧嘛么是有能可以送个一这那什么啥几号时候到截止结束还要给我们你怎么样多少下单买拍")


def offer_holds(text: str, promotion: str, names: str = "") -> bool:
    """Does the promotion hold what the question asks, not only the thing it names: every content character
    of the question (not filler, not the product's ``names``) but at most one, and three or more of them
    ("能刻宝宝名字吗 怎么弄" ↔ "下单免费激光刻宝宝名字" yes; "鞋垫能拆吗" ↔ "下单送鞋垫一双" no: 拆 is not said)."""
    content = [ch for ch in dict.fromkeys(re.findall(r"[\u4e00-\u9fff]", text)) if ch not in _FILLER and ch not in names]
    held = [ch for ch in content if ch in promotion]
    missing = len(content) - len(held)
    return (missing == 0 and bool(held)) or (missing <= 1 and len(held) >= 3)


def _gapped(a: str, b: str, text: str) -> bool:
    """``a`` then ``b`` (content characters) within four characters of each other in ``text``."""
    if a in _FILLER or b in _FILLER or not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"):
        return False
    return any(b in text[i + 1:i + 5] for i, ch in enumerate(text) if ch == a)


def promotion_kind(text: str) -> str | None:
    """The kind of offer a question asks about ("multi", "instalment", "coupon", "threshold", "gift"), or None."""
    return next((kind for kind, cue in _OFFER_ASKED.items() if cue.search(text)), None)


def offers_of(kind: str, promotions: Sequence[str]) -> list[int]:
    """Indexes of the promotions that are offers of that kind."""
    return [i for i, text in enumerate(promotions) if _OFFER_SAID[kind].search(text)]


def bargaining(text: str) -> bool:
    """"能便宜点吗", "老粉了能再少点吗", "199卖不卖": a price asked for that nobody has set ("买两套便宜点吗" asks
    for an offer on several pieces, which a promotion may be; "买三包能再便宜点吗" asks beyond it)."""
    if _BARGAIN.search(text) is None:
        return False
    return promotion_kind(text) != "multi" or "再" in text


def deadline_asked(text: str) -> bool:
    """"送的防踢垫几号截止", "9折到什么时候结束": when an offer ends."""
    return _WHEN.search(text) is not None


def offer_named(text: str, promotions: Sequence[str], names: str = "") -> int | None:
    """The one promotion holding the longest run (two characters or more, no filler at its ends, not in the
    product's ``names``) of the question's words ("能刻字吗" ↔ "下单免费激光刻宝宝名字", "9折到什么时候" ↔ "任意2盒享9折"), or None (none, or two alike)."""
    best: list[tuple[int, int]] = []
    for i, promo in enumerate(promotions):
        low = promo.lower()
        run = 0
        for a in range(len(text)):
            for b in range(a + 2, len(text) + 1):
                piece = text[a:b]
                if piece[0] in _FILLER or piece[-1] in _FILLER:
                    continue
                if piece in low:
                    if piece not in names:  # "推车" of "下单赠送推车凉席": the product's own name tells nothing
                        run = max(run, b - a)
                elif not any(piece[:k] in low for k in range(2, len(piece))):
                    break
        if run < 2 and any(_gapped(text[a], text[a + 1], low) and text[a:a + 2] not in names for a in range(len(text) - 1)):
            run = 1  # "刻字" ↔ "刻宝宝名字": the two characters a few apart
        if run >= 1:
            best.append((run, i))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[1][0] == best[0][0]):
        return None
    return best[0][1]
