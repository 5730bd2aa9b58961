"""``POST /api/check``: the findings contract, product checks, and refusal of oversized or broken bodies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.governance.roles import Role
from cohost.server import create_app
from cohost.store import Store
from cohost.testing.accounts import seed_crew
from cohost.testing.store_contract import make_catalog


@pytest.fixture
def client(tmp_path: Path, sqlite_store: Store) -> Iterator[TestClient]:
    sqlite_store.catalog.import_catalog(make_catalog(2))
    app = create_app(Settings(home=tmp_path), store=sqlite_store, auth=False)
    crew = seed_crew(app)  # the console refuses anonymous callers; an operator may check text
    with TestClient(app, headers=crew.bearer(Role.operator)) as client:
        yield client


def test_check_returns_findings(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "全网最低价，错过再等一年！"})
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert {(f["rule"], f["text"]) for f in findings} >= {("AD-09-3", "全网最低价"), ("PRICE-19", "错过再等一年")}
    assert all(set(f) == {"rule", "severity", "span", "text", "message", "suggestion"} for f in findings)


def test_check_against_a_stored_product(client: TestClient) -> None:
    body = {"text": "只要9.9元，今晚截止", "sku": "T-001", "mode": "live", "now": "2026-11-20T21:00:00+08:00"}
    assert [f["rule"] for f in client.post("/api/check", json=body).json()["findings"]] == ["PRICE-20"]


def test_operation_id_is_check(client: TestClient) -> None:
    assert client.get("/openapi.json").json()["paths"]["/api/check"]["post"]["operationId"] == "check"


def _problem(response) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == response.status_code and body["title"]
    return body  # type: ignore[no-any-return]


def test_unknown_sku_is_404_problem(client: TestClient) -> None:
    assert "NOPE" in _problem(client.post("/api/check", json={"text": "hi", "sku": "NOPE"}))["detail"]


def test_text_over_20000_characters_is_refused(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "好" * 20_001})
    assert response.status_code == 422 and "text" in _problem(response)["detail"]
    assert client.post("/api/check", json={"text": "好" * 20_000}).status_code == 200


def test_oversized_body_is_413_before_parsing(client: TestClient) -> None:
    response = client.post("/api/check", content=b'{"text": "' + b"a" * 400_000 + b'"}',
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and _problem(response)["code"] == "InputError"


def test_oversized_chunked_body_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"text": 5}', b'{"sku": "T-001"}', b'{"text": "x", "mode": "loud"}'])
def test_malformed_bodies_are_422_problems(client: TestClient, body: bytes) -> None:
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    _problem(response)


def test_empty_and_control_character_texts(client: TestClient) -> None:
    assert client.post("/api/check", json={"text": ""}).json() == {"findings": []}
    response = client.post("/api/check", json={"text": "\x00全网最低\x1b[0m"})
    assert response.status_code == 200
    [first, *_] = response.json()["findings"]
    assert first["span"] == [1, 5] and first["text"] == "全网最低"


def test_lone_surrogates_are_refused_as_invalid_input(client: TestClient) -> None:
    response = client.post("/api/check", content=b'{"text": "\\ud800abc"}', headers={"content-type": "application/json"})
    assert response.status_code == 422
    _problem(response)
