"""The XLSX form of a catalog: one workbook, one sheet per table.

Reading: products come from the sheet named ``products``/``商品``, else from the first sheet that is not
one of the other tables; ``variants``/``规格``, ``promotions``/``促销``, ``faq``/``常见问题``,
``evidence``/``证明材料`` and ``shop``/``店铺`` are read when present, other sheets are ignored.
openpyxl reads in read-only mode with cached values (``data_only``), so a formula cell gives what Excel
shows, never the formula. The sheet's stated dimensions are not trusted (some tools write them wrong),
so every row is read. Anything that is not a real workbook becomes a ``CatalogError``, never a traceback.

Writing: openpyxl's write-only mode, sheets ``products, variants, promotions, faq, evidence, shop`` with
a bold, frozen header row. Text cells are always strings (a value starting with ``=`` is never written
as a formula) and are protected against formula injection like CSV (see ``cells``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cohost.catalog.columns import PRODUCTS, SHOP, SIDE_TABLES, TableSpec, sheet_kind
from cohost.catalog.files import OLE_MAGIC, ZIP_MAGIC, replacing
from cohost.catalog.rows import Row, Table, build_catalog
from cohost.catalog.tables import catalog_tables
from cohost.domain.catalog import Catalog
from cohost.errors import CatalogError

_WIDTHS = {"sku": 16, "title": 36, "category": 12, "product_sku": 16, "name": 16, "description": 40,
           "starts_at": 26, "ends_at": 26, "expires_at": 26, "q": 30, "a": 40, "claim": 36, "source": 30,
           "key": 20, "value": 60, "selling_points": 40, "usage": 30, "cautions": 30}


def _not_a_workbook(name: str, detail: str) -> CatalogError:
    return CatalogError(f"{name} 不是有效的 Excel 工作簿（.xlsx）/ {name} is not a valid Excel workbook (.xlsx): "
                        f"{detail}")


def _rows(sheet: Any, label: str) -> Iterator[Row]:
    try:
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except Exception as exc:  # openpyxl raises many kinds on a damaged sheet
        raise CatalogError(f"{label}: 无法读取工作表 / cannot read this sheet: {type(exc).__name__}: {exc}") from None


def read_xlsx(path: Path) -> Catalog:
    """The catalog in the workbook at ``path``; ``CatalogError`` lists every problem."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
    except FileNotFoundError:
        raise CatalogError(f"找不到文件 / file not found: {path}") from None
    except OSError as exc:
        raise CatalogError(f"无法读取文件 / cannot read {path}: {exc.strerror or exc}") from None
    if magic.startswith(OLE_MAGIC):
        raise CatalogError(f"{name} 是旧版 Excel（.xls）文件；请另存为 .xlsx / {name} is an old Excel .xls file: "
                           "save it as .xlsx")
    if not magic.startswith(ZIP_MAGIC):
        raise _not_a_workbook(name, "it is not a zip package (a text or CSV file renamed to .xlsx?)")

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # BadZipFile, KeyError, InvalidFileException, XML errors, …
        raise _not_a_workbook(name, f"{type(exc).__name__}: {exc}") from None
    try:
        return _read(workbook, name)
    finally:
        workbook.close()


def _read(workbook: Any, name: str) -> Catalog:
    chosen: dict[str, Any] = {}
    untyped: list[Any] = []
    duplicates: list[str] = []
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "iter_rows"):  # a chart sheet
            continue
        spec = sheet_kind(sheet.title)
        if spec is None:
            untyped.append(sheet)
        elif spec.kind in chosen:
            duplicates.append(f"{name}[{sheet.title}]:1:-: 与工作表“{chosen[spec.kind].title}”重复 / a second "
                              f"{spec.kind} sheet (the first is {chosen[spec.kind].title!r})")
        else:
            chosen[spec.kind] = sheet
    if duplicates:
        raise CatalogError(f"{name}: 工作表重复 / duplicate sheets", duplicates)
    products = chosen["products"] if "products" in chosen else (untyped[0] if untyped else None)
    if products is None:
        raise CatalogError(f"{name} 没有商品工作表 / {name} has no products sheet (name it 'products' or '商品')")

    def table(sheet: Any, spec: TableSpec) -> Table:
        label = f"{name}[{sheet.title}]"
        sheet.reset_dimensions()
        return Table(label, spec, _rows(sheet, label))

    sides = [table(chosen[spec.kind], spec) for spec in SIDE_TABLES if spec.kind in chosen]
    shop = table(chosen["shop"], SHOP) if "shop" in chosen else None
    return build_catalog(name, table(products, PRODUCTS), sides, shop)


def _exact(value: object) -> object:
    """Excel keeps 15–16 significant digits: a longer whole number is written as text instead."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return str(value)
    return value


def write_xlsx(catalog: Catalog, path: Path | str) -> Path:
    """Write ``catalog`` as one workbook with six sheets; returns the path written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    tables = catalog_tables(catalog, "XLSX")
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for out in tables:
        sheet = workbook.create_sheet(out.spec.kind)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(out.header, start=1):
            width = _WIDTHS.get(header, 14 if not header.startswith("attr:") else 16)
            sheet.column_dimensions[get_column_letter(index)].width = width
        heading = []
        for header in out.header:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = bold
            heading.append(cell)
        sheet.append(heading)
        for row in out.rows:
            sheet.append([_exact(value) for value in row])
    with replacing([target]) as (temp,):
        workbook.save(temp)
    return target
