"""Catalog records validate what merchants type, and every fact has a stable, citable id."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from cohost.domain import Catalog, Product, Shop, facts_for_product, facts_for_shop
from cohost.domain.catalog import CHINA_TZ


def product(**changes: Any) -> Product:
    doc: dict[str, Any] = {"sku": "MZ-001", "title": "玻尿酸保湿精华液 30ml", "category": "美妆护肤",
                           "price": 89, "stock": 500}
    doc.update(changes)
    return Product.model_validate(doc)


@pytest.mark.parametrize("price", ["89", 89, 89.9, "89.90", "¥89", "1,299.00", "0"])
def test_prices_merchants_write_are_accepted(price: object) -> None:
    assert product(price=price).price >= 0


@pytest.mark.parametrize("price", ["八十九", -1, "1.234", "", True, float("nan"), "1e400"])
def test_bad_prices_are_rejected(price: object) -> None:
    with pytest.raises(ValidationError):
        product(price=price)


@pytest.mark.parametrize("stock", [-3, 2.5, "many", None])
def test_bad_stock_is_rejected(stock: object) -> None:
    with pytest.raises(ValidationError):
        product(stock=stock)


def test_naive_promotion_times_are_china_time() -> None:
    p = product(promotions=[{"kind": "gift", "description": "送小样", "starts_at": "2026-11-20T20:00:00"}])
    assert p.promotions[0].starts_at == datetime(2026, 11, 20, 20, 0, tzinfo=CHINA_TZ)


def test_promotion_window_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="ends_at is before starts_at"):
        product(promotions=[{"kind": "flash", "description": "秒杀", "starts_at": "2026-11-20T20:00:00+08:00",
                             "ends_at": "2026-11-20T19:00:00+08:00"}])


def test_duplicate_skus_are_rejected_across_products_and_variants() -> None:
    a = {"sku": "A", "title": "a", "category": "c", "price": 1, "stock": 1,
         "variants": [{"sku": "B", "name": "大"}]}
    b = {"sku": "B", "title": "b", "category": "c", "price": 1, "stock": 1}
    with pytest.raises(ValidationError, match="'B' appears twice"):
        Catalog.model_validate({"products": [a, b]})


def test_unknown_fields_are_kept() -> None:
    p = product(weight_g=350, attributes={"容量": 30})
    assert p.to_json_dict()["weight_g"] == 350
    assert p.attributes == {"容量": "30"}


def test_content_hash_ignores_key_order_but_not_values() -> None:
    a = Product.model_validate({"stock": 1, "price": "9.9", "sku": "A", "title": "t", "category": "c"})
    b = Product.model_validate({"sku": "A", "title": "t", "category": "c", "price": 9.90, "stock": 1})
    assert a.content_hash() == b.content_hash()
    assert a.content_hash() != product(sku="A", title="t", category="c", price="9.9", stock=2).content_hash()


def test_fact_ids_are_stable_and_complete() -> None:
    p = product(
        list_price=129, attributes={"容量": "30ml"}, selling_points=["清爽", "保湿"],
        variants=[{"sku": "MZ-001-50", "name": "50ml", "price": 139, "stock": 0}],
        promotions=[{"kind": "gift", "description": "送小样"}], faq=[{"q": "孕妇能用吗", "a": "请咨询医生"}],
        evidence=[{"claim": "新品榜第3名", "source": "截图", "expires_at": "2025-12-31T23:59:59+08:00"}],
    )
    facts = {f.id: f for f in facts_for_product(p)}
    assert facts["MZ-001.price"].value == Decimal("89")
    assert facts["MZ-001.list_price"].label == "原价"
    assert facts["MZ-001.attr:容量"].value == "30ml"
    assert facts["MZ-001.selling_point:2"].value == "保湿"
    assert facts["MZ-001.variant:MZ-001-50.price"].value == Decimal("139")
    assert facts["MZ-001.variant:MZ-001-50.stock"].value == 0
    assert facts["MZ-001.promotion:1"].context == "gift"
    assert facts["MZ-001.faq:1"].context == "孕妇能用吗"
    evidence = facts["MZ-001.evidence:1"]
    assert evidence.source == "截图"
    assert not evidence.is_valid_at(datetime(2026, 1, 1, tzinfo=CHINA_TZ))
    assert "MZ-001.brand" not in facts  # absent fields are not facts


def test_shop_facts() -> None:
    facts = facts_for_shop(Shop(name="山野小铺", policies={"returns": "7天无理由", "shipping": "48小时发货"}))
    assert [f.id for f in facts] == ["shop.name", "shop.policy:returns", "shop.policy:shipping"]
    assert facts[1].label == "退换货"
