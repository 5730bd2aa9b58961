"""Where the answerer reads facts from: the ``FactSource`` protocol and its store implementation.

Constraint: prices, stock and promotions are read from the source for every answer, never from the
indexes (which only say *which* fact ids may answer a question). ``version`` must change whenever any
product or the shop changes, so indexes are rebuilt once per catalog version and never serve stale
words; it is a cheap aggregate query, not a read of the catalog.
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable

from sqlalchemy import func, select

from cohost.domain import Product, ProductFact
from cohost.errors import NotFoundError
from cohost.store import Store
from cohost.store.tables import ProductRow, ShopRow


@runtime_checkable
class FactSource(Protocol):
    def version(self) -> str: ...

    def products(self) -> list[Product]: ...

    def facts(self, sku: str) -> list[ProductFact]: ...

    def shop_facts(self) -> list[ProductFact]: ...


class StoreFactSource:
    """Facts straight from the catalog repository (SQLite or PostgreSQL).

    ``version_ttl`` lets one version reading serve the questions of the next fraction of a second (a busy
    room asks dozens per second). It only delays *re-indexing* (a product added this instant is linkable
    a moment later); facts themselves are always read fresh."""

    def __init__(self, store: Store, *, version_ttl: float = 0.5) -> None:
        self._store = store
        self._ttl = version_ttl
        self._version: tuple[float, str] | None = None

    def version(self) -> str:
        now = time.monotonic()
        if self._version is not None and now - self._version[0] < self._ttl:
            return self._version[1]
        value = self._read_version()
        self._version = (now, value)
        return value

    def _read_version(self) -> str:
        with self._store.db.session() as session:
            count, newest = session.execute(
                select(func.count(), func.max(ProductRow.updated_at)).select_from(ProductRow)
            ).one()
            shop = session.scalar(select(ShopRow.content_hash).where(ShopRow.id == 1))
        return f"{count}|{newest}|{shop}"

    def products(self) -> list[Product]:
        return self._store.catalog.list()

    def facts(self, sku: str) -> list[ProductFact]:
        try:
            return self._store.catalog.facts(sku)
        except NotFoundError:
            return []  # removed between indexing and answering: the answerer treats it as "no fact"

    def shop_facts(self) -> list[ProductFact]:
        return self._store.catalog.shop_facts()
