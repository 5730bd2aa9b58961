"""One live room: the live path as a plain list of stages, the sealed log in front of it, resumable outputs
behind it.

    source → [evidence log] → normalize → mask → moderate → understand (classify + link) → aggregate → answer → guard
           → route → metrics (+ advisor)                → outputs (journals, feed, terminal)

Constraints:

- ``admit`` appends the raw line to the evidence log and only then is it processed; ``ref`` is the
  source's line number (replay, simulate) or the log position (ingest).
- Control signals (takeover, resume, product switch, end, ticks) skip the input queue, but are logged
  with the position they were applied at, so a replay after a crash applies them at the same point.
- A session is resumed when the room's last session is still running with the same source; otherwise a
  new session starts. Resuming replays the log silently (outputs already written are skipped by the
  journals, answers come from the memo) and then the caller continues the source after ``last_ref``.
- The heap is settled (``cohost.live.heap``) when the room starts and every ``settle_every`` events, so
  the garbage collector's full passes never walk the catalog, indexes and caches (they stalled rooms).
- An ended session is also written as a show folder for the post-live review (``cohost.live.showfile``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cohost.domain import Product
from cohost.errors import InputError
from cohost.events import Control, End, ProductSwitch, Resume, Takeover, Tick
from cohost.live import evidence
from cohost.live.advisor import Advisor
from cohost.live.answercache import AnswerCache
from cohost.live.answering import Answerer, AnswerStage, GuardStage, TextChecker
from cohost.live.grouping import AggregateStage
from cohost.live.heap import HeapSettler
from cohost.live.journal import AnswerMemo, LineJournal, dumps
from cohost.live.metrics import MetricsStage, RoomMetrics
from cohost.live.pipeline import LivePipeline
from cohost.live.records import to_record
from cohost.live.routing import AnchorQueue, RouteStage
from cohost.live.screening import MaskStage, ModerateStage, NormalizeStage
from cohost.live.showfile import write_show
from cohost.live.understanding import Reader, UnderstandStage
from cohost.live.wire import WireReader

log = logging.getLogger(__name__)
ROOM_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
_CONTROLS: dict[str, type[Control]] = {"takeover": Takeover, "resume": Resume, "product_switch": ProductSwitch,
                                       "end": End, "tick": Tick}


@dataclass(frozen=True)
class LiveConfig:
    group_window: float = 120.0
    metrics_interval: float = 60.0
    advise_every: float = 10.0
    queue_size: int = 10_000
    evidence_key_env: str = "COHOST_EVIDENCE_KEY"
    fsync_interval: float = 1.0
    settle_every: int = 5_000  # events between two heap settles (``cohost.live.heap``); 0 = never


@dataclass
class Collaborators:
    """What the room needs from the rest of Cohost; tests pass fakes from ``cohost.testing.live_fakes``."""

    reader: Reader
    answerer: Answerer
    checker: TextChecker
    products: Sequence[Product] = field(default_factory=list)
    answer_cache: AnswerCache | None = None


def check_room(room: str) -> str:
    if not ROOM_NAME.match(room):
        raise InputError(f"bad room name {room[:80]!r}: use letters, digits, '-', '_' or '.' (at most 64)")
    return room


def build_pipeline(c: Collaborators, *, config: LiveConfig, memo: AnswerMemo | None = None,
                   queue: AnchorQueue | None = None, metrics: RoomMetrics | None = None) -> LivePipeline:
    """The live path, in order. This list is the design; read it before reading any stage."""
    by_sku = {p.sku: p for p in c.products}
    metrics = metrics if metrics is not None else RoomMetrics()
    return LivePipeline([
        NormalizeStage(),
        MaskStage(),
        ModerateStage(),
        UnderstandStage(c.reader),  # classify and link product: one reading by the Q&A core
        AggregateStage(window=config.group_window),
        AnswerStage(c.answerer, memo, c.answer_cache),
        GuardStage(c.checker, by_sku.get, memo, metrics.platform_figures),
        RouteStage(queue),
        MetricsStage(metrics, interval=config.metrics_interval, advisor=Advisor(by_sku),
                     advise_every=config.advise_every),
    ])


class LiveRoom:
    """A room session over one source. Not thread-safe: one task feeds it (``RoomRunner`` in the server)."""

    def __init__(self, home: Path, room: str, collaborators: Collaborators, *, source: str,
                 config: LiveConfig | None = None, json_out: Path | None = None,
                 on_record: Callable[[dict[str, Any]], None] | None = None, keep_journal: bool = True) -> None:
        self.home = home
        self.room = check_room(room)
        self.collaborators = collaborators
        self.source = source
        self.config = config or LiveConfig()
        self.json_out = json_out
        self.on_record = on_record
        self.keep_journal = keep_journal
        self.queue = AnchorQueue()
        self.metrics = RoomMetrics()
        self.reader = WireReader(room)
        self.session = ""
        self.resumed = False
        self.replayed = 0
        self.processed_ref = 0
        self.problems = 0
        self._log: evidence.EvidenceLog | None = None
        self._journals: list[LineJournal] = []
        self._memo: AnswerMemo | None = None
        self.pipeline: LivePipeline | None = None
        self._log_path: Path | None = None
        self._key: bytes | None = None
        self.show_path: Path | None = None
        self.heap = HeapSettler(self.config.settle_every)

    # paths ----------------------------------------------------------------------------------------------
    @property
    def state_dir(self) -> Path:
        return self.home / "live" / self.room

    def _state_file(self) -> Path:
        return self.state_dir / "session.json"

    def _write_state(self, status: str) -> None:
        path = self._state_file()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"session": self.session, "source": self.source, "status": status,
                                   "updated": round(time.time(), 3)}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def last_session(self) -> dict[str, Any] | None:
        try:
            doc = json.loads(self._state_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return doc if isinstance(doc, dict) else None

    # lifecycle ------------------------------------------------------------------------------------------
    def start(self) -> int:
        """Open (or resume) the session; returns the last ref already in the log (0 for a new session)."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        last = self.last_session()
        self.resumed = bool(last and last.get("status") == "running" and last.get("source") == self.source
                            and isinstance(last.get("session"), str))
        self.session = (str(last["session"]) if self.resumed and last
                        else time.strftime("s%Y%m%d-%H%M%S-") + os.urandom(3).hex())
        session_dir = self.state_dir / self.session
        key = evidence.load_key(self.config.evidence_key_env)
        log_path = self.home / "evidence" / self.room / f"{self.session}.evlog"
        self._memo = AnswerMemo(session_dir / "answers.jsonl")
        # the room's own output journal (feed, console, reports); a --json-out file replaces it on the CLI
        self._journals = [] if self.json_out is not None and not self.keep_journal else [
            LineJournal(session_dir / "output.jsonl", resume=self.resumed)]
        if self.json_out is not None:
            self._journals.append(LineJournal(self.json_out, resume=self.resumed))
        self.pipeline = build_pipeline(self.collaborators, config=self.config, memo=self._memo, queue=self.queue,
                                       metrics=self.metrics)
        self._log_path, self._key = log_path, key
        if self.resumed:
            self._replay(log_path, key)
        self._log = evidence.EvidenceLog.open(log_path, room=self.room, session=self.session, source=self.source,
                                              key=key, fsync_interval=self.config.fsync_interval)
        self._write_state("running")
        if self.heap.every > 0:
            self.heap.settle()  # the catalog, indexes and replayed state are long-lived from here on
        return self.processed_ref

    def _replay(self, log_path: Path, key: bytes | None) -> None:
        if not log_path.exists():
            return
        controls: dict[int, list[dict[str, Any]]] = {}
        for ref, raw in evidence.read_log(log_path, key):  # pass 1: where the controls were applied
            if ref == 0:
                doc = json.loads(raw)
                controls.setdefault(int(doc.get("after", 0)), []).append(doc)
        for doc in controls.pop(0, []):
            self._apply(_control_of(doc), log=False)
        for ref, raw in evidence.read_log(log_path, key):  # pass 2: the input, controls at their place
            if ref == 0:
                continue
            self._process(ref, raw)
            self.replayed += 1
            for doc in controls.pop(ref, []):
                self._apply(_control_of(doc), log=False)

    def close(self, *, ended: bool) -> None:
        """Flush and close; ``ended`` marks the session finished (the next run starts a new one)."""
        for journal in self._journals:
            journal.close()
        if self._memo is not None:
            self._memo.close()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.session:
            self._write_state("ended" if ended else "running")
        if ended and self.session and self._log_path is not None:
            own = self.state_dir / self.session / "output.jsonl"
            output = own if own.is_file() else (self.json_out or own)
            try:
                self.show_path = write_show(self.home, session=self.session, room=self.room, source=self.source,
                                            log_path=self._log_path, key=self._key, output=output,
                                            products=self.collaborators.products)
            except (OSError, ValueError) as exc:  # the review copy is a convenience; the evidence is safe
                log.warning("could not write the show folder of %s: %s", self.session, exc)

    # input ----------------------------------------------------------------------------------------------
    def admit(self, raw: bytes, ref: int | None = None) -> int:
        """Append one raw input line to the evidence log (before anything else); returns its ref."""
        assert self._log is not None, "start() the room first"
        if ref is None:
            ref = self._log.last_ref + 1
        self._log.append(ref, raw)
        return ref

    def admit_many(self, raws: list[bytes]) -> list[int]:
        """``admit`` for a batch of lines with one write to the evidence log; returns their refs."""
        assert self._log is not None, "start() the room first"
        first = self._log.last_ref + 1
        items = [(first + offset, raw) for offset, raw in enumerate(raws)]
        self._log.append_many(items)
        return [ref for ref, _ in items]

    def process(self, ref: int, raw: bytes) -> list[Any]:
        return self._process(ref, raw)

    def accept(self, raw: bytes, ref: int | None = None) -> list[Any]:
        """``admit`` then ``process``: the synchronous path of the CLI and the benchmark."""
        return self._process(self.admit(raw, ref), raw)

    def control(self, event: Control) -> list[Any]:
        """Apply an operator or clock signal now (skipping any queued input), logged at its position."""
        return self._apply(event, log=True)

    def _apply(self, event: Control, *, log: bool) -> list[Any]:
        if log and self._log is not None:
            doc = {"control": _name_of(event), "ts": event.ts, "after": self.processed_ref,
                   **{k: getattr(event, k) for k in type(event).__slots__ if k != "ts"}}
            self._log.append(0, json.dumps(doc, ensure_ascii=False).encode())
        assert self.pipeline is not None
        outputs = self.pipeline.push(event)
        self._emit(outputs)
        return outputs

    def _process(self, ref: int, raw: bytes) -> list[Any]:
        assert self.pipeline is not None
        event, problems = self.reader.read(raw, ref)
        outputs: list[Any] = list(problems)
        self.problems += len(problems)
        if event is not None:
            outputs.extend(self.pipeline.push(event))
        self.processed_ref = max(self.processed_ref, ref)
        self._emit(outputs)
        self.heap.tick()
        return outputs

    def _emit(self, outputs: list[Any]) -> None:
        journals = self._journals
        on_record = self.on_record
        for event in outputs:
            record = to_record(event)
            if record is None:
                continue
            line = dumps(record)
            fresh = True  # the first journal decides whether the record is new (skipped on a resumed run)
            for index, journal in enumerate(journals):
                written = journal.write_line(line)
                if index == 0:
                    fresh = written
            if fresh and on_record is not None:
                on_record(record)

    def flush(self) -> None:
        for journal in self._journals:
            journal.flush()

    @property
    def stream_time(self) -> float:
        return self.reader.time.now or 0.0


def _name_of(event: Control) -> str:
    for name, kind in _CONTROLS.items():
        if type(event) is kind:
            return name
    return "tick"


def _control_of(doc: dict[str, Any]) -> Control:
    kind = _CONTROLS.get(str(doc.get("control")), Tick)
    fields = {k: doc[k] for k in kind.__slots__ if k in doc}
    fields["ts"] = float(doc.get("ts", 0.0))
    return kind(**fields)
