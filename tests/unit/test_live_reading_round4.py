"""Live-layer intent causes found on the tuning replays (round 4): order-service lines read by their words,
remarks that are small talk, paraphrases that carry their question's intent. Each found case is reworded,
with near misses that must stay as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cohost.domain import Catalog
from cohost.events import ClassifiedComment, Comment
from cohost.knowledge import QAEngine
from cohost.live.orderservice import late_parcel, service_intent, service_line
from cohost.live.remarks import asked_intent, not_buying, remark
from cohost.live.screening import match_form
from cohost.live.understanding import EngineReader, UnderstandStage
from cohost.testing.live_fakes import T0
from cohost.testing.sources import InMemoryFactSource

CATALOG = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"


@pytest.fixture(scope="module")
def stage() -> UnderstandStage:
    catalog = Catalog.model_validate(json.loads(CATALOG.read_text(encoding="utf-8")))
    return UnderstandStage(EngineReader(QAEngine(InMemoryFactSource(catalog))), context_sku="JJ-001")


def understood(stage: UnderstandStage, text: str, pii: tuple[str, ...] = ()) -> ClassifiedComment:
    (out,) = stage.process(Comment(1, T0 + 1, "r1", "u1", text, "观众", "douyin", match_form(text), pii, "ok", ()))
    assert isinstance(out, ClassifiedComment)
    return out


# --- order service -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["订单号2611001122334455 到哪了", "单号 2611998877665544 能不能加急",
                                  "订单号 3620111900001111222 什么时候发", "快递单号 yt7516203948176 怎么还不动"])
def test_an_order_number_asking_after_the_parcel_is_shipping(stage: UnderstandStage, text: str) -> None:
    assert service_line(match_form(text))
    c = understood(stage, text)
    assert (c.intent, c.question) == ("shipping", False)  # one order: a person in private, never grouped


@pytest.mark.parametrize("text", ["这个订单多少钱", "38号几号发货", "2611001122334455"])
def test_no_order_number_no_service_line(text: str) -> None:
    assert not service_line(match_form(text))


@pytest.mark.parametrize(("text", "intent"), [
    ("钱退到这个卡 6222 0200 1111 2222 333", "returns"),
    ("保温杯退了 退这张卡 6222020011112222333", "returns"),
    ("手机号 138 0000 1111 我的订单到哪了", "shipping"),
    ("电话13800001111 麻烦帮我查下快递", "shipping"),
    ("我电话 138-0000-1111 东西发错了找谁", "other"),
    ("联系电话 13800001111 快递员电话打不通", "other"),
    ("手机号13800001111 帮我查下订单", "other"),
])
def test_a_line_with_the_viewers_data_is_read_by_its_service_words(stage: UnderstandStage, text: str, intent: str) -> None:
    c = understood(stage, text, ("mobile",) if "卡" not in text else ("bank_card",))
    assert (c.intent, c.question) == (intent, False)
    assert c.escalate is not None  # a person, in private


def test_a_grievance_with_the_viewers_data_stays_a_complaint() -> None:
    assert service_intent("身份证号440306198811024528实名投诉你们", changes_order=False) is None
    assert service_intent("改个地址 电话13800001111", changes_order=True) == "other"


def test_a_late_parcel_without_a_grievance_is_shipping_not_complaint() -> None:
    assert late_parcel("拍了5天了还没发货")
    assert late_parcel("说好的48小时发货 都4天了还没发")
    assert not late_parcel("快递5天了还没动 客服也不回")  # a grievance: the complaint stands
    assert not late_parcel("退款申请1周了还没到账")
    assert not late_parcel("杯子漏水 差评")


# --- remarks -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("intent", "text"), [("attribute", "这款版型真不错"), ("variant", "这个颜色绝了"),
                                              ("suitability", "奶茶色好适合冬天啊"), ("attribute", "充电宝 出差必备"),
                                              ("price", "99有点贵 等双十一吧"), ("attribute", "我耳机刚好没电了")])
def test_an_opinion_without_a_question_cue_is_a_remark(intent: str, text: str) -> None:
    assert remark(intent, text)


@pytest.mark.parametrize(("intent", "text"), [("attribute", "成分表发1下"), ("price", "价格咧"), ("variant", "m码"),
                                              ("purchase", "这个不错"), ("attribute", "我要2个了")])
def test_a_bare_ask_is_not_a_remark(intent: str, text: str) -> None:
    assert not remark(intent, text)


def test_remarks_in_the_stage(stage: UnderstandStage) -> None:
    c = understood(stage, "这个杯子版型不错")
    assert (c.intent, c.question) == ("chitchat", False)
    c = understood(stage, "这个杯子不错吗")  # a cue: still a question
    assert c.question


def test_not_buying_is_not_an_order_remark(stage: UnderstandStage) -> None:
    assert not_buying("算了不买了 腿短") and not not_buying("买了两个")
    c = understood(stage, "160的我 算了不买了")
    assert (c.intent, c.question) == ("chitchat", False)
    assert understood(stage, "已拍 两个").intent == "purchase"


# --- paraphrased asks carry their question's intent -----------------------------------------------------

@pytest.mark.parametrize(("text", "intent"), [("5号多少", "price"), ("伍号链接多少", "price"), ("米多少 家人们", "price"),
                                              ("腰围72 拍啥码", "variant"), ("10斤的宝宝选哪个码", "variant"),
                                              ("只有白的吗", "variant"), ("黄皮涂哪个色", "variant")])
def test_a_paraphrase_takes_its_questions_intent(text: str, intent: str) -> None:
    assert asked_intent("attribute", None, match_form(text)) == intent


@pytest.mark.parametrize("text", ["5号是保温杯吗", "杯子多少毫升", "155能穿吗", "有蓝牙吗", "几号发货"])
def test_near_misses_keep_their_intent(text: str) -> None:
    assert asked_intent("attribute", None, match_form(text)) is None


def test_a_bare_price_joins_the_price_question(stage: UnderstandStage) -> None:
    a, b = understood(stage, "米多少 老铁"), understood(stage, "这个杯子多少钱")
    assert a.intent == b.intent == "price"
    assert a.topic == b.topic
