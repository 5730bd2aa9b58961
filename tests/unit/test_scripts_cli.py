"""``cohost script …`` and ``cohost copy`` as an operator runs them, from a fresh home to an approved show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.cli_helpers import run

SHOP = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "catalog", "import", str(SHOP)).code == 0
    return home


def test_new_show_review_approve(capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path) -> None:
    out = tmp_path / "show.json"
    made = run(capsys, "--home", home, "script", "new", "--skus", "MZ-001,SP-001,SM-001", "--minutes", "30",
               "--style", "亲切", "--audience", "宝妈", "--seed", "9", "--start", "2026-11-20T20:00:00+08:00",
               "--out", str(out))
    assert made.code == 0, made.err
    script_id = made.out.strip()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["id"] == script_id and doc["status"] == "draft" and doc["minutes"] == 30
    assert all(set(s) >= {"kind", "sku", "seconds", "lines"} for s in doc["segments"])
    assert abs(sum(s["seconds"] for s in doc["segments"]) - 1800) <= 36
    assert "草稿已保存" in made.err
    listed = run(capsys, "--home", home, "script", "list", "--json").json()
    assert [s["id"] for s in listed] == [script_id] and listed[0]["status"] == "draft"
    md = run(capsys, "--home", home, "script", "show", script_id)
    assert md.code == 0 and "本脚本由AI生成" in md.out and "**[上链接]**" in md.out
    html = run(capsys, "--home", home, "script", "show", script_id, "--format", "html")
    assert html.out.startswith("<!doctype html>") and 'class="label"' in html.out
    assert run(capsys, "--home", home, "script", "approve", script_id, "--by", "王姐").code == 1
    assert run(capsys, "--home", home, "script", "submit", script_id, "--by", "小李").out.strip().endswith("in_review")
    approved = run(capsys, "--home", home, "script", "approve", script_id, "--by", "王姐", "--comment", "可以")
    assert approved.code == 0 and approved.out.strip() == f"{script_id} approved"
    history = run(capsys, "--home", home, "script", "history", script_id, "--json").json()
    assert [(h["action"], h["actor"]) for h in history][-2:] == [("submit", "小李"), ("approve", "王姐")]


def test_edit_from_a_file_records_the_diff(capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path) -> None:
    out = tmp_path / "show.json"
    script_id = run(capsys, "--home", home, "script", "new", "--skus", "MZ-001", "--minutes", "10",
                    "--out", str(out), "--start", "2026-11-20T20:00").out.strip()
    doc = json.loads(run(capsys, "--home", home, "script", "show", script_id, "--format", "json").out)
    doc["segments"][0]["lines"][0] = "大家好，欢迎来到禾溪小铺。"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(capsys, "--home", home, "script", "edit", script_id, "--file", str(edited), "--by", "阿雅")
    assert result.code == 0, result.err
    assert result.out.strip() == f"{script_id} draft v2"
    assert "+[0] opening - | 大家好，欢迎来到禾溪小铺。" in result.err


@pytest.mark.parametrize(("args", "message"), [
    (["script", "new", "--skus", "NOPE-1", "--minutes", "10", "--out", "{tmp}/a.json"], "no product with sku"),
    (["script", "new", "--skus", "MZ-001", "--minutes", "0", "--out", "{tmp}/a.json"], "--minutes"),
    (["script", "new", "--skus", "MZ-001", "--minutes", "10", "--out", "{tmp}/no/such/a.json"], "does not exist"),
    (["script", "new", "--skus", "MZ-001", "--minutes", "10", "--start", "tomorrow", "--out", "{tmp}/a.json"],
     "not an ISO time"),
    (["script", "show", "S-NOPE"], "no script with id"),
    (["script", "reject", "S-NOPE", "--by", "x", "--comment", "y"], "no script"),
    (["script", "edit", "S-NOPE", "--file", "{tmp}/missing.json", "--by", "x"], "cannot read"),
    (["script", "list", "--status", "live"], "--status"),
    (["copy", "MZ-001", "--platform", "weibo"], "--platform"),
    (["copy", "MZ-001", "--keywords", "长" * 30], "longer than"),
])
def test_bad_input_prints_one_error_line(capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path,
                                         args: list[str], message: str) -> None:
    result = run(capsys, "--home", home, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.code == 1
    assert result.err.startswith("Error: ") and message in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "a.json").exists()


def test_copy_command_prints_copy_and_writes_a_poster(capsys: pytest.CaptureFixture[str], home: str,
                                                      tmp_path: Path) -> None:
    poster = tmp_path / "mz.png"
    result = run(capsys, "--home", home, "copy", "MZ-001", "--platform", "taobao", "--keywords", "小蓝瓶,补水",
                 "--poster", str(poster), "--json")
    assert result.code == 0, result.err
    copy = result.json()
    assert copy["platform"] == "taobao" and copy["title_units"] <= 60 and "小蓝瓶" in copy["title"]
    assert "补水" in copy["keywords_skipped"] and poster.stat().st_size > 10_000
    text = run(capsys, "--home", home, "copy", "SM-004")
    assert text.code == 0 and "本内容由AI生成" in text.out and "标题 Title" in text.out
