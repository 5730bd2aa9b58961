"""Domain records: validated Pydantic models that are stored and served."""

from cohost.domain.catalog import (
    FAQ,
    Catalog,
    Evidence,
    Money,
    Policy,
    Product,
    Promotion,
    Shop,
    Variant,
)
from cohost.domain.facts import ProductFact, facts_for_product, facts_for_shop

__all__ = [
    "FAQ",
    "Catalog",
    "Evidence",
    "Money",
    "Policy",
    "Product",
    "ProductFact",
    "Promotion",
    "Shop",
    "Variant",
    "facts_for_product",
    "facts_for_shop",
]
