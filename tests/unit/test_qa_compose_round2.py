"""Answer composition, second round: which facts answer an answerable question, each cause fixed by a general
mechanism and tested on a small catalog of its own (a baby-and-outdoor shop, none of the bench sets' products),
found cases in other words and near misses:

1. Closed lists of colours and scents answer "no, these are there" (``closedlists``), like sizes and capacities.
2. Shop rules by their matter: exchange vs returns, customer service, invoice, price protection, couriers and
   places (``shop_rules``); a rule that does not say the detail asked (a cut-off hour, an address) answers nothing.
3. Promotions of the kind asked (gift, instalment, several pieces), the one a question names ("能刻字吗",
   "送的X几号截止"); bargaining is no promotion (``offers``).
4. Two variants of one product compared cite both prices; a variant that cannot be bought cites its stock
   (``variants.compared_variants``).
5. A comparison's subject is the product named first.
6. Suitability by the viewer's case (age, month age, height, activity) cites the attribute stating the range
   (``suitability``).
7. "保温杯多少" asks the price although 保温 names an attribute.

Hermetic: in memory, a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.offers import bargaining, offer_named, promotion_kind
from cohost.knowledge.shop_rules import exchange_asked, policy_covers, rule_asked
from cohost.knowledge.suitability import case_told, suited
from cohost.knowledge.variants import compared_variants
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)

POLICIES = {
    "shipping": "下单后48小时内从杭州仓发货，默认韵达快递；新疆西藏补运费10元；港澳台及海外暂不发货",
    "returns": "支持7天无理由退货；食品拆封后不支持无理由退货；质量问题15天内包退",
    "exchange": "签收后7天内未使用的商品可换颜色或尺码一次",
    "invoice": "支持开电子普通发票，确认收货后在订单页申请",
    "customer_service": "在线客服每天9:00-22:00，22:00后留言次日处理",
    "price_protection": "签收后7天内同款降价可申请补差价",
}


def promo(text: str, kind: str = "gift") -> dict[str, str]:
    return {"kind": kind, "description": text, "starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-12-31T23:59:59+08:00"}


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试母婴户外店", "policies": POLICIES},
        "products": [
            {"sku": "CU-1", "display_order": 1, "title": "小鹿儿童保温吸管杯 350ml", "category": "母婴", "price": 79,
             "stock": 40, "aliases": ["吸管杯"],
             "attributes": {"保温效果": "6小时不低于50℃", "适用年龄": "1岁以上", "颜色": "薄荷绿、奶油白",
                            "容量": "350ml"},
             "promotions": [promo("下单免费激光刻名字（备注名字）")]},
            {"sku": "WP-1", "display_order": 2, "title": "云朵婴儿湿巾 80抽", "category": "母婴", "price": 39,
             "stock": 50, "aliases": ["湿巾"],
             "attributes": {"规格": "80抽/包", "适用人群": "新生儿可用", "香型": "无香、青柠"},
             "variants": [{"sku": "WP-1-5", "name": "5包装", "stock": 30, "price": 39},
                          {"sku": "WP-1-10", "name": "10包装", "stock": 20, "price": 69}],
             "promotions": [promo("支持6期分期免息", "instalment"), promo("下单送便携湿巾1包", "gift"),
                            promo("第二提半价", "bundle")]},
            {"sku": "JR-1", "display_order": 3, "title": "风行计数跳绳（标准款/计数款）", "category": "运动", "price": 39,
             "stock": 60, "aliases": ["跳绳"],
             "attributes": {"绳长": "3m可调", "重量": "约200g", "适用场景": "减脂、体能训练、跑步热身"},
             "variants": [{"sku": "JR-1-STD", "name": "标准款（无计数）", "stock": 40, "price": 39},
                          {"sku": "JR-1-CNT", "name": "电子计数款", "stock": 20, "price": 59}]},
            {"sku": "TP-1", "display_order": 4, "title": "轻峰碳素登山杖", "category": "户外", "price": 129,
             "stock": 30, "aliases": ["登山杖"],
             "attributes": {"适用身高": "150-190cm", "重量": "约220g", "材质": "碳素"},
             "variants": [{"sku": "TP-1-S", "name": "S码", "stock": 0}, {"sku": "TP-1-M", "name": "M码", "stock": 30}]},
        ],
    })


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))


def ask(engine: QAEngine, question: str, ctx: str | None = None) -> dict[str, Any]:
    return engine.answer(question, context_sku=ctx).to_json_dict()


# 1. closed lists of colours and scents ---------------------------------------------------------------------
def test_missing_colour_is_answered_no_from_the_list(engine: QAEngine) -> None:
    got = ask(engine, "吸管杯有粉色的吗")
    assert not got["escalate"] and got["facts"] == ["CU-1.attr:颜色"] and "没有" in got["answer"]


def test_missing_scent_asked_as_a_taste_is_answered_from_the_scents(engine: QAEngine) -> None:
    got = ask(engine, "有桂花味吗", "WP-1")
    assert not got["escalate"] and "WP-1.attr:香型" in got["facts"]


def test_closed_colour_near_misses(engine: QAEngine) -> None:
    got = ask(engine, "有奶油白吗", "CU-1")  # there: no "no"
    assert not got["escalate"] and "没有" not in got["answer"]
    got = ask(engine, "手套有红色吗", "CU-1")  # a thing the shop does not sell: not the cup's colours
    assert "CU-1.attr:颜色" not in got["facts"]


# 2. shop rules by their matter -----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "ctx", "fact"), [
    ("颜色不喜欢可以换吗", "CU-1", "shop.policy:exchange"),
    ("尺码不合适能换吗", "TP-1", "shop.policy:exchange"),
    ("售后找谁", None, "shop.policy:customer_service"),
    ("晚上11点还有客服吗", None, "shop.policy:customer_service"),
    ("发票怎么开", "CU-1", "shop.policy:invoice"),
    ("买完降价了怎么办", None, "shop.policy:price_protection"),
    ("台湾能买吗", None, "shop.policy:shipping"),
    ("韵达还是中通", None, "shop.policy:shipping"),
])
def test_shop_rule_of_the_matter_asked(engine: QAEngine, text: str, ctx: str | None, fact: str) -> None:
    got = ask(engine, text, ctx)
    assert not got["escalate"] and got["facts"] == [fact], got


@pytest.mark.parametrize("text", ["几点前下单当天发", "退货地址是哪"])
def test_a_rule_that_does_not_say_the_detail_is_no_answer(engine: QAEngine, text: str) -> None:
    got = ask(engine, text)
    assert got["escalate"] and got["reason"] == "no_fact" and not got["facts"]


def test_shop_rule_near_misses() -> None:
    assert rule_asked("我要找客服") is None  # a person asked for, not the hours
    assert rule_asked("大杯和小杯差价多少") is None  # two prices, not price protection
    assert not exchange_asked("电池能换吗") and not exchange_asked("不合适能退吗")
    assert exchange_asked("码数买错了能换吗")
    assert not policy_covers("能发中通吗", POLICIES["shipping"])
    assert policy_covers("能发韵达吗", POLICIES["shipping"])


# 3. promotions --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "ctx", "fact"), [
    ("湿巾有赠品吗", None, "WP-1.promotion:2"),  # the gift, not the first promotion
    ("送啥", "WP-1", "WP-1.promotion:2"),
    ("能分期吗", "WP-1", "WP-1.promotion:1"),
    ("湿巾买两提怎么算", None, "WP-1.promotion:3"),
    ("吸管杯能刻字吗", None, "CU-1.promotion:1"),
])
def test_promotion_of_the_kind_or_name_asked(engine: QAEngine, text: str, ctx: str | None, fact: str) -> None:
    got = ask(engine, text, ctx)
    assert not got["escalate"] and got["facts"][:1] == [fact], got


@pytest.mark.parametrize("text", ["能便宜点吗", "老粉了能再少点吗", "抹个零呗"])
def test_bargaining_is_no_promotion(engine: QAEngine, text: str) -> None:
    got = ask(engine, text, "WP-1")
    assert got["escalate"] and got["reason"] == "no_fact"


def test_offer_near_misses() -> None:
    assert not bargaining("买两提便宜点吗")  # several pieces: an offer may answer it
    assert bargaining("买两提能再便宜点吗")  # beyond the offer
    assert promotion_kind("送啥") == "gift" and promotion_kind("多少钱") is None
    # the product's own name shared with a promotion is no match
    assert offer_named("杯子能保温吗", ["下单送杯套"], names="保温杯") is None
    assert offer_named("9折到几号", ["满2件9折", "下单送杯刷"]) == 0


# 4. variants compared, a variant that cannot be bought ------------------------------------------------------
@pytest.mark.parametrize(("text", "ctx", "facts"), [
    ("5包和10包哪个划算", "WP-1", {"WP-1.variant:WP-1-5.price", "WP-1.variant:WP-1-10.price"}),
    ("计数款和标准款有啥不同", "JR-1", {"JR-1.variant:JR-1-CNT.price", "JR-1.variant:JR-1-STD.price"}),
])
def test_two_variants_compared_cite_both_prices(engine: QAEngine, text: str, ctx: str, facts: set[str]) -> None:
    got = ask(engine, text, ctx)
    assert not got["escalate"] and facts <= set(got["facts"]), got


def test_variant_that_cannot_be_bought_cites_its_stock(engine: QAEngine) -> None:
    got = ask(engine, "s码怎么拍不了", "TP-1")
    assert not got["escalate"] and "TP-1.variant:TP-1-S.stock" in got["facts"]


def test_compared_variants_near_misses() -> None:
    names = [("A", "5包装"), ("B", "10包装")]
    assert compared_variants("10包和5包哪个划算", names) == ["B", "A"]
    assert compared_variants("15和5哪个好", names) is None  # 15 is not 5
    assert compared_variants("5包多少钱", names) is None  # nothing compared
    assert compared_variants("二人和四人哪个贵", [("2", "2人款"), ("4", "4人款")]) == ["2", "4"]


# 5. the subject of a comparison ----------------------------------------------------------------------------
def test_comparison_subject_is_the_product_named_first(engine: QAEngine) -> None:
    a = ask(engine, "登山杖和跳绳哪个重")
    b = ask(engine, "跳绳和登山杖哪个重")
    assert a["sku"] == "TP-1" and b["sku"] == "JR-1"
    assert {"TP-1.attr:重量", "JR-1.attr:重量"} <= set(a["facts"]) & set(b["facts"])


# 6. suitability by the viewer's case ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "ctx", "fact"), [
    ("3岁以后还能用吗", "CU-1", "CU-1.attr:适用年龄"),
    ("七个月能用吸管杯吗", None, "CU-1.attr:适用年龄"),
    ("我190能用吗", "TP-1", "TP-1.attr:适用身高"),
    ("跑步前热身能用吗", "JR-1", "JR-1.attr:适用场景"),
    ("新生儿能用湿巾吗", None, "WP-1.attr:适用人群"),
])
def test_suitability_cites_the_range_attribute(engine: QAEngine, text: str, ctx: str | None, fact: str) -> None:
    got = ask(engine, text, ctx)
    assert not got["escalate"] and fact in got["facts"], got


def test_suitability_near_misses() -> None:
    attrs = [("适用人群", "男女同款"), ("重量", "约200g")]
    assert suited("8岁能用吗", attrs) is None  # 男女同款 says nothing about an age
    assert case_told("多少钱") is None and case_told("190的身高") is None  # no fit asked
    assert suited("我190能用吗", [("适用身高", "150-190cm")]) == 0


# 7. the product's noun before a bare 多少 ---------------------------------------------------------------------
def test_product_noun_before_bare_duoshao_asks_price(engine: QAEngine) -> None:
    got = ask(engine, "保温杯多少")
    assert got["intent"] == "price" and "CU-1.price" in got["facts"]
    got = ask(engine, "保温效果多少", "CU-1")  # the attribute's own label: not the price
    assert "CU-1.attr:保温效果" in got["facts"] and "CU-1.price" not in got["facts"]


# more of the same causes: groups in the cautions, closed lists of strengths and vintages, offers by deadline ---
def test_a_group_the_cautions_name_is_answered_by_them() -> None:
    from cohost.knowledge.cautions import cautioned

    text = "含咖啡因，儿童及咖啡因敏感人群请慎饮；不宜空腹饮用"
    assert cautioned("8个月宝宝能喝吗", "1岁以下婴儿请勿食用蜂蜜制品")
    assert cautioned("空腹能喝吗", text) and cautioned("咖啡因敏感能喝吗", text)
    assert not cautioned("空腹能喝吗", "请勿高温暴晒")  # a group the cautions do not name
    assert not cautioned("宝宝多重", text)  # no may-I asked


def test_closed_lists_of_strengths_and_vintages() -> None:
    from cohost.knowledge.closedlists import closed_list

    assert closed_list("有42度的吗", [("酒精度", "53%vol")]) is not None
    assert closed_list("有42度的吗", [("酒精度", "53%vol")]).present is False  # type: ignore[union-attr]
    got = closed_list("有2018年的吗", [("保修", "2年"), ("年份", "2020年、2019年")])
    assert got is not None and got.index == 1 and not got.present
    assert closed_list("有3年保修的吗", [("保修", "2年")]) is None  # a span, no vintage


def test_offer_deadline_and_both_products(engine: QAEngine) -> None:
    got = ask(engine, "送的便携包到几号", "WP-1")
    assert got["facts"][:1] == ["WP-1.promotion:2"], got
    got = ask(engine, "刻字活动什么时候结束", "CU-1")
    assert got["facts"] == ["CU-1.promotion:1"], got
    got = ask(engine, "湿巾和吸管杯都能分期吗")  # the cup has no instalments: not said for both
    assert got["escalate"] or "CU-1.promotion:1" not in got["facts"]


def test_a_variant_named_by_numerals_or_its_tail() -> None:
    from cohost.knowledge.variants import variant_named

    tents = [("2", "2人款"), ("4", "4人款")]
    assert variant_named("二人帐篷还有多少", tents) == "2"
    assert variant_named("帐篷还有多少", tents) is None  # none named: the product's own stock
    assert variant_named("12人的有吗", tents) is None  # 12 is not 2
    assert variant_named("计数款有货吗", [("S", "标准款（无计数）"), ("C", "电子计数款")]) == "C"


def test_one_variant_for_another_is_an_exchange(engine: QAEngine) -> None:
    got = ask(engine, "标准款换计数款可以吗", "JR-1")
    assert got["facts"] == ["shop.policy:exchange"], got
    assert not exchange_asked("换向怎么弄")


def test_a_variant_named_by_its_number_alone() -> None:
    from cohost.knowledge.variants import variant_named

    rods = [("25", "25mm"), ("28", "28mm"), ("32", "32mm")]
    assert variant_named("28还有几个", rods) == "28"
    assert variant_named("28元的那个", rods) is None  # a price, not the 28mm
    assert variant_named("3号链接有吗", rods) is None


def test_a_letter_size_is_not_found_inside_a_longer_one() -> None:
    from cohost.knowledge.variants import variant_named

    sizes = [("S", "S"), ("M", "M"), ("XL", "XL")]
    assert variant_named("有xxl吗", sizes) is None
    assert variant_named("xl还有吗", sizes) == "XL"


def test_an_offer_answers_only_what_it_holds() -> None:
    from cohost.knowledge.offers import offer_holds

    engraving = "下单免费激光刻宝宝名字（下单备注名字）"
    assert offer_holds("能刻字吗", engraving) and offer_holds("刻名字要怎么备注", engraving)
    assert not offer_holds("鞋垫能拆吗", "下单送加厚鞋垫一双")  # the gift is named, 拆 is not said
