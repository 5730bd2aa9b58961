"""Answerable causes of a digital-accessories shop written by others, each a general mechanism with found cases and
near misses worded apart from any bench set: a product named only by its kind of thing said alone ("…的笔还有吗": the last character of its title and
aliases, no other product's), a storage variant said without its byte ("2t" for 2TB), a bare 多少
after a variant and a pointer ("1.2米那条多少"), a how-to answered by the usage text that names the act
(``instructions``), compatibility with the viewer's own device answered by the attributes
listing the devices a product fits (``compatibility``), what comes with the product answered by an inclusion
attribute or a gift promotion naming it (``inclusions``), one colour asked for answered by the colour attribute when
it settles it (``lexicon.colour_settled``), and the held questions no fact answers (a future new colour, an effect on
the viewer's own looks: ``unknowable``; a promotion or a number-less selling text found by shared words only:
``drafting.off_topic``)."""

from __future__ import annotations

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.compatibility import compatibility_asked, compatible_fields
from cohost.knowledge.inclusions import included_asked, included_fields
from cohost.knowledge.instructions import howto_act, instructed
from cohost.knowledge.lexicon import colour_settled
from cohost.knowledge.spellings import short_forms
from cohost.knowledge.unknowable import UNKNOWABLE, effect_unstated
from cohost.testing import InMemoryFactSource

CATALOG = {
    "shop": {"name": "行者车品数码", "policies": {"shipping": "付款后24小时内发货，默认韵达快递。"}},
    "products": [
        {"sku": "ST-1", "display_order": 1, "title": "磁吸触控笔 二代", "category": "数码/平板配件", "brand": "行者",
         "aliases": ["触控笔", "电容笔"], "price": 99, "stock": 40,
         "attributes": {"兼容机型": "iPad Air 5/6、iPad Pro 2018年及以后款、iPad mini 6", "不适用": "安卓平板、iPad 9代及更早",
                        "续航": "约10小时", "颜色": "白色", "笔尖": "附送替换笔尖2个"},
         "promotions": [{"kind": "gift", "description": "下单赠防滑笔套一个"}]},
        {"sku": "MT-2", "display_order": 2, "title": "车载出风口手机支架", "category": "汽车/车载支架", "brand": "行者",
         "aliases": ["手机支架", "车载支架"], "price": 39, "stock": 80,
         "attributes": {"适用手机": "屏幕4.7-7英寸的手机", "适用车型": "出风口为横条或竖条的大部分车型", "颜色": "黑色、银色",
                        "包装清单": "支架主体×1、出风口夹×1、说明书×1"},
         "selling_points": ["夹得稳，颠簸路面不掉"],
         "promotions": [{"kind": "addon", "description": "加9.9元换购可拆卸车载充电线一根"}]},
        {"sku": "LP-3", "display_order": 3, "title": "折叠笔记本电脑支架", "category": "数码/电脑配件", "brand": "行者",
         "aliases": ["电脑支架", "笔记本支架"], "price": 59, "stock": 12,
         "attributes": {"材质": "铝合金", "承重": "约8kg", "颜色": "深空灰（单一配色）"}},
        {"sku": "CB-4", "display_order": 4, "title": "快充编织充电线", "category": "数码/线材", "brand": "行者",
         "aliases": ["充电线"], "price": 19.9, "stock": 50, "attributes": {"长度": "1.2米 / 2米", "最大功率": "60W"},
         "variants": [{"sku": "CB-4-12", "name": "1.2米", "price": 19.9, "stock": 20},
                      {"sku": "CB-4-2", "name": "2米", "price": 25.9, "stock": 30}]},
        {"sku": "SD-5", "display_order": 5, "title": "便携固态U盘", "category": "数码/存储", "brand": "行者",
         "aliases": ["U盘", "固态U盘"], "price": 199, "stock": 30,
         "attributes": {"容量": "512GB / 1TB", "连接方式": "USB-A接口，可用转接头连接手机", "读取速度": "最高400MB/s"},
         "usage": "插入电脑USB口即可识别；手机需开启OTG后连接，读取照片请在文件管理里打开",
         "variants": [{"sku": "SD-5-512", "name": "512GB", "price": 199, "stock": 10},
                      {"sku": "SD-5-1T", "name": "1TB", "price": 329, "stock": 20}]},
    ],
}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(CATALOG)), clock=ManualClock(1763643600.0))


# --- compatibility ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["ipad air5能用吗", "我的安卓平板可以用不", "苹果平板用得了吗", "适合ipad mini吗",
                                  "小米手机能装吗", "有ipad 9的吗"])
def test_compatibility_asked(text: str) -> None:
    assert compatibility_asked(text)


@pytest.mark.parametrize("text", ["能装windows系统吗", "续航多久", "手机壳多重", "能充多少瓦", "支架多少钱",
                                  "65w能用吗", "平板能连几台"])
def test_compatibility_not_asked(text: str) -> None:
    assert not compatibility_asked(text)  # an act done to a device, a measure, a price, a unit for a model


def test_compatible_fields_are_the_fit_lists_only() -> None:
    attrs = [("兼容机型", "iPad Air 5/6"), ("续航", "约10小时"), ("不适用", "安卓平板"), ("适用人群", "学生")]
    assert compatible_fields("安卓平板能用吗", attrs) == [0, 2]
    assert compatible_fields("续航多久", attrs) == []


@pytest.mark.parametrize(("text", "ctx", "facts"), [
    ("ipad air5能用这支笔吗", None, {"ST-1.attr:兼容机型"}),
    ("华为平板能用吗", "ST-1", {"ST-1.attr:不适用"}),
    ("适合苹果手机吗", "MT-2", {"MT-2.attr:适用手机"}),
])
def test_compatibility_answered_by_fit_lists(engine: QAEngine, text: str, ctx: str | None, facts: set[str]) -> None:
    r = engine.answer(text, context_sku=ctx)
    assert not r.escalate and facts <= set(r.facts), (r.facts, r.reason)


def test_compatibility_with_a_measure_is_not_a_device_list(engine: QAEngine) -> None:
    r = engine.answer("ipad pro能用这个笔充多快", context_sku="ST-1")
    assert "ST-1.attr:兼容机型" not in r.facts


# --- inclusions -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "item"), [("送笔套吗", "笔套"), ("带不带说明书的", "说明书"), ("配笔尖吗", "笔尖"),
                                            ("送货吗", None), ("带上飞机吗", None), ("多少钱", None)])
def test_included_asked(text: str, item: str | None) -> None:
    assert included_asked(text) == item


def test_included_fields_skip_paid_addons() -> None:
    attrs = [("包装清单", "支架主体×1、说明书×1"), ("颜色", "黑色")]
    assert included_fields("送充电线吗", attrs, ["加9.9元换购车载充电线一根"]) == ([], [])
    assert included_fields("带说明书吗", attrs, []) == ([0], [])
    assert included_fields("送笔套吗", [], ["下单赠防滑笔套一个"]) == ([], [0])


@pytest.mark.parametrize(("text", "ctx", "facts"), [
    ("送笔套吗", "ST-1", {"ST-1.promotion:1"}),
    ("带不带替换笔尖", "ST-1", {"ST-1.attr:笔尖"}),
    ("车载支架带说明书吗", None, {"MT-2.attr:包装清单"}),
])
def test_inclusions_answered(engine: QAEngine, text: str, ctx: str | None, facts: set[str]) -> None:
    r = engine.answer(text, context_sku=ctx)
    assert not r.escalate and facts <= set(r.facts), (r.facts, r.reason)


def test_a_product_named_by_a_shared_word_is_asked_back(engine: QAEngine) -> None:
    r = engine.answer("支架带说明书吗")  # 手机支架 or 电脑支架
    assert r.escalate and r.reason == "ambiguous_product"


# --- one colour asked for ------------------------------------------------------------------------------------
def test_colour_settled() -> None:
    assert colour_settled("有黑色的吗", "黑色、银色")  # named
    assert colour_settled("有白色吗", "深空灰（单一配色）")  # the one colour there is
    assert colour_settled("有没有红的", "白色")
    assert not colour_settled("有红色吗", "黑色、银色")  # a list may not be every colour
    assert not colour_settled("什么颜色", "黑色")  # no colour named


@pytest.mark.parametrize(("text", "ctx", "facts"), [
    ("电脑支架有白色的吗", None, {"LP-3.attr:颜色"}),
    ("有银色吗", "MT-2", {"MT-2.attr:颜色"}),
    ("触控笔有黑色的吗", None, {"ST-1.attr:颜色"}),
])
def test_colour_answered(engine: QAEngine, text: str, ctx: str | None, facts: set[str]) -> None:
    r = engine.answer(text, context_sku=ctx)
    assert not r.escalate and facts <= set(r.facts), (r.facts, r.reason)


def test_colour_unlisted_is_answered_no_from_the_list(engine: QAEngine) -> None:
    # the independent writers' convention: a colour missing from the colour list is "no, there are …"
    r = engine.answer("有红色吗", context_sku="MT-2")
    assert not r.escalate and r.facts == ["MT-2.attr:颜色"]


# --- held: a future colour, an effect on the viewer ----------------------------------------------------------
@pytest.mark.parametrize("text", ["以后会出别的颜色吗", "什么时候上新", "还会出新款吗"])
def test_future_colours_unknowable(text: str) -> None:
    assert UNKNOWABLE.search(text)


def test_effect_unstated() -> None:
    assert effect_unstated("这个色显黑吗", ["颜色黑色、银色"])
    assert not effect_unstated("这个色显黑吗", ["卖点哑光不显黑"])
    assert not effect_unstated("显白吗", ["颜色白色"])  # a claim merchants make: left to the facts


def test_future_colour_held(engine: QAEngine) -> None:
    r = engine.answer("支架以后还会出别的颜色吗", context_sku="MT-2")
    assert r.escalate and r.reason == "no_fact"


# --- variant spellings and a bare 多少 after a variant ------------------------------------------------------------
def test_byte_sizes_said_short() -> None:
    assert "1t" in short_forms("1tb") and "512g" in short_forms("512gb")
    assert "1m" not in short_forms("1米")  # metres are no byte size


@pytest.mark.parametrize(("text", "ctx", "facts"), [
    ("1t的多少", "SD-5", {"SD-5.variant:SD-5-1T.price"}),
    ("U盘512g的多少钱", None, {"SD-5.variant:SD-5-512.price"}),
    ("1.2米那条多少", "CB-4", {"CB-4.variant:CB-4-12.price"}),
    ("2米这根多少", "CB-4", {"CB-4.variant:CB-4-2.price"}),
])
def test_variant_price_by_loose_name(engine: QAEngine, text: str, ctx: str | None, facts: set[str]) -> None:
    r = engine.answer(text, context_sku=ctx)
    assert not r.escalate and facts <= set(r.facts), (r.facts, r.reason)


def test_named_priced_pointer_is_not_a_material_share(engine: QAEngine) -> None:
    r = engine.answer("长度多少", context_sku="CB-4")
    assert "CB-4.attr:长度" in r.facts  # no variant named before 多少: the attribute


# --- how-to answered by the usage text ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "act"), [("手机怎么连", "连"), ("怎么读取照片呀", "读取照片"), ("如何开启otg", "开启otg"),
                                           ("怎么样", None), ("怎么买", None), ("坏了怎么办", None), ("怎么用", None)])
def test_howto_act(text: str, act: str | None) -> None:
    assert howto_act(text) == act


def test_instructed_needs_the_act_in_the_usage() -> None:
    usage = "插入电脑USB口即可识别；手机需开启OTG后连接"
    assert instructed("手机怎么连", usage, "便携固态U盘")  # 手机: the thing, named in the usage
    assert instructed("怎么开启otg", usage)
    assert not instructed("怎么格式化", usage)
    assert not instructed("U盘怎么弄", usage)
    assert not instructed("电脑模式怎么切", usage, "便携固态U盘")  # 电脑模式 is not said
    assert not instructed("蓝牙的那个怎么连", usage)  # "的那个" names nothing the usage says
    assert instructed("怎么插", usage)  # a bare act the usage names, no attribute says it
    assert not instructed("怎么插", usage, "", ["接口USB-A，插电脑即用"])  # an attribute may say it better


@pytest.mark.parametrize("text", ["手机怎么连", "照片怎么读取", "怎么开启otg"])
def test_howto_answered_by_usage(engine: QAEngine, text: str) -> None:
    r = engine.answer(text, context_sku="SD-5")
    assert not r.escalate and "SD-5.usage" in r.facts, (r.facts, r.reason)


def test_howto_not_in_usage_is_not_answered_by_it(engine: QAEngine) -> None:
    r = engine.answer("怎么格式化", context_sku="SD-5")
    assert "SD-5.usage" not in r.facts


# --- facts found by shared words that do not answer -----------------------------------------------------------
def test_promotion_is_no_answer_to_a_question_about_no_offer(engine: QAEngine) -> None:
    r = engine.answer("充电线可拆卸吗", context_sku="MT-2")  # only the add-on's words say 可拆卸 充电线
    assert "MT-2.promotion:1" not in r.facts


@pytest.mark.parametrize("text", ["换购是什么", "换购的线多少钱", "加购划算吗"])
def test_promotion_still_answers_offer_questions(engine: QAEngine, text: str) -> None:
    r = engine.answer(text, context_sku="MT-2")
    assert "MT-2.promotion:1" in r.facts, (r.facts, r.reason)


def test_amount_not_given_by_a_numberless_selling_text(engine: QAEngine) -> None:
    r = engine.answer("颠簸路面能扛多少", context_sku="MT-2")
    assert "MT-2.selling_point:1" not in r.facts


# --- a product named by its kind of thing said alone ------------------------------------------------------------
def test_kind_character_links_the_one_product(engine: QAEngine) -> None:
    r = engine.answer("1t的盘还有吗")  # 盘: U盘's kind, no other product's
    assert r.sku == "SD-5" and not r.escalate, (r.sku, r.reason)


def test_kind_character_inside_a_word_links_nothing(engine: QAEngine) -> None:
    r = engine.answer("光盘还有吗")  # 盘 inside 光盘: not said alone
    assert r.sku != "SD-5" or r.escalate
