"""Paraphrases the reading split (``cohost.live.paraphrase``): found cases reworded, and near misses that
must stay apart because they get different answers."""

from __future__ import annotations

import time

import pytest

from cohost.events import ClassifiedComment, Comment
from cohost.live.confirmation import Confirmations
from cohost.live.grouping import GroupKey, group_key
from cohost.live.paraphrase import recast, tag_question
from cohost.live.screening import match_form
from cohost.live.understanding import canonical


def item(text: str, intent: str, sku: str | None = "P1", *, topic: str | None = None) -> ClassifiedComment:
    norm = match_form(text)
    comment = Comment(ref=1, ts=0.0, room="r", user_id="u", text=text, norm=norm)
    return ClassifiedComment(comment, intent, sku, 0.8, True, topic, (), "P1")


def key(text: str, intent: str, topic: str | None = None) -> GroupKey:
    if topic == "text":
        topic = "text:" + match_form(text)
    return group_key(item(text, intent, topic=topic))


# --- "N号是X吗" asks which link to buy ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "intent"), [
    ("7号是面霜吗", "other"), ("二十号是卫衣吗", "attribute"), ("12#是耳机吗", "other"), ("③号是杯子吗", "attribute"),
    ("22号链接是拖鞋吗", "other"),
])
def test_which_link_is_the_purchase_question(text: str, intent: str) -> None:
    assert key(text, intent, "text") == key("链接在哪", "purchase")


@pytest.mark.parametrize("text", ["7号是正品吗", "3号是红色的吗", "2号是M码吗", "5号是什么材质", "9号是新款吗"])
def test_a_property_or_a_version_of_a_link_is_not_which_link(text: str) -> None:
    assert key(text, "attribute", "text") != key("链接在哪", "purchase")


# --- a bare "N号多少" asks the price ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["12号多少", "十二号链接多少 主播", "12#多少啊", "米多少啊 老铁"])
def test_a_bare_link_and_how_much_is_the_price(text: str) -> None:
    assert key(text, "attribute", "text") == key("这个多少钱", "price")


@pytest.mark.parametrize(("text", "topic"), [("袖长多少", "length"), ("12号多少毫升", "capacity"),
                                             ("12号多少斤", "weight")])
def test_how_much_of_a_concept_is_not_the_price(text: str, topic: str) -> None:
    assert key(text, "attribute", topic) != key("这个多少钱", "price")


# --- a size choice with any body figure is one question: the size chart ---------------------------------

@pytest.mark.parametrize(("text", "intent", "topic"), [
    ("腰围66穿什么码", "variant", None), ("腰二尺三选哪个", "other", "text"), ("170 130斤s还是m", "variant", None),
    ("平时穿28的拍哪个码", "variant", None), ("宝宝80cm穿哪个码", "attribute", "text"),
    ("两岁的孩子拍哪个", "purchase", None), ("五个月宝宝穿多大", "suitability", "child"),
    ("尺码表发下", "variant", None), ("我老公175 160斤能穿吗", "suitability", None),
])
def test_size_choices_with_different_figures_are_one_question(text: str, intent: str, topic: str | None) -> None:
    assert key(text, intent, topic) == key("身高160体重100斤穿什么码", "variant")


@pytest.mark.parametrize(("text", "intent", "topic"), [
    ("M码还有吗", "stock", "variant:P1-M"),       # availability of one size
    ("主播穿的什么码", "variant", None),           # the size worn on screen
    ("小个子能穿吗 155", "suitability", None),     # whether the cut suits a figure: no weight, no choice
    ("30和50哪个划算", "comparison", None),        # versions compared, no body figure
    ("黄皮选哪个色", "attribute", "text"),         # a shade, not a size
])
def test_near_misses_of_a_size_choice_stay_apart(text: str, intent: str, topic: str | None) -> None:
    assert key(text, intent, topic) != key("身高160体重100斤穿什么码", "variant")


def test_shade_choices_for_a_skin_tone_are_one_question_apart_from_the_colour_list() -> None:
    a = key("黄皮选哪个色", "attribute", "text")
    assert a == key("黄黑皮适合哪个号", "suitability", "audience") == key("我皮肤黄 推荐哪个色号", "variant", "colour")
    assert a != key("有几个颜色", "variant", "colour")
    assert key("黄皮能用吗", "suitability", "skin") != a  # suitability, no choice


# --- the colours on offer, asked as one colour or "only this one?" --------------------------------------

@pytest.mark.parametrize(("text", "intent", "topic"), [
    ("有灰色的吗", "other", "text"), ("只有浅蓝的吗", "attribute", "text"), ("就这一个色吗", "attribute", "text"),
    ("有没有别的颜色", "variant", None), ("有粉色的没 女宝", "other", "text"),
])
def test_one_colour_asked_is_the_colour_list(text: str, intent: str, topic: str | None) -> None:
    assert key(text, intent, topic) == key("有几个颜色", "variant", "colour")


@pytest.mark.parametrize(("text", "intent", "topic"), [
    ("有蓝牙吗", "attribute", "text"), ("只有30ml吗", "variant", "text"), ("有卡吗", "other", "text"),
    ("有红色的吗", "stock", "variant:P1-RD"),      # a colour the catalog names: its own stock question
    ("是纯棉的吗", "attribute", "material"),
])
def test_near_misses_of_the_colour_list(text: str, intent: str, topic: str | None) -> None:
    assert key(text, intent, topic) != key("有几个颜色", "variant", "colour")


# --- a tag question is asked in the core's form ---------------------------------------------------------

@pytest.mark.parametrize(("text", "asked"), [
    ("华为手机能用不", "华为手机能用吗"), ("有弹性没", "有弹性吗"), ("坏了管修不", "坏了管修吗"),
    ("腿粗穿这个显胖不", "腿粗穿这个显胖吗"), ("宝子们中码有没有呀", "m码有没有"), ("小码还有不", "s码还有吗"),
])
def test_tag_questions_and_size_words_in_the_core_form(text: str, asked: str) -> None:
    assert canonical(match_form(text)) == asked


@pytest.mark.parametrize("text", ["我也不", "我还没", "发货了没", "能不能便宜不", "加小码有吗", "弹不弹"])
def test_near_misses_of_tag_questions(text: str) -> None:
    norm = match_form(text)
    assert tag_question(norm) == norm
    assert "加小码" not in text or canonical(norm) == norm


def test_a_named_variant_is_never_recast_and_the_cost_is_small() -> None:
    assert recast("variant", "variant:P1-M", "腰围70穿m码吗") is None
    texts = [match_form(t) for t in ("腰围66穿什么码", "12号多少", "有灰色的吗", "随便问问这个好用吗")] * 2_500
    start = time.perf_counter()
    for t in texts:
        recast("attribute", None, t)
        tag_question(t)
    assert (time.perf_counter() - start) / len(texts) < 50e-6  # well under the 10 ms p99 per comment


# --- a value of the product named confirms its attribute ----------------------------------------------

class _Product:
    def __init__(self, sku: str, attributes: dict[str, str]) -> None:
        self.sku, self.attributes = sku, attributes


CUP = _Product("P1", {"内胆材质": "316不锈钢", "外壳材质": "304不锈钢", "容量": "500ml", "产地": "浙江永康",
                      "净含量": "750g（25g×30袋）", "安全类别": "GB 18401 A类"})


@pytest.mark.parametrize(("text", "concept"), [
    ("是316吗", "material"), ("304不锈钢的吗", "material"), ("500ml是吧", "capacity"), ("是不是浙江的吗", "origin"),
    ("这个是永康的吧", "origin"),
])
def test_a_value_named_confirms_its_concept(text: str, concept: str) -> None:
    assert Confirmations([CUP]).concept("P1", match_form(text)) == concept


@pytest.mark.parametrize("text", [
    "是201的吗",          # a value the catalog does not hold: another answer ("no, 316")
    "30袋吗",             # 净含量 names two concepts (capacity, weight)
    "是a类吗",            # 安全类别 names none
    "316能装开水吗",      # not a confirmation
    "是吗",
])
def test_near_misses_of_a_confirmation(text: str) -> None:
    confirmations = Confirmations([CUP])
    assert confirmations.concept("P1", match_form(text)) is None
    assert confirmations.concept("P2", match_form("是316吗")) is None  # another product's values
