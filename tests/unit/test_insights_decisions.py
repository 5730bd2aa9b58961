"""Selection, pricing, scheduling and next-product recommendations: the answers a merchant acts on."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from cohost.errors import InputError
from cohost.insights.demand import DemandModel, ProductInfo
from cohost.insights.pricing import PersonalisedPricingRefused, elasticities, recommend_price
from cohost.insights.recommend import Offer, RoomState, gini, intra_list_diversity, recommend
from cohost.insights.sales import SaleRecord
from cohost.insights.scheduling import rank_slots
from cohost.insights.selection import Candidate, SelectionRules, backtest, market_products, select
from cohost.insights.simulator import Market, MarketConfig, fast_moving
from tests.unit.cli_helpers import run


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(MarketConfig(seed=5, n_products=24, days=120))


@pytest.fixture(scope="module")
def history(market: Market):  # type: ignore[no-untyped-def]
    return market.history()


def test_same_seed_same_market_and_stock_never_negative(market: Market, history) -> None:  # type: ignore[no-untyped-def]
    again = Market(MarketConfig(seed=5, n_products=24, days=120)).history()
    assert [(r.day, r.sku, r.qty) for r in again.records[:500]] == [(r.day, r.sku, r.qty) for r in history.records[:500]]
    assert (history.stock_end >= 0).all()
    assert all(r.qty >= 0 and r.price > 0 for r in history.records)


def test_selection_respects_slots_stock_and_category_mix(market: Market, history) -> None:  # type: ignore[no-untyped-def]
    as_of = market.day_date(100)
    model = DemandModel.fit(history.records, market_products(market), as_of)
    cands = [Candidate(p.sku, p.title, p.category, 0 if j == 0 else 50, ((p.list_price, False),) * 3, p.cost)
             for j, p in enumerate(market.products)]
    picks = select(model, cands, as_of, SelectionRules(slots=6, max_category_share=0.34))
    assert len(picks) == 6
    assert market.products[0].sku not in {p.sku for p in picks}  # sold out
    assert max(sum(p.category == c for p in picks) for c in {p.category for p in picks}) <= 3
    assert all("预计3天售出" in p.reason and "库存" in p.reason for p in picks)
    tight = [Candidate(c.sku, c.title, c.category, 1, c.plan, c.cost) for c in cands[1:]]
    assert any("已按库存封顶" in p.reason for p in select(model, tight, as_of, SelectionRules(slots=3)))


def test_selection_beats_last_weeks_best_sellers_in_a_fast_moving_shop() -> None:
    fast = Market(fast_moving(seed=8, n_products=30, days=126))
    result = backtest(fast, fast.history(fast.config.days + 21), k=8, first_week_day=84)
    assert result.weeks >= 8
    assert result.model_hit > result.baseline_hit  # the figure itself is measured in bench/insights.py
    assert result.model_hit <= result.oracle_hit + 0.1


def test_elasticity_estimates_are_closer_to_the_truth_than_a_guess(market: Market, history) -> None:  # type: ignore[no-untyped-def]
    est = elasticities(history.records, market_products(market), market.day_date(120))
    truth = {p.sku: p.elasticity for p in market.products}
    error = np.mean([abs(e.estimate - truth[s]) for s, e in est.items()])
    guess = np.mean([abs(-1.0 - truth[s]) for s in est])  # "elasticity is -1" rule of thumb
    assert error < guess and all(e.sd > 0 for e in est.values())


def test_recommended_price_keeps_the_margin_floor_and_the_reference_price(market: Market, history) -> None:  # type: ignore[no-untyped-def]
    as_of = market.day_date(120)
    infos = market_products(market)
    model = DemandModel.fit(history.records, infos, as_of)
    est = elasticities(history.records, infos, as_of, pooled=model)
    for p in market.products[:8]:
        advice = recommend_price(model, est[p.sku], current=p.list_price * 0.9, cost=p.cost,
                                 list_price=p.list_price, start=as_of, margin_floor=0.3)
        assert p.cost / (1 - 0.3) - 0.11 <= advice.recommended <= p.list_price
        assert abs(advice.recommended / advice.current - 1) <= 0.1 + 1e-6
        assert "全场统一价" in advice.reason
    with pytest.raises(InputError, match="no lawful live price"):
        p = market.products[0]
        recommend_price(model, est[p.sku], current=p.list_price, cost=p.list_price, list_price=p.list_price,
                        start=as_of, margin_floor=0.2)


def test_a_price_per_viewer_is_refused_with_the_law(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--viewer", "--segment"):
        result = run(capsys, "--home", str(tmp_path), "insights", "price", "SKU-1", flag, "老粉-高消费")
        assert result.code == 1 and "PI-24" in result.err and "千人千价" in result.err
    assert issubclass(PersonalisedPricingRefused, InputError)


def _shows(hour: int, gmvs: list[float], start: date) -> list[SaleRecord]:
    return [SaleRecord(start + timedelta(days=i), "A", 1, g, show_id=f"h{hour}-{i}", traffic=1000, hour=hour)
            for i, g in enumerate(gmvs)]


def test_one_lucky_show_is_shrunk_and_flagged() -> None:
    start = date(2026, 9, 1)
    records = _shows(20, [9000, 11000, 10000, 10500, 9500, 10200], start) + _shows(9, [30000], start)
    slots, untried = rank_slots(records, top=2)
    lucky, steady = (slots[0], slots[1]) if slots[0].hour == 9 else (slots[1], slots[0])
    assert (lucky.hour, steady.hour) == (9, 20)
    assert 10_000 < lucky.gmv < 30_000 and "场次少" in lucky.reason and "场次少" not in steady.reason
    assert lucky.high - lucky.low > steady.high - steady.low  # less sure, and it says so
    assert 21 in untried and 20 not in untried


def _offers() -> list[Offer]:
    return [Offer("A", "精华", "美妆", 100, 10.0, 1), Offer("B", "面霜", "美妆", 100, 9.0, 2),
            Offer("C", "坚果", "食品", 100, 5.0, 3), Offer("D", "卫衣", "服饰", 0, 20.0, 4),
            Offer("E", "红茶", "食品", 100, 4.0, 5)]


def test_the_rooms_questions_move_a_product_up_with_a_reason() -> None:
    quiet = recommend(_offers(), RoomState(current_sku="A"), k=2, diversity=0, fairness=0)
    assert [r.sku for r in quiet] == ["B", "C"]  # the one on screen and the sold-out one are never proposed
    busy = RoomState(questions=[("E", "price", 30), ("E", "stock", 12)], orders={"E": 6}, current_sku="A")
    top = recommend(_offers(), busy, k=1, diversity=0, fairness=0)[0]
    assert top.sku == "E" and "30人问价格" in top.reason and "刚成交6件" in top.reason and top.reason.startswith("5号")
    angry = RoomState(questions=[("B", "complaint", 8)], current_sku="A")
    assert "B" not in [r.sku for r in recommend(_offers(), angry, k=2, diversity=0, fairness=0)]


def test_diversity_and_fairness_spread_the_list() -> None:
    state = RoomState(current_sku="C")
    plain = recommend(_offers(), state, k=2, diversity=0, fairness=0)
    varied = recommend(_offers(), state, k=2, diversity=0.5, fairness=0)
    cats = {o.sku: o.category for o in _offers()}
    assert intra_list_diversity([cats[r.sku] for r in varied]) > intra_list_diversity([cats[r.sku] for r in plain])
    assert gini([1, 1, 1, 1]) == 0 and gini([0, 0, 0, 10]) == pytest.approx(0.75)


def test_recommend_command_reads_the_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path)
    assert run(capsys, "--home", home, "insights", "simulate", "--days", "60", "--products", "10", "--shows", "1",
               "--json").code == 0
    show = run(capsys, "--home", home, "show", "list", "--json").json()["shows"][0]["id"]
    result = run(capsys, "--home", home, "insights", "recommend", show, "--window", "30", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["personalised"] is False and 1 <= len(data["recommendations"]) <= 3
    assert all(r["sku"] != data["current_sku"] and r["reason"] for r in data["recommendations"])
    assert run(capsys, "--home", home, "insights", "recommend", "../../etc").code == 1
    assert run(capsys, "--home", home, "insights", "recommend", "no-such-show").code == 1
    assert run(capsys, "--home", home, "insights", "select", "--slots", "3", "--json").json()["picks"]
    schedule = run(capsys, "--home", home, "insights", "schedule", "--json").json()
    assert schedule["slots"] and all(0 <= s["hour"] <= 23 for s in schedule["slots"])


def test_demand_model_needs_history() -> None:
    with pytest.raises(ValueError, match="no sales"):
        DemandModel.fit([], {"A": ProductInfo("x", 10.0)}, date(2026, 1, 1))
