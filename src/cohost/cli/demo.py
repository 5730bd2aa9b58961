"""``cohost demo``: the whole offline loop on the bundled example catalog, with no network and no keys."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, app_state, console, open_store
from cohost.errors import InputError

REPO_EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "catalog" / "shop.json"


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        ctx: typer.Context,
        catalog: Annotated[Path | None, typer.Option(help="catalog to load (default: examples/catalog/shop.json)")] = None,
        port: Annotated[int | None, typer.Option(help="API port (default 8000)")] = None,
        serve: Annotated[bool, typer.Option("--serve/--no-serve", help="serve the API after loading")] = True,
        home: HomeOption = None,
    ) -> None:
        """演示 / load the example shop into a fresh demo home and serve it at http://127.0.0.1:8000."""
        from cohost.catalog import read_catalog
        from cohost.cli.serve import run_server

        source = catalog or REPO_EXAMPLE
        if not source.is_file():
            raise InputError(f"example catalog not found: {source}", hint="pass --catalog PATH")
        base = app_state(ctx).settings(home)
        demo_home = base.home / "demo"
        shutil.rmtree(demo_home, ignore_errors=True)  # the demo's own folder: every run starts fresh
        settings = app_state(ctx).settings(demo_home, port=port)
        loaded = read_catalog(source)
        with open_store(settings) as store:
            counts = store.catalog.import_catalog(loaded, source=str(source))
            by_category = store.catalog.categories()
            shop = store.catalog.shop()
            products = store.catalog.list()
        table = Table(title=f"{shop.name} · 演示目录 demo catalog ({counts.total} 件商品 products)")
        for col in ("类目 Category", "商品数 Products", "库存合计 Stock", "售罄 Sold out", "价格区间 Price range"):
            table.add_column(col)
        for cat, n in by_category.items():
            items = [p for p in products if p.category == cat]
            prices = [p.price for p in items]
            table.add_row(cat, str(n), str(sum(p.stock for p in items)), str(sum(p.stock == 0 for p in items)),
                          f"¥{min(prices)} – ¥{max(prices)}")
        console.print(table)
        console.print(f"数据目录 home: {settings.home.resolve()}", highlight=False)
        if serve:
            console.print(f"API: http://{settings.host}:{settings.port}/api/products  ·  "
                          f"文档 docs: http://{settings.host}:{settings.port}/docs  (Ctrl+C 退出 to stop)",
                          highlight=False)
            run_server(settings)
