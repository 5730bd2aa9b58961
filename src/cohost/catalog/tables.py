"""A ``Catalog`` → the tables of the row formats (products, variants, promotions, faq, evidence, shop).

The CSV and XLSX writers share this layout, so both write exactly what both readers read back:
canonical English headers; products with their ``attr:<name>`` columns (in the order first seen) and
then their extra fields; money as exact decimals, counts as integers, date-times as ISO 8601 text with
the offset; text protected against formula injection (see ``cells``).

What the row formats cannot express is refused, not silently changed: a list item containing ``|``
(the list separator), or a field name that would read back as another column. Everything else round
trips exactly, with these limits of cells for extra (unknown) fields: text comes back trimmed and an
empty text is absent; lists and objects are written as JSON text and come back as that text; in CSV
every value comes back as text, while XLSX keeps numbers and TRUE/FALSE (floats to 16 significant
digits, what openpyxl writes; whole numbers of 16 digits or more are written as text so no digit is
lost).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel

from cohost.catalog import cells as c
from cohost.catalog.columns import (
    EVIDENCE,
    FAQS,
    POLICY_PREFIXES,
    PRODUCTS,
    PROMOTIONS,
    SHOP,
    SHOP_NAME_KEYS,
    VARIANTS,
    TableSpec,
    fold,
    resolve,
    strip_prefix,
)
from cohost.catalog.problems import Problems
from cohost.domain.catalog import Catalog, Product, Shop

OutCell = str | int | float | bool | Decimal | None


@dataclass
class OutTable:
    """One table to write: its kind, header and rows of plain cells."""

    spec: TableSpec
    header: list[str]
    rows: list[list[OutCell]] = field(default_factory=list)


def _text(value: str | None) -> str | None:
    return None if value is None else c.protect(c.scrub(value))


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class _Layout:
    def __init__(self, problems: Problems) -> None:
        self.problems = problems

    def joined(self, sku: str, name: str, items: list[str]) -> str | None:
        for position, item in enumerate(items, start=1):
            if "|" in item:
                self.problems.add(sku, f"{name}[{position}]", f"含有列表分隔符“|”/ contains '|', the list "
                                  f"separator of CSV/XLSX cells: {c.show(item)}")
        return _text("|".join(items)) if items else None

    def extras(self, sku: str, spec: TableSpec, record: BaseModel) -> dict[str, OutCell]:
        found: dict[str, OutCell] = {}
        for name, value in (record.model_extra or {}).items():
            cell = c.extra_cell(value)
            if cell is None:
                continue
            if resolve(spec, name) != ("extra", name) or fold(name) in spec.reserved:
                self.problems.add(sku, name, f"字段名“{name}”在表格里会被读成另一列 / field name {name!r} would "
                                  "read back as another column")
                continue
            found[name] = _text(cell) if isinstance(cell, str) else cell
        return found


def _columns(base: tuple[str, ...], extra_names: Iterable[str]) -> list[str]:
    names = list(base)
    for name in extra_names:
        if name not in names:
            names.append(name)
    return names


def catalog_tables(catalog: Catalog, what: str) -> list[OutTable]:
    """The six tables of ``catalog``; ``CatalogError`` lists whatever the row formats cannot hold.

    ``what`` names the format in that error (``CSV``, ``XLSX``).
    """
    problems = Problems("catalog")
    layout = _Layout(problems)
    attr_names: dict[str, None] = {}
    product_rows: list[tuple[dict[str, OutCell], dict[str, str], dict[str, OutCell]]] = []
    side_rows: dict[str, list[dict[str, OutCell]]] = {"variants": [], "promotions": [], "faq": [], "evidence": []}
    for product in catalog.products:
        product_rows.append(_product(layout, product, attr_names))
        _sides(layout, product, side_rows)
    shop_rows = _shop(layout, catalog.shop)
    problems.raise_if_any(f"无法导出为 {what}，没有写入任何文件 / cannot export as {what}: nothing was written; "
                          "export as JSON, or fix these fields")

    extra_names: dict[str, None] = {}
    for _, _, extras in product_rows:
        extra_names.update(dict.fromkeys(extras))
    attr_list = list(attr_names)
    header = [*PRODUCTS.columns, *(c.protect(f"attr:{name}") for name in attr_list),
              *(c.protect(name) for name in extra_names)]
    products = OutTable(PRODUCTS, header)
    for fields, attributes, extras in product_rows:
        products.rows.append([*(fields.get(name) for name in PRODUCTS.columns),
                              *(_text(attributes.get(name)) for name in attr_list),
                              *(extras.get(name) for name in extra_names)])
    tables = [products]
    for spec in (VARIANTS, PROMOTIONS, FAQS, EVIDENCE):
        rows = side_rows[spec.kind]
        names = _columns(spec.columns, (k for row in rows for k in row))
        tables.append(OutTable(spec, [c.protect(n) for n in names], [[row.get(n) for n in names] for row in rows]))
    shop_cells = [[_text(k), _text(v) if isinstance(v, str) else v] for k, v in shop_rows]
    tables.append(OutTable(SHOP, list(SHOP.columns), shop_cells))
    return tables


def _product(layout: _Layout, p: Product, attr_names: dict[str, None]
             ) -> tuple[dict[str, OutCell], dict[str, str], dict[str, OutCell]]:
    fields: dict[str, OutCell] = {
        "sku": _text(p.sku), "title": _text(p.title), "category": _text(p.category), "brand": _text(p.brand),
        "price": p.price, "list_price": p.list_price, "currency": _text(p.currency), "stock": p.stock,
        "aliases": layout.joined(p.sku, "aliases", p.aliases),
        "selling_points": layout.joined(p.sku, "selling_points", p.selling_points),
        "usage": _text(p.usage), "cautions": _text(p.cautions), "display_order": p.display_order,
    }
    for name in p.attributes:
        if resolve(PRODUCTS, f"attr:{name}") != ("attr", name) or not name:
            layout.problems.add(p.sku, f"attributes.{name}", "属性名不能为空或以空格开头/结尾 / an attribute name "
                                "must not be blank or start/end with a space")
        attr_names[name] = None
    return fields, dict(p.attributes), layout.extras(p.sku, PRODUCTS, p)


def _sides(layout: _Layout, p: Product, out: dict[str, list[dict[str, OutCell]]]) -> None:
    for v in p.variants:
        extras = layout.extras(p.sku, VARIANTS, v)
        out["variants"].append({"product_sku": _text(p.sku), "sku": _text(v.sku), "name": _text(v.name),
                                "price": v.price, "stock": v.stock, **extras})
    for promo in p.promotions:
        extras = layout.extras(p.sku, PROMOTIONS, promo)
        out["promotions"].append({"sku": _text(p.sku), "kind": _text(promo.kind),
                                  "description": _text(promo.description), "starts_at": _when(promo.starts_at),
                                  "ends_at": _when(promo.ends_at), **extras})
    for qa in p.faq:
        extras = layout.extras(p.sku, FAQS, qa)
        out["faq"].append({"sku": _text(p.sku), "q": _text(qa.q), "a": _text(qa.a),
                           **extras})
    for ev in p.evidence:
        extras = layout.extras(p.sku, EVIDENCE, ev)
        out["evidence"].append({"sku": _text(p.sku), "claim": _text(ev.claim), "source": _text(ev.source),
                                "expires_at": _when(ev.expires_at), **extras})


def _shop(layout: _Layout, shop: Shop) -> list[tuple[str, OutCell]]:
    """The shop as key/value rows; none at all for a shop that was never set."""
    default = Shop.model_fields["name"].default
    extra = shop.model_extra or {}
    if shop.name == default and not shop.policies and not extra:
        return []
    rows: list[tuple[str, OutCell]] = [("name", shop.name)]
    for kind, text in shop.policies.items():
        if kind != kind.strip() or not kind:
            layout.problems.add("shop", f"policies.{kind}", "政策名不能为空或以空格开头/结尾 / a policy kind must "
                                "not be blank or start/end with a space")
        rows.append((f"policy:{kind}", text))
    for name, value in extra.items():
        extra_value = c.extra_cell(value)
        if extra_value is None:
            continue
        if (fold(name) in SHOP_NAME_KEYS or strip_prefix(name, POLICY_PREFIXES) is not None
                or name in ("policies", "") or name != name.strip()):
            layout.problems.add("shop", name, f"字段名“{name}”在表格里会被读成另一项 / field name {name!r} would "
                                "read back as another key")
            continue
        rows.append((name, extra_value))
    return rows
