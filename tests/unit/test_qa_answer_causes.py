"""Causes of answerable questions missed on two new shops, each fixed by a general mechanism and tested with a
small catalog of its own (an outdoor and a kitchen shop, none of the bench sets' products), a found case in
other words and near misses:

1. Closed lists: "有X吗" of an option of the same kind as an attribute's list (colour, letter size, a size
   range, capacity with unit, people, flavour, pattern) — "no, these are there" when it is missing, the list
   when it is there (``closedlists``); never when a variant is named or another thing is the subject.
2. Listing questions ("有哪些颜色", "有几种") cite the attribute naming that kind beside the variant names.
3. A variant named just before the product's noun ("3人帐篷多少钱", "1000ml的壶多少") is that variant's.
4. Two catalog products compared cite the compared fact of both (``comparands``).
5. Two asks in one line ("多少钱 防水吗") are both answered (``runon``).

Hermetic: in memory, a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.closedlists import asked_option, closed_list, listing_attribute
from cohost.knowledge.runon import asks_of
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试户外厨房店", "policies": {"returns": "支持7天无理由退货", "shipping": "48小时内发货"}},
        "products": [
            {"sku": "TN-1", "display_order": 1, "title": "山野速搭帐篷 3人/5人", "category": "户外", "price": 299,
             "stock": 30, "aliases": ["帐篷"],
             "attributes": {"适用人数": "3人款 / 5人款", "重量": "3人款约3kg；5人款约5kg", "颜色": "卡其、军绿",
                            "防水": "PU2000mm", "产地": "浙江"},
             "variants": [{"sku": "TN-1-3", "name": "3人款", "stock": 20, "price": 299},
                          {"sku": "TN-1-5", "name": "5人款", "stock": 10, "price": 459}]},
            {"sku": "KT-1", "display_order": 2, "title": "不锈钢烧水壶", "category": "厨房", "price": 89,
             "stock": 50, "aliases": ["烧水壶", "水壶"],
             "attributes": {"容量": "1000ml / 1500ml", "重量": "约900g", "颜色": "银色", "产地": "广东"},
             "variants": [{"sku": "KT-1-10", "name": "1000ml", "stock": 30, "price": 89},
                          {"sku": "KT-1-15", "name": "1500ml", "stock": 20, "price": 109}]},
            {"sku": "JK-1", "display_order": 3, "title": "轻薄防风夹克", "category": "户外", "price": 199,
             "stock": 40, "aliases": ["夹克"],
             "attributes": {"尺码范围": "S-XL", "颜色": "藏青、米白", "重量": "约300g", "产地": "福建",
                            "版型": "宽松，男女同款"}},
        ],
    })


def ask(question: str, ctx: str | None = None) -> dict[str, Any]:
    eng = QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))
    return eng.answer(question, context_sku=ctx).to_json_dict()


# 1. closed lists ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "ctx", "fact"), [
    ("帐篷有4人的吗", None, "TN-1.attr:适用人数"),
    ("烧水壶有2升的吗", None, "KT-1.attr:容量"),
    ("夹克有XXL吗", None, "JK-1.attr:尺码范围"),
])
def test_closed_list_missing_option_is_no(question: str, ctx: str | None, fact: str) -> None:
    got = ask(question, ctx)
    assert not got["escalate"] and got["facts"] == [fact]
    assert "没有" in got["answer"]


def test_closed_list_reader() -> None:
    assert closed_list("有46码吗", [("尺码范围", "36-45码")]) is not None
    assert closed_list("有40码吗", [("尺码范围", "36-45码")]).present  # type: ignore[union-attr]
    assert not closed_list("有3xl吗", [("尺码", "S:…；M:…；XXL:…")]).present  # type: ignore[union-attr]
    assert closed_list("有没有香蕉味", [("口味", "原味、草莓味")]).present is False  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["有500ml以上的吗", "有什么颜色", "多少钱", "容量多大"])
def test_closed_list_near_miss_no_option_asked(text: str) -> None:
    assert asked_option(text) is None


def test_closed_list_near_miss_present_option_is_not_no() -> None:
    got = ask("夹克有m码吗")
    assert "没有" not in got["answer"]
    got = ask("有卡其色吗", "TN-1")
    assert not got["escalate"] and "没有" not in got["answer"]


def test_closed_list_colour_missing_is_said_no() -> None:
    # the independent writers' convention (round 2): a colour missing from the list is "no, these are there"
    got = ask("有紫色吗", "JK-1")
    assert not got["escalate"] and got["facts"] == ["JK-1.attr:颜色"]


def test_closed_list_near_miss_other_subject() -> None:
    got = ask("手套有红色吗", "JK-1")  # a thing this shop does not sell: not the jacket's colours
    assert "JK-1.attr:颜色" not in got["facts"]


# 2. listing questions -------------------------------------------------------------------------------------
def test_listing_cites_the_dimension_attribute() -> None:
    got = ask("帐篷有几种")
    assert "TN-1.attr:适用人数" in got["facts"] and "TN-1.variant:TN-1-3.name" in got["facts"]
    assert listing_attribute("有哪些颜色", [("颜色", "卡其、军绿"), ("产地", "浙江")], ["卡其", "军绿"]) == 0


def test_listing_near_miss() -> None:
    assert listing_attribute("多少钱", [("颜色", "卡其")], ["卡其"]) is None


# 3. a variant named before the product's noun -------------------------------------------------------------
def test_variant_before_noun_found() -> None:
    got = ask("5人帐篷多少钱")
    assert "TN-1.variant:TN-1-5.price" in got["facts"] and "TN-1.price" not in got["facts"]
    got = ask("1500ml的壶多少")
    assert got["intent"] == "price" and "KT-1.variant:KT-1-15.price" in got["facts"]


def test_variant_before_noun_near_miss() -> None:
    got = ask("帐篷多少钱")
    assert "TN-1.price" in got["facts"]


# 4. two products compared ---------------------------------------------------------------------------------
def test_comparison_found() -> None:
    got = ask("帐篷和夹克哪个贵")
    assert not got["escalate"] and {"TN-1.price", "JK-1.price"} <= set(got["facts"])
    got = ask("水壶和夹克哪个重")
    assert {"KT-1.attr:重量", "JK-1.attr:重量"} <= set(got["facts"])


def test_comparison_near_miss_one_product() -> None:
    got = ask("夹克是福建产的吗")
    assert got["facts"] == ["JK-1.attr:产地"]


# 5. two asks in one line ----------------------------------------------------------------------------------
def test_run_on_cut() -> None:
    assert asks_of("夹克多少钱防风吗") == ["夹克多少钱", "防风吗"]
    assert asks_of("帐篷多少钱多重") == ["帐篷多少钱", "多重"]
    assert asks_of("多少钱一个") == ["多少钱一个"]


def test_run_on_answers_both() -> None:
    got = ask("帐篷多少钱 防水吗")
    assert {"TN-1.price", "TN-1.attr:防水"} <= set(got["facts"])
