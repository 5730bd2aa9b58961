"""Two causes of over-escalation found on the dev shops, fixed by general mechanisms, each tested with
differently worded cases that must now be answered by the right fact AND near misses that must not change
(escalate, or not be claimed by the new rule):

1. A viewer's measure ("90斤能坐吗", "我1m七能用吗", "12平的房间够用吗") or a measure asked without a
   number ("多少克", "能挂多重的东西") points at the one attribute of that dimension
   (``cohost.knowledge.quantities``): a fit or limit for a told measure, a plain spec for a bare one.
2. A question offering the answer to confirm or pick ("是纯铜的吗", "是硬壳还是软壳", "是三层的吗")
   is answered by the one attribute whose value holds the offered word (``cohost.knowledge.choices``).

Hermetic: a small catalog of its own (none of the dev shops' products), in memory, with a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.choices import chosen, offered
from cohost.knowledge.quantities import fitted, measured, told, written
from cohost.knowledge.text import normalize_question
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=CN)


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试小店", "policies": {"returns": "支持7天无理由退货"}},
        "products": [
            {"sku": "ST-1", "display_order": 1, "title": "折叠露营凳", "category": "户外", "price": 59, "stock": 30,
             "attributes": {"承重": "约120kg", "坐高": "38cm", "材质": "铝合金支架，牛津布坐面"}},
            {"sku": "DK-1", "display_order": 2, "title": "儿童学习桌", "category": "家具", "price": 699, "stock": 10,
             "attributes": {"适用身高": "105-175cm", "桌面高度": "52-76cm可调", "桌板": "E0级颗粒板"}},
            {"sku": "AP-1", "display_order": 3, "title": "桌面空气净化器", "category": "家电", "price": 399,
             "stock": 8, "attributes": {"适用面积": "约10-18平米", "整机重量": "约1.6kg", "滤网": "三层复合滤网"}},
            {"sku": "PN-1", "display_order": 4, "title": "复古手链", "category": "饰品", "price": 129, "stock": 50,
             "attributes": {"材质": "黄铜，表面镀金", "链长": "17cm加4cm延长链", "挂件": "手工珐琅"}},
            {"sku": "CS-1", "display_order": 5, "title": "防摔手机壳", "category": "数码配件", "price": 39, "stock": 80,
             "attributes": {"材质": "TPU软壳加PC背板", "厚度": "1.2mm", "层数": "3层防护"}},
            {"sku": "HK-1", "display_order": 6, "title": "免打孔挂钩", "category": "家居", "price": 19, "stock": 200,
             "attributes": {"最大承重": "每个约5kg", "尺寸": "6×4cm"}},
        ],
    })


def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))


# --- 1. measures ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "sku", "fact"), [
    ("220斤的人能坐吗", "ST-1", "ST-1.attr:承重"),        # a told weight → the limit, whatever the unit
    ("90公斤坐得住不", "ST-1", "ST-1.attr:承重"),
    ("我1米7能用吗", "DK-1", "DK-1.attr:适用身高"),       # a told height → the fit range holding it, not 桌面高度
    ("孩子身高120合适吗", "DK-1", "DK-1.attr:适用身高"),
    ("15平的卧室够用吗", "AP-1", "AP-1.attr:适用面积"),  # a told area → the fit
    ("有多重", "AP-1", "AP-1.attr:整机重量"),             # a bare dimension → the one plain spec of it
    ("每个能挂多重的东西", "HK-1", "HK-1.attr:最大承重"),  # "能挂多重" asks the limit
])
def test_a_measure_finds_its_attribute(question: str, sku: str, fact: str) -> None:
    record = engine().answer(question, context_sku=sku)
    assert not record.escalate, record
    assert fact in record.facts


@pytest.mark.parametrize(("question", "sku"), [
    ("凳子本身多重", "ST-1"),          # its own weight: 承重 is a limit, not what it weighs → no answer
    ("挂钩自己多重", "HK-1"),
    ("滤网多厚", "AP-1"),              # 滤网 is named, no fact gives its thickness → not 整机重量 or 适用面积
    ("链子多粗", "PN-1"),              # no thickness of the chain anywhere → not 链长
])
def test_a_measure_no_fact_holds_still_escalates(question: str, sku: str) -> None:
    record = engine().answer(question, context_sku=sku)
    assert record.escalate and record.reason == "no_fact", record


def test_quantities_read_told_and_written_measures() -> None:
    (q,) = told(normalize_question("我一米六五能用吗").text)
    assert q.dimension == "length" and q.low == pytest.approx(1650)
    (h,) = told("身高172穿什么")
    assert h.low == pytest.approx(1720)
    assert [w.dimension for w in written("约1.5kg，展开60×40cm")] == ["mass", "length"]
    assert told("米色有吗") == [] and told("3克拉") == []   # a colour and a gem weight are no measures here
    # a plain spec is no fit: "5斤的狗能吃吗" is not answered by 净含量
    assert fitted("5斤的狗能吃吗", [("净含量", "2kg"), ("口味", "鸡肉")]) is None
    # two fits: the one whose range holds the measure
    assert fitted("宝宝30斤能坐吗", [("适用体重", "9-18kg"), ("适用身高", "75-105cm"), ("承重", "最大10kg")]) == 0
    # two fits that both hold it: not clear which → None (the caller escalates)
    assert fitted("宝宝20斤能坐吗", [("适用体重", "9-18kg"), ("承重", "最大50kg")]) is None
    # a told measure without a question of fit is no fit question
    assert fitted("200斤", [("承重", "约150kg")]) is None
    # several specs of the asked dimension and none named by the question → none
    assert measured("多长", [("杆长", "1.2m"), ("线长", "3m")], []) is None
    assert measured("线多长", [("杆长", "1.2m"), ("线长", "3m")], ["线"]) == 1


# --- 2. choices ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "sku", "fact"), [
    ("是纯铜的吗", "PN-1", "PN-1.attr:材质"),         # the head of a material ("铜") in the material value
    ("这个是镀金还是纯金的", "PN-1", "PN-1.attr:材质"),
    ("是软壳还是硬壳", "CS-1", "CS-1.attr:材质"),      # an offered word held by one value
    ("是三层的吗", "CS-1", "CS-1.attr:层数"),          # a counted word ("三层" ↔ 3层)
    ("是颗粒板吗", "DK-1", "DK-1.attr:桌板"),
    ("是1.2毫米的吗", "CS-1", "CS-1.attr:厚度"),       # an offered measure ↔ the value's quantity
])
def test_an_offered_word_finds_its_attribute(question: str, sku: str, fact: str) -> None:
    record = engine().answer(question, context_sku=sku)
    assert not record.escalate, record
    assert fact in record.facts


@pytest.mark.parametrize(("question", "sku"), [
    ("是实心还是空心的", "PN-1"),      # no value holds either word → still no fact
    ("是进口的吗", "CS-1"),            # 口 is no material head of 材质 here, and no value says 进口
    ("是正品吗", "PN-1"),              # not a value to confirm
])
def test_an_offered_word_no_value_holds_still_escalates(question: str, sku: str) -> None:
    record = engine().answer(question, context_sku=sku)
    assert record.escalate, record


def test_offered_words_and_choice() -> None:
    assert offered("竿子是实心还是空心") == ["实心", "空心"]
    assert offered("是两层的吗") == ["2层"]
    assert offered("你们这个是正品吗") == []
    assert offered("后排有吗 还是只有前面") == [] or all(len(w) <= 6 for w in offered("后排有吗 还是只有前面"))
    # the product's own name is no choice
    assert chosen("是手链吗", [("材质", "手链专用合金")], ["手链"]) is None
    # a head character inside a word of the value is no material ("装" of 袋装弹簧)
    assert chosen("是压缩包装吗", [("材质", "乳胶层加袋装弹簧"), ("包装", "压缩包装，开封后48小时回弹")], []) == 1
    # a material head inside a word of the value is no answer ("铜" of 黄铜镀金 is read, 铜镀 is one phrase)
    assert chosen("是纯铜的吗", [("材质", "黄铜镀金")], []) is None
    # the word only in another attribute's sentence while the material says what it is → unclear, None
    assert chosen("是真丝吗", [("面料", "桑蚕丝"), ("洗涤", "用真丝专用洗剂")], []) is None
