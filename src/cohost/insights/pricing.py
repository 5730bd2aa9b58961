"""Price elasticity per product and one recommended live price for the whole room.

Elasticity (d log units / d log price) is fitted per product on its own history (Poisson, controlling
for promotion, weekday and trend) and then shrunk towards its category's pooled estimate by empirical
Bayes: a product whose price barely moved leans on its category; one with many price changes speaks
for itself. The recommended price maximises expected gross profit (or GMV) under a margin floor,
never above the reference price (原价), never below half of it, and at most one step (10 %) away from
the current price at a time.

**One price for everyone.** Cohost never sets a price per viewer or per viewer segment: that is the
"big-data price discrimination" that PIPL Art. 24 (compliance.md PI-24), the E-commerce Law's
non-targeted option (ECL-18) and the consumer-protection regulation (CPL-14) forbid.
``refuse_personalised_pricing`` is the one place that says so; the CLI and the API call it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np

from cohost.errors import InputError
from cohost.insights.demand import DemandModel, ProductInfo, build_panel, poisson_irls
from cohost.insights.sales import SaleRecord

PRICE_DISCRIMINATION_RULES = "PI-24, ECL-18, CPL-14"
MAX_ABS_ELASTICITY = 8.0  # beyond this an own estimate is an artefact (stock-out, a one-off event)
MAX_SE = 3.0
MIN_SPREAD = 0.25  # prior: elasticities of products in one category differ by at least ±0.5 (sd)


class PersonalisedPricingRefused(InputError):
    title = "拒绝个性化定价 Personalised pricing refused"


def refuse_personalised_pricing(who: str) -> PersonalisedPricingRefused:
    """The error for any request of a per-viewer (or per-segment) price. Raise what it returns."""
    return PersonalisedPricingRefused(
        f"拒绝：不按观众（{who[:40]}）单独定价。“千人千价”是对消费者的不合理差别待遇，"
        f"《个人信息保护法》第24条禁止（compliance.md {PRICE_DISCRIMINATION_RULES}）。"
        " Cohost only recommends one live price for the whole room.",
        hint="drop the viewer/segment option; the recommendation applies to every viewer alike",
    )


@dataclass(frozen=True, slots=True)
class Elasticity:
    sku: str
    estimate: float  # shrunk (posterior mean)
    sd: float  # posterior standard deviation
    own: float | None  # the product's own estimate, None when its price never moved
    own_sd: float | None
    category_prior: float
    observations: int


def own_elasticity(rows: list[tuple[str, date, float, float, bool, float, bool]], list_price: float,
                   as_of: date) -> tuple[float, float] | None:
    """(estimate, standard error) from one product's rows, or None if its price never varied enough."""
    log_p = np.array([math.log(max(r[3], 0.01) / list_price) for r in rows])
    if len(rows) < 14 or float(np.std(log_p)) < 0.01:
        return None
    x = np.column_stack([
        np.ones(len(rows)), log_p, [1.0 if r[4] else 0.0 for r in rows],
        *[[1.0 if r[1].weekday() == k else 0.0 for r in rows] for k in range(1, 7)],
        [(r[1] - as_of).days / 28.0 for r in rows], [1.0 if r[6] else 0.0 for r in rows],
    ])
    y = np.array([r[2] for r in rows])
    offset = np.array([r[5] for r in rows])
    if y.sum() < 5:
        return None
    beta, cov = poisson_irls(x, y, offset, np.full(x.shape[1], 1e-4))
    mu = np.exp(np.clip(x @ beta + offset, -30, 30))
    # quasi-Poisson: day-level shocks make sales noisier than Poisson; widen the error accordingly
    dispersion = max(float(np.sum((y - mu) ** 2 / mu)) / max(len(y) - x.shape[1], 1), 1.0)
    estimate, se = float(beta[1]), float(math.sqrt(max(cov[1, 1], 1e-12) * dispersion))
    if abs(estimate) > MAX_ABS_ELASTICITY or se > MAX_SE:
        return None  # e.g. a sell-out cut the sales short: not an estimate to lean on
    return estimate, se


def elasticities(records: Iterable[SaleRecord], products: Mapping[str, ProductInfo], as_of: date,
                 window: int = 182, pooled: DemandModel | None = None) -> dict[str, Elasticity]:
    """Shrunk elasticity of every product with history in the ``window`` days before ``as_of``."""
    start = as_of - timedelta(days=window)
    used = [r for r in records if start <= r.day < as_of and r.sku in products]
    pooled = pooled or DemandModel.fit(used, products, as_of, window=window)
    panel = build_panel(used, as_of)
    by_sku: dict[str, list[tuple[str, date, float, float, bool, float, bool]]] = {}
    for row in panel:
        by_sku.setdefault(row[0], []).append(row)
    own = {sku: own_elasticity(rows, products[sku].list_price, as_of) for sku, rows in by_sku.items()}
    priors = {c: pooled.category_elasticity(c) for c in {products[s].category for s in by_sku}}
    # between-product spread around the category estimates, pooled over all categories (method of moments)
    gaps = [(v[0] - priors[products[s].category][0], v[1]) for s, v in own.items() if v is not None]
    spread = float(np.mean([g**2 - se**2 for g, se in gaps])) if len(gaps) >= 5 else 0.0
    out: dict[str, Elasticity] = {}
    for category, (prior, prior_se) in priors.items():
        tau2 = max(spread, MIN_SPREAD) + prior_se**2  # floored: products are never all alike
        for sku, rows in by_sku.items():
            if products[sku].category != category:
                continue
            mine = own[sku]
            if mine is None:
                est, sd = prior, math.sqrt(tau2)
            else:
                w_own, w_prior = 1 / mine[1] ** 2, 1 / tau2
                est = (mine[0] * w_own + prior * w_prior) / (w_own + w_prior)
                sd = math.sqrt(1 / (w_own + w_prior))
            out[sku] = Elasticity(sku, est, sd, mine[0] if mine else None, mine[1] if mine else None, prior,
                                  len(rows))
    return out


@dataclass(frozen=True, slots=True)
class PriceAdvice:
    sku: str
    current: float
    recommended: float
    floor: float
    ceiling: float
    elasticity: Elasticity
    units_now: float  # expected units over the period at the current price
    units_new: float
    units_low: float  # at elasticity − 1.96 sd / + 1.96 sd
    units_high: float
    gmv_now: float
    gmv_new: float
    profit_now: float
    profit_new: float
    reason: str


def recommend_price(model: DemandModel, elasticity: Elasticity, *, current: float, cost: float,
                    list_price: float, start: date, days: int = 7, margin_floor: float = 0.15,
                    objective: Literal["profit", "gmv"] = "profit", max_step: float = 0.10) -> PriceAdvice:
    """The one live price that maximises the objective under the margin floor and the price bounds.

    The move is limited to ``max_step`` (10 %) from the current price per recommendation: elasticity
    estimates are uncertain, so prices move a step at a time and the estimate is refreshed in between.
    """
    if not 0 <= margin_floor < 1:
        raise InputError(f"margin floor {margin_floor} must be between 0 and 1 (e.g. 0.15 = 15 %)")
    e = elasticity.estimate
    floor = max(cost / (1 - margin_floor), 0.5 * list_price)
    ceiling = list_price
    if floor > ceiling:
        raise InputError(f"{elasticity.sku}: cost ¥{cost:.2f} with a {margin_floor:.0%} margin floor needs "
                         f"¥{floor:.2f}, above the reference price ¥{ceiling:.2f}; no lawful live price")
    if e >= -0.05:  # demand not falling with price: the estimate is not usable
        best = min(max(current, floor), ceiling)
    elif objective == "gmv":
        best = floor if e < -1 else ceiling  # revenue p·q ∝ p^(1+e)
    else:
        best = cost * e / (1 + e) if e < -1 else ceiling  # profit (p − c)·p^e peaks here
    # hard limits first (margin floor, reference price), then at most one step from the current price
    lower = max(floor, min(current * (1 - max_step), ceiling))
    upper = min(ceiling, max(current * (1 + max_step), floor))
    best = min(max(best, lower), upper)
    best = min(max(round(best, 1), math.ceil(lower * 10) / 10), math.floor(upper * 10) / 10)
    units_now = model.period_units(elasticity.sku, start, days, current, False)

    def at(price: float, el: float) -> float:
        return float(units_now * (price / current) ** el)

    units_new = at(best, e)
    lo, hi = sorted((at(best, e - 1.96 * elasticity.sd), at(best, e + 1.96 * elasticity.sd)))
    change = best / current - 1
    verb = "维持现价" if abs(change) < 0.005 else f"{'降价' if change < 0 else '提价'}{abs(change):.0%}"
    basis = "自身价格变动" if elasticity.own is not None else "同类目（本品价格从未变动）"
    reason = (f"{verb}至 ¥{best:.1f}：价格弹性约{e:.2f}（依据{basis}，±{1.96 * elasticity.sd:.2f}），"
              f"预计{days}天销量 {units_now:.0f}→{units_new:.0f} 件（区间 {lo:.0f}–{hi:.0f}），"
              f"毛利 ¥{units_now * (current - cost):,.0f}→¥{units_new * (best - cost):,.0f}；"
              f"毛利率不低于{margin_floor:.0%}（≥¥{floor:.1f}），不高于原价 ¥{ceiling:.1f}，"
              f"每次调整不超过{max_step:.0%}；全场统一价")
    return PriceAdvice(elasticity.sku, current, best, floor, ceiling, elasticity, units_now, units_new, lo, hi,
                       units_now * current, units_new * best, units_now * (current - cost),
                       units_new * (best - cost), reason)
