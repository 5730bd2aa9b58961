"""The decision-support API as a client sees it: shows, reports, room-level recommendations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.insights.planner import simulated_catalog
from cohost.insights.room import simulate_shows
from cohost.insights.sales import SalesBook
from cohost.insights.simulator import Market, MarketConfig
from cohost.server import create_app
from cohost.store import Store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    home = tmp_path_factory.mktemp("api")
    market = Market(MarketConfig(seed=4, n_products=10, days=40))
    history = market.history()
    SalesBook(home).merge(history.records)
    simulate_shows(home, market, shows=1, minutes=20, peak_online=100)
    store = Store.open(f"sqlite:///{home / 'cohost.db'}")
    store.catalog.import_catalog(simulated_catalog(market, history.stock_end[-1], 39))
    with TestClient(create_app(Settings(home=home), store=store, auth=False)) as test_client:
        yield test_client
    store.close()


def _show_id(client: TestClient) -> str:
    return str(client.get("/api/shows").json()["shows"][0]["id"])


def test_shows_and_reports_are_listed(client: TestClient) -> None:
    shows = client.get("/api/shows").json()["shows"]
    assert len(shows) == 1 and shows[0]["source"] == "simulator"
    assert client.get("/api/reports", params={"written": True}).json() == {"shows": []}


def test_report_json_and_html(client: TestClient) -> None:
    show_id = _show_id(client)
    data = client.get(f"/api/reports/{show_id}").json()
    assert data["show_id"] == show_id and data["headline"]["orders"] >= 0 and "topics" in data
    page = client.get(f"/api/reports/{show_id}/html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"] and "default-src 'none'" in page.headers[
        "content-security-policy"]
    assert "直播复盘报告" in page.text


def test_unknown_and_hostile_show_ids(client: TestClient) -> None:
    missing = client.get("/api/reports/no-such-show")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    assert client.get("/api/reports/..%2F..%2Fetc").status_code in (404, 422)
    assert client.get("/api/reports/" + "x" * 200).status_code == 422


def test_recommendation_from_signals_and_from_a_show(client: TestClient) -> None:
    body = {"questions": [{"sku": "SIM-004", "intent": "price", "count": 40}], "orders": {"SIM-004": 5},
            "current_sku": "SIM-001", "k": 2}
    data = client.post("/api/recommendations", json=body).json()
    assert data["personalised"] is False and data["recommendations"][0]["sku"] == "SIM-004"
    assert "40人问价格" in data["recommendations"][0]["reason"]
    from_show = client.post("/api/recommendations", json={"show_id": _show_id(client), "window_minutes": 30})
    assert from_show.status_code == 200 and from_show.json()["recommendations"]


def test_a_per_viewer_recommendation_is_refused(client: TestClient) -> None:
    refused = client.post("/api/recommendations", json={"viewer_id": "u8812"})
    assert refused.status_code == 422 and "PI-24" in refused.json()["detail"]
    assert client.post("/api/recommendations", json={"k": 500}).status_code == 422


def test_operation_ids_are_stable(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ids = {op["operationId"] for path in spec["paths"].values() for op in path.values() if "operationId" in op}
    assert {"listShows", "listReports", "getReport", "getReportHtml", "recommendNext"} <= ids


def test_recommendations_need_a_catalog(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'cohost.db'}")
    with TestClient(create_app(Settings(home=tmp_path), store=store, auth=False)) as empty:
        response = empty.post("/api/recommendations", json={})
    store.close()
    assert response.status_code == 422 and "catalog is empty" in response.json()["detail"]
