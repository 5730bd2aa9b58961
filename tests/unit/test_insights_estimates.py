"""The estimates behind the decisions: elasticity intervals that hold the truth as often as they say, demand
rows that do not mistake a stock-out for no demand, a default market with a real shop's calendar, and
CTR features computed from the past only."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from scipy import stats

from cohost.insights.calendar import is_platform_event
from cohost.insights.ctrdata import from_impressions
from cohost.insights.demand import build_panel
from cohost.insights.models import Logistic
from cohost.insights.pricing import shrink, spread_posterior
from cohost.insights.room import impressions_for_ctr
from cohost.insights.sales import SaleRecord
from cohost.insights.simulator import Market, default, stable


def test_shrunk_intervals_hold_the_truth_about_as_often_as_they_say() -> None:
    """Hierarchical data as the shop has it: ~35 products, noisy own estimates, an unknown spread."""
    rng = np.random.default_rng(0)
    hits, plug_in_hits = [], []
    for _ in range(150):
        n, tau, prior = 35, 0.7, -1.8
        truth = prior + rng.normal(0, tau, n)
        se = rng.uniform(0.4, 1.6, n)
        own = truth + rng.normal(0, se)
        spreads, weights = spread_posterior([(o - prior, s) for o, s in zip(own, se, strict=True)])
        t = stats.t.ppf(0.975, n - 1)
        for o, s, true in zip(own, se, truth, strict=True):
            est, sd = shrink((float(o), float(s)), prior, 0.0, spreads, weights)
            hits.append(abs(est - true) <= t * sd)
            # what the earlier code did: one τ² at its floor (0.25), a normal quantile
            b = s**2 / (s**2 + 0.25)
            plug_in_hits.append(abs((1 - b) * o + b * prior - true) <= 1.96 * np.sqrt((1 - b) * s**2))
    assert 0.935 <= np.mean(hits) <= 0.98, np.mean(hits)
    assert np.mean(plug_in_hits) < 0.92  # the test can tell a too-narrow interval from a right one


def test_spread_posterior_finds_the_spread_and_a_product_without_own_estimate_gets_it() -> None:
    rng = np.random.default_rng(1)
    gaps = [(float(rng.normal(0, np.hypot(1.0, 0.5))), 0.5) for _ in range(400)]
    spreads, weights = spread_posterior(gaps)
    assert float(np.sum(spreads * weights)) == pytest.approx(1.0, abs=0.2)
    est, sd = shrink(None, -2.0, 0.1, spreads, weights)
    assert est == -2.0 and sd == pytest.approx(np.hypot(1.0, 0.1), abs=0.12)
    spreads, weights = spread_posterior([])
    assert float(np.sum(spreads * weights)) == pytest.approx(0.25)  # the floor: products are never all alike


def test_a_stock_out_is_not_read_as_zero_demand() -> None:
    start = date(2026, 6, 1)
    listed = [SaleRecord(start + timedelta(days=d), "A", q, 10.0) for d, q in enumerate([3, 0, 4, 2])]
    listed += [SaleRecord(start + timedelta(days=9), "A", 5, 10.0)]  # back after a restock
    sparse = [SaleRecord(start + timedelta(days=d), "B", 2, 8.0) for d in (0, 3)]  # an export without zero rows
    rows = build_panel(listed + sparse, start + timedelta(days=10))
    a_days = sorted((r[1] - start).days for r in rows if r[0] == "A")
    assert a_days == [0, 1, 2, 9]  # day 3 sold the last units (censored), days 4–8 were off sale
    b_rows = sorted(((r[1] - start).days, r[2]) for r in rows if r[0] == "B")
    assert b_rows == [(d, 2.0 if d in (0, 3) else 0.0) for d in range(10)]  # silent days are zero sales


def test_the_default_shop_has_a_sales_calendar_seasonal_goods_and_launches() -> None:
    shop = Market(default(seed=3, n_products=30, days=200))
    plain = Market(stable(seed=3, n_products=30, days=200))
    events = [d for d in range(shop.horizon) if is_platform_event(shop.day_date(d))]
    assert events and shop.event_day[events].all() and not plain.event_day.any()
    joined = shop.plan.promo[events].mean()
    assert joined > 0.4 and plain.plan.promo[events].mean() < 0.3  # most products join a platform sale
    assert any(p.season_amplitude > 0 for p in shop.products) and not any(p.season_amplitude for p in plain.products)
    j = next(j for j in range(30) if not shop.plan.promo[events[0], j] and shop.products[j].launch_day == 0)
    before = events[0] - 7  # same weekday, a week earlier
    lift = shop.demand_factor(j, events[0], price=shop.plan.price[before, j], promo=False) / shop.demand_factor(
        j, before, promo=False)
    p = shop.products[j]
    drift = np.exp(p.trend * 7) * shop.season(p.category, events[0], p) / shop.season(p.category, before, p)
    assert lift == pytest.approx(1.3 * drift, rel=1e-6)  # the platform's traffic lifts even products not in the sale


def test_viewer_history_features_use_earlier_impressions_only() -> None:
    market = Market(stable(seed=3, n_products=12, days=60))
    log = impressions_for_ctr(market, shows=2, warmup=0, minutes=20, peak_online=80, audience_size=300)
    data = from_impressions(log)
    names = data.num_names
    order = np.argsort(log.column("ts"), kind="stable")
    viewers = log.column("viewer")[order]
    x = data.num[order]
    first = np.unique(viewers, return_index=True)[1]
    for column in ("cat_expected", "all_expected", "all_impressions", "all_clicks", "all_coec"):
        assert (x[first, names.index(column)] == 0).all(), column  # nothing is known before the first card
    expected = x[:, names.index("all_expected")]
    for v in np.unique(viewers)[:50]:
        mine = expected[viewers == v]
        assert (np.diff(mine) >= -1e-9).all()  # the history only grows
    assert x[:, names.index("card_logit")].std() > 0  # the shop's running card CTR moves as it learns


def test_logistic_chooses_its_regularisation_on_the_training_rows() -> None:
    market = Market(stable(seed=4, n_products=12, days=60))
    data = from_impressions(impressions_for_ctr(market, shows=3, warmup=0, minutes=30, peak_online=200,
                                                audience_size=600))
    train, _ = data.split()
    model = Logistic()
    model.fit(data, train)
    assert model.c in Logistic.GRID
    again = Logistic.load(model.state())
    assert again.c == model.c
    assert np.allclose(again.predict(data, train[:50]), model.predict(data, train[:50]))
