"""Linking and retrieval causes, third round, each a general mechanism with found cases and near misses on a small
catalog of our own (worded apart from any bench set):

- one sentence of a usage or cautions text answers a measure asked of the words it holds ("要泡多久" ↔ 浸泡约3分钟),
  and a sentence that forbids the thing a viewer asks leave to do ("能放烤箱吗" ↔ 请勿放入烤箱)
  (``passages``); a label naming a word of the question gives way to that sentence;
- a variant named by the Latin part of its name ("APA" of 美式APA), a size said as a number after 小号/大号;
- a product named by its own head word while another product, whose facts hold that word, is on screen, once the
  question says something only the named product has ("水壶tritan的吗" with a kettle stand on screen);
- a kind of goods the shop does not sell (``Link.unsold``) is no_fact, never "which product?"; an attribute's own
  label inside a longer word ("成分表") is no such kind;
- attribute wording: a label named whole ranks before a longer label sharing a word with it ("风速" / 风速档位);
  "多长" of a length of time; a code asked by its number ("许可证号发一下"); "原理", "能测什么", "定时"; a country
  ("是韩国的吗", "哪个国家的"), voltage abroad ("带去美国能用吗"), water while bathing; "原瓶进口吗" is no
  question of where from.
"""

from __future__ import annotations

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.linking import Link
from cohost.knowledge.passages import forbidden, measure_units, measured
from cohost.knowledge.spellings import short_forms
from cohost.knowledge.text import normalize_question
from cohost.testing import InMemoryFactSource

CATALOG = {
    "shop": {"name": "山野小铺", "policies": {"shipping": "付款后48小时内发货。"}},
    "products": [
        {"sku": "GT-1", "display_order": 1, "title": "高山乌龙茶 150g", "category": "茶叶", "aliases": ["乌龙茶"],
         "price": 128, "stock": 30, "attributes": {"产地": "台湾阿里山", "茶垫规格": "竹编，直径8cm"},
         "usage": "每5g茶叶配200ml水，水温95℃；浸泡约3分钟后出汤，可续泡4次",
         "cautions": "请勿放入烤箱；开封后请密封冷藏；茶垫建议每3个月更换一次"},
        {"sku": "BR-2", "display_order": 2, "title": "精酿啤酒 330ml×6", "category": "酒水", "aliases": ["啤酒"],
         "price": 69, "stock": 40, "attributes": {"酒精度": "5.5%vol"},
         "variants": [{"sku": "BR-2-APA", "name": "美式APA", "price": 69, "stock": 20},
                      {"sku": "BR-2-MIX", "name": "混合装 APA 3罐+黑啤 3罐", "price": 72, "stock": 20}]},
        {"sku": "BT-3", "display_order": 3, "title": "儿童吸管杯", "category": "母婴", "aliases": ["吸管杯"],
         "price": 79, "stock": 30, "attributes": {"材质": "PP"},
         "variants": [{"sku": "BT-3-200", "name": "200ml（配小号吸嘴）", "price": 79, "stock": 10},
                      {"sku": "BT-3-300", "name": "300ml（配大号吸嘴）", "price": 89, "stock": 20}]},
        {"sku": "ST-4", "display_order": 4, "title": "户外运动水壶 750ml", "category": "户外", "aliases": ["运动水壶"],
         "price": 99, "stock": 25, "attributes": {"材质": "Tritan"}},
        {"sku": "RK-5", "display_order": 5, "title": "骑行车架水壶架", "category": "骑行", "aliases": ["水壶架"],
         "price": 39, "stock": 25, "attributes": {"适配": "可放700ml以内的水壶", "成分": "铝合金"}},
        {"sku": "FN-6", "display_order": 6, "title": "手持小风扇", "category": "小家电", "aliases": ["小风扇"],
         "price": 59, "stock": 25, "attributes": {
             "风力": "最大约5m/s", "风力档位": "3档", "技术": "无刷电机", "测温指标": "室温、湿度", "智能计时": "1/2/4小时",
             "电压": "5V USB供电，220V适配器不支持110V", "防水等级": "IPX4", "生产许可证": "SC12345678901234",
             "保质期": "24个月", "原产国": "日本", "进口方式": "原装进口", "进口商": "上海某贸易公司"}},
    ],
}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(CATALOG)), clock=ManualClock(1763643600.0))


def _link(engine: QAEngine, text: str, ctx: str | None = None) -> Link:
    return engine.indexes().linker.link(normalize_question(text), ctx)


# --- one sentence of a long text ---------------------------------------------------------------------------------
def test_measured_sentence() -> None:
    text = "头发吹干后分区，从发尾卷起，停留5-8秒后松开；细软发用140℃"
    assert measured("卷的时候停几秒", ["卷", "停几秒"], text)
    assert measured("多少度合适", ["度", "合适"], "水温95℃") is False  # no word of the thing asked
    assert measured("水温多少度合适", ["水温", "合适"], "每5g茶叶配200ml水，水温95℃")
    assert not measured("卷完能保持多久", ["卷完", "保持"], text)  # 保持 is in no sentence
    assert not measured("停多久", ["停"], "停留后松开；等5秒")  # the number is in another sentence
    assert measure_units("有几种颜色") is None


def test_forbidding_sentence() -> None:
    assert forbidden("能放烤箱吗", ["烤箱"], "请勿放入烤箱；开封后请密封冷藏")
    assert not forbidden("烤箱多少度", ["烤箱"], "请勿放入烤箱")  # not asking leave
    assert not forbidden("能放冰箱吗", ["冰箱"], "请勿放入烤箱")


@pytest.mark.parametrize(("text", "fact"), [
    ("要泡多久", "GT-1.usage"),
    ("水温多少度合适", "GT-1.usage"),
    ("能放烤箱烤一下吗", "GT-1.cautions"),
])
def test_a_sentence_of_usage_or_cautions_answers(engine: QAEngine, text: str, fact: str) -> None:
    record = engine.answer(text, context_sku="GT-1")
    assert not record.escalate and fact in record.facts, record


def test_a_label_naming_a_word_gives_way_to_the_measured_sentence(engine: QAEngine) -> None:
    hits = engine.indexes().facts.search(normalize_question("茶垫多久换一次"), "GT-1")
    assert hits[0].fact_id == "GT-1.cautions", hits
    assert all(h.score < 3.0 for h in hits if h.fact_id == "GT-1.attr:茶垫规格"), hits


def test_no_sentence_holds_it_is_no_answer(engine: QAEngine) -> None:
    record = engine.answer("泡完能放多久不坏", context_sku="GT-1")
    assert "GT-1.usage" not in record.facts


# --- variants ----------------------------------------------------------------------------------------------------
def test_latin_part_of_a_variant_name() -> None:
    assert "apa" in short_forms("美式apa")
    assert "apa" not in short_forms("apa")


@pytest.mark.parametrize("text", ["APA那箱多少钱", "APA还有吗"])
def test_a_variant_named_by_its_latin_part_not_the_mix(engine: QAEngine, text: str) -> None:
    assert engine.indexes().linker.variants_in("BR-2", normalize_question(text)) == ["BR-2-APA"]


def test_the_mix_named_as_such(engine: QAEngine) -> None:
    assert engine.indexes().linker.variants_in("BR-2", normalize_question("混合装多少钱")) == ["BR-2-MIX"]


def test_a_size_number_after_small_or_large(engine: QAEngine) -> None:
    linker = engine.indexes().linker
    assert linker.variants_in("BT-3", normalize_question("小号200的多少")) == ["BT-3-200"]
    assert linker.variants_in("BT-3", normalize_question("3号200")) == []  # a link number, not a size


# --- a product named while another is on screen ------------------------------------------------------------------
def test_a_word_only_the_named_product_has_moves_the_link(engine: QAEngine) -> None:
    assert _link(engine, "运动水壶tritan的吗", "RK-5").sku == "ST-4"


def test_the_word_alone_stays_with_the_product_on_screen(engine: QAEngine) -> None:
    assert _link(engine, "水壶能放多大的", "RK-5").sku == "RK-5"


# --- goods the shop does not sell --------------------------------------------------------------------------------
def test_unsold_goods_are_no_fact(engine: QAEngine) -> None:
    link = _link(engine, "有乌龙茶包吗")
    record = engine.answer("卖不卖啤酒杯")
    assert record.escalate and record.reason == "no_fact", (link, record)


def test_an_attribute_label_inside_a_longer_word_is_no_unsold_goods(engine: QAEngine) -> None:
    assert _link(engine, "成分表发一下").unsold is None


# --- attribute wording -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fact"), [
    ("风力多少m/s", "FN-6.attr:风力"),
    ("进口商是谁", "FN-6.attr:进口商"),
    ("生产许可证号发一下", "FN-6.attr:生产许可证"),
    ("有SC编号吗 生产许可证多少", "FN-6.attr:生产许可证"),
    ("保质期多长", "FN-6.attr:保质期"),
    ("是什么原理", "FN-6.attr:技术"),
    ("能测什么", "FN-6.attr:测温指标"),
    ("有定时吗", "FN-6.attr:智能计时"),
    ("是哪个国家的", "FN-6.attr:原产国"),
    ("带去美国能用吗", "FN-6.attr:电压"),
    ("洗澡的时候能用吗", "FN-6.attr:防水等级"),
    ("是原装进口吗", "FN-6.attr:进口方式"),
])
def test_attribute_wording(engine: QAEngine, text: str, fact: str) -> None:
    record = engine.answer(text, context_sku="FN-6")
    assert not record.escalate and fact in record.facts, record


def test_the_label_named_ranks_first(engine: QAEngine) -> None:
    hits = engine.indexes().facts.search(normalize_question("风力多少m/s"), "FN-6")
    assert hits[0].fact_id == "FN-6.attr:风力", hits


def test_a_number_word_is_no_code_without_a_code() -> None:
    from cohost.knowledge.coverage import Doc, code_given
    coded = Doc("x", "s", "attr:生产许可证", "生产许可证", (), (), 1, "sc12345678901234", "", "", "", None)
    plain = Doc("y", "s", "attr:进口方式", "进口方式", (), (), 1, "原装进口", "", "", "", None)
    assert code_given("编号", coded) and code_given("号发", coded)
    assert not code_given("编号", plain)
    assert not code_given("型号", coded)  # a model is asked, not a number


@pytest.mark.parametrize("text", ["水壶套是什么材质", "有水壶套吗", "水壶套怎么样"])
def test_unsold_goods_asked_of_are_no_fact_not_which_product(engine: QAEngine, text: str) -> None:
    assert _link(engine, text).unsold == "水壶套"
    record = engine.answer(text)
    assert record.escalate and record.reason == "no_fact", record


def test_two_one_character_words_in_a_forbidding_sentence() -> None:
    assert forbidden("有痣的地方能照吗", ["痣", "方", "照"], "纹身、痣、色斑处禁止照射")
    assert not forbidden("有痣的地方能照吗", ["痣", "方", "照"], "痣处可正常使用；禁止照射眼睛")  # 照 in another sentence
    assert not forbidden("能照吗", ["照"], "禁止照射眼睛")  # one character alone says too little
