"""Answerable causes of the third round (a women's clothing shop written by others), each a general mechanism
with found cases and near misses worded apart from any bench set: an attribute found by the material its value
names (含X量, 什么皮/绒, 里面/外面, 真皮), the head noun of a measure (跟 vs 筒), a bare 多少 after a product or
variant name, care questions answered by the care text, a link asked by the kind of thing it is, offers of a
kind (several pieces, instalments), shop-rule details, a variant's own stock, and details no fact covers."""

from __future__ import annotations

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.care import care_asked, care_fields
from cohost.knowledge.choices import contained, material_part
from cohost.knowledge.drafting import body_shape_unsaid, outside_comparison
from cohost.knowledge.shop_rules import detail_rule
from cohost.knowledge.variants import unnamed_rest
from cohost.testing import InMemoryFactSource

POLICIES = {
    "shipping": "付款后72小时内从江苏南通仓发货，默认圆通快递；全国包邮（新疆、西藏除外）；暂不发海外。",
    "returns": "支持7天无理由退货（以签收当天起算），下单赠退货运费险，退货时自动理赔，最多赔付10元。",
    "exchange": "尺码不合适可在签收后7天内申请调换一次，需吊牌完好。",
    "customer_service": "客服在线时间9:00-22:00；下单后如需修改颜色或尺码拍错了，请私信客服。",
}
CATALOG = {
    "shop": {"name": "暖眠家居", "policies": POLICIES},
    "products": [
        {"sku": "PJ-1", "display_order": 1, "title": "暖眠 纯棉格纹家居服套装", "category": "女装/家居服", "brand": "暖眠",
         "aliases": ["家居服", "睡衣"], "price": 129, "list_price": 199, "stock": 23,
         "attributes": {"面料成分": "棉95%、氨纶5%", "里料": "珊瑚绒", "厚度": "加厚", "腰型": "松紧腰"},
         "usage": "建议冷水手洗，反面晾晒，不可漂白；可低温熨烫",
         "cautions": "深色款初次洗涤会有少量浮色，请单独洗",
         "variants": [{"sku": "PJ-1-GM", "name": "灰色 M", "price": 129, "stock": 10},
                      {"sku": "PJ-1-GL", "name": "灰色 L", "price": 129, "stock": 0},
                      {"sku": "PJ-1-PM", "name": "粉色 M", "price": 139, "stock": 5},
                      {"sku": "PJ-1-PL", "name": "粉色 L", "price": 139, "stock": 8}],
         "promotions": [{"kind": "discount", "description": "第二件半价（同款任选）"}]},
        {"sku": "BT-2", "display_order": 2, "title": "暖眠 羊皮短靴", "category": "女鞋/短靴", "brand": "暖眠",
         "aliases": ["短靴", "雪地靴"], "price": 299, "stock": 12,
         "attributes": {"鞋面材质": "头层羊皮", "内里材质": "羊毛（加绒）", "跟高": "约3cm", "靴筒高度": "约18cm",
                        "尺码偏差": "偏大一码"},
         "usage": "皮面用专用护理剂擦拭，不可水洗",
         "variants": [{"sku": "BT-2-36", "name": "黑色 36码", "stock": 5},
                      {"sku": "BT-2-37", "name": "黑色 37码", "stock": 0},
                      {"sku": "BT-2-38", "name": "黑色 38码", "stock": 7}],
         "promotions": [{"kind": "discount", "description": "支持白条分6期免息"}]},
        {"sku": "MT-3", "display_order": 3, "title": "暖眠 加厚珊瑚绒毯", "category": "家纺/毛毯", "brand": "暖眠",
         "aliases": ["毛毯", "毯子"], "price": 159, "stock": 20,
         "attributes": {"面料成分": "聚酯纤维100%"},
         "usage": "可机洗，轻柔模式，阴凉处晾干",
         "variants": [{"sku": "MT-3-15", "name": "1.5m×2m", "price": 139, "stock": 0},
                      {"sku": "MT-3-20", "name": "2m×2.3m", "price": 179, "stock": 20}]},
    ],
}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(CATALOG)), clock=ManualClock(1763643600.0))


def _ask(engine: QAEngine, text: str, sku: str | None = None) -> tuple[bool, list[str], str | None]:
    r = engine.answer(text, context_sku=sku)
    return r.escalate, r.facts, r.reason


# 1. an attribute found by the material or part its value names ------------------------------------------
def test_material_share_is_the_composition(engine: QAEngine) -> None:
    assert _ask(engine, "棉占多少", "PJ-1")[1] == ["PJ-1.attr:面料成分"]
    assert _ask(engine, "氨纶含量高吗", "PJ-1")[1] == ["PJ-1.attr:面料成分"]
    assert contained("含棉量多少", [("厚度", "加厚"), ("面料成分", "棉95%、氨纶5%")]) == 1


def test_material_share_near_miss_a_material_not_in_the_value() -> None:
    assert contained("羊绒含量多少", [("面料成分", "棉95%、氨纶5%")]) is None
    assert contained("有多厚", [("面料成分", "棉95%、氨纶5%")]) is None


def test_kind_and_part_point_at_the_lining_or_the_upper(engine: QAEngine) -> None:
    assert _ask(engine, "里面是啥绒", "PJ-1")[1] == ["PJ-1.attr:里料"]
    assert _ask(engine, "短靴什么皮的")[1] == ["BT-2.attr:鞋面材质"]
    assert _ask(engine, "是不是真皮的", "BT-2")[1] == ["BT-2.attr:鞋面材质"]
    assert material_part("外面是什么料", [("里料", "珊瑚绒"), ("面料成分", "棉95%")]) == 1


def test_kind_near_miss_no_value_of_that_kind() -> None:
    assert material_part("什么皮", [("面料成分", "棉95%"), ("里料", "珊瑚绒")]) is None
    assert material_part("里面加绒吗", [("里料", "珊瑚绒"), ("面料成分", "棉95%")]) is None  # no material asked


def test_the_measured_part_decides_between_heights(engine: QAEngine) -> None:
    assert _ask(engine, "鞋跟多高", "BT-2")[1] == ["BT-2.attr:跟高"]
    assert _ask(engine, "靴筒有多高", "BT-2")[1] == ["BT-2.attr:靴筒高度"]


# 2. a bare 多少 after a product's or a variant's name is its price -----------------------------------------
def test_bare_duoshao_after_a_name_is_the_price(engine: QAEngine) -> None:
    assert _ask(engine, "格纹家居服多少")[1][0] == "PJ-1.price"
    facts = _ask(engine, "粉色的多少", "PJ-1")[1]
    assert "PJ-1.variant:PJ-1-PM.price" in facts and "PJ-1.attr:厚度" not in facts


def test_bare_duoshao_near_miss_an_attribute_label_stays_attribute(engine: QAEngine) -> None:
    assert _ask(engine, "厚度多少", "PJ-1")[1] == ["PJ-1.attr:厚度"]
    assert unnamed_rest("含棉量多少", ["家居服"]) == "含棉量多少"


# 3. care questions: the care text that names the act ------------------------------------------------------
def test_care_questions_cite_the_care_text(engine: QAEngine) -> None:
    assert _ask(engine, "能丢洗衣机吗", "MT-3")[1] == ["MT-3.usage"]
    assert _ask(engine, "可以熨烫吗", "PJ-1")[1] == ["PJ-1.usage"]
    assert _ask(engine, "洗了会掉色吗", "PJ-1")[1] == ["PJ-1.cautions"]


def test_care_near_miss_the_text_does_not_name_the_act() -> None:
    assert care_fields("能机洗吗", {"usage": "皮面用专用护理剂擦拭，不可水洗"}) == []
    assert care_asked("能穿着睡觉吗") == []


# 4. a link asked by the kind of thing it is ----------------------------------------------------------------
def test_link_asked_by_kind_is_its_position(engine: QAEngine) -> None:
    assert "BT-2.display_order" in _ask(engine, "2号链接是什么靴")[1]
    assert "PJ-1.display_order" in _ask(engine, "1号是不是睡衣")[1]
    assert _ask(engine, "买毛毯点哪个")[1] == ["MT-3.display_order"]


def test_link_kind_near_miss_an_attribute_of_the_link(engine: QAEngine) -> None:
    assert "PJ-1.display_order" not in _ask(engine, "1号链接是纯棉的吗")[1]


# 5. offers of a kind ---------------------------------------------------------------------------------------
def test_offer_kinds_cite_that_promotion(engine: QAEngine) -> None:
    assert _ask(engine, "买两件怎么算", "PJ-1")[1] == ["PJ-1.promotion:1"]
    assert _ask(engine, "雪地靴可以分期吗")[1] == ["BT-2.promotion:1"]


def test_offer_kind_near_miss_no_such_offer(engine: QAEngine) -> None:
    assert _ask(engine, "家居服能分期吗")[0] is True


# 7. shop-rule details --------------------------------------------------------------------------------------
def test_rule_details_find_their_rule(engine: QAEngine) -> None:
    assert _ask(engine, "运费险最多赔多少")[1] == ["shop.policy:returns"]
    assert _ask(engine, "7天从啥时候开始算")[1] == ["shop.policy:returns"]
    assert _ask(engine, "拍错尺码了咋办", "PJ-1")[1] == ["shop.policy:customer_service"]


def test_rule_details_near_miss_no_after_sales_word() -> None:
    rules = list(POLICIES.items())
    assert detail_rule("可以货到付款吗", rules) is None
    assert detail_rule("珊瑚绒掉毛吗", rules) is None


# 8. a variant's own stock, never the product's total ---------------------------------------------------------
def test_variant_stock_by_bare_size_and_width(engine: QAEngine) -> None:
    assert _ask(engine, "37还有吗", "BT-2")[1][:2] == ["BT-2.variant:BT-2-37.name", "BT-2.variant:BT-2-37.stock"]
    assert "MT-3.variant:MT-3-15.stock" in _ask(engine, "1米5的还有吗", "MT-3")[1]


def test_variant_stock_near_miss_an_unknown_variant_is_not_the_total(engine: QAEngine) -> None:
    esc, facts, reason = _ask(engine, "大号的有货吗", "MT-3")
    assert esc and reason == "no_fact" and "MT-3.stock" not in facts
    assert _ask(engine, "还有货吗", "MT-3")[1] == ["MT-3.stock", "MT-3.variant:MT-3-15.name", "MT-3.variant:MT-3-15.stock"]


# 9. details no fact covers -----------------------------------------------------------------------------------
def test_details_no_rule_covers_are_unknown(engine: QAEngine) -> None:
    assert _ask(engine, "多久能收到")[2] == "no_fact"
    assert _ask(engine, "能寄到台湾吗")[2] == "no_fact"
    assert _ask(engine, "周日能送到家吗")[2] == "no_fact"
    assert _ask(engine, "现在拍后天能到上海吗")[2] == "no_fact"
    assert _ask(engine, "有新客优惠吗")[2] == "no_fact"
    assert _ask(engine, "和无印良品的比哪个好", "PJ-1")[2] == "no_fact"
    assert outside_comparison("比淘宝便宜吗") and not outside_comparison("淘宝能买到吗")


def test_details_near_miss_a_rule_that_covers_them(engine: QAEngine) -> None:
    assert _ask(engine, "能发新疆吗")[1] == ["shop.policy:shipping"]
    assert _ask(engine, "能寄到日本吗")[1] == ["shop.policy:shipping"]  # 暂不发海外 says it
    assert not body_shape_unsaid("腿粗能穿吗", "腰型 松紧腰 裤腿 阔腿")
    assert body_shape_unsaid("O型腿能穿吗", "腰型 松紧腰")


# 10. how much cheaper: the list price with the price -----------------------------------------------------------
def test_how_much_cheaper_cites_list_price(engine: QAEngine) -> None:
    facts = _ask(engine, "现在便宜了多少", "PJ-1")[1]
    assert "PJ-1.price" in facts and "PJ-1.list_price" in facts


def test_how_much_near_miss_plain_price_has_no_list_price(engine: QAEngine) -> None:
    assert "PJ-1.list_price" not in _ask(engine, "多少钱", "PJ-1")[1]


# two products compared by one measure; a kind word the category gives ------------------------------------------
SHOES = {
    "shop": {"name": "步履", "policies": {}},
    "products": [
        {"sku": "SN-1", "display_order": 1, "title": "步履 网面跑步鞋", "category": "女鞋/运动鞋", "price": 199, "stock": 9,
         "attributes": {"鞋底厚度": "约3cm", "颜色": "白色"}},
        {"sku": "BO-2", "display_order": 2, "title": "步履 马丁靴", "category": "女鞋/靴子", "price": 259, "stock": 4,
         "attributes": {"鞋底厚度": "约4cm", "颜色": "黑色", "靴筒高度": "约15cm"}},
    ],
}


@pytest.fixture(scope="module")
def shoes() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(SHOES)), clock=ManualClock(1763643600.0))


def test_compared_by_measure_and_kind_word_of_the_category(shoes: QAEngine) -> None:
    facts = _ask(shoes, "跑步鞋和马丁靴哪个厚")[1]
    assert "SN-1.attr:鞋底厚度" in facts and "BO-2.attr:鞋底厚度" in facts and "BO-2.attr:颜色" not in facts
    esc, _, reason = _ask(shoes, "鞋子多少钱")
    assert esc and reason == "ambiguous_product"  # a boot is a shoe too: which one


def test_kind_word_near_miss_a_named_product_is_not_ambiguous(shoes: QAEngine) -> None:
    assert _ask(shoes, "跑步鞋多少钱")[1] == ["SN-1.price"]
    assert _ask(shoes, "马丁靴多少钱")[1] == ["BO-2.price"]
