"""The live screen's API: snapshot, human queue (reply with checks, resolve), suggestions, anchor controls
with the duty rule, room script, audit and AI utterances — against a room fed by the audience simulator."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.domain import Catalog
from cohost.domain.script import Script, Segment
from cohost.governance.roles import Role
from cohost.live.simulator import AudienceSimulator, SimOptions
from cohost.server import create_app
from cohost.server.rooms import RoomControl
from cohost.store import Store
from cohost.testing.accounts import Crew, seed_crew
from cohost.testing.catalogs import sample_catalog_json

ROOM = "r1"


def _wait(client: TestClient, headers: dict[str, str], ready: Any, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        view: dict[str, Any] = client.get(f"/api/rooms/{ROOM}/console", headers=headers).json()
        if ready(view) or time.monotonic() > deadline:
            return view
        time.sleep(0.1)


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Crew, dict[str, Any]]]:
    home = tmp_path_factory.mktemp("home")
    store = Store.open(f"sqlite:///{Path(home) / 'cohost.db'}")
    store.catalog.import_catalog(Catalog.model_validate(sample_catalog_json()))
    app = create_app(Settings(home=home), store=store)
    crew = seed_crew(app)
    events = list(AudienceSimulator(store.catalog.list(), SimOptions(rate=6, minutes=4, seed=3, room=ROOM)).events())
    with TestClient(app) as client:
        body = "\n".join(json.dumps(e, ensure_ascii=False) for e in events)
        assert client.post(f"/api/rooms/{ROOM}/events", content=body.encode(), headers=crew.bearer(Role.operator)).status_code == 200
        view = _wait(client, crew.bearer(Role.viewer),
                     lambda v: v["queue"] and v["suggestions"] and len(v["metrics"]) >= 3)
        yield client, crew, view
    store.close()


def test_the_snapshot_has_everything_the_live_screen_shows(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    _, _, view = room
    assert view["room"] == ROOM and view["session"]
    assert len(view["comments"]) == 100 and all("text" in c and "intent" in c for c in view["comments"])
    assert all("1381234" not in c["text"] for c in view["comments"])
    assert view["metrics"][-1]["online"] is not None
    top = view["groups"][0]
    assert top["count"] >= max(g["count"] for g in view["groups"]) and top["answer"]["text"]
    assert view["queue"] and {"id", "reason", "text", "status"} <= set(view["queue"][0])
    assert view["queue"][0]["ts"] > 1_000_000_000  # stream time even though escalation records carry none
    assert view["suggestions"][0]["evidence"]
    assert view["anchor"]["mode"] == "ai" and view["anchor"]["duty"] == []
    assert view["current_product"]["sku"] in {p["sku"] for p in sample_catalog_json()["products"]}
    assert view["me"] == {"name": "guest", "role": "viewer", "on_duty": False}


def test_reply_is_checked_for_personal_data_and_advertising_rules(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, view = room
    op = crew.bearer(Role.operator)
    item = view["queue"][0]["id"]
    url = f"/api/rooms/{ROOM}/queue/{item}/reply"
    pii = client.post(url, json={"text": "加我电话13812345678"}, headers=op)
    assert pii.status_code == 422 and "个人信息" in pii.json()["detail"]
    bad = client.post(url, json={"text": "放心，这是全网最低价，绝对安全无副作用"}, headers=op)
    assert bad.status_code == 422 and bad.json()["code"] == "ComplianceBlocked"
    assert {f["text"] for f in bad.json()["findings"]} & {"全网最低价", "绝对安全", "无副作用", "全网最低"}
    for body in ({"text": ""}, {"text": "x" * 501}, {"text": "ok", "extra": 1}, {}):
        assert client.post(url, json=body, headers=op).status_code == 422
    good = client.post(url, json={"text": "您好，已为您登记，客服稍后私信联系您。"}, headers=op)
    assert good.status_code == 200 and good.json()["item"]["replies"][0]["by"] == "xiaomei"
    assert client.post(f"/api/rooms/{ROOM}/queue/nope-1/reply", json={"text": "hi"}, headers=op).status_code == 404
    assert client.post(f"/api/rooms/{ROOM}/queue/../x/reply", json={"text": "hi"}, headers=op).status_code in (404, 422)


def test_resolve_and_suggestion_decisions_are_audited_and_survive_a_reload(
        room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, view = room
    op = crew.bearer(Role.operator)
    item = view["queue"][-1]["id"]
    done = client.post(f"/api/rooms/{ROOM}/queue/{item}/resolve", json={"note": "已私信处理"}, headers=op).json()
    assert done["item"]["status"] == "resolved" and done["changed"]
    assert client.post(f"/api/rooms/{ROOM}/queue/{item}/resolve", json={}, headers=op).json()["changed"] is False
    sug = view["suggestions"][0]["id"]
    assert client.post(f"/api/rooms/{ROOM}/suggestions/{sug}/accept", json={}, headers=op).json()["item"]["status"] == "accepted"
    assert client.post(f"/api/rooms/{ROOM}/suggestions/{sug}/maybe", json={}, headers=op).status_code == 422
    audit = client.get("/api/audit", params={"action": "queue.", "actor": "xiaomei"}, headers=op).json()
    assert {e["action"] for e in audit["items"]} >= {"queue.resolve", "queue.reply"}
    # a restarted server rebuilds the decisions from the audit log
    registry = client.app.state.rooms  # type: ignore[attr-defined]
    registry.rooms[ROOM] = RoomControl(ROOM)
    again = client.get(f"/api/rooms/{ROOM}/console", headers=op).json()
    assert next(q for q in again["queue"] if q["id"] == item)["status"] == "resolved"
    assert next(s for s in again["suggestions"] if s["id"] == sug)["status"] == "accepted"


def test_anchor_controls_need_a_person_on_duty_to_give_the_mic_back(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, _ = room
    op = crew.bearer(Role.operator)
    base = f"/api/rooms/{ROOM}/anchor"
    taken = client.post(f"{base}/takeover", json={"reason": "讲解新品"}, headers=op).json()
    assert taken["mode"] == "human" and taken["by"] == "xiaomei" and taken["changed"]
    assert client.post(f"{base}/takeover", json={}, headers=op).json()["changed"] is False
    refused = client.post(f"{base}/resume", json={}, headers=op)
    assert refused.status_code == 409 and "在岗" in refused.json()["detail"]
    assert client.post(f"/api/rooms/{ROOM}/duty", json={"on": True}, headers=op).json()["duty"][0]["name"] == "xiaomei"
    assert client.post(f"{base}/resume", json={}, headers=op).json()["mode"] == "ai"
    last = client.post(f"/api/rooms/{ROOM}/duty", json={"on": False}, headers=op)
    assert last.status_code == 409  # the last person cannot leave while the AI has the mic
    assert client.post(f"{base}/kill", json={"reason": "说错价格"}, headers=op).json()["mode"] == "killed"
    assert client.post(f"{base}/explode", json={}, headers=op).status_code == 422
    state = client.get(base, headers=crew.bearer(Role.viewer)).json()
    assert state["mode"] == "killed" and state["reason"] == "说错价格"
    actions = [e["action"] for e in client.get("/api/audit", params={"action": "anchor."}, headers=op).json()["items"]]
    assert actions[:3] == ["anchor.kill", "anchor.resume", "anchor.takeover"]
    assert client.post(f"{base}/resume", json={}, headers=op).json()["mode"] == "ai"


def test_an_attached_anchor_is_driven_and_reports_its_segment(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, _ = room
    calls: list[str] = []

    class Runner:
        def takeover(self, by: str, reason: str) -> None:
            calls.append(f"takeover:{by}")

        def resume(self, by: str) -> None:
            calls.append(f"resume:{by}")

        def kill(self, by: str, reason: str) -> None:
            calls.append(f"kill:{by}:{reason}")

        def status(self) -> dict[str, Any]:
            return {"speaking": True, "script_id": "S1", "segment": {"index": 2, "kind": "product"},
                    "next_segments": [{"index": 3, "kind": "closing"}]}

    client.app.state.rooms.attach_anchor(ROOM, Runner())  # type: ignore[attr-defined]
    op = crew.bearer(Role.operator)
    state = client.post(f"/api/rooms/{ROOM}/anchor/takeover", json={}, headers=op).json()
    assert state["attached"] and state["speaking"] and state["segment"]["index"] == 2
    client.post(f"/api/rooms/{ROOM}/anchor/kill", json={"reason": "x"}, headers=op)
    assert calls == ["takeover:xiaomei", "kill:xiaomei:x"]
    client.app.state.rooms.attach_anchor(ROOM, None)  # type: ignore[attr-defined]
    client.post(f"/api/rooms/{ROOM}/anchor/resume", json={}, headers=op)


def test_only_an_approved_script_can_be_the_room_script(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, _ = room
    op = crew.bearer(Role.operator)
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    made = store.scripts.add(Script(id="S-room-1", minutes=3, skus=["MZ-001", "MZ-002"], segments=[
        Segment(kind="opening", seconds=20, lines=["欢迎来到直播间！"]),
        Segment(kind="product", sku="MZ-001", seconds=80, lines=["先看这款精华。"]),
        Segment(kind="product", sku="MZ-002", seconds=80, lines=["再看这款面霜。"])]), actor="xiaomei").model_dump()
    refused = client.post(f"/api/rooms/{ROOM}/script", json={"script_id": made["id"]}, headers=op)
    assert refused.status_code == 409 and "not approved" in refused.json()["detail"]
    client.post(f"/api/scripts/{made['id']}/submit", json={"by": "xiaomei"}, headers=op)
    client.post(f"/api/scripts/{made['id']}/approve", json={"by": "laowang"}, headers=crew.bearer(Role.reviewer))
    chosen = client.post(f"/api/rooms/{ROOM}/script", json={"script_id": made["id"]}, headers=op).json()
    assert chosen["script"]["id"] == made["id"]
    on_screen = client.get(f"/api/rooms/{ROOM}/console", headers=op).json()["current_product"]["sku"]
    expected = {"MZ-001": [2], "MZ-002": []}.get(on_screen, [0, 1, 2])  # the segments after the product on screen
    assert [s["index"] for s in chosen["script"]["next_segments"]] == expected


def test_audit_filters_and_ai_utterances(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, _ = room
    headers = crew.bearer(Role.reviewer)
    everything = client.get("/api/audit", headers=headers).json()
    assert everything["total"] >= 5
    ats = [e["at"] for e in everything["items"]]
    assert ats == sorted(ats, reverse=True)  # newest first
    assert client.get("/api/audit", params={"q": "%"}, headers=headers).json()["total"] == 0  # LIKE is escaped
    assert client.get("/api/audit", params={"limit": 0}, headers=headers).status_code == 422
    assert client.get("/api/audit", params={"q": "x" * 201}, headers=headers).status_code == 422
    said = client.get("/api/audit/utterances", params={"room": ROOM}, headers=headers).json()["items"]
    assert said and all(u["room"] == ROOM and "facts" in u for u in said)
    spoken = [u for u in said if u["route"] == "anchor"]
    assert spoken and spoken[0]["question"]["examples"] and spoken[0]["facts"]
    escalated = client.get("/api/audit/utterances", params={"escalated": "true"}, headers=headers).json()["items"]
    assert all(u["escalate"] for u in escalated)
    assert client.get("/api/audit/utterances", params={"room": "../etc"}, headers=headers).status_code == 422
    assert client.get("/api/audit", headers=crew.bearer(Role.viewer)).status_code == 403


def test_room_names_are_validated(room: tuple[TestClient, Crew, dict[str, Any]]) -> None:
    client, crew, _ = room
    viewer = crew.bearer(Role.viewer)
    assert client.get("/api/rooms/bad%20room/console", headers=viewer).status_code == 422
    assert client.get(f"/api/rooms/{'x' * 65}/console", headers=viewer).status_code == 422
    assert any(r["room"] == ROOM for r in client.get("/api/rooms", headers=viewer).json()["rooms"])
