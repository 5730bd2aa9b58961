"""Operating suggestions for the human operator, each with the figures that triggered it.

Rules over the room's sliding windows, plus a simple anomaly test (an exponentially weighted mean and
variance of the per-minute series; a drop of more than ``z_drop`` deviations is an anomaly). Codes:

    retention_drop     viewers leaving faster than their recent baseline → a hook or a promotion
    engagement_drop    comments per minute far below their baseline → ask the room something
    size_chart         many size questions on one product → show the size chart
    pin_link           many "how do I buy" questions on one product → pin / pop its link
    complaint_burst    complaints and disputes bunching up (≥ 5 and ≥ 2% of recent comments) → call a person
    unanswered_surge   many viewers waiting on escalated questions → a person must answer
    stock_out          a product sold out (or nearly) while viewers still ask about it → switch product

Constraints: every suggestion carries ``evidence`` (the numbers, never invented: stock comes from the
catalog minus platform orders; online only from platform stats) and is rate-limited per code and
product (``cooldown`` seconds of stream time), so the operator is not spammed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cohost.domain import Product
from cohost.events import Suggestion
from cohost.live.metrics import RoomMetrics


@dataclass(slots=True)
class _Baseline:
    """EWMA mean and variance of a per-minute series, fed once per minute."""

    alpha: float = 0.3
    mean: float = 0.0
    var: float = 0.0
    n: int = 0

    def feed(self, value: float) -> None:
        if self.n == 0:
            self.mean = value
        else:
            diff = value - self.mean
            self.mean += self.alpha * diff
            self.var = (1 - self.alpha) * (self.var + self.alpha * diff * diff)
        self.n += 1


class Advisor:
    def __init__(self, products: Mapping[str, Product] | None = None, *, cooldown: float = 300.0,
                 z_drop: float = 3.0, min_history: int = 3, size_questions: int = 8, buy_questions: int = 10,
                 complaints: int = 5, waiting_viewers: int = 20, sold_out_interest: int = 5,
                 low_stock: int = 10) -> None:
        self.products = dict(products or {})
        self.cooldown = cooldown
        self.z_drop = z_drop
        self.min_history = min_history
        self.thresholds = {"size": size_questions, "buy": buy_questions, "complaints": complaints,
                           "waiting": waiting_viewers, "interest": sold_out_interest, "low_stock": low_stock}
        self._last: dict[tuple[str, str | None], float] = {}
        self._leaves = _Baseline()
        self._comments = _Baseline()
        self._minute: float | None = None

    def _name(self, sku: str) -> str:
        product = self.products.get(sku)
        if product is None:
            return sku
        link = f"{product.display_order}号链接" if product.display_order else sku
        return f"{link}「{product.title}」"

    def _fire(self, out: list[Suggestion], now: float, code: str, message: str, evidence: dict[str, Any],
              sku: str | None = None) -> None:
        key = (code, sku)
        last = self._last.get(key)
        if last is not None and now - last < self.cooldown:
            return
        self._last[key] = now
        out.append(Suggestion(ts=now, code=code, message=message, evidence=evidence, sku=sku))

    def stock_left(self, sku: str, metrics: RoomMetrics) -> int | None:
        product = self.products.get(sku)
        if product is None:
            return None
        return max(0, product.stock - metrics.sold.get(sku, 0))

    def advise(self, m: RoomMetrics, now: float) -> list[Suggestion]:
        out: list[Suggestion] = []
        snap = m.snapshot(now)
        if self._minute is None:
            self._minute = now
        elif now - self._minute >= 60.0:  # the baselines learn once per minute, after judging it
            self._minute = now
            self._trends(out, now, snap.leaves_per_min, snap.comments_per_min, snap.online)
            self._leaves.feed(snap.leaves_per_min)
            self._comments.feed(snap.comments_per_min)
        t = self.thresholds
        complaints = int(m.complaints.trim(now))
        recent_comments = m.comments.trim(now) * m.recent / m.comments.seconds
        if complaints >= max(t["complaints"], 0.02 * recent_comments):  # a burst, not a big room's usual share
            self._fire(out, now, "complaint_burst", f"近{int(m.recent) // 60}分钟有{complaints}条投诉或售后问题：请人工客服马上介入",
                       {"complaints": complaints, "window_s": m.recent})
        waiting = sum(m.waiting_groups.values())
        if waiting >= t["waiting"]:
            self._fire(out, now, "unanswered_surge",
                       f"{len(m.waiting_groups)}个问题共{waiting}位观众在等人工回复：请安排人手回答",
                       {"groups": len(m.waiting_groups), "viewers": waiting})
        for sku, window in m.size_questions.items():
            n = int(window.trim(now))
            if n >= t["size"]:
                self._fire(out, now, "size_chart", f"{n}人在问{self._name(sku)}的尺码：建议展示尺码表并说明选码建议",
                           {"size_questions": n, "window_s": m.recent}, sku)
        for sku, window in m.buy_questions.items():
            n = int(window.trim(now))
            if n >= t["buy"]:
                self._fire(out, now, "pin_link", f"{n}人在问怎么买{self._name(sku)}：建议置顶或弹出这个链接",
                           {"purchase_questions": n, "window_s": m.recent}, sku)
        for sku, window in m.interest.items():
            interest = int(window.trim(now))
            left = self.stock_left(sku, m)
            if left is None or interest < t["interest"]:
                continue
            if left == 0:
                self._fire(out, now, "stock_out", f"{self._name(sku)}已售罄，仍有{interest}人在问或下单：建议切换到下一个商品",
                           {"stock": 0, "interest_per_min": interest}, sku)
            elif left <= t["low_stock"]:
                self._fire(out, now, "stock_out", f"{self._name(sku)}只剩{left}件，{interest}人感兴趣：提醒库存或准备切换商品",
                           {"stock": left, "interest_per_min": interest}, sku)
        return out

    def _trends(self, out: list[Suggestion], now: float, leaves: int, comments: int, online: int | None) -> None:
        if self._leaves.n >= self.min_history:
            base = self._leaves.mean
            if leaves >= max(10.0, 2.0 * base):
                self._fire(out, now, "retention_drop",
                           f"观众流失加快：每分钟离开{leaves}人，近期基线约{round(base)}人：建议抛出福利钩子或上一轮优惠",
                           {"leaves_per_min": leaves, "baseline": round(base, 1), "online": online})
        if self._comments.n >= self.min_history and self._comments.mean >= 20:
            sd = math.sqrt(self._comments.var) or 1.0
            z = (comments - self._comments.mean) / sd
            if z <= -self.z_drop and comments < 0.6 * self._comments.mean:
                self._fire(out, now, "engagement_drop",
                           f"互动骤降：每分钟{comments}条评论，基线约{round(self._comments.mean)}条：建议提问或发起抽奖互动",
                           {"comments_per_min": comments, "baseline": round(self._comments.mean, 1), "z": round(z, 2)})
