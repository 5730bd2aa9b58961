"""Tabular files as merchants send them: CSV (any common Chinese encoding, comma/tab/semicolon) or XLSX.
Text decoding is the catalog importer's (``cohost.catalog.files.decode``), so both read the same files.

``read_rows(path)`` returns the header and the data rows with their 1-based row numbers (the header is
row 1), so every problem can be reported as ``file:row:column: reason``. Limits, not hopes: files over
``MAX_BYTES`` are refused before reading; a CSV field over the csv module's limit (128 KiB) stops the
read with its line number. The csv module's global field limit is left as it is (other importers share it).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from cohost.errors import InputError

MAX_BYTES = 256 * 1024 * 1024
Cell = object
Row = tuple[int, list[Cell]]


def decode(data: bytes, name: str) -> str:
    """Text of a CSV file, decoded as the catalog importer does (BOMs, UTF-8, GB18030, detection; a
    renamed workbook is named as such), with its errors re-raised as plain input errors."""
    from cohost.catalog.files import decode as catalog_decode
    from cohost.errors import CatalogError

    try:
        return catalog_decode(data, name)
    except CatalogError as exc:
        raise InputError(exc.message, hint="save the sheet as 'CSV UTF-8' or as .xlsx") from None


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(path: Path, data: bytes) -> tuple[list[str], list[Row]]:
    text = decode(data, path.name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(f"{path.name}:{line}: binary data (NUL byte) in a CSV file",
                         hint="is this really a CSV? export the sheet again")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[Row] = []
    header: list[str] | None = None
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"{path.name}:{reader.line_num}: unreadable CSV ({exc})") from exc
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if any(c.strip() for c in cells):
            rows.append((reader.line_num, list(cells)))
    if header is None or not any(header):
        raise InputError(f"{path.name}: the file is empty (no header row)")
    return header, rows


def _xlsx_rows(path: Path, prefer: Sequence[str]) -> tuple[list[str], list[Row]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise InputError(f"{path.name}: not a readable XLSX workbook ({type(exc).__name__}: {exc})",
                         hint="open it in Excel/WPS and save it again as .xlsx") from exc
    try:
        names = book.sheetnames
        chosen = next((n for n in names if n.strip().lower() in prefer), names[0])
        sheet = book[chosen]
        header: list[str] | None = None
        rows: list[Row] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells: list[Cell] = list(values)
            if header is None:
                header = ["" if v is None else str(v).strip() for v in cells]
                continue
            if any(v is not None and str(v).strip() for v in cells):
                rows.append((number, cells))
    finally:
        book.close()
    if header is None or not any(header):
        raise InputError(f"{path.name}: the first sheet is empty (no header row)")
    return header, rows


def read_rows(path: Path, *, prefer_sheets: Sequence[str] = ("sales", "销售", "销售明细")) -> tuple[list[str], list[Row]]:
    """Header and numbered data rows of a .csv/.tsv/.txt or .xlsx file; blank rows are skipped."""
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path.name}: {size // (1024 * 1024)} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit",
                         hint="split the history into several files and import them one by one")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, prefer_sheets)
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
        return _csv_rows(path, data)
    raise InputError(f"{path.name}: unsupported file type {suffix or '(none)'}; use .csv or .xlsx")
