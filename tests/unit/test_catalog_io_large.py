"""A 50,000-product catalog reads in one go, as CSV and as an XLSX laid out the way Excel saves it.

The workbook is written here by hand (shared strings, a ``<dimension>``, numbers as Excel stores them)
rather than by openpyxl, both to test against a file Cohost did not write and to keep this test fast.
Timings are printed (``pytest -s``), never asserted.
"""

from __future__ import annotations

import csv
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from cohost.catalog import read_catalog
from cohost.catalog.columns import excel_letter

ROWS = 50_000
HEADER = ["sku", "title", "category", "brand", "price", "list_price", "currency", "stock", "aliases",
          "selling_points", "usage", "cautions", "display_order", "attr:容量", "attr:产地", "备注"]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def rows() -> list[list[object]]:
    return [HEADER] + [
        [f"SKU-{i:05d}", f"玻尿酸保湿精华液 {i} 号", "美妆护肤", "水研", 89.9 + i % 7, 129, "CNY", 500 + i, "小蓝瓶|精华",
         "添加三重玻尿酸|质地清爽不黏腻", "洁面后取2-3滴", "敏感肌请先试用", i + 1, "30ml", "上海", f"批次{i % 13}"]
        for i in range(ROWS)
    ]


def excel_like_xlsx(path: Path, table: list[list[object]], sheet: str = "商品") -> None:
    """A minimal workbook as Excel writes it: shared strings, dimension, 17-digit doubles."""
    strings: dict[str, int] = {}
    body: list[str] = []
    for number, row in enumerate(table, start=1):
        cells = []
        for index, value in enumerate(row):
            ref = f"{excel_letter(index)}{number}"
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>')
            elif isinstance(value, float):
                cells.append(f'<c r="{ref}"><v>{value:.17g}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        body.append(f'<row r="{number}">{"".join(cells)}</row>')
    last = f"{excel_letter(len(table[0]) - 1)}{len(table)}"
    worksheet = f'<worksheet {NS}><dimension ref="A1:{last}"/><sheetData>{"".join(body)}</sheetData></worksheet>'
    shared = (f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/'
                                        'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="{sheet}" '
                                            'sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" '
                         f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" '
                         'Target="sharedStrings.xml"/></Relationships>')
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/worksheets/sheet1.xml", worksheet)


def test_fifty_thousand_rows_as_csv_and_xlsx(tmp_path: Path) -> None:
    table = rows()
    with (tmp_path / "big.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(table)
    excel_like_xlsx(tmp_path / "big.xlsx", table)

    started = time.perf_counter()
    from_csv = read_catalog(tmp_path / "big.csv")
    csv_seconds = time.perf_counter() - started
    started = time.perf_counter()
    from_xlsx = read_catalog(tmp_path / "big.xlsx")
    xlsx_seconds = time.perf_counter() - started
    print(f"\nread {ROWS} products: CSV {csv_seconds:.2f} s, XLSX {xlsx_seconds:.2f} s")

    assert len(from_csv.products) == len(from_xlsx.products) == ROWS
    last = from_xlsx.products[-1]
    assert (last.sku, last.price, last.stock, last.display_order) == ("SKU-49999", Decimal("94.9"), 50_499, ROWS)
    assert last.attributes == {"容量": "30ml", "产地": "上海"} and last.model_extra == {"备注": "批次1"}
    assert [p.content_hash() for p in from_csv.products[:100]] == [p.content_hash() for p in from_xlsx.products[:100]]
    assert from_csv.products[-1].content_hash() == last.content_hash()
