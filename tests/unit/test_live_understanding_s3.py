"""Understanding-side causes found on the labelled replays (session 3): variant mentions the core does not
resolve, concepts as the topic of ``other`` readings, and the live layer's own intent decisions (order
service, shop service, the show itself). Each found case comes with near misses that must not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cohost.domain import Catalog
from cohost.events import ClassifiedComment, Comment
from cohost.knowledge import QAEngine
from cohost.live.grouping import group_key
from cohost.live.screening import match_form
from cohost.live.understanding import EngineReader, UnderstandStage, choices_of, resolve_variant
from cohost.testing.live_fakes import T0
from cohost.testing.sources import InMemoryFactSource

CATALOG = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.model_validate(json.loads(CATALOG.read_text(encoding="utf-8")))


@pytest.fixture()
def reader(catalog: Catalog) -> EngineReader:
    return EngineReader(QAEngine(InMemoryFactSource(catalog)))


def comment(text: str, ref: int = 1, pii: tuple[str, ...] = ()) -> Comment:
    return Comment(ref, T0 + ref, "r1", f"u{ref}", text, "观众", "douyin", match_form(text), pii, "ok", ())


def understood(stage: UnderstandStage, text: str, ref: int = 1, pii: tuple[str, ...] = ()) -> ClassifiedComment:
    (out,) = stage.process(comment(text, ref, pii))
    assert isinstance(out, ClassifiedComment)
    return out


# 1. variant mentions ---------------------------------------------------------------------------------
POWER_BANK = choices_of("启电 P10 轻薄充电宝 10000mAh 22.5W",
                        [("SM-001-10K", "10000mAh（P10）"), ("SM-001-20K", "20000mAh（P20）")])
SERUM = choices_of("玻尿酸保湿精华液 30ml", [("MZ-001-30", "30ml"), ("MZ-001-50", "50ml")])
NAPPIES = choices_of("轻薄透气婴儿纸尿裤", [("MY-001-NB", "NB（0-5kg）"), ("MY-001-S", "S（4-8kg）"),
                                           ("MY-001-M", "M（6-11kg）")])
HONEY = choices_of("百花蜂蜜 500g", [("SP-005-500", "500g"), ("SP-005-1KG", "1kg")])


@pytest.mark.parametrize(("choices", "text", "variant"), [
    (POWER_BANK, "2万毫安的多少钱", "SM-001-20K"),
    (POWER_BANK, "20000的啥价", "SM-001-20K"),
    (POWER_BANK, "p20多少", "SM-001-20K"),
    (POWER_BANK, "两万毫安的还有吗", "SM-001-20K"),
    (POWER_BANK, "大的那个多少钱", "SM-001-20K"),
    (NAPPIES, "新生儿的还有没", "MY-001-NB"),
    (SERUM, "大瓶的多少", "MZ-001-50"),
    (SERUM, "小瓶的呢", "MZ-001-30"),
    (HONEY, "2斤装啥价", "SP-005-1KG"),
    (HONEY, "两斤装参加半价吗", "SP-005-1KG"),
])
def test_a_variant_named_in_other_words_resolves_to_one_variant(choices: object, text: str, variant: str) -> None:
    assert choices is not None
    found = resolve_variant(text, choices)  # type: ignore[arg-type]
    assert found is not None and found[2] == variant


@pytest.mark.parametrize(("choices", "text"), [
    (POWER_BANK, "p10多少钱"),  # the title's own code names the product, not a variant
    (POWER_BANK, "10000的多少钱"),  # the title's own capacity
    (POWER_BANK, "4号链接价格"),  # a link number
    (POWER_BANK, "79那个还有吗"),  # a price
    (POWER_BANK, "20000和10000哪个好"),  # two variants: ambiguous
    (SERUM, "立减30还有吗"),  # a discount, not the 30ml
    (SERUM, "现在拍还送5ml吗"),  # no such variant
    (SERUM, "这么大的"),
    (NAPPIES, "新生儿穿什么码"),  # describes the baby, asks which size
    (NAPPIES, "大号的"),  # sizes with no quantity: 大 is ambiguous
    (NAPPIES, "5kg的宝宝穿什么码"),  # a weight range in the variant names is no variant figure
    (HONEY, "一斤的"),
])
def test_near_misses_name_no_variant(choices: object, text: str) -> None:
    assert choices is not None
    assert resolve_variant(text, choices) is None  # type: ignore[arg-type]


def test_a_product_with_one_variant_has_no_choices() -> None:
    assert choices_of("x", [("A-1", "50ml")]) is None


@pytest.mark.parametrize(("sku", "text", "variant", "intent"), [
    ("SM-001", "2万毫安的多少钱", "SM-001-20K", "price"),
    ("SM-001", "20000的啥价", "SM-001-20K", "price"),
    ("SM-001", "P20多少", "SM-001-20K", None),
    ("MY-001", "新生儿的还有没", "MY-001-NB", "stock"),
    ("MZ-001", "大瓶的多少", "MZ-001-50", "price"),
    ("MY-007", "大的那个啥价", "MY-007-240", "price"),
])
def test_the_reader_reads_the_variant_the_core_missed(reader: EngineReader, sku: str, text: str, variant: str,
                                                      intent: str | None) -> None:
    reading, linked = reader.read(match_form(text), sku)
    assert linked.sku == sku and linked.variant == variant and reading.topic == f"variant:{variant}"
    assert intent is None or reading.intent == intent


@pytest.mark.parametrize(("sku", "text"), [("SM-001", "P10多少钱"), ("SM-001", "充电宝多少钱"),
                                           ("MY-001", "新生儿穿什么码"), ("JJ-006", "立减30还有吗")])
def test_the_reader_leaves_near_misses_to_the_core(reader: EngineReader, sku: str, text: str) -> None:
    assert reader.read(match_form(text), sku)[1].variant is None


def test_variant_mentions_join_the_variant_group_not_the_plain_one(reader: EngineReader) -> None:
    stage = UnderstandStage(reader, context_sku="SM-001")
    keys = {text: group_key(understood(stage, text, i)) for i, text in
            enumerate(["2万毫安的多少钱", "20000的啥价", "P20多少钱", "充电宝多少钱", "这个几块"], 1)}
    assert keys["2万毫安的多少钱"] == keys["20000的啥价"] == keys["P20多少钱"]
    assert keys["充电宝多少钱"] == keys["这个几块"] != keys["2万毫安的多少钱"]


# 2. the concept as the topic of other readings ------------------------------------------------------
def test_an_other_reading_with_a_concept_joins_that_concept_group(reader: EngineReader) -> None:
    stage = UnderstandStage(reader, context_sku="SM-001")
    heavy = understood(stage, "重不重", 1)
    weight = understood(stage, "多重", 2)
    assert heavy.question and heavy.topic == "weight"
    assert group_key(heavy) == group_key(weight)
    # near miss: an other reading without a concept stays keyed by its words
    assert (understood(stage, "苹果能快充吗", 3).topic or "").startswith("text:")


@pytest.mark.parametrize("text", ["重不重", "闷不闷", "干不干", "可以带上高铁飞机不", "能用不"])
def test_an_a_not_a_or_a_trailing_not_is_a_question(reader: EngineReader, text: str) -> None:
    assert reader.read(match_form(text), "SM-001")[0].question


@pytest.mark.parametrize("text", ["我不", "不要了", "我也不"])
def test_near_misses_are_no_question(reader: EngineReader, text: str) -> None:
    assert not reader.read(match_form(text), "SM-001")[0].question


# 3. decisions the live layer owns -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "pii"), [
    ("電話138****5678幫我改下收貨地址", ("mobile",)),
    ("我手机号 139****2345 订单地址写错了", ("mobile",)),
    ("收件人王** 手机139****5432 麻烦改下地址", ("name", "mobile")),
    ("订单号：2026112018190937 能改地址吗", ()),
    ("我手机号是150****3456", ("mobile",)),
    ("寄到北京市****", ("address",)),
    ("我邮箱是 t***@gmail.com 把检测报告发我", ("email",)),
    ("我QQ [联系方式已隐藏] 有货了通知我一下", ("qq",)),
])
def test_order_service_lines_are_other_for_a_person_about_no_product(reader: EngineReader, text: str,
                                                                      pii: tuple[str, ...]) -> None:
    out = understood(UnderstandStage(reader, context_sku="JJ-001"), text, pii=pii)
    assert (out.intent, out.escalate, out.question, out.sku) == ("other", "other", False, None)


@pytest.mark.parametrize(("text", "pii", "intent"), [
    ("我叫刘** 帮我查下快递到哪了", ("name",), "shipping"),
    ("退款到这张卡 6217-****-****-1868", ("bank_card",), "returns"),
])
def test_a_parcel_or_refund_with_personal_data_keeps_its_intent(reader: EngineReader, text: str,
                                                                  pii: tuple[str, ...], intent: str) -> None:
    out = understood(UnderstandStage(reader, context_sku="JJ-001"), text, pii=pii)
    assert out.intent == intent and out.escalate is not None and not out.question


def test_a_dispute_about_an_order_stays_a_dispute(reader: EngineReader) -> None:
    out = understood(UnderstandStage(reader, context_sku="JJ-001"), "订单 2026111948219935 物流一直不动")
    assert out.escalate != "other"  # no change of address asked: not order service


@pytest.mark.parametrize(("text", "topic"), [
    ("能开发票吗", "invoice"), ("发票怎么开", "invoice"), ("可以开专票吗", "invoice"),
    ("客服几点上班", "service_hours"), ("下次直播什么时候", "show"), ("明天还播吗", "show"),
])
def test_shop_service_and_show_questions_are_other_about_no_product(reader: EngineReader, text: str,
                                                                   topic: str) -> None:
    out = understood(UnderstandStage(reader, context_sku="MZ-001"), text)
    assert (out.intent, out.sku, out.topic, out.question) == ("other", None, topic, True)


def test_invoice_questions_group_together(reader: EngineReader) -> None:
    stage = UnderstandStage(reader, context_sku="MZ-001")
    keys = {group_key(understood(stage, t, i)) for i, t in enumerate(["能开发票吗", "发票怎么开", "可以开专票吗"], 1)}
    assert len(keys) == 1


@pytest.mark.parametrize("text", ["这个精华多少钱", "主播今天几点下播", "直播间有优惠吗"])
def test_near_misses_stay_product_questions_or_small_talk(reader: EngineReader, text: str) -> None:
    out = understood(UnderstandStage(reader, context_sku="MZ-001"), text)
    assert out.topic != "show" and out.topic not in ("invoice", "service_hours")
