"""The scripts API: create, read, review; stable operation ids; problem-details errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.domain import Catalog
from cohost.server import create_app
from cohost.store import Store

SHOP = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"
BODY = {"skus": ["MZ-001", "SP-001"], "minutes": 15, "style": "专业", "seed": 3,
        "start": "2026-11-20T20:00:00+08:00"}


@pytest.fixture
def client(tmp_path: Path, sqlite_store: Store) -> Iterator[TestClient]:
    sqlite_store.catalog.import_catalog(Catalog.model_validate(json.loads(SHOP.read_text(encoding="utf-8"))))
    with TestClient(create_app(Settings(home=tmp_path), store=sqlite_store, auth=False)) as client:
        yield client


def test_operation_ids_are_stable(client: TestClient) -> None:
    ops = {op["operationId"] for path in client.get("/openapi.json").json()["paths"].values() for op in path.values()}
    assert {"listScripts", "createScript", "getScript", "viewScript", "getScriptHistory", "submitScript",
            "approveScript", "rejectScript", "editScript"} <= ops


def test_create_review_and_approve(client: TestClient) -> None:
    made = client.post("/api/scripts", json=BODY)
    assert made.status_code == 201
    script = made.json()
    assert script["status"] == "draft" and abs(sum(s["seconds"] for s in script["segments"]) - 900) <= 18
    sid = script["id"]
    assert client.get("/api/scripts").json()["total"] == 1
    assert client.get(f"/api/scripts/{sid}").json()["id"] == sid
    assert "本脚本由AI生成" in client.get(f"/api/scripts/{sid}/view").text
    assert client.get(f"/api/scripts/{sid}/view", params={"format": "html"}).headers["content-type"].startswith(
        "text/html")
    early = client.post(f"/api/scripts/{sid}/approve", json={"by": "王姐"})
    assert early.status_code == 409 and early.headers["content-type"] == "application/problem+json"
    assert client.post(f"/api/scripts/{sid}/submit", json={"by": "小李"}).json()["status"] == "in_review"
    assert client.post(f"/api/scripts/{sid}/reject", json={"by": "王姐"}).status_code == 422
    doc = client.get(f"/api/scripts/{sid}").json()
    doc["segments"][0]["lines"][0] = "各位好，欢迎来到禾溪小铺。"
    edited = client.put(f"/api/scripts/{sid}", json={"by": "王姐", "script": doc})
    assert edited.status_code == 200 and edited.json()["version"] == 2
    approved = client.post(f"/api/scripts/{sid}/approve", json={"by": "王姐", "comment": "ok"})
    # the signed-in account is recorded, never the name a request body claims ("local" when auth is off)
    assert approved.json()["status"] == "approved" and approved.json()["reviewer"] == "local"
    trail = client.get(f"/api/scripts/{sid}/history").json()
    assert [t["action"] for t in trail] == ["create", "submit", "edit", "approve"]
    assert trail[2]["diff"].count("+[0]") == 1


@pytest.mark.parametrize(("body", "status"), [
    ({**BODY, "skus": []}, 422), ({**BODY, "minutes": 0}, 422), ({**BODY, "skus": ["NOPE"]}, 404),
    ({**BODY, "style": "x" * 17}, 422), ({**BODY, "audience": "人" * 201}, 422), ({**BODY, "minutes": 1}, 422),
    ({**BODY, "skus": ["MZ-001"] * 2}, 422),
])
def test_bad_requests_get_problem_details(client: TestClient, body: dict[str, object], status: int) -> None:
    response = client.post("/api/scripts", json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json" and response.json()["detail"]


def test_missing_script_is_404(client: TestClient) -> None:
    assert client.get("/api/scripts/S-NOPE").status_code == 404
    assert client.post("/api/scripts/S-NOPE/submit", json={"by": "a"}).status_code == 404
