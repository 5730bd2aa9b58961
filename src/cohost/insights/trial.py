"""Offline trial of the next-product recommender on simulated rooms, where the best answer is known.

Each room gets a lineup and an audience drawn from the shop's viewer pool, leaning towards one
category (rooms fill from feeds with a theme). The true value of presenting a product next is the
audience's expected GMV for it (Σ P(click)·P(order | click)·price over the viewers present, from the
simulator's true rates). The room's signals are what a pipeline sees: question-group counts and recent
orders, drawn from those same rates. Accuracy = how often the truly best product is in the top ``k``.

Compared: ``popularity`` (the baseline: best historical sellers, the same list in every room),
``relevance`` (room signals, no re-rank) and ``diversified`` (room signals with the category/exposure
re-rank). Also intra-list diversity, catalog coverage and the Gini of exposure over all rooms.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from cohost.insights.audience import Audience
from cohost.insights.chatter import INTENTS, QUESTION_INTENTS
from cohost.insights.recommend import Offer, RoomState, gini, intra_list_diversity, recommend
from cohost.insights.simulator import Market

PRODUCT_INTENTS = [i for i in INTENTS if i in QUESTION_INTENTS and i not in ("complaint", "human")]


@dataclass(frozen=True, slots=True)
class TrialRow:
    method: str
    hit: float  # truly best product within the top k
    ild: float
    coverage: float
    gini: float


def _prior(market: Market, audience: Audience, day: int, hour: int) -> np.ndarray:
    """Historical expected GMV per viewer of each product over the whole pool (what sales data shows)."""
    everyone = np.arange(len(audience.activity))
    out = np.zeros(len(market.products))
    for j, p in enumerate(market.products):
        price = float(market.plan.price[day, j])
        click, order = audience.true_rates(everyone, j, price, bool(market.plan.promo[day, j]), hour)
        out[j] = float(np.mean(click * order)) * price * (day >= p.launch_day)
    return out


def run_trial(market: Market, *, rooms: int = 300, k: int = 3, lineup: int = 12, viewers: int = 300,
              seed: int = 3, diversity: float = 0.3, fairness: float = 0.1) -> list[TrialRow]:
    rng = np.random.default_rng(seed)
    audience = Audience(market, size=20_000, seed=seed)
    day, hour = market.config.days - 1, 20
    prior = _prior(market, audience, day, hour)
    launched = [j for j, p in enumerate(market.products) if p.launch_day <= day]
    exposure: dict[str, Counter[str]] = {m: Counter() for m in ("popularity", "relevance", "diversified")}
    hits: dict[str, list[float]] = {m: [] for m in exposure}
    ilds: dict[str, list[float]] = {m: [] for m in exposure}
    weights = np.array([INTENTS[i][0] for i in PRODUCT_INTENTS])
    for _ in range(rooms):
        items = [int(j) for j in rng.choice(launched, size=min(lineup, len(launched)), replace=False)]
        theme = int(rng.integers(len(audience.categories)))
        lean = np.exp(1.5 * audience.taste[:, theme])
        room = rng.choice(len(lean), size=viewers, replace=False, p=lean / lean.sum())
        value, questions, orders = {}, [], {}
        for j in items:
            p = market.products[j]
            price = float(market.plan.price[day, j])
            click, order = audience.true_rates(room, j, price, bool(market.plan.promo[day, j]), hour)
            value[p.sku] = float(np.sum(click * order)) * price
            asked = int(rng.poisson(0.15 * click.sum()))
            for intent, n in Counter(rng.choice(PRODUCT_INTENTS, size=asked, p=weights / weights.sum())).items():
                questions.append((p.sku, str(intent), int(n)))
            bought = int(rng.poisson(0.5 * float(np.sum(click * order))))
            if bought:
                orders[p.sku] = bought
        current = market.products[items[0]].sku
        offers = [Offer(market.products[j].sku, market.products[j].title, market.products[j].category, 100,
                        float(prior[j]), n + 1) for n, j in enumerate(items)]
        state = RoomState(questions=questions, orders=orders, current_sku=current)
        best = max((s for s in value if s != current), key=lambda s: value[s])
        category = {o.sku: o.category for o in offers}
        lists = {
            "popularity": [o.sku for o in sorted(offers, key=lambda o: -o.prior) if o.sku != current][:k],
            "relevance": [r.sku for r in recommend(offers, state, k=k, diversity=0.0, fairness=0.0)],
            "diversified": [r.sku for r in recommend(offers, state, k=k, diversity=diversity, fairness=fairness,
                                                     exposure=exposure["diversified"])],
        }
        for method, chosen in lists.items():
            hits[method].append(float(best in chosen))
            ilds[method].append(intra_list_diversity([category[s] for s in chosen]))
            exposure[method].update(chosen)
    catalog = [market.products[j].sku for j in launched]
    return [TrialRow(m, float(np.mean(hits[m])), float(np.mean(ilds[m])),
                     sum(1 for s in catalog if exposure[m][s]) / len(catalog),
                     gini([exposure[m][s] for s in catalog])) for m in exposure]
