"""Answer composition and intents, seventh round: each cause fixed by a general mechanism, tested on a small
catalog of its own (a hoodie, a bookcase, made-to-measure curtains, a lip balm; none of the bench sets'
products), found cases in other words and near misses:

1. A quality of the product on screen asked with no concept word ("啥布料的", "有多甜", "是短袖的还是长袖",
   "热不热") is an attribute; goods, a link or a service asked ("有X吗", "卖不卖", "能开发票吗") are not.
2. When or in what order it is used ("白天能涂还是只能睡前", "用在乳液前面还是后面", "要先充满电再用吗") is usage.
3. A variant said first, then whether there is one ("灰色有吗", "XL有没有") asks its stock; "有灰色吗" (有
   first) still asks whether the product comes in it.
4. An exchange of size ("能换规格吗", "可以换尺寸吗") is the after-sales rule, not the size attributes.
5. Installation as a service ("上门安装多少钱", "包安装吗", "能上门装吗") is the shop's installation rule, never
   the product's price; how to assemble it ("怎么安装") stays the product's own text.
6. A price per unit of area or length ("一平米多少钱") is the product's pricing rule (计价方式) when it has one;
   without one, or with no unit asked, the price.

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
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试生活小铺", "policies": {
            "shipping": "下单后48小时内发货", "returns": "支持7天无理由退货",
            "exchange": "签收7天内未使用可换同款其他尺寸或颜色，来回运费买家承担",
            "installation": "书柜可付费预约上门安装，60元/件；窗帘包含上门测量和安装"}},
        "products": [
            {"sku": "HD-1", "display_order": 1, "title": "加绒连帽卫衣", "category": "服饰", "price": 159,
             "stock": 30, "aliases": ["卫衣"], "attributes": {"面料": "棉75% 聚酯纤维25%", "尺码范围": "S-XL"},
             "variants": [{"sku": "HD-1-G", "name": "灰色", "stock": 0}, {"sku": "HD-1-B", "name": "黑色", "stock": 12},
                          {"sku": "HD-1-XL", "name": "XL", "stock": 5}]},
            {"sku": "BC-1", "display_order": 2, "title": "实木五层书柜", "category": "家具", "price": 699,
             "stock": 6, "aliases": ["书柜"], "attributes": {"材质": "橡胶木", "安装": "需自行组装，附工具"}},
            {"sku": "CT-1", "display_order": 3, "title": "遮光定制窗帘", "category": "家居", "price": 100,
             "stock": 99, "aliases": ["窗帘"], "attributes": {"计价方式": "按宽度计价，120元/米起", "遮光率": "95%"}},
            {"sku": "LB-1", "display_order": 4, "title": "蜂蜜润唇膏", "category": "美妆", "price": 39,
             "stock": 80, "aliases": ["润唇膏"], "attributes": {"成分": "蜂蜡、乳木果油"}},
        ],
    })


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))


def ask(engine: QAEngine, question: str, ctx: str | None = None) -> dict[str, Any]:
    return engine.answer(question, context_sku=ctx).to_json_dict()


# 1. a quality asked with no concept word --------------------------------------------------------------------
@pytest.mark.parametrize("text", ["啥布料的", "有多甜", "是短袖的还是长袖", "冬天穿热不热", "会不会起毛"])
def test_quality_without_a_concept_word_is_an_attribute(engine: QAEngine, text: str) -> None:
    assert engine.understand(text, "HD-1").intent == "attribute"


@pytest.mark.parametrize("text", ["有没有卫衣卖", "能开发票吗", "下一个上什么", "你们有实体店吗"])
def test_goods_a_link_or_a_service_is_no_quality(engine: QAEngine, text: str) -> None:
    assert engine.understand(text, "HD-1").intent != "attribute"


# 2. when or in what order it is used ------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["白天能涂还是只能睡前", "用在乳液前面还是后面", "要先充满电再用吗", "刚买的要先洗吗"])
def test_when_or_in_what_order_is_usage(text: str) -> None:
    assert classify(text).intent == "usage"


@pytest.mark.parametrize(("text", "intent"), [("晚上发货吗", "shipping"), ("前面那个多少钱", "price")])
def test_time_words_alone_are_no_usage(text: str, intent: str) -> None:
    assert classify(text).intent == intent


# 3. a variant said first, then whether there is one ---------------------------------------------------------
@pytest.mark.parametrize("text", ["灰色有吗", "XL有没有", "黑色的有没"])
def test_named_variant_then_has_asks_stock(engine: QAEngine, text: str) -> None:
    assert engine.understand(text, "HD-1").intent == "stock"


def test_has_first_still_asks_the_variant(engine: QAEngine) -> None:
    assert engine.understand("有灰色吗", "HD-1").intent == "variant"


def test_named_variant_sold_out_is_said(engine: QAEngine) -> None:
    got = ask(engine, "灰色有吗", "HD-1")
    assert got["intent"] == "stock" and any("HD-1-G" in f or "灰色" in f for f in got["facts"])


# 4. an exchange of size ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["能换尺寸吗", "可以换规格吗"])
def test_exchange_of_size_is_the_rule(engine: QAEngine, text: str) -> None:
    got = ask(engine, text, "HD-1")
    assert got["intent"] == "returns" and got["facts"] == ["shop.policy:exchange"]


def test_size_range_asked_stays_an_attribute(engine: QAEngine) -> None:
    got = ask(engine, "尺码范围是多少", "HD-1")
    assert "HD-1.attr:尺码范围" in got["facts"]


# 5. installation as a service ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "ctx"), [("书柜上门安装多少钱", None), ("包安装吗", "BC-1"), ("能上门装吗", "BC-1"),
                                           ("安装费多少", "BC-1")])
def test_installation_service_is_the_shop_rule(engine: QAEngine, text: str, ctx: str | None) -> None:
    got = ask(engine, text, ctx)
    assert got["facts"] == ["shop.policy:installation"] and "BC-1.price" not in got["facts"]


def test_how_to_assemble_stays_the_product_text(engine: QAEngine) -> None:
    got = ask(engine, "怎么安装", "BC-1")
    assert "shop.policy:installation" not in got["facts"] and got["facts"]


def test_installation_fee_is_no_price_intent() -> None:
    assert classify("书柜上门安装多少钱").intent != "price"
    assert classify("书柜多少钱").intent == "price"


# 6. a price per unit -------------------------------------------------------------------------------------
def test_price_per_unit_is_the_pricing_rule(engine: QAEngine) -> None:
    got = ask(engine, "窗帘一平米多少钱")
    assert got["facts"] == ["CT-1.attr:计价方式"] and "120元/米" in got["answer"]


def test_plain_price_stays_the_price(engine: QAEngine) -> None:
    assert ask(engine, "窗帘多少钱")["facts"][0] == "CT-1.price"


def test_per_unit_without_a_pricing_rule_stays_the_price(engine: QAEngine) -> None:
    got = ask(engine, "书柜一平米多少钱")
    assert "BC-1.price" in got["facts"] and not any("计价" in f for f in got["facts"])


def test_packaging_is_no_installation(engine: QAEngine) -> None:
    assert "shop.policy:installation" not in ask(engine, "是压缩包装吗", "BC-1")["facts"]


@pytest.mark.parametrize("text", ["我不", "我也不", "我怕冷不"])
def test_a_viewer_about_themself_is_no_quality(engine: QAEngine, text: str) -> None:
    assert engine.understand(text, "HD-1").intent != "attribute"
