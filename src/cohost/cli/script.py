"""``cohost script new|show|list|submit|approve|reject|edit|history``: run-of-show scripts and their review.

``new`` prints the new draft's id alone on standard output (so ``ID=$(cohost script new …)`` works) and
a summary on standard error; ``--out`` gets the whole Script JSON (formats.md §3 keys plus the rest).
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, JsonOption, app_state, console, err_console, open_store
from cohost.config import Settings
from cohost.errors import InputError
from cohost.store import Store

if TYPE_CHECKING:
    from cohost.content import ContentStudio

app = typer.Typer(help="直播脚本 / run-of-show scripts: write, review, approve.", no_args_is_help=True)

ByOption = Annotated[str, typer.Option("--by", help="审核人/编辑人姓名 / the named person doing this")]
CommentOption = Annotated[str | None, typer.Option("--comment", "-m", help="意见 / comment")]


class ViewFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def parse_start(text: str | None) -> datetime | None:
    """ISO 8601; a time without a zone is China time (UTC+08:00), as merchants write it."""
    if text is None:
        return None
    from cohost.domain.catalog import CHINA_TZ

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(f"--start {text!r} is not an ISO time", hint="e.g. 2026-11-20T20:00:00+08:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TZ)


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename."""
    check_writable(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror}") from exc


def check_writable(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    if not path.parent.exists():
        raise InputError(f"{path.parent}: folder does not exist")


def studio(store: Store, settings: Settings, *, llm: bool = False) -> ContentStudio:
    from cohost.content import ContentStudio

    model = None
    if llm:
        from cohost.providers.registry import llm_chain

        model = llm_chain(settings)
    return ContentStudio(store, llm=model)


@app.command("new")
def new(
    ctx: typer.Context,
    skus: Annotated[str, typer.Option("--skus", help="商品编码，逗号分隔 / comma-separated skus, in show order")],
    minutes: Annotated[float, typer.Option("--minutes", help="直播时长（分钟）/ show length in minutes")],
    out: Annotated[Path, typer.Option("--out", "-o", help="脚本 JSON 输出文件 / where to write the Script JSON")],
    style: Annotated[str, typer.Option(help="热情 | 专业 | 亲切 | 幽默")] = "热情",
    audience: Annotated[str | None, typer.Option(help="目标受众 / who is watching, e.g. 25-35岁上班族")] = None,
    seed: Annotated[int | None, typer.Option(help="随机种子，便于复现 / seed for a reproducible script")] = None,
    start: Annotated[str | None, typer.Option(help="开播时间 ISO / show start (offers are chosen for it)")] = None,
    rate: Annotated[float, typer.Option(help="语速（字/秒）/ speaking rate, characters per second")] = 4.5,
    title: Annotated[str | None, typer.Option(help="脚本标题 / a title for people")] = None,
    llm: Annotated[bool, typer.Option("--llm", help="用配置的大模型润色 / let the configured LLM rephrase")] = False,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """生成直播脚本并存为草稿 / write a run-of-show script, store it as a draft, print its id."""
    from cohost.content import ShowRequest

    request = ShowRequest.build(skus, minutes, style=style, audience=audience, seed=seed,
                                start=parse_start(start), rate=rate, title=title)
    check_writable(out)  # before any work is done
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        script = studio(store, settings, llm=llm).compose(request)
        write_atomic(out, json.dumps(script.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
        store.scripts.add(script, actor=os.environ.get("USER", "cli"))
    if as_json:
        print(json.dumps({"id": script.id, "status": script.status, "out": str(out), "minutes": script.minutes,
                          "seconds": round(script.total_seconds, 1), "segments": len(script.segments),
                          "fixes": len(script.fixes), "notes": script.notes}, ensure_ascii=False))
        return
    print(script.id)
    err_console.print(
        f"草稿已保存 Draft stored: {len(script.segments)} segments, {script.total_seconds / 60:.1f} of "
        f"{script.minutes:g} min, {len(script.fixes)} auto-fixes → {out}", highlight=False)
    for note in script.notes:
        err_console.print(f"提示 Note: {note}", highlight=False)


@app.command("show")
def show(
    ctx: typer.Context,
    script_id: Annotated[str, typer.Argument(metavar="ID")],
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="md | html | json")] = ViewFormat.md,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="write to a file instead of stdout")] = None,
    home: HomeOption = None,
) -> None:
    """显示脚本 / show a script as Markdown, HTML or JSON."""
    from cohost.content.rendering import markdown, to_html

    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        script = store.scripts.get(script_id)
    if fmt is ViewFormat.json:
        text = json.dumps(script.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    else:
        text = markdown(script) if fmt is ViewFormat.md else to_html(script)
    if out is not None:
        write_atomic(out, text)
        err_console.print(f"已写入 Wrote {out}", highlight=False)
    else:
        print(text, end="")


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="draft | in_review | approved | rejected")] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """列出脚本 / list scripts, newest first."""
    if status and status not in ("draft", "in_review", "approved", "rejected"):
        raise InputError(f"--status {status!r}: choose draft, in_review, approved or rejected")
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        items = store.scripts.list(status=status)
    if as_json:
        print(json.dumps([{"id": s.id, "title": s.title, "status": s.status, "minutes": s.minutes,
                           "style": s.style, "skus": s.skus, "version": s.version, "reviewer": s.reviewer,
                           "created_at": s.created_at.isoformat(), "updated_at": s.updated_at.isoformat()}
                          for s in items], ensure_ascii=False))
        return
    table = Table(title=f"脚本 Scripts ({len(items)})")
    for name in ("ID", "状态 Status", "标题 Title", "分钟 Min", "商品 SKUs", "审核 Reviewer", "更新 Updated"):
        table.add_column(name)
    for s in items:
        table.add_row(s.id, s.status, s.title or "", f"{s.minutes:g}", ",".join(s.skus[:4])
                      + ("…" if len(s.skus) > 4 else ""), s.reviewer or "", f"{s.updated_at:%Y-%m-%d %H:%M}")
    console.print(table)


def _step(ctx: typer.Context, home: Path | None, action: str, script_id: str, by: str, comment: str | None) -> None:
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        script = getattr(store.scripts, action)(script_id, by=by, comment=comment)
    print(f"{script.id} {script.status}")


@app.command("submit")
def submit(ctx: typer.Context, script_id: Annotated[str, typer.Argument(metavar="ID")], by: ByOption,
           comment: CommentOption = None, home: HomeOption = None) -> None:
    """提交审核 / submit a draft for review."""
    _step(ctx, home, "submit", script_id, by, comment)


@app.command("approve")
def approve(ctx: typer.Context, script_id: Annotated[str, typer.Argument(metavar="ID")], by: ByOption,
            comment: CommentOption = None, home: HomeOption = None) -> None:
    """批准 / approve a script in review (only approved scripts can go live)."""
    _step(ctx, home, "approve", script_id, by, comment)


@app.command("reject")
def reject(ctx: typer.Context, script_id: Annotated[str, typer.Argument(metavar="ID")], by: ByOption,
           comment: Annotated[str, typer.Option("--comment", "-m", help="驳回原因（必填）/ why (required)")],
           home: HomeOption = None) -> None:
    """驳回 / reject a script in review, saying what to change."""
    _step(ctx, home, "reject", script_id, by, comment)


@app.command("edit")
def edit(
    ctx: typer.Context,
    script_id: Annotated[str, typer.Argument(metavar="ID")],
    file: Annotated[Path, typer.Option("--file", "-f", help="编辑后的脚本 JSON / the edited Script JSON")],
    by: ByOption,
    comment: CommentOption = None,
    home: HomeOption = None,
) -> None:
    """人工修改 / apply a human edit: the diff is recorded and every line is re-checked."""
    from cohost.content.review import read_edit

    doc = read_edit(file)
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        script = studio(store, settings).edit(script_id, doc, by=by, comment=comment, source=str(file))
        diff = store.scripts.history(script_id)[-1].diff or ""
    print(f"{script.id} {script.status} v{script.version}")
    err_console.print(diff, highlight=False, markup=False)
    for f in script.findings:
        err_console.print(f"待处理 Open: 段{f.segment + 1} 行{f.line + 1} {f.rule} “{f.text}” {f.message}",
                          highlight=False, markup=False)


@app.command("history")
def history(ctx: typer.Context, script_id: Annotated[str, typer.Argument(metavar="ID")],
            home: HomeOption = None, as_json: JsonOption = False) -> None:
    """审核记录 / the review trail: who did what, when, with comments and diffs."""
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        events = store.scripts.history(script_id)
    if as_json:
        print(json.dumps([{"action": e.action, "actor": e.actor, "from": e.from_status, "to": e.to_status,
                           "version": e.version, "comment": e.comment, "diff": e.diff, "at": e.at.isoformat()}
                          for e in events], ensure_ascii=False))
        return
    for e in events:
        console.print(f"{e.at:%Y-%m-%d %H:%M} v{e.version} {e.action} by {e.actor}: {e.from_status or '-'} → "
                      f"{e.to_status}" + (f" — {e.comment}" if e.comment else ""), highlight=False, markup=False)
