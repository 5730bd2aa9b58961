"""``cohost live run`` and ``cohost live simulate`` (formats.md §2–§3).

``run`` reads a replay or a simulated audience through the live pipeline, writes every output event as
JSON Lines (``--json-out FILE``, or ``-`` for standard output) and shows a live summary in the terminal.
Interrupted or killed, the same command resumes the room's session from its evidence log: nothing
accepted is lost and nothing is answered twice.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

from cohost.cli.context import HomeOption, app_state, open_store
from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.errors import InputError
from cohost.events import End
from cohost.live.room import LiveConfig, LiveRoom
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.live.sources import Pacer, SourceSpec, lines_of, parse_source, peek_ts
from cohost.live.wiring import default_collaborators, guard_note

app = typer.Typer(help="直播间 / the live room: read comments, group, answer or escalate, advise.",
                  no_args_is_help=True)


class Summary:
    """What the terminal shows while the room runs (masked text only)."""

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.routes: Counter[str] = Counter()
        self.moderation: Counter[str] = Counter()
        self.problems: Counter[str] = Counter()
        self.first_problems: list[str] = []
        self.pii = 0
        self.metrics: dict[str, Any] = {}
        self.suggestions: list[str] = []
        self.groups: dict[str, dict[str, Any]] = {}

    def __call__(self, record: dict[str, Any]) -> None:
        kind = record["kind"]
        self.kinds[kind] += 1
        if kind == "comment":
            self.moderation[record["moderation"]] += 1
            self.pii += bool(record["pii"])
        elif kind == "answer":
            self.routes[record["route"]] += 1
        elif kind == "group":
            self.groups[record["group"]] = record
            if len(self.groups) > 200:
                self.groups.pop(next(iter(self.groups)))
        elif kind == "metrics":
            self.metrics = record
        elif kind == "suggestion":
            self.suggestions = [*self.suggestions[-4:], f"[{record['code']}] {record['message']}"]
        elif kind == "error":
            self.problems[record["code"]] += 1
            if len(self.first_problems) < 10:
                self.first_problems.append(record["message"])

    def table(self, room: LiveRoom) -> Table:
        m = self.metrics
        table = Table(title=f"直播间 {room.room} · 会话 {room.session}{' (续跑 resumed)' if room.resumed else ''}",
                      show_header=False, expand=False)
        table.add_column("k", style="bold")
        table.add_column("v")
        table.add_row("评论 comments", f"{self.kinds['comment']}  (审核 moderated: "
                      + ", ".join(f"{k} {v}" for k, v in self.moderation.items() if k != "ok") + f"; 隐私打码 PII {self.pii})")
        table.add_row("问题组 groups", f"{self.kinds['group']} 条更新, 回答 answers {self.kinds['answer']} "
                      f"(主播 anchor {self.routes['anchor']} · 公屏 chat {self.routes['chat']} · 人工 human {self.routes['human']})")
        table.add_row("人工队列 escalations", str(self.kinds["escalation"]))
        table.add_row("在线 online", "—" if not m or m.get("online") is None else str(m["online"]))
        if m:
            table.add_row("每分钟 per min", f"评论 {m['comments_per_min']} · 进 {m['enters_per_min']} · 出 {m['leaves_per_min']} · "
                          f"订单 {m['orders_per_min']} · GMV ¥{m['gmv']}")
        top = sorted(self.groups.values(), key=lambda g: -g["count"])[:3]
        for g in top:
            table.add_row(f"热问 {g['group']}", f"×{g['count']} {g['intent']} {g['sku'] or ''} 「{g['examples'][0][:30]}」")
        for text in self.suggestions[-3:]:
            table.add_row("建议 suggestion", text[:100])
        if self.problems:
            table.add_row("输入问题 problems", ", ".join(f"{k} {v}" for k, v in self.problems.most_common()))
        return table


def _room_name(spec: SourceSpec, room: str | None) -> str:
    if room:
        return room
    if spec.sim is not None:
        return spec.sim.room
    assert spec.path is not None
    with spec.path.open("rb") as fh:
        for _ in range(1000):
            line = fh.readline(1 << 16)
            if not line:
                break
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            if isinstance(doc, dict) and isinstance(doc.get("room"), str) and doc["room"]:
                return str(doc["room"])
    return "r1"


async def _paced(room: LiveRoom, lines: Any, pacer: Pacer, refresh: Any) -> None:
    for ref, raw in lines:
        await pacer.wait_for(peek_ts(raw))
        room.accept(raw, ref)
        refresh()


def run_room(room: LiveRoom, spec: SourceSpec, *, speed: float, minutes: float | None, clock: Clock = SYSTEM_CLOCK,
             refresh: Any = lambda: None) -> None:
    """Feed the source into the room (resuming after its last logged ref) and end the session."""
    start_after = room.start()
    lines = lines_of(spec, room.collaborators.products, start_after=start_after)
    if minutes is not None and spec.kind == "replay":
        lines = _until(lines, room, minutes)
    if speed == 0:
        for ref, raw in lines:
            room.accept(raw, ref)
            refresh()
    else:
        asyncio.run(_paced(room, lines, Pacer(clock, speed), refresh))
    room.control(End(ts=room.stream_time))
    room.close(ended=True)


def _until(lines: Any, room: LiveRoom, minutes: float) -> Any:
    first: float | None = None
    for ref, raw in lines:
        ts = peek_ts(raw)
        if ts is not None:
            first = ts if first is None else first
            if ts - first > minutes * 60:
                return
        yield ref, raw


@app.command("run")
def run(
    ctx: typer.Context,
    source: Annotated[str, typer.Option("--source", help="replay:FILE 或 simulate[:rate=50,minutes=5,seed=7]")],
    speed: Annotated[float, typer.Option(help="回放倍速 replay speed; 0 = as fast as possible")] = 0.0,
    json_out: Annotated[str | None, typer.Option("--json-out", help="输出事件 JSON Lines (FILE, or - for stdout)")] = None,
    room: Annotated[str | None, typer.Option(help="直播间 room id (default: from the source)")] = None,
    minutes: Annotated[float | None, typer.Option(help="模拟时长/回放截止 minutes to simulate or replay")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只在结束时打印汇总 summary at the end only")] = False,
    home: HomeOption = None,
) -> None:
    """实时处理直播间 / run the live pipeline over a replay or a simulated audience."""
    if speed < 0:
        raise InputError("--speed must be 0 (as fast as possible) or more")
    if minutes is not None and minutes <= 0:
        raise InputError("--minutes must be more than 0")
    spec = parse_source(source, minutes=minutes, room=room)
    settings = app_state(ctx).settings(home)
    to_stdout = json_out == "-"
    console = Console(stderr=to_stdout)
    with open_store(settings) as store:
        holder: list[LiveRoom] = []
        collaborators = default_collaborators(store, lambda: holder[0].stream_time if holder else 0.0)
        if spec.kind == "simulate" and not collaborators.products:
            raise InputError("the catalog is empty: the simulator draws questions from it",
                             hint="cohost catalog import examples/catalog/shop.json")
        summary = Summary()

        def on_record(record: dict[str, Any]) -> None:
            summary(record)
            if to_stdout:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")

        live_room = LiveRoom(settings.home, _room_name(spec, room), collaborators, source=spec.identity(),
                             config=LiveConfig(), json_out=None if to_stdout or json_out is None else Path(json_out),
                             on_record=on_record)
        holder.append(live_room)
        note = guard_note(collaborators)
        if note:
            console.print(f"[yellow]注意 note:[/] {note}", highlight=False)
        interactive = console.is_terminal and not quiet
        try:
            if interactive:
                with Live(summary.table(live_room), console=console, refresh_per_second=4) as view:
                    run_room(live_room, spec, speed=speed, minutes=minutes,
                             refresh=lambda: view.update(summary.table(live_room)))
            else:
                run_room(live_room, spec, speed=speed, minutes=minutes)
        except KeyboardInterrupt:
            live_room.close(ended=False)
            console.print("已中断，下次同样的命令会从断点续跑 / interrupted: run the same command to resume")
            raise typer.Exit(130) from None
        if not interactive:
            console.print(summary.table(live_room))
        for message in summary.first_problems:
            console.print(f"  · {message}", highlight=False)
        if live_room.show_path is not None:
            console.print(f"复盘数据 show folder: {live_room.show_path}", highlight=False)


@app.command("simulate")
def simulate(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help="写出回放文件 replay file to write (JSON Lines)")],
    rate: Annotated[float, typer.Option(help="每秒评论数 comments per second")] = 20.0,
    minutes: Annotated[float, typer.Option(help="时长 minutes")] = 10.0,
    seed: Annotated[int, typer.Option(help="随机种子 seed")] = 7,
    room: Annotated[str, typer.Option(help="直播间 room id")] = "sim",
    labels: Annotated[bool, typer.Option("--labels", help="附带标注 add a label object to chat lines")] = False,
    home: HomeOption = None,
) -> None:
    """模拟观众 / write a simulated live room (seeded) as a replay file."""
    try:
        options = SimOptions(rate=rate, minutes=minutes, seed=seed, room=room, labels=labels)
        if rate < 0 or minutes <= 0:
            raise ValueError("rate must be ≥ 0 and minutes > 0")
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        products = store.catalog.list()
    if not products:
        raise InputError("the catalog is empty: the simulator draws questions from it",
                         hint="cohost catalog import examples/catalog/shop.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for event in AudienceSimulator(products, options).events():
            fh.write(json.dumps(event, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(out)
    Console(stderr=True).print(f"写出 wrote {count} events to {out}", highlight=False)
