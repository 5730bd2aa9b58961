"""Price elasticity per product and one recommended live price for the whole room.

Elasticity (d log units / d log price) is fitted per product on its own history (quasi-Poisson,
controlling for promotion, platform sales days, weekday, show vs storefront and a curved trend; days
censored by a stock-out left out) and then shrunk towards its category's pooled estimate by empirical
Bayes, mixing over the uncertain spread of products (``spread_posterior``): a product whose price
barely moved leans on its category; one with many price changes speaks for itself. The 95 % interval
(``Elasticity.interval``) uses a t quantile; bench/insights.py measures how often it holds the
simulator's true elasticity. The recommended price maximises expected gross profit (or GMV) under a margin floor,
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
from typing import Any, Literal

import numpy as np

from cohost.errors import InputError
from cohost.insights.calendar import is_platform_event
from cohost.insights.demand import DemandModel, ProductInfo, build_panel, poisson_irls
from cohost.insights.sales import SaleRecord

PRICE_DISCRIMINATION_RULES = "PI-24, ECL-18, CPL-14"
MAX_ABS_ELASTICITY = 8.0  # beyond this an own estimate is an artefact (stock-out, a one-off event)
MAX_SE = 3.0
MIN_PRODUCTS = 5  # own estimates needed to estimate how much products differ
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
    df: int = 1_000  # degrees of freedom of the interval's t quantile (products that informed the spread − 1)

    def half_width(self, level: float = 0.95) -> float:
        """Half the width of the ``level`` interval: a Student-t quantile × ``sd``.

        The spread of products (τ²) is estimated from a few dozen products, so the interval uses a t
        quantile with that many degrees of freedom minus one (the Knapp–Hartung small-sample correction of
        random-effects meta-analysis) rather than the normal 1.96.
        """
        from scipy import stats

        return float(stats.t.ppf(0.5 + level / 2, self.df)) * self.sd

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        half = self.half_width(level)
        return self.estimate - half, self.estimate + half


def own_elasticity(rows: list[tuple[str, date, float, float, bool, float, bool]], list_price: float,
                   as_of: date) -> tuple[float, float] | None:
    """(estimate, standard error) from one product's rows, or None if its price never varied enough."""
    log_p = np.array([math.log(max(r[3], 0.01) / list_price) for r in rows])
    if len(rows) < 14 or float(np.std(log_p)) < 0.01:
        return None
    weeks = np.array([(r[1] - as_of).days / 28.0 for r in rows])
    # a curved trend (quadratic in time): half a year of a seasonal product is an arc, not a line, and the
    # straight-line fit left that arc in the residuals, which made the intervals too narrow
    columns: list[Any] = [
        np.ones(len(rows)), log_p, [1.0 if r[4] else 0.0 for r in rows],
        *[[1.0 if r[1].weekday() == k else 0.0 for r in rows] for k in range(1, 7)],
        weeks, weeks**2 / 10.0, [1.0 if r[6] else 0.0 for r in rows],
    ]
    event = np.array([1.0 if is_platform_event(r[1]) else 0.0 for r in rows])
    if 0 < event.sum() < len(rows):
        # platform sales: their traffic comes with the deepest discounts; left out, it steepens the estimate
        columns.append(event)
    x = np.column_stack(columns)
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
    gaps = [(v[0] - priors[products[s].category][0], v[1]) for s, v in own.items() if v is not None]
    spreads, weights = spread_posterior(gaps)
    out: dict[str, Elasticity] = {}
    for sku, rows in by_sku.items():
        prior, prior_se = priors[products[sku].category]
        mine = own[sku]
        est, sd = shrink(mine, prior, prior_se, spreads, weights)
        out[sku] = Elasticity(sku, est, sd, mine[0] if mine else None, mine[1] if mine else None,
                              prior, len(rows), max(len(gaps) - 1, 1))
    return out


def shrink(own: tuple[float, float] | None, prior: float, prior_se: float, spreads: np.ndarray,
           weights: np.ndarray) -> tuple[float, float]:
    """(posterior mean, posterior sd) of one product's elasticity from its own (estimate, se), if any, and
    the category prior, mixed over the posterior of τ² (``spread_posterior``)."""
    if own is None:  # no price variation of its own: the category's level, with the spread of products
        means, variances = np.full(len(spreads), prior), spreads + prior_se**2
    else:
        # empirical Bayes for each τ², with Morris's term for the prior mean being an estimate itself
        b = own[1] ** 2 / (own[1] ** 2 + spreads)
        means = (1 - b) * own[0] + b * prior
        variances = (1 - b) * own[1] ** 2 + b**2 * prior_se**2
    est = float(np.sum(weights * means))
    return est, math.sqrt(float(np.sum(weights * (variances + (means - est) ** 2))))


SPREAD_GRID = np.linspace(math.sqrt(MIN_SPREAD), 2.5, 41) ** 2  # τ² candidates: sd of products from 0.5 to 2.5


def spread_posterior(gaps: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """τ² — how far products' true elasticities lie from their category's estimate — and how sure we are.

    From (own − prior, se) pairs, each gap ~ N(0, se² + τ²): the likelihood of every τ² on a grid (flat
    prior on τ from 0.5 to 2.5, floored because products of one category are never all alike), returned
    as (grid, posterior weights). A shop has a few dozen products with noisy own estimates, so τ² is
    poorly known; plugging in one value made the intervals too narrow (the earlier unweighted moment
    estimate mean(gap² − se²) was negative for most shops and sat at its floor: 88–91 % coverage at a
    nominal 95 %). Mixing over τ²'s posterior carries that uncertainty into every interval.
    """
    if not gaps:
        weights = np.zeros(len(SPREAD_GRID))
        weights[0] = 1.0
        return SPREAD_GRID, weights
    g2 = np.array([g**2 for g, _ in gaps])[None, :]
    var = np.array([se**2 for _, se in gaps])[None, :] + SPREAD_GRID[:, None]
    loglik = -0.5 * np.sum(np.log(var) + g2 / var, axis=1)
    weights = np.exp(loglik - loglik.max())
    return SPREAD_GRID, weights / weights.sum()


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
    units_low: float  # at the ends of the elasticity's 95 % interval
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
    lo, hi = sorted(at(best, end) for end in elasticity.interval())
    change = best / current - 1
    verb = "维持现价" if abs(change) < 0.005 else f"{'降价' if change < 0 else '提价'}{abs(change):.0%}"
    basis = "自身价格变动" if elasticity.own is not None else "同类目（本品价格从未变动）"
    reason = (f"{verb}至 ¥{best:.1f}：价格弹性约{e:.2f}（依据{basis}，±{elasticity.half_width():.2f}），"
              f"预计{days}天销量 {units_now:.0f}→{units_new:.0f} 件（区间 {lo:.0f}–{hi:.0f}），"
              f"毛利 ¥{units_now * (current - cost):,.0f}→¥{units_new * (best - cost):,.0f}；"
              f"毛利率不低于{margin_floor:.0%}（≥¥{floor:.1f}），不高于原价 ¥{ceiling:.1f}，"
              f"每次调整不超过{max_step:.0%}；全场统一价")
    return PriceAdvice(elasticity.sku, current, best, floor, ceiling, elasticity, units_now, units_new, lo, hi,
                       units_now * current, units_new * best, units_now * (current - cost),
                       units_new * (best - cost), reason)
