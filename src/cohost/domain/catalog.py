"""Catalog records (formats.md §1). Unknown fields are kept (``extra="allow"``) and exported again.

Money is a ``Decimal`` with at most two places, never negative, written to JSON as a number.
Datetimes without a zone are taken as China time (UTC+08:00), the zone merchants write in.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

CHINA_TZ = timezone(timedelta(hours=8))


def _money_in(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")
    if isinstance(value, str):
        text = value.strip().replace(",", "").removeprefix("¥").removeprefix("￥").removesuffix("元")
        if not text:
            raise ValueError("must be a number")
        return text
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_money_in),
    Field(ge=0, max_digits=14, decimal_places=2, allow_inf_nan=False),
    PlainSerializer(float, return_type=float, when_used="json"),
]


def _zoned(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=CHINA_TZ)
    return value


ZonedDatetime = Annotated[datetime, AfterValidator(_zoned)]


def _text(value: Any) -> Any:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value


Text = Annotated[str, BeforeValidator(_text)]
NonEmpty = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Sku = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=64, pattern=r"^[^\s|]+$")]


def document_hash(doc: dict[str, Any]) -> str:
    """sha256 of a JSON document in canonical form (sorted keys, no spaces)."""
    canonical = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, validate_assignment=True)


class Variant(_Record):
    """A buyable variant (size, colour, capacity). Price may be omitted when it equals the product's."""

    sku: Sku
    name: NonEmpty
    price: Money | None = None
    stock: int | None = Field(default=None, ge=0)


class Promotion(_Record):
    kind: NonEmpty = Field(description="gift, discount, coupon, flash, bundle, …")
    description: NonEmpty
    starts_at: ZonedDatetime | None = None
    ends_at: ZonedDatetime | None = None

    @model_validator(mode="after")
    def _window(self) -> Promotion:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValueError("ends_at is before starts_at")
        return self

    def active_at(self, when: datetime) -> bool:
        return (self.starts_at is None or self.starts_at <= when) and (
            self.ends_at is None or when <= self.ends_at
        )


class FAQ(_Record):
    q: NonEmpty
    a: NonEmpty


class Evidence(_Record):
    """What lets a ranking, award or test claim be said at all."""

    claim: NonEmpty
    source: NonEmpty
    expires_at: ZonedDatetime | None = None


class Policy(_Record):
    """One shop policy (shipping, returns, warranty, …) as the merchant wrote it."""

    kind: NonEmpty
    text: NonEmpty


class Shop(_Record):
    name: NonEmpty = "未命名店铺"
    policies: dict[str, NonEmpty] = Field(default_factory=dict)

    def policy_list(self) -> list[Policy]:
        return [Policy(kind=k, text=v) for k, v in self.policies.items()]


class Product(_Record):
    sku: Sku
    title: NonEmpty = Field(max_length=200)
    category: NonEmpty = Field(max_length=100)
    brand: Text | None = Field(default=None, max_length=100)
    price: Money
    list_price: Money | None = None
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    stock: int = Field(ge=0)
    aliases: list[NonEmpty] = Field(default_factory=list)
    attributes: dict[str, NonEmpty] = Field(default_factory=dict)
    selling_points: list[NonEmpty] = Field(default_factory=list)
    usage: Text | None = None
    cautions: Text | None = None
    display_order: int | None = Field(default=None, ge=1)
    variants: list[Variant] = Field(default_factory=list)
    promotions: list[Promotion] = Field(default_factory=list)
    faq: list[FAQ] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("brand", "usage", "cautions")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("stock", mode="before")
    @classmethod
    def _no_fractional_stock(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("must be a whole number")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    @model_validator(mode="after")
    def _unique_variants(self) -> Product:
        seen: set[str] = set()
        for variant in self.variants:
            if variant.sku in seen:
                raise ValueError(f"duplicate variant sku {variant.sku!r}")
            if variant.sku == self.sku:
                raise ValueError(f"variant sku {variant.sku!r} equals the product sku")
            seen.add(variant.sku)
        return self

    def to_json_dict(self) -> dict[str, Any]:
        """The lossless JSON form (formats.md §1), unknown fields included."""
        return self.model_dump(mode="json", exclude_none=True)

    def content_hash(self) -> str:
        """Stable digest of the product's content: equal digests mean an import changes nothing."""
        return document_hash(self.to_json_dict())


class Catalog(_Record):
    shop: Shop = Field(default_factory=Shop)
    products: list[Product] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_skus(self) -> Catalog:
        seen: dict[str, str] = {}
        for product in self.products:
            for sku, what in [(product.sku, "product"), *((v.sku, "variant") for v in product.variants)]:
                if sku in seen:
                    raise ValueError(f"sku {sku!r} appears twice ({seen[sku]} and {what})")
                seen[sku] = what
        return self

    def to_json_dict(self) -> dict[str, Any]:
        shop = self.shop.model_dump(mode="json", exclude_none=True)
        return {"shop": shop, "products": [p.to_json_dict() for p in self.products]}
