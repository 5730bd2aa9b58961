"""The JSON form of a catalog (formats.md §1): lossless, unknown fields included.

The top level is an object with a ``products`` list and an optional ``shop``; other top-level keys
are kept. Problems are placed by JSON path with 1-based list positions::

    shop.json:3:17: JSON 格式错误 / invalid JSON: Expecting ',' delimiter
    shop.json:products[2]:price: 价格必须是非负数字，最多两位小数 / price must be … : '八十九'
    shop.json:products[2].variants[1]:stock: 规格库存必须是非负整数 / stock must be a whole number ≥ 0: -3

``NaN`` and ``Infinity`` are refused (they are not JSON and no price can be one). Strings are scrubbed
of control characters and may be at most 32,767 characters, as in the row formats (see ``cells``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from cohost.catalog import cells as c
from cohost.catalog.columns import PRODUCTS, SHOP, SIDE_TABLES, TableSpec
from cohost.catalog.files import decode, read_bytes, replacing
from cohost.catalog.problems import WINDOW, Problems, duplicate, reason, too_long
from cohost.catalog.rows import RECORDS
from cohost.domain.catalog import Catalog, Product, Shop
from cohost.errors import CatalogError


class _NotANumber:
    """What ``NaN``/``Infinity`` parse to, so the walk can say where they are."""


def _place(path: Sequence[int | str]) -> tuple[str, str, TableSpec]:
    """A JSON path → (position, field, the table whose labels apply)."""
    parts = list(path)
    position = str(parts.pop(0)) if parts else "-"
    spec = SHOP if position == "shop" else PRODUCTS
    if parts and isinstance(parts[0], int):
        position += f"[{int(parts.pop(0)) + 1}]"
        if len(parts) >= 2 and str(parts[0]) in RECORDS and isinstance(parts[1], int):
            spec = _side_spec(str(parts[0]))
            position += f".{parts.pop(0)}[{int(parts.pop(0)) + 1}]"
    field = ""
    for part in parts:
        field += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return position, field or "-", spec


def _side_spec(kind: str) -> TableSpec:
    return next(spec for spec in SIDE_TABLES if spec.kind == kind)


def _walk(value: Any, path: tuple[int | str, ...], problems: Problems, label: str) -> Any:
    """``value`` with its strings scrubbed; problems for NaN/Infinity and over-long strings."""
    if isinstance(value, str):
        text = c.scrub(value)
        if len(text) > c.MAX_CELL:
            position, field, spec = _place(path)
            problems.add(f"{label}:{position}", field, too_long(spec.label(field), field, len(text)))
        return text
    if isinstance(value, dict):
        return {key: _walk(item, (*path, key), problems, label) for key, item in value.items()}
    if isinstance(value, list):
        return [_walk(item, (*path, index), problems, label) for index, item in enumerate(value)]
    if isinstance(value, _NotANumber):
        position, field, _ = _place(path)
        problems.add(f"{label}:{position}", field, "NaN/Infinity 不是数字 / NaN and Infinity are not valid numbers")
    return value


def _report(problems: Problems, label: str, base: tuple[int | str, ...], error: Any) -> None:
    loc = tuple(error["loc"])
    position, field, spec = _place((*base, *loc))
    if WINDOW in str(error.get("msg", "")):
        field = "ends_at"
    if field == "-":  # a rule about the whole record
        text = str(error.get("msg", "")).removeprefix("Value error, ")
        problems.add(f"{label}:{position}", field, f"{spec.record}无效 / invalid {spec.kind} record: {text}")
        return
    names = [part for part in loc if isinstance(part, str)]
    key = names[-1]
    if len(names) >= 2 and names[-2] in ("attributes", "policies"):
        key = f"{'attr' if names[-2] == 'attributes' else 'policy'}:{names[-1]}"
    problems.add(f"{label}:{position}", field, reason(error, key, spec.label(key)))


def read_json(path: Path) -> Catalog:
    """The catalog in the JSON file at ``path``; ``CatalogError`` lists every problem."""
    path = Path(path)
    label = path.name
    text = decode(read_bytes(path), label)
    try:
        data = json.loads(text, parse_constant=lambda _name: _NotANumber())
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{label}: JSON 格式错误，未导入任何内容 / invalid JSON; nothing was imported",
                           [f"{label}:{exc.lineno}:{exc.colno}: JSON 格式错误 / invalid JSON: {exc.msg}"]) from None
    except RecursionError:
        raise CatalogError(f"{label}: JSON 嵌套太深 / JSON nested too deeply") from None
    problems = Problems(label)
    if not isinstance(data, dict) or not isinstance(data.get("products"), list):
        got = type(data).__name__ if not isinstance(data, dict) else "an object without a products list"
        problems.add(f"{label}:1", "1", f"顶层必须是含 \"products\" 列表的对象 / the top level must be an object "
                     f"with a \"products\" list (got {got})")
        problems.raise_if_any()
    data = _walk(data, (), problems, label)
    problems.raise_if_any()

    shop = Shop()
    if "shop" in data and data["shop"] is not None:
        if not isinstance(data["shop"], dict):
            problems.add(f"{label}:shop", "-", "店铺必须是对象 / shop must be a JSON object")
        else:
            try:
                shop = Shop.model_validate(data["shop"])
            except ValidationError as exc:
                for error in exc.errors():
                    _report(problems, label, ("shop",), error)

    products: list[tuple[int, Product]] = []
    first_at: dict[str, str] = {}  # every product and variant sku → where it first appeared
    for index, item in enumerate(data["products"]):
        where = f"products[{index + 1}]"
        if not isinstance(item, dict):
            problems.add(f"{label}:{where}", "-", f"商品必须是对象 / a product must be a JSON object, "
                         f"got {type(item).__name__}")
            continue
        sku = item.get("sku")
        sku = c.as_text(sku).strip() if isinstance(sku, str | int) and not isinstance(sku, bool) else None
        if sku and sku in first_at:
            problems.add(f"{label}:{where}", "sku", duplicate("商品编码", "sku", sku, first_at[sku]))
        elif sku:
            first_at[sku] = where
        try:
            products.append((index, Product.model_validate(item)))
        except ValidationError as exc:
            for error in exc.errors():
                _report(problems, label, ("products", index), error)

    for index, product in products:
        for number, variant in enumerate(product.variants, start=1):
            where = f"products[{index + 1}].variants[{number}]"
            if variant.sku in first_at:
                problems.add(f"{label}:{where}", "sku", duplicate("规格编码", "sku", variant.sku, first_at[variant.sku]))
            else:
                first_at[variant.sku] = where
    problems.raise_if_any()
    extras = {key: value for key, value in data.items() if key not in ("shop", "products")}
    return Catalog(shop=shop, products=[p for _, p in products], **extras)


def _document(catalog: Catalog) -> dict[str, Any]:
    document = catalog.to_json_dict()
    if catalog.model_extra:
        dumped = catalog.model_dump(mode="json", include=set(catalog.model_extra))
        document.update(dumped)
    return document


def write_json(catalog: Catalog, target: Path | str | TextIO) -> None:
    """Write ``catalog`` as formats.md §1 JSON (UTF-8, indented) to a path or a text stream."""
    text = json.dumps(_document(catalog), ensure_ascii=False, indent=2) + "\n"
    if not isinstance(target, Path | str):
        target.write(text)
        return
    with replacing([Path(target)]) as (temp,):
        temp.write_text(text, encoding="utf-8")
