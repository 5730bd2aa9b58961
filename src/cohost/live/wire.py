"""Reading live events (formats.md §2) from bytes: one line in, one event (or none) plus its problems out.

Constraints:

- Never raises on input. Every problem is an ``ErrorEvent`` with the line's ``ref`` and a ``code``:
  ``not_utf8``, ``malformed_json``, ``not_object``, ``missing_field``, ``bad_field``, ``unknown_type``,
  ``line_too_long``, ``text_too_long``, ``other_room``, ``out_of_order``, ``ts_jump``. Some are warnings:
  the event is still produced (a missing ``ts`` takes the stream time; a 100 KB text is cut to
  ``MAX_TEXT`` characters and flagged ``truncated``).
- Stream time never goes backwards: a late event is processed at the current stream time (and reported
  when it is more than ``LATE_TOLERANCE`` seconds late); a jump of more than a day is refused the same
  way, so one bad timestamp cannot expire every window. Millisecond timestamps are accepted.
- Unknown fields are kept in ``meta`` of room events (formats.md §2) and ignored on chat lines.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from cohost.events import INPUT_TYPES, Comment, ErrorEvent, RoomEvent

MAX_LINE = 1 << 20
MAX_TEXT = 2000
MAX_ID = 128
LATE_TOLERANCE = 5.0
MAX_JUMP = 86_400.0
MAX_TS = 32_503_680_000.0  # 3000-01-01: later stamps are not timestamps (and overflow datetime on the way)

# ``orjson`` parses a line several times faster than ``json`` and gives the same objects for every line it
# accepts, except integers beyond 64 bits (it reads them as floats of magnitude 2**63 or more) and nesting
# 1,000 to 1,024 deep (where ``json`` runs out of recursion). So a parse holding such a float, a line with
# 900 brackets, and any line it refuses (NaN, Infinity, lone surrogates, bad UTF-8, …) are parsed by
# ``json``: results, problem messages and exceptions stay those of ``json.loads``.
_fast_loads: Callable[[bytes], Any] | None
try:
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover - orjson is a dependency
    _fast_loads = None
_UNPARSED = object()
_HUGE = 9.2e18  # below 2**63: every integer orjson turned into a float is at least this large


def _exact(value: Any) -> bool:
    """No float in ``value`` that could be an integer ``orjson`` read as a float."""
    kind = type(value)
    if kind is float:
        return bool(-_HUGE < value < _HUGE)
    if kind is dict:
        return all(_exact(v) for v in value.values())
    if kind is list:
        return all(_exact(v) for v in value)
    return True


def fast_doc(raw: bytes) -> Any:
    """``json.loads(raw)`` by ``orjson`` when that gives the same object, else ``_UNPARSED`` (ask ``json``)."""
    if _fast_loads is None or (len(raw) >= 900 and raw.count(b"[") + raw.count(b"{") >= 900):
        return _UNPARSED
    try:
        doc = _fast_loads(raw)
    except Exception:  # refused: ``json`` decides (and words the problem)
        return _UNPARSED
    if type(doc) is dict:  # a line's fields: most are strings, ``ts`` a float, ``meta`` small
        for value in doc.values():
            kind = type(value)
            if kind is str or kind is int:
                continue
            if kind is float:
                if not -_HUGE < value < _HUGE:
                    return _UNPARSED
            elif not _exact(value):
                return _UNPARSED
        return doc
    return doc if _exact(doc) else _UNPARSED


def loads_line(raw: bytes) -> Any:
    """Exactly ``json.loads(raw)`` (same objects, same exceptions), faster for ordinary lines."""
    doc = fast_doc(raw)
    return json.loads(raw) if doc is _UNPARSED else doc

_KNOWN = frozenset({"ts", "room", "platform", "type", "user_id", "nickname", "text", "meta"})


def _problem(ref: int, now: float, code: str, message: str) -> ErrorEvent:
    return ErrorEvent(ref=ref, ts=now, stage="parse", code=code, message=message)


def _clean(text: str, limit: int) -> str:
    if len(text) > limit:
        text = text[:limit]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from "\ud800" escapes cannot be written out again
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _ident(value: Any) -> str:
    if type(value) is str:
        return value if len(value) <= MAX_ID and value.isprintable() else _clean(value, MAX_ID)
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return _clean(str(value), MAX_ID)


def seconds(raw_ts: Any) -> float | None:
    """An input ``ts`` as seconds since the epoch (milliseconds accepted), or None when it is no timestamp."""
    if type(raw_ts) is bool or not isinstance(raw_ts, (int, float)) or not math.isfinite(raw_ts) or raw_ts <= 0:
        return None
    value = float(raw_ts) / (1000.0 if raw_ts > 1e11 else 1.0)
    return value if value < MAX_TS else None


class StreamTime:
    """The room's event time: the largest timestamp accepted so far, with late and wild stamps fixed."""

    def __init__(self) -> None:
        self.now: float | None = None

    def place(self, ts: float | None) -> tuple[float, str | None]:
        """Return (time to use, problem code or None) for an event stamped ``ts``."""
        if ts is None:
            return (self.now if self.now is not None else 0.0), None
        if self.now is None:
            self.now = ts
            return ts, None
        if ts > self.now + MAX_JUMP:
            return self.now, "ts_jump"
        if ts < self.now:
            return self.now, ("out_of_order" if ts < self.now - LATE_TOLERANCE else None)
        self.now = ts
        return ts, None


class WireReader:
    """Turns raw lines of one room into events. Keeps the stream time and the room name."""

    def __init__(self, room: str | None = None) -> None:
        self.room = room
        self.time = StreamTime()

    def read(self, raw: bytes | str, ref: int) -> tuple[Comment | RoomEvent | None, list[ErrorEvent]]:
        problems: list[ErrorEvent] = []
        now = self.time.now or 0.0
        # the fast parser first; anything it refuses goes the standard way below (same result, same messages)
        doc: Any = fast_doc(raw) if type(raw) is bytes and len(raw) <= MAX_LINE else _UNPARSED
        if doc is _UNPARSED:
            if len(raw) > MAX_LINE:
                problems.append(_problem(ref, now, "line_too_long", f"line {ref}: {len(raw)} bytes, more than {MAX_LINE}"))
                return None, problems
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    problems.append(_problem(ref, now, "not_utf8", f"line {ref}: not UTF-8 text (byte {exc.start})"))
                    return None, problems
            try:
                doc = json.loads(raw)
            except ValueError as exc:
                problems.append(_problem(ref, now, "malformed_json", f"line {ref}: not JSON: {exc}"[:200]))
                return None, problems
            except RecursionError:
                problems.append(_problem(ref, now, "malformed_json", f"line {ref}: not JSON: nested too deeply"))
                return None, problems
        if not isinstance(doc, dict):
            problems.append(_problem(ref, now, "not_object", f"line {ref}: a JSON {type(doc).__name__}, not an object"))
            return None, problems
        kind = doc.get("type")
        if not isinstance(kind, str) or not kind:
            problems.append(_problem(ref, now, "missing_field", f"line {ref}: field 'type' is missing"))
            return None, problems
        if kind not in INPUT_TYPES:
            problems.append(_problem(ref, now, "unknown_type", f"line {ref}: unknown type {kind[:40]!r}"))
            return None, problems
        room = _ident(doc.get("room")) or self.room or "r1"
        if self.room is None:
            self.room = room
        elif room != self.room:
            problems.append(_problem(ref, now, "other_room", f"line {ref}: room {room!r} is not this room ({self.room!r})"))
            return None, problems

        raw_ts = doc.get("ts")
        ts_value = seconds(raw_ts)
        ts, late = self.time.place(ts_value)
        now = ts
        if ts_value is None:
            problems.append(_problem(ref, now, "missing_field" if raw_ts is None else "bad_field",
                                     f"line {ref}: field 'ts' is {'missing' if raw_ts is None else 'not a timestamp'}; "
                                     "stream time used"))
        elif late is not None:
            if late == "ts_jump":
                problems.append(_problem(ref, now, "ts_jump",
                                         f"line {ref}: ts {ts_value} jumps more than a day ahead; stream time used"))
            else:
                problems.append(_problem(ref, now, "out_of_order",
                                         f"line {ref}: ts {ts_value} is {ts - ts_value:.1f}s behind the stream"))

        # ``_ident`` inline for the common case (a short printable string, returned as it is)
        platform = doc.get("platform")
        if type(platform) is not str or len(platform) > MAX_ID or not platform.isprintable():
            platform = _ident(platform)
        user_id = doc.get("user_id")
        if type(user_id) is not str or len(user_id) > MAX_ID or not user_id.isprintable():
            user_id = _ident(user_id)
        if kind == "chat":
            text = doc.get("text")
            if not isinstance(text, str) or not text.strip():
                problems.append(_problem(ref, now, "missing_field" if text is None else "bad_field",
                                         f"line {ref}: chat without text"))
                return None, problems
            flags: tuple[str, ...] = ()
            if len(text) > MAX_TEXT:
                problems.append(_problem(ref, now, "text_too_long",
                                         f"line {ref}: text of {len(text)} characters cut to {MAX_TEXT}"))
                flags = ("truncated",)
                text = _clean(text, MAX_TEXT)
            elif not text.isascii():
                text = _clean(text, MAX_TEXT)
            nickname = doc.get("nickname")
            if type(nickname) is not str or len(nickname) > MAX_ID or not nickname.isprintable():
                nickname = _ident(nickname)
            return Comment(ref, ts, room, user_id, text, nickname, platform, "", (), "ok",
                           flags), problems
        meta_in = doc.get("meta", {})
        if not isinstance(meta_in, dict):
            problems.append(_problem(ref, now, "bad_field", f"line {ref}: field 'meta' is not an object"))
            meta_in = {}
        meta = dict(meta_in)
        for key, value in doc.items():
            if key not in _KNOWN:
                meta.setdefault(key, value)
        return RoomEvent(ref=ref, ts=ts, room=room, type=kind, user_id=user_id, platform=platform, meta=meta), problems


def meta_number(meta: Any, key: str, default: float = 0.0) -> float:
    """A finite, non-negative number from an event's meta, else ``default``."""
    value = meta.get(key) if hasattr(meta, "get") else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return default
    return float(value)


def meta_text(meta: Any, key: str) -> str | None:
    value = meta.get(key) if hasattr(meta, "get") else None
    return _clean(value, MAX_ID) if isinstance(value, str) and value else None
