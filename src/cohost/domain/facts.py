"""ProductFact: one citable fact per field, attribute, variant field, promotion, FAQ, evidence and policy.

Fact ids are stable and are what answers and scripts cite:

    MZ-001.price                 MZ-001.attr:容量            MZ-001.variant:MZ-001-50.price
    MZ-001.promotion:1           MZ-001.faq:1                MZ-001.evidence:1
    MZ-001.selling_point:2       shop.policy:returns         shop.name

List positions are 1-based, in the order the merchant wrote them. Facts are derived from the stored
record at the moment they are read, never cached by a model.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer

from cohost.domain.catalog import Product, Shop

FactValue = Annotated[
    str | int | Decimal,
    PlainSerializer(lambda v: float(v) if isinstance(v, Decimal) else v, when_used="json"),
]

FIELD_LABELS = {
    "title": "商品名称",
    "category": "类目",
    "brand": "品牌",
    "price": "价格",
    "list_price": "原价",
    "currency": "币种",
    "stock": "库存",
    "usage": "用法",
    "cautions": "注意事项",
    "display_order": "链接序号",
    "aliases": "别名",
}


class ProductFact(BaseModel):
    """A single fact with its source and the time it was last verified (the record's update time)."""

    model_config = ConfigDict(frozen=True)

    id: str
    sku: str | None
    field: str
    label: str
    value: FactValue
    source: str = "catalog"
    verified_at: datetime | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    context: str | None = None

    def is_valid_at(self, when: datetime) -> bool:
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_until is None or when <= self.valid_until
        )


def facts_for_product(product: Product, verified_at: datetime | None = None) -> list[ProductFact]:
    sku = product.sku
    out: list[ProductFact] = []

    def add(field: str, label: str, value: str | int | Decimal | None, **extra: object) -> None:
        if value is None or value == "":
            return
        out.append(
            ProductFact(
                id=f"{sku}.{field}", sku=sku, field=field, label=label, value=value,
                verified_at=verified_at, **extra,
            )
        )

    for name in ("title", "category", "brand", "price", "list_price", "currency", "stock", "display_order"):
        add(name, FIELD_LABELS[name], getattr(product, name))
    if product.aliases:
        add("aliases", FIELD_LABELS["aliases"], "、".join(product.aliases))
    for name, value in product.attributes.items():
        add(f"attr:{name}", name, value)
    for i, point in enumerate(product.selling_points, 1):
        add(f"selling_point:{i}", "卖点", point)
    add("usage", FIELD_LABELS["usage"], product.usage)
    add("cautions", FIELD_LABELS["cautions"], product.cautions)
    for variant in product.variants:
        base = f"variant:{variant.sku}"
        add(f"{base}.name", "规格", variant.name)
        add(f"{base}.price", f"{variant.name}价格", variant.price)
        add(f"{base}.stock", f"{variant.name}库存", variant.stock)
    for i, promo in enumerate(product.promotions, 1):
        add(f"promotion:{i}", f"优惠({promo.kind})", promo.description,
            valid_from=promo.starts_at, valid_until=promo.ends_at, context=promo.kind)
    for i, item in enumerate(product.faq, 1):
        add(f"faq:{i}", "常见问题", item.a, context=item.q)
    for i, ev in enumerate(product.evidence, 1):
        add(f"evidence:{i}", "证明材料", ev.claim, source=ev.source, valid_until=ev.expires_at)
    return out


def facts_for_shop(shop: Shop, verified_at: datetime | None = None) -> list[ProductFact]:
    out = [ProductFact(id="shop.name", sku=None, field="name", label="店铺名称", value=shop.name,
                       verified_at=verified_at)]
    labels = {"shipping": "发货", "returns": "退换货", "warranty": "质保"}
    for kind, text in shop.policies.items():
        out.append(ProductFact(id=f"shop.policy:{kind}", sku=None, field=f"policy:{kind}",
                               label=labels.get(kind, kind), value=text, verified_at=verified_at))
    return out
