"""Five causes from the digital-accessories shop and the dev shops, fixed by general mechanisms, each tested
with differently worded cases that must now be handled AND near misses that must not change:

1. A comparison with a maker or model the catalog never names ("跟安克的比哪个好", "和70迈比怎么样",
   "跟airpods pro2比") is unknown (``no_fact``), not "which product?" (``drafting.outside_comparand``).
2. "<trait>的那个…" with nothing on screen, the trait shared by several products ("无线的那个续航多少"),
   asks which product (``ambiguous_product``); a trait naming one product's kind still links it.
3. A power asked per port or with ports used together ("每个口多少W", "三个口一起充每个口多少W") is the
   value splitting the power among ports; a count asked in a Latin unit ("几H的") is the one value written
   in that unit (``quantities``).
4. A spend-threshold offer ("满300减多少", "有满减吗") no promotion or shop fact speaks of is unknown.
5. A question opening with another product's kind ("膜有16pro的吗" while a case is on screen) is about
   that product, not the one on screen (``linking``).

Hermetic: a small catalog of its own (none of the dev shops' products), in memory, with a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.drafting import outside_comparand
from cohost.knowledge.quantities import measured, unit_echoed
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)
PROMO = {"starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-11-30T23:59:59+08:00"}


def catalog(threshold: bool = False) -> Catalog:
    offer = "满200减20" if threshold else "下单送收纳袋一个"
    return Catalog.model_validate({
        "shop": {"name": "测试数码店", "policies": {"returns": "支持7天无理由退货", "shipping": "48小时内发货"}},
        "products": [
            {"sku": "EB-1", "display_order": 1, "title": "声浪 无线蓝牙耳机", "category": "数码", "price": 159,
             "stock": 40, "aliases": ["耳机"], "brand": "声浪",
             "attributes": {"续航": "单次约6小时，配合充电仓约24小时", "蓝牙版本": "5.3", "接口": "Type-C"}},
            {"sku": "CH-1", "display_order": 2, "title": "氮化镓三口充电器", "category": "数码", "price": 99,
             "stock": 60, "aliases": ["充电器", "充电头"],
             "attributes": {"最大功率": "65W", "功率分配": "单个C口最高65W；两个C口同时用为45W+20W",
                            "快充说明": "支持PD 65W快充", "接口": "2C1A"},
             "promotions": [{"kind": "gift", "description": offer, **PROMO}]},
            {"sku": "PC-1", "display_order": 3, "title": "磁吸透明手机壳", "category": "数码", "price": 39,
             "stock": 200, "aliases": ["手机壳", "壳"],
             "attributes": {"材质": "PC背板加TPU边框"},
             "variants": [{"sku": "PC-1-16", "name": "iPhone 16", "stock": 50},
                          {"sku": "PC-1-16P", "name": "iPhone 16 Pro", "stock": 30}]},
            {"sku": "SP-1", "display_order": 4, "title": "防窥钢化膜", "category": "数码", "price": 49, "stock": 90,
             "aliases": ["钢化膜", "膜"], "attributes": {"硬度": "9H"},
             "variants": [{"sku": "SP-1-16", "name": "iPhone 16", "stock": 30},
                          {"sku": "SP-1-16P", "name": "iPhone 16 Pro", "stock": 10}]},
            {"sku": "KB-1", "display_order": 5, "title": "三模无线机械键盘", "category": "数码", "price": 259,
             "stock": 20, "aliases": ["键盘"],
             "attributes": {"续航": "关灯约200小时", "连接": "蓝牙/2.4G/有线", "接口": "Type-C"}},
        ],
    })


def ask(question: str, ctx: str | None = None, *, threshold: bool = False) -> dict[str, Any]:
    eng = QAEngine(InMemoryFactSource(catalog(threshold)), clock=ManualClock(NOW.timestamp()))
    return eng.answer(question, context_sku=ctx).to_json_dict()


# --- 1. comparisons with a maker the catalog never names ----------------------------------------------

@pytest.mark.parametrize(("question", "ctx"), [
    ("跟安克的充电器比哪个好", None), ("你们键盘跟罗技的比怎么样", None), ("耳机跟airpods pro2比怎么样", None),
    ("和绿联比哪个好", "CH-1"), ("这个跟倍思的比怎么样", "EB-1"),
])
def test_a_comparison_with_an_unknown_maker_is_unknown(question: str, ctx: str | None) -> None:
    got = ask(question, ctx)
    assert got["escalate"] and got["reason"] == "no_fact"


@pytest.mark.parametrize("text", ["和上一个比哪个好", "跟这个比怎么样", "和3号比哪个好", "跟声浪的比", "和键盘比"])
def test_a_catalog_or_deictic_comparand_is_not_outside(text: str) -> None:
    said = "声浪无线蓝牙耳机三模无线机械键盘"
    assert outside_comparand(text, said) is None


def test_two_catalog_products_are_still_compared() -> None:
    got = ask("耳机和键盘哪个续航长")
    assert got["reason"] != "no_fact" or got["intent"] != "comparison"


# --- 2. "<trait>的那个" with nothing on screen ---------------------------------------------------------

@pytest.mark.parametrize("question", ["无线的那个续航多少", "Type-C的那个多少钱", "蓝牙的那个怎么连"])
def test_a_shared_trait_asks_which_product(question: str) -> None:
    got = ask(question)
    assert got["escalate"] and got["reason"] == "ambiguous_product"


@pytest.mark.parametrize(("question", "ctx", "sku"), [
    ("键盘的那个多少钱", None, "KB-1"),  # the trait is one product's kind, and that one is linked
    ("无线的那个续航多少", "KB-1", "KB-1"),  # a product on screen: the screen tells which
])
def test_a_trait_telling_one_product_is_answered(question: str, ctx: str | None, sku: str) -> None:
    got = ask(question, ctx)
    assert not got["escalate"] and got["sku"] == sku


# --- 3. power per port, a count in a Latin unit --------------------------------------------------------

ATTRS = [("最大功率", "65W"), ("功率分配", "单个C口最高65W；两个C口同时用为45W+20W"), ("快充说明", "支持PD 65W快充")]


@pytest.mark.parametrize(("text", "words"), [
    ("每个口多少w", []), ("三个口一起充每个口多少w", ["口一起", "充每"]), ("两个口同时用多少瓦", ["口同时"]),
])
def test_a_power_per_port_is_the_split(text: str, words: list[str]) -> None:
    assert measured(text, ATTRS, words) == 1


def test_a_plain_power_is_still_the_maximum() -> None:
    assert measured("这个多少瓦", ATTRS, []) == 0


@pytest.mark.parametrize(("question", "ctx", "fact"), [
    ("三个口一起充每个口多少W", "CH-1", "CH-1.attr:功率分配"),
    ("几H的", "SP-1", "SP-1.attr:硬度"),
    ("硬度几H", "SP-1", "SP-1.attr:硬度"),
])
def test_units_are_answered_by_their_attribute(question: str, ctx: str, fact: str) -> None:
    got = ask(question, ctx)
    assert not got["escalate"] and fact in got["facts"]


@pytest.mark.parametrize(("text", "attrs"), [
    ("几h", [("续航", "约7h"), ("充电时间", "约2h")]),  # two values in that unit: no one answer
    ("几h", [("续航", "约7小时")]),  # not written in the unit asked
    ("9h的吗", [("硬度", "9H")]),  # a measure told, not asked
])
def test_a_unit_echo_needs_one_value_in_that_unit(text: str, attrs: list[tuple[str, str]]) -> None:
    assert unit_echoed(text, attrs) is None


# --- 4. spend thresholds ------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["满300减多少", "有满减吗", "满两百减吗"])
def test_a_threshold_no_offer_names_is_unknown(question: str) -> None:
    got = ask(question, "CH-1")
    assert got["escalate"] and got["reason"] == "no_fact"


def test_a_threshold_an_offer_names_is_answered() -> None:
    got = ask("满减怎么算", "CH-1", threshold=True)
    assert not got["escalate"] and "CH-1.promotion:1" in got["facts"]


def test_other_offers_are_still_answered() -> None:
    got = ask("有什么优惠", "CH-1")
    assert not got["escalate"] and "CH-1.promotion:1" in got["facts"]


# --- 5. another product's kind opening the question ----------------------------------------------------

def test_a_kind_named_beats_the_product_on_screen() -> None:
    got = ask("膜有16pro的吗", "PC-1")
    assert got["sku"] == "SP-1"


@pytest.mark.parametrize(("question", "ctx"), [
    ("壳有16pro的吗", "PC-1"),  # its own kind
    ("有16pro的吗", "PC-1"),  # no kind named
    ("硬不硬", "PC-1"),  # a word, not a kind opening the question
])
def test_the_product_on_screen_stays_otherwise(question: str, ctx: str) -> None:
    got = ask(question, ctx)
    assert got["sku"] == ctx
