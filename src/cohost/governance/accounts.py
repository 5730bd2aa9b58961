"""Accounts: who may use the console and the API, and as which role.

    Accounts.add / set_password / set_role / disable      account admin (the CLI and the owner's API)
    Accounts.login → Login(principal, cookie, csrf)        password check with lock-out, then a session
    Accounts.session(cookie) / logout(cookie)              console sessions (server-side rows)
    Accounts.issue_token / token(bearer) / revoke_token    bearer tokens for tools (see ``tokens``)

Constraints:

- Lock-out: ``LOCK_FAILURES`` failed passwords for one name within ``LOCK_WINDOW`` seconds lock that name
  until the window has passed, whether or not the account exists (no enumeration), and even the right
  password is refused meanwhile; ``IP_FAILURES`` failures from one address lock that address. Time comes
  from the injected ``Clock``.
- Unknown account and wrong password give the same error and take the same time (a decoy hash).
- A session lives at most ``SESSION_MAX`` and dies after ``SESSION_IDLE`` without use; changing a
  password, the role or disabling an account ends all its sessions. The role is read from the account on
  every request, so a demotion takes effect at once.
- Every change to an account, every login and every lock-out is written to the audit log in the same
  transaction as the change.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from cohost.clock import SYSTEM_CLOCK, Clock
from cohost.errors import CohostError, ConflictError, InputError, NotFoundError
from cohost.governance.passwords import MAX_PASSWORD, Passwords, check_rules
from cohost.governance.roles import Role, parse_role
from cohost.store.accounts import LoginAttemptRow, SessionRow, UserRow
from cohost.store.audit import record
from cohost.store.db import Database

NAME = re.compile(r"^[^\W_][\w.\-]{0,63}$")
LOCK_FAILURES = 5
LOCK_WINDOW = 15 * 60.0
IP_FAILURES = 50
SESSION_MAX = 24 * 3600.0
SESSION_IDLE = 8 * 3600.0
TOUCH_EVERY = 60.0
ATTEMPT_RETENTION = 90 * 86400.0


class AuthError(CohostError):
    status_code = 401
    title = "未登录 Unauthorized"


class LockedError(AuthError):
    status_code = 429
    title = "尝试次数过多 Too many attempts"

    def __init__(self, message: str, *, retry_after: int, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: Role
    created_at: datetime
    password_changed_at: datetime
    disabled: bool


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is making a request. ``via`` is ``session``, ``token`` or ``local`` (auth switched off in tests)."""

    user_id: int
    name: str
    role: Role
    via: str
    session_id: str | None = None
    csrf: str | None = None
    token_id: int | None = None


@dataclass(frozen=True, slots=True)
class Login:
    principal: Principal
    cookie: str
    csrf: str
    expires_at: datetime


def name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def check_name(name: str) -> str:
    clean = unicodedata.normalize("NFKC", name or "").strip()
    if not NAME.fullmatch(clean):
        raise InputError(f"账号名无效 / bad account name {clean[:40]!r}: 1–64 letters, digits, '.', '_' or '-', "
                         "starting with a letter or digit")
    return clean


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, role=Role(row.role), created_at=row.created_at,
                password_changed_at=row.password_changed_at, disabled=row.disabled_at is not None)


class Accounts:
    def __init__(self, db: Database, *, clock: Clock = SYSTEM_CLOCK, passwords: Passwords | None = None) -> None:
        self.db = db
        self.clock = clock
        self.passwords = passwords or Passwords()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock.time(), UTC)

    # accounts -------------------------------------------------------------------------------------------
    def _row(self, session: Session, name: str) -> UserRow:
        row = session.scalar(select(UserRow).where(UserRow.name_key == name_key(name)))
        if row is None:
            raise NotFoundError(f"没有这个账号 / no account named {name[:64]!r}", hint="cohost user list")
        return row

    def add(self, name: str, role: Role | str, password: str, *, by: str = "cli") -> User:
        clean = check_name(name)
        role = parse_role(role) if isinstance(role, str) else role
        pw = check_rules(password, name=clean)
        hashed = self.passwords.hash(pw)
        now = self.now()
        with self.db.session() as session:
            if session.scalar(select(UserRow.id).where(UserRow.name_key == name_key(clean))) is not None:
                raise ConflictError(f"账号已存在 / an account named {clean!r} already exists",
                                    hint=f"cohost user passwd {clean}")
            row = UserRow(name=clean, name_key=name_key(clean), role=role.value, password_hash=hashed,
                          created_at=now, updated_at=now, password_changed_at=now, disabled_at=None)
            session.add(row)
            record(session, by, "user.add", f"user:{clean}", {"role": role.value}, at=now)
            session.flush()
            return _user(row)

    def get(self, name: str) -> User:
        with self.db.session() as session:
            return _user(self._row(session, name))

    def list(self) -> list[User]:
        with self.db.session() as session:
            return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.id))]

    def has_owner(self) -> bool:
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(UserRow).where(
                UserRow.role == Role.owner.value, UserRow.disabled_at.is_(None))) != 0

    def set_password(self, name: str, password: str, *, by: str) -> None:
        now = self.now()
        with self.db.session() as session:
            row = self._row(session, name)
            row.password_hash = self.passwords.hash(check_rules(password, name=row.name))
            row.password_changed_at = row.updated_at = now
            self._end_sessions(session, row.id, now)
            record(session, by, "user.passwd", f"user:{row.name}", {}, at=now)

    def set_role(self, name: str, role: Role | str, *, by: str) -> User:
        role = parse_role(role) if isinstance(role, str) else role
        now = self.now()
        with self.db.session() as session:
            row = self._row(session, name)
            if row.role == Role.owner.value and role is not Role.owner:
                self._keep_an_owner(session, row.id)
            before, row.role, row.updated_at = row.role, role.value, now
            self._end_sessions(session, row.id, now)
            record(session, by, "user.role", f"user:{row.name}", {"from": before, "to": role.value}, at=now)
            session.flush()
            return _user(row)

    def disable(self, name: str, *, by: str, disabled: bool = True) -> User:
        now = self.now()
        with self.db.session() as session:
            row = self._row(session, name)
            if disabled and row.role == Role.owner.value:
                self._keep_an_owner(session, row.id)
            row.disabled_at, row.updated_at = (now if disabled else None), now
            if disabled:
                self._end_sessions(session, row.id, now)
            record(session, by, "user.disable" if disabled else "user.enable", f"user:{row.name}", {}, at=now)
            session.flush()
            return _user(row)

    def _keep_an_owner(self, session: Session, user_id: int) -> None:
        others = session.scalar(select(func.count()).select_from(UserRow).where(
            UserRow.role == Role.owner.value, UserRow.disabled_at.is_(None), UserRow.id != user_id))
        if not others:
            raise ConflictError("至少要保留一个所有者账号 / the last active owner cannot be demoted or disabled",
                                hint="add another owner first: cohost user add NAME --role owner")

    def _end_sessions(self, session: Session, user_id: int, now: datetime) -> None:
        session.execute(update(SessionRow).where(SessionRow.user_id == user_id, SessionRow.revoked_at.is_(None))
                        .values(revoked_at=now))

    # login ----------------------------------------------------------------------------------------------
    def _locked_for(self, session: Session, by: Literal["name", "ip"], value: str, limit: int, now: datetime) -> int:
        """Seconds until ``value`` (a name key or an address) may try again; 0 when it may now."""
        since = now - timedelta(seconds=LOCK_WINDOW)
        key = LoginAttemptRow.name_key if by == "name" else LoginAttemptRow.ip
        last_ok = session.scalar(select(func.max(LoginAttemptRow.at)).where(key == value, LoginAttemptRow.ok))
        start = max(since, last_ok) if last_ok is not None else since
        fails = list(session.scalars(select(LoginAttemptRow.at).where(
            key == value, LoginAttemptRow.ok.is_(False), LoginAttemptRow.at > start)
            .order_by(LoginAttemptRow.at.desc()).limit(limit)))
        if len(fails) < limit:
            return 0
        return max(1, int((fails[-1] + timedelta(seconds=LOCK_WINDOW) - now).total_seconds()) + 1)

    def login(self, name: str, password: str, *, ip: str | None = None, user_agent: str | None = None) -> Login:
        now = self.now()
        key = name_key(name or "")[:64]
        ip = (ip or "")[:64] or None
        with self.db.session() as session:
            session.execute(delete(LoginAttemptRow).where(
                LoginAttemptRow.at < now - timedelta(seconds=ATTEMPT_RETENTION)))
            wait = self._locked_for(session, "name", key, LOCK_FAILURES, now)
            if ip is not None:
                wait = max(wait, self._locked_for(session, "ip", ip, IP_FAILURES, now))
        if wait:
            raise LockedError(f"登录失败次数过多，请 {(wait + 59) // 60} 分钟后再试 / too many failed logins: "
                              f"try again in {wait} s", retry_after=wait,
                              hint="an owner can reset the password: cohost user passwd NAME")
        with self.db.session() as session:
            row = session.scalar(select(UserRow).where(UserRow.name_key == key)) if key else None
            usable = row is not None and row.disabled_at is None and len(password or "") <= MAX_PASSWORD
            ok = self.passwords.verify(row.password_hash if usable and row else None, password or "")
            session.add(LoginAttemptRow(name_key=key, ip=ip, ok=ok, at=now))
            if not ok or row is None:
                session.flush()
                if self._locked_for(session, "name", key, LOCK_FAILURES, now):
                    record(session, "system", "auth.lockout", f"user:{key or '-'}", {"ip": ip}, at=now)
                failed = True
            else:
                failed = False
                login = self._open_session(session, row, password, ip, user_agent, now)
        if failed:  # raised after the commit, so the failed attempt is counted
            raise AuthError("账号或密码错误 / wrong account name or password")
        return login

    def _open_session(self, session: Session, row: UserRow, password: str, ip: str | None,
                      user_agent: str | None, now: datetime) -> Login:
        if self.passwords.needs_rehash(row.password_hash):
            row.password_hash = self.passwords.hash(password)
        cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = now + timedelta(seconds=SESSION_MAX)
        session.add(SessionRow(id=digest(cookie), user_id=row.id, csrf=csrf, created_at=now, last_seen_at=now,
                               expires_at=expires, revoked_at=None, ip=ip,
                               user_agent=(user_agent or "")[:200] or None))
        record(session, row.name, "auth.login", f"user:{row.name}", {"ip": ip}, at=now)
        principal = Principal(row.id, row.name, Role(row.role), "session", digest(cookie), csrf)
        return Login(principal, cookie, csrf, expires)

    def change_own_password(self, name: str, current: str, new: str) -> None:
        """A signed-in user changing their password: the current one is checked (and counts for lock-out)."""
        now = self.now()
        key = name_key(name)
        with self.db.session() as session:
            wait = self._locked_for(session, "name", key, LOCK_FAILURES, now)
        if wait:
            raise LockedError(f"尝试次数过多，请 {(wait + 59) // 60} 分钟后再试 / too many attempts: try again in "
                              f"{wait} s", retry_after=wait)
        with self.db.session() as session:
            row = self._row(session, name)
            ok = self.passwords.verify(row.password_hash, current or "")
            session.add(LoginAttemptRow(name_key=key, ip=None, ok=ok, at=now))
        if not ok:
            raise AuthError("当前密码错误 / the current password is wrong")
        self.set_password(name, new, by=name)

    # sessions -------------------------------------------------------------------------------------------
    def session(self, cookie: str) -> Principal | None:
        """The principal of a live session cookie, or None (expired, idle, revoked, disabled, unknown)."""
        if not cookie or len(cookie) > 200:
            return None
        now = self.now()
        with self.db.session() as session:
            found = session.execute(select(SessionRow, UserRow).join(UserRow, UserRow.id == SessionRow.user_id)
                                    .where(SessionRow.id == digest(cookie))).first()
            if found is None:
                return None
            srow, urow = found
            idle_since = now - timedelta(seconds=SESSION_IDLE)
            if (srow.revoked_at is not None or srow.expires_at <= now or srow.last_seen_at <= idle_since
                    or urow.disabled_at is not None):
                return None
            if (now - srow.last_seen_at).total_seconds() >= TOUCH_EVERY:
                srow.last_seen_at = now
            return Principal(urow.id, urow.name, Role(urow.role), "session", srow.id, srow.csrf)

    def logout(self, cookie: str) -> None:
        now = self.now()
        with self.db.session() as session:
            srow = session.get(SessionRow, digest(cookie or ""))
            if srow is not None and srow.revoked_at is None:
                srow.revoked_at = now
                urow = session.get(UserRow, srow.user_id)
                record(session, urow.name if urow else "?", "auth.logout", f"user:{urow.name if urow else '?'}", {},
                       at=now)
