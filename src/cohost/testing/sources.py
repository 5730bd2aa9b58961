"""An in-memory ``FactSource``: the reference implementation the store-backed one must agree with.

Writes (``put``, ``set_price``, ``set_stock``, ``set_shop``) bump the version exactly as a store import
would, so tests can change a price and see the next answer change.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from cohost.domain import Catalog, Product, ProductFact, Shop, facts_for_product, facts_for_shop


class InMemoryFactSource:
    def __init__(self, catalog: Catalog | None = None) -> None:
        catalog = catalog or Catalog()
        self._shop: Shop = catalog.shop
        self._products: dict[str, Product] = {p.sku: p for p in catalog.products}
        self._version = 0
        self.reads = 0  # how many times facts were read (tests check answers read at answer time)
        self._verified = datetime.now(UTC)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> InMemoryFactSource:
        return cls(Catalog.model_validate(data))

    def version(self) -> str:
        return str(self._version)

    def products(self) -> list[Product]:
        return sorted(self._products.values(), key=lambda p: (p.display_order is None, p.display_order or 0, p.sku))

    def facts(self, sku: str) -> list[ProductFact]:
        self.reads += 1
        product = self._products.get(sku)
        return [] if product is None else facts_for_product(product, verified_at=self._verified)

    def shop_facts(self) -> list[ProductFact]:
        return facts_for_shop(self._shop, verified_at=self._verified)

    # writes ---------------------------------------------------------------------------------------------
    def put(self, product: Product) -> None:
        self._products[product.sku] = product
        self._bump()

    def set_shop(self, shop: Shop) -> None:
        self._shop = shop
        self._bump()

    def set_price(self, sku: str, price: Decimal | float | str) -> None:
        self.put(self._products[sku].model_copy(update={"price": Decimal(str(price))}))

    def set_stock(self, sku: str, stock: int, *, variant: str | None = None) -> None:
        product = self._products[sku]
        if variant is None:
            self.put(product.model_copy(update={"stock": stock}))
            return
        variants = [v.model_copy(update={"stock": stock}) if v.sku == variant else v for v in product.variants]
        self.put(product.model_copy(update={"variants": variants}))

    def _bump(self) -> None:
        self._version += 1
        self._verified = datetime.now(UTC)
