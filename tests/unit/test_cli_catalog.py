"""``cohost catalog …`` as a merchant uses it: import, re-import, export, list, show, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.cli_helpers import run

# The example of formats.md §1, verbatim: a catalog this project did not write.
SPEC_CATALOG = {
    "shop": {
        "name": "山野小铺",
        "policies": {
            "shipping": "48小时内从浙江杭州发货，默认中通，偏远地区（新疆、西藏）不包邮",
            "returns": "支持7天无理由退货，食品类拆封后不支持",
            "warranty": "数码产品一年质保",
        },
    },
    "products": [
        {
            "sku": "MZ-001", "title": "玻尿酸保湿精华液 30ml", "category": "美妆护肤", "brand": "水研",
            "price": 89.0, "list_price": 129.0, "currency": "CNY", "stock": 500,
            "aliases": ["小蓝瓶", "精华"],
            "attributes": {"容量": "30ml", "适用肤质": "所有肤质", "保质期": "3年", "产地": "上海"},
            "selling_points": ["添加三重玻尿酸", "质地清爽不黏腻"],
            "usage": "洁面后取2-3滴，轻拍至吸收", "cautions": "敏感肌请先在耳后试用",
            "variants": [{"sku": "MZ-001-50", "name": "50ml", "price": 139.0, "stock": 120}],
            "promotions": [{"kind": "gift", "description": "下单送5ml小样一支",
                            "starts_at": "2026-11-20T20:00:00+08:00", "ends_at": "2026-11-20T23:59:59+08:00"}],
            "faq": [{"q": "孕妇能用吗", "a": "成分温和，但孕期请先咨询医生"}],
            "evidence": [{"claim": "2025年天猫精华类目新品榜第3名", "source": "天猫新品榜截图 2025-06",
                          "expires_at": None}],
        },
        {"sku": "SP-002", "title": "高山红茶 250g", "category": "食品", "price": "45.50", "stock": 0,
         "display_order": 2, "origin_note": "未知字段也要保留"},
    ],
}


@pytest.fixture
def spec_json(tmp_path: Path) -> Path:
    path = tmp_path / "never_seen.json"
    path.write_text(json.dumps(SPEC_CATALOG, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_then_reimport_reports_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 spec_json: Path) -> None:
    home = str(tmp_path / "home")
    first = run(capsys, "--home", home, "catalog", "import", str(spec_json), "--json")
    assert first.code == 0, first.err
    assert first.json() | {"file": ""} == {"file": "", "products": 2, "added": 2, "updated": 0,
                                            "unchanged": 0, "shop_changed": True}
    again = run(capsys, "catalog", "import", str(spec_json), "--home", home)
    assert again.code == 0
    assert "未变 unchanged 2" in again.out and "新增 added 0" in again.out


def test_xlsx_export_of_the_same_catalog_imports_as_unchanged(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path, spec_json: Path) -> None:
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "catalog", "import", str(spec_json)).code == 0
    xlsx = tmp_path / "same.xlsx"
    exported = run(capsys, "--home", home, "catalog", "export", "--format", "xlsx", "--out", str(xlsx))
    assert exported.code == 0 and xlsx.is_file()
    fresh = run(capsys, "--home", str(tmp_path / "fresh"), "catalog", "import", str(xlsx), "--json")
    assert fresh.json()["added"] == 2
    back = run(capsys, "--home", home, "catalog", "import", str(xlsx), "--json")
    assert (back.json()["unchanged"], back.json()["updated"], back.json()["added"]) == (2, 0, 0)


def test_json_export_is_lossless(capsys: pytest.CaptureFixture[str], tmp_path: Path, spec_json: Path) -> None:
    home = str(tmp_path / "home")
    run(capsys, "--home", home, "catalog", "import", str(spec_json))
    out = run(capsys, "--home", home, "catalog", "export", "--format", "json")
    data = json.loads(out.out)
    assert data["shop"]["policies"]["returns"] == "支持7天无理由退货，食品类拆封后不支持"
    tea = next(p for p in data["products"] if p["sku"] == "SP-002")
    assert tea["price"] == 45.5 and tea["origin_note"] == "未知字段也要保留"
    serum = next(p for p in data["products"] if p["sku"] == "MZ-001")
    assert serum["variants"][0] == {"sku": "MZ-001-50", "name": "50ml", "price": 139.0, "stock": 120}


def test_show_lists_citable_facts(capsys: pytest.CaptureFixture[str], tmp_path: Path, spec_json: Path) -> None:
    home = str(tmp_path / "home")
    run(capsys, "--home", home, "catalog", "import", str(spec_json))
    shown = run(capsys, "--home", home, "catalog", "show", "MZ-001", "--json").json()
    facts = {f["id"]: f["value"] for f in shown["facts"]}
    assert facts["MZ-001.price"] == 89.0
    assert facts["MZ-001.attr:容量"] == "30ml"
    assert facts["MZ-001.variant:MZ-001-50.price"] == 139.0
    assert facts["MZ-001.faq:1"] == "成分温和，但孕期请先咨询医生"
    human = run(capsys, "--home", home, "catalog", "show", "MZ-001")
    assert "MZ-001.variant:MZ-001-50.stock" in human.out


def test_list_filters_by_category(capsys: pytest.CaptureFixture[str], tmp_path: Path, spec_json: Path) -> None:
    home = str(tmp_path / "home")
    run(capsys, "--home", home, "catalog", "import", str(spec_json))
    listed = run(capsys, "--home", home, "catalog", "list", "--category", "食品", "--json").json()
    assert [p["sku"] for p in listed] == ["SP-002"]


def test_bad_file_exits_nonzero_and_imports_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,title,category,price,stock\nA-1,好货,食品,八十九,5\nA-2,好货2,食品,-1,5\nA-3,好货3,食品,9,3\n",
                   encoding="utf-8")
    result = run(capsys, "--home", home, "catalog", "import", str(bad))
    assert result.code == 1
    assert result.err.startswith("Error: ")
    assert "bad.csv:2:price" in result.err and "bad.csv:3:price" in result.err
    listed = run(capsys, "--home", home, "catalog", "list", "--json")
    assert listed.json() == []


def test_unknown_sku_and_missing_file_are_clear_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    shown = run(capsys, "--home", home, "catalog", "show", "NOPE")
    assert shown.code == 1 and "Error: no product with sku 'NOPE'" in shown.err
    missing = run(capsys, "--home", home, "catalog", "import", str(tmp_path / "nope.json"))
    assert missing.code == 1 and missing.err.startswith("Error: ") and "nope.json" in missing.err


def test_xlsx_export_needs_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run(capsys, "--home", str(tmp_path), "catalog", "export", "--format", "xlsx")
    assert result.code == 1 and "--out" in result.err


def test_bad_setting_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COHOST_PORT", "not-a-port")
    result = run(capsys, "--home", str(tmp_path), "catalog", "list")
    assert result.code == 1 and "Error: invalid settings: port" in result.err
