"""Signing in over HTTP: cookies, CSRF, cross-site refusal, lock-out, setup mode, stage links, hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from cohost.config import Settings
from cohost.governance.roles import Role
from cohost.server import create_app
from cohost.server.auth import secret_key, stage_query, stage_signature, verify_stage
from cohost.store import Store
from cohost.testing.accounts import PASSWORD, Crew, fast, seed_crew, sign_in


@pytest.fixture
def app_and_crew(tmp_path: Path, sqlite_store: Store) -> Iterator[tuple[TestClient, Crew]]:
    app = create_app(Settings(home=tmp_path), store=sqlite_store)

    @app.get("/stage/{room}", include_in_schema=False)  # what the anchor issue will add
    def stage(room: str) -> dict[str, str]:
        return {"stage": room}

    crew = seed_crew(app)
    with TestClient(app, base_url="http://testserver") as client:
        yield client, crew


def test_login_sets_a_strict_httponly_session_cookie_and_a_csrf_cookie(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    response = client.post("/api/auth/login", json={"name": crew.names[Role.operator], "password": PASSWORD})
    assert response.status_code == 200
    cookies = response.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("cohost_session="))
    csrf = next(c for c in cookies if c.startswith("cohost_csrf="))
    assert "HttpOnly" in session and "SameSite=strict" in session and "Path=/" in session
    assert "HttpOnly" not in csrf and "SameSite=strict" in csrf
    assert response.json()["user"] == {"name": "xiaomei", "role": "operator", "role_label": ["场控", "Operator"]}
    assert client.get("/api/auth/session").json()["user"]["name"] == "xiaomei"


def test_unsafe_calls_with_a_cookie_need_the_csrf_header(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    csrf = sign_in(client, crew.names[Role.operator])
    del client.headers["X-CSRF-Token"]
    refused = client.post("/api/rooms/r1/duty", json={"on": True})
    assert refused.status_code == 403 and refused.json()["code"] == "CsrfError"
    wrong = client.post("/api/rooms/r1/duty", json={"on": True}, headers={"X-CSRF-Token": "x" * 43})
    assert wrong.status_code == 403
    ok = client.post("/api/rooms/r1/duty", json={"on": True}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200, ok.text
    # reads need no token
    assert client.get("/api/products").status_code == 200


def test_cross_site_requests_and_sockets_are_refused(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    csrf = sign_in(client, crew.names[Role.operator])
    evil = client.post("/api/rooms/r1/duty", json={"on": True},
                       headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"})
    assert evil.status_code == 403 and "cross-site" in evil.json()["detail"]
    with pytest.raises(WebSocketDisconnect) as closed, \
            client.websocket_connect("/ws/rooms/r1/feed", headers={"Origin": "https://evil.example"}):
        pass
    assert closed.value.code == 1008
    with client.websocket_connect("/ws/rooms/r1/feed", headers={"Origin": "http://testserver"}) as ws:
        assert ws.receive_json()["kind"] == "hello"


def test_bearer_tokens_need_no_csrf_and_bad_ones_are_401(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    assert client.post("/api/rooms/r1/duty", json={"on": True}, headers=crew.bearer(Role.operator)).status_code == 200
    for header in ("Bearer ", "Bearer cohost_nope", "Basic Ym9zczpwdw==", "Bearer " + "x" * 100_000):
        assert client.get("/api/products", headers={"Authorization": header}).status_code == 401


def test_logout_ends_the_session(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    sign_in(client, crew.names[Role.viewer])
    assert client.post("/api/auth/logout").status_code == 200
    client.cookies.clear()
    assert client.get("/api/products").status_code == 401


def test_lockout_over_http_is_429_with_retry_after(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, _crew = app_and_crew
    for _ in range(5):
        assert client.post("/api/auth/login", json={"name": "xiaomei", "password": "wrong-wrong-wrong"}).status_code == 401
    locked = client.post("/api/auth/login", json={"name": "xiaomei", "password": PASSWORD})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b'{"name": "x"}', b'{"name": 1, "password": 2}',
                                  b'{"name": "x", "password": "y", "admin": true}', b"\xff\xfe"])
def test_broken_login_bodies_are_422(app_and_crew: tuple[TestClient, Crew], body: bytes) -> None:
    client, _ = app_and_crew
    response = client.post("/api/auth/login", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.headers["content-type"].startswith("application/problem+json")


def test_huge_login_bodies_are_refused_before_they_are_read(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, _ = app_and_crew
    huge = b'{"name": "boss", "password": "' + b"a" * 5_000_000 + b'"}'
    assert client.post("/api/auth/login", content=huge, headers={"Content-Type": "application/json"}).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        for _ in range(100):
            yield b"x" * 10_000

    assert client.post("/api/auth/login", content=chunks()).status_code == 413


def test_malformed_cookies_are_just_no_session(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, _ = app_and_crew
    for cookie in (b'cohost_session="unterminated', b"cohost_session=" + b"a" * 9000, b"=;=;;cohost_session",
                   "cohost_session=\u00e9\u00e9".encode()):
        response = client.get("/api/products", headers={"Cookie": cookie})
        assert response.status_code == 401


def test_roles_are_enforced_for_a_signed_in_person(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    sign_in(client, crew.names[Role.reviewer])
    assert client.post("/api/rooms/r1/anchor/takeover", json={}).status_code == 403
    assert client.get("/api/users").status_code == 403
    assert client.get("/api/audit").status_code == 200


def test_owner_manages_accounts_over_the_api(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    sign_in(client, crew.names[Role.owner])
    made = client.post("/api/users", json={"name": "newbie", "role": "viewer", "password": "fresh-long-passphrase"})
    assert made.status_code == 201
    assert client.post("/api/users", json={"name": "weak", "role": "viewer", "password": "123"}).status_code == 422
    assert client.patch("/api/users/newbie", json={"role": "operator"}).json()["role"] == "operator"
    assert client.patch("/api/users/boss", json={"disabled": True}).status_code == 409  # the last owner
    assert client.patch("/api/users/nobody", json={"disabled": True}).status_code == 404
    names = [u["name"] for u in client.get("/api/users").json()]
    assert "newbie" in names and all("password" not in u for u in client.get("/api/users").json())


def test_own_tokens_are_shown_once_and_can_be_revoked(app_and_crew: tuple[TestClient, Crew]) -> None:
    client, crew = app_and_crew
    sign_in(client, crew.names[Role.operator])
    made = client.post("/api/auth/tokens", json={"label": "obs"}).json()
    token = made["token"]
    listed = client.get("/api/auth/tokens").json()
    assert all(token not in str(t) for t in listed)
    assert client.get("/api/products", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.delete(f"/api/auth/tokens/{made['info']['id']}").status_code == 200
    assert client.get("/api/products", headers={"Authorization": f"Bearer {token}"}, cookies={}).status_code in (200, 401)
    other = crew.tokens[Role.viewer]
    assert other  # someone else's token id is not found for an operator
    assert client.delete("/api/auth/tokens/1").status_code == 404


def test_until_an_owner_exists_the_console_says_how_to_create_one(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    app = create_app(Settings(home=tmp_path), store=store)
    with TestClient(app) as client:
        refused = client.get("/api/products")
        assert refused.status_code == 503 and "cohost user add NAME --role owner" in refused.json()["hint"]
        assert client.get("/api/auth/session").json() == {"user": None, "csrf": None, "setup_required": True}
        assert client.get("/healthz").status_code == 200
        fast(app).add("boss", Role.owner, PASSWORD)
        assert client.get("/api/products").status_code == 401  # now it is a normal sign-in wall
    store.close()


def test_stage_links_are_signed_per_room_and_expire(app_and_crew: tuple[TestClient, Crew], tmp_path: Path) -> None:
    client, crew = app_and_crew
    made = client.post("/api/rooms/r1/stage-link", json={"hours": 1}, headers=crew.bearer(Role.operator)).json()
    page = client.get(made["path"])
    assert page.status_code == 200 and "AI生成" in page.text
    assert client.get("/stage/r1").status_code == 403
    assert client.get(made["path"].replace("/stage/r1", "/stage/r2")).status_code == 403
    assert client.get(made["path"] + "x").status_code == 403
    key = secret_key(Settings(home=tmp_path))
    assert secret_key(Settings(home=tmp_path)) == key  # kept in the home folder, mode 0600
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0
    query = stage_query(key, "r1", ttl=3600, now=1_000_000.0)
    assert verify_stage(key, "/stage/r1", query, now=1_000_000.0 + 3000) == "r1"
    assert verify_stage(key, "/stage/r1", query, now=1_000_000.0 + 3700) is None
    assert verify_stage(key, "/stage/r1/ws", query, now=1_000_000.0) == "r1"
    assert verify_stage(b"other", "/stage/r1", query, now=1_000_000.0) is None
    assert stage_signature(key, "r1", 5) != stage_signature(key, "r2", 5)
    for junk in ("", "sig=&exp=", "exp=99999999999999999999&sig=a", "exp=1&sig=" + "a" * 5000, "%%%"):
        assert verify_stage(key, "/stage/r1", junk, now=0.0) is None
