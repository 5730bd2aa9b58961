"""Viewers of a live room, simulated with known tastes: every product-card impression, click and order,
with the TRUE click and order probabilities recorded beside what happened.

A viewer has a latent taste per category and a latent general activity; neither is ever a model
feature. What a model may see is what a platform logs: the product, its price and promotion, the hour,
how many times this viewer saw the card in this show, and the viewer's own interaction history in the shop
(impressions and clicks per category, the last ``SEQ`` products clicked, and clicks over the clicks the
shop's running card CTR expected — COEC) — in-shop behaviour only, no demographics (compliance.md
PI-5/6, PI-28). Viewers come back across shows, so loyal fans have long histories and newcomers none:
the gap between a model and the Bayes-optimal AUC is the part of the taste that their history has not
revealed yet.

    logit P(click)         = −3.0 + 0.8·appeal + taste[cat] + activity + 0.6·promo
                             + 2.5·discount − 0.35·times_seen + 0.8·(hour_quality − 1)
    logit P(order | click) = −2.4 + 0.5·appeal + 0.6·taste[cat] + 0.8·elasticity·log(price/list) + 0.4·promo
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from cohost.insights.simulator import HOUR_QUALITY, Market

SEQ = 10  # length of the recent-click sequence kept per viewer
FEATURES = ("price_ratio", "discount", "promo", "hour", "minute", "times_seen", "cat_impressions",
            "cat_clicks", "cat_ctr", "cat_logit", "all_impressions", "all_clicks", "all_ctr", "all_logit",
            "clicked_sku_before", "card_logit", "cat_expected", "cat_coec", "all_expected", "all_coec")
FATIGUE_BUCKETS = 6  # the shop's running card CTR is kept per product and per times seen in the show: 0 … 5+


def _sigmoid(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-x))
    return out


@dataclass
class ImpressionLog:
    """Columnar log of impressions. ``sku`` and ``seq`` hold 1-based product numbers (0 = padding)."""

    show: list[np.ndarray] = field(default_factory=list)
    ts: list[np.ndarray] = field(default_factory=list)
    viewer: list[np.ndarray] = field(default_factory=list)
    sku: list[np.ndarray] = field(default_factory=list)
    category: list[np.ndarray] = field(default_factory=list)
    x: list[np.ndarray] = field(default_factory=list)
    seq: list[np.ndarray] = field(default_factory=list)
    p_click: list[np.ndarray] = field(default_factory=list)
    click: list[np.ndarray] = field(default_factory=list)
    p_order: list[np.ndarray] = field(default_factory=list)
    order: list[np.ndarray] = field(default_factory=list)

    def column(self, name: str) -> np.ndarray:
        parts: list[np.ndarray] = getattr(self, name)
        return np.concatenate(parts) if parts else np.zeros(0)

    def __len__(self) -> int:
        return int(sum(len(p) for p in self.click))


class Audience:
    """A pool of viewers with persistent tastes and shop histories, shared by every show of the market."""

    def __init__(self, market: Market, size: int = 20_000, seed: int = 11) -> None:
        self.market = market
        self.rng = np.random.default_rng(seed)
        self.categories = sorted({p.category for p in market.products})
        n_cat = len(self.categories)
        self.taste = self.rng.normal(0.0, 1.0, size=(size, n_cat))
        self.activity = self.rng.normal(0.0, 0.5, size=size)
        self.loyalty = self.rng.pareto(1.5, size=size) + 0.05  # some viewers come to almost every show
        self.cat_impressions = np.zeros((size, n_cat))
        self.cat_clicks = np.zeros((size, n_cat))
        self.seen = np.zeros((size, len(market.products)), dtype=np.int16)
        self.clicked = np.zeros((size, len(market.products)), dtype=bool)
        self.recent = np.zeros((size, SEQ), dtype=np.int64)
        self.cat_of = np.array([self.categories.index(p.category) for p in market.products])
        # the shop's own running statistics, as a platform keeps them: clicks and impressions per card
        # (product × times seen) over all viewers so far, and per viewer the clicks those cards predicted
        self.card_clicks = np.zeros((len(market.products), FATIGUE_BUCKETS))
        self.card_shown = np.zeros((len(market.products), FATIGUE_BUCKETS))
        self.cat_expected = np.zeros((size, n_cat))

    def new_show(self) -> None:
        """Card fatigue is per show; tastes and shop histories carry over."""
        self.seen[:] = 0

    def draw(self, n: int, exclude: set[int]) -> list[int]:
        weights = self.loyalty.copy()
        if exclude:
            weights[list(exclude)] = 0.0
        total = weights.sum()
        if total <= 0:
            return []
        n = min(n, int(np.count_nonzero(weights)))
        return [int(v) for v in self.rng.choice(len(weights), size=n, replace=False, p=weights / total)]

    def true_rates(self, viewers: np.ndarray, j: int, price: float, promo: bool, hour: int,
                   seen: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The true P(click) and P(order | click) of product ``j``'s card for each viewer."""
        p, c = self.market.products[j], self.cat_of[j]
        fatigue = 0.0 if seen is None else 0.35 * seen
        logit = (-3.0 + 0.8 * p.appeal + self.taste[viewers, c] + self.activity[viewers] + 0.6 * promo
                 + 2.5 * (1.0 - price / p.list_price) - fatigue + 0.8 * (HOUR_QUALITY[hour] - 1.0))
        p_order = _sigmoid(-2.4 + 0.5 * p.appeal + 0.4 * promo + 0.8 * p.elasticity * math.log(price / p.list_price)
                           + 0.6 * self.taste[viewers, c])
        return _sigmoid(logit), p_order

    def show_cards(self, viewers: np.ndarray, j: int, price: float, promo: bool, hour: int, minute: float,
                   show: int, t0: float, log: ImpressionLog) -> np.ndarray:
        """One card impression of product ``j`` to each of ``viewers``; returns the viewers who ordered."""
        p = self.market.products[j]
        c = self.cat_of[j]
        n = len(viewers)
        discount = 1.0 - price / p.list_price
        seen = self.seen[viewers, j].astype(float)
        cat_i, cat_c = self.cat_impressions[viewers, c], self.cat_clicks[viewers, c]
        all_i, all_c = self.cat_impressions[viewers].sum(axis=1), self.cat_clicks[viewers].sum(axis=1)
        cat_rate, all_rate = (cat_c + 0.5) / (cat_i + 10.0), (all_c + 0.5) / (all_i + 10.0)  # smoothed rates
        # clicks over expected clicks (COEC): a viewer who clicked cards that rarely get clicks (seen for the
        # fifth time, a dull product) shows more taste than one who clicked the shop's favourites; the
        # expectation is the shop's running card CTR, computed from earlier impressions only
        bucket = np.minimum(seen, FATIGUE_BUCKETS - 1).astype(np.int64)
        overall = (self.card_clicks.sum() + 1.0) / (self.card_shown.sum() + 20.0)
        card_rate = (self.card_clicks[j, bucket] + 20.0 * overall) / (self.card_shown[j, bucket] + 20.0)
        cat_e, all_e = self.cat_expected[viewers, c], self.cat_expected[viewers].sum(axis=1)
        x = np.column_stack([
            np.full(n, price / p.list_price), np.full(n, discount), np.full(n, float(promo)), np.full(n, hour),
            np.full(n, minute), seen, cat_i, cat_c, cat_rate, np.log(cat_rate / (1 - cat_rate)), all_i, all_c,
            all_rate, np.log(all_rate / (1 - all_rate)), self.clicked[viewers, j].astype(float),
            np.log(card_rate / (1 - card_rate)), cat_e, np.log((cat_c + 1.0) / (cat_e + 1.0)), all_e,
            np.log((all_c + 1.0) / (all_e + 1.0)),
        ])
        p_click, p_order = self.true_rates(viewers, j, price, promo, hour, seen)
        click = self.rng.random(n) < p_click
        order = click & (self.rng.random(n) < p_order)
        log.show.append(np.full(n, show))
        log.ts.append(t0 + minute * 60.0 + self.rng.uniform(0, 60, n))
        log.viewer.append(viewers.copy())
        log.sku.append(np.full(n, j + 1))
        log.category.append(np.full(n, c + 1))
        log.x.append(x)
        log.seq.append(self.recent[viewers].copy())
        log.p_click.append(p_click)
        log.click.append(click)
        log.p_order.append(p_order)
        log.order.append(order)
        # the viewer's history grows only after the impression was logged (features stay causal)
        self.seen[viewers, j] += 1
        self.cat_impressions[viewers, c] += 1
        self.cat_expected[viewers, c] += card_rate
        np.add.at(self.card_shown[j], bucket, 1.0)
        np.add.at(self.card_clicks[j], bucket, click.astype(np.float64))
        clickers = viewers[click]
        self.cat_clicks[clickers, c] += 1
        self.clicked[clickers, j] = True
        if len(clickers):
            self.recent[clickers] = np.column_stack([np.full(len(clickers), j + 1), self.recent[clickers, :-1]])
        return viewers[order]
