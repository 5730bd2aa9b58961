"""The bundled example shop: big enough to demo, and its XLSX is exactly its JSON."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cohost.catalog import read_catalog

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "catalog"


def test_example_shop_is_rich_enough() -> None:
    catalog = read_catalog(EXAMPLES / "shop.json")
    per_category = Counter(p.category for p in catalog.products)
    assert len(catalog.products) >= 40
    assert {"美妆护肤", "食品", "服饰", "数码", "家居", "母婴"} <= set(per_category)
    assert sum(bool(p.variants) for p in catalog.products) >= 10
    assert sum(bool(p.promotions) for p in catalog.products) >= 8
    assert sum(bool(p.faq) for p in catalog.products) >= 10
    assert sum(bool(p.evidence) for p in catalog.products) >= 5
    assert {"shipping", "returns", "warranty"} <= set(catalog.shop.policies)
    orders = [p.display_order for p in catalog.products]
    assert sorted(o for o in orders if o is not None) == list(range(1, len(catalog.products) + 1))


def test_xlsx_is_generated_from_json() -> None:
    from_json = read_catalog(EXAMPLES / "shop.json")
    from_xlsx = read_catalog(EXAMPLES / "shop.xlsx")
    assert from_xlsx.shop == from_json.shop
    assert [p.content_hash() for p in from_xlsx.products] == [p.content_hash() for p in from_json.products], (
        "examples/catalog/shop.xlsx is out of date: run `make example`"
    )
