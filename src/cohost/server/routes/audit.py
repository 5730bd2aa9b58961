"""The audit screen's two questions: who did what and when (the audit log), and what did the AI say, why,
from which facts and with which check results (the answer records of the rooms' output journals).

    GET /api/audit              ?actor=&action=&subject=&q=&since=&until=&limit=&offset=   newest first
    GET /api/audit/utterances   ?room=&route=&flagged=&escalated=&q=&limit=                newest first

Constraints: journals are read newest session first and at most ``MAX_SCAN_BYTES`` in all per request,
so a long show cannot make the screen hang; ``truncated`` says when the scan stopped early. Text is
always the masked text the room already wrote; nothing here reads the sealed evidence log.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import func, or_, select

from cohost.live.room import ROOM_NAME
from cohost.server.deps import SettingsDep, StoreDep
from cohost.store.audit import AuditRow

router = APIRouter(prefix="/api/audit", tags=["audit"])
MAX_SCAN_BYTES = 64 << 20
Text = Annotated[str | None, Query(max_length=200)]


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@router.get("", operation_id="listAudit")
def list_audit(store: StoreDep, actor: Text = None, action: Text = None, subject: Text = None, q: Text = None,
               since: datetime | None = None, until: datetime | None = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 200,
               offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict[str, Any]:
    """审计日志 / audit entries, filtered; ``action`` ending in ``.`` matches a family (``anchor.``)."""
    stmt = select(AuditRow)
    if actor:
        stmt = stmt.where(AuditRow.actor == actor)
    if action:
        stmt = stmt.where(AuditRow.action.startswith(action, autoescape=True) if action.endswith(".")
                          else AuditRow.action == action)
    if subject:
        stmt = stmt.where(AuditRow.subject.like(_like(subject), escape="\\"))
    if q:
        pattern = _like(q)
        stmt = stmt.where(or_(AuditRow.actor.like(pattern, escape="\\"), AuditRow.action.like(pattern, escape="\\"),
                              AuditRow.subject.like(pattern, escape="\\")))
    if since:
        stmt = stmt.where(AuditRow.at >= since)
    if until:
        stmt = stmt.where(AuditRow.at <= until)
    with store.db.session() as session:
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = session.scalars(stmt.order_by(AuditRow.at.desc(), AuditRow.id.desc()).offset(offset).limit(limit))
        items = [{"id": r.id, "actor": r.actor, "action": r.action, "subject": r.subject, "detail": r.detail,
                  "at": r.at.isoformat()} for r in rows]
    return {"total": total, "items": items}


def _journals(home: Path, room: str | None) -> list[Path]:
    base = home / "live"
    if not base.is_dir():
        return []
    pattern = f"{room}/*/output.jsonl" if room else "*/*/output.jsonl"
    found = [p for p in base.glob(pattern) if ROOM_NAME.match(p.parent.parent.name)]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


@router.get("/utterances", operation_id="listUtterances")
def list_utterances(settings: SettingsDep,
                    room: Annotated[str | None, Query(max_length=64, pattern=ROOM_NAME.pattern)] = None,
                    route: Literal["anchor", "chat", "human"] | None = None,
                    flagged: bool = False, escalated: bool | None = None, q: Text = None,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
    """AI 说过的每一句 / every AI answer: the viewers' question it answers (source), facts, checks, route."""
    items: list[dict[str, Any]] = []
    scanned = 0
    truncated = False
    for path in _journals(settings.home, room):
        size = path.stat().st_size
        if scanned + size > MAX_SCAN_BYTES:
            truncated = True
            break
        scanned += size
        groups: dict[str, dict[str, Any]] = {}
        found: list[dict[str, Any]] = []
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith('{"kind": "group"'):
                    try:
                        rec = json.loads(line)
                    except ValueError:
                        continue
                    groups[str(rec.get("group"))] = rec
                elif line.startswith('{"kind": "answer"'):
                    try:
                        rec = json.loads(line)
                    except ValueError:
                        continue
                    source = groups.get(str(rec.get("group"))) or {}
                    found.append({"room": path.parent.parent.name, "session": path.parent.name, **rec,
                                  "question": {k: source.get(k) for k in ("intent", "sku", "count", "examples",
                                                                          "last_ts")} if source else None})
        for rec in reversed(found):
            if route and rec.get("route") != route:
                continue
            if flagged and not rec.get("findings"):
                continue
            if escalated is not None and bool(rec.get("escalate")) != escalated:
                continue
            if q and q not in str(rec.get("text", "")) and q not in json.dumps(rec.get("question"), ensure_ascii=False):
                continue
            items.append(rec)
            if len(items) >= limit:
                return {"items": items, "truncated": True}
    return {"items": items, "truncated": truncated}
