"""What may be said about a product: its facts turned into speakable facets, each citing its fact ids.

Nothing here makes up a value. Every facet's text is a fact's value (lightly normalised for speech:
square brackets become 【】 so a fact can never forge a cue mark, whitespace is collapsed, over-long
values are cut at a sentence end or skipped). Offers are the product's promotions that are active at
the moment the line is planned to be said; a promotion outside its window is never offered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cohost.domain import Product, ProductFact

MAX_SPOKEN = 90
_SPEC_TOKEN = re.compile(
    r"^[\d.]+\s*(?:ml|mL|ML|g|kg|KG|L|l|mAh|W|w|cm|mm|m|片|片装|双装|条装|个装|包|袋|抽|支|瓶|盒|罐装|罐)?$"
    r"|^\d+.*[×xX*].*$|^（.*）$|^\(.*\)$"
)
_PAREN = re.compile(r"（[^（）]*）|\([^()]*\)")


def speakable(value: object, limit: int = MAX_SPOKEN) -> str | None:
    """A fact value as it can be read out, or None when it is too long to say in one breath.

    Long values are cut only at a sentence end (。；;!?！？), never mid-clause, so no qualifier is lost
    from the part that is said.
    """
    text = str(value).replace("[", "【").replace("]", "】")
    text = re.sub(r"\s+", " ", text).strip().strip("。")
    if not text:
        return None
    if len(text) <= limit:
        return text
    kept = ""
    for part in re.findall(r"[^。；;!?！？]+[。；;!?！？]?", text):
        if len(kept) + len(part) > limit:
            break
        kept += part
    kept = kept.strip().rstrip("。；;")
    return kept or None


def money(value: object) -> str:
    """89.00 → 89, 59.90 → 59.9 (as said on air)."""
    number = Decimal(str(value))
    text = format(number.normalize(), "f")
    return text


def short_name(title: str) -> str:
    """The name an anchor says: the title without sizes and counts (玻尿酸保湿精华液 30ml → 玻尿酸保湿精华液)."""
    base = _PAREN.sub(" ", title.replace("[", "【").replace("]", "】"))
    tokens = [t for t in base.split() if not _SPEC_TOKEN.match(t)]
    name = " ".join(tokens) or title
    if len(name) > 12:
        rich = max(tokens or [name], key=lambda t: len(re.findall(r"[\u4e00-\u9fff]", t)))
        if len(re.findall(r"[\u4e00-\u9fff]", rich)) >= 3:
            name = rich
    return name[:24]


@dataclass(frozen=True, slots=True)
class Facet:
    """One thing to say. ``values`` fill a template's placeholders; ``facts`` are what it cites."""

    key: str
    kind: str
    values: dict[str, str]
    facts: tuple[str, ...]

    def cite(self) -> dict[str, Sequence[str]]:
        """Each placeholder this facet fills, with the facts behind it."""
        return {name: self.facts for name in self.values}


@dataclass(frozen=True, slots=True)
class Offer:
    text: str
    kind: str
    fact: str
    starts_at: datetime | None
    ends_at: datetime | None


@dataclass
class ProductSheet:
    """A product as the composer sees it: names, price, facets, offers, stock state."""

    sku: str
    title: str
    short: str
    category: str
    price: str
    price_fact: str
    in_stock: bool
    stock_fact: str
    link_no: int | None
    facets: list[Facet] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    base_facts: dict[str, str] = field(default_factory=dict)
    windows: dict[str, tuple[datetime | None, datetime | None]] = field(default_factory=dict)

    def offers_at(self, when: datetime | None) -> list[Offer]:
        if when is None:
            return [o for o in self.offers if o.starts_at is None and o.ends_at is None]
        return [o for o in self.offers if (o.starts_at is None or o.starts_at <= when)
                and (o.ends_at is None or when <= o.ends_at)]

    def cite(self) -> dict[str, Sequence[str]]:
        """The product's own placeholders (name, title, price, category) with their facts."""
        title = [self.base_facts["title"]]
        return {"short": title, "title": title, "price": [self.price_fact], "category": [self.base_facts["category"]]}

    def facets_of(self, *kinds: str) -> list[Facet]:
        return [f for f in self.facets if f.kind in kinds]

    def valid_at(self, facet: Facet, when: datetime | None) -> bool:
        """False for a facet whose fact has a window (evidence that expires) not covering ``when``."""
        start, end = self.windows.get(facet.key, (None, None))
        if when is None:
            return end is None and start is None
        return (start is None or start <= when) and (end is None or when <= end)


def _ids(facts: Sequence[ProductFact]) -> dict[str, ProductFact]:
    return {f.id: f for f in facts}


def build_sheet(product: Product, facts: Sequence[ProductFact]) -> ProductSheet:
    """Turn a product's facts (as read from the store) into a sheet. Only facts present are used.

    Shop policies are not product facets: the writer says them in interaction breaks and the closing.
    """
    by_id = _ids(facts)
    sku = product.sku
    title_fact = by_id.get(f"{sku}.title")
    title = (speakable(title_fact.value, 60) if title_fact else None) or sku
    sheet = ProductSheet(
        sku=sku, title=title, short=short_name(title), category=str(product.category),
        price=money(by_id[f"{sku}.price"].value) if f"{sku}.price" in by_id else money(product.price),
        price_fact=f"{sku}.price", in_stock=product.stock > 0, stock_fact=f"{sku}.stock",
        link_no=product.display_order,
    )
    sheet.base_facts = {"title": f"{sku}.title", "price": f"{sku}.price", "category": f"{sku}.category"}

    def add(key: str, kind: str, ids: tuple[str, ...], **values: str | None) -> None:
        if any(v is None for v in values.values()):
            return
        sheet.facets.append(Facet(key, kind, {k: str(v) for k, v in values.items()}, ids))

    for fact in facts:
        fid, f = fact.id, fact.field
        if f.startswith("selling_point:"):
            add(fid, "point", (fid,), point=speakable(fact.value))
        elif f.startswith("attr:"):
            add(fid, "attr", (fid,), attr_name=speakable(fact.label, 16), attr_value=speakable(fact.value))
        elif f == "usage":
            add(fid, "usage", (fid,), usage=speakable(fact.value))
        elif f == "cautions":
            add(fid, "caution", (fid,), caution=speakable(fact.value))
        elif f.startswith("faq:") and fact.context:
            q = speakable(fact.context, 40)
            add(fid, "faq", (fid,), q=q.rstrip("？?") + "？" if q else None, a=speakable(fact.value, 110))
        elif f == "brand":
            add(fid, "brand", (fid,), brand=speakable(fact.value, 20))
        elif f == "aliases":
            fresh = [a for a in str(fact.value).split("、") if a and a not in product.title]
            if fresh:
                add(fid, "alias", (fid,), alias=speakable(fresh[0], 12))
        elif f.startswith("evidence:"):
            sheet.windows[fid] = (fact.valid_from, fact.valid_until)
            add(fid, "evidence", (fid,), claim=speakable(fact.value, 60), source=speakable(fact.source, 40))
    _add_variants(sheet, product, by_id)
    for i, promo in enumerate(product.promotions, 1):
        fid = f"{sku}.promotion:{i}"
        text = speakable(promo.description, 80)
        if text and fid in by_id:
            sheet.offers.append(Offer(text, promo.kind, fid, promo.starts_at, promo.ends_at))
    return sheet


def _add_variants(sheet: ProductSheet, product: Product, by_id: dict[str, ProductFact]) -> None:
    if len(product.variants) < 2:
        return
    parts: list[str] = []
    ids: list[str] = []
    prices = {v.price if v.price is not None else product.price for v in product.variants}
    for v in product.variants[:6]:
        name_id = f"{product.sku}.variant:{v.sku}.name"
        if name_id not in by_id:
            continue
        name = speakable(v.name, 20)
        if not name:
            continue
        ids.append(name_id)
        if len(prices) > 1:
            price = v.price if v.price is not None else product.price
            ids.append(f"{product.sku}.variant:{v.sku}.price" if v.price is not None else sheet.price_fact)
            parts.append(f"{name}是{money(price)}元")
        else:
            parts.append(name)
    if len(parts) >= 2:
        sheet.facets.append(Facet(f"{product.sku}.variants", "variants",
                                  {"variants": "、".join(parts), "n": str(len(product.variants))}, tuple(ids)))
