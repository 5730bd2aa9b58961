"""Failure classes found by spot checks and on shops the engine was not written for, asserted the way a
viewer would notice them: the answer is about what was asked, or it is an honest "I don't know".

Hermetic: a small catalog of its own (none of the dev shops' products), in memory, with a manual clock.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog, Product
from cohost.knowledge import QAEngine
from cohost.knowledge.escalation import detect_risk
from cohost.knowledge.intents import classify
from cohost.knowledge.lexicon import dimension_of, english_nouns
from cohost.knowledge.text import normalize_question
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)


def _p(sku: str, order: int, title: str, price: float, **extra: object) -> dict[str, object]:
    return {"sku": sku, "display_order": order, "title": title, "category": extra.pop("category", "百货"),
            "price": price, "stock": extra.pop("stock", 50), **extra}


def catalog() -> Catalog:
    products = [
        _p("HD-1", 1, "加绒连帽卫衣 男女同款", 59, category="服饰",
           attributes={"面料成分": "棉80% 聚酯纤维20%", "颜色": "燕麦色", "尺码范围": "S-XXL",
                       "洗涤方式": "30℃以下水洗，反面晾干"},
           variants=[{"sku": "HD-1-S", "name": "S", "stock": 5}, {"sku": "HD-1-M", "name": "M", "stock": 5},
                     {"sku": "HD-1-L", "name": "L", "stock": 5}]),
        _p("HD-2", 2, "重磅纯色圆领卫衣", 79, category="服饰", attributes={"颜色": "黑色、灰色"},
           variants=[{"sku": "HD-2-BK", "name": "黑色", "stock": 5}, {"sku": "HD-2-GY", "name": "灰色", "stock": 5}],
           faq=[{"q": "起球吗", "a": "正常穿着不易起球，建议反面洗涤"}]),
        _p("CUP-1", 3, "316不锈钢保温杯 500ml", 129, category="家居", attributes={"容量": "500ml"}),
        _p("EAR-1", 4, "声屿 X1 真无线蓝牙耳机", 199, category="数码", brand="声屿",
           attributes={"充电接口": "USB-C", "续航": "约6小时"}),
        _p("EAR-2", 5, "声屿 X2 主动降噪蓝牙耳机", 299, category="数码", brand="声屿",
           attributes={"充电接口": "USB-C，支持无线充电"}),
        _p("CRM-1", 6, "婴儿保湿面霜 50g", 89, category="母婴", attributes={"适用人群": "儿童（含婴幼儿）"}),
        _p("SUN-1", 7, "清透防晒乳 SPF50+ 50ml", 99, category="美妆",
           attributes={"防晒指数": "SPF50+ PA++++", "容量": "50ml"},
           evidence=[{"claim": "2025年某平台防晒新品榜第3名", "source": "榜单截图", "expires_at": None}]),
        _p("SCF-1", 8, "羊毛混纺纯色围巾", 139, category="服饰",
           variants=[{"sku": "SCF-1-C", "name": "驼色", "stock": 3}, {"sku": "SCF-1-N", "name": "藏青", "stock": 3}]),
        _p("LIT-1", 9, "豆腐猫砂 6L×4包", 69, category="宠物", attributes={"可冲厕所": "可以，建议少量分次冲"}),
        _p("CHR-1", 10, "超轻铝合金月亮椅", 119, category="露营", attributes={"承重": "150kg", "重量": "约1.1kg"}),
        _p("TEA-1", 11, "桂花乌龙三角茶包", 29.9, category="茶饮", attributes={"冲泡方式": "90℃以上热水冲泡3-5分钟"}),
        _p("FRT-1", 12, "智利车厘子 礼盒", 199, category="生鲜",
           variants=[{"sku": "FRT-1-25", "name": "2.5kg", "price": 199, "stock": 5},
                     {"sku": "FRT-1-5", "name": "5kg", "price": 369, "stock": 5}]),
        _p("UKU-1", 13, "23寸尤克里里 初学套装", 199, category="乐器", aliases=["ukulele"],
           faq=[{"q": "是正品吗", "a": "品牌官方授权店铺，支持验货"}]),
        _p("BK-1", 14, "儿童启蒙认知绘本 全10册", 59.9, category="图书"),
        _p("WN-1", 15, "绍兴花雕黄酒 500ml", 48, category="酒水", usage="可温热后饮用", aliases=["花雕"]),
        _p("TEA-2", 16, "云南普洱熟茶饼 357g", 89, category="茶饮", aliases=["普洱"]),
        _p("NUT-1", 17, "每日混合坚果", 99, category="食品", attributes={"净含量": "750g（25g×30袋）", "保质期": "9个月"}),
        _p("MOP-1", 18, "平板拖把", 89, category="家清", attributes={"配件": "拖布2块"}),
        _p("MUG-1", 19, "陶瓷马克杯", 39, category="家居", aliases=["杯子"], attributes={"容量": "350ml"}),
    ]
    return Catalog.model_validate({
        "shop": {"name": "测试小店", "policies": {
            "shipping": "付款后48小时内发货，满49元包邮，偏远地区需补运费12元。",
            "returns": "支持7天无理由退货；非质量问题退货运费由买家承担，质量问题由本店承担。"}},
        "products": products,
    })


@pytest.fixture
def source() -> InMemoryFactSource:
    return InMemoryFactSource(catalog())


@pytest.fixture
def engine(source: InMemoryFactSource) -> QAEngine:
    return QAEngine(source, clock=ManualClock(NOW.timestamp()))


def no_fact(r: object) -> bool:
    return getattr(r, "escalate", False) and getattr(r, "reason", None) == "no_fact" and not getattr(r, "facts", [1])


# 1. a question naming a dimension is answered from that dimension ------------------------------------

def test_colour_of_a_product_whose_variants_are_sizes_is_its_colour_attribute(engine: QAEngine) -> None:
    r = engine.answer("有什么颜色", context_sku="HD-1")
    assert not r.escalate and r.facts == ["HD-1.attr:颜色"] and "燕麦色" in r.answer
    assert "M码" not in r.answer and "S码" not in r.answer


def test_colour_variants_are_listed_when_the_variants_are_colours(engine: QAEngine) -> None:
    r = engine.answer("有什么颜色", context_sku="HD-2")
    assert "黑色" in r.answer and "灰色" in r.answer and "HD-2.variant:HD-2-BK.name" in r.facts


@pytest.mark.parametrize(("question", "sku"), [("有什么颜色", "FRT-1"), ("尤克里里是什么颜色", "UKU-1")])
def test_colour_nobody_wrote_down_is_unknown_not_the_weights_or_the_title(engine: QAEngine, question: str, sku: str) -> None:
    r = engine.answer(question, context_sku=sku)
    assert no_fact(r)
    assert "kg" not in r.answer and "尤克里里" not in r.answer


def test_variant_dimensions_are_recognised() -> None:
    assert dimension_of(["S", "M", "XL"]) == "size"
    assert dimension_of(["雾白", "星空灰", "军绿"]) == "colour"
    assert dimension_of(["2.5kg", "5kg"]) == "weight"
    assert dimension_of(["白茶", "雪松", "柑橘"]) is None  # scents, not colours
    assert dimension_of(["3-4人", "5-6人"]) is None


# 2. relevance gate: the cited fact must address what was asked ---------------------------------------

def test_pilling_is_not_answered_with_washing_instructions(engine: QAEngine) -> None:
    r = engine.answer("起球吗", context_sku="HD-1")
    assert no_fact(r) and "洗" not in r.answer


def test_pilling_is_answered_by_the_merchants_own_faq(engine: QAEngine) -> None:
    r = engine.answer("起球吗", context_sku="HD-2")
    assert r.facts == ["HD-2.faq:1"] and "不易起球" in r.answer


def test_wireless_charging_is_not_answered_with_the_charging_port(engine: QAEngine) -> None:
    r = engine.answer("支持无线充电吗", context_sku="EAR-1")
    assert no_fact(r) and "USB-C" not in r.answer


def test_wireless_charging_is_answered_where_a_fact_says_it(engine: QAEngine) -> None:
    r = engine.answer("支持无线充电吗", context_sku="EAR-2")
    assert not r.escalate and "EAR-2.attr:充电接口" in r.facts and "无线充电" in r.answer


def test_oily_skin_is_not_answered_with_the_age_range(engine: QAEngine) -> None:
    r = engine.answer("适合油皮吗", context_sku="CRM-1")
    assert no_fact(r) and "儿童" not in r.answer


def test_battery_capacity_is_not_answered_with_the_running_time(engine: QAEngine) -> None:
    r = engine.answer("电池多少毫安", context_sku="EAR-1")
    assert no_fact(r) and "小时" not in r.answer
    assert engine.answer("能用多久", context_sku="EAR-1").facts == ["EAR-1.attr:续航"]


# 3. the postage of a return is a returns question ----------------------------------------------------

def test_return_postage_is_answered_with_the_returns_policy_only(engine: QAEngine) -> None:
    for q in ("退货运费谁出", "退货要自己出运费吗"):
        r = engine.answer(q)
        assert r.intent == "returns" and r.facts == ["shop.policy:returns"], q
        assert "买家承担" in r.answer and "48小时" not in r.answer


# 4. authenticity is answered only by a fact about authenticity --------------------------------------

def test_a_sales_ranking_does_not_answer_whether_it_is_genuine(engine: QAEngine) -> None:
    r = engine.answer("是正品吗", context_sku="SUN-1")
    assert no_fact(r) and "榜" not in r.answer


def test_genuine_is_answered_by_an_authorisation_faq_or_claim(engine: QAEngine, source: InMemoryFactSource) -> None:
    assert engine.answer("是正品吗", context_sku="UKU-1").facts == ["UKU-1.faq:1"]
    source.put(Product.model_validate({"sku": "AUTH-1", "title": "授权款香水", "category": "美妆", "price": 1, "stock": 1,
                                       "evidence": [{"claim": "品牌方官方授权经销（授权书 2026）", "source": "授权书"}]}))
    r = engine.answer("是正品吗", context_sku="AUTH-1")
    assert r.facts == ["AUTH-1.evidence:1"] and "授权" in r.answer


# 5. the anchor as a person is no catalog fact --------------------------------------------------------

@pytest.mark.parametrize("question", ["主播多高多重穿的什么码", "主播用的是哪个颜色", "主播今天穿的什么"])
def test_questions_about_the_anchor_are_not_answered_with_the_variant_list(engine: QAEngine, question: str) -> None:
    r = engine.answer(question, context_sku="HD-1")
    assert no_fact(r) and "M码" not in r.answer and "燕麦" not in r.answer


def test_what_the_anchor_wears_still_has_a_price(engine: QAEngine) -> None:
    r = engine.answer("主播穿的这件多少钱", context_sku="HD-1")
    assert r.facts[0] == "HD-1.price" and "59元" in r.answer
    assert not engine.answer("主播这个多大容量", context_sku="CUP-1").escalate


# 6. known misses: English nouns, abbreviations inside values, synonyms, quantities -------------------

def test_english_product_nouns_name_chinese_products(engine: QAEngine) -> None:
    r = engine.answer("where can i buy the scarf")
    assert r.sku == "SCF-1" and r.facts == ["SCF-1.display_order"] and "8" in r.answer
    assert engine.answer("how much is the ukulele").sku == "UKU-1"  # a Latin alias between spaces
    assert english_nouns("how much are the hair dryers") == ["吹风机"]


def test_an_abbreviation_found_in_a_value_asks_that_value_not_the_price(engine: QAEngine) -> None:
    r = engine.answer("spf多少", context_sku="SUN-1")
    assert r.facts == ["SUN-1.attr:防晒指数"] and "99元" not in r.answer


def test_synonyms_reach_the_fact(engine: QAEngine) -> None:
    assert engine.answer("可以冲马桶吗", context_sku="LIT-1").facts == ["LIT-1.attr:可冲厕所"]
    assert engine.answer("冲泡水温多少", context_sku="TEA-1").facts == ["TEA-1.attr:冲泡方式"]


def test_a_quantity_is_not_a_price(engine: QAEngine) -> None:
    r = engine.answer("能承重多少斤", context_sku="CHR-1")
    assert r.facts == ["CHR-1.attr:承重"] and "119元" not in r.answer
    assert classify(normalize_question("多少一瓶").text).intent == "price"
    r = engine.answer("送几块拖布", context_sku="MOP-1")
    assert r.facts == ["MOP-1.attr:配件"] and "89元" not in r.answer


def test_a_count_is_answered_by_the_value_that_counts_not_by_months(engine: QAEngine) -> None:
    r = engine.answer("一共几袋", context_sku="NUT-1")
    assert r.facts == ["NUT-1.attr:净含量"] and "30袋" in r.answer and "9个月" not in r.answer


# linking: the product named beats the product on screen; heads of titles; two named products ----------

def test_a_product_named_while_another_is_on_screen_is_the_one_answered(engine: QAEngine) -> None:
    r = engine.answer("保温杯多少钱", context_sku="HD-1")
    assert r.sku == "CUP-1" and "129元" in r.answer and "59元" not in r.answer


def test_a_name_two_other_products_share_asks_back_even_with_a_product_on_screen(
        engine: QAEngine, source: InMemoryFactSource) -> None:
    source.put(Product(sku="CUP-2", title="儿童吸管保温杯 400ml", category="母婴", price=99, stock=5, display_order=20))
    r = engine.answer("保温杯多少钱", context_sku="HD-1")
    assert r.escalate and r.reason == "ambiguous_product" and r.facts == []
    assert "59元" not in r.answer


def test_a_generic_name_the_product_on_screen_also_fits_keeps_the_question_on_screen(engine: QAEngine) -> None:
    r = engine.answer("杯子多大容量", context_sku="CUP-1")  # another product's alias is 杯子; this one is a 保温杯
    assert r.sku == "CUP-1" and "500ml" in r.answer
    assert engine.answer("杯子多大容量", context_sku="HD-1").sku == "MUG-1"  # a hoodie is no 杯子


def test_the_head_noun_of_a_title_names_the_product(engine: QAEngine) -> None:
    r = engine.answer("绘本多少钱一套")
    assert r.sku == "BK-1" and "59.9元" in r.answer


def test_two_products_each_named_are_compared_in_the_order_asked(engine: QAEngine) -> None:
    r = engine.answer("花雕和普洱哪个好")
    assert r.intent == "comparison" and not r.escalate
    assert {"WN-1.price", "TEA-2.price"} <= set(r.facts) and r.sku == "WN-1"
    assert r.answer.index("48元") < r.answer.index("89元")


# escalation and normalisation found on unseen shops ---------------------------------------------------

@pytest.mark.parametrize(("question", "reason"), [("收到的车厘子烂了好多", "complaint"), ("小孩误吃了怎么办", "safety")])
def test_spoiled_goods_and_swallowing_escalate(question: str, reason: str) -> None:
    risk = detect_risk(normalize_question(question).text)
    assert risk is not None and risk.reason == reason


def test_how_to_drink_is_not_mangled_by_the_traditional_to_simplified_step(engine: QAEngine) -> None:
    assert normalize_question("怎么喝").text == "怎么喝"
    r = engine.answer("怎么喝", context_sku="WN-1")
    assert r.intent == "usage" and r.facts == ["WN-1.usage"]


def test_no_answer_above_invents_a_number(engine: QAEngine) -> None:
    facts = " ".join(str(v) for v in catalog().model_dump_json().split())
    for q, sku in [("有什么颜色", "HD-1"), ("起球吗", "HD-1"), ("是正品吗", "SUN-1"), ("spf多少", "SUN-1")]:
        for number in re.findall(r"\d+(?:\.\d+)?", engine.answer(q, context_sku=sku).answer):
            assert number in facts, (q, number)
