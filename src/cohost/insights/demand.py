"""Demand per product from the sales history: a log-linear Poisson model fitted by ridge-penalised IRLS.

    log E[units] = offset + a + sku_i + cat_c + e_c·log(price/list) + promo + weekday + platform sale
                   + (trend_c + trend_i)·weeks + show

* Only what a planner knows in advance goes in (price, promotion, weekday, date); appeal and demand
  shocks are what the fit estimates or averages out.
* ``sku_i`` is penalised towards its category (ridge), so a product with a few days of history is
  predicted near its category, not from one lucky day; ``trend_i`` (its life cycle) is penalised
  harder towards the category's trend, so only a sustained rise or fall moves it.
* Rows: one per (day, sku) on the storefront, and one per (show, sku) with ``log(traffic/1000)`` as
  offset when the show's traffic is known. A day without a row for a sku that was selling before is
  taken as zero units (exports usually omit zero rows) — unless the export lists the sku's days without
  sales (rows with qty 0): then a missing day is a day off sale, and the day before it, censored by the
  stock that ran out, is left out of the fit.
* Only the last ``window`` days before ``as_of`` are used, so seasons drift in through the trend term.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from cohost.insights.calendar import is_platform_event
from cohost.insights.sales import SaleRecord

PanelRow = tuple[str, date, float, float, bool, float, bool]  # sku, day, units, price, promo, log exposure, show


def poisson_irls(x: np.ndarray, y: np.ndarray, offset: np.ndarray, penalty: np.ndarray,
                 max_iter: int = 60, tol: float = 1e-8) -> tuple[np.ndarray, np.ndarray]:
    """Ridge-penalised Poisson regression. ``penalty`` is a per-column L2 weight. Returns (beta, covariance)."""
    beta = np.zeros(x.shape[1])
    mean_y = max(float(y.mean()), 1e-3)
    beta[0] = math.log(mean_y) - float(offset.mean())  # column 0 is the intercept
    p = np.diag(penalty)
    for _ in range(max_iter):
        eta = np.clip(x @ beta + offset, -30, 30)
        mu = np.exp(eta)
        z = eta - offset + (y - mu) / mu
        xw = x * mu[:, None]
        info = x.T @ xw + p
        new = np.linalg.solve(info, xw.T @ z)
        if np.max(np.abs(new - beta)) < tol:
            beta = new
            break
        beta = new
    eta = np.clip(x @ beta + offset, -30, 30)
    info = x.T @ (x * np.exp(eta)[:, None]) + p
    return beta, np.linalg.inv(info)


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """What the catalog says about a product: category and reference price (原价)."""

    category: str
    list_price: float


def infer_products(records: Iterable[SaleRecord]) -> dict[str, ProductInfo]:
    """Fallback when no catalog is given: the highest price seen is the reference, one category."""
    top: dict[str, float] = defaultdict(float)
    for r in records:
        top[r.sku] = max(top[r.sku], r.price)
    return {sku: ProductInfo("未分类", price or 1.0) for sku, price in top.items()}


def build_panel(used: Iterable[SaleRecord], as_of: date) -> list[PanelRow]:
    """Model rows: one per (show, sku) and one per storefront (day, sku), silent days as zero units."""
    shelf: dict[tuple[str, date], SaleRecord] = {}
    rows: list[PanelRow] = []
    for r in used:
        if r.show_id:
            exposure = math.log(max(r.traffic, 1) / 1000) if r.traffic else 0.0
            rows.append((r.sku, r.day, float(r.qty), r.price, bool(r.promo), exposure, True))
        else:
            old = shelf.get((r.sku, r.day))
            qty = r.qty + (old.qty if old else 0)
            shelf[(r.sku, r.day)] = SaleRecord(r.day, r.sku, qty, r.price, promo=r.promo)
    by_sku: dict[str, list[SaleRecord]] = defaultdict(list)
    for r in shelf.values():
        by_sku[r.sku].append(r)
    for sku, items in by_sku.items():
        items.sort(key=lambda r: r.day)
        if any(r.qty == 0 for r in items):
            # the export writes days without sales, so a day with no row is a day off sale (sold out,
            # delisted), not a zero; the last day before such a gap sold what was left, not what was
            # wanted (censored by stock), so it is left out too
            for r, after in zip(items, [*items[1:], None], strict=True):
                gap = after.day - r.day > timedelta(days=1) if after else r.day < as_of - timedelta(days=1)
                if not gap:
                    rows.append((sku, r.day, float(r.qty), r.price, bool(r.promo), 0.0, False))
            continue
        known = {r.day: r for r in items}
        last = items[0]
        day = items[0].day
        while day < as_of:  # fill silent days with zero units at the last known price
            today = known.get(day)
            if today is not None:
                last = today
            units = float(today.qty) if today else 0.0
            rows.append((sku, day, units, last.price, bool(last.promo), 0.0, False))
            day += timedelta(days=1)
    return rows



@dataclass
class DemandModel:
    skus: list[str]
    categories: list[str]
    products: dict[str, ProductInfo]
    as_of: date
    beta: np.ndarray
    cov: np.ndarray
    columns: list[str]

    def __post_init__(self) -> None:
        self._sku_index = {s: i for i, s in enumerate(self.skus)}

    @classmethod
    def fit(cls, records: Iterable[SaleRecord], products: Mapping[str, ProductInfo], as_of: date,
            window: int = 84) -> DemandModel:
        start = as_of - timedelta(days=window)
        used = [r for r in records if start <= r.day < as_of and r.sku in products]
        if not used:
            raise ValueError(f"no sales of catalog products in the {window} days before {as_of}")
        skus = sorted({r.sku for r in used})
        categories = sorted({products[s].category for s in skus})
        model = cls(skus, categories, dict(products), as_of, np.zeros(0), np.zeros((0, 0)), [])
        rows = build_panel(used, as_of)
        x, y, offset = model._design(rows)
        n_sku, n_cat = len(skus), len(categories)
        penalty = np.concatenate([[0.0], np.full(n_sku, 1.0), np.full(n_cat, 0.05),
                                  np.full(x.shape[1] - 1 - 2 * n_sku - n_cat, 0.01), np.full(n_sku, 20.0)])
        model.beta, model.cov = poisson_irls(x, y, offset, penalty)
        return model

    def _features(self, sku: str, day: date, price: float, promo: bool, is_show: bool) -> np.ndarray:
        n_sku, n_cat = len(self.skus), len(self.categories)
        info = self.products[sku]
        vec = np.zeros(1 + n_sku + 3 * n_cat + 1 + 6 + 2 + n_sku)
        vec[0] = 1.0
        weeks = (day - self.as_of).days / 28.0
        if sku in self._sku_index:  # a new sku is predicted at its category's level
            vec[1 + self._sku_index[sku]] = 1.0
            vec[-n_sku + self._sku_index[sku]] = weeks
        if info.category in self.categories:
            c = self.categories.index(info.category)
            vec[1 + n_sku + c] = 1.0
            vec[1 + n_sku + n_cat + c] = math.log(max(price, 0.01) / info.list_price)
            vec[1 + n_sku + 2 * n_cat + c] = weeks
        base = 1 + n_sku + 3 * n_cat
        vec[base] = 1.0 if promo else 0.0
        if day.weekday():
            vec[base + day.weekday()] = 1.0
        vec[base + 7] = 1.0 if is_show else 0.0
        vec[base + 8] = 1.0 if is_platform_event(day) else 0.0
        return vec

    def _design(self, rows: list[PanelRow]) -> tuple[
            np.ndarray, np.ndarray, np.ndarray]:
        x = self._matrix(rows)
        y = np.array([r[2] for r in rows])
        offset = np.array([r[5] for r in rows])
        self.columns = (["intercept", *self.skus, *[f"cat:{c}" for c in self.categories],
                         *[f"elasticity:{c}" for c in self.categories], *[f"trend:{c}" for c in self.categories],
                         "promo", *[f"weekday:{i}" for i in range(1, 7)], "show", "platform_sale",
                         *[f"trend:{s}" for s in self.skus]])
        return x, y, offset

    def _matrix(self, rows: list[PanelRow]) -> np.ndarray:
        """The same columns as ``_features``, built for all rows at once (the fit's hot path)."""
        n_sku, n_cat, n = len(self.skus), len(self.categories), len(rows)
        x = np.zeros((n, 1 + n_sku + 3 * n_cat + 1 + 6 + 2 + n_sku))
        at = np.arange(n)
        sku = np.array([self._sku_index.get(r[0], -1) for r in rows])
        cat_of = {c: i for i, c in enumerate(self.categories)}
        cat = np.array([cat_of.get(self.products[r[0]].category, -1) for r in rows])
        ratio = np.array([math.log(max(r[3], 0.01) / self.products[r[0]].list_price) for r in rows])
        weeks = np.array([(r[1] - self.as_of).days / 28.0 for r in rows])
        weekday = np.array([r[1].weekday() for r in rows])
        x[:, 0] = 1.0
        known, has_cat = sku >= 0, cat >= 0
        x[at[known], 1 + sku[known]] = 1.0
        x[at[known], x.shape[1] - n_sku + sku[known]] = weeks[known]
        x[at[has_cat], 1 + n_sku + cat[has_cat]] = 1.0
        x[at[has_cat], 1 + n_sku + n_cat + cat[has_cat]] = ratio[has_cat]
        x[at[has_cat], 1 + n_sku + 2 * n_cat + cat[has_cat]] = weeks[has_cat]
        base = 1 + n_sku + 3 * n_cat
        x[:, base] = [1.0 if r[4] else 0.0 for r in rows]
        monday = weekday == 0
        x[at[~monday], base + weekday[~monday]] = 1.0
        x[:, base + 7] = [1.0 if r[6] else 0.0 for r in rows]
        x[:, base + 8] = [1.0 if is_platform_event(r[1]) else 0.0 for r in rows]
        return x

    def knows(self, sku: str) -> bool:
        return sku in self.skus

    def category_elasticity(self, category: str) -> tuple[float, float]:
        """Estimate and standard error of the category's price elasticity."""
        i = self.columns.index(f"elasticity:{category}")
        return float(self.beta[i]), float(math.sqrt(max(self.cov[i, i], 0.0)))

    def category_trend(self, category: str) -> float:
        """Change of demand per four weeks in the category (e.g. +0.12 = +12 %), from the trend term."""
        if f"trend:{category}" not in self.columns:
            return 0.0
        return math.exp(float(self.beta[self.columns.index(f"trend:{category}")])) - 1.0

    def units(self, sku: str, day: date, price: float, promo: bool, traffic: int | None = None) -> float:
        """Expected units on ``day``: storefront, or in a show with ``traffic`` viewers."""
        if sku not in self.products:
            raise KeyError(sku)
        x = self._features(sku, day, price, promo, traffic is not None)
        offset = math.log(max(traffic, 1) / 1000) if traffic else 0.0
        return float(math.exp(min(float(x @ self.beta) + offset, 30.0)))

    def period_units(self, sku: str, start: date, days: int, price: float, promo: bool) -> float:
        return sum(self.units(sku, start + timedelta(days=k), price, promo) for k in range(days))
