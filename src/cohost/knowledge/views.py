"""A product as seen through its facts at one moment: typed access to the ``ProductFact`` records read
from the source for this answer, with facts that are not valid *now* (ended or future promotions,
expired evidence) already removed, so they can never be cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cohost.domain import ProductFact

_SIZE = re.compile(r"(?i)x{0,3}[sml]|\d?x{1,3}l|均")
_VARIANT_ID = re.compile(r"^variant:(?P<sku>.+)\.(?P<part>name|price|stock)$")


@dataclass(slots=True)
class VariantFacts:
    sku: str
    name: ProductFact
    price: ProductFact | None = None
    stock: ProductFact | None = None

    @property
    def label(self) -> str:
        """The variant's name as said aloud; a bare clothing size gets 码 ("M" → "M码")."""
        name = str(self.name.value)
        return name + "码" if _SIZE.fullmatch(name) else name

    @property
    def sold_out(self) -> bool | None:
        return None if self.stock is None else int(self.stock.value) <= 0


@dataclass(slots=True)
class ProductFacts:
    sku: str
    by_id: dict[str, ProductFact]
    attributes: list[ProductFact] = field(default_factory=list)
    selling_points: list[ProductFact] = field(default_factory=list)
    variants: list[VariantFacts] = field(default_factory=list)
    promotions: list[ProductFact] = field(default_factory=list)
    faq: list[ProductFact] = field(default_factory=list)
    evidence: list[ProductFact] = field(default_factory=list)

    def get(self, fieldname: str) -> ProductFact | None:
        return self.by_id.get(f"{self.sku}.{fieldname}")

    @property
    def title(self) -> str:
        fact = self.get("title")
        return str(fact.value) if fact else self.sku

    @property
    def sold_out(self) -> bool | None:
        fact = self.get("stock")
        return None if fact is None else int(fact.value) <= 0

    def variant(self, sku: str) -> VariantFacts | None:
        return next((v for v in self.variants if v.sku == sku), None)

    @classmethod
    def of(cls, sku: str, facts: Sequence[ProductFact], now: datetime) -> ProductFacts:
        valid = [f for f in facts if f.sku == sku and f.is_valid_at(now)]
        view = cls(sku=sku, by_id={f.id: f for f in valid})
        variants: dict[str, dict[str, ProductFact]] = {}
        for fact in valid:
            name = fact.field
            if name.startswith("attr:"):
                view.attributes.append(fact)
            elif name.startswith("selling_point:"):
                view.selling_points.append(fact)
            elif name.startswith("promotion:"):
                view.promotions.append(fact)
            elif name.startswith("faq:"):
                view.faq.append(fact)
            elif name.startswith("evidence:"):
                view.evidence.append(fact)
            elif m := _VARIANT_ID.match(name):
                variants.setdefault(m["sku"], {})[m["part"]] = fact
        for vsku, parts in variants.items():
            if "name" in parts:
                view.variants.append(VariantFacts(vsku, parts["name"], parts.get("price"), parts.get("stock")))
        return view


def money(value: object) -> str:
    """89.00 → "89", 59.90 → "59.9": how a price is written in an answer (and only so)."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(number.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")
