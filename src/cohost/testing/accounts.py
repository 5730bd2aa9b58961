"""Accounts for tests: one account per role with a bearer token each, cheap password hashing, and a
signed-in console client (cookie + CSRF header) — the same paths a person and a tool take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cohost.governance.accounts import Accounts
from cohost.governance.passwords import Passwords, fast_hasher
from cohost.governance.roles import Role
from cohost.governance.tokens import Tokens

PASSWORD = "live-room-test-pass"
NAMES = {Role.owner: "boss", Role.operator: "xiaomei", Role.reviewer: "laowang", Role.viewer: "guest"}


@dataclass(frozen=True)
class Crew:
    """The seeded accounts: ``names[role]`` signs in with ``PASSWORD``; ``tokens[role]`` is a bearer token."""

    names: dict[Role, str]
    tokens: dict[Role, str]

    def bearer(self, role: Role) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def fast(app: Any) -> Accounts:
    """Make the app's password checks cheap (argon2id with tiny parameters); returns its ``Accounts``."""
    accounts: Accounts = app.state.accounts
    accounts.passwords = Passwords(fast_hasher())
    return accounts


def seed_crew(app: Any, *, password: str = PASSWORD) -> Crew:
    """One account per role (owner first) with a token each, on an app built with auth on."""
    accounts = fast(app)
    tokens = Tokens(accounts)
    out: dict[Role, str] = {}
    for role, name in NAMES.items():
        accounts.add(name, role, password, by="test")
        out[role], _ = tokens.issue(name, label="test", by="test")
    return Crew(dict(NAMES), out)


def sign_in(client: Any, name: str, password: str = PASSWORD) -> str:
    """Sign a TestClient in through ``POST /api/auth/login``; sets the CSRF header for later unsafe calls."""
    response = client.post("/api/auth/login", json={"name": name, "password": password})
    assert response.status_code == 200, response.text
    csrf: str = response.json()["csrf"]
    client.headers["X-CSRF-Token"] = csrf
    return csrf
