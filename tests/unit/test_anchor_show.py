"""The show runner's state machine on the manual clock: nothing sleeps, playing audio advances the clock."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from cohost.anchor import MemoryLedger, ShiftSchedule, ShowConfig, ShowRunner
from cohost.anchor.lines import Line, parse_line
from cohost.clock import ManualClock
from cohost.domain import Product, Script, Segment
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import ConflictError, InputError
from cohost.events import ProductSwitch, Utterance
from cohost.live.routing import AnchorQueue
from cohost.speech.tts import SpeechChunk
from cohost.testing.fake_tts import FakeTTS
from cohost.testing.live_fakes import WordChecker, products

T0 = 1_763_640_000.0  # 2025-11-20 20:00 China time


def make_script(status: str = "approved") -> Script:
    return Script(id="S-test", status=status, minutes=3, segments=[  # type: ignore[arg-type]
        Segment(kind="opening", seconds=10, lines=["欢迎来到直播间。", "今天给大家带来几样好物，慢慢看。"]),
        Segment(kind="product", sku="MZ-001", seconds=30,
                lines=["先看这款精华液，质地清爽，上脸不黏。", "[展示]三重玻尿酸，补水舒服。[停顿2秒]", "洁面后取两三滴，轻拍吸收。"]),
        Segment(kind="product", sku="JJ-001", seconds=20, lines=["再看保温杯，五百毫升。", "内胆是316不锈钢。"]),
    ])


class Recorder:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.chunks: list[tuple[str, str]] = []  # (line text, clause)
        self.on_chunk: Callable[[SpeechChunk, Line], None] | None = None

    def event(self, record: dict[str, Any]) -> None:
        self.events.append(record)

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        self.chunks.append((line.text, chunk.text))
        if self.on_chunk is not None:
            self.on_chunk(chunk, line)


def make_runner(*, catalog: list[Product] | None = None, schedule: ShiftSchedule | None = None,
                checker: WordChecker | None = None, script: Script | None = None,
                ) -> tuple[ShowRunner, ManualClock, AnchorQueue, MemoryLedger, Recorder, list[ProductSwitch]]:
    clock = ManualClock(T0)
    queue = AnchorQueue()
    ledger = MemoryLedger()
    rec = Recorder()
    switches: list[ProductSwitch] = []
    by_sku = {p.sku: p for p in (catalog or products())}
    runner = ShowRunner(script or make_script(), on_duty="王五", tts=FakeTTS(), clock=clock,
                        checker=checker or WordChecker(), products=by_sku.get, ledger=ledger, queue=queue,
                        schedule=schedule, listeners=[rec], on_switch=switches.append,
                        config=ShowConfig(threaded=False))
    return runner, clock, queue, ledger, rec, switches


def said(ledger: MemoryLedger) -> list[dict[str, Any]]:
    return [d for d in ledger.of("anchor.utterance") if d["status"] == "spoken"]


def run_steps(runner: ShowRunner, n: int) -> None:
    async def go() -> None:
        runner.start()
        for _ in range(n):
            await runner.step()
    asyncio.run(go())


def answer(text: str = "这款精华液现在是89元。", group: str = "g1", sku: str = "MZ-001") -> Utterance:
    return Utterance(text=text, group=group, sku=sku, facts=(f"{sku}.price",), priority=0, ts=T0)


def test_refuses_without_a_person_on_duty_or_an_approved_script() -> None:
    with pytest.raises(InputError):
        ShowRunner(make_script(), on_duty="  ", tts=FakeTTS(), clock=ManualClock(), checker=WordChecker(),
                   products=lambda _: None, ledger=MemoryLedger())
    for status in ("draft", "in_review", "rejected"):
        with pytest.raises(ConflictError):
            ShowRunner(make_script(status), on_duty="王五", tts=FakeTTS(), clock=ManualClock(), checker=WordChecker(),
                       products=lambda _: None, ledger=MemoryLedger())
    runner, *_ = make_runner(schedule=ShiftSchedule.parse("08:00-09:00 assisted 王五"))  # 20:00: nobody on duty
    with pytest.raises(ConflictError):
        runner.start()


def test_cue_marks_are_not_spoken() -> None:
    assert parse_line("[展示]三重玻尿酸，补水舒服。[停顿2秒]") == ("三重玻尿酸，补水舒服。", ("展示", "pause"), 2.0)


def test_answers_go_in_at_a_sentence_boundary_and_the_segment_resumes() -> None:
    runner, _clock, queue, ledger, rec, _ = make_runner()
    pushed = []

    def push_mid_sentence(chunk: SpeechChunk, line: Line) -> None:
        if line.text.startswith("先看这款精华液") and not pushed:  # a group becomes ready mid-sentence
            queue.push(answer(), count=12)
            pushed.append(chunk.index)

    rec.on_chunk = push_mid_sentence
    run_steps(runner, 7)
    spoken = said(ledger)
    kinds = [(d["source"]["kind"], d["source"].get("segment"), d["source"].get("line")) for d in spoken]
    assert kinds[:6] == [("notice", None, None), ("script", 0, 0), ("script", 0, 1), ("script", 1, 0),
                         ("answer", None, None), ("script", 1, 1)]
    ans = spoken[4]
    assert ans["text"] == "刚才好多宝子问玻尿酸保湿精华液的价格，这款精华液现在是89元。"
    assert ans["source"]["group"] == "g1" and ans["facts"] == ["MZ-001.price"]
    assert ans["compliance"]["ok"] and ans["on_duty"] == "王五"
    # the whole sentence that was playing when the group arrived was finished first
    clauses = [c for t, c in rec.chunks if t.startswith("先看这款精华液")]
    assert len(clauses) == 3 and pushed == [0]
    # one answer → one latency sample (ready → first audio) in the runner's fixed-size window
    assert len(runner.latencies) == 1 and runner.latencies.total == 1
    assert 0.0 <= runner.latencies.values()[0] < 60.0


def test_takeover_stops_at_the_next_clause_then_resume_says_the_sentence_again() -> None:
    runner, clock, queue, ledger, rec, _ = make_runner()

    done: list[bool] = []

    def take_over(chunk: SpeechChunk, line: Line) -> None:
        if line.text.startswith("先看这款精华液") and chunk.index == 0 and not done:
            done.append(True)
            runner.takeover("李主管", "测试接管", text="我来接一下，大家稍等。")

    rec.on_chunk = take_over
    run_steps(runner, 6)
    cut = [d for d in ledger.of("anchor.utterance") if d["status"] == "cut"]
    assert len(cut) == 1 and cut[0]["text"].startswith("先看这款精华液")
    assert [c for t, c in rec.chunks if t.startswith("先看这款精华液")] == ["先看这款精华液，"]  # one clause only
    spoken = said(ledger)
    assert spoken[-1]["source"] == {"kind": "human", "by": "李主管"}
    assert runner.mode == "human"
    before = len(ledger.of("anchor.utterance"))
    t = clock.time()
    run_steps(runner, 3)  # human mode: the AI stays silent
    assert len(ledger.of("anchor.utterance")) == before and clock.time() > t
    queue.push(answer(group="g2"), count=3)
    runner.resume("李主管")
    run_steps(runner, 2)
    after = said(ledger)
    assert after[-2]["source"]["kind"] == "answer"
    assert after[-1]["source"] == {"kind": "script", "segment": 1, "line": 0, "round": 1}  # from the start again
    modes = [(d["from"], d["to"]) for d in ledger.of("anchor.mode")]
    assert modes == [("ai", "human"), ("human", "ai")]


def test_kill_stops_at_once_drops_the_queue_and_only_resume_brings_the_voice_back() -> None:
    runner, _clock, queue, ledger, rec, _ = make_runner()
    queue.push(answer(group="g9"), count=2)

    def kill(chunk: SpeechChunk, line: Line) -> None:
        if line.kind == "notice" and chunk.index == 0 and runner.mode == "ai" and not said(ledger) \
                and not ledger.of("anchor.mode"):
            runner.kill("李主管", "紧急")
    rec.on_chunk = kill
    run_steps(runner, 4)
    assert len(queue) == 0
    assert not said(ledger) and runner.mode == "killed"
    runner.say_human("李主管", "这句不会说。")
    run_steps(runner, 2)
    assert not said(ledger)
    runner.resume("李主管")
    run_steps(runner, 1)
    assert said(ledger)[0]["source"]["kind"] == "notice"


def test_no_sentence_is_repeated_within_ten_minutes_and_idle_time_is_filled() -> None:
    runner, _clock, _queue, ledger, _rec, _ = make_runner()
    asyncio.run(runner.run(until=T0 + 45 * 60))
    spoken = said(ledger)
    last: dict[str, float] = {}
    for d in spoken:
        if d["text"] in last:
            assert d["ts"] - last[d["text"]] >= 600, d["text"]
        last[d["text"]] = d["ts"]
    assert all(a["text"] != b["text"] for a, b in itertools.pairwise(spoken))
    kinds = {d["source"]["kind"] for d in spoken}
    assert {"script", "filler", "recap", "notice"} <= kinds
    rounds = {d["source"].get("round") for d in spoken if d["source"]["kind"] == "script"}
    assert len(rounds) >= 3  # the script went round again once its lines were ten minutes old


def test_product_switch_events_follow_the_segments() -> None:
    runner, _clock, _queue, _ledger, rec, switches = make_runner()
    run_steps(runner, 8)
    assert [s.sku for s in switches] == ["MZ-001", "JJ-001"]
    assert [e["sku"] for e in rec.events if e["kind"] == "product_switch"] == ["MZ-001", "JJ-001"]


def _with_offer(start: datetime, end: datetime) -> list[Product]:
    catalog = products()
    doc = catalog[0].model_dump(mode="json")
    doc["promotions"] = [{"kind": "gift", "description": "下单送5ml小样一支", "starts_at": start.isoformat(),
                          "ends_at": end.isoformat()}]
    return [Product.model_validate(doc), *catalog[1:]]


def test_promotions_are_said_only_inside_their_window() -> None:
    now = datetime.fromtimestamp(T0, CHINA_TZ)
    later = _with_offer(now + timedelta(hours=1), now + timedelta(hours=2))
    runner, *_, ledger, _, _ = make_runner(catalog=later)
    asyncio.run(runner.run(until=T0 + 20 * 60))
    assert not [d for d in said(ledger) if d["source"]["kind"] == "promotion"]
    active = _with_offer(now - timedelta(minutes=5), now + timedelta(minutes=30))
    runner, *_, ledger, _, _ = make_runner(catalog=active)
    asyncio.run(runner.run(until=T0 + 40 * 60))
    promos = [d for d in said(ledger) if d["source"]["kind"] == "promotion"]
    assert promos and promos[0]["facts"] == ["MZ-001.promotion:1"]
    assert all(d["ts"] <= T0 + 30 * 60 for d in promos)
    assert promos[0]["text"] == "玻尿酸保湿精华液现在的活动：下单送5ml小样一支。"


def test_an_answer_with_a_blocking_finding_is_never_spoken() -> None:
    runner, _clock, queue, ledger, rec, _ = make_runner()
    queue.push(answer("这款是全网最低价。"), count=5)
    run_steps(runner, 3)
    blocked = [d for d in ledger.of("anchor.utterance") if d["status"] == "blocked"]
    assert blocked and "全网最低" in blocked[0]["text"]
    assert blocked[0]["compliance"]["findings"][0]["rule"] == "AD-09"
    assert not [t for t, _ in rec.chunks if "全网最低" in t]


def test_shift_switches_are_logged_and_a_human_led_shift_silences_the_ai() -> None:
    schedule = ShiftSchedule.parse("08:00-20:05 assisted 王五; 20:05-08:00 human 李四")
    runner, _clock, _queue, ledger, _rec, _ = make_runner(schedule=schedule)
    asyncio.run(runner.run(until=T0 + 10 * 60))
    shifts = ledger.of("anchor.shift")
    assert [s["on_duty"] for s in shifts] == ["王五", "李四"]
    late = [d for d in said(ledger) if d["ts"] >= T0 + 5 * 60]
    assert not late
    with pytest.raises(ConflictError):
        runner.resume("李四")
