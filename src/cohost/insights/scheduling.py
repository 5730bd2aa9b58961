"""When to go live: start hours ranked by expected GMV per show, from past shows' traffic and conversion.

Per start hour: shows held, mean viewers, units per 1,000 viewers, and GMV per show. GMV per show is
estimated on the log scale and shrunk towards the average of all shows (empirical Bayes), so one lucky
show at an odd hour does not top the list; the interval says how sure the estimate is. Hours never
tried are listed as such, not guessed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from cohost.insights.sales import SaleRecord

MIN_NOISE = 0.05


@dataclass(frozen=True, slots=True)
class ShowTotals:
    show_id: str
    hour: int
    weekend: bool
    traffic: int | None
    units: int
    gmv: float


@dataclass(frozen=True, slots=True)
class Slot:
    hour: int
    shows: int
    viewers: float | None  # mean viewers per show, where traffic is known
    units_per_1000: float | None
    gmv: float  # shrunk expected GMV per show
    low: float
    high: float
    reason: str


def show_totals(records: Iterable[SaleRecord], weekend: bool | None = None) -> list[ShowTotals]:
    """One line per show that has a start hour (from its records); storefront rows are ignored."""
    acc: dict[str, list[SaleRecord]] = defaultdict(list)
    for r in records:
        if r.show_id and r.hour is not None:
            acc[r.show_id].append(r)
    out = []
    for show_id, rows in acc.items():
        is_weekend = rows[0].day.weekday() >= 5
        if weekend is not None and is_weekend != weekend:
            continue
        traffic = next((r.traffic for r in rows if r.traffic), None)
        out.append(ShowTotals(show_id, rows[0].hour or 0, is_weekend, traffic, sum(r.qty for r in rows),
                              sum(r.gmv for r in rows)))
    return out


def rank_slots(records: Iterable[SaleRecord], *, weekend: bool | None = None, top: int = 3) -> tuple[
        list[Slot], list[int]]:
    """The ``top`` start hours by shrunk GMV per show, and the hours (8–23) with no show yet."""
    shows = show_totals(records, weekend)
    if not shows:
        return [], list(range(8, 24))
    logs = np.log1p([s.gmv for s in shows])
    grand, total_var = float(logs.mean()), float(logs.var()) if len(logs) > 1 else 1.0
    by_hour: dict[int, list[ShowTotals]] = defaultdict(list)
    for s in shows:
        by_hour[s.hour].append(s)
    within = [float(np.var(np.log1p([s.gmv for s in group]), ddof=1))
              for group in by_hour.values() if len(group) > 1]
    # show-to-show noise: pooled within-hour variance, floored (GMV of two shows at one hour rarely
    # differs by less than ±20 %; a too-small noise would make one lucky show look certain)
    noise = max(float(np.mean(within)) if within else total_var, MIN_NOISE)
    mean_n = float(np.mean([len(g) for g in by_hour.values()]))
    between = max(total_var - noise / max(mean_n, 1.0), 0.01)
    slots = []
    for hour, group in by_hour.items():
        n = len(group)
        mean = float(np.mean(np.log1p([s.gmv for s in group])))
        weight = between / (between + noise / n)  # how much this hour's own shows count
        post = grand + weight * (mean - grand)
        sd = math.sqrt(1.0 / (1.0 / between + n / noise))
        traffics = [s.traffic for s in group if s.traffic]
        viewers = float(np.mean(traffics)) if traffics else None
        units_per_1000 = (1000 * sum(s.units for s in group if s.traffic) / sum(traffics)) if traffics else None
        gmv, low, high = math.expm1(post), math.expm1(post - 1.96 * sd), math.expm1(post + 1.96 * sd)
        parts = [f"{hour:02d}:00 开播：历史{n}场"]
        if viewers is not None and units_per_1000 is not None:
            parts.append(f"场均观看{viewers:,.0f}人，千人成交{units_per_1000:.1f}件")
        parts.append(f"预计场均GMV ¥{gmv:,.0f}（区间 ¥{low:,.0f}–¥{high:,.0f}）")
        if n < 3:
            parts.append("场次少，估计偏向整体平均，建议再试几场")
        slots.append(Slot(hour, n, viewers, units_per_1000, gmv, low, high, "，".join(parts)))
    slots.sort(key=lambda s: (-s.gmv, s.hour))
    untried = [h for h in range(8, 24) if h not in by_hour]
    return slots[:top], untried
