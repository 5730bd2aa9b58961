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
from cohost.domain.findings import Finding, Severity
from cohost.domain.script import Script, ScriptStatus, Segment

__all__ = [
    "FAQ",
    "Catalog",
    "Evidence",
    "Finding",
    "Money",
    "Policy",
    "Product",
    "ProductFact",
    "Promotion",
    "Script",
    "ScriptStatus",
    "Segment",
    "Severity",
    "Shop",
    "Variant",
    "facts_for_product",
    "facts_for_shop",
]
