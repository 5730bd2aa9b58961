"""Escalation and unknowns, fifth round: each cause fixed by a general mechanism, found cases reworded and near
misses that must not change:

1. A job on the viewer's own order or deal that only a person can do (look a parcel up, cancel what was just
   bought, write a note on the order, make a piece to measure, talk a wholesale deal over) is an ``other``
   escalation, not "nobody knows" nor a policy read out (``orderjobs``).
2. A day the viewer chooses for delivery and a restock asked as "什么时候有" are ``no_fact``: the facts speak of
   today (``unknowable.time_bound``).
3. A young child put to use of a product whose facts name no child at all ("新生儿能盖吗", "给小朋友睡行吗") is
   ``minor`` (``audiences``); a product whose facts speak of children answers it.
5. A plain colour said alone with a bare ask and nothing on screen ("白色的多少钱") asks back which product, even
   when one product alone has that colour; a distinctive option ("黑陶款") or a size code is still linked (``referents.bare_variant``); with the product named or on
   screen it is answered.
6. Safety said in other words: a cleaning liquid or a battery named before it was drunk or swallowed ("孩子把
   洗洁精喝了"), and a heat source laid with the goods ("电热毯能垫在床垫下面吗") (``incidents``).
4. The product on screen said cheaper or dearer than a maker the catalog never names ("比X便宜吗") is ``no_fact``;
   against its own earlier price ("比原价便宜吗") the facts answer (``referents``).

Hermetic: in memory, a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog, Product
from cohost.knowledge import QAEngine
from cohost.knowledge.absences import Catalogued
from cohost.knowledge.audiences import audience_of, child_user
from cohost.knowledge.escalation import detect_risk
from cohost.knowledge.linking import Link
from cohost.knowledge.orderjobs import order_job
from cohost.knowledge.referents import bare_variant, foreign_comparand
from cohost.knowledge.text import normalize
from cohost.knowledge.unknowable import time_bound
from cohost.testing import InMemoryFactSource

CN = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CN)


def catalog() -> Catalog:
    return Catalog.model_validate({
        "shop": {"name": "测试家纺店", "policies": {"shipping": "下单后48小时内发货，默认中通快递",
                                                 "returns": "支持7天无理由退货"}},
        "products": [
            {"sku": "QS-1", "display_order": 1, "title": "长绒棉夏凉被", "category": "床品", "price": 199,
             "stock": 40, "attributes": {"面料": "100%长绒棉", "尺寸": "200×230cm", "重量": "1.2kg"},
             "variants": [{"sku": "QS-1-B", "name": "蓝色", "stock": 20}, {"sku": "QS-1-G", "name": "灰色", "stock": 20}]},
            {"sku": "KD-1", "display_order": 2, "title": "儿童卡通枕", "category": "床品", "price": 59, "stock": 30,
             "attributes": {"适用年龄": "3-12岁", "填充物": "荞麦壳"}},
        ],
    })


def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(catalog()), clock=ManualClock(NOW.timestamp()))


def _reason(text: str, sku: str | None = "QS-1") -> str | None:
    record = engine().answer(text, context_sku=sku)
    return record.reason if record.escalate else None


# -- 1. jobs on the viewer's own order ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "麻烦帮我看下快递到哪了",
    "我的包裹到哪了 订单尾号2231",
    "刚下的单 帮我取消一下",
    "拍多了一件 怎么取消啊",
    "帮我备注一下周末再发",
    "给我定做一条1米6的",
    "公司采购两百条 能谈一下吗",
])
def test_a_job_on_the_viewers_order_is_other(text: str) -> None:
    risk = order_job(normalize(text))
    assert risk is not None and risk.reason == "other"
    assert _reason(text) == "other"


@pytest.mark.parametrize("text", [
    "刻名字要怎么备注",  # the rule asked
    "能定做1米2的吗",  # whether the shop makes it: the facts or nobody
    "批发价多少",  # a price asked, nobody to talk to
    "默认发什么快递",
    "怎么下单",
])
def test_a_rule_asked_is_no_job(text: str) -> None:
    assert order_job(normalize(text)) is None


def test_a_changed_address_stays_a_dispute() -> None:
    assert _reason("帮我改地址") == "dispute"


# -- 2. a chosen day, a restock date --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["可以指定周六送吗", "能约个日期上门配送吗", "灰色什么时候有", "蓝色的啥时候还有啊"])
def test_a_chosen_day_or_a_restock_date_is_no_fact(text: str) -> None:
    risk = time_bound(normalize(text))
    assert risk is not None and risk.reason == "no_fact"
    assert _reason(text) == "no_fact"


@pytest.mark.parametrize("text", ["什么时候发货", "什么时候有活动", "几天能到", "发什么快递"])
def test_shipping_asked_of_today_is_no_time_bound(text: str) -> None:
    assert time_bound(normalize(text)) is None


def test_shipping_time_is_still_answered() -> None:
    record = engine().answer("什么时候发货", context_sku="QS-1")
    assert not record.escalate and "shop.policy:shipping" in record.facts


# -- 3. a young child put to use of a product that names none -------------------------------------------------

def _product(**extra: object) -> Product:
    return Product.model_validate({"sku": "X-1", "title": "桑蚕丝被", "category": "床品", "price": 599, "stock": 5,
                                   **extra})


@pytest.mark.parametrize("text", ["新生儿能盖这个吗", "给小朋友盖行不行", "婴儿可以睡这个吗"])
def test_a_young_child_using_a_product_that_names_none_is_minor(text: str) -> None:
    assert child_user(normalize(text), audience_of(_product())) is not None
    assert _reason(text) == "minor"


@pytest.mark.parametrize("text", ["小朋友能用吗", "给小孩子枕行吗"])
def test_a_product_for_children_is_no_minors_question(text: str) -> None:
    assert _reason(text, "KD-1") != "minor"


def test_a_product_whose_caution_names_children_answers_it() -> None:
    careful = _product(cautions="儿童使用请在成人陪同下")
    assert child_user(normalize("小朋友能盖吗"), audience_of(careful)) is None


@pytest.mark.parametrize("text", ["宝宝们 这个被子能机洗吗", "两个人盖够大吗", "小朋友的爸爸能盖吗"])
def test_no_child_put_to_use_is_not_minor(text: str) -> None:
    assert child_user(normalize(text), audience_of(_product())) is None


# -- 4. cheaper than a maker the catalog never names -----------------------------------------------------------

def _catalogued() -> Catalogued:
    return Catalogued(frozenset({1}), frozenset(), normalize("足金手镯 | 古法 | 黄金"),
                      {"G-1": normalize("古法足金手镯")})


@pytest.mark.parametrize("text", ["比周生生便宜吗", "跟老凤祥比贵吗"])
def test_cheaper_than_an_unnamed_maker_is_no_fact(text: str) -> None:
    risk = foreign_comparand(normalize(text), Link("G-1", "context", 3.0), _catalogued())
    assert risk is not None and risk.reason == "no_fact"


@pytest.mark.parametrize("text", ["比原价便宜吗", "比平时便宜多少", "比之前贵吗"])
def test_cheaper_than_its_own_price_is_answered(text: str) -> None:
    assert foreign_comparand(normalize(text), Link("G-1", "context", 3.0), _catalogued()) is None


# -- 5. a variant said alone, nothing on screen ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["灰色的多少钱", "蓝色还有吗"])
def test_a_variant_alone_with_nothing_on_screen_asks_back(text: str) -> None:
    assert _reason(text, None) == "ambiguous_product"


@pytest.mark.parametrize("text", ["灰色的多少钱", "蓝色还有吗"])
def test_a_variant_of_the_product_on_screen_is_answered(text: str) -> None:
    assert _reason(text, "QS-1") is None


@pytest.mark.parametrize(("text", "want"), [
    ("黑色的还有吗", "黑色"), ("灰色有吗", "灰色"), ("黑陶款什么价", None), ("l码有没有货", None),
    ("黑色手表多少钱", None), ("这款多少", None), ("红色有吗", None),
])
def test_bare_variant_reads_only_a_variant_alone(text: str, want: str | None) -> None:
    cat = Catalogued(frozenset({1}), frozenset(), "", {"T-1": normalize("红色礼盒装红茶")})
    risk = bare_variant(normalize(text), Link(None, "none"), cat)
    assert (risk.cue if risk else None) == want


# -- 6. safety in other words ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["孩子把洗洁精喝了两口", "小孩把纽扣电池吞了", "电热毯能垫在床垫下面吗", "取暖器可以放在沙发边上吗"])
def test_a_substance_swallowed_or_a_heat_source_laid_is_safety(text: str) -> None:
    risk = detect_risk(normalize(text))
    assert risk is not None and risk.reason == "safety"


@pytest.mark.parametrize(("text", "want"), [
    ("电热毯多少钱", None), ("电热毯怎么用", None), ("洗洁精怎么用", None), ("怀孕了能用电热毯吗", "health"),
])
def test_the_same_goods_asked_plainly_keep_their_reading(text: str, want: str | None) -> None:
    risk = detect_risk(normalize(text))
    assert (risk.reason if risk else None) == want
