"""Improvement suggestions for the next show, each tied to the figure in the report that supports it.

Rules, not guesses: a suggestion is made only when its figure shows the pattern (thresholds below);
a quiet show gets fewer than three, never made-up ones. At most five, strongest evidence first.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from cohost.insights.recommend import INTENT_ZH, REASON_ZH, SUGGESTION_ZH

if TYPE_CHECKING:
    from cohost.insights.review import Review

FIG_MINUTES = "图1 分钟趋势"
FIG_PRODUCTS = "图2 商品讲解时长与成交"
FIG_QUESTIONS = "图3 高频问题"
TAB_ESCALATIONS = "表4 升级处理"
TAB_SUGGESTIONS = "表5 运营建议"
CATALOG_HINT = {"attribute": "在商品资料里补充这项参数（attributes）", "variant": "补全规格与库存（variants）",
                "usage": "补充用法说明（usage）", "suitability": "补充适用人群/注意事项（cautions），健康类问题交人工",
                "shipping": "在店铺政策里写明发货时效与快递（policies.shipping）",
                "returns": "在店铺政策里写明退换规则（policies.returns）",
                "promotion": "把活动写进商品促销（promotions），主播开场说明"}


def _talk_vs_orders(review: Review) -> tuple[float, str] | None:
    talked = [p for p in review.products if p.talk_seconds >= 180]
    if len(talked) < 2:
        return None
    worst = min(talked, key=lambda p: p.orders_per_minute)
    best = max(talked, key=lambda p: p.orders_per_minute)
    if best.orders_per_minute < 2 * max(worst.orders_per_minute, 0.05):
        return None
    return (best.orders_per_minute / max(worst.orders_per_minute, 0.05),
            f"「{worst.title}」讲了{worst.talk_seconds / 60:.0f}分钟只成交{worst.orders}单（每分钟{worst.orders_per_minute:.2f}单），"
            f"「{best.title}」每分钟{best.orders_per_minute:.2f}单：下场压缩前者的讲解，把时间留给后者。")


def _retention(review: Review) -> tuple[float, str] | None:
    online = review.online
    worst, at = 0.0, -1
    for m in range(3, len(online)):
        before, now = online[m - 3], online[m]
        if before is None or now is None or before < 20:
            continue
        drop = (before - now) / before
        if drop > worst:
            worst, at = drop, m
    if worst < 0.15:
        return None
    before, now = online[at - 3], online[at]
    return (worst * 10, f"第{at - 3}–{at}分钟在线从{before}人降到{now}人（−{worst:.0%}）：在这个时点前安排福利、抽奖或换上更受欢迎的商品。")


def _unanswered(review: Review) -> tuple[float, str] | None:
    open_groups = review.unanswered
    if not open_groups:
        return None
    g = open_groups[0]
    titles = {p.sku: p.title for p in review.products}
    example = f"（例：“{g.examples[0]}”）" if g.examples else ""
    hint = CATALOG_HINT.get(g.intent, "把答案写进商品资料或话术")
    total = sum(x.count for x in open_groups)
    return (total / 5, f"{len(open_groups)}组问题共{total}人次没有得到回答，最多的是「{titles.get(g.sku or '', g.sku or '未关联商品')}」的"
            f"{INTENT_ZH.get(g.intent, g.intent)}问题，{g.count}人问过{example}：{hint}。")


def _escalations(review: Review) -> tuple[float, str] | None:
    pending = [e for e in review.escalations if e.outcome == "未处理"]
    if not pending:
        return None
    reasons = Counter(e.reason for e in pending).most_common(2)
    names = "、".join(f"{REASON_ZH.get(r, r)}×{n}" for r, n in reasons)
    return (len(pending) / 2, f"{len(pending)}/{len(review.escalations)}条升级无人处理（{names}）：直播时安排一名值守客服，投诉与健康问题优先。")


def _asked_not_bought(review: Review) -> tuple[float, str] | None:
    candidates = [p for p in review.products if p.questions >= 10]
    if not candidates:
        return None
    p = max(candidates, key=lambda p: p.questions / (p.orders + 1))
    if p.questions / (p.orders + 1) < 3:
        return None
    intents = Counter(g.intent for g in review.groups if g.sku == p.sku)
    top = "、".join(INTENT_ZH.get(i, i) for i, _ in intents.most_common(2))
    return (p.questions / (p.orders + 1) / 3, f"「{p.title}」被问了{p.questions}次却只成交{p.orders}单，问得最多的是{top}："
            f"讲解开头先把这些说清楚，挂上参数/价格说明。")


def _suggestions(review: Review) -> tuple[float, str] | None:
    ignored = [s for s in review.suggestions if s["taken"] is False]
    if len(ignored) < 2:
        return None
    code, n = Counter(s["code"] for s in ignored).most_common(1)[0]
    return (len(ignored) / 3, f"{len(ignored)}条运营建议未被采纳，其中「{SUGGESTION_ZH.get(code, code)}」出现{n}次：复盘时核对这些时点的数据，"
            f"决定是否下场直接执行。")


def improvements(review: Review) -> list[dict[str, str]]:
    rules = ((FIG_PRODUCTS, _talk_vs_orders), (FIG_MINUTES, _retention), (FIG_QUESTIONS, _unanswered),
             (TAB_ESCALATIONS, _escalations), (FIG_PRODUCTS, _asked_not_bought), (TAB_SUGGESTIONS, _suggestions))
    found = []
    for figure, rule in rules:
        result = rule(review)
        if result is not None:
            found.append((result[0], figure, result[1]))
    found.sort(key=lambda f: -f[0])
    return [{"figure": figure, "text": text} for _, figure, text in found[:5]]
