"""One product's facts as verification reads them (normalised once), one moment's view of them, and the verdict.

Constraints:

- Fact ids are exactly those of :func:`cohost.domain.facts_for_product` (``MZ-001.price``,
  ``MZ-001.variant:MZ-001-50.stock``, ``MZ-001.promotion:1``, ``MZ-001.evidence:1``, ``MZ-001.attr:产地``).
- A line that names a variant (1.8米的, 50ml的, 番茄红) is held to that variant's price and stock; one that
  names the titled size (50g) to the product's; "其他尺码" to the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from cohost.compliance.evidence import _evidence_record, _numbers, cited, match_evidence
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.compliance.units import (
    Quantity,
    bare_numbers,
    canon,
    codes,
    enum_pool,
    mentions,
    name_tokens,
    quantities,
    quantity_spans,
)
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    facts: tuple[str, ...] = ()
    expected: str | None = None
    note: str = ""


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
        # the source says who tested or awarded it (第三方检测报告, 红点奖官网): part of what the record states
        self.evidence = [_evidence_record(f"{sku}.evidence:{i}", e.claim, e.expires_at, e.source)
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
        return match_evidence(self.evidence, core, self.now)

    def evidence_cited(self, sentence: str) -> tuple[str, bool] | None:
        """The record whose report number ``sentence`` reads out, if any."""
        return cited(self.evidence, sentence, self.now)

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

