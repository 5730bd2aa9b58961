"""A seeded market for one shop: the known truth behind honest benchmarks of selection, pricing and scheduling.

Everything a model is later asked to learn is drawn here first and kept (``Market.products``,
``Market.expected_units``), so a benchmark can compare an estimate with the truth instead of with itself.

The demand of product *i* on day *d* at price *p* (units per unit of traffic) is

    base · exp(appeal_i + trend_i·d) · season_cat(d) · season_i(d) · weekday(d) · event(d)
         · (p / list_i)^elasticity_i · promo

with Poisson noise and a day-level shock shared by the whole shop, capped by the stock on hand.

The default shop (``default``) has what a real shop's year has: the platforms' sales calendar (618,
99, 双11, 双12, 年货节: most products join at 20–40 % off, and the platform brings more demand on those
days), seasonal goods (a fifth of the products have a strong season of their own), launches (30 % of
the products arrive during the history, with no sales behind them), per-product promotions every
3–7 weeks, weekly price tests, and stock-outs (15 % of products are never restocked). ``stable``
switches the calendar and seasonal goods off (the earlier default, draw for draw); ``fast`` is a
one-category shop with short life cycles and strong promotions. The
storefront sells every launched product every day; live shows (1–2 a day, at varying hours) sell their
lineup to ``traffic(hour) × quality(hour)`` viewers. Prices follow a plan made in advance (small price
tests, promotion windows), which is what a planner may know about the next period; demand shocks,
appeal and elasticity are never shown to a model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np

from cohost.insights.calendar import is_platform_event
from cohost.insights.sales import SaleRecord

# category → (season peak day-of-year, amplitude, price range in yuan); peaks: 双11, 春节, winter, 618.
CATEGORIES: dict[str, tuple[int, float, tuple[float, float]]] = {
    "美妆护肤": (315, 0.30, (49.0, 399.0)),
    "食品": (30, 0.35, (19.0, 159.0)),
    "服饰": (350, 0.45, (59.0, 599.0)),
    "数码": (170, 0.25, (99.0, 1999.0)),
    "家居": (250, 0.15, (29.0, 499.0)),
    "母婴": (100, 0.15, (39.0, 299.0)),
}
NOUNS: dict[str, tuple[str, ...]] = {
    "美妆护肤": ("保湿精华", "修护面霜", "氨基酸洁面", "防晒乳", "口红", "面膜"),
    "食品": ("坚果礼盒", "红茶", "牛肉干", "螺蛳粉", "燕麦片", "蜂蜜"),
    "服饰": ("羽绒服", "卫衣", "牛仔裤", "羊毛围巾", "运动鞋", "衬衫"),
    "数码": ("蓝牙耳机", "充电宝", "机械键盘", "智能手表", "小音箱", "数据线"),
    "家居": ("四件套", "收纳箱", "保温杯", "香薰", "拖鞋", "台灯"),
    "母婴": ("纸尿裤", "奶瓶", "婴儿湿巾", "儿童牙刷", "安抚巾", "辅食碗"),
}
# viewers by show start hour (relative) and how well they convert (evening buyers convert better)
HOUR_TRAFFIC = np.array([0.15, 0.08, 0.05, 0.04, 0.04, 0.05, 0.10, 0.20, 0.35, 0.45, 0.55, 0.65,
                         0.80, 0.70, 0.55, 0.55, 0.60, 0.65, 0.75, 0.90, 1.00, 1.00, 0.85, 0.45])
HOUR_QUALITY = np.array([0.80, 0.75, 0.70, 0.70, 0.70, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00,
                         1.05, 1.00, 0.95, 0.95, 0.95, 1.00, 1.05, 1.10, 1.15, 1.20, 1.10, 0.90])
WEEKDAY = np.array([0.92, 0.90, 0.93, 0.95, 1.02, 1.15, 1.13])  # Monday first
SHOW_HOURS = (9, 10, 12, 14, 15, 19, 20, 21, 22)
PROMO_UPLIFT = 1.35  # a promotion sells more than its price cut alone explains (salience)


@dataclass(frozen=True, slots=True)
class MarketConfig:
    seed: int = 7
    n_products: int = 40
    days: int = 182
    start: date = date(2026, 5, 1)
    shelf_rate: float = 1.6  # storefront units per day of a product with appeal 0 at list price
    show_rate: float = 0.0012  # live units per viewer of a presented product with appeal 0
    base_traffic: float = 3000.0
    lineup: int = 10
    shock_sd: float = 0.25  # day-level demand shock of the whole shop (weather, platform traffic)
    categories: tuple[str, ...] = tuple(CATEGORIES)  # a vertical shop sells one or two categories
    appeal_sd: float = 0.7  # spread of products' latent appeal (log demand)
    trend_sd: float = 0.004  # spread of products' daily log-demand drift (life cycles)
    promo_uplift: float = PROMO_UPLIFT
    promo_gap: tuple[int, int] = (20, 50)  # days between a product's promotion windows
    # the phenomena of a real shop's year (``stable`` switches them off):
    events: bool = True  # platform sales (calendar.PLATFORM_EVENTS): most products join at a deeper discount
    event_join: float = 0.6  # share of products in each platform sale
    event_discount: tuple[float, float] = (0.20, 0.40)
    event_lift: float = 1.3  # shop-wide extra demand on a platform-sale day (the platform's own traffic)
    seasonal_goods: float = 0.2  # share of products with a season of their own (down jackets, mooncakes)
    seasonal_amplitude: float = 0.8
    launch_share: float = 0.3  # share of products launched during the history (the rest are on sale from day 0)
    restock_p: tuple[float, float, float, float] = (0.15, 0.2, 0.4, 0.25)  # restock 0 / 60 / 150 / 400 every 14 days


@dataclass(frozen=True, slots=True)
class SimProduct:
    sku: str
    title: str
    category: str
    list_price: float
    cost: float
    appeal: float
    elasticity: float
    trend: float
    launch_day: int
    restock: int
    season_peak: int = 0  # day of the year of the product's own season peak (seasonal goods only)
    season_amplitude: float = 0.0


@dataclass
class PricePlan:
    """The live price and promotion of every product on every day, decided in advance."""

    price: np.ndarray  # (days, products)
    promo: np.ndarray  # (days, products) bool


@dataclass
class History:
    """What happened: sales records (what a merchant would export) plus the truth behind them."""

    records: list[SaleRecord]
    shelf_units: np.ndarray  # (days, products) realised storefront units
    shelf_expected: np.ndarray  # (days, products) expected storefront units before the stock cap
    stock_end: np.ndarray  # (days, products) stock left at the end of each day
    shows: list[tuple[str, int, int, int]] = field(default_factory=list)  # (show_id, day, hour, traffic)


class Market:
    """The shop's products, calendar and demand. Same seed, same market, same history."""

    def __init__(self, config: MarketConfig | None = None) -> None:
        self.config = config or MarketConfig()
        self.rng = np.random.default_rng(self.config.seed)
        self.products = self._draw_products()
        self.index = {p.sku: i for i, p in enumerate(self.products)}
        self.horizon = self.config.days + 56  # plans reach 8 weeks past the history for backtests
        self.plan = self._draw_plan()

    def _draw_products(self) -> list[SimProduct]:
        rng, cats = self.rng, list(self.config.categories)
        out = []
        for i in range(self.config.n_products):
            cat = cats[i % len(cats)]
            low, high = CATEGORIES[cat][2]
            list_price = float(round(math.exp(rng.uniform(math.log(low), math.log(high)))))
            launch = int(rng.integers(30, self.config.days)) if rng.random() < self.config.launch_share else 0
            out.append(SimProduct(
                sku=f"SIM-{i + 1:03d}", title=f"{NOUNS[cat][i // len(cats) % len(NOUNS[cat])]} {i + 1}号",
                category=cat, list_price=list_price, cost=round(list_price * rng.uniform(0.30, 0.55), 2),
                appeal=float(rng.normal(0.0, self.config.appeal_sd)), elasticity=-float(rng.uniform(0.8, 3.0)),
                trend=float(rng.normal(0.0, self.config.trend_sd)), launch_day=launch,
                restock=int(rng.choice([0, 60, 150, 400], p=list(self.config.restock_p))),
            ))
            if self.config.seasonal_goods and rng.random() < self.config.seasonal_goods:
                out[-1] = replace(out[-1], season_peak=int(rng.integers(1, 366)),
                                  season_amplitude=self.config.seasonal_amplitude)
        return out

    def _draw_plan(self) -> PricePlan:
        rng, n = self.rng, len(self.products)
        days = self.horizon
        discount = np.zeros((days, n))
        promo = np.zeros((days, n), dtype=bool)
        for j in range(n):
            # weekly price tests of 0–15 % off list, so elasticity is identifiable from history
            weekly = rng.choice([0.0, 0.05, 0.10, 0.15], size=days // 7 + 1, p=[0.4, 0.25, 0.2, 0.15])
            discount[:, j] = np.repeat(weekly, 7)[:days]
            day = int(rng.integers(0, 21))
            while day < days:
                length = int(rng.integers(3, 8))
                discount[day:day + length, j] = rng.uniform(0.15, 0.30)
                promo[day:day + length, j] = True
                day += length + int(rng.integers(*self.config.promo_gap))
        self.event_day = np.zeros(days, dtype=bool)
        if self.config.events:
            for day in range(days):
                self.event_day[day] = is_platform_event(self.day_date(day))
            starts = [d for d in range(days) if self.event_day[d] and (d == 0 or not self.event_day[d - 1])]
            for first in starts:
                last = first
                while last + 1 < days and self.event_day[last + 1]:
                    last += 1
                for j in range(n):
                    if rng.random() < self.config.event_join:
                        discount[first:last + 1, j] = rng.uniform(*self.config.event_discount)
                        promo[first:last + 1, j] = True
        prices = np.array([p.list_price for p in self.products]) * (1.0 - discount)
        return PricePlan(price=np.round(prices, 1), promo=promo)

    # --- the truth -------------------------------------------------------------------------------------
    def day_date(self, day: int) -> date:
        return self.config.start + timedelta(days=day)

    def season(self, category: str, day: int, product: SimProduct | None = None) -> float:
        """The category's season, times the product's own for seasonal goods."""
        peak, amplitude, _ = CATEGORIES[category]
        doy = self.day_date(day).timetuple().tm_yday
        factor = 1.0 + amplitude * math.cos(2 * math.pi * (doy - peak) / 365.0)
        if product is not None and product.season_amplitude:
            factor *= math.exp(product.season_amplitude * math.cos(2 * math.pi * (doy - product.season_peak) / 365.0))
        return factor

    def demand_factor(self, j: int, day: int, price: float | None = None, promo: bool | None = None) -> float:
        """Expected units per unit of exposure for product ``j`` on ``day`` (0 before its launch)."""
        p = self.products[j]
        if day < p.launch_day:
            return 0.0
        price = float(self.plan.price[day, j]) if price is None else price
        promo = bool(self.plan.promo[day, j]) if promo is None else promo
        weekday = WEEKDAY[self.day_date(day).weekday()]
        lifecycle = math.exp(p.appeal + p.trend * (day - p.launch_day))
        lift = self.config.event_lift if self.event_day[day] else 1.0
        return float(lifecycle * self.season(p.category, day, p) * weekday * lift
                     * (price / p.list_price) ** p.elasticity * (self.config.promo_uplift if promo else 1.0))

    def expected_units(self, j: int, day: int, price: float | None = None, promo: bool | None = None) -> float:
        """Expected storefront units (no stock cap, no shop-wide shock)."""
        return self.config.shelf_rate * self.demand_factor(j, day, price, promo)

    def expected_traffic(self, day: int, hour: int) -> float:
        return float(self.config.base_traffic * HOUR_TRAFFIC[hour] * WEEKDAY[self.day_date(day).weekday()])

    # --- what happened ----------------------------------------------------------------------------------
    def history(self, days: int | None = None) -> History:
        """Simulate ``days`` (default: the configured history) of storefront and live-show sales."""
        days = days or self.config.days
        if days > self.horizon:
            raise ValueError(f"the price plan covers {self.horizon} days; asked for {days}")
        rng = np.random.default_rng(self.config.seed + 1)
        n, cfg = len(self.products), self.config
        stock = np.array([p.restock * 2 + 100 for p in self.products], dtype=np.int64)
        shelf = np.zeros((days, n), dtype=np.int64)
        expected = np.zeros((days, n))
        stock_end = np.zeros((days, n), dtype=np.int64)
        records: list[SaleRecord] = []
        shows: list[tuple[str, int, int, int]] = []
        preference = rng.dirichlet(np.ones(len(SHOW_HOURS)) * 2.0)  # the shop's habits, not the optimum
        for day in range(days):
            if day % 14 == 0 and day:
                stock += np.array([p.restock for p in self.products])
            shock = math.exp(rng.normal(-cfg.shock_sd**2 / 2, cfg.shock_sd))
            when = self.day_date(day)
            for j, p in enumerate(self.products):
                mean = self.expected_units(j, day)
                expected[day, j] = mean
                listed = day >= p.launch_day and stock[j] > 0  # the export lists a sku while it is on sale
                sold = min(int(rng.poisson(mean * shock)), int(stock[j]))
                stock[j] -= sold
                shelf[day, j] = sold
                if listed:
                    records.append(SaleRecord(day=when, sku=p.sku, qty=sold, price=float(self.plan.price[day, j]),
                                              promo=bool(self.plan.promo[day, j]), cost=p.cost))
            for k in range(1 + int(rng.random() < 0.35)):
                hour = int(rng.choice(SHOW_HOURS, p=preference))
                traffic = int(self.expected_traffic(day, hour) * math.exp(rng.normal(0, 0.3)) * shock)
                show_id = f"S{when:%Y%m%d}-{k + 1}"
                shows.append((show_id, day, hour, traffic))
                live = [j for j in range(n) if stock[j] > 0 and day >= self.products[j].launch_day]
                weights = np.array([math.exp(self.products[j].appeal + rng.normal(0, 0.8)) for j in live])
                lineup = [live[i] for i in np.argsort(-weights)[: cfg.lineup]]
                for j in lineup:
                    mean = traffic * cfg.show_rate * HOUR_QUALITY[hour] * self.demand_factor(j, day)
                    sold = min(int(rng.poisson(mean)), int(stock[j]))
                    stock[j] -= sold
                    records.append(SaleRecord(
                        day=when, sku=self.products[j].sku, qty=sold, price=float(self.plan.price[day, j]),
                        show_id=show_id, traffic=traffic, hour=hour, promo=bool(self.plan.promo[day, j]),
                        cost=self.products[j].cost))
            stock_end[day] = stock
        return History(records=records, shelf_units=shelf, shelf_expected=expected, stock_end=stock_end,
                       shows=shows)


def fast_moving(**overrides: object) -> MarketConfig:
    """A vertical shop with short product life cycles and strong promotions (live-commerce 快消)."""
    base: dict[str, object] = {"n_products": 60, "categories": ("美妆护肤",), "appeal_sd": 0.4, "trend_sd": 0.015,
                               "promo_uplift": 2.0, "promo_gap": (10, 30)}
    base.update(overrides)
    return stable(**base)


def stable(**overrides: object) -> MarketConfig:
    """A mixed shop of six categories with steady products and no platform sales: the default before the
    platform calendar, seasonal goods and frequent launches were simulated (the same market, draw for draw)."""
    base: dict[str, object] = {"events": False, "seasonal_goods": 0.0, "launch_share": 0.15,
                               "restock_p": (0.1, 0.2, 0.4, 0.3)}
    base.update(overrides)
    return MarketConfig(**base)  # type: ignore[arg-type]


def default(**overrides: object) -> MarketConfig:
    """The default shop: six categories, the platforms' sales calendar, seasonal goods, launches, stock-outs."""
    return MarketConfig(**overrides)  # type: ignore[arg-type]


SCENARIOS = {"default": default, "stable": stable, "fast": fast_moving}
