"""Where a show's files live, and how they are read back without trusting them.

Layout in the home folder (``--home`` / ``COHOST_HOME``), one folder per show::

    <home>/shows/<show_id>/
        show.json      what the show was: {"id", "title"?, "room"?, "platform"?, "started_at"? (ISO 8601),
                       "ended_at"?, "lineup"?: [{"sku", "display_order"?, "title"?, "price"?}],
                       "source"?: "live" | "replay" | "simulator"}; unknown fields are kept
        events.jsonl   the input events of the show (formats.md §2) with chat text masked or dropped: the
                       raw, unmasked log stays in the live pipeline's sealed evidence store
        output.jsonl   the live pipeline's output events (formats.md §3, ``cohost live run --json-out``)
        report.html    written by ``cohost report SHOW_ID`` (report.pdf beside it when a renderer exists)

``show_id`` is 1–64 ASCII letters, digits, ``_``, ``-`` or ``.``, starting with a letter or digit, so it
is always a plain folder name. The live pipeline writes a show here; ``cohost insights simulate``
writes simulated ones the same way.

Privacy: a report reads from events.jsonl only ``ts``, ``type``, ``meta`` (online, current_sku, order
sku/qty/amount) and counts distinct ``user_id`` values; it never prints event text or ids. Every text a
report shows comes from output.jsonl, which holds masked text only (compliance.md PI-25, DATA-3).

Reading is defensive: a line that is not a JSON object, lacks ``ts``/``type`` (events) or ``kind``
(output), carries a non-finite or far-off timestamp, or is longer than ``MAX_LINE`` bytes is counted
with its line number and skipped; it never stops the read.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cohost.domain.catalog import CHINA_TZ
from cohost.errors import InputError, NotFoundError

SHOW_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_LINE = 1024 * 1024
EVENT_TYPES = frozenset({"chat", "enter", "leave", "like", "gift", "follow", "share", "order", "stats"})
OUTPUT_KINDS = frozenset({"comment", "group", "answer", "escalation", "suggestion", "metrics", "finding"})
MIN_TS, MAX_TS = 946_684_800.0, 4_102_444_800.0  # 2000-01-01 … 2100-01-01


def check_show_id(show_id: str) -> str:
    if not SHOW_ID.match(show_id):
        raise InputError(f"invalid show id {show_id[:80]!r}: use 1–64 letters, digits, '_', '-' or '.'",
                         hint="see `cohost show list`")
    return show_id


@dataclass
class ReadStats:
    """What was skipped while reading a file: counts by reason and the first line numbers."""

    read: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)

    def skip(self, line: int, reason: str) -> None:
        self.skipped += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1
        if len(self.lines) < 20:
            self.lines.append(line)


def _lines(path: Path, stats: ReadStats) -> Iterator[tuple[int, str]]:
    with path.open("rb") as fh:
        number = 0
        while True:
            chunk = fh.readline(MAX_LINE + 1)
            if not chunk:
                return
            number += 1
            if len(chunk) > MAX_LINE and not chunk.endswith(b"\n"):
                while chunk and not chunk.endswith(b"\n"):  # drain the rest of the overlong line
                    chunk = fh.readline(MAX_LINE)
                stats.skip(number, "line too long")
                continue
            text = chunk.decode("utf-8", errors="replace").strip()
            if text:
                yield number, text


def _good_ts(ts: object) -> bool:
    return isinstance(ts, (int, float)) and not isinstance(ts, bool) and math.isfinite(ts) and MIN_TS <= ts <= MAX_TS


def read_jsonl(path: Path, required: str, allowed: frozenset[str], stats: ReadStats) -> Iterator[dict[str, Any]]:
    """Objects of a JSON Lines file with ``required`` in ``allowed``; each gets ``_line`` (1-based)."""
    if not path.is_file():
        return
    for number, text in _lines(path, stats):
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError):
            stats.skip(number, "not JSON")
            continue
        if not isinstance(obj, dict):
            stats.skip(number, "not an object")
            continue
        if obj.get(required) not in allowed:
            stats.skip(number, f"unknown or missing {required}")
            continue
        ts = obj.get("ts")
        if (ts is not None or required == "type") and not _good_ts(ts):
            stats.skip(number, "bad ts")
            continue
        obj["_line"] = number
        stats.read += 1
        yield obj


class ShowFolder:
    """One show's folder. Reading never trusts the files; writing is for producers of shows."""

    def __init__(self, home: Path, show_id: str) -> None:
        self.id = check_show_id(show_id)
        self.path = home / "shows" / show_id
        self.event_stats = ReadStats()
        self.output_stats = ReadStats()

    @property
    def events_path(self) -> Path:
        return self.path / "events.jsonl"

    @property
    def output_path(self) -> Path:
        return self.path / "output.jsonl"

    def exists(self) -> bool:
        return self.path.is_dir()

    def require(self) -> ShowFolder:
        if not self.exists():
            raise NotFoundError(f"show {self.id!r} not found in {self.path.parent}",
                                hint="`cohost show list` lists the shows; `cohost insights simulate` makes one")
        return self

    def meta(self) -> dict[str, Any]:
        path = self.path / "show.json"
        if not path.is_file():
            return {"id": self.id}
        try:
            if path.stat().st_size > MAX_LINE:
                raise ValueError("show.json is over 1 MB")
            data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        except (ValueError, OSError, RecursionError) as exc:
            return {"id": self.id, "problem": f"show.json unreadable: {exc}"}
        if not isinstance(data, dict):
            return {"id": self.id, "problem": "show.json is not an object"}
        data["id"] = self.id  # the folder name is the id
        return data

    def started_at(self) -> datetime | None:
        value = self.meta().get("started_at")
        if isinstance(value, str):
            try:
                when = datetime.fromisoformat(value[:40])
            except ValueError:
                return None
            return when if when.tzinfo else when.replace(tzinfo=CHINA_TZ)  # merchants write China time
        return None

    def events(self) -> Iterator[dict[str, Any]]:
        self.event_stats = ReadStats()
        return read_jsonl(self.events_path, "type", EVENT_TYPES, self.event_stats)

    def outputs(self) -> Iterator[dict[str, Any]]:
        self.output_stats = ReadStats()
        return read_jsonl(self.output_path, "kind", OUTPUT_KINDS, self.output_stats)

    def write(self, meta: dict[str, Any], events: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> None:
        """Write a whole show (used by the simulator and by tests)."""
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / "show.json").write_text(json.dumps({**meta, "id": self.id}, ensure_ascii=False, indent=2),
                                             encoding="utf-8")
        for name, rows in (("events.jsonl", events), ("output.jsonl", outputs)):
            with (self.path / name).open("w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _str(value: object, limit: int = 200) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def list_shows(home: Path) -> list[dict[str, Any]]:
    """Every show folder under ``<home>/shows`` with its metadata, newest first."""
    root = home / "shows"
    if not root.is_dir():
        return []
    shows = []
    for path in root.iterdir():
        if not path.is_dir() or not SHOW_ID.match(path.name):
            continue
        folder = ShowFolder(home, path.name)
        meta = folder.meta()
        shows.append({
            "id": folder.id, "title": _str(meta.get("title")), "started_at": _str(meta.get("started_at")),
            "ended_at": _str(meta.get("ended_at")), "source": _str(meta.get("source")),
            "has_events": folder.events_path.is_file(), "has_output": folder.output_path.is_file(),
            "has_report": (path / "report.html").is_file(),
        })
    shows.sort(key=lambda s: (str(s["started_at"] or ""), s["id"]), reverse=True)
    return shows
