"""Sales history: the record type, the CSV/XLSX importer and the book kept in the home folder.

A merchant's history comes as a spreadsheet, one row per (date, sku[, show]):

    date, sku, qty, price, show_id, traffic, hour, promo, cost

``date``, ``sku``, ``qty`` and ``price`` are required; the rest is optional and used where known
(``traffic`` = viewers of the show, ``hour`` = its start hour; a ``date`` cell may also carry the time,
e.g. ``2026-11-20 20:00``). Chinese headers are accepted too (日期, 商品编码, 销量, 成交价, 场次, 观看人数,
开播时段, 促销, 成本). Like the catalog importer (formats.md §1) the import is atomic: a file with any bad
row imports nothing and the error lists every bad row as ``file:row:column: reason``.

The book lives at ``<home>/insights/sales.jsonl``, is rewritten atomically (temp file + rename) and is
upserted by (date, sku, show_id): importing the same file twice changes nothing.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cohost.errors import InputError
from cohost.insights.sheets import read_rows

MAX_PROBLEMS_SHOWN = 1000  # every bad row is kept in ``problems``; the message shows this many


class SalesFileError(InputError):
    """A sales file with problems. Nothing of it was imported; ``problems`` lists every bad cell."""

    title = "销售数据无效 Invalid sales file"

    def __init__(self, message: str, problems: list[str], *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems

    def __str__(self) -> str:
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        more = len(self.problems) - len(shown)
        tail = [f"… 另有 {more} 处错误 and {more} more problems"] if more else []
        return "\n".join([self.message, *shown, *tail])


@dataclass(frozen=True, slots=True)
class SaleRecord:
    """Units of one sku sold on one day (in one show, when ``show_id`` is set) at one unit price."""

    day: date
    sku: str
    qty: int
    price: float
    show_id: str | None = None
    traffic: int | None = None
    hour: int | None = None
    promo: bool | None = None
    cost: float | None = None

    @property
    def gmv(self) -> float:
        return self.qty * self.price

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.day.isoformat(), self.sku, self.show_id or "")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"day": self.day.isoformat(), "sku": self.sku, "qty": self.qty, "price": self.price}
        for name in ("show_id", "traffic", "hour", "promo", "cost"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SaleRecord:
        return cls(day=date.fromisoformat(data["day"]), sku=str(data["sku"]), qty=int(data["qty"]),
                   price=float(data["price"]), show_id=data.get("show_id"), traffic=data.get("traffic"),
                   hour=data.get("hour"), promo=data.get("promo"), cost=data.get("cost"))


@dataclass(frozen=True, slots=True)
class MergeCounts:
    added: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


class SalesBook:
    """The shop's sales history in ``<home>/insights/sales.jsonl``."""

    def __init__(self, home: Path) -> None:
        self.path = home / "insights" / "sales.jsonl"

    def records(self) -> list[SaleRecord]:
        if not self.path.is_file():
            return []
        with self.path.open(encoding="utf-8") as fh:
            return [SaleRecord.from_json(json.loads(line)) for line in fh if line.strip()]

    def merge(self, records: Iterable[SaleRecord]) -> MergeCounts:
        """Upsert by (date, sku, show_id) and rewrite the book atomically."""
        book = {r.key: r for r in self.records()}
        added = updated = unchanged = 0
        for record in records:
            old = book.get(record.key)
            if old is None:
                added += 1
            elif old == record:
                unchanged += 1
                continue
            else:
                updated += 1
            book[record.key] = record
        if added or updated or not self.path.exists():
            self._write(sorted(book.values(), key=lambda r: r.key))
        return MergeCounts(added, updated, unchanged)

    def _write(self, records: list[SaleRecord]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".sales-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for record in records:
                    fh.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def import_sales(path: Path, book: SalesBook) -> MergeCounts:
    """Read, validate and merge ``path`` into ``book``; nothing is written if any row is bad."""
    records = read_sales(path)
    return book.merge(records)


def read_sales(path: Path) -> list[SaleRecord]:
    """Every row of a sales CSV/XLSX as records, or ``SalesFileError`` listing every bad cell."""
    header, rows = read_rows(path)
    records, problems = parse_rows(path.name, header, rows)
    if problems:
        raise SalesFileError(
            f"{path.name}: {len(problems)} 处错误，未导入任何数据 / {len(problems)} problems, nothing imported",
            problems, hint="fix the rows listed and import the file again",
        )
    if not records:
        raise SalesFileError(f"{path.name}: 没有数据行 / the file has no data rows", [])
    return records


# --- row parsing ----------------------------------------------------------------------------------------
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "日期", "销售日期", "时间", "开播时间"),
    "sku": ("sku", "商品编码", "货号", "商品id"),
    "qty": ("qty", "quantity", "units", "销量", "数量", "件数"),
    "price": ("price", "unit_price", "成交价", "价格", "单价"),
    "show_id": ("show_id", "show", "场次", "直播场次", "场次id"),
    "traffic": ("traffic", "viewers", "观看人数", "流量", "访客数"),
    "hour": ("hour", "开播时段", "时段", "小时"),
    "promo": ("promo", "promotion", "促销", "活动"),
    "cost": ("cost", "unit_cost", "成本", "进价"),
}
REQUIRED = ("date", "sku", "qty", "price")
_ALIASES = {alias: field for field, names in COLUMNS.items() for alias in names}
_SKU = re.compile(r"^[^\s|]{1,64}$")
_SHOW = re.compile(r"^\w[\w.-]{0,63}$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2})[:：](\d{2})(?:[:：]\d{2}(?:\.\d+)?)?)?$")
_TRUE = {"1", "true", "yes", "y", "是", "有", "promo"}
_FALSE = {"0", "false", "no", "n", "否", "无", "-"}
MAX_QTY = 10_000_000
MAX_MONEY = Decimal("10000000")


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _date(cell: object) -> tuple[date, int | None]:
    if isinstance(cell, datetime):
        return cell.date(), (cell.hour if (cell.hour or cell.minute) else None)
    if isinstance(cell, date):
        return cell, None
    match = _DATE.match(_text(cell))
    if not match:
        raise ValueError("not a date (use 2026-11-20 or 2026-11-20 20:00)")
    y, m, d, hh, _mm = match.groups()
    day = date(int(y), int(m), int(d))
    if not 2000 <= day.year <= 2100:
        raise ValueError(f"year {day.year} is implausible")
    if hh is not None and int(hh) > 23:
        raise ValueError(f"hour {hh} is not 0–23")
    return day, (int(hh) if hh is not None else None)


def _money(cell: object) -> float:
    if isinstance(cell, bool):
        raise ValueError("must be a number, not true/false")
    text = _text(cell).replace(",", "").removeprefix("¥").removeprefix("￥").removesuffix("元")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("must be a number") from None
    if not value.is_finite():
        raise ValueError("must be a finite number")
    if value < 0:
        raise ValueError("must not be negative")
    if value > MAX_MONEY:
        raise ValueError("is implausibly large")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("has more than two decimal places")
    return float(value)


def _count(cell: object, limit: int) -> int:
    if isinstance(cell, bool):
        raise ValueError("must be a whole number, not true/false")
    text = _text(cell).replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("must be a whole number") from None
    if not value.is_finite() or value != value.to_integral_value():
        raise ValueError("must be a whole number")
    if value < 0:
        raise ValueError("must not be negative")
    if value > limit:
        raise ValueError(f"is implausibly large (> {limit})")
    return int(value)


def _hour(cell: object) -> int:
    if isinstance(cell, time):
        return cell.hour
    text = _text(cell)
    head = re.split(r"[:：点]", text, maxsplit=1)[0]
    if not head.isdigit() or not 0 <= int(head) <= 23:
        raise ValueError("must be an hour 0–23 (or 20:00)")
    return int(head)


def _promo(cell: object) -> bool:
    if isinstance(cell, bool):
        return cell
    return _text(cell).lower() not in _FALSE  # "1", "是" or a description such as 满199减30


def _checked(text: str, pattern: re.Pattern[str], reason: str) -> str:
    if not pattern.match(text):
        raise ValueError(reason)
    return text


_PARSERS: tuple[tuple[str, Callable[[object], Any]], ...] = (
    ("date", _date),
    ("sku", lambda c: _checked(_text(c), _SKU, "must be 1–64 characters without spaces or '|'")),
    ("qty", lambda c: _count(c, MAX_QTY)),
    ("price", _money),
    ("show_id", lambda c: _checked(_text(c), _SHOW, "must be 1–64 letters, digits, '_', '-' or '.'")),
    ("traffic", lambda c: _count(c, 10**9)),
    ("hour", _hour),
    ("promo", _promo),
    ("cost", _money),
)


def _header_map(name: str, header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    found: dict[str, int] = {}
    problems: list[str] = []
    for index, title in enumerate(header):
        field = _ALIASES.get(title.strip().lower())
        if field is None:
            continue  # unknown columns are ignored (e.g. a product title column)
        if field in found:
            problems.append(f"{name}:1:{title}: duplicate column for {field!r} "
                            f"(also column {found[field] + 1})")
        found[field] = index
    problems += [f"{name}:1:{field}: required column is missing" for field in REQUIRED if field not in found]
    return found, problems


def parse_rows(name: str, header: Sequence[str], rows: Sequence[tuple[int, list[object]]]) -> tuple[
        list[SaleRecord], list[str]]:
    """Validate every row; return the records and every problem found (all rows, not only the first)."""
    columns, problems = _header_map(name, header)
    if problems:
        return [], problems
    records: list[SaleRecord] = []
    first_row: dict[tuple[str, str, str], int] = {}

    for number, cells in rows:
        values: dict[str, Any] = {}
        ok = True
        for field, parse in _PARSERS:
            index = columns.get(field)
            if index is None:
                continue
            cell = cells[index] if index < len(cells) else None
            if _text(cell) == "" and not isinstance(cell, (date, time)):
                if field in REQUIRED:
                    problems.append(f"{name}:{number}:{header[index]}: required value is empty")
                    ok = False
                continue
            try:
                values[field] = parse(cell)
            except (ValueError, ArithmeticError) as exc:
                problems.append(f"{name}:{number}:{header[index]}: {exc} (got {_text(cell)[:40]!r})")
                ok = False
        if not ok:
            continue
        day, hour_in_date = values["date"]
        record = SaleRecord(day=day, sku=values["sku"], qty=values["qty"], price=values["price"],
                            show_id=values.get("show_id"), traffic=values.get("traffic"),
                            hour=values.get("hour", hour_in_date), promo=values.get("promo"),
                            cost=values.get("cost"))
        seen = first_row.setdefault(record.key, number)
        if seen != number:
            problems.append(f"{name}:{number}:sku: duplicate of row {seen} (same date, sku and show)")
            continue
        records.append(record)
    return records, problems
