"""Idle-time material and the repeat guard.

- ``RepeatGuard``: no sentence is said twice within ``window`` seconds (10 minutes by default) and never
  back to back; it forgets entries older than the window, so it stays small over a 24-hour show.
- ``FillerBank``: fixed, reviewed lines for quiet moments (no product claims, no urgency, no numbers);
  each line is checked once when the bank is built and lines with findings are dropped.
- Offer and recap lines are written from the product's facts at the moment they are said (the price and
  the promotions active *now*, never remembered), and cite the fact ids.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime

from cohost.anchor.lines import Line
from cohost.domain import Product

WINDOW = 600.0

FILLERS: tuple[str, ...] = (
    "新进来的宝子们欢迎欢迎，喜欢主播的可以点点关注。",
    "有什么想问的，直接在公屏上打出来，主播一条一条看。",
    "宝子们看中哪款，点下方小黄车就能看到详情。",
    "大家买之前记得看一下商品详情页，尺码规格以详情页为准。",
    "刚进来的家人们，左上角可以点个关注，下次开播不迷路。",
    "公屏上的问题主播都看着呢，别着急，一个一个来。",
    "下单前拿不准的，可以先问问客服，说清楚需求再拍。",
    "家人们觉得讲得清楚的，帮主播点点赞。",
    "有售后问题的宝子，下单后可以在订单页联系客服处理。",
    "想看哪款再讲一遍，公屏打出链接号就行。",
    "拍之前看好规格和数量，别拍错了哦。",
    "喜欢的可以先加购物车，慢慢比较。",
    "主播这边是AI数字人，讲解内容以商品详情页为准。",
    "宝子们有什么使用上的疑问，也可以打在公屏上。",
    "需要人工客服的宝子，公屏打人工，会有同事来处理。",
    "感谢家人们的陪伴，我们继续往下看。",
    "刚来的宝子别急，我们每款都会轮流讲到。",
    "大家收到货有任何问题，都可以联系客服。",
    "想了解发货和退换规则的，商品详情页都写得很清楚。",
    "家人们可以把直播间分享给需要的朋友。",
)


class RepeatGuard:
    """Remembers when each sentence was last said (bounded by the window)."""

    def __init__(self, window: float = WINDOW) -> None:
        self.window = window
        self._said: OrderedDict[str, float] = OrderedDict()
        self.last: str | None = None

    def _prune(self, now: float) -> None:
        while self._said:
            text, at = next(iter(self._said.items()))
            if at > now - self.window:
                break
            del self._said[text]

    def allowed(self, text: str, now: float) -> bool:
        self._prune(now)
        return text != self.last and text not in self._said

    def said(self, text: str, now: float) -> None:
        self._said.pop(text, None)
        self._said[text] = now
        self.last = text

    def __len__(self) -> int:
        return len(self._said)


class FillerBank:
    """Fixed idle lines that passed the checker, served in rotation, skipping ones said recently."""

    def __init__(self, lines: Sequence[str] = FILLERS, *, accept: Callable[[str], bool] | None = None) -> None:
        self.lines = [t for t in lines if accept is None or accept(t)]
        self._next = 0

    def pick(self, guard: RepeatGuard, now: float) -> Line | None:
        for step in range(len(self.lines)):
            index = (self._next + step) % len(self.lines)
            text = self.lines[index]
            if guard.allowed(text, now):
                self._next = index + 1
                return Line(text, "filler", {"filler": index})
        return None


def _price(value: object) -> str:
    text = f"{float(str(value)):.2f}".rstrip("0").rstrip(".")
    return text


def offer_lines(product: Product, when: datetime) -> list[Line]:
    """The product's promotions that are active at ``when``, as lines citing their facts."""
    out = []
    for index, promo in enumerate(product.promotions, start=1):
        if promo.active_at(when):
            text = f"{_short(product)}现在的活动：{promo.description.rstrip('。')}。"
            out.append(Line(text, "promotion", {"sku": product.sku, "promotion": index},
                            facts=(f"{product.sku}.promotion:{index}",), sku=product.sku))
    return out


def recap_lines(product: Product) -> list[Line]:
    """Plain fact lines for a product on screen: its name and current price."""
    name = _short(product)
    price = _price(product.price)
    texts = [f"现在讲的是{name}，直播间价格{price}元。", f"{name}的链接已经在小黄车里了，价格{price}元。"]
    facts = (f"{product.sku}.title", f"{product.sku}.price")
    return [Line(t, "recap", {"sku": product.sku, "recap": i}, facts=facts, sku=product.sku)
            for i, t in enumerate(texts)]


def _short(product: Product) -> str:
    title = product.title.split(" ")[0]
    return title if len(title) >= 2 else product.title
