"""The post-live report and the show folders it reads: what a merchant sees, from good and hostile files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cohost.insights.review import review_show
from cohost.insights.room import simulate_shows
from cohost.insights.shows import ShowFolder
from cohost.insights.simulator import Market, MarketConfig
from tests.unit.cli_helpers import run

T0 = 1_763_640_000.0


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("home")
    simulate_shows(root, Market(MarketConfig(seed=2, n_products=12, days=40)), shows=2, minutes=24, peak_online=120)
    return root


def _show(home: Path, show_id: str, events: list[dict], outputs: list[dict], meta: dict | None = None) -> None:  # type: ignore[type-arg]
    ShowFolder(home, show_id).write(meta or {"title": "测试场"}, events, outputs)


def test_show_list_json_names_every_show(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--home", str(home), "show", "list", "--json")
    shows = result.json()["shows"]
    assert len(shows) == 2 and all(re.match(r"^sim-\d{8}-\d{2}$", s["id"]) for s in shows)
    assert shows[0]["started_at"] > shows[1]["started_at"] and shows[0]["source"] == "simulator"


def test_report_is_one_self_contained_chinese_page(home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    show_id = run(capsys, "--home", str(home), "show", "list", "--json").json()["shows"][0]["id"]
    out = tmp_path / "report.html"
    result = run(capsys, "--home", str(home), "report", show_id, "--out", str(out), "--no-pdf", "--json")
    assert result.code == 0, result.err
    page = out.read_text(encoding="utf-8")
    for heading in ("核心数据", "图1 分钟趋势", "图2 商品讲解时长与成交", "图3 高频问题", "未回答的问题", "表4 升级处理",
                    "合规检查", "表5 运营建议", "下场改进建议", "模拟数据"):
        assert heading in page, heading
    assert page.count("data:image/png;base64,") == 3
    assert "<script" not in page and not re.search(r"(src|href)=\"https?://", page)
    data = result.json()
    assert data["headline"]["orders"] > 0 and data["headline"]["gmv"] > 0
    assert 1 <= len(data["improvements"]) <= 5
    assert all(i["figure"].startswith(("图", "表")) for i in data["improvements"])


def test_figures_match_the_events(tmp_path: Path) -> None:
    events = [
        {"ts": T0, "type": "stats", "meta": {"online": 100, "current_sku": "A"}},
        {"ts": T0 + 30, "type": "chat", "user_id": "u1", "text": "电话13812345678"},
        {"ts": T0 + 61, "type": "order", "user_id": "u2", "meta": {"sku": "A", "qty": 2, "amount": 178.0}},
        {"ts": T0 + 120, "type": "stats", "meta": {"online": 80, "current_sku": "B"}},
        {"ts": T0 + 200, "type": "order", "user_id": "u3", "meta": {"sku": "B", "qty": 1, "amount": 59.0}},
        {"ts": T0 + 300, "type": "stats", "meta": {"online": 60, "current_sku": "B"}},
    ]
    outputs = [
        {"kind": "comment", "ref": 2, "ts": T0 + 30, "text": "电话138****5678", "intent": "shipping", "sku": "A",
         "moderation": "ok", "pii": ["mobile"], "group": "g1"},
        {"kind": "group", "group": "g1", "intent": "price", "sku": "A", "count": 5, "examples": ["多少钱"]},
        {"kind": "group", "group": "g2", "intent": "attribute", "sku": "B", "count": 3, "examples": ["多大"]},
        {"kind": "answer", "group": "g1", "text": "89元", "facts": ["A.price"], "escalate": False, "route": "anchor"},
        {"kind": "escalation", "ts": T0 + 100, "ref": 2, "group": "g2", "reason": "no_fact"},
        {"kind": "suggestion", "ts": T0 + 250, "code": "pin_link", "message": "置顶", "taken": True},
    ]
    _show(tmp_path, "s1", events, outputs, {"lineup": [{"sku": "A", "title": "精华"}, {"sku": "B", "title": "面霜"}]})
    review = review_show(ShowFolder(tmp_path, "s1"))
    h = review.headline
    assert (h["orders"], h["gmv"], h["peak_online"], h["comments"], h["viewers"]) == (2, 237.0, 100, 1, 3)
    talk = {p.sku: round(p.talk_seconds) for p in review.products}
    assert talk == {"A": 120, "B": 180}
    assert review.online[:3] == [100, 100, 80]
    assert [g.group for g in review.unanswered] == ["g2"] and review.escalations[0].outcome == "未处理"
    assert review.pii == {"mobile": 1} and review.suggestions[0]["taken"] is True
    assert "13812345678" not in json.dumps(review.to_json(), ensure_ascii=False)


def test_hostile_and_broken_files_are_counted_not_trusted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "shows" / "bad"
    folder.mkdir(parents=True)
    lines = [
        json.dumps({"ts": T0, "type": "stats", "meta": {"online": 10, "current_sku": "A"}}),
        "not json at all", "[1, 2, 3]", json.dumps({"ts": "soon", "type": "chat"}),
        json.dumps({"ts": float("1e300"), "type": "order"}), json.dumps({"ts": T0 + 5, "type": "teleport"}),
        json.dumps({"ts": T0 + 86400 * 300, "type": "stats", "meta": {"online": 5}}),  # far off: out of range
        json.dumps({"ts": T0 + 10, "type": "order", "meta": {"sku": {"$ne": 1}, "qty": "lots", "amount": -5}}),
        "x" * (2 * 1024 * 1024), "\x00\xff garbage",
        json.dumps({"ts": T0 + 60, "type": "stats", "meta": {"online": 12, "current_sku": "A"}}),
    ]
    (folder / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    outputs = [{"kind": "group", "group": "g1", "intent": evil, "sku": evil, "count": 3, "examples": [evil]},
               {"kind": "answer", "group": "g1", "findings": [{"rule": evil, "text": evil}]},
               {"kind": "escalation", "group": "g1", "reason": evil}, {"kind": "suggestion", "message": evil}]
    (folder / "output.jsonl").write_text("\n".join(json.dumps(o) for o in outputs) + "\n{oops\n", encoding="utf-8")
    (folder / "show.json").write_text('{"title": ' + json.dumps(evil) + ', "lineup": "nope"}', encoding="utf-8")
    out = tmp_path / "r.html"
    result = run(capsys, "--home", str(tmp_path), "report", "bad", "--out", str(out), "--no-pdf", "--json")
    assert result.code == 0, result.err
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page and "&lt;script&gt;" in page
    review = review_show(ShowFolder(tmp_path, "bad"))
    assert review.skipped["events"]["skipped"] == 7 and review.skipped["out_of_range"] == 1
    assert review.skipped["output"]["skipped"] == 1 and review.minutes < 10
    assert review.headline["orders"] == 1 and review.headline["gmv"] == 0.0


def test_a_huge_show_reads_in_bounded_time_and_memory(tmp_path: Path) -> None:
    events = [{"ts": T0 + i * 0.05, "type": "chat", "user_id": f"u{i % 5000}", "text": "多少钱"} for i in range(60_000)]
    events += [{"ts": T0 + i, "type": "stats", "meta": {"online": 5000 + i, "current_sku": f"S{i // 600}"}}
               for i in range(0, 3000, 5)]
    _show(tmp_path, "big", events, [])
    review = review_show(ShowFolder(tmp_path, "big"))
    assert review.headline["comments"] == 60_000 and review.minutes == 51 and len(review.products) == 5


def test_missing_show_bad_id_and_missing_font_fail_clearly(home: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert "not found" in run(capsys, "--home", str(home), "report", "nope").err
    assert "invalid show id" in run(capsys, "--home", str(home), "report", "../../etc/passwd").err
    from cohost.insights import charts

    charts.cjk_font.cache_clear()
    monkeypatch.setenv("COHOST_CJK_FONT", "/nonexistent/font.ttc")
    show_id = run(capsys, "--home", str(home), "show", "list", "--json").json()["shows"][0]["id"]
    result = run(capsys, "--home", str(home), "report", show_id, "--no-pdf")
    charts.cjk_font.cache_clear()
    assert result.code == 1 and "fonts-wqy-microhei" in result.err


def test_question_trends_say_what_to_add(home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "trends.html"
    result = run(capsys, "--home", str(home), "insights", "trends", "--days", "366", "--out", str(out), "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert len(data["shows"]) == 2 and data["rows"]
    assert all(r["action"].startswith(("补充商品资料", "写进话术")) for r in data["rows"])
    assert data["rows"][0]["asked"] >= data["rows"][-1]["asked"]
    assert "问题趋势" in out.read_text(encoding="utf-8")


@pytest.mark.skipif(__import__("shutil").which("chromium") is None, reason="no chromium to print the PDF with")
def test_pdf_is_printed_when_chromium_is_installed(home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    show_id = run(capsys, "--home", str(home), "show", "list", "--json").json()["shows"][0]["id"]
    result = run(capsys, "--home", str(home), "report", show_id, "--out", str(tmp_path / "r.html"), "--json")
    assert result.json()["pdf"] and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_a_show_with_pipeline_output_only(tmp_path: Path) -> None:
    outputs = [{"kind": "metrics", "ts": T0 + 60 * m + 59, "online": 100 + m, "comments_per_min": 10 * m,
                "orders_per_min": m, "gmv": 50.0 * m} for m in range(5)]
    (tmp_path / "shows" / "p1").mkdir(parents=True)
    (tmp_path / "shows" / "p1" / "output.jsonl").write_text("\n".join(json.dumps(o) for o in outputs) + "\n",
                                                            encoding="utf-8")
    review = review_show(ShowFolder(tmp_path, "p1"))
    assert review.online == [100, 101, 102, 103, 104] and review.comments == [0, 10, 20, 30, 40]
    assert review.headline["orders"] == 10 and review.headline["peak_online"] == 104 and review.headline["gmv"] == 200.0
