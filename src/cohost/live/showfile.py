"""A finished live session written as a show folder for the post-live review (``cohost.insights.shows``):

    <home>/shows/<session>/show.json      id, room, platform, started_at/ended_at (China time), lineup, source
    <home>/shows/<session>/events.jsonl   the input events (formats.md §2) with chat text *masked*, nicknames
                                          dropped; the raw text stays in the sealed evidence log
    <home>/shows/<session>/output.jsonl   the session's output records (formats.md §3), masked

Constraints: written once, when a session ends, by merging the evidence log and the output journal in ref
order (both are ordered by ref), so memory stays flat however long the show was; lines that could not be
read as events are left out (the review counts what it reads); the folder appears whole or not at all
(written to a temporary folder, then renamed).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from cohost.events import INPUT_TYPES
from cohost.live import evidence
from cohost.live.journal import dumps
from cohost.live.wire import StreamTime, loads_line, seconds


def _comments(output: Path) -> Iterator[tuple[int, str]]:
    if not output.is_file():
        return
    with output.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith('{"kind": "comment"'):
                try:
                    record = loads_line(line.encode("utf-8"))
                except ValueError:
                    continue
                yield int(record["ref"]), str(record["text"])


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, tz=CHINA_TZ).isoformat(timespec="seconds") if ts else None


def write_show(home: Path, *, session: str, room: str, source: str, log_path: Path, key: bytes | None,
               output: Path, products: Sequence[Product]) -> Path:
    """Write ``<home>/shows/<session>/`` and return its path."""
    final = home / "shows" / session
    tmp = final.with_name(f".{session}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    masked = _comments(output)
    pending = next(masked, None)
    first_ts: float | None = None
    last_ts: float | None = None
    platform = ""
    clock = StreamTime()  # the times the room's reader used: same lines, same order
    with (tmp / "events.jsonl").open("w", encoding="utf-8") as out:
        for ref, raw in evidence.read_log(log_path, key):
            if ref == 0:
                continue
            while pending is not None and pending[0] < ref:
                pending = next(masked, None)
            try:
                doc = loads_line(raw)
            except (ValueError, RecursionError):
                continue
            if not isinstance(doc, dict) or doc.get("type") not in INPUT_TYPES:
                continue
            event: dict[str, Any] = {k: doc[k] for k in ("ts", "room", "platform", "type", "user_id", "meta") if k in doc}
            if doc["type"] == "chat":
                if pending is None or pending[0] != ref:
                    continue  # never processed as a comment (bad line): nothing masked to keep
                event["text"] = pending[1]
            stamped = seconds(doc.get("ts"))
            ts, _ = clock.place(stamped)
            event.pop("ts", None)
            if ts > 0:  # seconds, late and wild stamps fixed as the room did, so the review can read them
                event["ts"] = ts
                first_ts = ts if first_ts is None else min(first_ts, ts)
                last_ts = ts if last_ts is None else max(last_ts, ts)
            platform = platform or str(doc.get("platform") or "")
            out.write(dumps(event) + "\n")  # the text of json.dumps(event, ensure_ascii=False)
    if output.is_file():
        shutil.copyfile(output, tmp / "output.jsonl")
    kind = source.split(":", 1)[0]
    meta = {"id": session, "room": room, "platform": platform or None, "started_at": _iso(first_ts),
            "ended_at": _iso(last_ts), "source": {"simulate": "simulator", "replay": "replay"}.get(kind, "live"),
            "lineup": [{"sku": p.sku, "display_order": p.display_order, "title": p.title, "price": float(p.price)}
                       for p in products]}
    (tmp / "show.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    return final
