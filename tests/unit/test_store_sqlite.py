"""The store contract on SQLite (the default backend), plus what is SQLite-specific."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from cohost.store import Store
from cohost.testing.store_contract import CatalogStoreContract


class TestSqliteStore(CatalogStoreContract):
    @pytest.fixture
    def store(self, sqlite_store: Store) -> Iterator[Store]:
        yield sqlite_store


def test_sqlite_runs_in_wal_mode(sqlite_store: Store) -> None:
    with sqlite_store.db.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_reopening_keeps_data_and_does_not_remigrate(sqlite_url: str) -> None:
    from alembic.script import ScriptDirectory

    from cohost.store.db import alembic_config
    from cohost.testing.store_contract import make_catalog

    first = Store.open(sqlite_url)
    first.catalog.import_catalog(make_catalog(2))
    first.close()
    second = Store.open(sqlite_url)
    assert second.catalog.count() == 2
    with second.db.session() as session:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
    second.close()
