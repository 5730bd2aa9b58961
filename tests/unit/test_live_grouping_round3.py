"""Everyday wordings of one property (``cohost.live.vernacular``) and the live-only reading rules of round 3:
found cases reworded, and near misses that must stay apart because they get different answers."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from cohost.events import ClassifiedComment, Comment
from cohost.live.grouping import GroupKey, group_key
from cohost.live.screening import match_form
from cohost.live.understanding import canonical, live_reading
from cohost.live.vernacular import concept_of, lineup, spoken


def key(text: str, intent: str, topic: str | None = "text") -> GroupKey:
    norm = match_form(text)
    if topic == "text":
        topic = "text:" + norm
    comment = Comment(ref=1, ts=0.0, room="r", user_id="u", text=text, norm=norm)
    return group_key(ClassifiedComment(comment, intent, "P1", 0.8, True, topic, (), "P1"))


def same(*keys: GroupKey) -> bool:
    return len(set(keys)) == 1


# --- one property in everyday words meets the core's concept ------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    (("有弹性吗", "attribute", "elastic"), ("弹不弹呀", "other", "text")),
    (("有弹力没", "attribute", "elastic"), ("这条弹吗", "other", "text")),
    (("什么材质", "attribute", "material"), ("啥料子做的", "other", "text")),
    (("沾杯吗", "attribute", "cup_stain"), ("喝咖啡会不会掉", "other", "text")),
    (("沾杯不", "attribute", "cup_stain"), ("吃东西的时候掉吗", "attribute", "text")),
    (("透气吗", "attribute", "breathable"), ("夏天闷不闷", "other", "text")),
    (("几个口", "attribute", "ports"), ("可以同时充三个手机吗", "other", "text")),
    (("能带上高铁和飞机吗", "attribute", "text"), ("登机让带吗", "other", "text")),
    (("会不会拔干", "other", "text"), ("涂着嘴唇容易起皮吗", "other", "text")),
    (("干不干嘴", "other", "text"), ("滋润不", "attribute", "text")),
    (("能用洗碗机洗吗", "attribute", "washing"), ("洗碗机能放吗", "other", "text")),
    (("能高温消毒吗", "other", "text"), ("奶瓶可以煮吗", "attribute", "text")),
    (("能泡茶吗", "attribute", "text"), ("装热茶可以不", "usage", None)),
    (("洗之前要注意什么", "attribute", "text"), ("怎么洗", "usage", "washing")),
])
def test_one_property_in_everyday_words_is_one_question(a: tuple[str, str, str | None],
                                                        b: tuple[str, str, str | None]) -> None:
    assert key(*a) == key(*b)


@pytest.mark.parametrize(("a", "b"), [
    (("能进洗碗机吗", "attribute", "text"), ("能进微波炉吗", "attribute", "text")),  # different appliances
    (("会不会掉色", "attribute", "fading"), ("喝水会不会掉", "other", "text")),  # a hoodie fades; a lipstick transfers
    (("有弹力吗", "attribute", "elastic"), ("什么面料", "attribute", "material")),  # elasticity is not fabric
    (("能带上飞机吗", "attribute", "text"), ("能带去国外吗", "attribute", "abroad")),
    (("这个色号显白吗", "variant", "colour"), ("有几个色号", "variant", "colour")),  # flattering is not the colours
    (("滋润吗", "other", "text"), ("持久吗", "attribute", "lasting")),
])
def test_different_properties_stay_apart(a: tuple[str, str, str | None], b: tuple[str, str, str | None]) -> None:
    assert key(*a) != key(*b)


def test_a_named_variant_is_never_recast_by_everyday_words() -> None:
    assert key("刻字的能进洗碗机吗", "attribute", "variant:P1-K")[2] == "variant:P1-K"


def test_no_everyday_word_keeps_the_line_keyed_by_its_words() -> None:
    assert concept_of("能不能开发票") is None
    assert key("支持无线充吗", "attribute")[2] == "text:支持无线充吗"  # fast charging is the power (round 5)


# --- who a product suits, named in words -----------------------------------------------------------------

def test_an_old_parent_named_in_words_is_the_elderly_question() -> None:
    assert same(key("老年人能吃吗", "suitability", None), key("我爸牙口不好嚼得动吗", "other"),
                key("我奶奶八十多了咬得动不", "suitability", None))


def test_elderly_and_children_stay_apart() -> None:
    assert key("老人能吃吗", "suitability", None) != key("3岁宝宝能吃吗", "suitability", None)


def test_a_figure_named_in_words_is_the_figure_question() -> None:
    assert same(key("胯宽的能穿吗", "suitability", None), key("大腿粗穿着显胖不", "other"),
                key("微胖能穿吗", "suitability", None))


def test_sensitive_skin_is_not_oily_skin_nor_a_food_allergy() -> None:
    sensitive = key("敏感肌能用吗", "suitability", "skin")
    assert same(sensitive, key("我皮肤敏感用了会泛红吗", "other"), key("敏敏肌可以吗", "other"),
                key("宝宝湿疹能穿吗", "suitability", None))
    assert sensitive != key("油皮能用吗", "suitability", "skin")
    assert sensitive != key("坚果过敏能吃吗", "suitability", None)


def test_a_newborn_asked_in_words_is_the_child_question() -> None:
    assert same(key("刚生下来的宝宝能穿吗", "suitability", "audience"), key("新生儿可以穿吗", "suitability", "audience"))
    assert key("刚出生的能穿不", "suitability", None) != key("宝宝湿疹能穿吗", "suitability", None)


# --- spoken numbers and durations -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("卅1号多少钱", "31号多少钱"), ("廿8号链接", "28号链接"), ("卅号有吗", "30号有吗"),
    ("保温时间多长", "保温多久"), ("保质期有多长", "保质期多久"), ("能放多长时间", "能放多久"),
])
def test_spoken_forms_are_asked_in_the_cores_words(text: str, expected: str) -> None:
    assert spoken(text) == expected
    assert canonical(text) == expected


@pytest.mark.parametrize("text", ["裤长多少", "袖子多长", "卅一", "一瓶用多长时间"])
def test_lengths_and_bare_numerals_stay(text: str) -> None:
    assert spoken(text) == text


# --- tonight's lineup is about the show ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["今晚都上啥货", "今天有什么链接呀", "今儿个卖点啥", "卸妆油什么时候上", "面膜今晚有吗"])
def test_lineup_questions(text: str) -> None:
    assert lineup(match_form(text))


@pytest.mark.parametrize("text", ["什么时候有货", "手表啥时候有货", "今天有优惠吗", "什么时候发货", "今天能到吗"])
def test_restock_promotion_and_shipping_are_not_the_lineup(text: str) -> None:
    assert not lineup(match_form(text))


def understanding(text: str, intent: str, *, sku: str | None = "P1", via: str = "context",
                  concepts: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(intent=intent, risk=None, variants=(), sku=sku, via=via, concepts=concepts, candidates=(),
                           confidence=0.5, core=text, text=text)


def test_a_lineup_question_is_about_no_product_on_screen_but_keeps_a_named_one() -> None:
    reading, linked = live_reading(understanding("今晚上啥货", "attribute"), "今晚上啥货")
    assert (reading.intent, reading.topic, reading.question, linked.sku) == ("other", "lineup", True, None)
    reading, linked = live_reading(understanding("卸妆油啥时候上", "other", sku="P8", via="mention"), "卸妆油啥时候上")
    assert (reading.topic, linked.sku) == ("lineup", "P8")
    reading, _ = live_reading(understanding("明天还播吗", "other"), "明天还播吗")
    assert reading.topic == "show"  # the next show is another question


# --- question cues: alternatives and "how X" -------------------------------------------------------------

@pytest.mark.parametrize("text", ["早上用还是晚上用", "是九分的还是长裤", "有多辣", "能放多久", "一瓶用多长时间"])
def test_alternative_and_how_questions_are_questions(text: str) -> None:
    reading, _ = live_reading(understanding(text, "other"), text)
    assert reading.question


@pytest.mark.parametrize("text", ["我还是喜欢这个", "还是买了", "主播还是很漂亮", "还是算了", "但还是不错"])
def test_remarks_with_haishi_are_not_questions(text: str) -> None:
    reading, _ = live_reading(understanding(text, "other"), text)
    assert not reading.question


def test_everyday_words_are_cheap() -> None:
    lines = [f"第{i}个问题 这个能不能放洗碗机 会不会掉色 显不显白" for i in range(2_000)]
    start = time.perf_counter()
    for line in lines:
        concept_of(line)
        concept_of(line, sharp=True)
        lineup(line)
        spoken(line)
    assert (time.perf_counter() - start) / len(lines) < 100e-6
