"""Product selection for the next show: rank by predicted GMV and margin under stock, slot and category-mix limits.

Each pick carries a reason a merchant can check against the figures. The backtest replays a simulated
history week by week: at the start of each week the planner picks ``k`` products knowing only the past
and the price plan; the truth is the week's realised top-``k`` best sellers (by storefront GMV, where
every product is on sale, so the truth does not depend on anyone's lineup). The baseline is the common
practice: last week's top-``k`` best sellers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np

from cohost.insights.demand import DemandModel, ProductInfo
from cohost.insights.sales import SaleRecord
from cohost.insights.simulator import History, Market

Objective = Literal["gmv", "margin", "blend"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A product that could go into the show, with its planned price and promotion for each day."""

    sku: str
    title: str
    category: str
    stock: int
    plan: tuple[tuple[float, bool], ...]  # (price, promo) per day of the period
    cost: float | None = None


@dataclass(frozen=True, slots=True)
class Pick:
    sku: str
    title: str
    category: str
    units: float
    gmv: float
    margin: float | None
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class SelectionRules:
    slots: int = 10
    max_category_share: float = 0.4  # at most this share of the slots from one category (at least one)
    objective: Objective = "blend"
    margin_weight: float = 0.5  # blend = (1 - w)·GMV + w·margin, each scaled by its maximum

    def per_category(self) -> int:
        return max(1, math.ceil(self.slots * self.max_category_share))


def _forecast(model: DemandModel, c: Candidate, start: date) -> tuple[float, float, float | None, bool]:
    units = gmv = 0.0
    for k, (price, promo) in enumerate(c.plan):
        u = model.units(c.sku, start + timedelta(days=k), price, promo)
        units += u
        gmv += u * price
    capped = units > c.stock
    if capped:  # cannot sell more than is on hand
        gmv *= c.stock / units
        units = float(c.stock)
    margin = None if c.cost is None else gmv - units * c.cost
    return units, gmv, margin, capped


def _reason(model: DemandModel, c: Candidate, units: float, gmv: float, margin: float | None,
            capped: bool) -> str:
    days = len(c.plan)
    parts = [f"预计{days}天售出约{units:.0f}件、GMV ¥{gmv:,.0f}"]
    if margin is not None:
        parts.append(f"毛利 ¥{margin:,.0f}")
    if any(promo for _, promo in c.plan):
        parts.append("期间有促销")
    trend = model.category_trend(c.category)
    if abs(trend) >= 0.05:
        parts.append(f"{c.category}类目近期每4周{'+' if trend > 0 else ''}{trend:.0%}")
    if not model.knows(c.sku):
        parts.append("新品无销售历史，按同类目水平估计")
    parts.append(f"库存{c.stock}件" + ("，不够卖，已按库存封顶" if capped else "充足"))
    return "；".join(parts)


def select(model: DemandModel, candidates: Sequence[Candidate], start: date,
           rules: SelectionRules | None = None) -> list[Pick]:
    """The best ``rules.slots`` candidates by the objective, at most ``per_category()`` per category."""
    rules = rules or SelectionRules()
    scored = []
    for c in candidates:
        if c.stock <= 0 or not c.plan:
            continue
        units, gmv, margin, capped = _forecast(model, c, start)
        scored.append((c, units, gmv, margin, capped))
    if not scored:
        return []
    top_gmv = max(s[2] for s in scored) or 1.0
    top_margin = max((s[3] or 0.0) for s in scored) or 1.0
    picks: list[Pick] = []
    for c, units, gmv, margin, capped in scored:
        if rules.objective == "gmv" or margin is None:
            score = gmv / top_gmv
        elif rules.objective == "margin":
            score = margin / top_margin
        else:
            score = (1 - rules.margin_weight) * gmv / top_gmv + rules.margin_weight * margin / top_margin
        picks.append(Pick(c.sku, c.title, c.category, units, gmv, margin, score,
                          _reason(model, c, units, gmv, margin, capped)))
    picks.sort(key=lambda p: (-p.score, p.sku))
    chosen: list[Pick] = []
    per_cat: Counter[str] = Counter()
    for pick in picks:
        if len(chosen) == rules.slots:
            break
        if per_cat[pick.category] >= rules.per_category():
            continue
        per_cat[pick.category] += 1
        chosen.append(pick)
    return chosen


# --- backtest on the simulator --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BacktestResult:
    weeks: int
    k: int
    model_hit: float
    baseline_hit: float
    oracle_hit: float  # ranking by the true expected GMV: the ceiling noise allows

    @property
    def relative_gain(self) -> float:
        return self.model_hit / self.baseline_hit - 1.0 if self.baseline_hit else math.inf


def market_products(market: Market) -> dict[str, ProductInfo]:
    return {p.sku: ProductInfo(p.category, p.list_price) for p in market.products}


def backtest(market: Market, history: History, *, k: int = 10, first_week_day: int = 84,
             window: int = 84) -> BacktestResult:
    """Walk forward one week at a time from ``first_week_day`` to the end of ``history``."""
    days = history.shelf_units.shape[0]
    prices = market.plan.price[:days]
    realised = history.shelf_units * prices
    infos = market_products(market)
    hits_model: list[float] = []
    hits_base: list[float] = []
    hits_oracle: list[float] = []
    by_day: dict[date, list[SaleRecord]] = {}
    for r in history.records:
        by_day.setdefault(r.day, []).append(r)
    for t in range(first_week_day, days - 6, 7):
        truth = set(np.argsort(-realised[t:t + 7].sum(axis=0), kind="stable")[:k])
        last = set(np.argsort(-realised[t - 7:t].sum(axis=0), kind="stable")[:k])
        stock = history.stock_end[t - 1]
        start = market.day_date(t)
        past = [r for d in range(t - window, t) for r in by_day.get(market.day_date(d), [])]
        model = DemandModel.fit(past, infos, start, window=window)
        candidates = [Candidate(p.sku, p.title, p.category, int(stock[j]),
                                tuple((float(prices[t + d, j]), bool(market.plan.promo[t + d, j]))
                                      for d in range(7)), p.cost)
                      for j, p in enumerate(market.products) if market.products[j].launch_day <= t]
        picks = select(model, candidates, start, SelectionRules(slots=k, max_category_share=1.0, objective="gmv"))
        chosen = {market.index[p.sku] for p in picks}
        expected = np.array([min(sum(market.expected_units(j, t + d) for d in range(7)), float(stock[j]))
                             * float(prices[t:t + 7, j].mean()) for j in range(len(market.products))])
        oracle = set(np.argsort(-expected, kind="stable")[:k])
        hits_model.append(len(chosen & truth) / k)
        hits_base.append(len(last & truth) / k)
        hits_oracle.append(len(oracle & truth) / k)
    if not hits_model:
        raise ValueError("history too short for a backtest: need first_week_day + 7 days")
    return BacktestResult(len(hits_model), k, float(np.mean(hits_model)), float(np.mean(hits_base)),
                          float(np.mean(hits_oracle)))
