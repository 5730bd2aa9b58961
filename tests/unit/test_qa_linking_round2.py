"""Linking and retrieval causes, second round, each a general mechanism with found cases and near misses on a small
catalog of our own (worded apart from any bench set):

- a link number written with the mark after it ("3#多少钱"), and one that no product has;
- a name typed in pinyin, initials or in full (``spellings.pinyin_spellings``), and a name typed with a homophone
  of one character, which is no question word (``typos.near_name``);
- an emoji standing for a product said with other words ("🥾多少钱"); English product nouns;
- a product kind the shop does not sell, told by a catalog word inside it ("防晒霜" ⊃ 防晒): no link, ``unsold``;
- a variant said by a shorter piece of its name ("龙泉" of 龙泉青瓷款, "粗陶" of 粗陶AB 2024), linking the product;
- a one-character subject the fact must hold ("茶盘轮子多大" is not answered by 尺寸);
- attribute wording: a measure asked in a distance, a breathing, a filling, a leak, a packaging word; a clause added
  to say why ("防滑吗 下雨会不会滑"); alternatives ("高帮还是低帮"); a count in a measure word ("一盒多少枚");
  one hanzi inside a name that is the subject ("有钙吗" of 高钙饼干).
"""

from __future__ import annotations

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.linking import Link
from cohost.knowledge.spellings import pinyin_spellings
from cohost.knowledge.terms import clause_spans, measures_asked
from cohost.knowledge.text import normalize_question
from cohost.knowledge.typos import near_name
from cohost.testing import InMemoryFactSource

CATALOG = {
    "shop": {"name": "远山户外家居", "policies": {"shipping": "付款后48小时内发货。"}},
    "products": [
        {"sku": "BT-1", "display_order": 1, "title": "儿童学饮杯 300ml", "category": "母婴/水杯", "aliases": ["学饮杯"],
         "price": 59, "stock": 30, "attributes": {"防漏": "按压式防漏阀，倒置不漏", "容量": "300ml", "适用年龄": "1-3岁"}},
        {"sku": "FL-2", "display_order": 2, "title": "LED强光手电筒", "category": "户外/照明", "aliases": ["手电筒"],
         "price": 89, "stock": 20, "attributes": {"照射距离": "约200米", "重量": "150g", "防水等级": "IPX6",
                                                   "振动提醒": "低电量时手柄振动"}},
        {"sku": "CK-3", "display_order": 3, "title": "有机高钙饼干", "category": "食品/饼干", "aliases": ["高钙饼干"],
         "price": 25, "stock": 50, "attributes": {"钙含量": "每100g含钙300mg", "规格": "每盒12枚", "包装": "独立小袋装",
                                                   "配料": "小麦粉、牛奶"}},
        {"sku": "HK-4", "display_order": 4, "title": "户外徒步鞋", "category": "户外/鞋", "aliases": ["徒步鞋"],
         "price": 399, "stock": 15, "attributes": {"透湿量": "4000g/m²/24h", "帮高": "低帮", "鞋底": "橡胶大底，防滑纹路",
                                                    "尺码建议": "正常码数，脚宽拍大一码", "功能": "防晒、防泼水"}},
        {"sku": "PL-5", "display_order": 5, "title": "午睡枕", "category": "家居/枕头", "aliases": ["午睡枕"],
         "price": 49, "stock": 40, "attributes": {"填充物": "记忆棉", "面料": "纯棉"}},
        {"sku": "TS-6", "display_order": 6, "title": "青瓷茶具套装", "category": "家居/茶具", "aliases": ["茶具"],
         "price": 199, "stock": 9, "attributes": {"套装内容": "1壶4杯", "尺寸": "茶盘30×20cm"},
         "variants": [{"sku": "TS-6-CEL", "name": "龙泉青瓷款", "price": 199, "stock": 5},
                      {"sku": "TS-6-SOD", "name": "粗陶AB 2024", "price": 219, "stock": 4}]},
    ],
}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(CATALOG)), clock=ManualClock(1763643600.0))


def _link(engine: QAEngine, text: str, ctx: str | None = None) -> Link:
    return engine.indexes().linker.link(normalize_question(text), ctx)


# --- link numbers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "sku"), [("3#多少钱", "CK-3"), ("2#还有吗", "FL-2"), ("#4多少", "HK-4"), ("4# 多少钱", "HK-4")])
def test_link_number_with_the_mark_after(engine: QAEngine, text: str, sku: str) -> None:
    link = _link(engine, text)
    assert (link.via, link.sku) == ("link_number", sku)


def test_a_marked_link_number_no_product_has_is_no_fact(engine: QAEngine) -> None:
    assert _link(engine, "9#多少钱").via == "unknown_link"
    record = engine.answer("9#多少钱")
    assert record.escalate and record.reason == "no_fact"


def test_a_number_glued_to_letters_is_no_link_number(engine: QAEngine) -> None:
    assert _link(engine, "a3#多少钱").via != "link_number"


# --- pinyin and typed names -------------------------------------------------------------------------------------
def test_pinyin_spellings() -> None:
    assert pinyin_spellings("手电筒") == ("sdt", "shoudiantong")
    assert pinyin_spellings("学饮杯")[0] == "xyb"
    assert pinyin_spellings("led手电") == ()  # not all hanzi
    assert pinyin_spellings("杯") == ()


@pytest.mark.parametrize(("text", "sku"), [("sdt多少钱", "FL-2"), ("shoudiantong多少钱", "FL-2"), ("xyb还有货吗", "BT-1"),
                                           ("wsz多少钱", "PL-5")])
def test_a_name_typed_in_pinyin_links(engine: QAEngine, text: str, sku: str) -> None:
    assert _link(engine, text).sku == sku


@pytest.mark.parametrize("text", ["abc多少钱", "xl有吗", "wsm这么贵"])
def test_latin_letters_that_spell_no_name_do_not_link(engine: QAEngine, text: str) -> None:
    assert _link(engine, text).sku is None


def test_near_name() -> None:
    assert near_name("米份", "米粉|辅食")
    assert near_name("坐椅", "安全座椅")
    assert near_name("保文杯", "保温杯")
    assert not near_name("米饭", "米粉")  # another sound
    assert not near_name("米粉", "米粉")  # the name itself is not a near miss
    assert not near_name("杯", "保温杯")


def test_a_name_typed_with_a_homophone_is_no_question_word(engine: QAEngine) -> None:
    record = engine.answer("学引杯能装多少ml")
    assert record.sku == "BT-1" and record.facts == ["BT-1.attr:容量"]


# --- emoji and English nouns ------------------------------------------------------------------------------------
def test_an_emoji_said_with_words_is_the_noun() -> None:
    assert normalize_question("🥾多少钱").text == "登山鞋多少钱"
    assert normalize_question("🍼").text == ""  # alone it is still only an emoji
    assert normalize_question("👍好").text == "好"  # not an object


def test_english_product_noun(engine: QAEngine) -> None:
    assert _link(engine, "Price of the flashlight?").sku == "FL-2"
    record = engine.answer("is the flashlight in stock")
    assert record.sku == "FL-2" and not record.escalate


# --- a kind the shop does not sell ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "word"), [("防晒霜多少钱", "防晒霜"), ("有防晒衣吗", "防晒衣")])
def test_an_unsold_kind_holding_a_catalog_word_does_not_link(engine: QAEngine, text: str, word: str) -> None:
    link = _link(engine, text)
    assert link.sku is None and link.unsold == word


def test_the_catalog_word_alone_still_links(engine: QAEngine) -> None:
    assert _link(engine, "防晒的那个鞋多少钱").sku == "HK-4"
    record = engine.answer("防晒吗", context_sku="HK-4")
    assert "HK-4.attr:功能" in record.facts


# --- attribute wording ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "ctx", "fact"), [
    ("能照多远", "FL-2", "FL-2.attr:照射距离"),
    ("透气吗 走山路会不会闷", "HK-4", "HK-4.attr:透湿量"),
    ("是高帮还是低帮", "HK-4", "HK-4.attr:帮高"),
    ("偏码吗", "HK-4", "HK-4.attr:尺码建议"),
    ("里面填的什么", "PL-5", "PL-5.attr:填充物"),
    ("漏不漏水", "BT-1", "BT-1.attr:防漏"),
    ("有钙吗", "CK-3", "CK-3.attr:钙含量"),
    ("一盒多少枚", "CK-3", "CK-3.attr:规格"),
    ("是罐装还是袋装", "CK-3", "CK-3.attr:包装"),
    ("防滑吗 下雨天会不会滑", "HK-4", "HK-4.attr:鞋底"),
    ("多重 背着累不累", "FL-2", "FL-2.attr:重量"),
    ("有震动提醒吗", "FL-2", "FL-2.attr:振动提醒"),  # the label typed with a homophone
])
def test_attribute_wording(engine: QAEngine, text: str, ctx: str, fact: str) -> None:
    record = engine.answer(text, context_sku=ctx)
    assert not record.escalate and fact in record.facts, record


@pytest.mark.parametrize(("text", "ctx"), [
    ("鞋垫防滑吗", "HK-4"),  # the word left out is in the clause the fact would answer
    ("能照多亮", "FL-2"),  # brightness: no fact says it
    ("枕套能拆吗", "PL-5"),
])
def test_attribute_near_misses_are_held(engine: QAEngine, text: str, ctx: str) -> None:
    record = engine.answer(text, context_sku=ctx)
    assert record.escalate and record.reason == "no_fact", record


def test_measures_asked() -> None:
    assert measures_asked("湿巾一包多少抽") == frozenset("抽")
    assert measures_asked("几个颜色") == frozenset()
    assert measures_asked("发货要几天") == frozenset()


def test_clause_spans_follow_the_typed_spaces() -> None:
    q = normalize_question("折起来多长 能放进背包吗")
    spans = clause_spans(q)
    assert [q.text[s:e] for s, e in spans] == ["折起来多长", "能放进背包吗"]
    one = normalize_question("折起来多长")
    assert clause_spans(one) == [(0, len(one.text))]


# --- variants said shorter --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "variant"), [("龙泉还有吗", "TS-6-CEL"), ("粗陶多少钱", "TS-6-SOD"), ("粗陶2024有货吗", "TS-6-SOD")])
def test_a_variant_said_by_a_piece_of_its_name(engine: QAEngine, text: str, variant: str) -> None:
    assert _link(engine, text).sku == "TS-6"
    record = engine.answer(text)
    assert any(f.startswith(f"TS-6.variant:{variant}.") for f in record.facts), record


def test_a_piece_no_variant_holds_alone_does_not_link(engine: QAEngine) -> None:
    assert _link(engine, "青花还有吗").sku is None


# --- one-character subjects ---------------------------------------------------------------------------------------
def test_a_one_character_subject_the_fact_lacks_is_held(engine: QAEngine) -> None:
    record = engine.answer("轮子多大", context_sku="TS-6")
    assert record.escalate and record.reason == "no_fact"
    assert not engine.answer("茶盘多大", context_sku="TS-6").escalate
