"""The Alembic migrations and the ORM tables describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cohost.store import Store
from cohost.store.tables import Base


def test_migrations_match_the_tables(sqlite_store: Store) -> None:
    with sqlite_store.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
