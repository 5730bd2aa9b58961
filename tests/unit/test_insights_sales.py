"""Sales history import as a merchant meets it: Excel/CSV in Chinese, broken rows, huge and hostile files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from cohost.errors import InputError
from cohost.insights.sales import SalesBook, SalesFileError, import_sales, read_sales
from tests.unit.cli_helpers import run

GOOD = "date,sku,qty,price,show_id,traffic\n2026-11-01,MZ-001,3,89.00,S1,1200\n2026-11-01,MZ-002,1,129,S1,1200\n"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_imports_and_reimport_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "sales.csv", GOOD)
    first = run(capsys, "--home", str(tmp_path / "h"), "insights", "import-sales", str(path), "--json")
    assert first.code == 0, first.err
    assert first.json() == {"file": str(path), "rows": 2, "added": 2, "updated": 0, "unchanged": 0}
    again = run(capsys, "--home", str(tmp_path / "h"), "insights", "import-sales", str(path), "--json")
    assert again.json()["unchanged"] == 2 and again.json()["added"] == 0
    changed = _write(tmp_path, "sales2.csv", GOOD.replace("3,89.00", "5,89.00"))
    assert run(capsys, "--home", str(tmp_path / "h"), "insights", "import-sales", str(changed), "--json").json()["updated"] == 1
    records = SalesBook(tmp_path / "h").records()
    assert {(r.sku, r.qty, r.traffic) for r in records} == {("MZ-001", 5, 1200), ("MZ-002", 1, 1200)}


def test_chinese_headers_in_gbk_with_time_in_the_date(tmp_path: Path) -> None:
    text = "日期,商品编码,销量,成交价,场次,观看人数,促销\n2026/11/20 20:00,MZ-001,2,￥89.9,双11专场,3000,满199减30\n"
    records = read_sales(_write(tmp_path, "历史.csv", text, "gbk"))
    assert len(records) == 1
    r = records[0]
    assert (r.day.isoformat(), r.hour, r.price, r.show_id, r.promo) == ("2026-11-20", 20, 89.9, "双11专场", True)


def test_xlsx_is_read_from_the_sales_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "说明"
    sheet = book.create_sheet("销售")
    sheet.append(["date", "sku", "qty", "price", "hour"])
    sheet.append(["2026-11-02", "MZ-001", 4, 89, 21])
    path = tmp_path / "sales.xlsx"
    book.save(path)
    (record,) = read_sales(path)
    assert (record.sku, record.qty, record.hour) == ("MZ-001", 4, 21)


def test_every_bad_row_is_listed_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("date,sku,qty,price\n"
            "2026-11-01,MZ-001,2,89\n"
            "2026-13-01,MZ-001,2,89\n"  # no month 13
            "2026-11-02,MZ 001,2,89\n"  # space in sku
            "2026-11-03,MZ-001,-1,89\n"
            "2026-11-04,MZ-001,2,89.999\n"
            "2026-11-05,MZ-001,2.5,NaN\n"
            "2026-11-01,MZ-001,7,89\n")  # duplicate of row 2
    path = _write(tmp_path, "bad.csv", text)
    result = run(capsys, "--home", str(tmp_path / "h"), "insights", "import-sales", str(path))
    assert result.code == 1
    for expected in ("bad.csv:3:date:", "bad.csv:4:sku:", "bad.csv:5:qty: must not be negative",
                     "bad.csv:6:price: has more than two decimal places", "bad.csv:7:qty:", "bad.csv:7:price:",
                     "bad.csv:8:sku: duplicate of row 2"):
        assert expected in result.err, expected
    assert not (tmp_path / "h" / "insights" / "sales.jsonl").exists()


def test_missing_required_columns_are_named(tmp_path: Path) -> None:
    with pytest.raises(SalesFileError) as info:
        read_sales(_write(tmp_path, "s.csv", "date,sku,price\n2026-11-01,A,1\n"))
    assert "s.csv:1:qty: required column is missing" in str(info.value)


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\x00junk", b"\xff\xd8\xff\xe0 not a csv at all \x00"])
def test_empty_and_binary_files_fail_cleanly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InputError):
        read_sales(path)


def test_fake_xlsx_and_unknown_extension(tmp_path: Path) -> None:
    fake = tmp_path / "s.xlsx"
    fake.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_sales(fake)
    with pytest.raises(InputError, match="unsupported file type"):
        read_sales(_write(tmp_path, "s.json", "[]"))


def test_hostile_cells_are_rejected_not_executed(tmp_path: Path) -> None:
    text = ("date,sku,qty,price,show_id\n"
            "2026-11-01,=cmd|' /C calc'!A0,1,9,S1\n"
            "2026-11-01,A1,1,9,../../etc\n"
            f"2026-11-01,{'X' * 5000},1,9,S1\n")
    with pytest.raises(SalesFileError) as info:
        read_sales(_write(tmp_path, "h.csv", text))
    problems = info.value.problems
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4"]
    assert all(len(p) < 300 for p in problems)  # a 5,000-character cell is quoted short


def test_a_huge_history_imports(tmp_path: Path) -> None:
    rows = "".join(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},SKU-{i % 500},{i % 9},{10 + i % 90}.5,S{i // 500}\n"
                   for i in range(60_000))
    path = _write(tmp_path, "big.csv", "date,sku,qty,price,show_id\n" + rows)
    counts = import_sales(path, SalesBook(tmp_path))
    assert counts.added == 60_000
    first = json.loads((tmp_path / "insights" / "sales.jsonl").open(encoding="utf-8").readline())
    assert set(first) >= {"day", "sku", "qty", "price"}


def test_a_million_bad_rows_still_make_a_readable_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "junk.csv", "date,sku,qty,price\n" + "x,y,z,w\n" * 30_000)
    with pytest.raises(SalesFileError) as info:
        read_sales(path)
    assert len(info.value.problems) == 90_000  # every bad cell is kept …
    assert str(info.value).count("\n") <= 1002  # … but the message shows the first thousand


def test_utf16_excel_export_and_a_renamed_workbook(tmp_path: Path) -> None:
    (record,) = read_sales(_write(tmp_path, "u16.csv", "日期\t商品编码\t销量\t成交价\n2026-11-03\tA1\t2\t9.9\n", "utf-16"))
    assert (record.sku, record.qty, record.price) == ("A1", 2, 9.9)
    book = Workbook()
    book.active.append(["date", "sku", "qty", "price"])
    book.save(tmp_path / "real.xlsx")
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes((tmp_path / "real.xlsx").read_bytes())
    with pytest.raises(InputError, match="xlsx"):
        read_sales(renamed)
