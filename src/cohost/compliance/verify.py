"""Checking claims against one product's facts: price, stock, promotion windows, evidence, attributes.

Verdicts: ``supported`` (a fact says so, cited), ``contradicted`` (a fact says otherwise; the correct
value is given), ``unsupported`` (no fact covers it), ``needs_evidence`` (a ranking, award, test, sales,
audience or origin claim with no matching, unexpired Evidence record or platform figure).

Constraints:

- Fact ids are exactly those of :func:`cohost.domain.facts_for_product` (``MZ-001.price``,
  ``MZ-001.variant:MZ-001-50.stock``, ``MZ-001.promotion:1``, ``MZ-001.evidence:1``, ``MZ-001.attr:产地``).
- Prices compare exactly, allowing only customary rounding to the yuan (PRICE-21); a spoken price may
  be a variant's price, a multiple for "N件", or the price after an active promotion (立减, N折,
  满A减B, 第二件半价). A line that names a variant (1.8米的, 50ml的, 番茄红) is held to that variant's
  price and stock; one that names the titled size (50g) to the product's; "其他尺码" to the rest.
- Attributes and specifications are compared as tokens (:mod:`cohost.compliance.units`): only a
  number with the same unit outside the fact's value, range or bound, a code of the same family with
  another number, or a colour/size the fact does not list contradicts. Descriptive words never do,
  and the product's own text (a selling point, the usage note) supports what it says word for word.
  A figure the fact only bounds (50% against "≥40%") is unsupported, not contradicted.
- Evidence is matched after unifying names (3C = CCC = 强制性产品认证, 检验 = 检测): a certification
  mark, qualifier (第三方), award or figure the claim states must be in the record; then a shared mark or
  enough shared wording. An unexpired record wins over an expired one; only expired ones → "已过期".
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

from cohost.compliance.claims import MATERIALS, SPEC_PATTERNS, Claim, place_in
from cohost.compliance.numbers import parse_number
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.compliance.units import (
    STRICT,
    Quantity,
    bare_numbers,
    canon,
    codes,
    enum_pool,
    enums,
    mentions,
    name_tokens,
    quantities,
    quantity_spans,
)
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ

LOW_STOCK = 20
SOON = timedelta(minutes=60)
_GRACE = timedelta(minutes=1)
_NUM_IN = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_FILLERS = re.compile(r"这款|这个|我们|咱们|家人们|宝宝们|姐妹们|是|的|了|哦|啊|呢|吧|曾经|也|就|还|获得|荣获|拿过|获过|成为|过|被|评为")
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


@dataclass(frozen=True, slots=True)
class _Attribute:
    raw: str  # the merchant's attribute name
    value: str  # normalised value
    quantities: tuple[Quantity, ...]
    codes: dict[str, set[str]]
    enums: dict[str, set[str]]
    bare: tuple[Quantity, ...]


@dataclass(frozen=True, slots=True)
class _Variant:
    sku: str
    name: str
    tokens: tuple[str, ...]
    price: Decimal | None
    stock: int | None


@dataclass(frozen=True, slots=True)
class _Evidence:
    fid: str
    expires_at: datetime | None
    text: str  # normalised, synonyms unified
    keys: frozenset[str]  # certification marks and key nouns
    numbers: frozenset[Decimal]
    quantities: tuple[Quantity, ...]


class ProductFacts:
    """Everything about one product that verification reads, normalised once: immutable, independent of
    the time, shared between threads (the checker caches it by ``Product.content_hash()``)."""

    def __init__(self, product: Product) -> None:
        self.product = product
        sku = self.sku = product.sku
        corpus: list[tuple[str, str]] = [(f"{sku}.title", product.title)]
        corpus += [(f"{sku}.attr:{k}", f"{k}{v}") for k, v in product.attributes.items()]
        corpus += [(f"{sku}.variant:{v.sku}.name", v.name) for v in product.variants]
        corpus += [(f"{sku}.selling_point:{i}", p) for i, p in enumerate(product.selling_points, 1)]
        corpus += [(f"{sku}.usage", product.usage or ""), (f"{sku}.cautions", product.cautions or "")]
        corpus += [(f"{sku}.faq:{i}", f.a) for i, f in enumerate(product.faq, 1)]
        corpus += [(f"{sku}.promotion:{i}", p.description) for i, p in enumerate(product.promotions, 1)]
        corpus += [(f"{sku}.evidence:{i}", e.claim) for i, e in enumerate(product.evidence, 1)]
        self.corpus = [(fid, normalize_term(text)) for fid, text in corpus if text]
        self.corpus_quantities = [(fid, text[a:b], q) for fid, text in self.corpus
                                  for a, b, found in quantity_spans(text) for q in found]
        self.promotions = [(f"{sku}.promotion:{i}", p, normalize_term(p.description))
                           for i, p in enumerate(product.promotions, 1)]
        self.promo_numbers = {fid: _numbers(text) for fid, _, text in self.promotions}
        self.promo_terms = {fid: _promo_terms(text, self.promo_numbers[fid]) for fid, _, text in self.promotions}
        self.evidence = [_evidence_record(f"{sku}.evidence:{i}", e.claim, e.expires_at)
                         for i, e in enumerate(product.evidence, 1)]
        variant_names = " ".join(normalize_term(v.name) for v in product.variants)
        self.variant_numbers = _numbers(variant_names)
        self.attributes: dict[str, _Attribute] = {}
        for k, v in product.attributes.items():
            value = normalize_term(v)
            pool = f"{value} {variant_names}" if variant_names else value
            self.attributes[normalize_term(k)] = _Attribute(k, value, tuple(quantities(pool)), codes(value),
                                                            enum_pool(value), tuple(bare_numbers(value)))
        # a health food's approved function wording (保健功能: 辅助降血脂), usable verbatim once the product carries
        # its approval number (compliance.md AD-18, AD-46; §17 T09)
        self.approved_wording = tuple(normalize_term(v) for k, v in product.attributes.items()
                                      if any(w in k for w in ("保健功能", "批准功能", "功能声称")) and v.strip())
        self.variants = tuple(_Variant(v.sku, v.name, name_tokens(normalize_term(v.name)),
                                       v.price, v.stock) for v in product.variants)
        title = self.title = normalize_term(product.title)
        spec = tuple(dict.fromkeys(canon(title[a:b]) for a, b, _ in quantity_spans(title)))
        # the product as titled ("积雪草舒缓面霜 50g"): a line that names its size means the product itself
        self.base = _Variant(sku, product.title, spec, product.price, product.stock)


class ProductView:
    """One product's facts at one moment (promotion windows and evidence expiry depend on the time)."""

    __slots__ = ("attributes", "corpus", "evidence", "facts", "now", "product", "promotions", "sku")

    def __init__(self, product: Product | ProductFacts, now: datetime) -> None:
        facts = product if isinstance(product, ProductFacts) else ProductFacts(product)
        self.facts = facts
        self.product, self.sku, self.now = facts.product, facts.sku, now.astimezone(CHINA_TZ)
        self.corpus, self.promotions, self.attributes = facts.corpus, facts.promotions, facts.attributes
        self.evidence = facts.evidence

    def promotions_all(self) -> list[tuple[str, str, datetime | None, datetime | None]]:
        return [(fid, text, pr.starts_at, pr.ends_at) for fid, pr, text in self.promotions]

    def active(self) -> list[tuple[str, str, datetime | None, datetime | None]]:
        return [(fid, text, p.starts_at, p.ends_at) for fid, p, text in self.promotions if p.active_at(self.now)]

    # evidence ---------------------------------------------------------------------------------------
    def evidence_for(self, core: str) -> tuple[str, bool] | None:
        """(fact id, expired) of the evidence record that states ``core``, or ``None``; an unexpired
        record is preferred to an expired one that states the same thing."""
        said = _canon_evidence(_FILLERS.sub("", core))
        keys = _evidence_keys(said)
        numbers = _claim_numbers(said)
        amounts = quantities(said)
        grams = _bigrams(said)
        best: tuple[bool, float, str] | None = None
        for ev in self.evidence:
            if not keys <= ev.keys or not numbers <= ev.numbers:
                continue  # a mark (SGS), a qualifier (第三方), an award or a figure the record does not state
            if any(not any(q.judge(a) == "supported" for q in ev.quantities) for a in amounts):
                continue
            score = len(grams & _bigrams(ev.text)) / len(grams) if grams else 0.0
            shared = keys & ev.keys & _DISTINCTIVE
            if shared or (numbers and keys & ev.keys):
                score += 1.0  # same certification mark, or the same figure under the same key noun
            if score < 0.45:
                continue
            expired = ev.expires_at is not None and ev.expires_at < self.now
            rank = (not expired, score, ev.fid)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return None if best is None else (best[2], not best[0])

    # variants ---------------------------------------------------------------------------------------
    def variants_named(self, norm: NormalizedText, start: int, end: int) -> tuple[list[_Variant], bool]:
        """The variants a claim at [start, end) is about: those named in its clause (or, if none, the
        last one named before it in its sentence); ``True`` when the clause says "the others" (其他尺码)."""
        variants = self.facts.variants
        if not variants:
            return [], False
        c_start, _ = norm.clause(start)
        s_start, _ = norm.sentence(start)
        clause = canon(norm.text[c_start:end])
        named = [v for v in variants if any(mentions(clause, t) for t in v.tokens)]
        if named:
            return named, False
        base = self.facts.base
        if any(mentions(clause, t) for t in base.tokens):
            return [base], False
        if _OTHERS.search(clause):
            sentence = canon(norm.text[s_start:end])
            return [v for v in variants if not any(mentions(sentence, t) for t in v.tokens)], True
        before = canon(norm.text[max(s_start, start - 40):c_start])
        last: tuple[int, _Variant] | None = None
        for v in (*variants, base):
            for t in v.tokens:
                spots = mentions(before, t)
                if spots and (last is None or spots[-1] > last[0]):
                    last = (spots[-1], v)
        return ([last[1]], False) if last else ([], False)


_OTHERS = re.compile(r"其他|其它|其余|别的|另外的|剩下的")
_DISTINCTIVE = frozenset({"ccc", "sgs", "cma", "cnas", "fda", "ce", "fcc", "rohs", "reach", "iso", "gb", "人体法",
                          "spf", "金奖", "银奖", "铜奖", "冠军", "榜首", "一等奖", "特等奖", "优秀奖", "入围", "推荐奖", "专利"})
_EVIDENCE_SYNONYMS = (
    (re.compile(r"(?<![a-z0-9])3c(?![a-z0-9])|中国强制性产品认证|国家强制性产品认证|强制性产品认证|国家强制认证|强制认证"), "ccc"),
    (re.compile(r"检验|质检|测试(?=报告)|检测检验"), "检测"),
    (re.compile(r"第三方(?:检测|检验)?(?:机构|实验室|公司)"), "第三方检测"),
    (re.compile(r"双十一"), "双11"),
)
_KEY_NOUNS = re.compile(r"(?<![a-z0-9])(ccc|sgs|cma|cnas|fda|ce|fcc|rohs|reach|iso|spf)(?![a-z])|第三方|人体法|临床|"
                        r"金奖|银奖|铜奖|冠军|榜首|一等奖|特等奖|优秀奖|入围|推荐奖|专利|(?<![a-z])gb(?=[\s/\d])")


def _canon_evidence(text: str) -> str:
    for pattern, repl in _EVIDENCE_SYNONYMS:
        text = pattern.sub(repl, text)
    return text


def _evidence_keys(text: str) -> frozenset[str]:
    keys = {m.group(1) or m.group(0) for m in _KEY_NOUNS.finditer(text)}
    if ("top1" in text or "no.1" in text or "第一" in text) and not re.search(r"第一[次步个天]", text):
        keys.add("第一")
    return frozenset(keys)


def _evidence_record(fid: str, claim: str, expires_at: datetime | None) -> _Evidence:
    text = _canon_evidence(normalize_term(claim))
    keys = _evidence_keys(text)
    if "第一" in keys or re.search(r"第[一1]名|榜首|冠军|top\s?1|no\.?\s?1", text):
        keys |= {"第一"}
    return _Evidence(fid, expires_at, text, keys, frozenset(_numbers(text) | _claim_numbers(text)),
                     tuple(quantities(text)))


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
    note = "；说的是原价（划线价），不是现价" if p.list_price is not None and _close(said, p.list_price) else ""
    return Verdict("contradicted", facts, expected, note)


_PAST = re.compile(r"已经结束|已结束|结束了|刚才|刚刚|之前|恢复到|恢复了|已经恢复|过了")


def _promo_terms(text: str, numbers: set[Decimal]) -> tuple[tuple[str, Decimal, Decimal], ...]:
    """What a promotion does to a price, parsed once per product: (kind, a, b) with kind ``minus``
    (a off b items), ``threshold`` (满a减b), ``fixed`` (a元), ``discount`` (a折) or ``half`` (半价)."""
    out: list[tuple[str, Decimal, Decimal]] = []
    for amount in sorted(numbers):
        if re.search(rf"(?:立减|直降|减|优惠|省){amount}", text):
            need = re.search(rf"(?:拍|买|购买|任意)?(\d+)(?:件|个|盒|瓶|份)[^,。]{{0,6}}(?:立减|直降|减|优惠|省){amount}", text)
            out.append(("minus", amount, Decimal(need.group(1)) if need else Decimal(1)))
        if re.search(rf"满{amount}减", text):
            out += [("threshold", amount, cut) for cut in _numbers(text.split(f"满{amount}减", 1)[1][:6])]
    out += [("fixed", Decimal(m.group(1)), Decimal(0)) for m in re.finditer(r"(?<![减省券满\d.])(\d+(?:\.\d+)?)元", text)]
    out += [("discount", Decimal(m.group(1)), Decimal(0)) for m in re.finditer(r"(\d+(?:\.\d+)?)折", text)]
    if "半价" in text:
        out.append(("half", Decimal(0), Decimal(0)))
    return tuple(out)


def _price_fid(view: ProductView, variant: _Variant) -> str:
    return f"{view.sku}.price" if variant.sku == view.sku else f"{view.sku}.variant:{variant.sku}.price"


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
        # units in one spelling on both sides (两支5毫升小样 and 5ml小样2支 name the same gift)
        core = re.sub(r"[一二两三四五六七八九十\d]+(?:支|个|件|份|瓶|盒|片|条)(?![\d.])|同款|一份|一个|给你们|给大家|大家", "",
                      canon(claim.subject or ""))
        core = re.sub(r"的?(?:活动|福利|优惠)(?:.*)$", "", core)  # 送硅胶垫的活动到11点: the gift is 硅胶垫
        grams = _bigrams(core)
        return ("送" in text or "赠" in text) and bool(grams) and len(grams & _bigrams(canon(text))) / len(grams) >= 0.34

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


def _stock_of(claim: Claim, norm: NormalizedText, view: ProductView) -> tuple[list[int], str, bool]:
    """The stock figures the claim is about (one per named variant), the fact ids to cite, and whether
    it is about "the others" (其他尺码有货: true when any of them has stock)."""
    named, others = view.variants_named(norm, claim.start, claim.end)
    counted = [v for v in named if v.stock is not None]
    if counted:
        return [v.stock or 0 for v in counted], ",".join(
            f"{view.sku}.stock" if v.sku == view.sku else f"{view.sku}.variant:{v.sku}.stock" for v in counted), others
    return [view.product.stock], f"{view.sku}.stock", False


def _stock(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    figures, fid, others = _stock_of(claim, norm, view)
    total = sum(figures)
    facts = tuple(fid.split(","))
    expected = f"实际库存{total}件"
    if claim.detail == "count":
        if claim.value is not None and 0 < total <= claim.value:
            return Verdict("supported", facts)
        note = "已售罄" if total == 0 else "库存远多于所说数量，属于虚构稀缺"
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
    key = claim.detail if claim.detail in ("online", "likes") else "orders"
    figure = stats.get(key) if key != "orders" else stats.get("orders", stats.get("sold"))
    if figure is None or claim.value is None:
        return Verdict("needs_evidence", note="只能引用平台实时数据")
    if claim.value <= Decimal(str(figure)) * Decimal("1.05"):
        return Verdict("supported", (f"stats.{key}",))
    return Verdict("contradicted", (f"stats.{key}",), f"{figure:g}", "与平台实时数据不符")


def _origin(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    said = claim.subject or ""
    if claim.detail == "modifier":
        return _origin_modifier(claim, view)
    if claim.detail == "component":  # an ingredient's or part's origin: backed when the product's text names it
        spot = place_in(said)
        place = spot[0] if spot else said
        hit = next((fid for fid, text in view.corpus if place and place in text), None)
        return Verdict("supported", (hit,)) if hit else Verdict("unsupported", note="原料或部件的产地，商品信息没有写明")
    for name, attr in view.attributes.items():
        raw, value = attr.raw, attr.value
        if any(k in name for k in ("产地", "原产", "产区", "生产地", "出产")):
            actual = place_in(value)
            fid = f"{view.sku}.attr:{raw}"
            if claim.detail == "import":
                named = place_in(said)
                if named is not None and named[1] and named[0] != "进口" and named[0] not in value:
                    return Verdict("contradicted", (fid,), value, "进口来源与商品信息不一致")  # 新西兰 vs 爱尔兰
                abroad = actual is not None and actual[1]
                return Verdict("supported", (fid,)) if abroad else Verdict("contradicted", (fid,), value, "产地为国内，不能说进口")
            if said and (said in value or (actual and actual[0] in said)):
                finer = _finer_place(norm.text[claim.start:claim.end], said)
                if finer and finer not in value and _finer_place(value, actual[0] if actual else said):
                    return Verdict("contradicted", (fid,), value, "产地与商品信息不一致")  # 新疆和田 vs 新疆若羌
                return Verdict("supported", (fid,))
            return Verdict("contradicted", (fid,), value, "产地与商品信息不一致")
    for fid, text in view.corpus:
        if said and said in text and (fid.endswith(".title") or ".evidence:" in fid):
            return Verdict("supported", (fid,))
    return Verdict("needs_evidence", note="产地说法需要商品信息或证明材料")


def _origin_modifier(claim: Claim, view: ProductView) -> Verdict:
    """正宗阳澄湖大闸蟹 / 五常大米: the place said before the product's noun, against its origin attribute; a place the
    product's own text names is supported, and without an origin attribute nothing is claimed against."""
    place = claim.subject or ""
    own = next((fid for fid, text in view.corpus if place in text and ".promotion:" not in fid), None)
    if own:
        return Verdict("supported", (own,))
    for name, attr in view.attributes.items():
        if any(k in name for k in ("产地", "原产", "产区", "生产地", "出产")):
            fid = f"{view.sku}.attr:{attr.raw}"
            return Verdict("contradicted", (fid,), view.product.attributes.get(attr.raw, attr.value), "产地与商品信息不一致")
    return Verdict("unsupported", note="商品信息没有写明产地")


_FINER = re.compile(r"(?:(?![的产出种特是为在])[\u4e00-\u9fff]){2,4}?(?=的|产|出|种|特|县|市|州|镇|区|盟|$|[,。!?;、\s])")


def _finer_place(text: str, region: str) -> str | None:
    """The locality named right after ``region`` in ``text`` (新疆和田 → 和田), if any."""
    pos = text.find(region)
    if pos < 0:
        return None
    m = _FINER.match(text, pos + len(region))
    return m.group(0) if m else None


def _attribute(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    """An attribute is contradicted only by a conflicting number with its unit, code or listed value;
    descriptive words (质地清爽不黏腻 against 质地: 清透水感) never contradict, and the product's own
    text (a selling point, the usage note) supports what it says."""
    attr = view.attributes.get(claim.subject or "")
    if attr is None:
        return Verdict("unsupported", note="属性描述无法核对")
    fid = f"{view.sku}.attr:{attr.raw}"
    said = _ATTR_LEAD.sub("", norm.text[claim.start + len(claim.subject or ""):claim.end])
    whole = norm.text[claim.start:claim.end]
    if said and said in attr.value:
        return Verdict("supported", (fid,))
    own = _own_text(view, whole)
    verdicts = _token_verdicts(said, attr)
    if "conflict" in verdicts:
        if own is not None:
            return Verdict("supported", (own,))
        return Verdict("contradicted", (fid,), view.product.attributes.get(attr.raw, attr.value), "与商品属性不一致")
    if "supported" in verdicts or own is not None:
        return Verdict("supported", (own or fid,))
    if "consistent" in verdicts:
        return Verdict("unsupported", (fid,), note="与商品信息不矛盾，但商品信息没有写明")
    lead = _LEAD_NUMBER.match(said)
    if not verdicts and lead and attr.quantities:  # 颗粒物CADR高达800 against 500m³/h: the figure, its unit left out
        if Decimal(lead.group(0)) in _numbers(attr.value):
            return Verdict("supported", (fid,))
        return Verdict("contradicted", (fid,), view.product.attributes.get(attr.raw, attr.value), "与商品属性不一致")
    grams = {g for g in _bigrams(said[:6]) if not g.isdigit()}  # 800 and 500 share "00", not a value
    if grams and (said[:4] in attr.value or len(grams & _bigrams(attr.value)) / len(grams) >= 0.5):
        return Verdict("supported", (fid,))
    return Verdict("unsupported", note="属性描述无法核对")


_LEAD_NUMBER = re.compile(r"\d+(?:\.\d+)?(?![\d.%])")
_ATTR_LEAD = re.compile(r"^(?:是|为|:|有|约|大约|大概|差不多|达到|达|足足|只有|高达|能到|能达到|可达|可以达到|可以到|长达|最多|最长|能用)?\s*")


def _spec(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    """A grade code, counted part or part material said without its attribute name, against every attribute
    value that states the same kind of thing; nothing comparable → unsupported (no finding)."""
    said = claim.subject or ""
    m = next((p.fullmatch(said) for d, p in SPEC_PATTERNS if d == claim.detail), None)
    if m is None:
        return Verdict("unsupported")
    if claim.detail == "grade":
        return _grade(m, view)
    for raw, value in view.product.attributes.items():
        val = normalize_term(value)
        fid = f"{view.sku}.attr:{raw}"
        if claim.detail == "grade":
            continue  # judged against the title and every attribute together, below
        if claim.detail == "code":
            theirs = {v.group("v") for v in SPEC_PATTERNS[0][1].finditer(val) if v.group("fam") == m.group("fam")}
        elif claim.detail == "count":
            theirs = {str(parse_number(v.group("v"))) for v in SPEC_PATTERNS[1][1].finditer(val)
                      if v.group("cl") == m.group("cl") and (v.group("noun").endswith(m.group("noun")[-2:])
                                                             or m.group("noun").endswith(v.group("noun")[-2:]))}
            if str(parse_number(m.group("v"))) in theirs:
                return Verdict("supported", (fid,))
        else:
            if m.group("noun") not in val and m.group("noun") not in normalize_term(raw):
                continue
            named = [x for x in MATERIALS if x in val]
            named = [x for x in named if not any(x != y and x in y for y in named)]  # 316不锈钢, not also 不锈钢
            mat = m.group("v")
            if not named or any(mat.endswith(x) and mat != x for x in named):
                continue  # nothing to compare, or the value is less specific (不锈钢 against 316不锈钢)
            if any(x == mat or x.endswith(mat) for x in named):
                return Verdict("supported", (fid,))
            return Verdict("contradicted", (fid,), value, "与商品属性不一致")
        if not theirs:
            continue
        if claim.detail == "code" and m.group("v") in theirs:
            return Verdict("supported", (fid,))
        return Verdict("contradicted", (fid,), value, "与商品属性不一致")
    return Verdict("unsupported", note="商品信息没有写明")


def _grade(m: re.Match[str], view: ProductView) -> Verdict:
    """95白鹅绒 against the product's own texts: the same material with its number (90白鹅绒 in the title), or a
    content attribute (含绒量 90%) when the material is a down or fibre; another number → contradicted."""
    noun, value = m.group("noun"), Decimal(m.group("v"))
    pattern = SPEC_PATTERNS[3][1]
    stated: dict[Decimal, str] = {}
    for fid, text in view.corpus:
        for g in pattern.finditer(text):
            if g.group("noun").endswith(noun[-2:]) or noun.endswith(g.group("noun")[-2:]):
                stated.setdefault(Decimal(g.group("v")), fid)
    for name, attr in view.attributes.items():
        if "含" in name and "量" in name and any(c in name for c in noun[-1:]):
            for q in attr.quantities:
                if q.unit == "%" and q.lo == q.hi:
                    stated.setdefault(q.lo, f"{view.sku}.attr:{attr.raw}")
    if value in stated:
        return Verdict("supported", (stated[value],))
    if stated:
        return Verdict("contradicted", tuple(dict.fromkeys(stated.values())),
                       "、".join(f"{v.normalize():f}{noun}" for v in stated), "与商品信息不一致")
    return Verdict("unsupported", note="商品信息没有写明")


def _own_text(view: ProductView, said: str) -> str | None:
    """The fact id of the product text that says ``said`` word for word (a selling point, the usage)."""
    if len(said) < 4:
        return None
    for fid, text in view.corpus:
        if said in text:
            return fid
    return None


def _token_verdicts(said: str, attr: _Attribute) -> set[str]:
    """How each checkable token of ``said`` (quantity, code, listed value) fares against the attribute."""
    out: set[str] = set()
    for q in quantities(said):
        judged = {attr_q.judge(q) for attr_q in attr.quantities} - {None}
        if judged:
            out.add("supported" if "supported" in judged else "consistent" if "consistent" in judged else "conflict")
    for family, numbers in codes(said).items():
        if family in attr.codes:
            out.add("supported" if numbers & attr.codes[family] else "conflict")
    for vocab, items in enums(said).items():
        if vocab in attr.enums:
            out.add("supported" if items <= attr.enums[vocab] else "conflict")
    if attr.bare and not attr.quantities:
        for q in bare_numbers(said):
            out.add("supported" if any(b.judge(q) == "supported" for b in attr.bare) else "conflict")
    return out


def _numeric(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict:
    said = claim.amounts or tuple(quantities(norm.text[claim.start:claim.end]))
    if not said:
        return Verdict("unsupported")
    others: list[str] = []
    cited: list[str] = []
    verdicts = []
    for q in said:  # every side of a size, each against every figure of the product's texts
        best: tuple[int, str] | None = None
        for fid, token, fact in view.facts.corpus_quantities:
            judged = fact.judge(q)
            if judged == "conflict":
                others.append(token)
            elif judged is not None and (best is None or _GRADE[judged] > best[0]):
                best = (_GRADE[judged], fid)
        verdicts.append(best[0] if best else 0)
        if best:
            cited.append(best[1])
    if verdicts and min(verdicts) == _GRADE["supported"]:
        return Verdict("supported", tuple(dict.fromkeys(cited)))
    if verdicts and min(verdicts) > 0:
        return Verdict("unsupported", tuple(dict.fromkeys(cited)), note="与商品信息不矛盾，但商品信息没有写明")
    c_start, _ = norm.clause(claim.start)
    if _DELTA.search(norm.text, max(c_start, claim.start - 6), claim.start):
        return Verdict("unsupported", note="差值，不是商品规格")  # 比上一代轻了30克: a difference, not the weight
    if _ADVICE.search(norm.text, c_start, claim.start):
        return Verdict("unsupported", note="建议的其他规格，不是本品规格")  # 手小也可以考虑40寸: another size, as advice
    _, c_end = norm.clause(claim.start)
    dose = (_DOSE.search(norm.text, max(c_start, claim.start - 8), claim.start) is not None
            or _CALC.search(norm.text, c_start, c_end) is not None)
    if others and said[0].unit in STRICT and not dose:
        return Verdict("contradicted", (), "、".join(dict.fromkeys(others)), "与商品规格不一致")
    return Verdict("unsupported", note="规格数字在商品信息里找不到")


_GRADE = {"supported": 2, "consistent": 1}
# a size put forward as an alternative or compared with (也可以考虑40寸, 建议选小一号, 比42码的大一点): not a claim about
# the goods on sale
_ADVICE = re.compile(r"考虑|建议|可以选|可选|或者|不如|换成|换个|改成|比(?=[^,。!?;]{0,3}$)|推荐(?:选|买|你)")
_DOSE = re.compile(r"每次|一次|每天|每日|每餐|取|用量|挤|倒|加|放|泡|兑|冲|一天|一周|一个月|换|按")
# a usage calculation (按一天换6片算, 算下来能用9天): its figures are arithmetic, not the product's specification
_CALC = re.compile(r"按[^,。!?;]{0,12}?算|算下来|算一下|能用\d+|可以用\d+|大概能用|够用")
_DELTA = re.compile(r"(?:[轻重多少大小高低长短省快慢薄厚宽窄]了|增加了?|减少了?|提升了?|降低了?|缩短了?|延长了?|节省了?|提高了?)"
                    r"(?:约|大约|近|将近|足足)?\s*$")


_KINDS = {"price": _price, "reference_price": _reference, "promotion": _promotion, "gift_value": _gift_value,
          "stock": _stock, "window": _window, "ranking": _evidence, "award": _evidence, "test": _evidence,
          "sales": _evidence, "origin": _origin, "attribute": _attribute, "numeric": _numeric,
          "spec": _spec}
