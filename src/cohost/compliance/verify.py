"""Checking claims against one product's facts: price, stock, promotion windows, evidence, attributes.

Verdicts: ``supported`` (a fact says so, cited), ``contradicted`` (a fact says otherwise; the correct
value is given), ``unsupported`` (no fact covers it), ``needs_evidence`` (a ranking, award, test, sales,
audience or origin claim with no matching, unexpired Evidence record or platform figure).

Constraints:

- Prices compare exactly, allowing only customary rounding to the yuan (PRICE-21); a spoken price may
  be a variant's price, a multiple for "N件", or the price after an active promotion (立减, N折,
  满A减B, 第二件半价). A line that names a variant (1.8米的, 50ml的, 番茄红) is held to that variant's
  price and stock; one that names the titled size (50g) to the product's; "其他尺码" to the rest.
- Fact ids, the product's facts and the verdict type: :mod:`cohost.compliance.facts`; attributes,
  specifications and origin: :mod:`cohost.compliance.attributes`; evidence matching:
  :mod:`cohost.compliance.evidence`.
- Time limits are read in China time; "今天截止" needs an active promotion ending today, "还有10分钟"
  one ending within 10 (+1) minutes, "8点结束" one ending at 8 or 20 o'clock, "马上结束" within the hour.
- "低库存" (不多了, 库存告急 …) is true only at or below ``LOW_STOCK`` units.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cohost.compliance.attributes import _attribute, _numeric, _origin, _spec
from cohost.compliance.claims import Claim
from cohost.compliance.evidence import _bigrams, _numbers
from cohost.compliance.facts import ProductFacts, ProductView, Verdict, _Variant
from cohost.compliance.numbers import parse_number
from cohost.compliance.patterns import _QTY_UNITS, N
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.compliance.units import canon
from cohost.domain.catalog import CHINA_TZ

__all__ = ["LOW_STOCK", "SOON", "ProductFacts", "ProductView", "Verdict", "verify"]

LOW_STOCK = 20
SOON = timedelta(minutes=60)
_GRACE = timedelta(minutes=1)


def _money(value: Decimal) -> str:
    return f"{value.normalize():f}元" if value == value.to_integral() else f"{value:.2f}元".replace(".00", "")


def _close(said: Decimal, actual: Decimal) -> bool:
    if abs(said - actual) <= Decimal("0.01"):
        return True
    return said == said.to_integral() and said == actual.quantize(Decimal(1), ROUND_HALF_UP) and abs(said - actual) < 1


def _describe(windows: list[tuple[str, str, datetime | None, datetime | None]]) -> str:
    parts = []
    for _, text, start, end in windows:
        when = f"{start:%m-%d %H:%M}" if start else "…"
        when += f"–{end.astimezone(CHINA_TZ):%m-%d %H:%M}" if end else "–…"
        parts.append(f"{text[:20]}（{when}）")
    return "；".join(parts)


def verify(claim: Claim, norm: NormalizedText, view: ProductView | None,
           stats: Mapping[str, float] | None = None) -> Verdict:
    """The verdict on one claim; ``stats`` are the platform's live figures (``online``, ``orders``)."""
    if claim.kind == "audience":
        return _audience(claim, stats or {})
    if view is None:
        if claim.kind in ("ranking", "award", "test", "sales", "audience"):
            return Verdict("needs_evidence", note="没有可核对的证明材料")
        return Verdict("unsupported", note="未提供商品信息，无法核对")
    return _KINDS[claim.kind](claim, norm, view)


def _price(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    p = view.product
    said = claim.value or Decimal(0)
    named, _ = view.variants_named(norm, claim.start, claim.end)
    priced = [v for v in named if v.price is not None]
    if priced:  # "1.8米的只要259": the price of the variant it names, not any variant's
        options: list[tuple[Decimal, str]] = [(v.price, _price_fid(view, v)) for v in priced if v.price is not None]
        if len(priced) < len(named):
            options.append((p.price, f"{view.sku}.price"))
    else:
        options = [(p.price, f"{view.sku}.price")]
        if not named:
            options += [(v.price, f"{view.sku}.variant:{v.sku}.price") for v in p.variants if v.price is not None]
    active = view.active()
    for base, fid in list(options):
        for fid_p, _, _, _ in active:
            for kind, a, b in view.facts.promo_terms.get(fid_p, ()):
                both = f"{fid},{fid_p}"
                if kind == "minus":  # 立减a (on b items: "拍2件立减30元" is off the total of 2)
                    options.append(((base * b - a) / (claim.qty if b > 1 else 1), both))
                elif kind == "threshold" and base * claim.qty >= a:  # 满a减b
                    options.append(((base * claim.qty - b) / claim.qty, both))
                elif kind == "fixed":  # 到手价a元
                    options.append((a, fid_p))
                elif kind == "discount":  # a折
                    options.append((base * a / 10, both))
                elif kind == "half":  # 第二件半价: the pair's average
                    options.append((base * Decimal("0.75"), both))
    for base, fid in options:
        for qty in {1, claim.qty}:
            if _close(said, base * qty):
                return Verdict("supported", tuple(fid.split(",")))
    if priced:
        expected = "；".join(f"{v.name} {_money(v.price)}" for v in priced if v.price is not None)
        facts: tuple[str, ...] = tuple(_price_fid(view, v) for v in priced)
    else:
        expected = "；".join([f"{_money(p.price)}"] + [f"{v.name} {_money(v.price)}" for v in p.variants if v.price])
        facts = (f"{view.sku}.price",)
    s_start, s_end = norm.sentence(claim.start)
    if _PAST.search(norm.text, s_start, s_end):  # "20点到20点半的秒杀价是59.9，现在恢复到69.9了": a past promotion's price
        for fid_p, _, _, _ in (w for w in view.promotions_all() if w not in active):
            if any(kind == "fixed" and _close(said, a) for kind, a, _ in view.facts.promo_terms.get(fid_p, ())):
                return Verdict("supported", (fid_p,))
    for fid_p, _, begins, _ in (w for w in view.promotions_all() if w not in active):
        # 今晚九点有十分钟秒杀118 / 21:00-21:10 秒杀118元: a coming promotion's price, announced with its time
        if _announced(norm, claim.start, begins, view.now) and any(  # 九点以后立减20到手149: the cut price, announced
                _close(said, a if kind == "fixed" else p.price - a) for kind, a, b in view.facts.promo_terms.get(fid_p, ())
                if kind == "fixed" or (kind == "minus" and b == 1)):
            return Verdict("supported", (fid_p,))
    note = "；说的是原价（划线价），不是现价" if p.list_price is not None and _close(said, p.list_price) else ""
    return Verdict("contradicted", facts, expected, note)


# a coming promotion announced (预告, 还没开始, 到时候, 定个闹钟) or named by its start (九点整, 21:00): not on sale now;
# 现在就能拍 / 马上去抢 says it is, and stays a claim about now
_PREVIEW = re.compile(r"预告|还没开始|没开始|未开始|待会|等会|稍后|到时候|届时|闹钟|敬请期待|提前(?:跟|和)?大家说")
_BUY_NOW = re.compile(r"现在就|现在(?:拍|下单|抢|买|可以拍|能拍)(?!是|还是|就是|没有|不|按|的话|也|单[件个饼瓶盒只支]|\d)|马上(?:拍|下单|去抢|抢|去拍)|立刻|立即|赶紧")
_CLOCK = re.compile(r"(?P<h>[01]?\d|2[0-3])(?::[0-5]\d|点)|(?P<c>[一二两三四五六七八九十]{1,3})点")


def _announced(norm: NormalizedText, pos: int, begins: datetime | None, now: datetime) -> bool:
    """Is the promotion starting at ``begins`` (after ``now``) announced in the sentence at ``pos``?"""
    if begins is None or begins <= now:
        return False
    s_start, s_end = norm.sentence(pos)
    said = norm.text[s_start:s_end]
    if _BUY_NOW.search(said):
        return False
    if _PREVIEW.search(said):
        return True
    hour = begins.astimezone(CHINA_TZ).hour % 12
    for m in _CLOCK.finditer(said):
        value = parse_number(m.group("h") or m.group("c"))
        if value is not None and int(value) % 12 == hour:
            return True
    return False


_PAST = re.compile(r"已经结束|已结束|结束了|刚才|刚刚|之前|恢复到|恢复了|已经恢复|过了")

def _price_fid(view: ProductView, variant: _Variant) -> str:
    return f"{view.sku}.price" if variant.sku == view.sku else f"{view.sku}.variant:{variant.sku}.price"


def _reference(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    lp = view.product.list_price
    if claim.value is not None:
        named, _ = view.variants_named(norm, claim.start, claim.end)
        sold = next((v for v in named if v.sku != view.sku and v.price is not None and _close(claim.value, v.price)), None)
        if sold is not None:  # 单盒平时卖21.9: a named variant's own current price, not a reference for this offer
            return Verdict("supported", (_price_fid(view, sold),))
    if lp is None:
        return Verdict("contradicted", (), "不说原价，只说直播间价格", "该商品没有原价（划线价）记录")
    if claim.value is not None and _close(claim.value, lp):
        return Verdict("supported", (f"{view.sku}.list_price",))
    return Verdict("contradicted", (f"{view.sku}.list_price",), _money(lp), "原价与商品记录不一致")


_GIFT_PREDICATE = re.compile(r"(?:今晚|今天|现在|都|也|还|是|在|每|就|只|单卖|单买|单独|店里|能|可以|有)(?:.*)$")
# the gift named in the offer's own text (下单送不锈钢开果器1个 → 不锈钢开果器1个)
_GIFT_NAMED = re.compile(r"(?:送|赠)(?P<g>[^,。!?;()（）]{2,})")


_UNTIL = re.compile(r"(?:到|至)(?:今晚|今天|晚上|明天|本周)?[\d零一二两三四五六七八九十]{1,3}(?:点|号|日|:).*$")


def _promotion(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    p = view.product
    said = norm.text[claim.start:claim.end]
    active = view.active()
    everything = [(fid, text, pr.starts_at, pr.ends_at) for fid, pr, text in view.promotions]

    def matches(text: str) -> bool:
        if claim.detail == "amount":
            if claim.value is None:
                return False
            amounts = _numbers(text)
            # 269的炸锅，领到50的券就是219到手: the price after one of the listing's own reductions
            return claim.value in amounts or any(0 < n < p.price and _close(p.price - n, claim.value) for n in amounts)
        if claim.detail == "discount":
            return ("半价" in text and claim.value == 5) or (claim.value is not None and f"{claim.value.normalize():f}折" in text)
        if claim.detail == "first_n":
            return f"前{claim.value.normalize():f}" in text if claim.value is not None else False
        if claim.detail == "bogo":
            wanted = {claim.value, parse_number(claim.subject or "")}
            return ("送" in text or "赠" in text) and wanted <= _numbers(text) | {None}
        # units in one spelling on both sides (两支5毫升小样 and 5ml小样2支 name the same gift)
        # a pack's name keeps its count (30片装 is the gift, 一瓶 only counts it)
        core = re.sub(r"[一二两三四五六七八九十\d]+(?:支|个|件|份|瓶|盒|片|条|袋|套|包|只|枚|双)(?![.装]|\d*装)|同款|一份|一个|给你们|给大家|大家|^的?就是",
                      "",
                      canon(claim.subject or ""))
        core = re.sub(r"的?(?:活动|福利|优惠)(?:.*)$", "", core)  # 送硅胶垫的活动到11点: the gift is 硅胶垫
        # 送的品鉴杯今晚都有, 送的7袋装在店里单卖是19块9: 送的 names the gift, and what follows it is said about it
        core = core.removeprefix("的")
        core = _UNTIL.sub("", core)  # 送耳机到十点: the gift is 耳机, the time is its window
        said_of = _GIFT_PREDICATE.search(core, 2)
        core = core[:said_of.start()] if said_of else core
        grams = _bigrams(core)
        if not grams:  # 赠的开果器…，今晚下单就送一个: the gift is counted only, and named earlier in the sentence
            named = _GIFT_NAMED.search(canon(text))
            s_start, _ = norm.sentence(claim.start)
            gift = {g for g in _bigrams(named.group("g")) if not any(c.isdigit() for c in g)} if named else set()
            return bool(gift) and len(gift & _bigrams(canon(norm.text[s_start:claim.start]))) >= 2
        return ("送" in text or "赠" in text) and len(grams & _bigrams(canon(text))) / len(grams) >= 0.34

    if claim.unit == "bare" and not everything:
        # 满300减30 said of goods whose listing records no promotion at all: nothing to check it against (S3f checks
        # a bare reduction only against a listing that has promotions, where a missing one is telling)
        return Verdict("supported", ())
    hit = next((fid for fid, text, _, _ in active if matches(text)), None)
    if hit:
        return Verdict("supported", (hit,))
    if claim.detail == "amount" and p.list_price is not None and claim.value is not None \
            and _close(claim.value, p.list_price - p.price) and re.search(r"省|便宜|降|差", said + norm.text[max(0, claim.start - 4):claim.start]):
        return Verdict("supported", (f"{view.sku}.list_price", f"{view.sku}.price"))
    if claim.detail == "discount" and p.list_price and claim.value is not None \
            and abs(p.price / p.list_price * 10 - claim.value) <= Decimal("0.5"):
        return Verdict("supported", (f"{view.sku}.list_price", f"{view.sku}.price"))
    idle = [w for w in everything if matches(w[1])]
    if idle and all(w[3] is not None and w[3] <= view.now for w in idle) and _said_over(norm, claim.start):
        return Verdict("supported", tuple(w[0] for w in idle))  # 第二件半价的活动八点就结束了: it is over, and said so
    if idle and all(_announced(norm, claim.start, w[2], view.now) for w in idle):
        return Verdict("supported", tuple(w[0] for w in idle))  # 立减20九点才开始: a coming promotion, said as coming
    if idle:
        return Verdict("contradicted", tuple(w[0] for w in idle), _describe(idle), "活动不在进行中")
    return Verdict("unsupported", (), _describe(active) or None, "商品页没有这项活动")


# a promotion said to be over (活动已经结束了, 八点就结束了哈, 半价已经没有了): true once its window has closed
_OVER = re.compile(r"(?:已经|已)(?:结束|截止|过了|没有了|没了)|(?:结束|截止)了|(?:活动|优惠|半价)[^,。!?;]{0,4}?(?:过了|没有了|没了)")


def _said_over(norm: NormalizedText, pos: int) -> bool:
    start, end = norm.sentence(pos)
    return _OVER.search(norm.text, start, end) is not None


def _gift_value(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    for fid, text, _, _ in view.active():
        if claim.value is not None and re.search(rf"价值{claim.value.normalize():f}", text):
            return Verdict("supported", (fid,))
    return Verdict("needs_evidence", note="赠品价值须为其在本店的现售价")


def _stock_of(claim: Claim, norm: NormalizedText, view: ProductView) -> tuple[list[int], str, bool]:
    """The stock figures the claim is about (one per named variant), the fact ids to cite, and whether
    it is about "the others" (其他尺码有货: true when any of them has stock)."""
    named, others = view.variants_named(norm, claim.start, claim.end)
    counted = [v for v in named if v.stock is not None]
    if counted:
        return [v.stock or 0 for v in counted], ",".join(
            f"{view.sku}.stock" if v.sku == view.sku else f"{view.sku}.variant:{v.sku}.stock" for v in counted), others
    return [view.product.stock], f"{view.sku}.stock", False


# the whole stock said as a figure (一共40箱, 库存就8床, 这批就40箱): scarcity words beside it rest on that figure
_TOTAL_SAID = re.compile(rf"(?:一共|总共|共|库存|现货|这批|这一批)(?:就|只有|仅|只|才|也就|只剩|就剩|还剩|剩)?(?:有)?\s*(?P<n>{N})\s*(?:{_QTY_UNITS})")
# a sell-out said as the consequence of selling what is there, or as a maybe (拍完这8床就没货了, 可能就卖完了): not gone now
_WHEN_SOLD = re.compile(r"(?:拍完|卖完|抢完|售完|卖光|抢光|可能|也许|说不定)[^,。!?;]{0,8}?$")


def _total_said(norm: NormalizedText, total: int) -> bool:
    return total > 0 and any(parse_number(m.group("n")) == total for m in _TOTAL_SAID.finditer(norm.text))


_CAP = re.compile(rf"限量\s*({N})")


def _stock(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    figures, fid, others = _stock_of(claim, norm, view)
    total = sum(figures)
    facts = tuple(fid.split(","))
    expected = f"实际库存{total}件"
    if claim.detail in ("low", "out") and _total_said(norm, total):
        c_start, _ = norm.clause(claim.start)
        if claim.detail == "low" or _WHEN_SOLD.search(norm.text, c_start, claim.start):
            return Verdict("supported", facts)  # 一共40箱，限量是因为…; 库存就8床，拍完这8床就没货了
    if claim.detail == "count" and claim.value is not None and "限量" in norm.text[claim.start:claim.end]:
        capped = [w[0] for w in view.promotions_all() if claim.value in {parse_number(m.group(1))
                                                                          for m in _CAP.finditer(canon(w[1]))}]
        if capped:  # 秒杀限量200件: the promotion's own cap, not the goods' remaining stock
            return Verdict("supported", tuple(capped))
    if claim.detail == "count":
        if claim.value is not None and 0 < total <= claim.value and (claim.unit != "exact" or total == claim.value):
            return Verdict("supported", facts)
        note = "已售罄" if total == 0 else "库存远多于所说数量，属于虚构稀缺" if claim.value is None or total > claim.value \
            else "所说数量多于实际库存"
        return Verdict("contradicted", facts, expected, note)
    if claim.detail == "low":
        if 0 < total <= LOW_STOCK:
            return Verdict("supported", facts)
        return Verdict("contradicted", facts, expected, "库存充足，不能说所剩无几")
    if claim.detail == "out":
        return Verdict("supported", facts) if total == 0 else Verdict("contradicted", facts, expected, "并未售罄")
    ok = any(f > 0 for f in figures) if others else all(f > 0 for f in figures)
    return Verdict("supported", facts) if ok else Verdict("contradicted", facts, expected, "已售罄")


def _fits(claim: Claim, end: datetime, now: datetime) -> bool:
    """Does a promotion ending at ``end`` make this time-limit claim true at ``now``?"""
    left = end - now
    if claim.detail == "generic":
        return True
    if claim.detail == "today":  # 今晚十二点 / 今天截止: a window ending at midnight ends "today"
        return end.date() == now.date() or ((end - timedelta(minutes=1)).date() == now.date() and end.hour == end.minute == 0)
    if claim.detail == "soon":
        return left <= SOON
    if claim.detail == "minutes" and claim.value is not None:
        minutes = float(claim.value) * {"hour": 60.0, "second": 1 / 60}.get(claim.unit or "", 1.0)
        return left <= timedelta(minutes=minutes) + _GRACE
    if claim.detail == "hour" and claim.value is not None:
        hours = {int(claim.value) % 24, (int(claim.value) + 12) % 24}
        return end.hour in hours or (end.minute >= 59 and (end.hour + 1) % 24 in hours)
    return False


def _window(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    now = view.now
    timed = [w for w in view.active() if w[3] is not None]
    ok = [w for w in timed if _fits(claim, w[3].astimezone(CHINA_TZ), now)]  # type: ignore[union-attr]
    if ok:
        return Verdict("supported", tuple(w[0] for w in ok))
    windows = timed or [(fid, text, pr.starts_at, pr.ends_at) for fid, pr, text in view.promotions if pr.ends_at]
    over = [w for fid, pr, text in view.promotions if pr.ends_at and pr.ends_at <= now
            for w in [(fid, text, pr.starts_at, pr.ends_at)] if _fits(claim, pr.ends_at.astimezone(CHINA_TZ), pr.ends_at)]
    coming = [w for w in view.promotions_all() if _announced(norm, claim.start, w[2], now)]
    if coming and (claim.detail in ("generic", "minutes")  # 九点开始，十一点结束: the coming window's own end
                   or any(w[3] and _fits(claim, w[3].astimezone(CHINA_TZ), w[3]) for w in coming)):
        return Verdict("supported", tuple(w[0] for w in coming))  # 21:00-21:10 限时秒杀: a coming window, announced
    if over and claim.detail == "hour" and _said_over(norm, claim.start):
        return Verdict("supported", tuple(w[0] for w in over))  # 活动八点就结束了: a past window, said as past
    if windows:
        return Verdict("contradicted", tuple(w[0] for w in windows), _describe(windows),
                       "与真实活动时间不符")
    return Verdict("contradicted", (), "不说限时，按常规价格介绍", "商品没有限时活动")


_MARKS = re.compile(r"ccc|3c|cqc|cma|cnas|sgs|ce|fcc|rohs|iso\s?\d*|gb\s?/?t?\s?\d+")
_CERT_FIELDS = ("认证", "标准", "资质", "检测", "检验", "证书")


def _listed_mark(said: str, view: ProductView) -> str | None:
    marks = {m.group(0).replace(" ", "").replace("3c", "ccc") for m in _MARKS.finditer(said)}
    if not marks:
        return None
    for raw, value in view.product.attributes.items():
        if any(k in raw for k in _CERT_FIELDS):
            listed = normalize_term(raw + value).replace(" ", "").replace("3c", "ccc")  # CCC证书编号: 2026…
            if marks <= {m for m in marks if m in listed}:
                return f"{view.sku}.attr:{raw}"
    return None


def _evidence(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    c_start, _ = norm.clause(claim.start)
    core = norm.text[max(c_start, claim.end - 26):claim.end]
    found = view.evidence_for(core) or view.evidence_cited(norm.text[slice(*norm.sentence(claim.start))])
    if found is None and claim.kind == "test":
        listed = _listed_mark(norm.text[claim.start:claim.end], view)
        if listed:  # 有CCC认证 on goods whose attributes list it (认证: CCC认证): the listing's own fact
            return Verdict("supported", (listed,))
    if found is None:
        return Verdict("needs_evidence", note="没有对应的证明材料")
    fid, expired = found
    if expired:
        return Verdict("needs_evidence", (fid,), None, "证明材料已过期")
    return Verdict("supported", (fid,))


def _audience(claim: Claim, stats: Mapping[str, float]) -> Verdict:
    key = claim.detail if claim.detail in ("online", "likes") else "orders"
    figure = stats.get(key) if key != "orders" else stats.get("orders", stats.get("sold"))
    if figure is None or claim.value is None:
        return Verdict("needs_evidence", note="只能引用平台实时数据")
    if claim.value <= Decimal(str(figure)) * Decimal("1.05"):
        return Verdict("supported", (f"stats.{key}",))
    return Verdict("contradicted", (f"stats.{key}",), f"{figure:g}", "与平台实时数据不符")



_KINDS = {"price": _price, "reference_price": _reference, "promotion": _promotion, "gift_value": _gift_value,
          "stock": _stock, "window": _window, "ranking": _evidence, "award": _evidence, "test": _evidence,
          "sales": _evidence, "origin": _origin, "attribute": _attribute, "numeric": _numeric,
          "spec": _spec}
