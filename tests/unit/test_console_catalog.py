"""``POST /api/catalog/import``: the console's upload, all-or-nothing, with every bad row named."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.governance.roles import Role
from cohost.server import create_app
from cohost.server.routes.catalog_admin import MAX_UPLOAD, safe_name
from cohost.store import Store
from cohost.testing.accounts import Crew, seed_crew
from cohost.testing.catalogs import sample_catalog_json

GOOD = "sku,title,category,price,stock\nA-1,山茶花护手霜,美妆护肤,39.9,200\nA-2,竹纤维毛巾,家居,19,50\n"
BAD = "sku,title,category,price,stock\nA-1,山茶花护手霜,美妆护肤,39.9,200\nA-2,竹纤维毛巾,家居,abc,50\nA-1,重复,家居,1,-1\n"


@pytest.fixture
def client(tmp_path: Path, sqlite_store: Store) -> Iterator[tuple[TestClient, Crew, Store]]:
    app = create_app(Settings(home=tmp_path), store=sqlite_store)
    crew = seed_crew(app)
    with TestClient(app) as c:
        yield c, crew, sqlite_store


def _upload(c: TestClient, crew: Crew, *files: tuple[str, bytes], role: Role = Role.owner) -> object:
    return c.post("/api/catalog/import", files=[("file", (name, data)) for name, data in files], headers=crew.bearer(role))


def test_a_good_csv_is_imported_and_audited(client: tuple[TestClient, Crew, Store]) -> None:
    c, crew, store = client
    done = _upload(c, crew, ("新品.csv", GOOD.encode()))
    assert done.status_code == 200, done.text  # type: ignore[attr-defined]
    assert done.json() == {"file": "新品.csv", "added": 2, "updated": 0, "unchanged": 0, "total": 2}  # type: ignore[attr-defined]
    again = _upload(c, crew, ("新品.csv", GOOD.encode())).json()  # type: ignore[attr-defined]
    assert again["unchanged"] == 2 and again["added"] == 0
    assert {p.sku for p in store.catalog.list()} == {"A-1", "A-2"}
    assert store.audit.entries(action="catalog.import")[0].actor == "boss"


def test_a_bad_row_imports_nothing_and_every_problem_is_listed(client: tuple[TestClient, Crew, Store]) -> None:
    c, crew, store = client
    refused = _upload(c, crew, ("新品.csv", BAD.encode()))
    assert refused.status_code == 422  # type: ignore[attr-defined]
    problems = refused.json()["problems"]  # type: ignore[attr-defined]
    assert any(p.startswith("新品.csv:3:price:") for p in problems)
    assert any(p.startswith("新品.csv:4:") for p in problems)
    assert store.catalog.list() == []


def test_json_and_xlsx_work_too(client: tuple[TestClient, Crew, Store]) -> None:
    from openpyxl import Workbook

    c, crew, store = client
    assert _upload(c, crew, ("shop.json", json.dumps(sample_catalog_json()).encode())).status_code == 200  # type: ignore[attr-defined]
    book = Workbook()
    sheet = book.active
    for row in [["sku", "title", "category", "price", "stock"], ["X-1", "保温杯", "家居", 59, 10]]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    assert _upload(c, crew, ("表格.xlsx", buffer.getvalue())).json()["added"] == 1  # type: ignore[attr-defined]
    assert len(store.catalog.list()) == len(sample_catalog_json()["products"]) + 1


def test_side_files_ride_along_with_the_main_csv(client: tuple[TestClient, Crew, Store]) -> None:
    c, crew, store = client
    variants = "product_sku,sku,name,price,stock\nA-1,A-1-S,小号,29.9,5\n"
    assert _upload(c, crew, ("new.csv", GOOD.encode()), ("new.variants.csv", variants.encode())).status_code == 200  # type: ignore[attr-defined]
    assert store.catalog.get("A-1").product.variants[0].sku == "A-1-S"


@pytest.mark.parametrize(("files", "word"), [
    ((("shop.exe", b"MZ"),), "unsupported"),
    ((("shop.csv", b"\xff\xfe\x00garbage\x00"),), ""),
    ((("shop.json", b"{not json"),), ""),
    ((("shop.xlsx", b"PK\x03\x04 this is no workbook"),), ""),
    ((("a.csv", b"sku\n"), ("a.csv", b"x")), "two files"),
])
def test_broken_files_are_422_with_a_message(client: tuple[TestClient, Crew, Store], files: tuple[tuple[str, bytes], ...],
                                             word: str) -> None:
    c, crew, store = client
    refused = _upload(c, crew, *files)
    assert refused.status_code == 422, refused.text  # type: ignore[attr-defined]
    assert word in refused.json()["detail"]  # type: ignore[attr-defined]
    assert store.catalog.list() == []


def test_not_multipart_or_no_file_is_422(client: tuple[TestClient, Crew, Store]) -> None:
    c, crew, _ = client
    assert c.post("/api/catalog/import", json={"x": 1}, headers=crew.bearer(Role.owner)).status_code == 422
    empty = c.post("/api/catalog/import", data={"other": "1"}, files={"nope": ("x.csv", b"")}, headers=crew.bearer(Role.owner))
    assert empty.status_code == 422 and "no file" in empty.json()["detail"]


def test_huge_uploads_are_refused_while_streaming(client: tuple[TestClient, Crew, Store]) -> None:
    c, crew, store = client
    big = b"sku,title,category,price,stock\n" + b"A,b,c,1,1\n" * (MAX_UPLOAD // 10 + 10)
    assert _upload(c, crew, ("big.csv", big)).status_code == 413  # type: ignore[attr-defined]
    assert store.catalog.list() == []


def test_only_owners_import(client: tuple[TestClient, Crew, Store]) -> None:
    c, crew, _ = client
    for role in (Role.operator, Role.reviewer, Role.viewer):
        assert _upload(c, crew, ("a.csv", GOOD.encode()), role=role).status_code == 403  # type: ignore[attr-defined]


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd.csv", "passwd.csv"), ("C:\\Users\\me\\商品表.xlsx", "商品表.xlsx"), ("", "upload-0.bin"),
    ("a b;rm -rf.csv", "a_b_rm_-rf.csv"), (".hidden.csv", "hidden.csv"), ("x" * 500 + ".csv", "x" * 100 + ".csv"), ("noext", "upload-0.bin"),
])
def test_upload_names_are_made_safe(given: str, expected: str) -> None:
    assert safe_name(given, 0) == expected
