"""The room-control registry: per live room, who holds the microphone, who is on duty, the human queue and
the suggestions the operator decided on. In memory, rebuilt from durable records after a restart.

Anchor contract (the show runner plugs in with ``RoomRegistry.attach_anchor(room, driver)``):

    mode      "ai"      the AI anchor and auto-replies speak (the default)
              "human"   a person took over: the anchor pauses after its current clause and keeps its place;
                        the live room routes product questions to chat (``Takeover``)
              "killed"  emergency stop: the anchor stops at once and drops what it had queued; only an
                        explicit resume gives the microphone back
    takeover / kill are allowed from any mode; resume needs a person on duty (PLAT-DY-1, LSE-28: a named
    human supervises every AI stream). Every change is audited (``anchor.takeover`` …) and published on
    the room's feed as ``{"kind": "anchor", …}``; the driver's ``status()`` supplies the segment it is on.

Human queue: repeats collapse. An escalation with the same reason about the same thing as an item already
in the queue (the same question group key — intent, product, topic — for a group's escalation, the same
words for a single comment) is counted into that item, which keeps a few distinct examples and the latest
refs, instead of becoming a new item; a busy room otherwise floods the queue with hundreds of copies of
"质量太差了" within minutes. Self-harm and minors are never collapsed: each is a person to look after.
Repeats after an item was resolved reopen it; the resolve decision records the count it saw, so the
rebuild after a restart (journal first, then decisions) ends in the same state.

Durability: escalations and suggestions are read from the room's output journal (formats.md §3 records,
``<home>/live/<room>/<session>/output.jsonl``), tailed from a byte offset, so nothing is lost when the
console was closed; decisions (reply, resolve, accept, dismiss) live in the audit log and are re-applied
when a room is loaded again.
"""

from __future__ import annotations

import json
import re
import time
from collections import OrderedDict, deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cohost.errors import ConflictError, NotFoundError

MAX_QUEUE = 2000
MAX_SUGGESTIONS = 500
MAX_GROUPS = 300
TAIL_COMMENTS = 150
TAIL_METRICS = 240
MAX_EXAMPLES = 5
MAX_REFS = 20
NEVER_COLLAPSED = frozenset({"self_harm", "minor"})
READ_CHUNK = 1 << 20
_TS = re.compile(r'"ts": (\d+(?:\.\d+)?)')


class AnchorDriver(Protocol):
    """What the virtual anchor's show runner implements to be driven from the console."""

    def takeover(self, by: str, reason: str) -> None: ...

    def resume(self, by: str) -> None: ...

    def kill(self, by: str, reason: str) -> None: ...

    def status(self) -> dict[str, Any]:
        """``{"speaking": bool, "script_id": str|None, "segment": {...}|None, "next_segments": [...]}``."""
        ...


@dataclass
class QueueItem:
    id: str
    ref: int
    group: str | None
    reason: str
    text: str
    ts: float
    findings: list[dict[str, Any]] = field(default_factory=list)
    holding_reply: str | None = None
    status: str = "open"
    replies: list[dict[str, Any]] = field(default_factory=list)
    resolved_by: str | None = None
    resolved_at: float | None = None
    count: int = 1  # escalations collapsed into this item
    examples: list[str] = field(default_factory=list)  # distinct texts, first ones
    refs: list[int] = field(default_factory=list)  # the latest input lines
    last_ts: float = 0.0
    resolved_count: int = 0  # ``count`` when it was last resolved

    def add(self, ref: int, text: str, ts: float) -> None:
        self.count += 1
        self.last_ts = max(self.last_ts, ts)
        if text and text not in self.examples and len(self.examples) < MAX_EXAMPLES:
            self.examples.append(text)
        self.refs.append(ref)
        del self.refs[:-MAX_REFS]
        if self.status != "open" and self.count > self.resolved_count:
            self.status = "open"  # asked again after it was handled: a person looks again


@dataclass
class SuggestionItem:
    id: str
    code: str
    message: str
    ts: float
    evidence: dict[str, Any]
    sku: str | None = None
    status: str = "open"
    decided_by: str | None = None
    decided_at: float | None = None


def item_id(record: dict[str, Any]) -> str:
    if record.get("kind") == "suggestion":
        return f"s{int(float(record.get('ts') or 0) * 1000)}-{record.get('code', 'x')}-{record.get('sku') or ''}"
    group = record.get("group")
    return f"{group}-{record.get('ref', 0)}" if group else f"c-{record.get('ref', 0)}"


_WORDS = re.compile(r"[\W_]+|\d{3,}")  # a masked number or an order number does not make another request


def _collapse_key(reason: str, group: str | None, group_rec: dict[str, Any] | None, text: str) -> tuple[str, ...] | None:
    """What makes two escalations the same item of the human queue (None: never collapsed)."""
    if reason in NEVER_COLLAPSED:
        return None
    if group is not None:
        if group_rec is None:
            return ("group", reason, group)
        return ("group", reason, str(group_rec.get("intent")), str(group_rec.get("sku")), str(group_rec.get("topic")))
    words = _WORDS.sub("", text).lower()
    return ("text", reason, words) if words else None


class RoomControl:
    """One room's console state. Not thread-safe: touched only from the server's event loop."""

    def __init__(self, room: str) -> None:
        self.room = room
        self.session = ""
        self.journal: Path | None = None
        self.offset = 0
        self.mode = "ai"
        self.mode_by: str | None = None
        self.mode_since = time.time()
        self.mode_reason = ""
        self.seq = 0
        self.driver: AnchorDriver | None = None
        self.duty: dict[str, dict[str, Any]] = {}
        self.queue: OrderedDict[str, QueueItem] = OrderedDict()
        self._by_topic: dict[tuple[str, ...], str] = {}  # collapse key → item id
        self.suggestions: OrderedDict[str, SuggestionItem] = OrderedDict()
        self.groups: OrderedDict[str, str] = OrderedDict()
        self.answers: OrderedDict[str, str] = OrderedDict()
        self.comments: deque[str] = deque(maxlen=TAIL_COMMENTS)
        self.metrics: deque[str] = deque(maxlen=TAIL_METRICS)
        self.current_sku: str | None = None
        self.script_id: str | None = None
        self.last_ts = 0.0  # stream time of the newest record: escalation records carry no time of their own

    # journal ------------------------------------------------------------------------------------------
    def follow(self, session: str, journal: Path) -> None:
        """Point at a (new) session's journal; a new session starts a new queue."""
        if session != self.session:
            self.session, self.journal, self.offset = session, journal, 0
            self.queue.clear()
            self._by_topic.clear()
            self.suggestions.clear()
            self.groups.clear()
            self.answers.clear()
            self.comments.clear()
            self.metrics.clear()

    def sync(self) -> int:
        """Read records appended to the journal since the last call; returns how many were read."""
        if self.journal is None or not self.journal.exists():
            return 0
        count = 0
        with self.journal.open("rb") as fh:
            fh.seek(self.offset)
            while True:
                chunk = fh.read(READ_CHUNK)
                if not chunk:
                    break
                end = chunk.rfind(b"\n")
                if end < 0:
                    if len(chunk) < READ_CHUNK:
                        break  # an unfinished last line: read it next time
                    self.offset += len(chunk)  # a line over 1 MiB is not a record of ours: skip it
                    continue
                for raw in chunk[: end + 1].splitlines():
                    self.observe_line(raw.decode("utf-8", "replace"))
                    count += 1
                self.offset += end + 1
                fh.seek(self.offset)
        return count

    def observe_line(self, line: str) -> None:
        kind = line[10:line.find('"', 10)] if line.startswith('{"kind": "') else ""
        if kind in ("comment", "metrics"):
            found = _TS.search(line)
            self.last_ts = float(found.group(1)) if found else self.last_ts
        if kind == "comment":
            self.comments.append(line)
        elif kind == "metrics":
            self.metrics.append(line)
        elif kind in ("group", "answer"):
            try:
                rec = json.loads(line)
            except ValueError:
                return
            target = self.groups if kind == "group" else self.answers
            key = str(rec.get("group"))
            target.pop(key, None)
            target[key] = line
            while len(target) > MAX_GROUPS:
                target.popitem(last=False)
            if kind == "answer" and rec.get("escalate"):
                for item in self.queue.values():
                    if item.group == rec.get("group") and item.holding_reply is None:
                        item.holding_reply = str(rec.get("text") or "")
        elif kind in ("escalation", "suggestion", "product_switch"):
            try:
                self.observe(json.loads(line))
            except ValueError:
                return

    def observe(self, rec: dict[str, Any]) -> None:
        kind = rec.get("kind")
        if kind == "escalation":
            iid = item_id(rec)
            if iid in self.queue:
                return
            group = str(rec["group"]) if rec.get("group") else None
            group_rec = json.loads(self.groups[group]) if group and group in self.groups else None
            text = str(rec.get("text") or "")
            if not text and group_rec is not None:
                text = " / ".join(str(e) for e in (group_rec.get("examples") or [])[:3])
            ref, ts = int(rec.get("ref") or 0), float(rec.get("ts") or self.last_ts)
            reason = str(rec.get("reason") or "other")
            topic = _collapse_key(reason, group, group_rec, text)
            same = self.queue.get(self._by_topic.get(topic, "")) if topic is not None else None
            if same is not None:
                same.add(ref, text, ts)
                self.queue.move_to_end(same.id)
                return
            holding = None
            if group and group in self.answers:
                holding = str(json.loads(self.answers[group]).get("text") or "")
            self.queue[iid] = QueueItem(id=iid, ref=ref, group=rec.get("group"), reason=reason, text=text, ts=ts,
                                        findings=list(rec.get("findings") or []), holding_reply=holding,
                                        examples=[text] if text else [], refs=[ref], last_ts=ts)
            if topic is not None:
                self._by_topic[topic] = iid
            self._trim(self.queue, MAX_QUEUE)
            if len(self._by_topic) > 4 * MAX_QUEUE:  # keys of items trimmed away
                self._by_topic = {k: v for k, v in self._by_topic.items() if v in self.queue}
        elif kind == "suggestion":
            iid = item_id(rec)
            self.suggestions.setdefault(iid, SuggestionItem(
                id=iid, code=str(rec.get("code")), message=str(rec.get("message") or ""),
                ts=float(rec.get("ts") or 0), evidence=dict(rec.get("evidence") or {}), sku=rec.get("sku")))
            self._trim(self.suggestions, MAX_SUGGESTIONS)
        elif kind == "product_switch":
            self.current_sku = rec.get("sku") or self.current_sku

    @staticmethod
    def _trim(items: OrderedDict[str, Any], limit: int) -> None:
        while len(items) > limit:  # drop the oldest closed item first, else the oldest
            closed = next((k for k, v in items.items() if v.status != "open"), None)
            items.pop(closed if closed is not None else next(iter(items)))

    # decisions ----------------------------------------------------------------------------------------
    def item(self, iid: str) -> QueueItem:
        found = self.queue.get(iid)
        if found is None:
            raise NotFoundError(f"人工队列中没有 {iid[:80]} / no such item in the human queue")
        return found

    def suggestion(self, iid: str) -> SuggestionItem:
        found = self.suggestions.get(iid)
        if found is None:
            raise NotFoundError(f"没有这条建议 {iid[:80]} / no such suggestion")
        return found

    def apply_decision(self, action: str, detail: dict[str, Any], by: str, at: float) -> None:
        """Re-apply one audited decision (also used live, right after it is audited)."""
        iid = str(detail.get("item", ""))
        if action == "queue.reply" and iid in self.queue:
            self.queue[iid].replies.append({"by": by, "text": detail.get("text", ""), "at": at})
        elif action == "queue.resolve" and iid in self.queue:
            item = self.queue[iid]
            seen = detail.get("count")
            item.resolved_count = seen if isinstance(seen, int) and not isinstance(seen, bool) else item.count
            item.resolved_by, item.resolved_at = by, at
            if item.count <= item.resolved_count:  # repeats that came after the decision keep it open
                item.status = "resolved"
        elif action in ("suggestion.accept", "suggestion.dismiss") and iid in self.suggestions:
            sug = self.suggestions[iid]
            sug.status = "accepted" if action.endswith("accept") else "dismissed"
            sug.decided_by, sug.decided_at = by, at

    # anchor -------------------------------------------------------------------------------------------
    def set_mode(self, action: str, by: str, reason: str) -> bool:
        """Apply takeover | resume | kill; False when nothing changed. Raises ConflictError when not allowed."""
        target = {"takeover": "human", "resume": "ai", "kill": "killed"}[action]
        if target == self.mode:
            return False
        if action == "resume" and not self.duty:
            raise ConflictError("没有人在岗，不能把话筒交给 AI / nobody is on duty: the AI may not run unsupervised",
                                hint="press 上岗 (on duty) first")
        driver = self.driver
        if driver is not None:  # the runner acts first: if it fails, the console does not claim a change
            if action == "takeover":
                driver.takeover(by, reason)
            elif action == "resume":
                driver.resume(by)
            else:
                driver.kill(by, reason)
        self.mode, self.mode_by, self.mode_since, self.mode_reason = target, by, time.time(), reason
        self.seq += 1
        return True

    def anchor_state(self) -> dict[str, Any]:
        status: dict[str, Any] = {}
        if self.driver is not None:
            try:
                status = dict(self.driver.status())
            except Exception as exc:  # a broken driver must not take the console down
                status = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        return {"kind": "anchor", "room": self.room, "mode": self.mode, "by": self.mode_by,
                "since": round(self.mode_since, 3), "reason": self.mode_reason, "seq": self.seq,
                "attached": self.driver is not None, "speaking": bool(status.get("speaking", False)),
                "script_id": status.get("script_id", self.script_id), "segment": status.get("segment"),
                "next_segments": status.get("next_segments"), "current_sku": self.current_sku,
                "duty": list(self.duty.values()), **({"error": status["error"]} if "error" in status else {})}

    # views --------------------------------------------------------------------------------------------
    def view(self) -> dict[str, Any]:
        def parsed(lines: Any) -> list[dict[str, Any]]:
            out = []
            for line in lines:
                try:
                    out.append(json.loads(line))
                except ValueError:
                    continue
            return out

        answers = {str(a.get("group")): a for a in parsed(self.answers.values())}
        groups = sorted(parsed(self.groups.values()), key=lambda g: (-int(g.get("count") or 0), -float(g.get("last_ts") or 0)))
        for g in groups:
            g["answer"] = answers.get(str(g.get("group")))
        return {"room": self.room, "session": self.session, "anchor": self.anchor_state(),
                "comments": parsed(self.comments)[-100:], "metrics": parsed(self.metrics),
                "groups": groups[:60], "queue": [asdict(i) for i in reversed(self.queue.values())][:300],
                "suggestions": [asdict(s) for s in reversed(self.suggestions.values())][:100]}


class RoomRegistry:
    """All rooms of one server process (``app.state.rooms``)."""

    def __init__(self) -> None:
        self.rooms: dict[str, RoomControl] = {}

    def get(self, room: str) -> RoomControl:
        control = self.rooms.get(room)
        if control is None:
            control = self.rooms[room] = RoomControl(room)
        return control

    def attach_anchor(self, room: str, driver: AnchorDriver | None) -> None:
        """Plug the show runner in (``None`` detaches it); the console then shows and drives it."""
        self.get(room).driver = driver
