"""Six causes from the digital-accessories shop and the live team, fixed by general mechanisms, each tested
with differently worded cases that must now be answered by the right fact AND near misses that must not change:

1. A run-on message asking two things ("多少钱啊续航多久啊", "这个几号链接多少钱") answers both asks from their
   own facts; an ask no fact answers is said to be passed on, never dropped (``cohost.knowledge.runon``).
2. Glued model codes ("16promax", "15pro的", "iphone16pm") name the variant holding that model number
   (``spellings.model_spaced``), never a variant of another number.
3. A power asked by its unit ("多少瓦", "每个口多少W", "功率多大") is answered by the attribute giving it in
   that unit (``quantities``: the power dimension).
4. A worry about a state ("会不会变暗", "温温的正常吗", "能放车里晒吗") is answered by the cautions only
   when they speak of the same state (``cohost.knowledge.cautions``).
5. "宽度80mm能夹住吗" asks a fit, not a hazard; "夹到手了", "会夹住孩子的手吗" stay safety.
6. Intents from the live team: a named gift ("送小样吗", "现在拍还送5ml吗") and a deal asked by its amount
   ("立减30还有吗", "79那个还有吗") are promotion, not stock; "送到家吗" stays shipping.

Hermetic: a small catalog of its own (none of the dev shops' products), in memory, with a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.cautions import cautioned, states_asked
from cohost.knowledge.escalation import detect_risk
from cohost.knowledge.intents import classify
from cohost.knowledge.lexicon import concepts_asked
from cohost.knowledge.quantities import asks_power, fitted, literal, measured
from cohost.knowledge.runon import asks_of
from cohost.knowledge.spellings import model_numbers, model_spaced, numbered, short_forms
from cohost.knowledge.text import normalize_question
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)
PROMO = {"starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-11-30T23:59:59+08:00"}


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试数码店", "policies": {"returns": "支持7天无理由退货", "shipping": "48小时内发货"}},
        "products": [
            {"sku": "EB-1", "display_order": 1, "title": "声浪 真无线降噪耳机", "category": "数码", "price": 159,
             "stock": 40, "aliases": ["耳机"],
             "attributes": {"续航": "单次约6小时，配合充电仓约24小时", "蓝牙版本": "5.3", "降噪": "主动降噪"},
             "cautions": "长时间大音量使用可能损伤听力"},
            {"sku": "CH-1", "display_order": 2, "title": "氮化镓三口充电器", "category": "数码", "price": 99,
             "stock": 60, "aliases": ["充电器", "充电头"],
             "attributes": {"最大功率": "65W", "功率分配": "单个C口最高65W；双口同时用为45W+20W",
                            "快充说明": "支持PD 65W，不支持某品牌120W私有快充", "重量": "约110g"},
             "cautions": "请勿在潮湿环境使用；充电时轻微发热属正常现象"},
            {"sku": "PC-1", "display_order": 3, "title": "磁吸透明手机壳", "category": "数码", "price": 39,
             "stock": 200, "aliases": ["手机壳", "壳"],
             "attributes": {"材质": "PC背板加TPU边框", "适用机型": "iPhone 16全系列"},
             "variants": [{"sku": "PC-1-16", "name": "iPhone 16", "stock": 50},
                          {"sku": "PC-1-16P", "name": "iPhone 16 Pro", "stock": 30},
                          {"sku": "PC-1-16PM", "name": "iPhone 16 Pro Max", "stock": 0}]},
            {"sku": "SP-1", "display_order": 4, "title": "防窥钢化膜", "category": "数码", "price": 49, "stock": 90,
             "aliases": ["钢化膜", "膜"],
             "attributes": {"硬度": "9H", "适用机型": "iPhone 15、15 Pro、16"},
             "cautions": "防窥膜会让屏幕看起来略暗，可适当调高亮度",
             "variants": [{"sku": "SP-1-15", "name": "iPhone 15", "stock": 20},
                          {"sku": "SP-1-15P", "name": "iPhone 15 Pro", "stock": 10},
                          {"sku": "SP-1-16", "name": "iPhone 16", "stock": 30}]},
            {"sku": "PB-1", "display_order": 5, "title": "迷你充电宝", "category": "数码", "price": 89, "stock": 70,
             "aliases": ["充电宝"], "attributes": {"容量": "10000mAh", "能否登机": "额定能量低于100Wh，可随身登机"},
             "cautions": "请勿摔砸或高温暴晒",
             "promotions": [{"kind": "gift", "description": "下单送快充线一根", **PROMO}]},
            {"sku": "PB-2", "display_order": 7, "title": "大容量移动电源", "category": "数码", "price": 119, "stock": 50,
             "attributes": {"重量": "10000mAh款约200g；20000mAh款约380g"},
             "variants": [{"sku": "PB-2-10K", "name": "10000mAh", "price": 119, "stock": 20},
                          {"sku": "PB-2-20K", "name": "20000mAh", "price": 159, "stock": 0}]},
            {"sku": "HD-1", "display_order": 6, "title": "车载手机支架", "category": "车品", "price": 45, "stock": 30,
             "aliases": ["支架"], "attributes": {"适用手机": "宽度65-90mm的手机", "材质": "ABS"}},
        ],
    })


def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))


def ask(question: str, ctx: str | None = None) -> dict[str, Any]:
    return engine().answer(question, context_sku=ctx).to_json_dict()


# --- 1. run-on messages --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "asks"), [
    ("多少钱啊续航多久啊", ["多少钱啊", "续航多久啊"]),
    ("这个几号链接多少钱", ["这个几号链接", "多少钱"]),
    ("充电宝多少钱能带上飞机吗", ["充电宝多少钱", "能带上飞机吗"]),
    ("重不重 背着累不累", ["重不重", "背着累不累"]),
])
def test_a_run_on_message_is_cut_into_its_asks(text: str, asks: list[str]) -> None:
    assert asks_of(text) == asks


@pytest.mark.parametrize("text", ["多少钱一根", "好看吗", "耐不耐折啊 我家猫老咬", "是吗好的", "多少钱呀"])
def test_one_ask_stays_whole(text: str) -> None:
    assert asks_of(text) == [text]  # a measure word, a remark or a particle is no second ask


@pytest.mark.parametrize(("question", "ctx", "facts"), [
    ("耳机多少钱啊续航多久啊", None, {"EB-1.price", "EB-1.attr:续航"}),
    ("这个几号链接多少钱", "CH-1", {"CH-1.price", "CH-1.display_order"}),
    ("充电宝多少钱能登机吗", None, {"PB-1.price", "PB-1.attr:能否登机"}),
])
def test_both_asks_are_answered_from_their_facts(question: str, ctx: str | None, facts: set[str]) -> None:
    got = ask(question, ctx)
    assert not got["escalate"]
    assert facts <= set(got["facts"])


def test_an_ask_no_fact_answers_is_said_to_be_passed_on() -> None:
    got = ask("耳机多少钱啊防水吗")  # no fact says whether it is waterproof
    assert "EB-1.price" in got["facts"]
    assert "工作人员" in str(got["answer"])  # never a silent half answer


def test_a_single_ask_gets_no_hand_over_sentence() -> None:
    got = ask("耳机多少钱")
    assert "工作人员" not in str(got["answer"])


# --- 2. glued model codes ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "spaced"), [
    ("16promax的壳", "16 pro max"), ("iphone16pm", "iphone 16 pro max"), ("15pro的有吗", "15 pro"),
])
def test_a_glued_model_is_spaced_as_variant_names_write_it(text: str, spaced: str) -> None:
    assert spaced in " ".join(model_spaced(text).split())


@pytest.mark.parametrize("text", ["20000mah多少", "65w充电头", "3号链接", "usb3.0"])
def test_units_and_link_numbers_are_no_model(text: str) -> None:
    assert model_spaced(text) == text


def test_a_model_number_must_be_the_variants_own() -> None:
    assert model_numbers("iphone14的膜") == {"14"}
    assert numbered("iPhone 16 Pro", {"16"}) and not numbered("iPhone 16 Pro", {"14"})
    assert not numbered("iPhone 160", {"16"})


@pytest.mark.parametrize(("question", "ctx", "fact"), [
    ("16promax的壳还有吗", None, "PC-1.variant:PC-1-16PM.stock"),
    ("iphone16pm的壳有货吗", None, "PC-1.variant:PC-1-16PM.stock"),
    ("钢化膜15pro的有吗", None, "SP-1.variant:SP-1-15P.stock"),
    ("16pro的有吗", "PC-1", "PC-1.variant:PC-1-16P.stock"),
])
def test_a_glued_model_names_its_variant(question: str, ctx: str | None, fact: str) -> None:
    got = ask(question, ctx)
    assert fact in got["facts"]
    assert not any("16PM" in f for f in got["facts"]) or "16PM" in fact


def test_a_model_no_variant_holds_names_none() -> None:
    got = ask("钢化膜有iphone14的吗")  # 14 is no variant: never "iPhone 15/16 have stock"
    assert not any(".variant:" in f for f in got["facts"])


# --- 3. power by its unit ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["这个多少瓦", "每个口多少w", "功率多大", "几w的"])
def test_a_power_asked_without_a_number(text: str) -> None:
    assert asks_power(text)


@pytest.mark.parametrize("text", ["65w能用吗", "多少钱", "多大"])
def test_no_power_asked(text: str) -> None:
    assert not asks_power(text)


def test_the_power_attribute_is_chosen_by_its_unit() -> None:
    attrs = [("最大功率", "65W"), ("功率分配", "单个C口最高65W；双口同时用为45W+20W"), ("重量", "约110g")]
    assert measured("这个多少瓦", attrs, []) == 0  # the one value that is a single power
    assert measured("每个口多少w", attrs, ["口"]) == 1  # the one value that holds the question's thing


@pytest.mark.parametrize(("question", "fact"), [("这个多少瓦", "CH-1.attr:最大功率"), ("功率多大", "CH-1.attr:最大功率")])
def test_power_questions_are_answered(question: str, fact: str) -> None:
    got = ask(question, "CH-1")
    assert fact in got["facts"] and not got["escalate"]


# --- 4. cautions paraphrased ---------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "ctx", "fact"), [
    ("会不会变暗啊", "SP-1", "SP-1.cautions"),
    ("充电的时候温温的正常吗", "CH-1", "CH-1.cautions"),
    ("充电宝能放车里晒吗", None, "PB-1.cautions"),
])
def test_a_worry_is_answered_by_cautions_of_the_same_state(question: str, ctx: str | None, fact: str) -> None:
    got = ask(question, ctx)
    assert fact in got["facts"] and not got["escalate"]


@pytest.mark.parametrize(("text", "cautions"), [
    ("会不会掉色", "防窥膜会让屏幕看起来略暗"),     # another state
    ("能放冰箱吗", "请勿高温暴晒"),                # a shared verb is no state
    ("变暗", "防窥膜会让屏幕看起来略暗"),           # no worry asked
])
def test_cautions_of_another_state_do_not_answer(text: str, cautions: str) -> None:
    assert not cautioned(text, cautions)


def test_states_asked() -> None:
    assert states_asked("能放车里晒吗") == ["sun"]
    assert states_asked("会不会发烫") == ["warm"]


# --- 5. a measure fit is no hazard ---------------------------------------------------------------------

def test_a_fit_by_width_is_not_safety() -> None:
    assert detect_risk(normalize_question("手机宽度80mm能夹住吗").text) is None
    got = ask("手机宽度80mm能夹住吗", "HD-1")
    assert got["reason"] != "safety"


@pytest.mark.parametrize("text", ["夹到手了", "会不会夹住孩子的手", "会夹住吗", "夹手吗"])
def test_a_pinch_stays_safety(text: str) -> None:
    risk = detect_risk(normalize_question(text).text)
    assert risk is not None and risk.reason == "safety"


# --- 6. intents from the live team ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["送小样吗", "送杯刷吗", "现在拍还送5ml吗", "立减30还有吗", "79那个还有吗"])
def test_a_gift_or_a_deal_is_promotion(text: str) -> None:
    assert classify(normalize_question(text).text).intent == "promotion"


@pytest.mark.parametrize(("text", "intent"), [
    ("能送到家吗", "shipping"), ("黑色那个还有吗", "stock"), ("还有吗", "stock"), ("16那个还有吗", "stock"),
])
def test_near_misses_keep_their_intent(text: str, intent: str) -> None:
    assert classify(normalize_question(text).text).intent == intent


def test_a_named_gift_is_answered_by_the_offers_or_what_is_included() -> None:
    got = ask("送小样吗", "PB-1")
    assert got["intent"] == "promotion" and "PB-1.promotion:1" in got["facts"]


# --- 3b. a told measure written in one value; a fit by the side told ----------------------------------

def test_a_told_measure_finds_the_value_that_writes_it() -> None:
    attrs = [("最大功率", "65W"), ("快充说明", "支持PD 65W，不支持某品牌120W私有快充")]
    assert literal("120w能跑满吗", attrs) == 1
    assert literal("65w能用吗", attrs) is None  # written in two values: no one answer
    assert literal("今天金价多少1克", [("金重", "约1g")]) is None  # a per-unit price is no measure told
    assert literal("120w", attrs) is None  # no fit asked


def test_a_fit_of_several_holding_attributes_takes_the_side_told() -> None:
    attrs = [("最大长度", "约1.5米"), ("适用手机", "手机宽度56-85mm均可夹持")]
    assert fitted("手机宽度80mm能夹住吗", attrs) == 1
    assert fitted("80mm能夹住吗", attrs) is None  # no side told: both hold, none is chosen


def test_the_fit_by_width_is_answered_by_its_attribute() -> None:
    got = ask("手机宽度80mm能夹住吗", "HD-1")
    assert "HD-1.attr:适用手机" in got["facts"] and not got["escalate"]


# --- 6b. concepts and a bare 多少 after a variant ------------------------------------------------------

@pytest.mark.parametrize(("text", "concept"), [
    ("多少袋", "count"), ("费电吗", "power"), ("有弹性吗", "elastic"), ("沾杯吗", "cup_stain"),
    ("有降噪吗", "anc"), ("功率多大", "power"),
])
def test_missing_concepts_are_known(text: str, concept: str) -> None:
    assert concept in [c.name for c in concepts_asked(normalize_question(text).text)]


@pytest.mark.parametrize(("text", "concept"), [("能装热茶吗", "capacity"), ("能装开水吗", "capacity"), ("功率多大", "size")])
def test_wrong_concepts_are_not_asked(text: str, concept: str) -> None:
    assert concept not in [c.name for c in concepts_asked(normalize_question(text).text)]


def test_capacity_is_still_asked_by_how_much_it_holds() -> None:
    assert "capacity" in [c.name for c in concepts_asked(normalize_question("能装多少").text)]


@pytest.mark.parametrize(("text", "intent"), [("充电器多少", "price"), ("65w充电头多少", "price"), ("充电多久", "attribute")])
def test_a_product_noun_holding_a_spec_word_is_no_spec_ask(text: str, intent: str) -> None:
    assert classify(normalize_question(text).text).intent == intent


def test_a_capacity_said_in_chinese_spells_its_variant() -> None:
    assert "两万毫安" in short_forms("20000mah") and "2万毫安" in short_forms("20000mah")
    assert "一万毫安" in short_forms("10000mah")
    assert not any("万" in f for f in short_forms("5000mah"))


def test_a_bare_much_after_a_variant_is_its_price() -> None:
    got = ask("两万毫安的多少", "PB-2")
    assert got["intent"] == "price" and "PB-2.variant:PB-2-20K.price" in got["facts"]


def test_a_variant_asked_something_more_is_not_a_stock_ask() -> None:
    got = ask("两万毫安的重不重", "PB-2")
    assert got["intent"] != "stock"
    assert ask("两万毫安的呢", "PB-2")["intent"] == "stock"  # a bare variant still asks whether it is there


# --- g–j and shop 6 leftovers: which link, where to buy ------------------------------------------------

@pytest.mark.parametrize("question", ["链接4是哪个", "4号是哪款"])
def test_which_product_a_link_is(question: str) -> None:
    got = ask(question)
    assert got["sku"] == "SP-1" and "SP-1.display_order" in got["facts"]


def test_which_brand_is_no_link_identity() -> None:
    got = ask("这个是哪个牌子", "CH-1")
    assert "CH-1.display_order" not in got["facts"]


@pytest.mark.parametrize(("text", "intent"), [("支架去哪拍", "purchase"), ("去哪里下单", "purchase")])
def test_where_to_buy_is_purchase(text: str, intent: str) -> None:
    assert classify(normalize_question(text).text).intent == intent


@pytest.mark.parametrize(("token", "form"), [("4.5米", "4m5"), ("4.5米", "4m五"), ("1.5m×2m", "1m五"), ("1.8m2m", "1m8")])
def test_a_length_in_metres_is_spelled_as_said(token: str, form: str) -> None:
    assert form in short_forms(token)  # "4米5", "一米五" normalise to "4m5", "1m五"


def test_a_length_said_aloud_names_its_variant() -> None:
    cat = catalog().model_dump(mode="json")
    cat["products"].append({"sku": "RD-1", "display_order": 8, "title": "碳素鱼竿", "category": "户外", "price": 150,
                            "stock": 10, "variants": [{"sku": "RD-1-45", "name": "4.5米", "price": 150, "stock": 5},
                                                      {"sku": "RD-1-54", "name": "5.4米", "price": 190, "stock": 5}]})
    eng = QAEngine(InMemoryFactSource(Catalog.model_validate(cat)), clock=ManualClock(NOW.timestamp()))
    assert "RD-1.variant:RD-1-54.price" in eng.answer("五米四的多少钱", context_sku="RD-1").facts
    assert "RD-1.variant:RD-1-45.stock" in eng.answer("4米5有货吗", context_sku="RD-1").facts
