"""Cell values of the row formats: cleaning on the way in, formatting and protection on the way out.

Decisions, the same for CSV and XLSX:

- Text is trimmed. Control characters (C0 except tab/newline/carriage return, DEL, C1) and the invisible
  U+FEFF / U+200B are removed on import, in JSON too: they cannot be stored in XLSX, are never meant,
  and turn "MZ-001" into a SKU that no viewer question can ever match. Blank cells are absent.
- A cell is at most 32,767 characters (Excel's own limit), so everything imported can be exported.
- Formula injection (CSV/DDE injection): text that starts with ``= + - @``, tab or carriage return is
  written with a leading apostrophe, as OWASP recommends, so Excel, WPS and Numbers show it as text
  instead of running it. The reader drops exactly that apostrophe again, so the round trip is lossless
  (a value that itself starts with ``'`` and then one of those characters gets a second apostrophe).
  Imported values are never evaluated; a formula-looking value is kept as the text it is. XLSX cells
  are always written as strings or numbers, never as formulas.
- Numbers from Excel are read as Excel shows them, to 15 significant digits: ``89.9`` (a float)
  becomes ``Decimal('89.9')``, ``=19.9*3`` (stored as 59.699999999999996) becomes ``Decimal('59.7')``
  and ``500.0`` becomes ``500``; ``1.234`` stays ``1.234`` and is refused as a price.
- Date cells become datetimes; a datetime without a zone is China time (the domain's rule). Text dates
  may be ISO 8601, ``2026/11/20 20:00`` or ``2026年11月20日 20:00``. A date without a time means 00:00
  of that day (so a promotion "ending 2026-11-20" is over when that day begins: the safe reading).
- Dates are written as ISO 8601 text with the offset (``2026-11-20T20:00:00+08:00``): Excel cannot
  store a zone, and the text survives every spreadsheet program unchanged.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

Cell = str | int | float | Decimal | bool | datetime | date | time | timedelta | None

MAX_CELL = 32_767
JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u200b]")
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2})(?:\.(\d{1,6}))?\s*秒?)?)?\s*$"
)


def scrub(text: str) -> str:
    """Remove the characters no catalog text may hold (see the module docstring)."""
    return JUNK.sub("", text) if JUNK.search(text) else text


def clean(text: str) -> str:
    """A text cell as imported: scrubbed, trimmed and without the export's formula-guard apostrophe."""
    text = scrub(text).strip()
    if text[:1] == "'" and text.lstrip("'")[:1] in _TRIGGERS:
        return text[1:]
    return text


def protect(text: str) -> str:
    """A text cell as exported: formula-looking text gets the guard apostrophe (see ``clean``)."""
    first = text[:1]
    if first and (first in _TRIGGERS or (first == "'" and text.lstrip("'")[:1] in _TRIGGERS)):
        return "'" + text
    return text


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def excel_number(value: float) -> int | Decimal:
    """A float from a spreadsheet as the spreadsheet shows it: Excel keeps 15 significant digits, so
    ``=19.9*3`` (stored as 59.699999999999996) is 59.7, and ``500.0`` is 500."""
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    number = Decimal(format(value, ".15g"))
    return int(number) if number == number.to_integral_value() and abs(number) < 10**15 else number


def number_text(value: int | float | Decimal) -> str:
    """A number as text: ``500.0`` → ``500``, ``89.9`` → ``89.9``, a Decimal without exponent."""
    if isinstance(value, float):
        value = excel_number(value) if math.isfinite(value) else Decimal(0)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def as_text(value: Cell) -> str:
    """A cell read as text (SKUs, titles, attributes…), whatever type the spreadsheet gave it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return number_text(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def as_number(value: Cell) -> Any:
    """A cell read as money: floats as the spreadsheet shows them; text is left to the model."""
    if isinstance(value, float) and math.isfinite(value):
        return excel_number(value)
    return value


def as_count(value: Cell) -> Any:
    """A cell read as a whole number (stock, link number); ``1,200`` is accepted."""
    if isinstance(value, float) and math.isfinite(value):
        return excel_number(value)
    if isinstance(value, str) and _THOUSANDS.match(value):
        return value.replace(",", "")
    return value


def as_datetime(value: Cell) -> Any:
    """A cell read as a date-time: Excel dates, ISO 8601, ``2026/11/20 20:00``, ``2026年11月20日``."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if not isinstance(value, str):
        return value
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    match = _DATE.match(value)
    if match is None:
        return value
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups()[:6])
    micro = int((match.group(7) or "0").ljust(6, "0"))
    try:
        return datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return value


def show(value: object, limit: int = 40) -> str:
    """A value quoted for a message, cut short so a 10 KB cell does not flood the report."""
    if isinstance(value, str):
        cut = value if len(value) <= limit else value[:limit] + "…"
        return repr(cut)
    if isinstance(value, float | Decimal):
        return number_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return repr(value) if not isinstance(value, int | bool) else str(value)


def as_extra(value: Cell) -> Any:
    """A cell of an unknown column: text stays text, a spreadsheet number or TRUE/FALSE keeps its type
    (a float as the spreadsheet shows it, see ``excel_number``)."""
    if isinstance(value, float) and math.isfinite(value):
        number = excel_number(value)
        return number if isinstance(number, int) else float(number)
    if isinstance(value, str | bool | int):
        return value
    return as_text(value)


def extra_cell(value: object) -> str | int | float | bool | None:
    """An extra (unknown) field's value as a cell: text, numbers and booleans as they are, anything
    else (lists, objects) as compact JSON text."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(value)
