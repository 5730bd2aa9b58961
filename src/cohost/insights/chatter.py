"""What simulated viewers say, and what a live pipeline would have made of it.

The phrasings are ordinary live-room comments (formats.md §4 intents); a few carry spam, off-platform
diversion or personal data, as real rooms do. ``simulated_outcome`` plays the live pipeline's part for
a simulated show only, so a report can be rendered and looked at without the pipeline: every show
written from here is marked ``"source": "simulator"`` and its report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

INTENTS: dict[str, tuple[float, tuple[str, ...]]] = {
    "price": (0.20, ("{n}号多少钱", "这个多少钱", "现在什么价", "{t}啥价", "多少米", "{n}号链接价格多少")),
    "attribute": (0.13, ("{t}是什么材质", "这个多大容量", "保质期多久", "尺码偏大还是偏小", "有没有色差", "产地是哪里")),
    "variant": (0.06, ("有没有大码", "有别的颜色吗", "有小瓶装吗", "{n}号有几种规格")),
    "stock": (0.07, ("还有货吗", "{n}号还有吗", "是不是没库存了", "什么时候补货")),
    "shipping": (0.07, ("什么时候发货", "发什么快递", "新疆包邮吗", "几天能到")),
    "returns": (0.04, ("能退吗", "支持七天无理由吗", "拆了还能退吗")),
    "usage": (0.04, ("怎么用", "一天用几次", "要冷藏吗")),
    "promotion": (0.07, ("有优惠券吗", "买二送一吗", "满减怎么算", "今天有赠品吗")),
    "suitability": (0.04, ("孕妇能用吗", "敏感肌可以吗", "小孩能吃吗", "老人适合吗")),
    "purchase": (0.08, ("拍了", "{n}号链接在哪", "怎么下单", "已拍{n}号")),
    "complaint": (0.02, ("上次买的坏了没人管", "客服一直不回消息", "质量太差了要退款")),
    "human": (0.01, ("我要人工客服", "找真人说话")),
    "greeting": (0.07, ("主播好", "来了来了", "晚上好呀")),
    "chitchat": (0.08, ("哈哈哈", "666", "主播今天状态好", "背景音乐叫什么")),
}
SPAM = (("加V看福利 vx: meimei{k}", "diversion"), ("关注我领红包{k}", "spam"), ("傻X主播", "abuse"))
PII = ("电话138{k:08d}帮我改地址", "我手机号是139{k:08d}")
QUESTION_INTENTS = frozenset(INTENTS) - {"greeting", "chitchat"}
ESCALATE = {"complaint": "complaint", "human": "human_request", "suitability": "health"}
_MOBILE = re.compile(r"1[3-9]\d{9}")


@dataclass(frozen=True, slots=True)
class Chat:
    text: str  # raw, as typed (events.jsonl)
    masked: str  # as the pipeline would keep it (output.jsonl)
    intent: str
    moderation: str
    pii: tuple[str, ...]


def _mask(text: str) -> tuple[str, tuple[str, ...]]:
    masked = _MOBILE.sub(lambda m: m.group()[:3] + "****" + m.group()[-4:], text)
    return masked, (("mobile",) if masked != text else ())


def draw_chat(rng: np.random.Generator, number: int, title: str) -> Chat:
    """One comment about the product on screen (number = its link number, 几号链接)."""
    roll = rng.random()
    if roll < 0.03:
        template, kind = SPAM[int(rng.integers(len(SPAM)))]
        text = template.format(k=int(rng.integers(100, 999)))
        return Chat(text, text, "other", kind, ())
    if roll < 0.045:
        text = PII[int(rng.integers(len(PII)))].format(k=int(rng.integers(0, 10**8)))
        masked, pii = _mask(text)
        return Chat(text, masked, "shipping", "ok", pii)
    names = list(INTENTS)
    weights = np.array([INTENTS[n][0] for n in names])
    intent = names[int(rng.choice(len(names), p=weights / weights.sum()))]
    phrasings = INTENTS[intent][1]
    short = title.split(" ")[0]
    text = phrasings[int(rng.integers(len(phrasings)))].format(n=number, t=short)
    return Chat(text, text, intent, "ok", ())


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the simulated pipeline did with a question group."""

    answered: bool
    escalation: str | None  # reason
    resolved_by_human: bool


def simulated_outcome(rng: np.random.Generator, intent: str) -> Outcome:
    """Facts answer most questions; attribute/variant questions sometimes lack the fact (no_fact)."""
    if intent in ESCALATE:
        return Outcome(False, ESCALATE[intent], bool(rng.random() < 0.7))
    if intent in ("attribute", "variant", "usage") and rng.random() < 0.35:
        return Outcome(False, "no_fact", bool(rng.random() < 0.4))
    return Outcome(True, None, False)


def answer_text(intent: str, sku: str, title: str, price: float, number: int) -> tuple[str, list[str]]:
    """A grounded reply and the facts it cites (the simulated pipeline's answer stage)."""
    replies = {
        "price": (f"{title}现在直播间价格是{price:g}元。", ["price"]),
        "stock": (f"{title}现在还有货，喜欢的可以点{number}号链接。", ["stock"]),
        "shipping": ("下单后48小时内发货，默认中通。", ["shop.policy.shipping"]),
        "returns": ("支持7天无理由退货，食品类拆封后不支持。", ["shop.policy.returns"]),
        "promotion": ("今天直播间下单有赠品，以商品页活动为准。", ["promotions"]),
        "purchase": (f"点击下方{number}号链接就能下单。", ["display_order"]),
    }
    text, facts = replies.get(intent, (f"{title}的这项信息在商品详情页有写，主播马上给大家读一下。", ["attributes"]))
    return text, [f if f.startswith("shop.") else f"{sku}.{f}" for f in facts]
