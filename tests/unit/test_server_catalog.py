"""The read API over the catalog, its OpenAPI contract and its problem-details errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.server import create_app
from cohost.store import Store
from cohost.testing.store_contract import make_catalog


@pytest.fixture
def client(tmp_path: Path, sqlite_store: Store) -> Iterator[TestClient]:
    sqlite_store.catalog.import_catalog(make_catalog(3))
    app = create_app(Settings(home=tmp_path), store=sqlite_store, auth=False)
    with TestClient(app) as client:
        yield client


def test_healthz(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["database"] == "sqlite"


def test_products_are_listed_in_lineup_order(client: TestClient) -> None:
    page = client.get("/api/products").json()
    assert page["total"] == 3
    assert [p["sku"] for p in page["items"]] == ["T-003", "T-002", "T-001"]
    assert page["items"][0]["price"] == 19.99
    assert client.get("/api/products", params={"category": "食品"}).json()["total"] == 1
    assert [p["sku"] for p in client.get("/api/products", params={"limit": 1, "offset": 1}).json()["items"]] == [
        "T-002"]


def test_product_and_facts(client: TestClient) -> None:
    product = client.get("/api/products/T-001").json()
    assert product["weight_g"] == 350 and product["variants"][0]["sku"] == "T-001-L"
    facts = {f["id"]: f for f in client.get("/api/products/T-001/facts").json()}
    assert facts["T-001.price"]["value"] == 19.99
    assert facts["T-001.variant:T-001-L.stock"]["value"] == 0
    assert facts["T-001.price"]["verified_at"]


def test_shop(client: TestClient) -> None:
    body = client.get("/api/shop").json()
    assert body["shop"]["name"] == "测试小铺"
    assert {f["id"] for f in body["facts"]} == {"shop.name", "shop.policy:returns"}
    assert body["categories"] == {"美妆护肤": 2, "食品": 1}


def test_unknown_product_is_a_problem_document(client: TestClient) -> None:
    response = client.get("/api/products/NOPE")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 404 and "NOPE" in body["detail"] and body["code"] == "NotFoundError"


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"q": "x" * 500}])
def test_bad_query_parameters_are_rejected(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/products", params=params)
    assert response.status_code == 422
    assert response.json()["code"] == "InputError"


def test_unknown_route_is_a_problem_document(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json()["status"] == 404


def test_operation_ids_are_stable(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ids = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert {"healthz", "listProducts", "getProduct", "getProductFacts", "getShop"} <= ids
