"""The catalog repository: products and the shop, upserted atomically, read back as domain records.

Facts are derived from the stored record each time they are read, with the record's update time as
``verified_at``; nothing here caches a price or a stock level.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from cohost.domain import Catalog, Product, ProductFact, Shop, facts_for_product, facts_for_shop
from cohost.domain.catalog import document_hash
from cohost.errors import NotFoundError
from cohost.store.db import Database
from cohost.store.tables import CatalogImportRow, ProductRow, ShopRow, utcnow

_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int
    updated: int
    unchanged: int
    shop_changed: bool

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


@dataclass(frozen=True, slots=True)
class StoredProduct:
    product: Product
    created_at: datetime
    updated_at: datetime


def _columns(product: Product, doc: dict[str, Any], digest: str) -> dict[str, Any]:
    return {
        "sku": product.sku,
        "title": product.title,
        "category": product.category,
        "brand": product.brand,
        "price": product.price,
        "list_price": product.list_price,
        "currency": product.currency,
        "stock": product.stock,
        "display_order": product.display_order,
        "doc": doc,
        "content_hash": digest,
    }


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start : start + _CHUNK]


class CatalogRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # writes ---------------------------------------------------------------------------------------
    def import_catalog(self, catalog: Catalog, *, source: str = "") -> ImportCounts:
        """Upsert every product by sku in one transaction; replace the shop if the catalog names one."""
        now = utcnow()
        new_rows: list[dict[str, Any]] = []
        changed_rows: list[dict[str, Any]] = []
        unchanged = 0
        with self._db.session() as session:
            known = {sku: digest for sku, digest in session.execute(select(ProductRow.sku, ProductRow.content_hash))}
            for product in catalog.products:
                doc = product.to_json_dict()
                digest = document_hash(doc)
                old = known.get(product.sku)
                if old == digest:
                    unchanged += 1
                    continue
                row = _columns(product, doc, digest) | {"updated_at": now}
                if old is None:
                    new_rows.append(row | {"created_at": now})
                else:
                    changed_rows.append(row)
            for chunk in _chunks(new_rows):
                session.execute(insert(ProductRow), chunk)
            for chunk in _chunks(changed_rows):
                session.execute(update(ProductRow), chunk)
            shop_changed = "shop" in catalog.model_fields_set and self._put_shop(session, catalog.shop, now)
            counts = ImportCounts(len(new_rows), len(changed_rows), unchanged, shop_changed)
            session.add(CatalogImportRow(source=source, added=counts.added, updated=counts.updated,
                                         unchanged=counts.unchanged, shop_changed=int(shop_changed), at=now))
        return counts

    def _put_shop(self, session: Session, shop: Shop, now: datetime) -> bool:
        doc = shop.model_dump(mode="json", exclude_none=True)
        digest = document_hash(doc)
        row = session.get(ShopRow, 1)
        if row is None:
            session.add(ShopRow(id=1, name=shop.name, doc=doc, content_hash=digest, updated_at=now))
            return True
        if row.content_hash == digest:
            return False
        row.name, row.doc, row.content_hash, row.updated_at = shop.name, doc, digest, now
        return True

    def set_stock(self, sku: str, stock: int) -> Product:
        """Change one product's stock (e.g. from a platform order feed)."""
        with self._db.session() as session:
            row = session.get(ProductRow, sku)
            if row is None:
                raise NotFoundError(f"no product with sku {sku!r}")
            product = Product.model_validate(row.doc | {"stock": stock})
            row.doc, row.stock = product.to_json_dict(), product.stock
            row.content_hash, row.updated_at = product.content_hash(), utcnow()
            return product

    # reads ----------------------------------------------------------------------------------------
    def count(self) -> int:
        with self._db.session() as session:
            return int(session.scalar(select(func.count()).select_from(ProductRow)) or 0)

    def get(self, sku: str) -> StoredProduct:
        with self._db.session() as session:
            row = session.get(ProductRow, sku)
            if row is None:
                raise NotFoundError(f"no product with sku {sku!r}", hint="cohost catalog list shows the skus")
            return StoredProduct(Product.model_validate(row.doc), row.created_at, row.updated_at)

    def find(self, sku: str) -> Product | None:
        with self._db.session() as session:
            row = session.get(ProductRow, sku)
            return None if row is None else Product.model_validate(row.doc)

    def list(
        self, *, category: str | None = None, query: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Product]:
        """Products in lineup order (display_order, then sku). ``query`` matches sku, title or brand."""
        stmt = select(ProductRow.doc)
        if category:
            stmt = stmt.where(ProductRow.category == category)
        if query:
            pattern = f"%{query}%"
            stmt = stmt.where(or_(ProductRow.sku.ilike(pattern), ProductRow.title.ilike(pattern),
                                  ProductRow.brand.ilike(pattern)))
        stmt = stmt.order_by(ProductRow.display_order.is_(None), ProductRow.display_order, ProductRow.sku)
        stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._db.session() as session:
            return [Product.model_validate(doc) for doc in session.scalars(stmt)]

    def categories(self) -> dict[str, int]:
        stmt = select(ProductRow.category, func.count()).group_by(ProductRow.category).order_by(ProductRow.category)
        with self._db.session() as session:
            return {cat: int(n) for cat, n in session.execute(stmt)}

    def shop(self) -> Shop:
        with self._db.session() as session:
            row = session.get(ShopRow, 1)
            return Shop() if row is None else Shop.model_validate(row.doc)

    def export(self) -> Catalog:
        return Catalog(shop=self.shop(), products=self.list())

    def facts(self, sku: str) -> builtins.list[ProductFact]:
        stored = self.get(sku)
        return facts_for_product(stored.product, verified_at=stored.updated_at)

    def shop_facts(self) -> builtins.list[ProductFact]:
        with self._db.session() as session:
            row = session.get(ShopRow, 1)
            if row is None:
                return []
            return facts_for_shop(Shop.model_validate(row.doc), verified_at=row.updated_at)
