"""Bearer API tokens for tools: platform connectors posting to ``/ws/ingest``, scripts calling the API.

A token is ``cohost_`` + 43 random URL-safe characters, shown once when it is made and stored only as
its SHA-256. It acts as its account, with the account's role or a lower one chosen when it is made
(``roles.may_issue``: never upwards), and stops working when it expires, is revoked, or its account is
disabled. A role change of the account caps the token's role on every request.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from cohost.errors import InputError, NotFoundError
from cohost.governance.accounts import Accounts, Principal, digest
from cohost.governance.roles import Role, may_issue, parse_role
from cohost.store.accounts import ApiTokenRow, UserRow
from cohost.store.audit import record

PREFIX = "cohost_"
MAX_DAYS = 3650


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    user: str
    name: str
    prefix: str
    role: Role
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked: bool


def _info(row: ApiTokenRow, user: str) -> TokenInfo:
    return TokenInfo(id=row.id, user=user, name=row.name, prefix=row.prefix, role=Role(row.role),
                     created_at=row.created_at, last_used_at=row.last_used_at, expires_at=row.expires_at,
                     revoked=row.revoked_at is not None)


class Tokens:
    def __init__(self, accounts: Accounts) -> None:
        self.accounts = accounts
        self.db = accounts.db

    def issue(self, user: str, *, label: str = "", role: Role | str | None = None, days: float | None = None,
              by: str) -> tuple[str, TokenInfo]:
        """Make a token; returns the secret (shown once) and its record."""
        label = " ".join((label or "").split())[:100] or "api"
        if days is not None and not 0 < days <= MAX_DAYS:
            raise InputError(f"有效期须在 0 到 {MAX_DAYS} 天之间 / days must be in (0, {MAX_DAYS}]")
        now = self.accounts.now()
        with self.db.session() as session:
            urow = self.accounts._row(session, user)
            holder = Role(urow.role)
            wanted = holder if role is None else (parse_role(role) if isinstance(role, str) else role)
            if not may_issue(holder, wanted):
                raise InputError(f"{urow.name} ({holder.value}) 不能签发 {wanted.value} 令牌 / a token may not have "
                                 "more rights than its account")
            secret = PREFIX + secrets.token_urlsafe(32)
            row = ApiTokenRow(user_id=urow.id, name=label, token_hash=digest(secret), prefix=secret[:14],
                              role=wanted.value, created_at=now, last_used_at=None,
                              expires_at=now + timedelta(days=days) if days else None, revoked_at=None)
            session.add(row)
            session.flush()
            record(session, by, "token.issue", f"user:{urow.name}",
                   {"token": row.id, "label": label, "role": wanted.value, "days": days}, at=now)
            return secret, _info(row, urow.name)

    def principal(self, bearer: str) -> Principal | None:
        """The principal of a bearer token, or None."""
        if not bearer.startswith(PREFIX) or len(bearer) > 200:
            return None
        now = self.accounts.now()
        with self.db.session() as session:
            found = session.execute(select(ApiTokenRow, UserRow).join(UserRow, UserRow.id == ApiTokenRow.user_id)
                                    .where(ApiTokenRow.token_hash == digest(bearer))).first()
            if found is None:
                return None
            trow, urow = found
            if (trow.revoked_at is not None or urow.disabled_at is not None
                    or (trow.expires_at is not None and trow.expires_at <= now)):
                return None
            holder, role = Role(urow.role), Role(trow.role)
            if not may_issue(holder, role):
                role = Role.viewer  # the account was demoted since: the token keeps only read access
            if trow.last_used_at is None or (now - trow.last_used_at).total_seconds() >= 60:
                trow.last_used_at = now
            return Principal(urow.id, urow.name, role, "token", token_id=trow.id)

    def list(self, user: str | None = None) -> list[TokenInfo]:
        with self.db.session() as session:
            stmt = select(ApiTokenRow, UserRow.name).join(UserRow, UserRow.id == ApiTokenRow.user_id)
            if user is not None:
                stmt = stmt.where(UserRow.id == self.accounts._row(session, user).id)
            return [_info(t, n) for t, n in session.execute(stmt.order_by(ApiTokenRow.id))]

    def revoke(self, token_id: int, *, by: str, owner: str | None = None) -> TokenInfo:
        """Revoke one token; with ``owner`` only that account's token (a user revoking their own)."""
        now = self.accounts.now()
        with self.db.session() as session:
            found = session.execute(select(ApiTokenRow, UserRow.name).join(UserRow, UserRow.id == ApiTokenRow.user_id)
                                    .where(ApiTokenRow.id == token_id)).first()
            if found is None or (owner is not None and found[1] != owner):
                raise NotFoundError(f"没有这个令牌 / no token {token_id}")
            trow, name = found
            if trow.revoked_at is None:
                trow.revoked_at = now
                record(session, by, "token.revoke", f"user:{name}", {"token": trow.id}, at=now)
            return _info(trow, name)
