"""The same store contract on a real PostgreSQL server (127.0.0.1:5432 on this machine)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cohost.store import Store
from cohost.testing.store_contract import CatalogStoreContract

pytestmark = pytest.mark.integration


class TestPostgresStore(CatalogStoreContract):
    @pytest.fixture
    def store(self, pg_url: str) -> Iterator[Store]:
        store = Store.open(pg_url)
        yield store
        store.close()
