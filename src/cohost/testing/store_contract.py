"""Conformance suite for the store: every backend (SQLite, PostgreSQL, third-party) passes the same class.

Use it by subclassing and providing a ``store`` fixture that yields a freshly migrated, empty ``Store``::

    class TestMyStore(CatalogStoreContract):
        @pytest.fixture
        def store(self): ...
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from cohost.domain import Catalog
from cohost.errors import NotFoundError
from cohost.store import Store


def make_catalog(n: int = 3, *, shop: bool = True, changes: dict[str, dict[str, Any]] | None = None) -> Catalog:
    products = []
    for i in range(1, n + 1):
        doc: dict[str, Any] = {
            "sku": f"T-{i:03d}", "title": f"测试商品 {i} 号", "category": "美妆护肤" if i % 2 else "食品",
            "brand": "水研", "price": "19.99", "list_price": 29.9, "stock": 10 * i, "display_order": n + 1 - i,
            "aliases": ["小蓝瓶"], "attributes": {"容量": "30ml"}, "selling_points": ["清爽"],
            "variants": [{"sku": f"T-{i:03d}-L", "name": "大瓶", "price": 39.0, "stock": 0}],
            "promotions": [{"kind": "gift", "description": "下单送小样",
                            "starts_at": "2026-11-20T20:00:00+08:00", "ends_at": "2026-11-20T23:59:59+08:00"}],
            "faq": [{"q": "孕妇能用吗", "a": "请先咨询医生"}],
            "evidence": [{"claim": "新品榜第3名", "source": "截图 2025-06", "expires_at": None}],
            "weight_g": 350,
        }
        doc.update((changes or {}).get(f"T-{i:03d}", {}))
        products.append(doc)
    data: dict[str, Any] = {"products": products}
    if shop:
        data["shop"] = {"name": "测试小铺", "policies": {"returns": "7天无理由"}}
    return Catalog.model_validate(data)


class CatalogStoreContract:
    """What every store must do with a catalog."""

    def test_first_import_adds_everything(self, store: Store) -> None:
        counts = store.catalog.import_catalog(make_catalog(5), source="t.json")
        assert (counts.added, counts.updated, counts.unchanged, counts.shop_changed) == (5, 0, 0, True)
        assert store.catalog.count() == 5

    def test_second_import_changes_nothing(self, store: Store) -> None:
        store.catalog.import_catalog(make_catalog(5))
        before = store.catalog.get("T-002").updated_at
        counts = store.catalog.import_catalog(make_catalog(5))
        assert (counts.added, counts.updated, counts.unchanged, counts.shop_changed) == (0, 0, 5, False)
        assert store.catalog.get("T-002").updated_at == before

    def test_changed_row_updates_only_that_product(self, store: Store) -> None:
        store.catalog.import_catalog(make_catalog(4))
        counts = store.catalog.import_catalog(make_catalog(4, changes={"T-003": {"price": "9.90", "stock": 0}}))
        assert (counts.added, counts.updated, counts.unchanged) == (0, 1, 3)
        product = store.catalog.get("T-003").product
        assert product.price == Decimal("9.90") and product.stock == 0

    def test_product_reads_back_exactly(self, store: Store) -> None:
        original = make_catalog(1).products[0]
        store.catalog.import_catalog(make_catalog(1))
        stored = store.catalog.get("T-001").product
        assert stored.content_hash() == original.content_hash()
        assert stored.price == Decimal("19.99")
        assert stored.model_extra == {"weight_g": 350}
        assert stored.promotions[0].starts_at == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

    def test_money_is_exact(self, store: Store) -> None:
        prices = {"T-001": {"price": "0.1"}, "T-002": {"price": "13999"}, "T-003": {"price": "0.07"}}
        store.catalog.import_catalog(make_catalog(3, changes=prices))
        got = {p.sku: p.price for p in store.catalog.list()}
        assert got == {"T-001": Decimal("0.1"), "T-002": Decimal("13999"), "T-003": Decimal("0.07")}

    def test_list_in_lineup_order_with_filters(self, store: Store) -> None:
        store.catalog.import_catalog(make_catalog(4, changes={"T-004": {"display_order": None}}))
        assert [p.sku for p in store.catalog.list()] == ["T-003", "T-002", "T-001", "T-004"]
        assert [p.sku for p in store.catalog.list(category="食品")] == ["T-002", "T-004"]
        assert [p.sku for p in store.catalog.list(query="3 号")] == ["T-003"]
        assert [p.sku for p in store.catalog.list(limit=2, offset=1)] == ["T-002", "T-001"]
        assert store.catalog.categories() == {"美妆护肤": 2, "食品": 2}

    def test_facts_come_from_the_stored_record(self, store: Store) -> None:
        store.catalog.import_catalog(make_catalog(1))
        facts = {f.id: f for f in store.catalog.facts("T-001")}
        assert facts["T-001.price"].value == Decimal("19.99")
        assert facts["T-001.variant:T-001-L.stock"].value == 0
        assert facts["T-001.attr:容量"].value == "30ml"
        assert facts["T-001.promotion:1"].valid_until is not None
        first = facts["T-001.price"].verified_at
        assert first is not None
        store.catalog.set_stock("T-001", 7)
        again = {f.id: f for f in store.catalog.facts("T-001")}
        assert again["T-001.stock"].value == 7
        verified = again["T-001.stock"].verified_at
        assert verified is not None and verified >= first

    def test_shop_is_replaced_only_when_given(self, store: Store) -> None:
        store.catalog.import_catalog(make_catalog(1))
        store.catalog.import_catalog(make_catalog(1, shop=False))
        assert store.catalog.shop().name == "测试小铺"
        assert [f.id for f in store.catalog.shop_facts()] == ["shop.name", "shop.policy:returns"]

    def test_missing_product_is_not_found(self, store: Store) -> None:
        with pytest.raises(NotFoundError):
            store.catalog.get("NOPE")
        with pytest.raises(NotFoundError):
            store.catalog.set_stock("NOPE", 1)
        assert store.catalog.find("NOPE") is None

    def test_failed_import_writes_nothing(self, store: Store) -> None:
        store.catalog.import_catalog(make_catalog(2))
        good = make_catalog(4)
        # Bypass validation to force a database error half-way: two new rows with the same key.
        broken = Catalog.model_construct(shop=good.shop, products=[*good.products, good.products[3]])
        with pytest.raises(Exception):  # noqa: B017 - the backend's own integrity error
            store.catalog.import_catalog(broken)
        assert store.catalog.count() == 2

    def test_export_is_the_whole_catalog(self, store: Store) -> None:
        catalog = make_catalog(3)
        store.catalog.import_catalog(catalog)
        exported = store.catalog.export()
        assert exported.shop.name == "测试小铺"
        assert sorted(p.content_hash() for p in exported.products) == sorted(
            p.content_hash() for p in catalog.products
        )

    def test_unicode_and_long_text_survive(self, store: Store) -> None:
        text = "😀繁體「引號」\u200b" + "长" * 3000
        store.catalog.import_catalog(make_catalog(1, changes={"T-001": {"usage": text}}))
        assert store.catalog.get("T-001").product.usage == text.strip()


__all__ = ["CatalogStoreContract", "make_catalog"]
