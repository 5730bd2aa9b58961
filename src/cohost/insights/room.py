"""A simulated live show: viewers come and go, see product cards, click, order and comment.

``run_show`` drives the ``Audience`` through one show minute by minute and returns three things:
the impression log (CTR/CVR training data with true probabilities), the room's input events in the
format of formats.md §2, and what a live pipeline would have written (formats.md §3), marked as
simulated. ``simulate_shows`` writes shows into the home folder layout of ``cohost.insights.shows``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from cohost.domain.catalog import CHINA_TZ
from cohost.insights.audience import Audience, ImpressionLog
from cohost.insights.chatter import QUESTION_INTENTS, answer_text, draw_chat, simulated_outcome
from cohost.insights.shows import ShowFolder
from cohost.insights.simulator import HOUR_TRAFFIC, SHOW_HOURS, Market


@dataclass(frozen=True, slots=True)
class ShowPlan:
    show_id: str
    day: int
    hour: int
    minutes: int
    lineup: tuple[int, ...]  # product indexes in presentation order
    peak_online: int


@dataclass
class ShowRun:
    plan: ShowPlan
    started: datetime
    events: list[dict[str, Any]] = field(default_factory=list)
    outputs: list[dict[str, Any]] = field(default_factory=list)
    orders: int = 0
    gmv: float = 0.0


def plan_show(market: Market, day: int, hour: int, rng: np.random.Generator, *, minutes: int = 90,
              lineup: int = 8, peak_online: int = 600) -> ShowPlan:
    launched = [j for j, p in enumerate(market.products) if p.launch_day <= day]
    chosen = rng.choice(launched, size=min(lineup, len(launched)), replace=False)
    when = market.day_date(day)
    peak = int(peak_online * HOUR_TRAFFIC[hour] / HOUR_TRAFFIC.max())
    return ShowPlan(f"sim-{when:%Y%m%d}-{hour:02d}", day, hour, minutes, tuple(int(j) for j in chosen), max(peak, 20))


def _segment(plan: ShowPlan, minute: int) -> int:
    per = max(plan.minutes // len(plan.lineup), 1)
    return plan.lineup[min(minute // per, len(plan.lineup) - 1)]


def run_show(market: Market, audience: Audience, plan: ShowPlan, log: ImpressionLog, *,
             show_index: int = 0, seed: int = 0, card_rate: float = 0.5, chat_rate: float = 0.02) -> ShowRun:
    rng = np.random.default_rng(seed)
    audience.new_show()
    started = datetime.combine(market.day_date(plan.day), datetime.min.time(), CHINA_TZ) + timedelta(hours=plan.hour)
    t0 = started.timestamp()
    run = ShowRun(plan, started)
    present: dict[int, float] = {}  # viewer → minute they will leave
    room = f"room-{plan.show_id}"
    groups: dict[tuple[str, str, int], dict[str, Any]] = {}
    number_of = {j: k + 1 for k, j in enumerate(plan.lineup)}
    last_sku = None
    for minute in range(plan.minutes):
        j = _segment(plan, minute)
        product = market.products[j]
        price = float(market.plan.price[plan.day, j])
        promo = bool(market.plan.promo[plan.day, j])
        ramp = min(1.0, (minute + 1) / 10) * (0.6 if minute > plan.minutes * 0.8 else 1.0)
        arrivals = audience.draw(int(rng.poisson(plan.peak_online / 12 * ramp)), set(present))
        for v in arrivals:
            present[v] = minute + rng.exponential(12.0)
            run.events.append({"ts": round(t0 + minute * 60 + rng.uniform(0, 60), 3), "room": room,
                               "platform": "douyin", "type": "enter", "user_id": f"u{v}"})
        if j != last_sku:  # a product switch: viewers who do not care for it may leave
            cat = audience.cat_of[j]
            for v in list(present):
                if audience.taste[v, cat] < -0.8 and rng.random() < 0.25:
                    present[v] = minute + rng.uniform(0, 1)
        leaving = [v for v, until in present.items() if until <= minute + 1]
        for v in leaving:
            del present[v]
            run.events.append({"ts": round(t0 + minute * 60 + rng.uniform(0, 60), 3), "room": room,
                               "platform": "douyin", "type": "leave", "user_id": f"u{v}"})
        viewers = np.array(sorted(present), dtype=np.int64)
        shown = viewers[rng.random(len(viewers)) < card_rate] if len(viewers) else viewers
        buyers = audience.show_cards(shown, j, price, promo, plan.hour, float(minute), show_index, t0, log)
        for v in buyers:
            qty = 1 + int(rng.random() < 0.15)
            run.orders += 1
            run.gmv += qty * price
            run.events.append({"ts": round(t0 + minute * 60 + rng.uniform(0, 60), 3), "room": room,
                               "platform": "douyin", "type": "order", "user_id": f"u{v}",
                               "meta": {"sku": product.sku, "qty": qty, "amount": round(qty * price, 2)}})
        for second in range(0, 60, 10):
            run.events.append({"ts": t0 + minute * 60 + second, "room": room, "platform": "douyin",
                               "type": "stats", "meta": {"online": len(present), "current_sku": product.sku}})
        last_sku = j
        talkers = viewers[rng.random(len(viewers)) < chat_rate] if len(viewers) else viewers
        for v in talkers:
            chat = draw_chat(rng, number_of[j], product.title)
            ts = round(t0 + minute * 60 + rng.uniform(0, 60), 3)
            run.events.append({"ts": ts, "room": room, "platform": "douyin", "type": "chat", "user_id": f"u{v}",
                               "nickname": f"观众{v % 1000}", "text": chat.text})
            key = (chat.intent, product.sku, minute // 5)
            is_question = chat.intent in QUESTION_INTENTS and chat.moderation == "ok"
            if is_question and key not in groups:
                groups[key] = {"kind": "group", "group": f"g{len(groups) + 1}", "intent": chat.intent,
                               "sku": product.sku, "count": 0, "examples": [], "first_ts": ts, "last_ts": ts,
                               "_number": number_of[j], "_title": product.title, "_price": price}
            group = groups[key]["group"] if is_question else None
            if is_question:
                g = groups[key]
                g["count"] += 1
                g["last_ts"] = ts
                if chat.masked not in g["examples"] and len(g["examples"]) < 3:
                    g["examples"].append(chat.masked)
            run.outputs.append({"kind": "comment", "ref": len(run.events), "ts": ts, "text": chat.masked,
                                "intent": chat.intent, "sku": product.sku, "moderation": chat.moderation,
                                "pii": list(chat.pii), "group": group})
        run.outputs.append({"kind": "metrics", "ts": t0 + minute * 60 + 59, "online": len(present),
                            "comments_per_min": len(talkers), "orders_per_min": len(buyers), "gmv": round(run.gmv, 2)})
    _settle_groups(run, groups, rng)
    _suggest(run, rng)
    run.events.sort(key=lambda e: e["ts"])
    return run


def _settle_groups(run: ShowRun, groups: dict[tuple[str, str, int], dict[str, Any]], rng: np.random.Generator) -> None:
    for g in groups.values():
        number, title, price = g.pop("_number"), g.pop("_title"), g.pop("_price")
        run.outputs.append(g)
        outcome = simulated_outcome(rng, g["intent"])
        if outcome.answered:
            text, facts = answer_text(g["intent"], g["sku"], title, price, number)
            answer = {"kind": "answer", "ts": g["last_ts"] + 2.0, "group": g["group"], "text": text,
                      "facts": facts, "escalate": False, "route": "anchor"}
            if g["intent"] == "price" and rng.random() < 0.25:  # the guard rewrote an absolute claim in the draft
                answer["findings"] = [{"rule": "AD-09-3", "severity": "high", "text": "全网最低", "message": "绝对化用语",
                                       "suggestion": "直播间专享价"}]
            run.outputs.append(answer)
            continue
        run.outputs.append({"kind": "escalation", "ts": g["last_ts"] + 1.0, "ref": None, "group": g["group"],
                            "reason": outcome.escalation})
        if outcome.resolved_by_human:
            run.outputs.append({"kind": "answer", "ts": g["last_ts"] + 60.0 + float(rng.exponential(60)),
                                "group": g["group"], "text": "已由客服私信跟进处理。", "facts": [],
                                "escalate": False, "route": "human"})


def _suggest(run: ShowRun, rng: np.random.Generator) -> None:
    """A few operating suggestions of the kinds the live pipeline makes, some of them taken."""
    metrics = [o for o in run.outputs if o["kind"] == "metrics"]
    for prev, cur in itertools.pairwise(metrics):
        if prev["online"] >= 30 and cur["online"] < prev["online"] * 0.85:
            run.outputs.append({"kind": "suggestion", "ts": cur["ts"], "code": "retention_drop",
                                "message": "在线人数下降较快，建议上福利或换品", "taken": bool(rng.random() < 0.5),
                                "evidence": {"online_before": prev["online"], "online_now": cur["online"]}})
    sizes = sum(1 for o in run.outputs if o["kind"] == "group" and o["intent"] == "attribute")
    if sizes >= 3:
        run.outputs.append({"kind": "suggestion", "ts": metrics[-1]["ts"] if metrics else 0.0,
                            "code": "show_size_chart", "message": "多人询问规格参数，建议展示参数/尺码表",
                            "taken": bool(rng.random() < 0.5), "evidence": {"groups": sizes}})


def simulate_shows(home: Path | None, market: Market, *, shows: int = 3, seed: int = 5, minutes: int = 90,
                   peak_online: int = 600, audience: Audience | None = None,
                   log: ImpressionLog | None = None) -> list[ShowRun]:
    """Simulate ``shows`` consecutive evening shows and write each into ``<home>/shows/<id>``."""
    rng = np.random.default_rng(seed)
    audience = audience or Audience(market, seed=seed)
    log = log if log is not None else ImpressionLog()
    runs = []
    start_day = max(market.config.days - shows, 0)
    for k in range(shows):
        day = min(start_day + k, market.horizon - 1)
        hour = int(rng.choice([h for h in SHOW_HOURS if h >= 19]))
        plan = plan_show(market, day, hour, rng, minutes=minutes, peak_online=peak_online)
        run = run_show(market, audience, plan, log, show_index=k, seed=seed * 1000 + k)
        lineup = [{"sku": market.products[j].sku, "display_order": n + 1, "title": market.products[j].title,
                   "price": float(market.plan.price[plan.day, j])} for n, j in enumerate(plan.lineup)]
        meta = {"title": f"{run.started:%m月%d日} {plan.hour}点场（模拟）", "room": f"room-{plan.show_id}",
                "platform": "douyin", "started_at": run.started.isoformat(),
                "ended_at": (run.started + timedelta(minutes=plan.minutes)).isoformat(),
                "lineup": lineup, "source": "simulator", "seed": seed}
        if home is not None:
            ShowFolder(home, plan.show_id).write(meta, run.events, run.outputs)
        runs.append(run)
    return runs


def impressions_for_ctr(market: Market, *, shows: int = 6, warmup: int = 0, seed: int = 5, minutes: int = 90,
                        peak_online: int = 600, audience_size: int = 20_000) -> ImpressionLog:
    """An impression log from ``shows`` simulated shows (no files written).

    ``warmup`` earlier shows run first and are not logged: the viewers' histories grow as they would
    in a shop that has been live for a while, so the logged shows see returning viewers.
    """
    log, discard = ImpressionLog(), ImpressionLog()
    rng = np.random.default_rng(seed)
    audience = Audience(market, size=audience_size, seed=seed)
    total = warmup + shows
    for k in range(total):
        day = min(max(market.config.days - total + k, 0), market.horizon - 1)
        plan = plan_show(market, day, int(rng.choice(SHOW_HOURS)), rng, minutes=minutes, peak_online=peak_online)
        run_show(market, audience, plan, log if k >= warmup else discard, show_index=k, seed=seed * 1000 + k)
        discard = ImpressionLog()
    return log


# The two audiences the CTR benchmark reports: a shop with regular viewers and long histories, and a
# new shop whose viewers are mostly strangers (the gap to the Bayes limit is their unrevealed taste).
CTR_SCENARIOS: dict[str, dict[str, int]] = {
    "established": {"shows": 10, "warmup": 100, "audience_size": 3000},
    "fresh": {"shows": 6, "warmup": 0, "audience_size": 20_000},
}
