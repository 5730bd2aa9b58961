"""The live room's view of the catalog for the Q&A core: the catalog version read cheaply, and facts read
once per catalog version while an answer is being composed.

The Q&A core reads a product's facts from the store for every answer (``FactSource.facts``): a session,
a row, a JSON document validated into a ``Product`` and turned into facts, about 1 ms; and the catalog
version (which says when indexes must be rebuilt) through an ORM session, another 0.6 ms. A busy room
answers a new question group every few tens of milliseconds, so the live room gives its ``QAEngine`` this
source instead:

- ``CatalogVersion`` reads the same version string as ``StoreFactSource`` (product count, newest
  ``updated_at``, shop content hash) with one SQL statement on a pooled connection (~0.1 ms).
- ``PinnedFacts.pinned()`` reads the version *now* and, for the duration of one answer, serves facts,
  products and shop facts remembered for exactly that version. Any catalog change (a price, stock, a
  promotion, a product added or removed, the shop) changes the version, and the next answer reads
  everything afresh. Outside ``pinned()`` every call goes to the store, as ``StoreFactSource`` does.

So no fact is older than the version read at the start of the answer that speaks it: the same guarantee
the Q&A core gives when it reads facts at answer time. The understand stage's reader pins a version it
read up to a second earlier (``pinned(version)``): its readings choose an intent and a product, never
speak a fact, and an answer pinned afterwards re-reads the version and drops what was remembered for another.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select

from cohost.domain import Product, ProductFact
from cohost.knowledge import StoreFactSource
from cohost.store import Store
from cohost.store.tables import ProductRow, ShopRow


class CatalogVersion:
    """``StoreFactSource.version`` (without its TTL) in one statement: ``count|newest updated_at|shop hash``."""

    def __init__(self, store: Store) -> None:
        self._engine = store.db.engine
        shop = select(ShopRow.content_hash).where(ShopRow.id == 1).scalar_subquery()
        self._stmt = select(func.count(), func.max(ProductRow.updated_at), shop).select_from(ProductRow)

    def __call__(self) -> str:
        with self._engine.connect() as conn:
            row = conn.execute(self._stmt).one()
        return f"{row[0]}|{row[1]}|{row[2]}"


class PinnedFacts:
    """A ``FactSource`` over the store; see the module docstring. Not thread-safe (one room, one task)."""

    def __init__(self, store: Store) -> None:
        self._store = StoreFactSource(store, version_ttl=0.0)
        self.read_version = CatalogVersion(store)
        self._pinned: str | None = None
        self._for: str | None = None
        self._facts: dict[str, list[ProductFact]] = {}
        self._products: list[Product] | None = None
        self._shop: list[ProductFact] | None = None
        self.reads = 0  # facts read from the store (for the benchmark and tests)

    @contextmanager
    def pinned(self, version: str | None = None) -> Iterator[str]:
        """Serve facts remembered for ``version`` (read now when None, as every answer does; the live
        room's reader passes the version it read at most a second ago, ``cohost.live.understanding``)."""
        if version is None:
            version = self.read_version()
        if version != self._for:
            self._facts.clear()
            self._products = self._shop = None
            self._for = version
        self._pinned = version
        try:
            yield version
        finally:
            self._pinned = None

    def version(self) -> str:
        return self._pinned if self._pinned is not None else self.read_version()

    def products(self) -> list[Product]:
        if self._pinned is None:
            return self._store.products()
        if self._products is None:
            self._products = self._store.products()
        return list(self._products)

    def facts(self, sku: str) -> list[ProductFact]:
        if self._pinned is None:
            self.reads += 1
            return self._store.facts(sku)
        found = self._facts.get(sku)
        if found is None:
            self.reads += 1
            found = self._facts[sku] = self._store.facts(sku)
        return list(found)  # the caller's to keep or change

    def shop_facts(self) -> list[ProductFact]:
        if self._pinned is None:
            return self._store.shop_facts()
        if self._shop is None:
            self._shop = self._store.shop_facts()
        return list(self._shop)


class PinnedAnswerer:
    """The Q&A core answering with ``PinnedFacts`` pinned for the duration of each answer."""

    def __init__(self, engine: Any, facts: PinnedFacts) -> None:
        self.engine = engine
        self.facts = facts

    def answer(self, question: str, *, context_sku: str | None = None) -> Any:
        with self.facts.pinned():
            return self.engine.answer(question, context_sku=context_sku)
