"""``cohost check``: the formats.md §3 contract, as another tool would use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cohost.store import Store
from cohost.testing.store_contract import make_catalog
from tests.unit.cli_helpers import run


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home whose store holds T-001 (19.99 元, list 29.9, stock 10, gift promotion 2026-11-20 20:00–23:59)."""
    folder = tmp_path / "home"
    folder.mkdir()
    store = Store.open(f"sqlite:///{folder / 'cohost.db'}")
    store.catalog.import_catalog(make_catalog(2))
    store.close()
    return folder


def test_json_output_is_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "check", "这款是全网最低价！", "--json")
    assert result.code == 0
    body = result.json()
    assert set(body) == {"findings"}
    finding = next(f for f in body["findings"] if f["rule"] == "AD-09-3")
    assert set(finding) == {"rule", "severity", "span", "text", "message", "suggestion"}
    assert finding["span"] == [3, 8] and finding["text"] == "全网最低价" and finding["severity"] == "high"
    assert finding["suggestion"] == "直播间专享价"


def test_clean_text_has_empty_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "第一步先洁面，最好先做皮试", "--json").json() == {"findings": []}


def test_human_output_shows_text_rule_message_and_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "check", "我是真人主播")
    assert result.code == 0
    assert "我是真人主播" in result.out and "ANTH-1" in result.out and "严重 critical" in result.out
    assert "建议" in result.out and "依据" in result.out
    assert "未发现问题" in run(capsys, "check", "欢迎来到直播间").out


def test_file_input_in_gbk_and_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gbk = tmp_path / "script.txt"
    gbk.write_bytes("开场白。\n这款精华最好用！".encode("gb18030"))
    body = run(capsys, "check", "--file", str(gbk), "--json").json()
    assert [f["text"] for f in body["findings"]] == ["最好用"]
    utf = tmp_path / "bom.txt"
    utf.write_bytes("\ufeff绝对安全无副作用".encode())
    assert {f["rule"] for f in run(capsys, "check", "-f", str(utf), "--json").json()["findings"]} == {"AD-04", "AD-08"}  # §17 T07


def test_stdin_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("稳赚不赔"))
    assert run(capsys, "check", "-", "--json").json()["findings"][0]["rule"] == "AD-25"


def test_sku_checks_price_stock_and_promotion_window(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    during = "2026-11-20T21:00:00+08:00"
    args = ("--sku", "T-001", "--home", str(home), "--json", "--now", during)
    ok = run(capsys, "check", "原价29.9，现在只要19.99元，今晚截止", *args)
    assert ok.code == 0 and ok.json() == {"findings": []}
    bad = run(capsys, "check", "只要9.9元，仅剩1件", *args).json()["findings"]
    # fake scarcity also breaks Ad Law Art. 28, UCPD Annex I 7 and the Zhejiang guideline (rules/laws.toml)
    assert {f["rule"] for f in bad} == {"PRICE-20", "PRICE-ZJ", "AD-04", "EU-UCP-A7", "LOCAL-ZJ"}
    later = run(capsys, "check", "今晚截止", "--sku", "T-001", "--home", str(home), "--json",
                "--now", "2026-11-22T10:00:00+08:00").json()["findings"]
    # a deadline the promotion windows contradict: also price fraud, UCPD Annex I 7, Zhejiang (rules/laws.toml)
    assert {f["rule"] for f in later} == {"PRICE-ZJ", "PRICE-19", "EU-UCP-A7", "LOCAL-ZJ"}


def test_batch_keeps_order_and_reports_malformed_lines(capsys: pytest.CaptureFixture[str], home: Path,
                                                       tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "全网最低"}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": 7, "text": "仅剩1件", "sku": "T-001"}, ensure_ascii=False),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "ghost", "text": "你好", "sku": "NOPE"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "c", "text": "这是我第一次来", "mode": "live"}, ensure_ascii=False),
        json.dumps({"id": "d", "text": "x", "mode": "shout"}),
    ]
    batch = tmp_path / "texts.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(capsys, "check", "--batch", str(batch), "--json", "--home", str(home), "--now", "2026-11-20T21:00:00+08:00")
    out = result.json_lines()
    assert [o.get("id") for o in out] == ["a", None, 7, "no-text", "ghost", None, "c", "d"]
    assert out[0]["findings"][0]["rule"] in {"PRICE-19", "AD-09-3"}
    assert "PRICE-ZJ" in [f["rule"] for f in out[2]["findings"]]
    assert out[6] == {"id": "c", "findings": []}
    errors = {o["line"]: o["error"] for o in out if "error" in o}
    assert sorted(errors) == [2, 5, 6, 7, 9]
    assert "invalid JSON" in errors[2] and "text" in errors[5] and "NOPE" in errors[6] and "object" in errors[7]
    assert all("findings" not in o for o in out if "error" in o)
    assert result.code == 1 and "2, 5, 6, 7, 9" in result.err


def test_batch_with_invalid_utf8_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    batch = tmp_path / "mixed.jsonl"
    batch.write_bytes(b'{"id": 1, "text": "ok"}\n\xff\xfe\x00bad\n{"id": 3, "text": "\xe6\x9c\x80\xe5\xa5\xbd\xe7\x94\xa8"}\n')
    out = run(capsys, "check", "--batch", str(batch), "--json").json_lines()
    assert [o.get("line") for o in out] == [None, 2, None] and out[2]["findings"][0]["text"] == "最好用"


@pytest.mark.parametrize("args", [(), ("a", "--file", "x.txt"), ("--batch", "x.jsonl", "--sku", "T-1")])
def test_bad_invocations_fail_with_one_error_line(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    result = run(capsys, "check", *args)
    assert result.code == 1 and result.err.startswith("Error: ")


def test_unknown_sku_missing_file_and_bad_time(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> None:
    assert run(capsys, "check", "hi", "--sku", "NOPE", "--home", str(home)).err.startswith("Error: no product")
    assert "找不到文件" in run(capsys, "check", "--file", str(tmp_path / "nope.txt")).err
    assert "--now" in run(capsys, "check", "hi", "--now", "yesterday").err


def test_control_characters_and_lone_surrogates_print(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    batch = tmp_path / "odd.jsonl"
    batch.write_text('{"id": 1, "text": "\\ud800全网最低\\u0000"}\n', encoding="utf-8")
    [line] = run(capsys, "check", "--batch", str(batch), "--json").json_lines()
    assert line["findings"][0]["span"] == [1, 5] and line["findings"][0]["text"] == "全网最低"
