"""``cohost anchor run``: the virtual anchor presents an approved script to a live room (issue 6).

    cohost anchor run --script S… --on-duty 王五 [--source simulate|replay:FILE] [--minutes N] [--speed N]

The room reads the source through the live pipeline; the anchor speaks the script (espeak-ng offline, a
neural voice when built), answers the room's top question groups at sentence boundaries, and writes the
show's audio to ``<home>/anchor/<show>/audio.wav``. Every utterance is in the audit log
(``cohost`` subject ``show:<id>``, action ``anchor.utterance``). ``live_show`` is shared with ``cohost demo``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from cohost.anchor.lines import Line
from cohost.anchor.session import AnchorShow, ScaledClock, open_show
from cohost.cli.context import HomeOption, app_state, open_store
from cohost.clock import Clock
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import InputError
from cohost.events import End, ProductSwitch
from cohost.live.room import LiveRoom
from cohost.live.sources import Pacer, SourceSpec, lines_of, parse_source, peek_ts
from cohost.live.wiring import default_collaborators
from cohost.speech.tts import SpeechChunk
from cohost.store import Store

app = typer.Typer(help="虚拟主播 / the virtual anchor: present an approved script, answer the room.",
                  no_args_is_help=True)


class Printer:
    """Prints each utterance as it starts (what the audience hears, and why)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def event(self, record: dict[str, Any]) -> None:
        stamp = datetime.fromtimestamp(self.clock.time(), CHINA_TZ).strftime("%H:%M:%S")
        kind = record.get("kind")
        if kind == "caption":
            print(f"[{stamp}] 主播 ({record.get('source')}): {record.get('text')}", flush=True)
        elif kind in ("product_switch", "mode", "shift", "show"):
            rest = {k: v for k, v in record.items() if k not in ("kind", "ts")}
            print(f"[{stamp}] -- {kind} {rest}", flush=True)

    def audio(self, chunk: SpeechChunk, line: Line) -> None:
        return None


def _start_of(spec: SourceSpec) -> float | None:
    if spec.kind == "simulate" and spec.sim is not None:
        return spec.sim.start
    if spec.path is not None:
        for raw in spec.path.open("rb"):
            ts = peek_ts(raw)
            if ts is not None:
                return ts
    return None


async def feed(lines: Iterator[tuple[int, bytes]], room: LiveRoom, pacer: Pacer, show: AnchorShow) -> None:
    for ref, raw in lines:
        if show.runner.ended:
            return
        await pacer.wait_for(peek_ts(raw))
        room.accept(raw, ref)


async def live_show(store: Store, home: Path, *, script_id: str, on_duty: str, source: str, minutes: float,
                    speed: float, room_name: str = "sim", schedule: str | None = None, voice: str | None = None,
                    rtmp: str | None = None) -> dict[str, Any]:
    spec = parse_source(source, minutes=minutes, room=room_name)
    clock = ScaledClock(speed, start=_start_of(spec))
    room = LiveRoom(home, room_name, default_collaborators(store, clock.time), source=spec.identity())

    def switch(event: ProductSwitch) -> None:
        room.control(event)

    show = await asyncio.to_thread(open_show, store, home, script_id, on_duty=on_duty, clock=clock,
                                   queue=room.queue, listeners=[Printer(clock)], on_switch=switch,
                                   schedule=schedule, voice=voice, rtmp=rtmp)
    start = room.start()
    feeder = asyncio.create_task(feed(lines_of(spec, room.collaborators.products, start_after=start), room,
                                      Pacer(clock, 1.0), show))
    try:
        await show.runner.run(until=clock.time() + minutes * 60)
    finally:
        feeder.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await feeder
        room.control(End(ts=clock.time()))
        room.close(ended=True)
        summary = show.close()
    return {**summary, "room": room.room, "session": room.session, "queue_left": len(room.queue)}


def register_run(group: typer.Typer) -> None:
    @group.command("run")
    def run(
        ctx: typer.Context,
        script: Annotated[str, typer.Option("--script", help="approved script id")],
        on_duty: Annotated[str, typer.Option("--on-duty", help="the named person supervising the show")] = "",
        source: Annotated[str, typer.Option(help="simulate[:rate=…] or replay:FILE")] = "simulate",
        minutes: Annotated[float, typer.Option(help="how long the show runs")] = 5.0,
        speed: Annotated[float, typer.Option(help="time runs N times faster (1 = real time)")] = 1.0,
        room: Annotated[str, typer.Option(help="live room name")] = "sim",
        shifts: Annotated[str | None, typer.Option(help="'08:00-20:00 assisted 王五; 20:00-08:00 human 李四'")] = None,
        voice: Annotated[str | None, typer.Option(help="voice (cohost say --list-voices)")] = None,
        rtmp: Annotated[str | None, typer.Option(help="also push the audio to this RTMP URL (needs ffmpeg)")] = None,
        home: HomeOption = None,
    ) -> None:
        """开播 / present an approved script to a live room, answering its questions."""
        if not on_duty.strip():
            raise InputError("a show needs a named person on duty", hint="--on-duty 王五 (PLAT-DY-1: 真人驱动)")
        if minutes <= 0 or speed <= 0:
            raise InputError("--minutes and --speed must be above 0")
        settings = app_state(ctx).settings(home)
        began = time.monotonic()
        with open_store(settings) as store:
            summary = asyncio.run(live_show(store, settings.home, script_id=script, on_duty=on_duty, source=source,
                                            minutes=minutes, speed=speed, room_name=room, schedule=shifts,
                                            voice=voice, rtmp=rtmp))
        print(f"show {summary['show']}: {summary['counts']} · audio {summary['audio']} "
              f"({summary['audio_seconds']} s) · {time.monotonic() - began:.0f} s", flush=True)


register_run(app)
