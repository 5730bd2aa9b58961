"""Catalog import and export: JSON (lossless), CSV (+ side files) and XLSX, as formats.md §1 defines.

    read_catalog(path) -> Catalog                       by extension: .json, .csv, .xlsx (any case)
    write_catalog(catalog, fmt, out, stream) -> paths   fmt: json | csv | xlsx
    write_json(catalog, path_or_stream)
    write_csv(catalog, path_or_stream, side_files=True) -> paths
    write_xlsx(catalog, path) -> path

Reading is all or nothing: either a fully valid ``Catalog`` or a ``CatalogError`` whose ``problems``
list every bad row as ``file:row:column: reason`` (``shop.csv:3:价格: …``, ``shop.xlsx[规格]:4:price: …``,
``shop.json:products[2]:price: …``). Errors that concern the whole file (not found, wrong type, not a
workbook, undecodable) carry only a message. Layout: ``columns`` (headers and aliases), ``cells`` (cell
values, formula-injection guard), ``rows`` (rows → records, error mapping), ``tables`` (catalog → rows),
``problems`` (messages), ``files`` (encodings, atomic writes), one module per format.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from cohost.catalog.csvfile import read_csv, write_csv
from cohost.catalog.jsonfile import read_json, write_json
from cohost.catalog.xlsxfile import read_xlsx, write_xlsx
from cohost.domain.catalog import Catalog
from cohost.errors import CatalogError, InputError

READERS: dict[str, Callable[[Path], Catalog]] = {".json": read_json, ".csv": read_csv, ".xlsx": read_xlsx}
FORMATS = ("json", "csv", "xlsx")


def read_catalog(path: Path | str) -> Catalog:
    """Read a catalog file, choosing the format by its extension (case-insensitive)."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        shown = path.suffix or "(none)"
        raise CatalogError(
            f"无法导入 {path.name}：不支持的文件类型 {shown}，请用 .json、.csv 或 .xlsx / cannot import {path.name}: "
            f"unsupported file type {shown}; supported are .json, .csv and .xlsx"
        )
    return reader(path)


def write_catalog(catalog: Catalog, fmt: str, out: Path | None, stream: TextIO | None = None) -> list[Path]:
    """Write ``catalog`` as ``fmt`` to ``out``, or to ``stream`` (default stdout) when ``out`` is None.

    Returns the files written: CSV to a path also writes its side files; to a stream, only the main
    table. XLSX needs a path.
    """
    kind = fmt.strip().lower()
    if kind not in FORMATS:
        raise InputError(f"unknown catalog format {fmt!r}: use json, csv or xlsx")
    if out is None:
        target = stream if stream is not None else sys.stdout
        if kind == "xlsx":
            raise InputError("xlsx 需要输出文件 / xlsx export needs an output file (--out FILE)")
        if kind == "json":
            write_json(catalog, target)
        else:
            write_csv(catalog, target)
        return []
    if kind == "json":
        write_json(catalog, out)
        return [Path(out)]
    if kind == "csv":
        return write_csv(catalog, out, side_files=True)
    return [write_xlsx(catalog, out)]


__all__ = ["read_catalog", "read_csv", "read_json", "read_xlsx", "write_catalog", "write_csv", "write_json",
           "write_xlsx"]
