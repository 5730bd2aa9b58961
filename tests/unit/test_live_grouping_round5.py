"""Answer-equivalence (``cohost.live.equivalence``) and the comparison paraphrase of round 5: the same fact
asked in other words lands in one question group; near misses with different answers stay apart."""

from __future__ import annotations

import time

import pytest

from cohost.events import ClassifiedComment, Comment
from cohost.live.equivalence import equivalent
from cohost.live.grouping import GroupKey, group_key
from cohost.live.screening import match_form


def key(text: str, intent: str, topic: str | None = "text") -> GroupKey:
    norm = match_form(text)
    if topic == "text":
        topic = "text:" + norm
    comment = Comment(ref=1, ts=0.0, room="r", user_id="u", text=text, norm=norm)
    return group_key(ClassifiedComment(comment, intent, "P1", 0.8, True, topic, (), "P1"))


Ask = tuple[str, str, str | None]


@pytest.mark.parametrize(("a", "b"), [
    # hours of an activity are the runtime
    (("续航多久", "attribute", "runtime"), ("能玩几个钟头", "other", "text")),
    (("续航怎么样", "attribute", "runtime"), ("听歌能听几个小时", "attribute", "text")),
    # fast charging is the charging power
    (("多少瓦", "attribute", "power"), ("有没有快充", "attribute", "text")),
    (("功率多大", "attribute", "power"), ("华为手机能闪充吗", "other", "text")),
    # a phone or system with can-it-use is compatibility, whichever intent the reading chose
    (("兼容哪些手机", "attribute", "compat"), ("小米手机能连吗", "other", "text")),
    (("兼容哪些手机", "attribute", "compat"), ("安卓机能用不", "suitability", None)),
    # a pairing of wearers is the audience
    (("男生能穿吗", "suitability", "audience"), ("是男女通用的吗", "attribute", "text")),
    (("男生能穿吗", "suitability", "audience"), ("有情侣款吗", "other", "text")),
    # sweat or rain is waterproofing
    (("防水吗", "attribute", "waterproof"), ("打球流汗能戴吗", "other", "text")),
    (("防水吗", "attribute", "waterproof"), ("下雨天骑车能用吗", "suitability", None)),
    # a fibre's share is the material
    (("什么面料", "attribute", "material"), ("羊毛含量多少", "attribute", "text")),
    (("什么面料", "attribute", "material"), ("含棉量高吗", "other", "text")),
    # additives, syrup, "pure X" are the ingredients
    (("配料有啥", "attribute", "ingredients"), ("里面放添加剂了吗", "other", "text")),
    (("配料有啥", "attribute", "ingredients"), ("是纯牛奶吗", "attribute", "text")),
    (("配料有啥", "attribute", "ingredients"), ("兑糖浆了没有", "other", "text")),
    # a bare count with its unit is the count
    (("一包几片", "attribute", "count"), ("20片吗", "other", "text")),
    # when or in what order to use it is the usage
    (("怎么用", "usage", "usage"), ("白天用还是晚上用", "other", "text")),
    (("怎么用", "usage", "usage"), ("先擦乳液还是先用这个", "other", "text")),
    (("怎么用", "usage", "usage"), ("一次用几泵", "usage", None)),
    (("怎么用", "usage", "usage"), ("晚上能用吗 还是只能白天", "attribute", "night")),
    # a baby's age is the child question whichever intent the reading chose
    (("几岁能吃", "suitability", None), ("宝宝8个月能喝吗", "attribute", "text")),
    # the first charge, whichever concept the core read in it
    (("刚买回来要先充电吗", "attribute", "charge_time"), ("新的第一次充满再用吗", "attribute", "runtime")),
    # one unnamed colour asked as "only X?" is the colour list
    (("有几个颜色", "variant", "colour"), ("只有焦糖色吗", "attribute", "text")),
    # one flavour asked is the flavour list
    (("有什么口味", "variant", "taste"), ("有甜的吗", "other", "text")),
    (("有什么口味", "variant", "taste"), ("有原味的没", "other", "text")),
    # skin types in slang
    (("油皮能用吗", "suitability", None), ("我沙漠皮能用不", "suitability", None)),
    # a trouser's cut is its length
    (("裤长多少", "attribute", "length"), ("是七分裤吗", "attribute", "text")),
    # what the host wears
    (("主播穿的是什么码", "variant", None), ("主播脸上涂的哪个色", "other", "text")),
    # a difference or a pick between versions, read as "other", is the comparison
    (("这两个有啥区别", "comparison", None), ("普通款跟升级款差在哪", "other", "text")),
    (("这两个有啥区别", "comparison", None), ("新手推荐哪一款", "other", "text")),
])
def test_same_fact_in_other_words_is_one_question(a: Ask, b: Ask) -> None:
    assert key(*a) == key(*b)


@pytest.mark.parametrize(("a", "b"), [
    (("支持快充吗", "attribute", "text"), ("什么接口", "attribute", "ports")),  # the power is not the port
    (("含绒量多少", "attribute", "text"), ("含棉量多少", "attribute", "text")),  # down filling is not the fabric
    (("宝宝6个月能吃吗", "attribute", "text"), ("孩子花生过敏能吃吗", "suitability", None)),  # age vs allergy
    (("能放洗碗机吗", "usage", "text"), ("怎么用", "usage", "usage")),  # a dishwasher is not the usage
    (("有多辣", "other", "text"), ("有辣的吗", "other", "text")),  # how hot is not the flavour list
    (("只有30ml吗", "variant", "text"), ("有几个颜色", "variant", "colour")),  # a size is not a colour
    (("是纯棉的吗", "attribute", "material"), ("配料有啥", "attribute", "ingredients")),  # cotton is a fabric
    (("充满要多久", "attribute", "charge_time"), ("第一次用要充满吗", "attribute", "charge_time")),
    (("续航多久", "attribute", "runtime"), ("充满要多久", "attribute", "charge_time")),
    (("165 110斤选哪个码", "other", "text"), ("新手推荐哪一款", "other", "text")),  # a size choice is the chart
    (("华为能用吗", "suitability", None), ("老人能用吗", "suitability", None)),  # a phone is not an age
    (("防水吗", "attribute", "waterproof"), ("防晒吗", "attribute", "text")),  # sun is not rain
])
def test_different_answers_stay_apart(a: Ask, b: Ask) -> None:
    assert key(*a) != key(*b)


def test_equivalent_names_only_lines_without_a_concept_unless_sharper() -> None:
    assert equivalent(match_form("能听几个小时")) == "runtime"
    assert equivalent(match_form("这个好看吗")) is None
    # a sharp setting replaces only the concepts it is sharper than
    assert equivalent(match_form("第一次用要充满吗"), "charge_time") == "first_charge"
    assert equivalent(match_form("第一次用要充满吗"), "material") is None
    assert equivalent(match_form("能听几个小时"), "runtime") is None  # not a sharp setting


def test_equivalence_is_cheap() -> None:
    lines = [match_form(t) for t in ("主播好", "多少钱", "能听几个小时", "有添加剂吗", "这个好看吗", "安卓能用吗")] * 2_000
    start = time.perf_counter()
    for line in lines:
        equivalent(line)
    per_line = (time.perf_counter() - start) / len(lines)
    assert per_line < 50e-6
