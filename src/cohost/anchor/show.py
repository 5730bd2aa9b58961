"""The show runner: a run-of-show state machine over an approved script (issue 6, items 1, 4, 5).

    start → [spoken AI notice] → segment 0 line 0 → … → closing → (next round) …
              at every sentence boundary, in order:
              human text › AI notice due › up to ``max_answers`` answers from the anchor queue
              › a timed offer of the product just switched to › the next script line › filler

Constraints:

- Nothing unapproved is spoken: script lines come from an approved script (``store.scripts.approved``
  is checked by the caller, the status again here); answers, offers, recaps, fillers and notices pass the
  compliance checker (mode ``live``, with the product and the time) just before they are spoken, and a
  critical/high finding blocks the line (script lines too: an offer that has expired is not read out).
  Only a human's own text is spoken whatever the checker says (its findings are recorded).
- No sentence is repeated within ``repeat_window`` seconds (never back to back): a script line that would
  be is held back and the gap filled; answers pick another preface or wait.
- Takeover and kill stop the current sentence at the next clause; the script position only moves on
  when a sentence was said to the end, so after resume the cut sentence is said again from its start.
- The AI speaks only while a named person is on duty in an AI-assisted shift (PLAT-DY-1); a show cannot
  start without one. Every utterance and every switch goes to the ledger.
- Time comes from the ``Clock`` (``ManualClock`` in tests: playing a chunk advances it; nothing sleeps).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from cohost.anchor.fillers import FillerBank, RepeatGuard, offer_lines, recap_lines
from cohost.anchor.ledger import Ledger
from cohost.anchor.lines import Line, has_speech, parse_line
from cohost.anchor.phrases import answer_line, notice_line
from cohost.anchor.schedule import Shift, ShiftSchedule
from cohost.anchor.window import Window
from cohost.clock import Clock
from cohost.domain import Finding, Product, Script
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import CohostError, ConflictError
from cohost.events import ProductSwitch, Utterance
from cohost.speech.tts import TTS, SpeechChunk
from cohost.store.scripts import person

BLOCKING = ("critical", "high")


class QueueLike(Protocol):
    def peek(self, now: float, n: int = 10) -> list[tuple[Utterance, int]]: ...

    def pop(self, now: float) -> Utterance | None: ...


class CheckerLike(Protocol):
    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "text") -> list[Finding]: ...


class Listener(Protocol):
    """The stage page, the WAV file, an RTMP push: told about every event and every audio chunk."""

    def event(self, record: dict[str, Any]) -> None: ...

    def audio(self, chunk: SpeechChunk, line: Line) -> None: ...


@dataclass(frozen=True)
class ShowConfig:
    max_answers: int = 2
    notice_every: float = 900.0
    repeat_window: float = 600.0
    idle_step: float = 1.0
    lead: float = 0.25  # send audio this far ahead of the previous chunk's end (the page buffers it)
    threaded: bool = True  # synthesise off the event loop (real voices); False for fakes in tests
    voice: str | None = None


class ShowRunner:
    def __init__(self, script: Script, *, on_duty: str, tts: TTS, clock: Clock, checker: CheckerLike,
                 products: Callable[[str], Product | None], ledger: Ledger, queue: QueueLike | None = None,
                 schedule: ShiftSchedule | None = None, fillers: FillerBank | None = None,
                 listeners: Sequence[Listener] = (), on_switch: Callable[[ProductSwitch], None] | None = None,
                 config: ShowConfig | None = None, show_id: str = "") -> None:
        if script.status != "approved":
            raise ConflictError(f"script {script.id} is {script.status}: only an approved script goes live",
                                hint=f"cohost script approve {script.id} --by NAME")
        self.starter = person(on_duty, "--on-duty")
        self.script, self.tts, self.clock, self.checker = script, tts, clock, checker
        self.products, self.ledger, self.queue = products, ledger, queue
        self.schedule = schedule or ShiftSchedule.always(self.starter)
        self.config = config or ShowConfig()
        self.fillers = fillers or FillerBank(accept=self._acceptable)
        self.listeners = list(listeners)
        self.on_switch = on_switch
        self.show_id = show_id or script.id
        self.guard = RepeatGuard(self.config.repeat_window)
        self.mode = "ai"  # ai | human | killed
        self.shift: Shift | None = None
        self.segment, self.line_no, self.round = 0, 0, 1
        self.current_sku: str | None = None
        self.speaking: Line | None = None
        self.started = self.ended = False
        self.latencies = Window(2000)  # answer ready → first audio, seconds; preallocated
        self.counts: dict[str, int] = {}
        self._cut = False
        self._human: deque[Line] = deque(maxlen=50)
        self._offers: deque[str] = deque(maxlen=10)
        self._answers_in_row = 0
        self._last_notice = float("-inf")
        self._fill_turn = 0

    # control (the console's AnchorDriver) ---------------------------------------------------------------
    @property
    def on_duty(self) -> str | None:
        return self.shift.person if self.shift is not None else None

    def takeover(self, by: str, reason: str = "", text: str | None = None) -> None:
        self._switch("human", person(by), reason)
        if text:
            self.say_human(by, text)

    def resume(self, by: str) -> None:
        shift = self.schedule.at(self.clock.time())
        if shift is None or shift.mode != "assisted":
            raise ConflictError("no AI-assisted shift with a person on duty now: the AI may not present",
                                hint="change the shift schedule or present yourself")
        self._switch("ai", person(by), "resume")

    def kill(self, by: str, reason: str = "") -> None:
        self._switch("killed", person(by), reason or "kill switch")
        self._human.clear()
        self._offers.clear()
        while self.queue is not None and self.queue.pop(self.clock.time()) is not None:
            pass

    def say_human(self, by: str, text: str) -> None:
        """The person's own words, spoken at the next clause boundary (any mode but killed)."""
        if self.mode != "killed" and text.strip():
            self._human.append(Line(text.strip(), "human", {"by": person(by)}, by=person(by)))
            self._cut = self.speaking is not None and self.speaking.kind != "human"

    def end(self) -> None:
        self.ended = True
        self._cut = True

    def status(self) -> dict[str, Any]:
        segs = self.script.segments
        here = segs[self.segment] if self.segment < len(segs) else None
        return {"speaking": self.speaking is not None, "script_id": self.script.id, "mode": self.mode,
                "on_duty": self.on_duty, "round": self.round,
                "segment": None if here is None else {"index": self.segment, "kind": here.kind, "sku": here.sku,
                                                      "title": here.title, "line": self.line_no},
                "next_segments": [{"index": i, "kind": s.kind, "sku": s.sku, "title": s.title}
                                  for i, s in enumerate(segs) if i > self.segment][:4]}

    def _switch(self, mode: str, by: str, reason: str) -> None:
        before, self.mode = self.mode, mode
        if mode != "ai":
            self._cut = self.speaking is not None
        self._log(by, "anchor.mode", {"from": before, "to": mode, "reason": reason})
        self._emit({"kind": "mode", "mode": mode, "by": by, "reason": reason})

    # the loop -------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self._check_shift(self.clock.time())
        if self.on_duty is None:
            raise ConflictError("nobody is on duty now: a show cannot start without a responsible person",
                                hint="check the shift schedule")
        self._log(self.starter, "anchor.start", {"script_id": self.script.id, "started_by": self.starter,
                                                 "schedule": self.schedule.describe()})
        self._emit({"kind": "show", "state": "started", "script_id": self.script.id, "on_duty": self.on_duty})

    async def run(self, *, until: float | None = None) -> None:
        """Present until ``until`` (clock time) or ``end()``."""
        self.start()
        while not self.ended and (until is None or self.clock.time() < until):
            await self.step()
        self._log("anchor", "anchor.end", {"counts": dict(self.counts)})
        self._emit({"kind": "show", "state": "ended"})

    async def step(self) -> None:
        """One sentence boundary: say the next thing, or wait a moment if there is nothing to say."""
        now = self.clock.time()
        self._check_shift(now)
        line = self._human.popleft() if self._human else None
        if line is None and self.mode == "ai" and self.shift is not None and self.shift.mode == "assisted":
            line = self.next_line(now)
        if line is None:
            await self.clock.sleep(self.config.idle_step)
            return
        await self.say(line)

    def next_line(self, now: float) -> Line | None:
        if now - self._last_notice >= self.config.notice_every:
            notice = notice_line()
            if self.guard.allowed(notice.text, now):
                return notice
        if self.queue is not None and self._answers_in_row < self.config.max_answers:
            line = self._answer(now)
            if line is not None:
                return line
        while self._offers:
            sku = self._offers.popleft()
            product = self.products(sku)
            offers = [o for o in offer_lines(product, _when(now)) if self.guard.allowed(o.text, now)] if product else []
            if offers:
                return offers[0]
        line = self._script_line(now)
        return line if line is not None else self._filler(now)

    def _answer(self, now: float) -> Line | None:
        assert self.queue is not None
        top = self.queue.peek(now, 1)
        if not top:
            return None
        count = top[0][1]
        utterance = self.queue.pop(now)
        if utterance is None:
            return None
        product = self.products(utterance.sku) if utterance.sku else None
        return answer_line(utterance, count, product, lambda t: self.guard.allowed(t, now))

    def _script_line(self, now: float) -> Line | None:
        segs = self.script.segments
        for _ in range(sum(len(s.lines) for s in segs) + len(segs) + 1):
            if self.segment >= len(segs):
                self.segment, self.line_no, self.round = 0, 0, self.round + 1
            seg = segs[self.segment]
            if self.line_no >= len(seg.lines):
                self.segment, self.line_no = self.segment + 1, 0
                continue
            if self.line_no == 0 and seg.sku and seg.sku != self.current_sku:
                self._product_switch(seg.sku, now)
            text, cues, pause = parse_line(seg.lines[self.line_no])
            if not has_speech(text):
                self.line_no += 1
                continue
            if not self.guard.allowed(text, now):
                return None  # hold the script here and fill until the window has passed
            return Line(text, "script", {"segment": self.segment, "line": self.line_no, "round": self.round},
                        facts=tuple(seg.facts), sku=seg.sku, cues=cues, pause=pause)
        return None

    def _filler(self, now: float) -> Line | None:
        self._fill_turn += 1
        product = self.products(self.current_sku) if self.current_sku else None
        if product is not None and self._fill_turn % 2 == 0:
            for line in [*offer_lines(product, _when(now)), *recap_lines(product)]:
                if self.guard.allowed(line.text, now):
                    return line
        return self.fillers.pick(self.guard, now)

    def _product_switch(self, sku: str, now: float) -> None:
        self.current_sku = sku
        self._offers.append(sku)
        event = ProductSwitch(ts=now, sku=sku)
        if self.on_switch is not None:
            self.on_switch(event)
        self._emit({"kind": "product_switch", "sku": sku, "ts": now})

    def _check_shift(self, now: float) -> None:
        shift = self.schedule.at(now)
        if shift == self.shift:
            return
        before, self.shift = self.shift, shift
        detail = {"from": before.label() if before else None, "to": shift.label() if shift else None,
                  "on_duty": shift.person if shift else None}
        self._log(shift.person if shift else "anchor", "anchor.shift", detail)
        self._emit({"kind": "shift", **detail})
        if shift is None or shift.mode == "human":
            self._cut = self.speaking is not None and self.speaking.kind != "human"

    # speaking -------------------------------------------------------------------------------------------
    def _acceptable(self, text: str) -> bool:
        return not any(f.severity in BLOCKING for f in self.checker.check(text, mode="live"))

    async def say(self, line: Line) -> str:
        """Check, synthesise and play ``line`` clause by clause; returns spoken|blocked|cut|failed."""
        now = self.clock.time()
        product = self.products(line.sku) if line.sku else None
        findings = self.checker.check(line.text, product=product, now=_when(now), mode="live")
        blocking = [f for f in findings if f.severity in BLOCKING]
        status = "spoken"
        seconds = 0.0
        if blocking and line.kind != "human":
            status = "blocked"
        else:
            status, seconds = await self._play(line)
        if status == "spoken":
            self._done(line, now)
        elif status == "blocked" and line.kind == "script":
            self.line_no += 1  # a blocked script line is skipped, never said later
        self.counts[status] = self.counts.get(status, 0) + 1
        self._log(line.by or "anchor", "anchor.utterance", {
            "text": line.text, "source": line.describe(), "facts": list(line.facts), "sku": line.sku,
            "status": status, "seconds": round(seconds, 2), "ts": round(now, 3),
            "at": _when(now).isoformat(timespec="seconds"), "on_duty": self.on_duty, "mode": self.mode,
            "script_id": self.script.id,
            "compliance": {"ok": not blocking, "findings": [
                {"rule": f.rule, "severity": f.severity, "text": f.text} for f in findings]}})
        return status

    def _done(self, line: Line, now: float) -> None:
        self.guard.said(line.text, now)
        if line.kind == "script":
            self.line_no += 1
            self._answers_in_row = 0
        elif line.kind == "answer":
            self._answers_in_row += 1
        elif line.kind == "notice":
            self._last_notice = now

    async def _play(self, line: Line) -> tuple[str, float]:
        try:
            chunks = self.tts.stream(line.text, self.config.voice)
        except CohostError:
            return "failed", 0.0
        self.speaking, self._cut = line, False
        self._emit({"kind": "caption", "text": line.text, "source": line.kind, "cues": list(line.cues)})
        played, ahead = 0.0, 0.0
        try:
            while True:
                chunk = await self._next(chunks)
                if chunk is None:
                    break
                if played == 0.0 and line.ready is not None:
                    self.latencies.append(time.perf_counter() - line.ready)
                for listener in self.listeners:
                    listener.audio(chunk, line)
                played += chunk.duration
                ahead += chunk.duration
                wait = ahead - self.config.lead
                if wait > 0:
                    await self.clock.sleep(wait)
                    ahead -= wait
                if self._cut or self.mode == "killed" or self.ended:
                    return "cut", played
            if ahead > 0:
                await self.clock.sleep(ahead)
            if line.pause > 0:
                await self.clock.sleep(line.pause)
            return "spoken", played
        except CohostError:
            return "failed", played
        finally:
            self.speaking = None
            self._emit({"kind": "caption_end", "source": line.kind})

    async def _next(self, chunks: Iterator[SpeechChunk]) -> SpeechChunk | None:
        if self.config.threaded:
            return await asyncio.to_thread(next, chunks, None)
        return next(chunks, None)

    def _emit(self, record: dict[str, Any]) -> None:
        for listener in self.listeners:
            listener.event(record)

    def _log(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.ledger.record(actor, action, {"show": self.show_id, **detail})


def _when(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, CHINA_TZ)
