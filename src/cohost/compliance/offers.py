"""Offers said on air held to the listing, the clock and the stock: the claims a line makes about a deal as a
whole, beside the single amounts :mod:`cohost.compliance.money` reads.

    revise(found, norm, view)   # the (claim, verdict) pairs of a line, re-read and completed

Constraints:

- The arithmetic said (699减80，599) must come out (PRICE-21 rounding only); 满A减B is a threshold, not a sum,
  and a code (BJ-2026-0312) is not a subtraction.
- A price said as 到手 for several items (两罐一起拍到手400) that the listing contradicts while a multi-buy deal
  (满两罐减30, 第二件半价) is on misstates the deal: it is ``promoted`` (PRICE-19 beside PRICE-20, rules/laws.toml);
  a plain 到手 price for one item stays PRICE-20 alone.
- 买A送B / 拍A发C said against the listing's own: the counts must be the listing's, and a gift said to be the
  same goods or of a size (同款800克) must be the listing's gift; a bundle's price (四瓶才59.8) is what that many
  cost under the buy-A-get-B offer on now (a pack's name, 2盒装29.9, is not a count of packs).
- A promotion said to be still on (立减还有, 券还有最后十分钟) while its window is closed is not on (PRICE-20).
- A promotion said to run later than it does (立减一直到十二点都有 when it ends at nine) is ``late`` (windows.py).
- A price rise forecast (明天就涨价, 下播就涨价, 金价明天暴涨) is true only while a price-cutting promotion is on;
  hedged (可能, 不一定) or denied (不会涨) forecasts are not claims.
- Supply said to end (就这一批了, 最后一批, 明年也没了, 不再补货) rests on the listing: a one-off (stock ≤ 1) or a
  listing that says 限量/停产/绝版/孤品/二手; a restock mentioned (下一批, 到货) is not such a claim.
- Plenty said (还有好几百件) must not be far above the stock: a vague figure is read at its lower bound, and a
  stock under half of it contradicts it.
- Minors said to be able to take goods whose listing rules them out (不适宜人群: 儿童) contradict the label (AD-04,
  with AD-10 and, on health food, AD-18 beside it).
- An English reference without a currency sign (Was 2999, now 1999) is a reference price like ``Was ¥2999``.
- Quoted, refused and corrected speech is dropped by the checker as for every claim (scope.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from cohost.compliance.capabilities import capability_claims
from cohost.compliance.claim import Claim
from cohost.compliance.composition import composition_claims
from cohost.compliance.facts import ProductView, Verdict
from cohost.compliance.numbers import parse_number
from cohost.compliance.patterns import _QTY_UNITS, N
from cohost.compliance.readings import remeasure, retract
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.compliance.verify import verify
from cohost.compliance.windows import late

__all__ = ["revise"]

Pair = tuple[Claim, Verdict]

# a multi-buy deal (满两罐减30, 第二件半价, 拍2件立减) and a line pricing several under it (两罐一起拍, 拍三件)
_MULTI_DEAL = re.compile(rf"满\s*(?:两|二|三|四|五|\d+)\s*(?:{_QTY_UNITS})|第二|(?:拍|买)\s*(?:两|二|三|\d+)\s*(?:{_QTY_UNITS})")
_MULTI_SAID = re.compile(rf"(?<![\d.])(?:两|二|三|四|五|[2-9])\s*(?:{_QTY_UNITS})(?!装)|一起拍")
_CUTTING = frozenset({"minus", "threshold", "fixed", "discount", "half"})
_NUM = r"\d+(?:\.\d+)?"
_SEP = r"(?:\s*[,;，；]\s*|\s*(?:等于|=|就是|那就是|到手价?|只要|是)\s*)+"
_ARITH = re.compile(rf"(?<![满\d.a-z\-])(?P<a>{_NUM})\s*(?:元|块)?\s*减\s*(?:掉)?(?P<b>{_NUM})\s*(?:元|块)?(?:的?券)?"
                    rf"{_SEP}(?P<c>{_NUM})(?![\d.]|\s*(?:{_QTY_UNITS}|%|折|点|号|分钟|小时))")
_BOGO = re.compile(rf"(?:买|拍)\s*(?P<a>{N})\s*(?:{_QTY_UNITS})?[^,。;!?送赠发]{{0,4}}?(?P<v>送|赠|发)(?P<g>[^,。;!?]{{0,14}})")
_COUNT = re.compile(rf"(?P<n>{N})\s*(?:{_QTY_UNITS})(?!装)")
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(g|kg|ml|l|克|千克|毫升|升)(?![a-z])")
_SIZE_UNIT = {"克": "g", "千克": "kg", "毫升": "ml", "升": "l"}
_TRIAL = re.compile(r"试用|小样|中样|旅行装|体验装|小支|单盒")
_BUNDLE = re.compile(rf"(?P<n>{N})\s*(?:{_QTY_UNITS})(?!装)\s*(?:才|只要|只需|就|一共|共|到手|是|也就)?\s*(?P<p>{_NUM})\s*(?:元|块)?"
                     rf"(?![\d.]|\s*(?:{_QTY_UNITS}|%|折|g|ml|克|毫升))")
_STILL = re.compile(r"(?P<w>立减|直降|满减|满\d+减\d+|优惠券|券|第二[件瓶支盒罐袋]\S{0,4}?(?:半价|减|元)|半价|秒杀|专场价|买\S{1,3}送\S{1,3}|"
                    r"拍\S{1,3}发\S{1,3})(?:的?活动|价)?(?:现在)?(?:都|也)?(?:还有|还在|还能用|还能领|还可以用|还没结束|还剩|继续)"
                    r"(?![^,。;!?]{0,8}(?:吗|么|没有|不|开始|开抢|才))")
_STILL_OF = ((re.compile(r"券"), re.compile(r"券")), (re.compile(r"立减|直降"), re.compile(r"减|降")),
             (re.compile(r"满"), re.compile(r"满")), (re.compile(r"半价"), re.compile(r"半价")),
             (re.compile(r"秒杀"), re.compile(r"秒杀")), (re.compile(r"专场"), re.compile(r"专场")),
             (re.compile(r"送|发"), re.compile(r"送|赠|发")), (re.compile(r"第二"), re.compile(r"第二")))
_RISE = re.compile(r"(?:明天|明早|明儿|下播|过了今晚|过了今天|今晚过后|马上|就要|即将|下周|下个月|很快|以后)"
                   r"[^,。;!?]{0,6}?(?:暴涨|大涨|涨价|涨回|涨到|上涨|提价|要涨|会涨|就涨)")
_NO_RISE = re.compile(r"(?:不|没|别|不会|没有)[^,。;!?]{0,3}$")
_HEDGE = re.compile(r"可能|也许|或许|不一定|不知道|说不准|不好说|不确定")
# 就这一串了: the host says a single piece is left, which only a stock of one bears out
_SUPPLY = re.compile(r"就这一?批了|(?:就|只有|只剩)这一(?:串|件|个|只|条|块|瓶|盒|套|双|对|枚|根|台)了|最后一批|明年(?:也|都|就)?(?:没|没有)了|(?:再也|以后|今年)(?:都|也)?不(?:会)?(?:再)?补货|"
                     r"不会?再补货|彻底断货|停产了|绝版了?")
_RESTOCK = re.compile(r"下一批|下批|到货|还会补|会补货|补货(?:要|得)等")
_ONE_OFF = re.compile(r"限量|停产|绝版|孤品|二手|一物一|最后一批")
_PLENTY = re.compile(rf"(?:还有|库存|现货|有)\s*(?:足足)?(?P<q>好几百|大几百|几百|上百|一百多|好几千|几千|上千|成百上千)\s*(?:{_QTY_UNITS})")
_PLENTY_LOW = {"好几百": 200, "大几百": 500, "几百": 200, "上百": 100, "一百多": 100, "好几千": 2000, "几千": 2000,
               "上千": 1000, "成百上千": 100}
_MINOR = re.compile(r"(?:小孩子?|孩子|儿童|小朋友|初中生|小学生|中学生|高中生|青少年|未成年人?)(?:们)?(?:也|都)?"
                    r"(?:能|可以|可)(?:放心)?(?:吃|喝|服用|食用|用)")
_NOT_FOR_MINORS = re.compile(r"儿童|少年|未成年|婴幼儿|青少年")
_EN_REF = re.compile(r"\b(?:was|originally|usually|normally|regular(?:ly)?(?: price)?|list price|rrp|msrp)\s*(?:is|at|of)?\s*[:：]?\s*"
                     r"(?P<n>\d[\d,]*(?:\.\d+)?)(?!\s*(?:%|pcs|items?|left|min|minutes?|hours?|days?|off|x\b))")
_EN_NOW = re.compile(r"\bnow\b|\btoday\b|\bonly\b")


def revise(found: list[Pair], norm: NormalizedText, view: ProductView | None) -> list[Pair]:
    """``found`` with each price said 到手 re-read, plus the deal claims this module finds."""
    taken = [(c.start, c.end) for c, _ in found]
    out = [(_promoted(c, v, norm, view), v) for c, v in found]
    out += _english_reference(norm, view, taken)
    if view is not None:
        out += _arithmetic(norm, view) + _bogo(norm, view) + _bundle(norm, view, taken) + _still_on(norm, view)
        out += _rises(norm, view) + _supply(norm, view) + _plenty(norm, view) + _minors(norm, view)
        out += late(norm, view)  # a promotion said to run longer than it does (windows.py)
        out += composition_claims(norm, view)  # 纯羊毛, 零添加 against the listed composition (composition.py)
        out += capability_claims(norm, view)  # 完全防水, 质保五年, 充满五次 against the listing (capabilities.py)
    out = remeasure(out, norm, view)  # a tested figure held to its evidence record (readings.py)
    return retract(out, norm, view)  # denied, taken back, or only looking like a claim (readings.py)


def _money(value: Decimal) -> str:
    return f"{value.normalize():f}元"


def _close(said: Decimal, actual: Decimal) -> bool:
    return abs(said - actual) <= Decimal("0.01") or (said == said.to_integral() and abs(said - actual) < Decimal("0.5"))


def _cutting(view: ProductView) -> list[str]:
    """The promotions on now that change the price paid (立减, 满减, 到手价, N折, 半价), not gifts alone."""
    return [fid for fid, _, _, _ in view.active()
            if any(kind in _CUTTING for kind, _, _ in view.facts.promo_terms.get(fid, ()))]


def _promoted(claim: Claim, verdict: Verdict, norm: NormalizedText, view: ProductView | None) -> Claim:
    if view is None or claim.kind != "price" or claim.detail or verdict.verdict != "contradicted":
        return claim
    s_start, s_end = norm.sentence(claim.start)
    cutting = _cutting(view)
    deals = [fid for fid, text, _, _ in view.active() if fid in cutting and _MULTI_DEAL.search(text)]
    if "到手" in norm.text[max(0, claim.start - 4):claim.end] and deals and _MULTI_SAID.search(norm.text, s_start, s_end):
        return replace(claim, detail="promoted")  # 两罐到手只要400 while 满两罐减30 is on: the deal said is not the real one
    return claim


def _arithmetic(norm: NormalizedText, view: ProductView) -> list[Pair]:
    out: list[Pair] = []
    for m in _ARITH.finditer(norm.text):
        a, b, c = (Decimal(m.group(k)) for k in "abc")
        if b < a and not _close(c, a - b):
            out.append((Claim("price", m.start("c"), m.end("c"), "promoted", c),
                        Verdict("contradicted", (f"{view.sku}.price",), _money(a - b), f"；{a.normalize():f}减{b.normalize():f}是{_money(a - b)}")))
    return out


def _gets(verb: str, buy: Decimal, tail: str) -> Decimal | None:
    """How many come free: 送一罐 → 1, 送同款1.2L 1瓶 → 1 (a size is not a count), 拍2发3 → 1."""
    counted = _COUNT.search(tail)
    if counted is None:
        bare = re.match(rf"\s*(?:同款)?\s*(?P<n>{N})(?!\s*(?:g|kg|ml|l|克|毫升|升|[.\d]))", tail)
        number = parse_number(bare.group("n")) if bare else None
    else:
        number = parse_number(counted.group("n"))
    if number is None:
        return None
    return number - buy if verb == "发" else number


def _offers(text: str) -> list[tuple[re.Match[str], Decimal, Decimal]]:
    out = []
    for m in _BOGO.finditer(text):
        buy = parse_number(m.group("a"))
        gets = _gets(m.group("v"), buy, m.group("g")) if buy is not None else None
        if buy is not None and gets is not None and gets > 0:
            out.append((m, buy, gets))
    return out


def _sizes(text: str) -> set[str]:
    return {f"{Decimal(n).normalize():f}{_SIZE_UNIT.get(u, u)}" for n, u in _SIZE.findall(text)}


def _bogo(norm: NormalizedText, view: ProductView) -> list[Pair]:
    listed = [(fid, text, buy, gets) for fid, text, _, _ in view.active() for _, buy, gets in _offers(text)]
    if not listed:
        return []
    out: list[Pair] = []
    for m, buy, gets in _offers(norm.text):
        same = [(fid, text) for fid, text, b, g in listed if (b, g) == (buy, gets)]
        note = ""
        if not same:
            note = "商品页是" + "；".join(f"买{b.normalize():f}送{g.normalize():f}" for _, _, b, g in listed)
        else:
            said, gift = _sizes(m.group("g")), m.group("g")
            if said and all(_sizes(text) and not said & _sizes(text) for _, text in same):
                note = "赠品规格与商品页不符"
            elif ("同款" in gift or "正装" in gift) and all(_TRIAL.search(text) and "同款" not in text for _, text in same):
                note = "商品页的赠品不是同款正装"
        if note:
            facts = tuple(fid for fid, _, _, _ in listed)
            out.append((Claim("promotion", m.start(), m.end(), "bogo", buy),
                        Verdict("contradicted", facts, "；".join(t for _, t, _, _ in listed), note)))
    return out


def _bundle(norm: NormalizedText, view: ProductView, taken: list[tuple[int, int]]) -> list[Pair]:
    offers = [(buy, gets) for _, text, _, _ in view.active() for _, buy, gets in _offers(text)]
    if not offers:
        return []
    prices = [view.product.price] + [v.price for v in view.product.variants if v.price is not None]
    out: list[Pair] = []
    for m in _BUNDLE.finditer(norm.text):
        count, said = parse_number(m.group("n")), Decimal(m.group("p"))
        if count is None or not 2 <= count <= 20 or count != int(count):
            continue
        if any(a < m.end("p") and m.start("p") < b for a, b in taken if (a, b) != (m.start("p"), m.end("p"))) \
                and not any(a <= m.start("p") and m.end("p") <= b for a, b in taken):
            continue
        paid = [count - (count // (b + g)) * g for b, g in offers] + [count]
        if any(_close(said, n * p) for n in paid for p in prices):
            continue
        out.append((Claim("price", m.start("p"), m.end("p"), "promoted", said, qty=int(count)),
                    Verdict("contradicted", (f"{view.sku}.price",), f"{int(count)}件按活动应为{_money(min(paid) * view.product.price)}",
                            "；件数与买赠活动算不出这个价")))
    return out


def _still_on(norm: NormalizedText, view: ProductView) -> list[Pair]:
    out: list[Pair] = []
    active = view.active()
    everything = view.promotions_all()
    for m in _STILL.finditer(norm.text):
        word = m.group("w")
        tests = [listing for said, listing in _STILL_OF if said.search(word)]
        if not tests:
            continue
        fits = [w for w in everything if all(t.search(w[1]) for t in tests)]
        if not fits or any(w in active for w in fits):
            continue
        expected = "；".join(f"{t[:20]}（{s:%H:%M}–{e:%H:%M}）" if s and e else t[:20] for _, t, s, e in fits)
        out.append((Claim("promotion", m.start(), m.end(), "on"),
                    Verdict("contradicted", tuple(w[0] for w in fits), expected, "活动不在进行中")))
    return out


def _rises(norm: NormalizedText, view: ProductView) -> list[Pair]:
    out: list[Pair] = []
    for m in _RISE.finditer(norm.text):
        s_start, s_end = norm.sentence(m.start())
        if _NO_RISE.search(norm.text, s_start, m.end() - 2) or _HEDGE.search(norm.text, s_start, s_end):
            continue
        if _cutting(view):
            continue  # the price goes back up when the cut on now ends: its time is the window check's
        out.append((Claim("window", m.start(), m.end(), "rise"),
                    Verdict("contradicted", (), "不预告涨价，按现价介绍", "商品没有进行中的降价活动，涨价说法没有依据")))
    return out


def _supply(norm: NormalizedText, view: ProductView) -> list[Pair]:
    out: list[Pair] = []
    listed = " ".join(t for _, t in view.corpus)
    one_off = view.product.stock <= 1 or bool(_ONE_OFF.search(listed)) or "二手" in normalize_term(view.product.category)
    for m in _SUPPLY.finditer(norm.text):
        s_start, s_end = norm.sentence(m.start())
        if one_off or _RESTOCK.search(norm.text, s_start, s_end):
            continue
        out.append((Claim("stock", m.start(), m.end(), "last"),
                    Verdict("contradicted", (f"{view.sku}.stock",), f"实际库存{view.product.stock}件",
                            "商品信息没有限量、停产或不再补货的记录")))
    return out


def _plenty(norm: NormalizedText, view: ProductView) -> list[Pair]:
    out: list[Pair] = []
    for m in _PLENTY.finditer(norm.text):
        named, _ = view.variants_named(norm, m.start(), m.end())
        if any(v.sku != view.sku for v in named):
            continue  # a variant's own count is the stock check's
        total = view.product.stock
        if total * 2 < _PLENTY_LOW[m.group("q")]:  # well below the figure said, not a loose 好几百 for 140
            out.append((Claim("stock", m.start(), m.end(), "plenty", Decimal(_PLENTY_LOW[m.group("q")])),
                        Verdict("contradicted", (f"{view.sku}.stock",), f"实际库存{total}件", "所说库存多于实际库存")))
    return out


def _minors(norm: NormalizedText, view: ProductView) -> list[Pair]:
    p = view.product
    barred = [(f"{view.sku}.attr:{k}", v) for k, v in p.attributes.items()
              if "不适宜" in k and _NOT_FOR_MINORS.search(v)]
    if not barred:
        return []
    return [(Claim("attribute", m.start(), m.end(), "minors", subject="不适宜人群"),
             Verdict("contradicted", tuple(fid for fid, _ in barred), "；".join(v for _, v in barred), "该商品不适宜未成年人"))
            for m in _MINOR.finditer(norm.text)]


def _english_reference(norm: NormalizedText, view: ProductView | None, taken: list[tuple[int, int]]) -> list[Pair]:
    out: list[Pair] = []
    for m in _EN_REF.finditer(norm.text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        _, s_end = norm.sentence(m.start())
        value = parse_number(m.group("n").replace(",", ""))
        if value is None or not _EN_NOW.search(norm.text, m.end(), s_end):
            continue
        claim = Claim("reference_price", m.start(), m.end(), value=value, lang="en")
        out.append((claim, verify(claim, norm, view)))
    return out
