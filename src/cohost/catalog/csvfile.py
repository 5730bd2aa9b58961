"""The CSV form of a catalog: a main file of products plus optional side files beside it.

``shop.csv`` holds one product per row; ``shop.variants.csv``, ``shop.promotions.csv``, ``shop.faq.csv``,
``shop.evidence.csv`` and ``shop.shop.csv`` (key/value rows: ``name``, ``policy:<kind>``) sit next to it
and are read when present (their names are matched case-insensitively). Encodings: see ``files``; the
delimiter is a comma, a tab or a semicolon, whichever the header line uses most.

Files are written as UTF-8 with a byte-order mark and CRLF line ends, which Excel and WPS open
correctly on Chinese Windows; a stream (standard output) gets plain UTF-8 with ``\\n`` and only the
main table. A side file that would be empty is not written, unless an older one is there: it is
then overwritten with its header only, so a stale file can never be imported with the new one.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from cohost.catalog.columns import PRODUCTS, SHOP, SIDE_TABLES, TableSpec
from cohost.catalog.files import decode, read_bytes, replacing
from cohost.catalog.rows import Row, Table, build_catalog
from cohost.catalog.tables import OutCell, OutTable, catalog_tables
from cohost.domain.catalog import Catalog
from cohost.errors import CatalogError

_DELIMITERS = (",", "\t", ";")


def side_path(main: Path, spec: TableSpec) -> Path:
    """Where the side file of ``spec``'s table lives for this main file: ``shop.variants.csv``."""
    return main.with_name(f"{main.stem}.{spec.kind}.csv")


def _sniff(text: str) -> str:
    start = text[:65536]
    first = next((line for line in start.splitlines() if line.strip()), "")
    counts = [first.count(d) for d in _DELIMITERS]
    best = max(range(len(_DELIMITERS)), key=lambda i: (counts[i], -i))
    return _DELIMITERS[best] if counts[best] else ","


def _rows(path: Path, label: str) -> list[Row]:
    text = decode(read_bytes(path), label)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff(text))
    rows: list[Row] = []
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, cells))
    except csv.Error as exc:
        raise CatalogError(f"{label}: CSV 格式错误 / malformed CSV",
                           [f"{label}:{len(rows) + 1}:-: CSV 格式错误 / malformed CSV: {exc}"]) from None
    return rows


def read_csv(path: Path) -> Catalog:
    """The catalog in ``path`` and its side files; ``CatalogError`` lists every problem."""
    path = Path(path)
    label = path.name
    try:
        siblings = {p.name.casefold(): p for p in path.parent.iterdir() if p.is_file()}
    except OSError:
        siblings = {}
    for spec in (*SIDE_TABLES, SHOP):
        suffix = f".{spec.kind}.csv"
        if path.name.casefold().endswith(suffix):
            main_name = path.name[: -len(suffix)] + ".csv"
            if main_name.casefold() in siblings:
                raise CatalogError(f"{path.name} 是 {main_name} 的附表；请导入 {main_name} / {path.name} is a side "
                                   f"file of {main_name}: import {main_name} instead")
    main = Table(label, PRODUCTS, _rows(path, label))
    sides: list[Table] = []
    shop: Table | None = None
    for spec in (*SIDE_TABLES, SHOP):
        found = siblings.get(side_path(path, spec).name.casefold())
        if found is None:
            continue
        table = Table(found.name, spec, _rows(found, found.name))
        if spec is SHOP:
            shop = table
        else:
            sides.append(table)
    return build_catalog(label, main, sides, shop)


def _cell(value: OutCell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _write(stream: TextIO, table: OutTable, newline: str) -> None:
    writer = csv.writer(stream, lineterminator=newline)
    writer.writerow(table.header)
    writer.writerows([_cell(v) for v in row] for row in table.rows)


def write_csv(catalog: Catalog, target: Path | str | TextIO, side_files: bool = True) -> list[Path]:
    """Write ``catalog`` as CSV; returns the files written (none for a stream).

    To a path: the main file and, with ``side_files``, the side files beside it that have rows. To a
    stream: the main table only (products with their attributes and extra fields).
    """
    tables = catalog_tables(catalog, "CSV")
    if not isinstance(target, Path | str):
        _write(target, tables[0], "\n")
        return []
    main = Path(target)
    outputs: list[tuple[Path, OutTable]] = [(main, tables[0])]
    if side_files:
        for table in tables[1:]:
            where = side_path(main, table.spec)
            if table.rows or where.exists():
                outputs.append((where, table))
    with replacing([p for p, _ in outputs]) as temps:
        for temp, (_, table) in zip(temps, outputs, strict=True):
            with temp.open("w", encoding="utf-8-sig", newline="") as fh:
                _write(fh, table, "\r\n")
    return [p for p, _ in outputs]

