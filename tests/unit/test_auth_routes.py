"""Every route refuses anonymous and wrong-role callers. Generated from the app's own route list (HTTP and
WebSocket, cross-checked with openapi.json), so a route added tomorrow is tested tomorrow — and a route
nobody put in the policy table is refused to everyone and fails ``test_every_route_has_a_policy``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from cohost.config import Settings
from cohost.governance.roles import Role
from cohost.server import create_app
from cohost.server.policy import POLICY, PUBLIC, rule_for
from cohost.store import Store
from cohost.testing.accounts import Crew, seed_crew

SAMPLES = {"room": "r1", "sku": "SKU-1", "script_id": "S1", "show_id": "show1", "token_id": "1", "name": "guest",
           "action": "takeover", "item": "x1", "decision": "accept"}


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for route in iter_route_contexts(app.routes):
        path = route.path
        methods = route.methods
        if methods is None:
            out.append(("WS", path) if type(route.original_route).__name__.endswith("WebSocketRoute")
                       else ("GET", path))
            continue
        out.extend((m, path) for m in sorted(methods) if m != "HEAD")
    return out


def _url(template: str) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda m: SAMPLES.get(m.group(1), "x"), template)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, FastAPI, Crew]]:
    home = tmp_path_factory.mktemp("home")
    store = Store.open(f"sqlite:///{Path(home) / 'cohost.db'}")
    app = create_app(Settings(home=home), store=store)
    crew = seed_crew(app)
    with TestClient(app) as client:
        yield client, app, crew
    store.close()


def _call(client: TestClient, method: str, template: str, headers: dict[str, str]) -> int:
    url = _url(template)
    if method == "WS":
        try:
            with client.websocket_connect(url, headers=headers):
                return 101
        except WebSocketDisconnect as exc:
            return 403 if exc.code == 1008 else exc.code
    return client.request(method, url, headers=headers, content=b"{}").status_code


def test_every_route_has_a_policy(setup: tuple[TestClient, FastAPI, Crew]) -> None:
    _, app, _ = setup
    missing = [f"{m} {p}" for m, p in _routes(app) if rule_for(m, p) is None and not p.startswith("/stage/")]
    assert missing == [], "add these routes to cohost.server.policy.POLICY"
    stale = sorted(f"{m} {p}" for (m, p) in POLICY if (m, p) not in set(_routes(app)))
    assert stale == [], "these policy entries name routes that no longer exist"


def test_openapi_lists_no_route_the_guard_does_not_know(setup: tuple[TestClient, FastAPI, Crew]) -> None:
    client, app, crew = setup
    spec = client.get("/openapi.json", headers=crew.bearer(Role.viewer)).json()
    known = set(_routes(app))
    for path, ops in spec["paths"].items():
        for method in ops:
            assert (method.upper(), path) in known


def test_anonymous_callers_are_refused_everywhere_but_public_routes(setup: tuple[TestClient, FastAPI, Crew]) -> None:
    client, app, _ = setup
    checked = 0
    for method, template in _routes(app):
        if rule_for(method, template) is PUBLIC:
            continue
        status = _call(client, method, template, {})
        assert status in (401, 403), f"{method} {template} answered {status} to an anonymous caller"
        if template.startswith("/stage/"):  # a stage link without a valid signature is refused outright
            assert status == 403, f"{method} {template}"
        elif method != "WS":
            assert status == 401, f"{method} {template}"
        checked += 1
    assert checked >= 40


def test_wrong_roles_are_refused(setup: tuple[TestClient, FastAPI, Crew]) -> None:
    client, app, crew = setup
    checked = 0
    for method, template in _routes(app):
        rule = rule_for(method, template)
        if rule is None or rule is PUBLIC:
            continue
        for role in Role:
            if role in rule:
                continue
            status = _call(client, method, template, crew.bearer(role))
            assert status == 403, f"{method} {template} answered {status} to a {role.value}"
            checked += 1
    assert checked >= 30


def test_a_route_missing_from_the_policy_is_refused_even_to_the_owner(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    app = create_app(Settings(home=tmp_path), store=store)

    @app.post("/api/forgotten")
    def forgotten() -> dict[str, str]:
        return {"oops": "open"}

    crew = seed_crew(app)
    with TestClient(app) as client:
        assert client.post("/api/forgotten").status_code == 401
        refused = client.post("/api/forgotten", headers=crew.bearer(Role.owner))
        assert refused.status_code == 403
        assert "POST /api/forgotten" in refused.json()["detail"]
    store.close()


def test_public_routes_and_unknown_paths(setup: tuple[TestClient, FastAPI, Crew]) -> None:
    client, _, crew = setup
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/static/i18n.js").status_code == 200
    assert client.get("/api/auth/session").json()["user"] is None
    # an unknown API path does not tell a stranger whether it exists
    assert client.get("/api/no-such-thing").status_code == 401
    assert client.get("/api/no-such-thing", headers=crew.bearer(Role.viewer)).status_code == 404
