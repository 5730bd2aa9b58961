"""The audit table: one row per thing a person or the system did that someone may later ask about.

Generic on purpose (actor, action, subject, detail JSON, time) so every feature writes the same way;
``cohost.governance.audit.AuditLog`` is the repository. ``record`` writes a row inside a caller's session,
so a state change and its audit record commit (or roll back) together.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from cohost.store.tables import Base, JsonDoc, UtcDateTime, utcnow


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(200), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


def record(session: Session, actor: str, action: str, subject: str, detail: dict[str, Any] | None = None,
           *, at: datetime | None = None) -> AuditRow:
    row = AuditRow(actor=actor[:100], action=action[:64], subject=subject[:200], detail=detail or {},
                   at=at or utcnow())
    session.add(row)
    return row
