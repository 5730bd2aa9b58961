"""``cohost catalog import|export|list|show``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, JsonOption, app_state, console, open_store
from cohost.domain import Product, ProductFact

app = typer.Typer(help="商品目录 / the product catalog: import, export, list, show.", no_args_is_help=True)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def _money(value: object) -> str:
    return "" if value is None else f"¥{value}"


@app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="catalog file: .json, .csv (+ side files) or .xlsx")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """导入商品目录（原子、幂等）/ import a catalog atomically; upsert by sku."""
    from cohost.catalog import read_catalog

    settings = app_state(ctx).settings(home)
    catalog = read_catalog(path)
    with open_store(settings) as store:
        counts = store.catalog.import_catalog(catalog, source=str(path))
    result = {"file": str(path), "products": counts.total, "added": counts.added, "updated": counts.updated,
              "unchanged": counts.unchanged, "shop_changed": counts.shop_changed}
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    console.print(
        f"导入完成 Imported {path.name}: {counts.total} products — "
        f"新增 added {counts.added}, 更新 updated {counts.updated}, 未变 unchanged {counts.unchanged}"
        + ("; 店铺信息已更新 shop updated" if counts.shop_changed else ""),
        highlight=False,
    )


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="json | csv | xlsx")] = ExportFormat.json,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="output file (json/csv: stdout if omitted)")] = None,
    home: HomeOption = None,
) -> None:
    """导出商品目录 / export the catalog (JSON is lossless)."""
    from cohost.catalog import write_catalog
    from cohost.errors import InputError

    if fmt is ExportFormat.xlsx and out is None:
        raise InputError("--out is required for xlsx export", hint="cohost catalog export --format xlsx --out shop.xlsx")
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        catalog = store.catalog.export()
    write_catalog(catalog, fmt.value, out, sys.stdout)
    if out is not None:
        console.print(f"已导出 Exported {len(catalog.products)} products to {out}", highlight=False)


@app.command("list")
def list_(
    ctx: typer.Context,
    category: Annotated[str | None, typer.Option(help="只看某个类目 / only this category")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="search sku, title, brand")] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """列出商品 / list products in lineup order."""
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        products = store.catalog.list(category=category, query=query)
    if as_json:
        print(json.dumps([p.to_json_dict() for p in products], ensure_ascii=False))
        return
    console.print(product_table(products, title=f"商品 Products ({len(products)})"))


def product_table(products: list[Product], *, title: str) -> Table:
    table = Table(title=title)
    for name in ("#", "SKU", "商品 Title", "类目 Category", "价格 Price", "原价 List", "库存 Stock"):
        table.add_column(name, no_wrap=name != "商品 Title")
    for p in products:
        table.add_row(str(p.display_order or ""), p.sku, p.title, p.category, _money(p.price),
                      _money(p.list_price), str(p.stock))
    return table


@app.command("show")
def show(
    ctx: typer.Context,
    sku: Annotated[str, typer.Argument(help="product sku")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """显示商品及其事实 / show one product with every fact it can be cited by."""
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        stored = store.catalog.get(sku)
        facts = store.catalog.facts(sku)
    if as_json:
        print(json.dumps({"product": stored.product.to_json_dict(),
                          "facts": [f.model_dump(mode="json") for f in facts]}, ensure_ascii=False))
        return
    p = stored.product
    console.print(f"[bold]{p.title}[/] ({p.sku}) · {p.category} · {p.brand or '—'}", highlight=False)
    console.print(fact_table(facts))


def fact_table(facts: list[ProductFact]) -> Table:
    table = Table(title=f"事实 Facts ({len(facts)})")
    table.add_column("ID", no_wrap=True)
    table.add_column("名称 Label")
    table.add_column("值 Value")
    table.add_column("有效期 Valid")
    for f in facts:
        window = ""
        if f.valid_from or f.valid_until:
            window = f"{f.valid_from:%Y-%m-%d %H:%M} → " if f.valid_from else "… → "
            window += f"{f.valid_until:%Y-%m-%d %H:%M}" if f.valid_until else "…"
        value = f"{f.context} → {f.value}" if f.context and f.field.startswith("faq") else str(f.value)
        table.add_row(f.id, f.label, value, window)
    return table
