"""Answer composition and intents, fifth round: each cause fixed by a general mechanism, tested on a small
catalog of its own (jade, a mattress, a duvet, sheets; none of the bench sets' products), found cases in
other words and near misses:

1. A variant named by a number inside its name ("56的还有吗" ↔ 圈口56mm, "15g 58的" ↔ 约15g·圈口58mm), or by
   a measure said aloud ("1米8的" ↔ 180×200cm, "2米的" ↔ 2.0m, "4斤的" ↔ 2kg), is the variant asked: its
   stock or price, never the product's total. Several variants holding the number are all answered; a count,
   a price or an age names none.
2. The link number that picked the product ("7号还有货吗") is not an unresolved variant: the product's stock.
3. Intents: a quality asked as A-not-A ("软不软", "沉不沉", which the normaliser reads as "沉吗") or bare with
   吗 ("透气吗", "厚吗") is an attribute question; "X是N号吗" asks which link X is (purchase); "N号多少" is the price of that link.

Hermetic: in memory, a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.intents import classify
from cohost.knowledge.variants import unlinked, variants_numbered
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试玉器寝具店", "policies": {"shipping": "下单后48小时内发货", "returns": "支持7天无理由退货"}},
        "products": [
            {"sku": "JD-1", "display_order": 7, "title": "冰种翡翠手镯", "category": "珠宝", "price": 3999,
             "stock": 6, "aliases": ["翡翠镯"], "attributes": {"产地": "缅甸", "种水": "冰种"},
             "variants": [{"sku": "JD-1-52", "name": "圈口52mm", "stock": 2, "price": 3999},
                          {"sku": "JD-1-56", "name": "圈口56mm", "stock": 0, "price": 3999},
                          {"sku": "JD-1-58", "name": "圈口58mm", "stock": 4, "price": 4299}]},
            {"sku": "GB-1", "display_order": 2, "title": "古法金手镯", "category": "珠宝", "price": 9800,
             "stock": 9, "aliases": ["金手镯"], "attributes": {"材质": "足金999"},
             "variants": [{"sku": "GB-1-15-56", "name": "约15g·圈口56mm", "stock": 3, "price": 9800},
                          {"sku": "GB-1-15-58", "name": "约15g·圈口58mm", "stock": 0, "price": 9800},
                          {"sku": "GB-1-25-58", "name": "约25g·圈口58mm", "stock": 6, "price": 16800}]},
            {"sku": "MT-1", "display_order": 3, "title": "乳胶弹簧床垫 20cm", "category": "家具", "price": 1599,
             "stock": 30, "aliases": ["床垫"], "attributes": {"厚度": "20cm", "软硬度": "偏软"},
             "variants": [{"sku": "MT-1-150", "name": "150×200cm", "stock": 12, "price": 1599},
                          {"sku": "MT-1-180", "name": "180×200cm", "stock": 18, "price": 1899}]},
            {"sku": "DV-1", "display_order": 4, "title": "新疆棉花被", "category": "床品", "price": 299,
             "stock": 40, "aliases": ["棉花被"], "attributes": {"填充物": "新疆长绒棉"},
             "variants": [{"sku": "DV-1-1", "name": "200×230cm 1.5kg", "stock": 20, "price": 299},
                          {"sku": "DV-1-2", "name": "200×230cm 2kg", "stock": 20, "price": 359}]},
            {"sku": "SH-1", "display_order": 5, "title": "全棉床单", "category": "床品", "price": 129,
             "stock": 50, "aliases": ["床单"], "attributes": {"面料": "全棉"},
             "variants": [{"sku": "SH-1-15", "name": "1.5m床 米白", "stock": 30, "price": 129},
                          {"sku": "SH-1-20", "name": "2.0m床 米白", "stock": 20, "price": 159}]},
        ],
    })


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))


def ask(engine: QAEngine, question: str, ctx: str | None = None) -> dict[str, Any]:
    return engine.answer(question, context_sku=ctx).to_json_dict()


# 1. a variant named by a number inside its name, or a measure said aloud ---------------------------------------
JADE = [("JD-1-52", "圈口52mm"), ("JD-1-56", "圈口56mm"), ("JD-1-58", "圈口58mm")]
GOLD = [("a", "约15g·圈口56mm"), ("b", "约15g·圈口58mm"), ("c", "约25g·圈口58mm")]


def test_variants_numbered() -> None:
    assert variants_numbered("52的还有吗", JADE) == ["JD-1-52"]
    assert variants_numbered("15g 58的还有吗", GOLD) == ["b"]  # the variant holding both numbers
    assert variants_numbered("58的有吗", GOLD) == ["b", "c"]  # both hold it: both asked
    assert variants_numbered("25克58圈还剩吗", GOLD) == ["c"]
    assert variants_numbered("1米8的有吗", [("s", "150×200cm"), ("l", "180×200cm")]) == ["l"]
    assert variants_numbered("一米五的", [("s", "150×200cm"), ("l", "180×200cm")]) == ["s"]
    assert variants_numbered("2米床的多少", [("s", "1.5m床 米白"), ("l", "2.0m床 米白")]) == ["l"]
    assert variants_numbered("4斤的多少", [("s", "200×230cm 1.5kg"), ("l", "200×230cm 2kg")]) == ["l"]


def test_variants_numbered_near_misses() -> None:
    assert variants_numbered("还有2个吗", JADE) == []  # a count
    assert variants_numbered("3999元那个", JADE) == []  # a price
    assert variants_numbered("60的有吗", JADE) == []  # no variant holds it
    assert variants_numbered("多少钱", JADE) == []
    packs = [("a", "3袋装"), ("b", "5袋装"), ("c", "2盒装")]
    assert variants_numbered("3号多少钱", packs) == []  # a link number, not the 3-bag pack
    assert variants_numbered("买2送1还有吗", packs) == []
    assert variants_numbered("2盒的多少", packs) == ["c"]  # the count said with the name's own word
    assert variants_numbered("15cm的", GOLD) == []  # 15 g is no 15 cm
    assert variants_numbered("5mm的有吗", [("s", "150×200cm"), ("l", "180×200cm")]) == []  # 5 mm, not 5 m


@pytest.mark.parametrize(("text", "ctx", "want", "not_want"), [
    ("52的还有几只", "JD-1", "JD-1.variant:JD-1-52.stock", "JD-1.stock"),
    ("56有吗", "JD-1", "JD-1.variant:JD-1-56.stock", "JD-1.stock"),
    ("15g 56的有货吗", "GB-1", "GB-1.variant:GB-1-15-56.stock", "GB-1.stock"),
    ("1米8的还有吗", "MT-1", "MT-1.variant:MT-1-180.stock", "MT-1.stock"),
    ("一米五床垫有货吗", None, "MT-1.variant:MT-1-150.stock", "MT-1.stock"),
])
def test_numbered_variant_stock(engine: QAEngine, text: str, ctx: str | None, want: str, not_want: str) -> None:
    got = ask(engine, text, ctx)
    assert not got["escalate"] and want in got["facts"] and not_want not in got["facts"], got


@pytest.mark.parametrize(("text", "ctx", "want", "not_want"), [
    ("2米的床单什么价", None, "SH-1.variant:SH-1-20.price", "SH-1.variant:SH-1-15.price"),
    ("棉花被4斤的多少钱", None, "DV-1.variant:DV-1-2.price", "DV-1.variant:DV-1-1.price"),
])
def test_numbered_variant_price(engine: QAEngine, text: str, ctx: str | None, want: str, not_want: str) -> None:
    got = ask(engine, text, ctx)
    assert not got["escalate"] and want in got["facts"] and not_want not in got["facts"], got


def test_numbered_variants_both_answered(engine: QAEngine) -> None:
    got = ask(engine, "58的还有吗", "GB-1")
    assert not got["escalate"], got
    assert {"GB-1.variant:GB-1-15-58.stock", "GB-1.variant:GB-1-25-58.stock"} <= set(got["facts"]), got


def test_numbered_near_miss_plain_stock(engine: QAEngine) -> None:
    got = ask(engine, "还有货吗", "JD-1")  # no number: the product's stock, as before
    assert not got["escalate"] and "JD-1.stock" in got["facts"], got


def test_numbered_near_miss_absent_size(engine: QAEngine) -> None:
    got = ask(engine, "60的还有吗", "JD-1")  # no variant holds 60: never the total as if it were that one
    assert "JD-1.stock" not in got["facts"], got


# 2. the link number is not a variant ------------------------------------------------------------------------------
def test_link_number_stock_is_the_product(engine: QAEngine) -> None:
    got = ask(engine, "7号还有货吗")
    assert not got["escalate"] and got["sku"] == "JD-1" and "JD-1.stock" in got["facts"], got


def test_link_number_is_not_a_numbered_variant() -> None:
    shades = [("a", "3号色 豆沙"), ("b", "5号色 正红")]
    assert variants_numbered(unlinked("3号还有吗", 3), shades) == []  # 3号 picked the product: its stock
    assert variants_numbered("3号还有吗", shades) == ["a"]  # no link read: the shade named 3号
    assert unlinked("13号还有吗", 3) == "13号还有吗"  # another number
    assert variants_numbered(unlinked("链接7的52还有吗", 7), JADE) == ["JD-1-52"]


def test_link_number_with_variant_still_the_variant(engine: QAEngine) -> None:
    got = ask(engine, "7号的52还有吗")
    assert not got["escalate"] and "JD-1.variant:JD-1-52.stock" in got["facts"], got


# 3. intents --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["软不软", "沉不沉 带出门", "闷不闷脚", "透气吗", "显瘦吗", "好不好用"])
def test_quality_asked_is_attribute(text: str) -> None:
    assert classify(text).intent == "attribute"


@pytest.mark.parametrize("text", ["沉不沉", "软不软呀", "厚吗"])
def test_quality_asked_is_attribute_after_normalising(engine: QAEngine, text: str) -> None:
    assert engine.understand(text, context_sku="MT-1").intent == "attribute"  # "沉不沉" is read as "沉吗"


@pytest.mark.parametrize(("text", "want"), [
    ("是不是真的", "other"),  # a modal, not a quality
    ("对吗", "other"),
    ("好吗", "other"),
    ("能不能退", "returns"),
    ("发不发货", "shipping"),
    ("送不送赠品", "promotion"),
    ("贵不贵", "price"),
    ("好不好看", "chitchat"),
    ("到了吗", "other"),  # a state, not a quality
    ("明天吗", "other"),
    ("主播在吗", "greeting"),
])
def test_quality_near_misses(text: str, want: str) -> None:
    assert classify(text).intent == want


@pytest.mark.parametrize("text", ["翡翠镯是7号吗", "床垫是3号链接吗"])
def test_which_link_is_purchase(text: str) -> None:
    assert classify(text).intent == "purchase"


def test_link_number_what_is_not_purchase() -> None:
    assert classify("7号是什么玉").intent != "purchase"


@pytest.mark.parametrize("text", ["3号多少", "4号链接多少", "这个多少"])
def test_pointer_much_is_price(engine: QAEngine, text: str) -> None:
    assert engine.understand(text, context_sku="SH-1").intent == "price"


def test_measured_much_near_miss(engine: QAEngine) -> None:
    assert engine.understand("厚度多少", context_sku="MT-1").intent == "attribute"
