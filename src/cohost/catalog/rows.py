"""Rows of the row formats (CSV files, XLSX sheets) → a validated ``Catalog``, or every problem.

A reader hands over ``Table``s: a label for messages (``shop.csv``, ``shop.xlsx[规格]``), the table's
kind and its rows as ``(row number as the spreadsheet shows it, cells)``. The first non-blank row is the
header; blank rows are skipped. Each product is validated once, with its variants, promotions, FAQ and
evidence attached, and every Pydantic error is mapped back to the row and column it came from.
Nothing is returned unless the whole file is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from cohost.catalog import cells as c
from cohost.catalog.columns import (
    POLICY_KINDS_ZH,
    POLICY_PREFIXES,
    SHOP,
    SHOP_NAME_KEYS,
    Column,
    TableSpec,
    excel_letter,
    fold,
    resolve,
    strip_prefix,
)
from cohost.catalog.problems import WINDOW, Problems, duplicate, reason, too_long
from cohost.domain.catalog import FAQ, Catalog, Evidence, Product, Promotion, Shop, Variant

Row = tuple[int, Sequence[c.Cell]]
RECORDS: dict[str, type[BaseModel]] = {"variants": Variant, "promotions": Promotion, "faq": FAQ,
                                       "evidence": Evidence}
_CONVERT: dict[str, Callable[[c.Cell], Any]] = {
    "price": c.as_number, "list_price": c.as_number, "stock": c.as_count, "display_order": c.as_count,
    "starts_at": c.as_datetime, "ends_at": c.as_datetime, "expires_at": c.as_datetime,
    "currency": lambda v: c.as_text(v).upper(), "aliases": lambda v: _split(c.as_text(v)),
    "selling_points": lambda v: _split(c.as_text(v)), "value": c.as_extra,
}


def _split(text: str) -> list[str] | None:
    items = [item.strip() for item in text.split("|")]
    return [item for item in items if item] or None


@dataclass
class Table:
    """One CSV file or XLSX sheet as a reader found it."""

    label: str
    spec: TableSpec
    rows: Iterable[Row]


@dataclass
class _Header:
    table: Table
    row: int
    rest: Iterator[Row]
    plan: list[tuple[Column, Callable[[c.Cell], Any] | None]] = field(default_factory=list)  # None: text
    by_ref: dict[str, Column] = field(default_factory=dict)
    blank: list[int] = field(default_factory=list)
    width: int = 0


@dataclass(slots=True)
class _Source:
    header: _Header
    row: int
    cells: Sequence[c.Cell]


def _is_blank_row(cells: Sequence[c.Cell]) -> bool:
    return all(c.is_blank(v) for v in cells)


class _Builder:
    def __init__(self, source: str) -> None:
        self.problems = Problems(source)

    # ---- headers -------------------------------------------------------------------------------------
    def header(self, table: Table, *, required: bool) -> _Header | None:
        rows = iter(table.rows)
        for number, cells in rows:
            if not _is_blank_row(cells):
                return self._resolve(table, number, cells, rows)
        if required:
            self.problems.add(f"{table.label}:1", "-", "文件是空的，没有表头和商品行 / the file is empty: no header, no rows")
        return None

    def _resolve(self, table: Table, number: int, cells: Sequence[c.Cell], rest: Iterator[Row]) -> _Header:
        spec, where = table.spec, f"{table.label}:{number}"
        header = _Header(table, number, rest, width=len(cells))
        for index, cell in enumerate(cells):
            text = "" if c.is_blank(cell) else c.clean(c.as_text(cell))
            target = resolve(spec, text)
            if target is None:
                header.blank.append(index)
                continue
            column = Column(index, target[0], target[1], text)
            if column.kind == "attr" and not column.key:
                self.problems.add(where, text, "属性列缺少名称 / attribute column without a name (use attr:<name>)")
            elif column.kind == "extra" and spec is SHOP:
                self.problems.add(where, text, "店铺表只有 key 和 value 两列 / the shop table has only the columns key and value")
            elif column.kind == "extra" and fold(text) in spec.reserved:
                self.problems.add(where, text, f"“{text}”不能作为列；请放在单独的表里 / {text!r} cannot be a column: "
                                               f"put {fold(text)} in their own sheet or side file")
            elif column.ref in header.by_ref:
                first = header.by_ref[column.ref].header
                self.problems.add(where, text, f"列重复 / duplicate column (same as {first!r})")
            else:
                header.by_ref[column.ref] = column
                convert = {"field": _CONVERT.get(column.key), "attr": None, "extra": c.as_extra}[column.kind]
                header.plan.append((column, convert))
        for name in spec.required:
            if name not in header.by_ref:
                self.problems.add(where, name, f"缺少必填列 {name}（{spec.label(name)}）/ missing required column {name!r}")
        return header

    # ---- rows ----------------------------------------------------------------------------------------
    def record(self, header: _Header, number: int, cells: Sequence[c.Cell]) -> dict[str, Any]:
        """One row as a record dict (the hot loop of a 50,000-row import: keep it plain)."""
        record: dict[str, Any] = {}
        attributes: dict[str, Any] = {}
        width = len(cells)
        junk = c.JUNK.search
        for column, convert in header.plan:
            if column.index >= width:
                continue
            raw = cells[column.index]
            if raw is None:
                continue
            if raw.__class__ is str:
                text = raw if not junk(raw) else c.scrub(raw)
                text = text.strip()
                if not text:
                    continue
                if text[0] == "'":
                    text = c.clean(text)
                if len(text) > c.MAX_CELL:
                    english = column.ref if column.kind != "attr" else f"attribute {column.key!r}"
                    self.problems.add(f"{header.table.label}:{number}", column.header,
                                      too_long(header.table.spec.label(column.ref), english, len(text)))
                    continue
                value = text if convert is None else convert(text)
            else:
                value = c.as_text(raw) if convert is None else convert(raw)
            if value is None:
                continue
            if column.kind == "attr":
                attributes[column.key] = value
            else:
                record[column.key] = value
        if attributes:
            record["attributes"] = attributes
        if len(cells) > header.width or header.blank:
            strays = [*header.blank, *range(header.width, len(cells))]
            for index in strays:
                if index < len(cells) and not c.is_blank(cells[index]):
                    letter = excel_letter(index)
                    self.problems.add(f"{header.table.label}:{number}", letter,
                                      f"第 {letter} 列没有表头 / value in column {letter}, which has no header: "
                                      f"{c.show(cells[index])}")
        return record

    def rows(self, header: _Header) -> Iterator[tuple[_Source, dict[str, Any]]]:
        for number, cells in header.rest:
            if not _is_blank_row(cells):
                yield _Source(header, number, cells), self.record(header, number, cells)

    # ---- errors --------------------------------------------------------------------------------------
    def report(self, error: Any, source: _Source, loc: Sequence[int | str]) -> None:
        spec = source.header.table.spec
        if not loc:
            key = "ends_at" if WINDOW in str(error.get("msg", "")) else ("sku" if "sku" in spec.columns else spec.columns[0])
        elif loc[0] == "attributes" and len(loc) > 1:
            key = f"attr:{loc[1]}"
        else:
            key = str(loc[0])

        def words(raw: object, has: bool) -> str:
            return reason(error, key, spec.label(key), raw, has_raw=has)

        self.at(source, key, words)

    def at(self, source: _Source, key: str, words: str | Callable[[object, bool], str]) -> None:
        """Add a problem at ``key``'s column of ``source``'s row; ``words`` may need the cell's value."""
        column = source.header.by_ref.get(key)
        raw: object = None
        if column is not None and column.index < len(source.cells):
            value = source.cells[column.index]
            raw = c.clean(value) if isinstance(value, str) else value
        has = column is not None and raw is not None and raw != ""
        header = column.header if column is not None else key
        text = words if isinstance(words, str) else words(raw, has)
        self.problems.add(f"{source.header.table.label}:{source.row}", header, text)

    def report_value(self, error: Any, source: _Source, ref: str) -> None:
        """A shop row's value is wrong: the problem goes to its ``value`` column."""

        def words(raw: object, has: bool) -> str:
            return reason(error, ref, SHOP.label(ref), raw, has_raw=has)

        self.at(source, "value", words)

    def check_alone(self, model: type[BaseModel], record: dict[str, Any], source: _Source) -> None:
        try:
            model.model_validate(record)
        except ValidationError as exc:
            for error in exc.errors():
                self.report(error, source, error["loc"])


def build_catalog(source: str, main: Table, sides: Sequence[Table], shop: Table | None) -> Catalog:
    """The catalog these tables describe; raises ``CatalogError`` listing every problem."""
    b = _Builder(source)
    main_header = b.header(main, required=True)
    side_headers = [h for h in (b.header(t, required=False) for t in sides) if h is not None]
    shop_header = b.header(shop, required=False) if shop is not None else None
    b.problems.raise_if_any()
    assert main_header is not None

    records: list[dict[str, Any]] = []
    origins: list[_Source] = []
    attached: list[dict[str, list[_Source]]] = []
    index_of: dict[str, int] = {}
    first_at: dict[str, str] = {}  # every product and variant sku → where it first appeared
    for src, record in b.rows(main_header):
        sku = record.get("sku")
        if isinstance(sku, str):
            if sku in first_at:
                b.at(src, "sku", duplicate("商品编码", "sku", sku, first_at[sku]))
            else:
                first_at[sku] = f"{src.header.table.label}:{src.row}"
                index_of[sku] = len(records)
        records.append(record)
        origins.append(src)
        attached.append({})
    if not records:
        b.problems.add(f"{main.label}:{main_header.row}", "-", "只有表头，没有商品行 / header only: no product rows")

    for header in side_headers:
        spec, link = header.table.spec, header.table.spec.link or "sku"
        model = RECORDS[spec.kind]
        for src, record in b.rows(header):
            owner = record.pop(link, None)
            index = index_of.get(owner) if isinstance(owner, str) else None
            if index is None:
                if owner is None:
                    b.at(src, link, "商品编码不能为空 / sku is required: which product is this row for?")
                else:
                    b.at(src, link, f"没有这个商品 / no product with sku {owner!r} in {main.label}")
                b.check_alone(model, record, src)
                continue
            own = record.get("sku") if spec.kind == "variants" else None
            if isinstance(own, str):
                if own in first_at:
                    b.at(src, "sku", duplicate("规格编码", "sku", own, first_at[own]))
                    b.check_alone(model, record, src)
                    continue
                first_at[own] = f"{src.header.table.label}:{src.row}"
            records[index].setdefault(spec.kind, []).append(record)
            attached[index].setdefault(spec.kind, []).append(src)

    products: list[Product] = []
    for record, src, sides_of in zip(records, origins, attached, strict=True):
        try:
            products.append(Product.model_validate(record))
        except ValidationError as exc:
            for error in exc.errors():
                loc = error["loc"]
                if len(loc) >= 2 and loc[0] in sides_of and isinstance(loc[1], int):
                    b.report(error, sides_of[str(loc[0])][loc[1]], loc[2:])
                else:
                    b.report(error, src, loc)
    shop_record = _shop(b, shop_header) if shop_header is not None else Shop()
    b.problems.sort([main.label, *(t.label for t in sides), *([shop.label] if shop is not None else [])])
    b.problems.raise_if_any()
    try:
        return Catalog(shop=shop_record, products=products)
    except ValidationError as exc:  # pragma: no cover - every rule is checked above, with its row
        for error in exc.errors():
            b.problems.add(main.label, "-", reason(error, "sku", "商品编码"))
        b.problems.raise_if_any()
        raise


def _shop(b: _Builder, header: _Header) -> Shop:
    """The shop from its key/value table (``name``, ``policy:<kind>``, extra keys)."""
    values: dict[str, Any] = {}
    policies: dict[str, Any] = {}
    where: dict[str, _Source] = {}
    for src, record in b.rows(header):
        key, value = record.get("key"), record.get("value")
        if key is None:
            if value is not None:
                b.at(src, "key", "项目不能为空 / key is required")
            continue
        kind = strip_prefix(key, POLICY_PREFIXES)
        if kind is not None and key.strip()[:2] == "政策":
            kind = POLICY_KINDS_ZH.get(kind, kind)
        ref = f"policy:{kind}" if kind is not None else ("name" if fold(key) in SHOP_NAME_KEYS else key)
        if kind == "" or ref == "policies":
            b.at(src, "key", f"无效的项目 / invalid key {key!r} (use name, policy:<kind> or your own)")
            continue
        if ref in where:
            first = where[ref]
            b.at(src, "key", duplicate("项目", "key", key, f"{first.header.table.label}:{first.row}"))
            continue
        where[ref] = src
        if value is None:
            continue
        if kind is not None:
            policies[kind] = value
        else:
            values[ref] = value
    try:
        return Shop.model_validate({**values, "policies": policies})
    except ValidationError as exc:
        for error in exc.errors():
            loc = error["loc"]
            ref = f"policy:{loc[1]}" if loc[0] == "policies" and len(loc) > 1 else str(loc[0])
            found = where.get(ref)
            if found is not None:
                b.report_value(error, found, ref)
            else:
                b.problems.add(header.table.label, "-", reason(error, ref, SHOP.label(ref)))
        return Shop()
