"""The understand stage: the first tier for small talk, the Q&A core's reading (``QAEngine.understand``)
through ``EngineReader``, and the live-only rules on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cohost.domain import Catalog
from cohost.events import ClassifiedComment, Comment, ProductSwitch, RoomEvent
from cohost.knowledge import QAEngine
from cohost.live.screening import match_form
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.live.smalltalk import smalltalk
from cohost.live.understanding import EngineReader, UnderstandStage, canonical
from cohost.testing.live_fakes import T0, products
from cohost.testing.sources import InMemoryFactSource

LABELLED = Path(__file__).resolve().parents[2] / "bench" / "data" / "live_labelled.jsonl"


def engine() -> tuple[QAEngine, InMemoryFactSource]:
    source = InMemoryFactSource(Catalog(products=products()))
    return QAEngine(source), source


def comment(text: str, ref: int = 1, pii: tuple[str, ...] = (), flags: tuple[str, ...] = ()) -> Comment:
    return Comment(ref, T0 + ref, "r1", f"u{ref}", text, "观众", "douyin", match_form(text), pii, "ok", flags)


def understood(stage: UnderstandStage, text: str, **kw: object) -> ClassifiedComment:
    (out,) = stage.process(comment(text, **kw))  # type: ignore[arg-type]
    assert isinstance(out, ClassifiedComment)
    return out


# the first tier --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "intent"), [
    ("主播晚上好😊", "greeting"), ("来了来了~", "greeting"), ("刚来，新人报到", "greeting"), ("宝子们来了", "greeting"),
    ("大家好", "greeting"), ("哈哈哈哈哈！！", "chitchat"), ("666666", "chitchat"), ("扣1", "chitchat"),
    ("1", "chitchat"), ("爱了爱了", "chitchat"), ("主播辛苦了🙏", "chitchat"), ("😍😍", "chitchat"), ("嗯", "chitchat"),
])
def test_first_tier_takes_lines_that_cannot_be_questions(text: str, intent: str) -> None:
    assert smalltalk(match_form(text)) == intent


@pytest.mark.parametrize("text", [
    "来了吗", "来了么", "1号链接多少", "有吗", "?", "？", "哈哈??", "哈哈多少钱", "主播好看吗", "好看吗", "主播在吗", "6号", "11",
    "88", "8", "3", "m", "M", "有", "蹲", "求", "拍了", "已付款", "来了来了 有优惠吗", "晚上好 这个多少钱", "新人有优惠吗",
    "打卡有礼吗", "扣1号", "666号链接", "爱了，多少钱", "支持七天无理由吗", "主播穿的什么码", "哈" * 40 + "多少钱",
])
def test_first_tier_leaves_near_misses_to_the_core(text: str) -> None:
    assert smalltalk(match_form(text)) is None


def test_first_tier_agrees_with_the_simulators_labels_and_never_takes_a_question() -> None:
    options = SimOptions(rate=50, minutes=3, seed=3, labels=True)
    taken = 0
    for event in AudienceSimulator(products(), options).events():
        if event["type"] != "chat":
            continue
        small = smalltalk(match_form(event["text"]))
        if small is not None:
            taken += 1
            assert "key" not in event["label"], event["text"]  # questions carry a same-question key
            assert small == event["label"]["intent"], event["text"]
    assert taken > 100


def test_first_tier_takes_no_question_of_the_labelled_replay() -> None:
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc.get("type") == "chat" and "label" in doc and smalltalk(match_form(doc["text"])) is not None:
            assert doc["label"]["group"] is None, doc["text"]
            assert doc["label"]["intent"] in ("greeting", "chitchat"), doc["text"]


# the core's reading ------------------------------------------------------------------------------------
def test_canonical_drops_only_decorations() -> None:
    assert canonical("宝子们这个多少钱呀") == "这个多少钱"
    assert canonical("请问，有m码吗~") == "有m码吗"
    assert canonical("主播主播多高") == "主播多高"  # the anchor is what is asked about
    assert canonical("这个呢") == "这个呢" and canonical("是正品吧") == "是正品吧"
    assert canonical("哈哈") == "哈哈" and canonical("~") == "~"


@pytest.mark.parametrize("question", ["这个多少钱", "卫衣有m码吗", "3号链接还有货吗", "保温杯能装开水吗", "什么时候发货",
                                      "精华敏感肌能用吗", "2号怎么买"])
@pytest.mark.parametrize("decoration", [("宝子们", "呀"), ("请问", "~"), ("家人们，", "!"), ("主播主播", "")])
def test_decorated_copies_read_as_the_core_reads_them(question: str, decoration: tuple[str, str]) -> None:
    qa, _ = engine()
    lead, tail = decoration
    whole = match_form(lead + question + tail)
    a = qa.understand(whole, context_sku="FS-001")
    b = qa.understand(canonical(whole), context_sku="FS-001")
    assert (a.intent, a.risk, a.sku, a.variants, a.concepts) == (b.intent, b.risk, b.sku, b.variants, b.concepts)


def test_the_stage_reports_what_the_core_understands() -> None:
    qa, _ = engine()
    stage = UnderstandStage(EngineReader(qa), context_sku="FS-001")
    for text in ("这个多少钱", "有m码吗", "3号链接还有货吗", "保温杯是什么材质", "能退货吗", "小蓝瓶敏感肌能用吗"):
        u = qa.understand(canonical(match_form(text)), context_sku="FS-001")
        out = understood(stage, text)
        assert out.question and out.intent == u.intent, text
    assert understood(stage, "3号链接还有货吗").sku == "SP-004"
    assert understood(stage, "M码还有吗").topic == "variant:FS-001-M"


def test_live_rules_on_top_of_the_core() -> None:
    qa, _ = engine()
    stage = UnderstandStage(EngineReader(qa), context_sku="FS-001")
    for remark in ("拍了", "已付款", "下单了"):
        out = understood(stage, remark)
        assert (out.intent, out.question, out.sku) == ("purchase", False, None), remark
    for remark in ("问下已下单，期待~", "主播主播买了两个呢", "蹲到了，拍下了", "问下付款了?"):  # a chat cue does not make it a question
        out = understood(stage, remark)
        assert (out.intent, out.question) == ("purchase", False), remark
    for asked_text in ("拍了吗", "下单了在哪看物流", "已付款，几天到？"):
        assert understood(stage, asked_text).question, asked_text
    assert understood(stage, "拍了怎么还没发货").escalate == "complaint"  # a delivery problem reported: a person answers
    identity = understood(stage, "主播你是真人吗")  # grouped (one reply for all), about no product
    assert identity.question and identity.intent == "chitchat" and identity.sku is None
    assert understood(stage, "什么时候发货").sku is None  # the shop's rule, whatever is on screen
    data = understood(stage, "收货人李* 电话150****2222", pii=("mobile", "name"))
    assert (data.escalate, data.question, data.intent) == ("other", False, "other")
    complaint = understood(stage, "质量太差了，差评")
    assert complaint.escalate == "complaint" and not complaint.question
    near = understood(stage, "来了吗")  # not small talk: the core reads it
    assert near.question


def test_the_product_on_screen_follows_stats_and_switches() -> None:
    qa, _ = engine()
    stage = UnderstandStage(EngineReader(qa))
    out = list(stage.process(RoomEvent(1, T0, "r1", "stats", meta={"online": 5, "current_sku": "MZ-001"})))
    assert isinstance(out[1], ProductSwitch) and out[1].sku == "MZ-001"
    assert understood(stage, "这个多少钱", ref=2).sku == "MZ-001"
    stage.process(ProductSwitch(ts=T0 + 3, sku="JJ-001", ref=3))
    assert understood(stage, "这个多少钱", ref=4).sku == "JJ-001"


# the reader's caches -------------------------------------------------------------------------------
class Counting:
    def __init__(self, qa: QAEngine) -> None:
        self.qa = qa
        self.source = qa.source
        self.calls: list[str] = []

    def understand(self, text: str, context_sku: str | None = None) -> object:
        self.calls.append(text)
        return self.qa.understand(text, context_sku=context_sku)


def test_reader_asks_the_core_once_per_canonical_text_and_product() -> None:
    qa, _ = engine()
    core = Counting(qa)
    reader = EngineReader(core)
    for text in ("这个多少钱", "宝子们这个多少钱呀", "请问这个多少钱~", "这个多少钱"):
        assert reader.read(match_form(text), "MZ-001")[1].sku == "MZ-001"
    assert core.calls == ["这个多少钱"]
    reader.read("这个多少钱", "JJ-001")
    assert reader.misses == 2


def test_reader_rereads_after_a_catalog_change_within_the_recheck_interval() -> None:
    qa, source = engine()
    core = Counting(qa)
    now = [0.0]
    reader = EngineReader(core, recheck=1.0, monotonic=lambda: now[0])
    reader.read("这个多少钱", "MZ-001")
    source.set_price("MZ-001", 79)  # a new catalog version
    now[0] = 0.5
    reader.read("这个多少钱", "MZ-001")
    assert len(core.calls) == 1  # within the interval: the reading stands (it speaks no fact)
    now[0] = 1.5
    reader.read("这个多少钱", "MZ-001")
    assert len(core.calls) == 2  # the new version emptied the caches
