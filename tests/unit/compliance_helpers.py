"""What the compliance cause tests share: the default checker, a product built from a few fields, and the
rule ids a text draws at a fixed moment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from cohost.compliance import Checker
from cohost.domain import Product

CHECKER = Checker.default()


def product(sku: str, title: str, category: str, price: float, **extra: object) -> Product:
    return Product.model_validate({"sku": sku, "title": title, "category": category, "price": price,
                                   "stock": extra.pop("stock", 100), **extra})


def rules_at(now: datetime) -> Callable[..., set[str]]:
    """``rules(text, product=None, mode="live", stats=None)``: the rule ids ``text`` draws at ``now``."""
    def rules(text: str, product: Product | None = None, mode: str = "live",
              stats: dict[str, float] | None = None) -> set[str]:
        return {f.rule for f in CHECKER.check(text, product=product, now=now, mode=mode, stats=stats)}
    return rules
