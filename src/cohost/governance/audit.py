"""The audit log: who did what to which subject, when, and with what detail.

Every feature writes here the same way (``actor``, ``action`` such as ``script.approve``, ``subject``
such as ``script:S20261120-ab12cd``, a JSON ``detail``), so one query answers "what happened to this
script" or "what did this reviewer do" (compliance.md §14 keeps marketing-wording review records for at
least three years). Entries are only ever added; there is no update or delete here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from cohost.store.audit import AuditRow, record
from cohost.store.db import Database
from cohost.store.tables import utcnow


class AuditEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]
    at: datetime


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(id=row.id, actor=row.actor, action=row.action, subject=row.subject, detail=row.detail,
                      at=row.at)


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None) -> AuditEntry:
        """Add one entry in its own transaction (use ``cohost.store.audit.record`` inside another one)."""
        if not actor.strip() or not action.strip() or not subject.strip():
            raise ValueError("an audit entry needs an actor, an action and a subject")
        with self._db.session() as session:
            row = record(session, actor.strip(), action.strip(), subject.strip(), detail, at=utcnow())
            session.flush()
            return _entry(row)

    def entries(self, *, subject: str | None = None, actor: str | None = None, action: str | None = None,
                since: datetime | None = None, limit: int = 1000) -> list[AuditEntry]:
        """Entries oldest first, filtered by any of subject, actor, action (a ``script.`` prefix works) and time."""
        stmt = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
        if subject:
            stmt = stmt.where(AuditRow.subject == subject)
        if actor:
            stmt = stmt.where(AuditRow.actor == actor)
        if action:
            stmt = stmt.where(AuditRow.action.startswith(action) if action.endswith(".")
                              else AuditRow.action == action)
        if since:
            stmt = stmt.where(AuditRow.at >= since)
        with self._db.session() as session:
            return [_entry(r) for r in session.scalars(stmt.limit(limit))]
