"""Which product to present or pin next, given what the room is asking and buying right now.

A room-level recommendation (the same for every viewer in the room), never a per-viewer push:
compliance.md PI-24 / ECL-18 ask for a non-personalised option for personalised recommendations, and
this one is not personalised at all. It uses recent question groups and orders (counts only, no text
and no user ids), the product's prior (its historical popularity), stock, and what was presented.

Ranking: relevance = prior × the room's lift (its questions and orders for the product against the
lineup's average, damped), excluding the product on screen and discounting products already talked
about at length; then a re-rank (maximal marginal relevance) that trades a
little relevance for variety across categories and for exposure of products the room has rarely
been shown (``diversity`` and ``fairness`` weights; 0 and 0 gives the pure relevance order).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

INTENT_WEIGHT = {"purchase": 1.0, "price": 1.0, "stock": 1.0, "variant": 0.9, "promotion": 0.9,
                 "attribute": 0.6, "usage": 0.5, "suitability": 0.5, "comparison": 0.5, "shipping": 0.3,
                 "returns": 0.2, "complaint": -0.5}
INTENT_ZH = {"purchase": "怎么买", "price": "价格", "stock": "库存", "variant": "规格", "promotion": "优惠",
             "attribute": "参数", "usage": "用法", "suitability": "适用人群", "comparison": "对比",
             "shipping": "发货", "returns": "退换", "complaint": "投诉", "human": "找人工", "greeting": "打招呼",
             "chitchat": "闲聊", "other": "其他"}
REASON_ZH = {"no_fact": "资料里没有答案", "ambiguous_product": "不确定问哪个商品", "complaint": "投诉", "dispute": "售后纠纷",
             "health": "健康相关", "safety": "安全相关", "minor": "疑似未成年", "self_harm": "自伤风险",
             "human_request": "要求人工", "injection": "可疑指令", "other": "其他"}
MODERATION_ZH = {"spam": "垃圾广告", "abuse": "辱骂", "diversion": "站外引流"}
PII_ZH = {"mobile": "手机号", "id_card": "身份证号", "bank_card": "银行卡号", "address": "地址", "wechat": "微信号",
          "qq": "QQ号", "email": "邮箱", "name": "姓名"}
SUGGESTION_ZH = {"retention_drop": "在线下滑", "show_size_chart": "展示尺码表", "pin_link": "置顶链接",
                 "call_human": "呼叫人工", "switch_product": "换品", "low_stock": "库存告急"}
LOW_STOCK = 10


@dataclass(frozen=True, slots=True)
class Offer:
    """A product that can be presented: from the catalog plus its prior (e.g. historical GMV per minute)."""

    sku: str
    title: str
    category: str
    stock: int
    prior: float = 0.0
    number: int | None = None  # link number in the room (几号链接)


@dataclass(frozen=True, slots=True)
class RoomState:
    questions: Sequence[tuple[str, str, int]] = ()  # (sku, intent, count) of recent question groups
    orders: Mapping[str, int] = field(default_factory=dict)  # sku → units ordered recently
    current_sku: str | None = None
    presented_seconds: Mapping[str, float] = field(default_factory=dict)  # this show so far


@dataclass(frozen=True, slots=True)
class Recommendation:
    sku: str
    title: str
    score: float
    reason: str


def _relevance(offers: Sequence[Offer], state: RoomState) -> dict[str, tuple[float, str]]:
    """Prior value × the room's lift: interest above the lineup's average raises a product, below lowers it."""
    top_prior = max((o.prior for o in offers), default=0.0) or 1.0
    asked: dict[str, float] = {}
    complaints: Counter[str] = Counter()
    intents: dict[str, Counter[str]] = {}
    for sku, intent, count in state.questions:
        count = max(count, 0)
        if intent == "complaint":
            complaints[sku] += count
        else:
            asked[sku] = asked.get(sku, 0.0) + INTENT_WEIGHT.get(intent, 0.3) * count
        intents.setdefault(sku, Counter())[intent] += count
    live = [o for o in offers if o.stock > 0 and o.sku != state.current_sku]
    mean_q = sum(asked.get(o.sku, 0.0) for o in live) / max(len(live), 1)
    mean_o = sum(max(state.orders.get(o.sku, 0), 0) for o in live) / max(len(live), 1)
    out = {}
    for o in live:
        q, n_orders = asked.get(o.sku, 0.0), max(state.orders.get(o.sku, 0), 0)
        talked = state.presented_seconds.get(o.sku, 0.0) / 60.0
        lift = ((q + 1) / (mean_q + 1)) ** 0.7 * ((n_orders + 1) / (mean_o + 1)) ** 0.5
        score = (o.prior / top_prior + 0.05) * lift * 0.8 ** complaints[o.sku] * 0.5 ** (talked / 10.0)
        parts = []
        if intents.get(o.sku):
            top = intents[o.sku].most_common(2)
            parts.append("近期" + "、".join(f"{c}人问{INTENT_ZH.get(i, i)}" for i, c in top))
        if n_orders:
            parts.append(f"刚成交{n_orders}件")
        if o.prior >= 0.5 * top_prior:
            parts.append("历史热卖")
        if lift >= 1.5:
            parts.append(f"本场关注度是其他商品的{lift:.1f}倍")
        if talked >= 1:
            parts.append(f"本场已讲{talked:.0f}分钟，降权")
        parts.append(f"库存仅剩{o.stock}件，适合催单" if o.stock < LOW_STOCK else f"库存{o.stock}件")
        out[o.sku] = (score, "；".join(parts))
    return out


def recommend(offers: Sequence[Offer], state: RoomState, *, k: int = 3, diversity: float = 0.3,
              fairness: float = 0.1, exposure: Mapping[str, int] | None = None) -> list[Recommendation]:
    """Up to ``k`` products in the order to present them, each with its reason."""
    by_sku = {o.sku: o for o in offers}
    scored = _relevance(offers, state)
    if not scored:
        return []
    top = max(s for s, _ in scored.values()) or 1.0
    seen = exposure or {}
    most = max(seen.values(), default=0)
    chosen: list[str] = []
    while len(chosen) < min(k, len(scored)):
        best, best_value = None, -math.inf
        for sku, (score, _) in scored.items():
            if sku in chosen:
                continue
            same = sum(by_sku[c].category == by_sku[sku].category for c in chosen) / max(len(chosen), 1)
            rare = 1.0 - seen.get(sku, 0) / most if most else 0.0
            value = (1 - diversity) * score / top - diversity * same + fairness * rare
            if value > best_value or (value == best_value and best is not None and sku < best):
                best, best_value = sku, value
        assert best is not None
        chosen.append(best)
    out = []
    for sku in chosen:
        offer = by_sku[sku]
        label = f"{offer.number}号 " if offer.number else ""
        out.append(Recommendation(sku, offer.title, round(scored[sku][0], 4), f"{label}{offer.title}：{scored[sku][1]}"))
    return out


def gini(counts: Sequence[float]) -> float:
    """Gini coefficient of exposure (0 = every product shown equally, 1 = one product gets everything)."""
    values = sorted(max(c, 0.0) for c in counts)
    n, total = len(values), sum(values)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((i + 1) * v for i, v in enumerate(values))
    return (2 * weighted) / (n * total) - (n + 1) / n


def intra_list_diversity(categories: Sequence[str]) -> float:
    """Share of pairs in a list that are from different categories."""
    pairs = [(a, b) for i, a in enumerate(categories) for b in categories[i + 1:]]
    return sum(a != b for a, b in pairs) / len(pairs) if pairs else 0.0
