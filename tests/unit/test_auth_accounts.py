"""Accounts, passwords, lock-out, sessions and tokens, with a manual clock (no sleeping)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cohost.clock import ManualClock
from cohost.errors import ConflictError, InputError, NotFoundError
from cohost.governance.accounts import (
    LOCK_WINDOW,
    SESSION_IDLE,
    SESSION_MAX,
    Accounts,
    AuthError,
    LockedError,
)
from cohost.governance.passwords import Passwords, check_rules, fast_hasher
from cohost.governance.roles import Role, parse_role
from cohost.governance.tokens import Tokens
from cohost.store import Store
from cohost.store.accounts import UserRow

PW = "plum-blossom-river-42"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def accounts(sqlite_store: Store, clock: ManualClock) -> Accounts:
    accounts = Accounts(sqlite_store.db, clock=clock, passwords=Passwords(fast_hasher()))
    accounts.add("boss", Role.owner, PW)
    accounts.add("xiaomei", Role.operator, PW)
    return accounts


def test_passwords_are_stored_as_argon2id_hashes_never_in_clear(accounts: Accounts, sqlite_store: Store) -> None:
    with sqlite_store.db.session() as session:
        stored = session.scalar(select(UserRow.password_hash).where(UserRow.name == "boss"))
    assert stored is not None and stored.startswith("$argon2id$") and PW not in stored


@pytest.mark.parametrize(("password", "why"), [
    ("short", "至少"), ("aaaaaaaaaaaa", "重复"), ("password123", "常见"), ("Boss", "至少"), ("x" * 300, "最多"),
    ("good-pass\x00word", "控制字符"),
])
def test_weak_or_hostile_passwords_are_refused_with_the_reason(password: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        check_rules(password, name="boss")
    with pytest.raises(InputError, match="用户名"):
        check_rules("boss-the-owner"[:4] * 3, name="bossbossboss")


@pytest.mark.parametrize("name", ["", " ", "-rm", "a b", "x" * 65, "名\n字", "robert'); drop table users;--", "../etc"])
def test_bad_account_names_are_refused(accounts: Accounts, name: str) -> None:
    with pytest.raises(InputError):
        accounts.add(name, Role.viewer, PW)


def test_names_are_unique_regardless_of_case_and_width(accounts: Accounts) -> None:
    with pytest.raises(ConflictError):
        accounts.add("BOSS", Role.viewer, PW)
    with pytest.raises(ConflictError):
        accounts.add("ｂｏｓｓ", Role.viewer, PW)  # full-width letters are the same name
    accounts.add("小美", Role.reviewer, PW)  # Chinese names are fine
    assert accounts.get("小美").role is Role.reviewer


def test_roles_accept_aliases_and_name_the_choices() -> None:
    assert parse_role("read-only") is Role.viewer and parse_role("场控") is Role.operator
    with pytest.raises(InputError, match="owner, operator, reviewer, viewer"):
        parse_role("admin")


def test_login_gives_a_session_and_wrong_passwords_do_not(accounts: Accounts) -> None:
    done = accounts.login("Boss", PW, ip="10.0.0.1")
    assert done.principal.name == "boss" and done.principal.role is Role.owner and done.csrf
    assert accounts.session(done.cookie) == done.principal
    with pytest.raises(AuthError, match="账号或密码错误"):
        accounts.login("boss", "wrong-password-here")
    with pytest.raises(AuthError, match="账号或密码错误"):  # same words for an account that does not exist
        accounts.login("nobody", PW)
    assert accounts.session("forged-cookie") is None and accounts.session("x" * 10_000) is None


def test_five_failures_lock_the_name_for_fifteen_minutes_even_for_the_right_password(
        accounts: Accounts, clock: ManualClock, sqlite_store: Store) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            accounts.login("xiaomei", "guess-guess-guess")
        clock.advance(10)
    with pytest.raises(LockedError) as locked:
        accounts.login("xiaomei", PW)
    assert 0 < locked.value.retry_after <= LOCK_WINDOW
    assert any(e.action == "auth.lockout" for e in sqlite_store.audit.entries(action="auth."))
    accounts.login("boss", PW)  # other names are not affected
    clock.advance(LOCK_WINDOW)
    assert accounts.login("xiaomei", PW).principal.name == "xiaomei"


def test_unknown_names_lock_the_same_way_so_they_cannot_be_told_apart(accounts: Accounts) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            accounts.login("ghost", "guess-guess-guess")
    with pytest.raises(LockedError):
        accounts.login("ghost", "guess-guess-guess")


def test_a_success_resets_the_count(accounts: Accounts, clock: ManualClock) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            accounts.login("xiaomei", "guess-guess-guess")
    clock.advance(1)
    accounts.login("xiaomei", PW)
    clock.advance(1)
    for _ in range(4):
        with pytest.raises(AuthError):
            accounts.login("xiaomei", "guess-guess-guess")
    clock.advance(1)
    accounts.login("xiaomei", PW)


def test_one_address_spraying_many_names_is_locked(accounts: Accounts) -> None:
    for n in range(50):
        with pytest.raises(AuthError):
            accounts.login(f"user{n}", "guess-guess-guess", ip="203.0.113.9")
    with pytest.raises(LockedError):
        accounts.login("boss", PW, ip="203.0.113.9")
    accounts.login("boss", PW, ip="203.0.113.10")


def test_sessions_expire_when_idle_or_old(accounts: Accounts, clock: ManualClock) -> None:
    done = accounts.login("boss", PW)
    clock.advance(SESSION_IDLE - 5)
    assert accounts.session(done.cookie) is not None  # use keeps it alive
    clock.advance(SESSION_IDLE - 5)
    assert accounts.session(done.cookie) is not None
    clock.advance(SESSION_IDLE + 1)
    assert accounts.session(done.cookie) is None
    again = accounts.login("boss", PW)
    for _ in range(int(SESSION_MAX // 3600) + 1):
        clock.advance(3600)
        accounts.session(again.cookie)
    assert accounts.session(again.cookie) is None


def test_password_change_role_change_and_disable_end_sessions(accounts: Accounts) -> None:
    first = accounts.login("xiaomei", PW)
    accounts.set_password("xiaomei", "another-long-passphrase", by="boss")
    assert accounts.session(first.cookie) is None
    with pytest.raises(AuthError):
        accounts.login("xiaomei", PW)
    second = accounts.login("xiaomei", "another-long-passphrase")
    accounts.set_role("xiaomei", Role.reviewer, by="boss")
    assert accounts.session(second.cookie) is None
    third = accounts.login("xiaomei", "another-long-passphrase")
    assert third.principal.role is Role.reviewer
    accounts.disable("xiaomei", by="boss")
    assert accounts.session(third.cookie) is None
    with pytest.raises(AuthError):
        accounts.login("xiaomei", "another-long-passphrase")


def test_own_password_change_checks_the_current_one(accounts: Accounts) -> None:
    with pytest.raises(AuthError, match="当前密码错误"):
        accounts.change_own_password("xiaomei", "not-my-password", "brand-new-passphrase")
    accounts.change_own_password("xiaomei", PW, "brand-new-passphrase")
    accounts.login("xiaomei", "brand-new-passphrase")


def test_the_last_owner_cannot_be_demoted_or_disabled(accounts: Accounts) -> None:
    with pytest.raises(ConflictError, match="所有者"):
        accounts.set_role("boss", Role.operator, by="boss")
    with pytest.raises(ConflictError):
        accounts.disable("boss", by="boss")
    accounts.add("boss2", Role.owner, PW)
    accounts.disable("boss", by="boss2")
    assert accounts.get("boss").disabled and accounts.has_owner()


def test_every_account_change_is_audited(accounts: Accounts, sqlite_store: Store) -> None:
    accounts.set_role("xiaomei", "reviewer", by="boss")
    accounts.login("boss", PW)
    actions = [e.action for e in sqlite_store.audit.entries()]
    assert actions.count("user.add") == 2 and "user.role" in actions and "auth.login" in actions
    assert all(PW not in str(e.detail) for e in sqlite_store.audit.entries())


def test_tokens_act_as_their_account_and_never_above_it(accounts: Accounts, clock: ManualClock,
                                                       sqlite_store: Store) -> None:
    tokens = Tokens(accounts)
    secret, info = tokens.issue("xiaomei", label="抖音连接器", by="boss", days=1)
    assert secret.startswith("cohost_") and info.role is Role.operator
    principal = tokens.principal(secret)
    assert principal is not None and principal.name == "xiaomei" and principal.via == "token"
    with sqlite_store.db.session() as session:  # only the hash is kept
        from cohost.store.accounts import ApiTokenRow

        assert session.scalar(select(func.count()).select_from(ApiTokenRow).where(ApiTokenRow.token_hash == secret)) == 0
    with pytest.raises(InputError, match="more rights"):
        tokens.issue("xiaomei", role=Role.owner, by="xiaomei")
    viewer_secret, _ = tokens.issue("xiaomei", role="viewer", by="xiaomei")
    assert tokens.principal(viewer_secret).role is Role.viewer  # type: ignore[union-attr]
    clock.advance(86400 + 1)
    assert tokens.principal(secret) is None  # expired
    assert tokens.principal("cohost_" + "x" * 43) is None and tokens.principal("Bearer junk") is None
    tokens.revoke(tokens.list("xiaomei")[1].id, by="boss")
    assert tokens.principal(viewer_secret) is None
    with pytest.raises(NotFoundError):
        tokens.revoke(999, by="boss")


def test_a_token_of_a_demoted_account_keeps_only_read_access(accounts: Accounts) -> None:
    tokens = Tokens(accounts)
    accounts.add("owner2", Role.owner, PW)
    secret, _ = tokens.issue("boss", by="boss")
    accounts.set_role("boss", Role.reviewer, by="owner2")
    assert tokens.principal(secret).role is Role.viewer  # type: ignore[union-attr]
    accounts.disable("boss", by="owner2")
    assert tokens.principal(secret) is None
