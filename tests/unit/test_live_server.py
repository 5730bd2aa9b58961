"""The live API: batch and WebSocket ingest with per-line problems, metrics, controls and the feed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.domain import Catalog
from cohost.live.room import LiveConfig
from cohost.live.runner import RoomHub
from cohost.live.wiring import default_collaborators
from cohost.server import create_app
from cohost.server.routes import live as live_routes
from cohost.store import Store
from cohost.testing.live_fakes import ScriptedSource, products


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store.open(f"sqlite:///{tmp_path / 'cohost.db'}")
    store.catalog.import_catalog(Catalog(products=products()))
    with TestClient(create_app(Settings(home=tmp_path), store=store, auth=False)) as c:
        yield c
    store.close()


def drained(client: TestClient, room: str) -> dict[str, Any]:
    for _ in range(500):  # each request lets the room's worker run; no sleeping
        body: dict[str, Any] = client.get(f"/api/rooms/{room}/metrics").json()
        if body["queued_input"] == 0:
            return body
    raise AssertionError("the room never drained its queue")


def test_batch_ingest_reports_bad_lines_by_number_and_processes_the_rest(client: TestClient) -> None:
    src = ScriptedSource(room="r9").stats(0, 321, "MZ-001").chat("这个多少钱", 1).raw(b"{oops").chat("电话13812345678", 2)
    src.raw('{"ts": 1, "type": "spaceship"}').chat("质量太差了", 3)
    body = b"\n".join(src.events[:2]) + b"\n\n" + b"\n".join(src.events[2:]) + b"\n"
    response = client.post("/api/rooms/r9/events", content=body)
    assert response.status_code == 200
    result = response.json()
    assert result["accepted"] == 6 and result["refs"] == [1, 6]
    assert [(p["line"], p["code"]) for p in result["problems"]] == [(4, "malformed_json"), (6, "unknown_type")]
    metrics = drained(client, "r9")
    assert metrics["metrics"]["online"] == 321 and metrics["totals"]["comments"] == 3
    assert metrics["totals"]["pii"] == 1 and metrics["problems"] == 2
    assert metrics["anchor_queue"][0]["sku"] == "MZ-001"
    assert "13812345678" not in json.dumps(metrics, ensure_ascii=False)


def test_limits_and_bad_names(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live_routes, "MAX_BODY", 1000)
    assert client.post("/api/rooms/r1/events", content=b"x" * 2000).status_code == 413
    monkeypatch.setattr(live_routes, "MAX_LINES", 3)
    assert client.post("/api/rooms/r1/events", content=b"{}\n" * 4).status_code == 413
    assert client.post("/api/rooms/bad%20room/events", content=b"{}").status_code == 422
    assert client.post("/api/rooms/r1/control", json={"type": "explode"}).status_code == 422


def test_a_full_room_refuses_a_batch_before_logging_it(client: TestClient) -> None:
    hub = RoomHub(client.app.state.settings.home,  # type: ignore[attr-defined]
                  lambda t: default_collaborators(client.app.state.store, t),  # type: ignore[attr-defined]
                  config=LiveConfig(queue_size=2))
    client.app.state.live_hub = hub  # type: ignore[attr-defined]
    body = ScriptedSource(room="full").chats(["多少钱", "有货吗", "包邮吗"], at=1).text()
    response = client.post("/api/rooms/full/events", content=body)
    assert response.status_code == 429 and response.headers["retry-after"] == "1"
    assert client.post("/api/rooms/full/events", content=b"\n".join(body.split(b"\n")[:2])).json()["accepted"] == 2


def test_websocket_ingest_and_the_feed_see_masked_records_live(client: TestClient) -> None:
    src = ScriptedSource(room="ws1").stats(0, 50, "MZ-001").chat("这个多少钱", 1).chat("加我vx: abc_12345 便宜", 2)
    with client.websocket_connect("/ws/rooms/ws1/feed") as feed:
        hello = feed.receive_json()
        assert hello["kind"] == "hello" and hello["room"] == "ws1"
        with client.websocket_connect("/ws/ingest/ws1") as ingest:
            ingest.send_text(src.text().decode())
            ack = ingest.receive_json()
            assert ack["accepted"] == 3 and ack["problems"] == []
            ingest.send_bytes(b"not json at all")
            assert ingest.receive_json()["problems"][0]["code"] == "malformed_json"
        seen: list[dict[str, Any]] = []
        while not any(r["kind"] == "error" for r in seen):
            seen.append(feed.receive_json())
    comments = [r for r in seen if r["kind"] == "comment"]
    assert [c["moderation"] for c in comments] == ["ok", "diversion"]
    assert "abc_12345" not in json.dumps(seen, ensure_ascii=False)
    assert any(r["kind"] == "answer" and r["route"] == "anchor" for r in seen)


def test_operator_control_ends_the_session_and_the_next_batch_starts_a_new_one(client: TestClient) -> None:
    client.post("/api/rooms/c1/events", content=ScriptedSource(room="c1").chat("多少钱", 1).text())
    first = drained(client, "c1")["session"]
    assert client.post("/api/rooms/c1/control", json={"type": "takeover", "operator": "小王"}).json()["applied"] == "takeover"
    assert client.post("/api/rooms/c1/control", json={"type": "end"}).status_code == 200
    for _ in range(500):
        runner = client.app.state.live_hub.rooms["c1"]  # type: ignore[attr-defined]
        if runner.ended:
            break
        client.get("/api/rooms/c0/metrics")
    client.post("/api/rooms/c1/events", content=ScriptedSource(room="c1").chat("多少钱", 1).text())
    assert drained(client, "c1")["session"] != first
