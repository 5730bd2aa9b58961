"""Scripts and their review trail: draft → in_review → approved | rejected, every step audited.

The workflow rules live on the record (``Script.next_status``); this repository is the one place they
are enforced, inside a transaction that also writes the review event and the audit record, so a step
either happens completely or not at all. Approval binds to the exact content: ``approved(id)`` (what the
show runner calls before going live) refuses a script that is not approved or whose stored content no
longer matches what was approved.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Integer, String, Text, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from cohost.domain.script import Script
from cohost.errors import ConflictError, InputError, NotFoundError
from cohost.store.audit import record
from cohost.store.db import Database
from cohost.store.tables import Base, JsonDoc, UtcDateTime, utcnow

MAX_NAME = 100
MAX_COMMENT = 2000


class ScriptRow(Base):
    __tablename__ = "scripts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), index=True)
    minutes: Mapped[float] = mapped_column(Float)
    style: Mapped[str | None] = mapped_column(String(16))
    skus: Mapped[list[str]] = mapped_column(JsonDoc)
    doc: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    content_hash: Mapped[str] = mapped_column(String(64))
    approved_hash: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    reviewer: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ScriptReviewRow(Base):
    """One step of a script's review trail, with the reviewer's comment and the diff of a human edit."""

    __tablename__ = "script_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    script_id: Mapped[str] = mapped_column(String(40), ForeignKey("scripts.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    diff: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


@dataclass(frozen=True, slots=True)
class ScriptSummary:
    id: str
    title: str | None
    status: str
    minutes: float
    style: str | None
    skus: list[str]
    version: int
    reviewer: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    action: str
    actor: str
    from_status: str | None
    to_status: str
    version: int
    comment: str | None
    diff: str | None
    at: datetime


def content_hash(script: Script) -> str:
    """Digest of what the anchor would say: the segments' kinds, products and lines."""
    body = [[s.kind, s.sku, s.lines] for s in script.segments]
    return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode("utf-8")).hexdigest()


def person(name: str | None, what: str = "--by") -> str:
    """A named human: required, one line, at most 100 characters."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    if not text:
        raise InputError(f"{what} needs a person's name", hint="e.g. --by 王审核")
    if len(text) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in text):
        raise InputError(f"{what} must be a name on one line of at most {MAX_NAME} characters")
    return text


def comment_text(comment: str | None, *, required: bool = False) -> str | None:
    text = (comment or "").strip()
    if required and not text:
        raise InputError("a rejection needs --comment saying what to change")
    if len(text) > MAX_COMMENT:
        raise InputError(f"--comment is {len(text)} characters; keep it under {MAX_COMMENT}")
    return text or None


class ScriptRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # writes ---------------------------------------------------------------------------------------
    def add(self, script: Script, *, actor: str = "system") -> Script:
        """Store a new draft (and its first review event and audit record)."""
        if script.status != "draft":
            raise ConflictError(f"a new script must be a draft, not {script.status}")
        now = utcnow()
        script = script.model_copy(update={"created_at": script.created_at or now, "updated_at": now})
        with self._db.session() as session:
            if session.get(ScriptRow, script.id) is not None:
                raise ConflictError(f"a script with id {script.id!r} already exists")
            session.add(ScriptRow(id=script.id, title=(script.title or "")[:200] or None, status="draft",
                                  minutes=script.minutes, style=script.style, skus=list(script.skus),
                                  doc=script.model_dump(mode="json"), content_hash=content_hash(script),
                                  approved_hash=None, version=script.version, reviewer=None,
                                  created_at=script.created_at or now, updated_at=now))
            session.flush()
            self._event(session, script.id, "create", actor, None, "draft", script.version, None, None, now)
            record(session, actor, "script.create", f"script:{script.id}",
                   {"skus": script.skus, "minutes": script.minutes, "fixes": len(script.fixes),
                    "generator": script.generator.model_dump(mode="json") if script.generator else None}, at=now)
        return script

    def submit(self, script_id: str, *, by: str, comment: str | None = None) -> Script:
        return self._step(script_id, "submit", person(by), comment_text(comment))

    def approve(self, script_id: str, *, by: str, comment: str | None = None) -> Script:
        return self._step(script_id, "approve", person(by), comment_text(comment))

    def reject(self, script_id: str, *, by: str, comment: str | None) -> Script:
        return self._step(script_id, "reject", person(by), comment_text(comment, required=True))

    def save_edit(self, script_id: str, change: Callable[[Script], tuple[Script, str]], *, by: str,
                  comment: str | None = None, base_version: int | None = None) -> Script:
        """Apply a human edit. ``change`` gets the stored script and returns the edited one plus its diff;
        it runs inside the transaction, so the edit is checked against the version it replaces."""
        actor = person(by)
        note = comment_text(comment)
        with self._db.session() as session:
            row = self._row(session, script_id, lock=True)
            current = Script.model_validate(row.doc)
            if base_version is not None and base_version != row.version:
                raise ConflictError(f"script {script_id} is at version {row.version}, the edit was made on "
                                    f"version {base_version}", hint=f"cohost script show {script_id} --format json")
            after = current.next_status("edit")
            if after is None:
                raise ConflictError(f"script {script_id} cannot be edited while {current.status}")
            edited, diff = change(current)
            now = utcnow()
            edited = edited.model_copy(update={
                "status": after, "version": row.version + 1, "updated_at": now,
                "reviewer": None if current.status == "approved" else edited.reviewer,
                "reviewed_at": None if current.status == "approved" else edited.reviewed_at})
            self._write(row, edited, now)
            row.approved_hash = None
            self._event(session, script_id, "edit", actor, current.status, after, edited.version, note, diff, now)
            record(session, actor, "script.edit", f"script:{script_id}",
                   {"from": current.status, "to": after, "version": edited.version,
                    "diff_lines": diff.count("\n"), "open_findings": len(edited.findings),
                    "approval_revoked": current.status == "approved"}, at=now)
            return edited

    def _step(self, script_id: str, action: str, actor: str, comment: str | None) -> Script:
        with self._db.session() as session:
            row = self._row(session, script_id, lock=True)
            script = Script.model_validate(row.doc)
            before = script.status
            after = script.next_status(action)
            if after is None:
                raise ConflictError(f"cannot {action} script {script_id}: it is {script.status}",
                                    hint=_hint(script.status))
            if action == "approve" and script.blocking():
                first = script.blocking()[0]
                raise ConflictError(
                    f"script {script_id} has {len(script.blocking())} open finding(s), e.g. {first.rule} "
                    f"“{first.text}”: {first.message}", hint="edit the lines (cohost script edit) and submit again")
            now = utcnow()
            update: dict[str, Any] = {"status": after, "updated_at": now}
            if action in ("approve", "reject"):
                update |= {"reviewer": actor, "review_comment": comment, "reviewed_at": now}
            script = script.model_copy(update=update)
            self._write(row, script, now)
            row.approved_hash = row.content_hash if action == "approve" else None
            row.reviewer = script.reviewer
            self._event(session, script_id, action, actor, before, after, row.version, comment, None, now)
            record(session, actor, f"script.{action}", f"script:{script_id}",
                   {"to": after, "version": row.version, "comment": comment}, at=now)
            return script

    def _write(self, row: ScriptRow, script: Script, now: datetime) -> None:
        row.doc = script.model_dump(mode="json")
        row.status = script.status
        row.version = script.version
        row.title = (script.title or "")[:200] or None
        row.content_hash = content_hash(script)
        row.updated_at = now

    def _event(self, session: Session, script_id: str, action: str, actor: str, before: str | None, after: str,
               version: int, comment: str | None, diff: str | None, at: datetime) -> None:
        session.add(ScriptReviewRow(script_id=script_id, action=action, actor=actor, from_status=before,
                                    to_status=after, version=version, comment=comment, diff=diff, at=at))

    def _row(self, session: Session, script_id: str, *, lock: bool = False) -> ScriptRow:
        """The row; with ``lock`` the transaction first takes the row's write lock (a no-op UPDATE), so
        two reviewers acting at once are serialised on every backend (SQLite has no SELECT … FOR UPDATE,
        and a read before the write would pin a stale snapshot)."""
        stmt = select(ScriptRow).where(ScriptRow.id == script_id)
        if lock:
            session.execute(update(ScriptRow).where(ScriptRow.id == script_id).values(version=ScriptRow.version))
            stmt = stmt.with_for_update()
        row = session.scalars(stmt).first()
        if row is None:
            raise NotFoundError(f"no script with id {script_id!r}", hint="cohost script list shows the ids")
        return row

    # reads ----------------------------------------------------------------------------------------
    def get(self, script_id: str) -> Script:
        with self._db.session() as session:
            return Script.model_validate(self._row(session, script_id).doc)

    def approved(self, script_id: str) -> Script:
        """The script, only if a named reviewer approved exactly this content. Raises ConflictError else."""
        with self._db.session() as session:
            row = self._row(session, script_id)
            script = Script.model_validate(row.doc)
            if row.status != "approved" or script.status != "approved":
                raise ConflictError(f"script {script_id} is {row.status}, not approved: it cannot go live",
                                    hint=_hint(row.status))
            if row.approved_hash is None or row.approved_hash != content_hash(script):
                raise ConflictError(f"script {script_id} changed after it was approved: it cannot go live",
                                    hint=f"submit it again: cohost script submit {script_id} --by NAME")
            return script

    def list(self, *, status: str | None = None, limit: int = 100, offset: int = 0) -> list[ScriptSummary]:
        stmt = select(ScriptRow).order_by(ScriptRow.created_at.desc(), ScriptRow.id.desc())
        if status:
            stmt = stmt.where(ScriptRow.status == status)
        with self._db.session() as session:
            return [ScriptSummary(r.id, r.title, r.status, r.minutes, r.style, list(r.skus), r.version, r.reviewer,
                                  r.created_at, r.updated_at)
                    for r in session.scalars(stmt.offset(offset).limit(limit))]

    def count(self, *, status: str | None = None) -> int:
        stmt = select(func.count()).select_from(ScriptRow)
        if status:
            stmt = stmt.where(ScriptRow.status == status)
        with self._db.session() as session:
            return int(session.scalar(stmt) or 0)

    def history(self, script_id: str) -> builtins.list[ReviewEvent]:
        stmt = select(ScriptReviewRow).where(ScriptReviewRow.script_id == script_id).order_by(ScriptReviewRow.id)
        with self._db.session() as session:
            self._row(session, script_id)
            return [ReviewEvent(r.action, r.actor, r.from_status, r.to_status, r.version, r.comment, r.diff, r.at)
                    for r in session.scalars(stmt)]


def _hint(status: str) -> str:
    return {
        "draft": "submit it for review first: cohost script submit ID --by NAME",
        "in_review": "a named reviewer must approve it: cohost script approve ID --by NAME",
        "rejected": "edit it (cohost script edit) and submit it again",
        "approved": "it is already approved",
    }.get(status, "see cohost script show ID")
