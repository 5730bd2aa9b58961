"""Causes of answerable questions missed on shops written by others, each as a general mechanism with a
found case and a near miss (worded apart from any bench set): a usage frame before the price reading of
多少/几, measured quantities before the price, measurement nouns ↔ question forms, the viewer's told
circumstances, shop rules that must cover the detail asked, gift objects, after-sales questions asked in
advance, and a tie broken by the only product with the variant named."""

from __future__ import annotations

from cohost.knowledge.answers import gift_object, policy_covers
from cohost.knowledge.escalation import detect_risk
from cohost.knowledge.intents import classify
from cohost.knowledge.lexicon import concepts_asked
from cohost.knowledge.retrieval import FactIndex, circumstances
from cohost.knowledge.text import normalize_question


def _intent(text: str) -> str:
    return classify(normalize_question(text).text).intent


def _concepts(text: str) -> set[str]:
    return {c.name for c in concepts_asked(normalize_question(text).text)}


# usage frame before the price reading of 多少/几 -------------------------------------------------------
def test_usage_frame_found() -> None:
    assert _intent("鸡肉干每天喂几根合适") == "usage"
    assert _intent("一次挤多少就够") == "usage"
    assert _intent("多久洗一次比较好") == "usage"
    assert _intent("需要先解冻吗") == "usage"
    assert _intent("离脸多远喷") == "usage"


def test_usage_frame_near_miss_money_stays_price() -> None:
    assert _intent("每天喂多少钱的量") == "price"
    assert _intent("剪刀几块") == "price"
    assert _intent("这个多少") == "price"


# a bare 多少 after a measured quantity is that quantity ---------------------------------------------------
def test_measured_quantity_found() -> None:
    assert _intent("锌含量多少") == "attribute"
    assert _intent("钙磷比例大概多少") == "attribute"
    assert _intent("线长多少米") == "attribute"


def test_measured_quantity_near_miss() -> None:
    assert _intent("多少米宝子") == "price"
    assert _intent("这款多少") == "price"


# measurement nouns ↔ question forms -------------------------------------------------------------------
def test_measurement_nouns_found() -> None:
    assert "body_weight" in _concepts("几斤的狗可以用")
    assert "load" in _concepts("这个凳子能承受多少")
    assert "count" in _concepts("一盒多少根")
    assert "moisture" in _concepts("含水量高吗")
    assert "meals" in _concepts("能定几餐")
    assert "ingredients" in _concepts("用的什么肉做的")


def test_measurement_nouns_near_miss() -> None:
    assert "body_weight" not in _concepts("这个多重")
    assert "load" not in _concepts("重不重")
    assert "meals" not in _concepts("一天吃几次药")


def test_opened_keeping_is_no_shelf_life() -> None:
    assert "shelf_life" not in _concepts("拆封以后能放几天")
    assert "shelf_life" in _concepts("没开的能放多久")


# the viewer's circumstances are no subject ------------------------------------------------------------
def test_circumstances_found() -> None:
    text = normalize_question("噪音大吗 我家宝宝睡眠浅").text
    spans = circumstances(text)
    assert spans and text[spans[0][0]:spans[0][1]].startswith("我家")


def test_circumstances_near_miss() -> None:
    assert circumstances(normalize_question("噪音多大").text) == []


# shop rules must cover the detail asked ---------------------------------------------------------------
def test_policy_covers_found() -> None:
    rule = "默认中通快递；暂不发港澳台及海外。"
    assert policy_covers("能寄到澳门吗", rule)
    assert policy_covers("能发中通吗", rule)


def test_policy_covers_near_miss() -> None:
    rule = "默认中通快递；暂不发港澳台及海外。"
    assert not policy_covers("能发京东吗", rule)
    assert not policy_covers("能发海南吗", "全国包邮，默认圆通。")


def test_policy_questions_routed() -> None:
    assert _intent("能寄台湾吗") == "shipping"
    assert _intent("下单后降价可以退差价吗") == "returns"
    assert _intent("要是到手碎了怎么办") == "returns"
    assert "invoice" in _concepts("能开普票吗")


# after-sales asked in advance is no dispute -----------------------------------------------------------
def test_defect_in_advance_found() -> None:
    assert detect_risk(normalize_question("买到漏的怎么办").text) is None


def test_defect_reported_near_miss() -> None:
    risk = detect_risk(normalize_question("收到是漏的 怎么搞").text)
    assert risk is not None and risk.reason == "complaint"  # a breakage reported: a complaint


# gift objects ---------------------------------------------------------------------------------------
def test_gift_object_found() -> None:
    assert gift_object(normalize_question("送勺子吗").text) == "勺子"
    assert gift_object(normalize_question("充电器送不送").text) == "充电器"


def test_gift_object_near_miss() -> None:
    assert gift_object(normalize_question("送什么").text) is None
    assert gift_object(normalize_question("有赠品吗").text) is None


# English attribute words --------------------------------------------------------------------------------
def test_english_content_found() -> None:
    assert _intent("what's the fat content") == "attribute"
    assert "fat" in _concepts("what's the fat content")


def test_english_content_near_miss() -> None:
    assert "protein" not in _concepts("what's the fat content")


# end to end, on a small catalog of its own ------------------------------------------------------------
from datetime import datetime, timedelta, timezone  # noqa: E402

import pytest  # noqa: E402

from cohost.clock import ManualClock  # noqa: E402
from cohost.domain import Catalog, facts_for_product  # noqa: E402
from cohost.knowledge import QAEngine  # noqa: E402
from cohost.testing import InMemoryFactSource  # noqa: E402

_NOW = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=8)))


def _engine() -> QAEngine:
    catalog = Catalog.model_validate({
        "shop": {"name": "测试宠物店", "policies": {
            "shipping": "48小时内发货，默认中通，暂不发港澳台及海外。",
            "returns": "7天无理由退货，质量问题运费由本店承担。",
            "price_protection": "下单后7天内降价可补差价（秒杀除外）。",
            "invoice": "支持电子普通发票，不支持专用发票。"}},
        "products": [
            {"sku": "BN-1", "display_order": 1, "title": "鸭肉磨牙骨 30支", "category": "零食", "price": 49, "stock": 80,
             "aliases": ["磨牙骨", "狗零食"],
             "attributes": {"数量": "30支", "主要原料": "鸭肉、红薯", "适用": "小型犬", "含水量标准": "≤12%", "产地": "山东"},
             "usage": "每天2-3支，分次喂", "cautions": "请在看护下喂食"},
            {"sku": "SD-1", "display_order": 2, "title": "膨润土猫砂 10kg", "category": "猫砂", "price": 59, "stock": 100,
             "aliases": ["猫砂"], "attributes": {"粉尘": "低粉尘"},
             "usage": "铺5cm厚，每周整盆换一次",
             "variants": [{"sku": "SD-1-L", "name": "柠檬味", "stock": 0}, {"sku": "SD-1-O", "name": "原味", "stock": 60}]},
            {"sku": "SD-2", "display_order": 3, "title": "豆腐猫砂 6L", "category": "猫砂", "price": 39, "stock": 90,
             "aliases": ["猫砂"], "variants": [{"sku": "SD-2-O", "name": "原味", "stock": 90}]},
            {"sku": "HR-1", "display_order": 4, "title": "猫咪胸背带", "category": "出行", "price": 45, "stock": 50,
             "attributes": {"适用胸围": "S:20-28cm；M:28-36cm；L:36-44cm", "承重": "拉力约30kg"},
             "variants": [{"sku": "HR-1-S", "name": "S", "stock": 10}, {"sku": "HR-1-M", "name": "M", "stock": 0}]},
            {"sku": "MK-1", "display_order": 5, "title": "母猫营养奶粉", "category": "保健", "price": 88, "stock": 40,
             "attributes": {"适用阶段": "孕期及哺乳期母猫、离乳幼猫"}},
        ],
    })
    return QAEngine(InMemoryFactSource(catalog), clock=ManualClock(_NOW.timestamp()))


@pytest.mark.parametrize(("question", "ctx", "fact"), [
    ("一天喂几支", "BN-1", "BN-1.usage"),                       # usage frame, not the price
    ("什么肉做的", "BN-1", "BN-1.attr:主要原料"),                # 什么肉 ↔ 原料
    ("含水量高吗", "BN-1", "BN-1.attr:含水量标准"),
    ("小型犬以外大狗能吃吗", "BN-1", "BN-1.attr:适用"),          # a pet that eats ↔ 适用
    ("能承受多少 我家猫很壮", "HR-1", "HR-1.attr:承重"),          # told circumstances are no subject
    ("胸围30选哪个码", "HR-1", "HR-1.attr:适用胸围"),             # a body measure keyed by size is a size chart
    ("原味的还有吗", "SD-1", "SD-1.variant:SD-1-O.stock"),        # a variant asked after: its stock
    ("能寄澳门吗", None, "shop.policy:shipping"),                 # the rule names 港澳台
    ("降价了能补差价吗", None, "shop.policy:price_protection"),
    ("要是收到坏的怎么办", None, "shop.policy:returns"),
    ("怀孕的母猫能喝吗", "MK-1", "MK-1.attr:适用阶段"),          # a pet's life stage, no person's health
])
def test_found_end_to_end(question: str, ctx: str | None, fact: str) -> None:
    r = _engine().answer(question, context_sku=ctx)
    assert not r.escalate and fact in r.facts, (r.reason, r.facts)


@pytest.mark.parametrize(("question", "ctx"), [
    ("钙含量多少", "BN-1"),           # a measured quantity the facts lack: unknown, never the price
    ("能发京东吗", None),             # the rule names no such carrier
    ("是哪里的鸭肉", "BN-1"),          # the origin of an ingredient is not the product's 产地 nor its 原料
    ("孕妇能碰猫砂吗", "SD-1"),       # a person's pregnancy still goes to a person
])
def test_near_miss_end_to_end(question: str, ctx: str | None) -> None:
    r = _engine().answer(question, context_sku=ctx)
    assert r.escalate and not any(f.endswith(".price") for f in r.facts), (r.reason, r.facts)


def test_variant_breaks_a_tie() -> None:
    r = _engine().answer("柠檬味猫砂还有吗")  # two products are 猫砂, one has a lemon variant
    assert r.sku == "SD-1" and "SD-1.variant:SD-1-L.stock" in r.facts


def test_variant_tie_near_miss() -> None:
    r = _engine().answer("原味猫砂还有吗")  # both have it: ask back
    assert r.escalate and r.reason == "ambiguous_product"


# a one-character noun is a head the similarity stage must find in its fact -------------------------------
def _index() -> FactIndex:
    catalog = Catalog.model_validate({"shop": {"name": "店"}, "products": [
        {"sku": "BX-1", "title": "宠物外出箱", "category": "出行", "price": 99, "stock": 5, "attributes": {"杆长": "3米"},
         "faq": [{"q": "能上飞机吗", "a": "以航司规定为准"}]}]})
    return FactIndex([f for p in catalog.products for f in facts_for_product(p)])


def test_single_noun_head_found() -> None:
    assert _index().covers(normalize_question("杆子几米"), "BX-1", "BX-1.attr:杆长")


def test_single_noun_head_near_miss() -> None:
    assert not _index().covers(normalize_question("有轮子吗"), "BX-1", "BX-1.faq:1")


def test_praise_word_inside_a_noun_is_no_chitchat() -> None:
    assert _intent("牛皮的还是猪皮的") != "chitchat"
    assert _intent("主播太牛了") == "chitchat"


def test_power_cut_synonym() -> None:
    assert "power_cut" in _concepts("拔了电还能用吗")
    assert "power_cut" not in _concepts("耗电吗")
