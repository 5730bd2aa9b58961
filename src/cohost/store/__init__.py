"""Repositories over SQLAlchemy 2; schema by Alembic migrations."""

from cohost.store.catalog import CatalogRepository, ImportCounts, StoredProduct
from cohost.store.db import Database, make_engine, migrate
from cohost.store.scripts import ScriptRepository


class Store:
    """All repositories over one database. Build it with ``Store.open(url)``; close it when done."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.catalog = CatalogRepository(db)
        self.scripts = ScriptRepository(db)
        from cohost.governance.audit import AuditLog  # governance imports the store: import it late

        self.audit = AuditLog(db)

    @classmethod
    def open(cls, url: str) -> "Store":
        return cls(Database.open(url))

    def close(self) -> None:
        self.db.close()


__all__ = ["CatalogRepository", "Database", "ImportCounts", "Store", "StoredProduct", "make_engine", "migrate"]
