"""Linking and retrieval causes, sixth round, each a general mechanism with found cases and near misses on a small
catalog of our own (worded apart from any bench set):

- a cue written "X不X" also matches the "X吗" that normalising makes of it at the end of a clause;
- a length asked of a span of time ("保修期多长", "续航时间多长") is a duration, never the thing's length, and "能存多长
  时间" asks how long it keeps;
- with a product on screen, a thing named as what it is used on ("能煮咖啡豆吗") or as a gift ("送充电线吗") is not
  the product asked about;
- "洗碗机" is no laundering;
- a measure adjective typed as its homophone at the end of a question ("床垫多后") is read as the measure;
- a compound policy kind ("big_item_delivery") and the trade-in and gold-price kinds are named in Chinese;
- traditional → simplified conversion is skipped, with identical output, when no character could convert.
"""

from __future__ import annotations

import json

import pytest
import zhconv  # type: ignore[import-untyped]

from cohost.domain import Catalog
from cohost.knowledge.lexicon import concepts_asked
from cohost.knowledge.linking import ProductLinker
from cohost.knowledge.mentions import used_with
from cohost.knowledge.text import _ZH_FIRST, normalize, normalize_question, with_a_not_a

CATALOG = {
    "shop": {"name": "小满百货", "policies": {"shipping": "48小时内发货。"}},
    "products": [
        {"sku": "MUG", "category": "家居", "display_order": 1, "title": "陶瓷马克杯 350ml", "aliases": ["马克杯", "杯子"], "price": 39, "stock": 9},
        {"sku": "BEAN", "category": "食品", "display_order": 2, "title": "云南咖啡豆 500g", "aliases": ["咖啡豆"], "price": 69, "stock": 9},
        {"sku": "BANK", "category": "数码", "display_order": 3, "title": "迷你充电宝 5000mAh", "aliases": ["充电宝"], "price": 59, "stock": 9},
        {"sku": "WIRE", "category": "数码", "display_order": 4, "title": "快充充电线 1米", "aliases": ["充电线", "数据线"], "price": 19, "stock": 9},
    ],
}


@pytest.fixture(scope="module")
def linker() -> ProductLinker:
    return ProductLinker(Catalog.model_validate(CATALOG).products)


def _concepts(text: str) -> set[str]:
    return {c.name for c in concepts_asked(normalize_question(text).text)}


def _link(linker: ProductLinker, text: str, ctx: str | None) -> str | None:
    return linker.link(normalize_question(text), ctx).sku


# --- "X不X" cues and their "X吗" form --------------------------------------------------------------------------
def test_a_not_a_cue_accepts_the_normalised_form() -> None:
    assert with_a_not_a("响不响") == "(?:响不响|响吗)"
    assert with_a_not_a("闷脚|会闷") == "闷脚|会闷"  # nothing to widen


@pytest.mark.parametrize(("text", "concept"), [
    ("这个弹不弹啊", "elastic"), ("穿着闷不闷", "breathable"), ("声音响不响", "noise"), ("晚上亮不亮", "lamp"),
])
def test_a_not_a_at_the_end_of_a_clause_is_still_the_concept(text: str, concept: str) -> None:
    assert concept in _concepts(text)


def test_a_not_a_inside_a_clause_keeps_matching() -> None:
    assert "breathable" in _concepts("闷不闷脚")
    assert "elastic" not in _concepts("这个贵不贵")


# --- durations are not lengths -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["保修期多长", "续航时间多长", "保冷时间有多长", "时长多少"])
def test_a_time_span_asked_how_long_is_no_length(text: str) -> None:
    assert "length" not in _concepts(text)


@pytest.mark.parametrize("text", ["这条裙子多长", "线长多少米", "袖子有多长", "多长啊这个"])
def test_a_things_length_is_still_a_length(text: str) -> None:
    assert "length" in _concepts(text)


def test_how_long_it_keeps_is_its_shelf_life() -> None:
    got = _concepts("能存多长时间")
    assert "shelf_life" in got and "speed" not in got and "continuous" not in got
    assert "shelf_life" not in _concepts("打开后能放多长时间")  # once opened: a usage instruction
    assert "speed" in _concepts("加热要多长时间")


# --- what the product on screen is used on, or comes with ----------------------------------------------------
@pytest.mark.parametrize("text", ["能煮咖啡豆吗", "可以装咖啡豆不", "用来泡咖啡豆行吗"])
def test_the_object_of_a_use_verb_is_not_the_product_asked(linker: ProductLinker, text: str) -> None:
    assert _link(linker, text, "MUG") == "MUG"


@pytest.mark.parametrize("text", ["送充电线吗", "有送数据线吗", "配数据线不"])
def test_a_gift_question_is_about_the_product_on_screen(linker: ProductLinker, text: str) -> None:
    assert _link(linker, text, "BANK") == "BANK"


@pytest.mark.parametrize(("text", "ctx", "sku"), [
    ("咖啡豆多少钱", "MUG", "BEAN"), ("咖啡豆能煮几次", "MUG", "BEAN"), ("数据线多少钱", "BANK", "WIRE"),
    ("数据线还有吗", "BANK", "WIRE"), ("能煮咖啡豆吗", None, "BEAN"),
])
def test_a_product_named_as_the_subject_still_moves_the_link(linker: ProductLinker, text: str, ctx: str | None,
                                                            sku: str) -> None:
    assert _link(linker, text, ctx) == sku


def test_used_with_needs_the_verb_or_gift_right_before() -> None:
    assert used_with("咖啡豆", "能煮咖啡豆吗") and used_with("数据线", "送数据线吗")
    assert not used_with("咖啡豆", "咖啡豆能煮吗") and not used_with("数据线", "送数据线给朋友")
    assert not used_with("咖啡豆", "能煮吗咖啡豆多少钱")


# --- a dishwasher is not laundering -------------------------------------------------------------------------------
def test_a_dishwasher_is_no_washing_cue() -> None:
    assert "washing" not in _concepts("能放洗碗机洗吗")
    assert "washing" not in _concepts("能进洗碗机吗")
    assert "washing" in _concepts("能机洗吗") and "washing" in _concepts("能洗吗")


# --- homophone typos of a measure --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "normal"), [("垫子多后", "垫子多厚"), ("有多后啊", "有多厚啊"), ("柜子多搞", "柜子多高")])
def test_a_measure_typed_as_its_homophone(text: str, normal: str) -> None:
    assert normalize_question(text).text == normal


@pytest.mark.parametrize("text", ["最多后天到", "差不多后面的", "多后悔", "多告诉我一点"])
def test_words_holding_the_homophone_stay(text: str) -> None:
    assert normalize_question(text).text == normalize(text)


# --- policy kinds named in Chinese --------------------------------------------------------------------------------
def test_compound_and_trade_in_policy_kinds_are_searchable_in_chinese() -> None:
    from cohost.knowledge.retrieval import FactIndex
    from cohost.testing import InMemoryFactSource

    shop = json.loads(json.dumps(CATALOG))
    shop["shop"]["policies"] = {"big_item_delivery": "大件物流送货上门，偏远地区另收费。",
                                "trade_in": "旧料可按当日价抵扣新品。"}
    source = InMemoryFactSource(Catalog.model_validate(shop))
    index = FactIndex(source.shop_facts())
    labels = {d.fact_id: d.label for d in index._docs}
    assert labels["shop.policy:big_item_delivery"] == "配送"
    assert labels["shop.policy:trade_in"] == "以旧换新"


# --- zhconv skipped only where it changes nothing ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["這個多少錢", "发货了吗", "怎么喝", "hello 123", "質量怎麼樣", "", "🍼奶瓶", "后天發貨"])
def test_skipping_conversion_gives_the_same_text(text: str) -> None:
    if _ZH_FIRST.isdisjoint(text):
        assert zhconv.convert(text, "zh-cn") == text
    assert normalize("這個多少錢") == "这个多少钱"
