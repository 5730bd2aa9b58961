"""``cohost insights …``: CTR/CVR models, selection, pricing, scheduling, recommendations, simulation, sales import."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, JsonOption, app_state, console, open_store
from cohost.errors import InputError

app = typer.Typer(help="运营智能 / decision support: CTR, selection, pricing, scheduling, recommendations.",
                  no_args_is_help=True)
ctr = typer.Typer(help="点击率/转化率模型 / CTR and CVR models, evaluated side by side.", no_args_is_help=True)
app.add_typer(ctr, name="ctr")

DataOption = Annotated[str, typer.Option("--data", help="simulator | simulator:fresh | movielens-100k | FILE (.csv/.tsv/.xlsx)")]
ModelsOption = Annotated[str | None, typer.Option("--models", help="comma-separated: popularity,logreg,lightgbm,din")]
TargetOption = Annotated[str, typer.Option("--target", help="click (CTR) or order (CVR, simulator only)")]


def _emit(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False))


def _dataset(spec: str, target: str, seed: int) -> Any:
    from cohost.insights import ctrdata, movielens
    from cohost.insights.room import CTR_SCENARIOS, impressions_for_ctr
    from cohost.insights.simulator import Market, MarketConfig

    if spec in ("simulator", "simulator:established", "simulator:fresh"):
        scenario = spec.partition(":")[2] or "established"
        log = impressions_for_ctr(Market(MarketConfig(seed=seed)), seed=seed + 1, **CTR_SCENARIOS[scenario])
        return ctrdata.from_impressions(log, target, name=spec)
    if target != "click":
        raise InputError(f"--target {target} needs the simulator; {spec} has click labels only")
    if spec == "movielens-100k":
        return movielens.load()
    return ctrdata.from_file(Path(spec))


def _names(models: str | None) -> list[str]:
    from cohost.insights.evaluation import available_models

    if not models:
        return available_models()
    return [m.strip() for m in models.split(",") if m.strip()]


def _small(rows: int) -> None:
    if rows < 1000:
        print(f"注意 Note: only {rows} rows; AUC on so few rows swings widely — a pipeline check, not a claim.",
              file=sys.stderr)


@ctr.command("train")
def ctr_train(ctx: typer.Context, data: DataOption = "simulator", models: ModelsOption = None,
              target: TargetOption = "click", seed: int = 7, home: HomeOption = None, as_json: JsonOption = False) -> None:
    """训练并保存模型 / train every model on the training split and save them in the home folder."""
    from cohost.insights.evaluation import ModelStore, train

    settings = app_state(ctx).settings(home)
    dataset = _dataset(data, target, seed)
    _small(len(dataset))
    fitted, train_rows, test_rows = train(dataset, _names(models), seed=seed)
    store = ModelStore(settings.ensure_home(), dataset.name)
    store.save(dataset.fingerprint(), fitted)
    result = {"dataset": dataset.name, "rows": len(dataset), "train_rows": len(train_rows),
              "test_rows": len(test_rows), "models": [m.name for m in fitted], "saved": str(store.path)}
    if as_json:
        _emit(result)
        return
    console.print(f"已训练 Trained {', '.join(result['models'])} on {len(train_rows):,} of {len(dataset):,} rows "
                  f"of {dataset.name}; saved to {store.path}", highlight=False)


@ctr.command("eval")
def ctr_eval(ctx: typer.Context, data: DataOption = "simulator", models: ModelsOption = None,
             target: TargetOption = "click", seed: int = 7, retrain: bool = False, home: HomeOption = None,
             as_json: JsonOption = False) -> None:
    """评估 / AUC and log loss of every model on the same held-out split (and the Bayes limit on the simulator)."""
    from cohost.insights.evaluation import ModelStore, evaluate, ratio

    settings = app_state(ctx).settings(home)
    dataset = _dataset(data, target, seed)
    _small(len(dataset))
    store = None if retrain else ModelStore(settings.home, dataset.name)
    result = evaluate(dataset, _names(models), seed=seed, store=store)
    if as_json:
        _emit(result.to_json())
        return
    table = Table(title=f"{result.dataset}: {result.rows:,} rows, test {result.test_rows:,} (same split for all)")
    for col in ("模型 Model", "AUC", "LogLoss", "AUC / Bayes"):
        table.add_column(col)
    for s in result.models:
        table.add_row(s.name, f"{s.auc:.4f}", f"{s.logloss:.4f}", f"{ratio(s, result):.3f}" if result.bayes_auc else "—")
    if result.bayes_auc:
        table.add_row("Bayes-optimal (true p)", f"{result.bayes_auc:.4f}", f"{result.bayes_logloss:.4f}", "1.000")
    console.print(table)


@app.command("simulate")
def simulate(ctx: typer.Context, days: int = 182, products: int = 40, shows: int = 3, seed: int = 7,
             scenario: Annotated[str, typer.Option(
                 help="default | stable (no platform sales calendar) | fast (a fast-moving vertical shop)")] = "default",
             catalog: Annotated[bool | None, typer.Option("--catalog/--no-catalog",
                                help="load the simulated shop as the catalog (default: only if it is empty)")] = None,
             home: HomeOption = None, as_json: JsonOption = False) -> None:
    """模拟 / simulate a shop: sales history into the sales book, shows into <home>/shows, optionally the catalog."""
    from cohost.insights.planner import simulated_catalog
    from cohost.insights.room import simulate_shows
    from cohost.insights.sales import SalesBook
    from cohost.insights.simulator import SCENARIOS, Market

    if scenario not in SCENARIOS:
        raise InputError(f"unknown scenario {scenario!r}; choose from {', '.join(SCENARIOS)}")
    if not 28 <= days <= 730 or not 2 <= products <= 2000 or not 0 <= shows <= 60:
        raise InputError("need 28 ≤ --days ≤ 730, 2 ≤ --products ≤ 2000 and 0 ≤ --shows ≤ 60")
    settings = app_state(ctx).settings(home)
    home_dir = settings.ensure_home()
    market = Market(SCENARIOS[scenario](seed=seed, n_products=products, days=days))
    history = market.history()
    counts = SalesBook(home_dir).merge(history.records)
    runs = simulate_shows(home_dir, market, shows=shows, seed=seed)
    loaded = False
    with open_store(settings) as store:
        if catalog or (catalog is None and store.catalog.count() == 0):
            store.catalog.import_catalog(simulated_catalog(market, history.stock_end[-1], days - 1), source="simulator")
            loaded = True
    show_ids = [r.plan.show_id for r in runs]
    result = {"scenario": scenario, "seed": seed, "sales_rows": counts.total, "added": counts.added,
              "shows": show_ids, "catalog_loaded": loaded}
    if as_json:
        _emit(result)
        return
    console.print(f"模拟完成 Simulated {days} days of {products} products ({scenario}): {counts.total:,} sales rows "
                  f"({counts.added:,} new); shows: {', '.join(show_ids) or '—'}; "
                  f"catalog {'loaded' if loaded else 'left as it was'}", highlight=False)


@app.command("import-sales")
def import_sales_cmd(ctx: typer.Context, path: Annotated[Path, typer.Argument(help="sales history .csv or .xlsx")],
                     home: HomeOption = None, as_json: JsonOption = False) -> None:
    """导入销售历史（原子、幂等）/ import sales history: date, sku, qty, price[, show_id, traffic, hour, promo, cost]."""
    from cohost.insights.sales import SalesBook, import_sales

    settings = app_state(ctx).settings(home)
    counts = import_sales(path, SalesBook(settings.ensure_home()))
    result = {"file": str(path), "rows": counts.total, "added": counts.added, "updated": counts.updated,
              "unchanged": counts.unchanged}
    if as_json:
        _emit(result)
        return
    console.print(f"导入完成 Imported {path.name}: {counts.total} rows — 新增 added {counts.added}, "
                  f"更新 updated {counts.updated}, 未变 unchanged {counts.unchanged}", highlight=False)


def _load(ctx: typer.Context, home: Path | None) -> tuple[Any, list[Any], list[Any]]:
    from cohost.insights.sales import SalesBook

    settings = app_state(ctx).settings(home)
    with open_store(settings) as store:
        products = store.catalog.list()
    return settings, products, SalesBook(settings.home).records()


def _day(value: str | None, records: list[Any]) -> date:
    from cohost.insights.planner import last_day

    if value is None:
        return last_day(records)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date {value[:20]!r} is not a date like 2026-11-20") from None


@app.command("select")
def select_cmd(ctx: typer.Context, on: Annotated[str | None, typer.Option("--date", help="show date (default: day after the history)")] = None,
               slots: int = 10, days: Annotated[int, typer.Option(help="days the forecast covers")] = 1,
               max_category_share: float = 0.4, objective: str = "blend", home: HomeOption = None,
               as_json: JsonOption = False) -> None:
    """选品 / pick products for the next show by predicted GMV and margin, with a reason each."""
    from cohost.insights.planner import candidates, fit_demand
    from cohost.insights.selection import SelectionRules, select

    if objective not in ("gmv", "margin", "blend") or not 1 <= slots <= 200 or not 1 <= days <= 60 \
            or not 0 < max_category_share <= 1:
        raise InputError("need --objective gmv|margin|blend, 1 ≤ --slots ≤ 200, 1 ≤ --days ≤ 60, 0 < --max-category-share ≤ 1")
    _, products, records = _load(ctx, home)
    start = _day(on, records)
    model = fit_demand(products, records, start)
    picks = select(model, candidates(products, records, start, days), start,
                   SelectionRules(slots=slots, max_category_share=max_category_share, objective=objective))  # type: ignore[arg-type]
    if as_json:
        _emit({"date": start.isoformat(), "picks": [{"sku": p.sku, "title": p.title, "category": p.category,
                                                      "units": round(p.units, 1), "gmv": round(p.gmv, 2),
                                                      "margin": None if p.margin is None else round(p.margin, 2),
                                                      "reason": p.reason} for p in picks]})
        return
    table = Table(title=f"{start} 选品建议 picks ({len(picks)})")
    for col in ("#", "商品 Product", "预计GMV", "理由 Reason"):
        table.add_column(col)
    for n, p in enumerate(picks, 1):
        table.add_row(str(n), f"{p.title}\n{p.sku}", f"¥{p.gmv:,.0f}", p.reason)
    console.print(table)


@app.command("price")
def price_cmd(ctx: typer.Context, sku: str, margin_floor: float = 0.15, objective: str = "profit",
              cost: Annotated[float | None, typer.Option(help="unit cost, if the catalog and history lack it")] = None,
              viewer: Annotated[str | None, typer.Option(help="refused: prices are never set per viewer")] = None,
              segment: Annotated[str | None, typer.Option(help="refused: prices are never set per viewer group")] = None,
              home: HomeOption = None, as_json: JsonOption = False) -> None:
    """定价 / elasticity and one recommended live price for everyone (never per viewer: PI-24)."""
    from cohost.insights.planner import cost_of, fit_demand, infos
    from cohost.insights.pricing import elasticities, recommend_price, refuse_personalised_pricing

    if viewer is not None or segment is not None:
        raise refuse_personalised_pricing(viewer or segment or "")
    if objective not in ("profit", "gmv"):
        raise InputError("--objective must be profit or gmv")
    _, products, records = _load(ctx, home)
    product = next((p for p in products if p.sku == sku), None)
    if product is None:
        raise InputError(f"sku {sku[:64]!r} is not in the catalog")
    start = _day(None, records)
    model = fit_demand(products, records, start)
    el = elasticities(records, infos(products), start, pooled=None).get(sku)
    if el is None:
        raise InputError(f"{sku}: no sales history in the last 182 days; cannot estimate its elasticity")
    unit_cost = cost if cost is not None else cost_of(product, records)
    if unit_cost is None or unit_cost < 0:
        raise InputError(f"{sku}: unit cost unknown", hint="pass --cost, or add a cost column to the sales import")
    advice = recommend_price(model, el, current=float(product.price), cost=unit_cost,
                             list_price=float(product.list_price or product.price), start=start,
                             margin_floor=margin_floor, objective=objective)  # type: ignore[arg-type]
    if as_json:
        _emit({"sku": sku, "current": advice.current, "recommended": advice.recommended, "floor": round(advice.floor, 2),
               "ceiling": advice.ceiling, "elasticity": round(el.estimate, 3), "elasticity_sd": round(el.sd, 3),
               "units_now": round(advice.units_now, 1), "units_new": round(advice.units_new, 1),
               "units_range": [round(advice.units_low, 1), round(advice.units_high, 1)],
               "profit_now": round(advice.profit_now, 2), "profit_new": round(advice.profit_new, 2),
               "reason": advice.reason, "per_viewer": False})
        return
    console.print(f"{product.title}（{sku}）: {advice.reason}", highlight=False)


@app.command("schedule")
def schedule_cmd(ctx: typer.Context, top: int = 3,
                 weekend: Annotated[bool | None, typer.Option("--weekend/--weekday", help="only weekend or weekday shows")] = None,
                 home: HomeOption = None, as_json: JsonOption = False) -> None:
    """排期 / the best start hours from past shows' traffic and conversion."""
    from cohost.insights.sales import SalesBook
    from cohost.insights.scheduling import rank_slots

    settings = app_state(ctx).settings(home)
    slots, untried = rank_slots(SalesBook(settings.home).records(), weekend=weekend, top=max(1, min(top, 24)))
    if not slots:
        raise InputError("no show in the sales history has a start hour",
                         hint="import sales with show_id and hour (or a date with time) columns")
    if as_json:
        _emit({"slots": [{"hour": s.hour, "shows": s.shows, "viewers": s.viewers, "units_per_1000": s.units_per_1000,
                          "gmv": round(s.gmv, 2), "gmv_range": [round(s.low, 2), round(s.high, 2)], "reason": s.reason}
                         for s in slots], "untried_hours": untried})
        return
    for s in slots:
        console.print(s.reason, highlight=False)
    if untried:
        console.print(f"未试过的时段 untried hours: {', '.join(f'{h}:00' for h in untried)}", highlight=False)


@app.command("recommend")
def recommend_cmd(ctx: typer.Context, show_id: Annotated[str, typer.Argument(help="show id (see `cohost show list`)")],
                  k: int = 3, window: Annotated[float, typer.Option(help="minutes of the room to consider")] = 5.0,
                  home: HomeOption = None, as_json: JsonOption = False) -> None:
    """推荐下一个讲解/置顶的商品 / what to present or pin next, from the room's recent questions and orders."""
    from cohost.insights.planner import offers, room_state
    from cohost.insights.recommend import recommend
    from cohost.insights.shows import ShowFolder

    if not 1 <= k <= 20 or not 0 < window <= 240:
        raise InputError("need 1 ≤ --k ≤ 20 and 0 < --window ≤ 240 minutes")
    settings, products, records = _load(ctx, home)
    state, lineup = room_state(ShowFolder(settings.home, show_id).require(), window)
    picks = recommend(offers(products, records, lineup), state, k=k)
    if as_json:
        _emit({"show": show_id, "current_sku": state.current_sku, "personalised": False,
               "recommendations": [{"sku": r.sku, "title": r.title, "score": r.score, "reason": r.reason} for r in picks]})
        return
    for n, r in enumerate(picks, 1):
        console.print(f"{n}. {r.reason}", highlight=False)


@app.command("trends")
def trends_cmd(ctx: typer.Context, days: int = 30, out: Annotated[Path | None, typer.Option(help="write HTML here")] = None,
               home: HomeOption = None, as_json: JsonOption = False) -> None:
    """问题趋势 / the most asked questions over the last DAYS days and what to add to the catalog or script."""
    from cohost.insights.page import write_atomic
    from cohost.insights.trends import question_trends, render_trends

    if not 1 <= days <= 366:
        raise InputError("--days must be 1–366")
    settings = app_state(ctx).settings(home)
    report = question_trends(settings.home, days=days)
    if out is not None:
        write_atomic(out, render_trends(report).encode("utf-8"))
    if as_json:
        _emit(report.to_json())
        return
    for r in report.rows:
        console.print(f"{r.asked:>5} 人次 · {r.title} · {r.intent} → {r.action}", highlight=False)
    if out is not None:
        console.print(f"已写入 written: {out}", highlight=False)
