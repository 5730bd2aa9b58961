"""Problems found in a catalog file, as ``file:row:column: reason`` lines with bilingual reasons.

``reason`` turns one Pydantic error into words a merchant understands, for example::

    shop.csv:3:价格: 价格必须是非负数字，最多两位小数 / price must be a non-negative number with at most 2 decimals: '八十九'

Rows are the spreadsheet's own row numbers (the header is row 1), columns the header as the file wrote
it; JSON uses ``shop.json:products[3]:price`` (1-based) and ``shop.json:LINE:COLUMN`` for syntax errors.
``-`` stands for "no single column" (an empty file, a record that is not an object).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cohost.catalog.cells import show
from cohost.errors import CatalogError

MONEY = frozenset({"price", "list_price"})
COUNTS = frozenset({"stock"})
POSITIONS = frozenset({"display_order"})
MOMENTS = frozenset({"starts_at", "ends_at", "expires_at"})
SKUS = frozenset({"sku", "product_sku"})
WINDOW = "ends_at is before starts_at"
_PREFIXES = {"attr": "attribute", "policy": "policy"}


class Problems:
    """Collects every problem of one import, then raises them together."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []
        self._where: list[str] = []

    def __len__(self) -> int:
        return len(self.items)

    def add(self, where: str, column: str, reason: str) -> None:
        self.items.append(f"{where}:{column}: {reason}")
        self._where.append(where)

    def sort(self, labels: list[str]) -> None:
        """Order the problems by file (in ``labels`` order) and row, keeping each row's own order."""
        rank = {label: number for number, label in enumerate(labels)}

        def key(pair: tuple[str, str]) -> tuple[int, int]:
            label, _, row = pair[0].rpartition(":")
            return rank.get(label, len(rank)), int(row) if row.isdigit() else 0

        pairs = sorted(zip(self._where, self.items, strict=True), key=key)
        self._where = [where for where, _ in pairs]
        self.items = [item for _, item in pairs]

    def raise_if_any(self, message: str | None = None) -> None:
        """Raise ``CatalogError`` with every problem, if there is any."""
        if self.items:
            count = len(self.items)
            raise CatalogError(
                message or f"{self.source}: {count} 处问题，未导入任何内容 / {count} problem(s); nothing was imported",
                self.items,
                hint="改正这些行后重新导入 / fix these rows and import again" if message is None else None,
            )


def reason(error: Mapping[str, Any], key: str, label: str, raw: object = None, *, has_raw: bool = False) -> str:
    """Words for one Pydantic error on column ``key`` (``price``, ``attr:容量``), Chinese ``label``.

    ``raw`` is the value as the file wrote it (``has_raw`` says whether there was one); without it the
    error's own input is shown.
    """
    kind = str(error.get("type", ""))
    message = str(error.get("msg", ""))
    value = raw if has_raw else error.get("input")
    shown = show(value)
    prefix, _, rest = key.partition(":")
    field, english = (rest, f"{_PREFIXES[prefix]} {rest!r}") if prefix in _PREFIXES and rest else (key, key)
    if WINDOW in message:
        return "结束时间早于开始时间 / ends_at is before starts_at"
    if kind == "missing" or (kind in ("string_too_short", "too_short") and value in ("", None)):
        return f"{label}不能为空 / {english} is required"
    if field in MONEY:
        return f"{label}必须是非负数字，最多两位小数 / {english} must be a non-negative number with at most 2 decimals: {shown}"
    if field in COUNTS:
        return f"{label}必须是非负整数 / {english} must be a whole number ≥ 0: {shown}"
    if field in POSITIONS:
        return f"{label}必须是正整数 / {english} must be a whole number ≥ 1: {shown}"
    if field in MOMENTS:
        return (f"{label}不是有效的日期时间（如 2026-11-20 20:00 或 2026-11-20T20:00:00+08:00）/ "
                f"{english} is not a valid date-time (e.g. 2026-11-20 20:00): {shown}")
    if field in SKUS and kind in ("string_pattern_mismatch", "string_too_long"):
        return f"{label}须为1–64个字符，不含空格和“|” / {english} must be 1–64 characters without spaces or '|': {shown}"
    if field == "currency" and kind == "string_pattern_mismatch":
        return f"币种须为三个大写字母，如 CNY / currency must be a 3-letter code such as CNY: {shown}"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length", "?")
        return f"{label}最长{limit}个字符 / {english} is at most {limit} characters: {shown}"
    if kind in ("string_type", "dict_type", "list_type", "model_type"):
        return f"{label}的类型不对 / {english} has the wrong type ({message}): {shown}"
    text = message.removeprefix("Value error, ")
    return f"{label}无效 / invalid {english}: {text}: {shown}"


def too_long(label: str, english: str, length: int) -> str:
    return (f"{label}超过 32767 个字符（Excel 单元格上限）/ {english} is longer than 32,767 characters "
            f"(Excel's cell limit): {length} characters")


def duplicate(label: str, english: str, value: str, first: str) -> str:
    return f"{label}重复 / duplicate {english} {value!r} (first at {first})"
