"""The same script store contract on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cohost.store import Store
from cohost.testing.script_store_contract import ScriptStoreContract

pytestmark = pytest.mark.integration


class TestPostgresScripts(ScriptStoreContract):
    @pytest.fixture
    def store(self, pg_url: str) -> Iterator[Store]:
        store = Store.open(pg_url)
        yield store
        store.close()
