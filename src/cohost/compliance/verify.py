"""Checking claims against one product's facts: price, stock, promotion windows, evidence, attributes.

Verdicts: ``supported`` (a fact says so, cited), ``contradicted`` (a fact says otherwise; the correct
value is given), ``unsupported`` (no fact covers it), ``needs_evidence`` (a ranking, award, test, sales,
audience or origin claim with no matching, unexpired Evidence record or platform figure).

Constraints:

- Fact ids are exactly those of :func:`cohost.domain.facts_for_product` (``MZ-001.price``,
  ``MZ-001.variant:MZ-001-50.stock``, ``MZ-001.promotion:1``, ``MZ-001.evidence:1``, ``MZ-001.attr:产地``).
- Prices compare exactly, allowing only customary rounding to the yuan (PRICE-21); a spoken price may
  be a variant's price, a multiple for "N件", or the price after an active promotion (立减, N折,
  满A减B, 第二件半价).
- Time limits are read in China time; "今天截止" needs an active promotion ending today, "还有10分钟"
  one ending within 10 (+1) minutes, "8点结束" one ending at 8 or 20 o'clock, "马上结束" within the hour.
- "低库存" (不多了, 库存告急 …) is true only at or below ``LOW_STOCK`` units.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cohost.compliance.claims import Claim, place_in
from cohost.compliance.numbers import parse_number
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ

LOW_STOCK = 20
SOON = timedelta(minutes=60)
_GRACE = timedelta(minutes=1)
_NUM_IN = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_FILLERS = re.compile(r"这款|这个|我们|咱们|家人们|宝宝们|姐妹们|是|的|了|哦|啊|呢|吧|曾经|也|就|还|获得|荣获|拿过|获过|成为|过|被|评为")
_KEY_TERMS = ("金奖", "银奖", "铜奖", "冠军", "榜首", "一等奖", "特等奖", "优秀奖", "入围", "推荐奖", "第一", "top1", "no.1")
_ORDINAL = re.compile(r"第([一二两三四五六七八九十]+)")
_UNIT_AFTER = re.compile(r"[a-z元块%件瓶盒片袋支]")


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    facts: tuple[str, ...] = ()
    expected: str | None = None
    note: str = ""


def _money(value: Decimal) -> str:
    return f"{value.normalize():f}元" if value == value.to_integral() else f"{value:.2f}元".replace(".00", "")


def _close(said: Decimal, actual: Decimal) -> bool:
    if abs(said - actual) <= Decimal("0.01"):
        return True
    return said == said.to_integral() and said == actual.quantize(Decimal(1), ROUND_HALF_UP) and abs(said - actual) < 1


def _numbers(text: str) -> set[Decimal]:
    out = {Decimal(m.group(0)) for m in _NUM_IN.finditer(text)}
    for m in _ORDINAL.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            out.add(value)
    return out


def _claim_numbers(text: str) -> set[Decimal]:
    """Numbers that identify a ranking/award claim (years, ranks), not prices or specifications."""
    out: set[Decimal] = set()
    for m in _NUM_IN.finditer(text):
        after = text[m.end():m.end() + 1]
        if not (after and _UNIT_AFTER.match(after)) and text[max(0, m.start() - 1):m.start()] not in ("¥", "$"):
            out.add(Decimal(m.group(0)))
    for m in _ORDINAL.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            out.add(value)
    for alias in ("top1", "no.1", "冠军", "榜首"):
        if alias in text:
            out.add(Decimal(1))
    return out


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


class ProductView:
    """One product prepared for verification: normalised fact texts and fact ids, built once per check."""

    def __init__(self, product: Product, now: datetime) -> None:
        self.product, self.now = product, now.astimezone(CHINA_TZ)
        sku = product.sku
        self.sku = sku
        corpus: list[tuple[str, str]] = [(f"{sku}.title", product.title)]
        corpus += [(f"{sku}.attr:{k}", f"{k}{v}") for k, v in product.attributes.items()]
        corpus += [(f"{sku}.variant:{v.sku}.name", v.name) for v in product.variants]
        corpus += [(f"{sku}.selling_point:{i}", p) for i, p in enumerate(product.selling_points, 1)]
        corpus += [(f"{sku}.usage", product.usage or ""), (f"{sku}.cautions", product.cautions or "")]
        corpus += [(f"{sku}.faq:{i}", f.a) for i, f in enumerate(product.faq, 1)]
        corpus += [(f"{sku}.promotion:{i}", p.description) for i, p in enumerate(product.promotions, 1)]
        corpus += [(f"{sku}.evidence:{i}", e.claim) for i, e in enumerate(product.evidence, 1)]
        self.corpus = [(fid, normalize_term(text)) for fid, text in corpus if text]
        self.promotions = [(f"{sku}.promotion:{i}", p, normalize_term(p.description))
                           for i, p in enumerate(product.promotions, 1)]
        self.evidence = [(f"{sku}.evidence:{i}", e, normalize_term(e.claim)) for i, e in enumerate(product.evidence, 1)]
        self.attributes = {normalize_term(k): (k, normalize_term(v)) for k, v in product.attributes.items()}

    def active(self) -> list[tuple[str, str, datetime | None, datetime | None]]:
        return [(fid, text, p.starts_at, p.ends_at) for fid, p, text in self.promotions if p.active_at(self.now)]

    # evidence ---------------------------------------------------------------------------------------
    def evidence_for(self, core: str) -> tuple[str, bool] | None:
        """(fact id, expired) of the evidence record that states ``core``, or ``None``."""
        said = _FILLERS.sub("", core)
        numbers = _claim_numbers(said)
        grams = _bigrams(said)
        best: tuple[float, str, bool] | None = None
        for fid, ev, text in self.evidence:
            if not numbers <= _numbers(text) | _claim_numbers(text):
                continue
            if any(term in said and term not in text for term in _KEY_TERMS if term not in ("第一",)):
                continue
            score = len(grams & _bigrams(text)) / len(grams) if grams else 0.0
            if score >= 0.45 and (best is None or score > best[0]):
                expired = ev.expires_at is not None and ev.expires_at < self.now
                best = (score, fid, expired)
        return None if best is None else (best[1], best[2])


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
    options: list[tuple[Decimal, str]] = [(p.price, f"{view.sku}.price")]
    options += [(v.price, f"{view.sku}.variant:{v.sku}.price") for v in p.variants if v.price is not None]
    for base, fid in list(options):
        for fid_p, text, _, _ in view.active():
            for amount in _numbers(text):
                if re.search(rf"(?:立减|直降|减|优惠|省){amount}", text):
                    need = re.search(rf"(?:拍|买|购买|任意)?(\d+)(?:件|个|盒|瓶|份)[^,。]{{0,6}}(?:立减|直降|减|优惠|省){amount}", text)
                    if need:  # "拍2件立减30元": the reduction is on the total of that many
                        qty = int(need.group(1))
                        options.append(((base * qty - amount) / claim.qty, f"{fid},{fid_p}"))
                    else:
                        options.append((base - amount, f"{fid},{fid_p}"))
                if re.search(rf"满{amount}减", text):
                    for cut in _numbers(text.split(f"满{amount}减", 1)[1][:6]):
                        if base * claim.qty >= amount:
                            options.append(((base * claim.qty - cut) / claim.qty, f"{fid},{fid_p}"))
            for m in re.finditer(r"(?<![减省券满\d.])(\d+(?:\.\d+)?)元", text):
                options.append((Decimal(m.group(1)), fid_p))
            for m in re.finditer(r"(\d+(?:\.\d+)?)折", text):
                options.append((base * Decimal(m.group(1)) / 10, f"{fid},{fid_p}"))
            if "半价" in text:
                options.append((base * Decimal("0.75"), f"{fid},{fid_p}"))
    for base, fid in options:
        for qty in {1, claim.qty}:
            if _close(said, base * qty):
                return Verdict("supported", tuple(fid.split(",")))
    expected = "；".join([f"{_money(p.price)}"] + [f"{v.name} {_money(v.price)}" for v in p.variants if v.price])
    note = "；说的是原价（划线价），不是现价" if p.list_price is not None and _close(said, p.list_price) else ""
    return Verdict("contradicted", (f"{view.sku}.price",), expected, note)


def _reference(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    lp = view.product.list_price
    if lp is None:
        return Verdict("contradicted", (), "不说原价，只说直播间价格", "该商品没有原价（划线价）记录")
    if claim.value is not None and _close(claim.value, lp):
        return Verdict("supported", (f"{view.sku}.list_price",))
    return Verdict("contradicted", (f"{view.sku}.list_price",), _money(lp), "原价与商品记录不一致")


def _promotion(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    p = view.product
    said = norm.text[claim.start:claim.end]
    active = view.active()
    everything = [(fid, text, pr.starts_at, pr.ends_at) for fid, pr, text in view.promotions]

    def matches(text: str) -> bool:
        if claim.detail == "amount":
            return claim.value is not None and claim.value in _numbers(text)
        if claim.detail == "discount":
            return ("半价" in text and claim.value == 5) or (claim.value is not None and f"{claim.value.normalize():f}折" in text)
        if claim.detail == "first_n":
            return f"前{claim.value.normalize():f}" in text if claim.value is not None else False
        if claim.detail == "bogo":
            wanted = {claim.value, parse_number(claim.subject or "")}
            return ("送" in text or "赠" in text) and wanted <= _numbers(text) | {None}
        core = re.sub(r"[一二两三四五六七八九十\d]+(?:支|个|件|份|瓶|盒|片|条)|同款|一份|一个|给你们|给大家|大家", "", claim.subject or "")
        grams = _bigrams(core)
        return ("送" in text or "赠" in text) and bool(grams) and len(grams & _bigrams(text)) / len(grams) >= 0.34

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
    if idle:
        return Verdict("contradicted", tuple(w[0] for w in idle), _describe(idle), "活动不在进行中")
    return Verdict("unsupported", (), _describe(active) or None, "商品页没有这项活动")


def _gift_value(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    for fid, text, _, _ in view.active():
        if claim.value is not None and re.search(rf"价值{claim.value.normalize():f}", text):
            return Verdict("supported", (fid,))
    return Verdict("needs_evidence", note="赠品价值须为其在本店的现售价")


def _stock_of(claim: Claim, norm: NormalizedText, view: ProductView) -> tuple[int, str]:
    s_start, _ = norm.sentence(claim.start)
    before = norm.text[max(s_start, claim.start - 40):claim.start]
    for v in view.product.variants:
        if v.stock is not None and normalize_term(v.name) in before:
            return v.stock, f"{view.sku}.variant:{v.sku}.stock"
    return view.product.stock, f"{view.sku}.stock"


def _stock(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    actual, fid = _stock_of(claim, norm, view)
    expected = f"实际库存{actual}件"
    if claim.detail == "count":
        if claim.value is not None and 0 < actual <= claim.value:
            return Verdict("supported", (fid,))
        note = "已售罄" if actual == 0 else "库存远多于所说数量，属于虚构稀缺"
        return Verdict("contradicted", (fid,), expected, note)
    if claim.detail == "low":
        if 0 < actual <= LOW_STOCK:
            return Verdict("supported", (fid,))
        return Verdict("contradicted", (fid,), expected, "库存充足，不能说所剩无几")
    if claim.detail == "out":
        return Verdict("supported", (fid,)) if actual == 0 else Verdict(
            "contradicted", (fid,), expected, "并未售罄")
    return Verdict("supported", (fid,)) if actual > 0 else Verdict("contradicted", (fid,), expected, "已售罄")


def _fits(claim: Claim, end: datetime, now: datetime) -> bool:
    """Does a promotion ending at ``end`` make this time-limit claim true at ``now``?"""
    left = end - now
    if claim.detail == "generic":
        return True
    if claim.detail == "today":
        return end.date() == now.date()
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
    if windows:
        return Verdict("contradicted", tuple(w[0] for w in windows), _describe(windows),
                       "与真实活动时间不符")
    return Verdict("contradicted", (), "不说限时，按常规价格介绍", "商品没有限时活动")


def _evidence(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    c_start, _ = norm.clause(claim.start)
    core = norm.text[max(c_start, claim.end - 26):claim.end]
    found = view.evidence_for(core)
    if found is None:
        return Verdict("needs_evidence", note="没有对应的证明材料")
    fid, expired = found
    if expired:
        return Verdict("needs_evidence", (fid,), None, "证明材料已过期")
    return Verdict("supported", (fid,))


def _audience(claim: Claim, stats: Mapping[str, float]) -> Verdict:
    key = "online" if claim.detail == "online" else "orders"
    figure = stats.get(key) if key != "orders" else stats.get("orders", stats.get("sold"))
    if figure is None or claim.value is None:
        return Verdict("needs_evidence", note="只能引用平台实时数据")
    if claim.value <= Decimal(str(figure)) * Decimal("1.05"):
        return Verdict("supported", (f"stats.{key}",))
    return Verdict("contradicted", (f"stats.{key}",), f"{figure:g}", "与平台实时数据不符")


def _origin(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    said = claim.subject or ""
    for name, (raw, value) in view.attributes.items():
        if any(k in name for k in ("产地", "原产", "产区", "生产地", "出产")):
            actual = place_in(value)
            fid = f"{view.sku}.attr:{raw}"
            if claim.detail == "import":
                abroad = actual is not None and actual[1]
                return Verdict("supported", (fid,)) if abroad else Verdict("contradicted", (fid,), value, "产地为国内，不能说进口")
            if said and (said in value or (actual and actual[0] in said)):
                return Verdict("supported", (fid,))
            return Verdict("contradicted", (fid,), value, "产地与商品信息不一致")
    for fid, text in view.corpus:
        if said and said in text and (fid.endswith(".title") or ".evidence:" in fid):
            return Verdict("supported", (fid,))
    return Verdict("needs_evidence", note="产地说法需要商品信息或证明材料")


def _attribute(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    raw, value = view.attributes.get(claim.subject or "", ("", ""))
    said = norm.text[claim.start + len(claim.subject or ""):claim.end]
    fid = f"{view.sku}.attr:{raw}"
    said_numbers = _numbers(said)
    if said_numbers:
        pool = _numbers(value)
        variant_names = " ".join(normalize_term(v.name) for v in view.product.variants)
        if said_numbers & (pool | _numbers(variant_names)):
            return Verdict("supported", (fid,))
        return Verdict("contradicted", (fid,), view.product.attributes.get(raw, value), "与商品属性不一致")
    grams = _bigrams(said[:6])
    if grams and (said[:4] in value or len(grams & _bigrams(value)) / len(grams) >= 0.5):
        return Verdict("supported", (fid,))
    return Verdict("unsupported", note="属性描述无法核对")


def _numeric(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    if claim.value is None or claim.unit is None:
        return Verdict("unsupported")
    units = {u for u, canon in _UNIT_FORMS.items() if canon == claim.unit} | {claim.unit}
    pattern = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(map(re.escape, units), key=len, reverse=True)) + r")")
    others: list[str] = []
    for fid, text in view.corpus:
        for m in pattern.finditer(text):
            if Decimal(m.group(1)) == claim.value:
                return Verdict("supported", (fid,))
            others.append(m.group(0))
    if others and claim.unit in _STRICT_UNITS:
        return Verdict("contradicted", (), "、".join(dict.fromkeys(others)), "与商品规格不一致")
    return Verdict("unsupported", note="规格数字在商品信息里找不到")


_UNIT_FORMS = {"ml": "ml", "毫升": "ml", "l": "l", "升": "l", "g": "g", "克": "g", "kg": "kg", "公斤": "kg", "千克": "kg",
               "mah": "mah", "毫安时": "mah", "毫安": "mah", "w": "w", "瓦": "w", "cm": "cm", "厘米": "cm", "mm": "mm",
               "毫米": "mm", "片": "片", "抽": "抽", "寸": "寸", "英寸": "寸", "gb": "gb", "tb": "tb", "hz": "hz", "℃": "℃"}
_STRICT_UNITS = frozenset({"ml", "l", "g", "kg", "mah", "w", "cm", "mm", "片", "抽", "寸", "gb", "tb"})
_KINDS = {"price": _price, "reference_price": _reference, "promotion": _promotion, "gift_value": _gift_value,
          "stock": _stock, "window": _window, "ranking": _evidence, "award": _evidence, "test": _evidence,
          "sales": _evidence, "origin": _origin, "attribute": _attribute, "numeric": _numeric}
