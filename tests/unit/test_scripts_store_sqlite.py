"""The script store contract on SQLite (the default backend)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cohost.store import Store
from cohost.testing.script_store_contract import ScriptStoreContract


class TestSqliteScripts(ScriptStoreContract):
    @pytest.fixture
    def store(self, sqlite_store: Store) -> Iterator[Store]:
        yield sqlite_store
