"""The live room end to end with fakes: the formats.md §3 output contract, grouping, answering once,
the guard, escalations, product context, floods, resumption and the sealed evidence log."""

from __future__ import annotations

import base64
import json
import os
import stat
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cohost.errors import ConfigError, StoreError
from cohost.events import ClassifiedComment, End, QuestionGroup
from cohost.insights.shows import ShowFolder
from cohost.live import evidence
from cohost.live.room import LiveConfig, LiveRoom, build_pipeline
from cohost.live.wire import WireReader
from cohost.testing.live_fakes import ScriptedAnswerer, ScriptedSource, WordChecker, fake_collaborators

CONTRACT = {
    "comment": {"kind", "ref", "ts", "text", "intent", "sku", "moderation", "pii", "group"},
    "group": {"kind", "group", "intent", "sku", "count", "examples", "first_ts", "last_ts"},
    "answer": {"kind", "group", "text", "facts", "escalate", "route"},
    "escalation": {"kind", "ref", "group", "reason"},
    "suggestion": {"kind", "ts", "code", "message", "evidence"},
    "metrics": {"kind", "ts", "online", "comments_per_min", "orders_per_min", "gmv"},
    "error": {"kind", "ref"},
}


def run(tmp_path: Path, source: ScriptedSource, *, answerer: Any = None, checker: Any = None,
        env_key: str | None = None, name: str = "out.jsonl") -> tuple[list[dict[str, Any]], LiveRoom]:
    out = tmp_path / name
    config = LiveConfig(evidence_key_env="COHOST_TEST_EVIDENCE_KEY")
    if env_key is not None:
        os.environ["COHOST_TEST_EVIDENCE_KEY"] = env_key
    try:
        room = LiveRoom(tmp_path / "home", "r1", fake_collaborators(answerer=answerer, checker=checker),
                        source="test", config=config, json_out=out)
        start = room.start()
        for ref, raw in source.lines():
            if ref > start:
                room.accept(raw, ref)
        room.control(End(ts=room.stream_time))
        room.close(ended=True)
    finally:
        os.environ.pop("COHOST_TEST_EVIDENCE_KEY", None)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], room


def of(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r for r in records if r["kind"] == kind]


def test_output_follows_the_contract_and_text_is_always_masked(tmp_path: Path) -> None:
    src = ScriptedSource().stats(0, 800, "MZ-001")
    src.chat("这个多少钱", 1).chat("电话13812345678帮我改地址", 2).chat("主播好", 3).chat("加我vx: abc_12345 便宜", 4)
    src.raw("garbage line").order(5, "MZ-001").stats(61, 790)
    records, _ = run(tmp_path, src)
    for record in records:
        assert CONTRACT.get(record["kind"], {"kind"}) <= set(record), record
    comments = {r["ref"]: r for r in of(records, "comment")}
    assert comments[2]["intent"] == "price" and comments[2]["sku"] == "MZ-001" and comments[2]["group"]
    assert comments[3]["text"] == "电话138****5678帮我改地址" and comments[3]["pii"] == ["mobile"]
    assert comments[4]["group"] is None and comments[4]["moderation"] == "ok"
    assert comments[5]["moderation"] == "diversion" and "abc_12345" not in comments[5]["text"]
    assert of(records, "error")[0]["ref"] == 6 and of(records, "error")[0]["code"] == "malformed_json"
    assert "13812345678" not in json.dumps(records, ensure_ascii=False)
    metrics = of(records, "metrics")
    assert metrics and metrics[-1]["online"] == 790 and metrics[-1]["gmv"] == 89.0


def test_an_ended_session_becomes_a_show_folder_with_masked_events(tmp_path: Path) -> None:
    src = ScriptedSource().stats(0, 800, "MZ-001").chat("电话13812345678帮我改地址", 1).raw(b"{bad").chat("多少钱", 2)
    _, room = run(tmp_path, src)
    folder = ShowFolder(tmp_path / "home", room.session).require()
    events = list(folder.events())
    assert [e["type"] for e in events] == ["stats", "chat", "chat"]
    assert events[1]["text"] == "电话138****5678帮我改地址" and "nickname" not in events[1]
    assert "13812345678" not in (folder.path / "events.jsonl").read_text(encoding="utf-8")
    assert {o["kind"] for o in folder.outputs()} >= {"comment", "answer"}
    meta = folder.meta()
    assert meta["room"] == "r1" and meta["lineup"][0]["sku"] == "MZ-001" and folder.started_at() is not None


def test_fifty_viewers_asking_the_same_thing_get_one_group_and_one_answer(tmp_path: Path) -> None:
    answerer = ScriptedAnswerer()
    src = ScriptedSource().stats(0, 1000, "MZ-001")
    phrasings = ["这个多少钱", "多少钱呀", "这个啥价", "这个怎么卖", "1号链接多少钱", "小蓝瓶多少钱？", "這個多少錢"]
    src.chats((phrasings[i % len(phrasings)] for i in range(50)), at=1, step=0.5)
    records, room = run(tmp_path, src, answerer=answerer)
    groups = {r["group"] for r in of(records, "comment")}
    assert len(groups) == 1
    assert len(answerer.calls) == 1 and answerer.calls[0][1] == "MZ-001"
    answers = of(records, "answer")
    assert len(answers) == 1 and answers[0]["route"] == "anchor" and answers[0]["facts"] == ["MZ-001.price"]
    counts = [r["count"] for r in of(records, "group")]
    assert counts == [1, 2, 5, 10, 20, 50]
    assert set(of(records, "group")[-1]["examples"]) <= set(phrasings) and len(of(records, "group")[-1]["examples"]) == 5
    assert room.queue.peek(room.stream_time)[0][1] == 50  # the anchor queue knows 50 viewers asked


def test_different_sizes_and_products_are_different_questions(tmp_path: Path) -> None:
    src = ScriptedSource().stats(0, 100, "FS-001").chats(["有M码吗", "M码还有吗", "有XL码吗", "保温杯多少钱", "绿茶多少钱"], at=1)
    records, _ = run(tmp_path, src)
    by_text = {r["text"]: r["group"] for r in of(records, "comment")}
    assert by_text["有M码吗"] == by_text["M码还有吗"]
    assert len({by_text["有M码吗"], by_text["有XL码吗"], by_text["保温杯多少钱"], by_text["绿茶多少钱"]}) == 4


def test_complaints_go_to_people_and_are_never_hidden(tmp_path: Path) -> None:
    src = ScriptedSource().chats(["质量太差了，差评", "傻逼店，质量太差", "三天了还没发货，我要退款", "不想活了"], at=1)
    records, _ = run(tmp_path, src)
    escalations = {r["ref"]: r for r in of(records, "escalation")}
    comments = {r["ref"]: r for r in of(records, "comment")}
    assert escalations[1]["reason"] == "complaint" and comments[1]["moderation"] == "ok" and comments[1]["group"] is None
    assert comments[2]["moderation"] == "abuse" and escalations[2]["reason"] == "complaint"
    assert escalations[3]["reason"] in ("dispute", "complaint")
    assert escalations[4]["reason"] == "self_harm"
    assert not of(records, "answer")


def test_the_guard_stops_an_unlawful_answer_and_reports_the_finding(tmp_path: Path) -> None:
    answerer = ScriptedAnswerer(replies={"多少钱": {"intent": "price", "sku": "MZ-001", "answer": "全网最低89元！",
                                                 "facts": ["MZ-001.price"], "confidence": 0.9, "escalate": False}})
    checker = WordChecker()
    records, _ = run(tmp_path, ScriptedSource().stats(0, 10, "MZ-001").chat("多少钱", 1), answerer=answerer, checker=checker)
    answer = of(records, "answer")[0]
    assert answer["route"] == "human" and answer["escalate"] is True
    assert answer["findings"][0]["rule"] == "AD-09" and answer["findings"][0]["severity"] == "high"
    assert of(records, "escalation")[0]["group"] == answer["group"]
    assert checker.calls[0][1] == "MZ-001" and checker.calls[0][2] is not None  # product and event time given


def test_an_answer_echoing_pii_is_blocked_even_without_rule_findings(tmp_path: Path) -> None:
    answerer = ScriptedAnswerer(replies={"多少钱": {"intent": "price", "sku": "MZ-001", "answer": "已记下13812345678",
                                                 "facts": [], "confidence": 0.9, "escalate": False}})
    records, _ = run(tmp_path, ScriptedSource().stats(0, 10, "MZ-001").chat("多少钱", 1), answerer=answerer,
                     checker=WordChecker(words={}))
    assert of(records, "answer")[0]["route"] == "human"
    assert of(records, "answer")[0]["findings"][0]["rule"] == "PI-25"


def test_a_failing_answerer_escalates_the_group_and_the_room_goes_on(tmp_path: Path) -> None:
    answerer = ScriptedAnswerer(fail_on={"多少钱"})
    src = ScriptedSource().stats(0, 10, "MZ-001").chat("多少钱", 1).chat("卫衣有M码吗", 2)
    records, _ = run(tmp_path, src, answerer=answerer)
    assert of(records, "error")[0]["stage"] == "answer"
    assert of(records, "escalation")[0]["reason"] == "other"
    assert len(of(records, "answer")) == 1  # the second question was answered


def test_a_flood_of_100000_identical_comments_is_one_group_and_does_not_stall() -> None:
    answerer = ScriptedAnswerer()
    pipeline = build_pipeline(fake_collaborators(answerer=answerer), config=LiveConfig())
    reader = WireReader("r1")
    pipeline.push(reader.read(ScriptedSource().stats(0, 5000, "MZ-001").events[0], 1)[0])
    line = ScriptedSource().chat("这个多少钱", 1, user="u0").events[0]
    moderation: Counter[str] = Counter()
    groups: list[QuestionGroup] = []
    for i in range(100_000):  # 20,000 viewers, each sending the same line 5 times in 100 s
        event, problems = reader.read(line.replace(b'"u0"', f'"u{i % 20_000}"'.encode()), i + 2)
        assert event is not None and not problems
        for out in pipeline.push(event):
            if isinstance(out, ClassifiedComment):
                moderation[out.comment.moderation] += 1
            elif isinstance(out, QuestionGroup):
                groups.append(out)
    for out in pipeline.push(End(ts=reader.time.now or 0.0)):
        if isinstance(out, QuestionGroup):
            groups.append(out)
    assert sum(moderation.values()) == 100_000
    assert moderation["spam"] == 40_000  # each viewer's 4th and 5th repeat
    assert len(answerer.calls) == 1
    assert len(groups) <= 20 and groups[-1].count == 60_000
    assert pipeline.errors == 0


def test_evidence_is_sealed_encrypted_and_readable_only_with_the_key(tmp_path: Path) -> None:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    src = ScriptedSource().chat("电话13812345678帮我改地址", 1).raw(b"\xff binary")
    records, room = run(tmp_path, src, env_key=key)
    log_path = tmp_path / "home" / "evidence" / "r1" / f"{room.session}.evlog"
    data = log_path.read_bytes()
    assert b"13812345678" not in data and "改地址".encode() not in data
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path.parent.stat().st_mode) == 0o700
    raw = dict(evidence.read_log(log_path, base64.urlsafe_b64decode(key)))
    assert b"13812345678" in raw[1] and raw[2] == b"\xff binary"
    with pytest.raises(ConfigError):
        list(evidence.read_log(log_path, None))
    with pytest.raises(ConfigError):
        list(evidence.read_log(log_path, os.urandom(32)))
    # the masked outputs never hold the raw number
    assert all("13812345678" not in json.dumps(r, ensure_ascii=False) for r in records)


def test_an_encrypted_session_resumes_only_with_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    config = LiveConfig(evidence_key_env="COHOST_TEST_EVIDENCE_KEY")
    monkeypatch.setenv("COHOST_TEST_EVIDENCE_KEY", key)
    room = LiveRoom(tmp_path, "r1", fake_collaborators(), source="t", config=config)
    room.start()
    room.accept(ScriptedSource().chat("多少钱", 1).events[0], 1)
    room.flush()  # crash
    monkeypatch.delenv("COHOST_TEST_EVIDENCE_KEY")
    with pytest.raises(ConfigError):
        LiveRoom(tmp_path, "r1", fake_collaborators(), source="t", config=config).start()
    monkeypatch.setenv("COHOST_TEST_EVIDENCE_KEY", "not a key")
    with pytest.raises(ConfigError):
        LiveRoom(tmp_path, "r1", fake_collaborators(), source="t", config=config).start()
    monkeypatch.setenv("COHOST_TEST_EVIDENCE_KEY", key)
    again = LiveRoom(tmp_path, "r1", fake_collaborators(), source="t", config=config)
    assert again.start() == 1 and again.resumed and again.replayed == 1


def test_a_torn_last_record_is_cut_off_on_reopen(tmp_path: Path) -> None:
    path = tmp_path / "ev" / "s.evlog"
    log = evidence.EvidenceLog.open(path, room="r1", session="s", source="t", key=None)
    log.append(1, b"one")
    log.append(2, b"two")
    log.close()
    with path.open("ab") as fh:
        fh.write(b"\x10\x00\x00\x00torn")
    again = evidence.EvidenceLog.open(path, room="r1", session="s", source="t", key=None)
    assert again.last_ref == 2
    again.append(3, b"three")
    again.close()
    assert [ref for ref, _ in evidence.read_log(path, None)] == [1, 2, 3]


def test_a_damaged_record_in_the_middle_is_never_cut_away(tmp_path: Path) -> None:
    path = tmp_path / "ev" / "s.evlog"
    log = evidence.EvidenceLog.open(path, room="r1", session="s", source="t", key=None)
    for ref in (1, 2, 3):
        log.append(ref, f"event {ref}".encode())
    log.close()
    data = bytearray(path.read_bytes())
    data[data.index(b"event 2")] ^= 0xFF  # flip a byte inside a whole record
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        evidence.EvidenceLog.open(path, room="r1", session="s", source="t", key=None)
    assert path.read_bytes() == bytes(data)


def test_a_crashed_session_resumes_without_losing_or_repeating_anything(tmp_path: Path) -> None:
    src = ScriptedSource().stats(0, 500, "MZ-001")
    texts = ["这个多少钱", "卫衣有M码吗", "质量太差了", "主播好", "保温杯多少钱", "绿茶还有吗", "电话13812345678"]
    for i in range(140):
        src.chat(texts[i % len(texts)], 1 + i)
    expected, _ = run(tmp_path / "clean", src)

    answerer = ScriptedAnswerer()
    home, out = tmp_path / "crash", tmp_path / "crash" / "out.jsonl"
    room = LiveRoom(home, "r1", fake_collaborators(answerer=answerer), source="test", json_out=out)
    room.start()
    for ref, raw in list(src.lines())[:80]:
        room.accept(raw, ref)
    room.flush()  # the process dies here: nothing closed, the session still "running"
    with out.open("ab") as fh:
        fh.write(b'{"kind": "comm')  # and a torn last line
    calls_before = len(answerer.calls)

    resumed = LiveRoom(home, "r1", fake_collaborators(answerer=answerer), source="test", json_out=out)
    last = resumed.start()
    assert resumed.resumed and last == 80
    for ref, raw in src.lines():
        if ref > last:
            resumed.accept(raw, ref)
    resumed.control(End(ts=resumed.stream_time))
    resumed.close(ended=True)
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got == expected
    questions_after = {c[0] for c in answerer.calls[calls_before:]}
    assert not questions_after & {c[0] for c in answerer.calls[:calls_before]}  # nothing asked twice
