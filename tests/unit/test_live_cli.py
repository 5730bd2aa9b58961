"""``cohost live run`` / ``cohost live simulate`` as a user runs them (real Q&A core, real store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cohost.cli.live import run_room
from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.live.room import LiveRoom
from cohost.live.sources import parse_source
from cohost.live.wiring import default_collaborators
from cohost.store import Store
from cohost.testing.live_fakes import ScriptedSource, products
from tests.unit.cli_helpers import run


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    store = Store.open(f"sqlite:///{home / 'cohost.db'}")
    store.catalog.import_catalog(Catalog(products=products()))
    store.close()
    return home


def replay(tmp_path: Path) -> Path:
    src = ScriptedSource().stats(0, 900, "MZ-001")
    src.chats(["这个多少钱", "1号链接多少钱", "小蓝瓶敏感肌能用吗", "电话13812345678帮我改地址", "卫衣有M码吗", "质量太差了"], at=1)
    src.raw(b"{broken").raw(b"\x00\x01\xfe binary").raw('{"ts": 1, "type": "teleport"}').raw('{"type": "chat"}')
    src.chat("多" * 100_000, at=20).order(21, "MZ-001").stats(70, 880, "FS-001").chat("这个多少钱", at=71)
    path = tmp_path / "show.jsonl"
    path.write_bytes(src.text())
    return path


def test_live_run_writes_the_contract_and_reports_bad_lines(capsys: pytest.CaptureFixture[str], home: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = run(capsys, "--home", str(home), "live", "run", "--source", f"replay:{replay(tmp_path)}",
                 "--json-out", str(out), "--quiet")
    assert result.code == 0, result.err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    comments = {r["ref"]: r for r in records if r["kind"] == "comment"}
    assert comments[2]["intent"] == "price" and comments[2]["sku"] == "MZ-001"
    assert comments[3]["group"] == comments[2]["group"]  # same question, two phrasings
    assert comments[5]["text"] == "电话138****5678帮我改地址" and comments[5]["pii"] == ["mobile"]
    assert comments[15]["sku"] == "FS-001"  # the product on screen changed
    errors = {(r["ref"], r["code"]) for r in records if r["kind"] == "error"}
    assert {(8, "malformed_json"), (9, "not_utf8"), (10, "unknown_type"), (11, "missing_field"),
            (12, "text_too_long")} <= errors
    answers = [r for r in records if r["kind"] == "answer"]
    assert any(a["route"] == "anchor" and "89" in a["text"] and a["facts"] == ["MZ-001.price"] for a in answers)
    assert any(r["kind"] == "escalation" and r["reason"] == "complaint" and r["group"] is None for r in records)
    assert "13812345678" not in out.read_text(encoding="utf-8")
    summary = result.out + result.err
    assert "line 8" in summary and "malformed_json" in summary  # the user sees which lines were bad
    # a second run of a finished show starts a new session and gives the same output
    again = tmp_path / "again.jsonl"
    assert run(capsys, "--home", str(home), "live", "run", "--source", f"replay:{replay(tmp_path)}",
               "--json-out", str(again), "-q").code == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_json_to_stdout_and_bad_usage(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> None:
    result = run(capsys, "--home", str(home), "live", "run", "--source", f"replay:{replay(tmp_path)}", "--json-out", "-")
    assert result.code == 0
    kinds = {json.loads(line)["kind"] for line in result.out.splitlines()}
    assert {"comment", "group", "answer", "error", "metrics"} <= kinds
    for args in (["--speed", "-1"], ["--minutes", "0"]):
        bad = run(capsys, "--home", str(home), "live", "run", "--source", "simulate", *args)
        assert bad.code == 1 and bad.err.startswith("Error:")
    bad = run(capsys, "--home", str(home), "live", "run", "--source", "kafka:topic")
    assert bad.code == 1 and "unknown source" in bad.err


def test_live_simulate_writes_a_seeded_replay_that_runs(capsys: pytest.CaptureFixture[str], home: Path,
                                                       tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for path in (a, b):
        result = run(capsys, "--home", str(home), "live", "simulate", "--out", str(path), "--minutes", "0.5",
                     "--rate", "8", "--seed", "5", "--labels")
        assert result.code == 0, result.err
    assert a.read_bytes() == b.read_bytes()
    events = [json.loads(line) for line in a.read_text(encoding="utf-8").splitlines()]
    assert any(e["type"] == "chat" and "label" in e for e in events)
    out = tmp_path / "out.jsonl"
    assert run(capsys, "--home", str(home), "live", "run", "--source", f"replay:{a}", "--json-out", str(out), "-q").code == 0
    assert sum(1 for line in out.read_text(encoding="utf-8").splitlines() if '"kind": "comment"' in line) == \
        sum(e["type"] == "chat" for e in events)


def test_a_paced_replay_runs_on_a_manual_clock(home: Path, tmp_path: Path) -> None:
    clock = ManualClock()
    store = Store.open(f"sqlite:///{home / 'cohost.db'}")
    try:
        spec = parse_source(f"replay:{replay(tmp_path)}")
        room = LiveRoom(home, "paced", default_collaborators(store), source=spec.identity(),
                        json_out=tmp_path / "paced.jsonl")
        run_room(room, spec, speed=2.0, minutes=None, clock=clock)
    finally:
        store.close()
    assert clock.slept == pytest.approx(35.0, abs=1.0)  # 70 s of show at double speed, never a real sleep
