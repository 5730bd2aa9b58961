"""``cohost report SHOW_ID --out REPORT.html`` (post-live review) and ``cohost show list [--json]``.

Shows live in ``<home>/shows/<show_id>/`` (see ``cohost.insights.shows`` for the layout).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, JsonOption, app_state, console
from cohost.config import Settings

show = typer.Typer(help="直播场次 / shows recorded in the home folder.", no_args_is_help=True)


def catalog_titles(settings: Settings) -> dict[str, str]:
    """Product titles from the catalog, when a database exists already (a report never creates one)."""
    if settings.database_url is None and not (settings.home / "cohost.db").is_file():
        return {}
    from cohost.store import Store

    store = Store.open(settings.resolved_database_url)
    try:
        return {p.sku: p.title for p in store.catalog.list()}
    finally:
        store.close()


@show.command("list")
def list_cmd(ctx: typer.Context, home: HomeOption = None, as_json: JsonOption = False) -> None:
    """列出场次 / list shows with their ids, newest first."""
    from cohost.insights.shows import list_shows

    settings = app_state(ctx).settings(home)
    shows = list_shows(settings.home)
    if as_json:
        print(json.dumps({"shows": shows}, ensure_ascii=False))
        return
    if not shows:
        console.print(f"没有场次 no shows in {settings.home / 'shows'}", highlight=False)
        return
    table = Table(title=f"场次 shows ({len(shows)})")
    for col in ("ID", "标题 Title", "开播 Started", "来源 Source", "报告 Report"):
        table.add_column(col)
    for s in shows:
        table.add_row(s["id"], s["title"] or "", (s["started_at"] or "")[:16], s["source"] or "",
                      "✓" if s["has_report"] else "")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(show, name="show")

    @app.command("report")
    def report(
        ctx: typer.Context,
        show_id: Annotated[str, typer.Argument(help="show id (see `cohost show list`)")],
        out: Annotated[Path | None, typer.Option("--out", help="HTML file (default <home>/shows/<id>/report.html)")] = None,
        pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="also print a PDF when Chromium is installed")] = True,
        home: HomeOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """直播复盘报告 / write the post-live report of a show as one self-contained HTML file (and a PDF)."""
        from cohost.insights.page import render_html, render_pdf, write_atomic
        from cohost.insights.review import review_show
        from cohost.insights.shows import ShowFolder

        settings = app_state(ctx).settings(home)
        folder = ShowFolder(settings.home, show_id).require()
        review = review_show(folder, catalog_titles(settings))
        target = out or folder.path / "report.html"
        write_atomic(target, render_html(review).encode("utf-8"))
        pdf_path = target.with_suffix(".pdf")
        printed = pdf and render_pdf(target, pdf_path)
        if as_json:
            print(json.dumps({"show": show_id, "html": str(target), "pdf": str(pdf_path) if printed else None,
                              "headline": review.headline, "improvements": review.improvements},
                             ensure_ascii=False))
            return
        h = review.headline
        console.print(f"已生成复盘报告 Report written: {target}" + (f" (+ {pdf_path.name})" if printed else ""),
                      highlight=False)
        console.print(f"{h['minutes']}分钟 · 峰值在线 {h['peak_online'] or '—'} · 订单 {h['orders']} · "
                      f"GMV ¥{h['gmv']:,.0f} · 未回答问题组 {h['unanswered_groups']}", highlight=False)
