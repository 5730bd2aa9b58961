"""A show wired up: an approved script from the store, the speech chain with the script pre-rendered, the
compliance checker, facts read at use time, the audit ledger, the WAV file, the stage hub, and a live
room's anchor queue. Used by ``cohost anchor run`` and ``cohost demo``.

    show = open_show(store, home, script_id, on_duty="王五", clock=clock, queue=room.queue)
    await show.runner.run(until=…)
    show.close()

Constraints: ``store.scripts.approved`` is asked first, so an unapproved or changed script never gets
as far as the speech engine; the show folder is ``<home>/anchor/<show id>/`` (``audio.wav`` and
``show.json``, the summary written on ``close``).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cohost.anchor.fillers import FILLERS
from cohost.anchor.ledger import AuditLedger, Ledger
from cohost.anchor.lines import parse_line
from cohost.anchor.outputs import RtmpPush, WavRecorder
from cohost.anchor.phrases import NOTICE_TEXT
from cohost.anchor.schedule import ShiftSchedule
from cohost.anchor.show import Listener, QueueLike, ShowConfig, ShowRunner
from cohost.clock import Clock
from cohost.domain import Product, Script
from cohost.events import ProductSwitch
from cohost.speech import CachedTTS, PrerenderCache, SpeechConfig, default_tts_env, prerender, speech_chain
from cohost.speech.tts import TTS
from cohost.store import Store
from cohost.store.scripts import person


class ScaledClock:
    """Real time, ``speed`` times faster (``speed`` 1 is the system clock), starting at ``start``."""

    def __init__(self, speed: float = 1.0, start: float | None = None) -> None:
        self.speed = max(0.01, speed)
        self._wall0 = time.time() if start is None else start
        self._mono0 = time.monotonic()

    def time(self) -> float:
        return self._wall0 + (time.monotonic() - self._mono0) * self.speed

    def monotonic(self) -> float:
        return (time.monotonic() - self._mono0) * self.speed

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.speed)


def script_texts(script: Script) -> list[str]:
    """Everything the anchor may say from the script and the fixed lines (to pre-render before the show)."""
    texts = [parse_line(line)[0] for seg in script.segments for line in seg.lines]
    return [t for t in texts if t] + list(FILLERS) + [NOTICE_TEXT]


def show_voice(home: Path, script: Script, voice: str | None, *, warm: bool = True) -> TTS:
    """The speech chain with this script pre-rendered into ``<home>/speech-cache``."""
    chain = speech_chain(SpeechConfig(home, default_tts_env()), voice)
    cache = PrerenderCache.in_home(home)
    if warm:
        prerender(script_texts(script), chain, cache, voice)
    return CachedTTS(chain, cache)


@dataclass
class AnchorShow:
    runner: ShowRunner
    folder: Path
    recorder: WavRecorder | None = None
    rtmp: RtmpPush | None = None
    started_at: float = field(default_factory=time.time)

    def close(self) -> dict[str, Any]:
        try:
            if self.recorder is not None:
                self.recorder.close()
        finally:
            if self.rtmp is not None:
                self.rtmp.close()  # always: never leave an ffmpeg behind
        summary = {"show": self.runner.show_id, "script_id": self.runner.script.id, "started_by": self.runner.starter,
                   "counts": self.runner.counts, "rounds": self.runner.round,
                   "audio": str(self.recorder.path) if self.recorder else None,
                   "audio_seconds": round(self.recorder.seconds, 1) if self.recorder else 0.0,
                   "rtmp": self.rtmp.status() if self.rtmp else None}
        (self.folder / "show.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        return summary


def open_show(store: Store, home: Path, script_id: str, *, on_duty: str, clock: Clock, queue: QueueLike | None,
              listeners: Sequence[Listener] = (), on_switch: Callable[[ProductSwitch], None] | None = None,
              schedule: str | None = None, voice: str | None = None, rtmp: str | None = None,
              tts: TTS | None = None, ledger: Ledger | None = None, wav: bool = True) -> AnchorShow:
    starter = person(on_duty, "--on-duty")
    script = store.scripts.approved(script_id)
    plan = ShiftSchedule.parse(schedule) if schedule else ShiftSchedule.always(starter)
    voice_tts = tts or show_voice(home, script, voice)
    show_id = f"{script.id}-{time.strftime('%Y%m%d-%H%M%S')}"
    folder = home / "anchor" / show_id
    folder.mkdir(parents=True, exist_ok=True)
    outputs: list[Listener] = list(listeners)
    push = RtmpPush(rtmp, sample_rate=voice_tts.sample_rate) if rtmp else None  # no ffmpeg / bad URL: before the WAV
    recorder: WavRecorder | None = None
    try:
        recorder = WavRecorder(folder / "audio.wav", sample_rate=voice_tts.sample_rate, clock=clock,
                               show_id=show_id) if wav else None
        outputs += [o for o in (recorder, push) if o is not None]

        def product(sku: str) -> Product | None:
            return store.catalog.find(sku)  # read at use time: prices and offers are never remembered

        from cohost.live.wiring import default_checker

        runner = ShowRunner(script, on_duty=starter, tts=voice_tts, clock=clock, checker=default_checker(),
                            products=product, ledger=ledger or AuditLedger(store.audit, show_id), queue=queue,
                            schedule=plan, listeners=outputs, on_switch=on_switch, config=ShowConfig(voice=voice),
                            show_id=show_id)
    except BaseException:
        if recorder is not None:
            recorder.close()
        if push is not None:
            push.close(timeout=2)
        raise
    return AnchorShow(runner, folder, recorder, push)
