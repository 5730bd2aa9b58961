"""Fixed phrasing around answers and notices: "刚才好多宝子问…" + the guarded answer, and the AI notice.

The preface names what was asked, from the facts the answer cites (``MZ-001.price`` → 价格), so it says
nothing the answer does not rest on. Prefaces rotate so the same answer can be given again without
repeating a sentence within the repeat window; when every preface was used recently, the answer waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from cohost.anchor.lines import Line
from cohost.domain import Product
from cohost.events import Utterance
from cohost.speech.disclosure import SPOKEN_NOTICE

NOTICE_TEXT = "温馨提示：" + SPOKEN_NOTICE.rstrip("。") + "，讲解内容以商品详情页为准。"
MANY = ("刚才好多宝子问{topic}，", "好多宝子在问{topic}，", "公屏上好多家人问{topic}，", "统一回复一下问{topic}的宝子们，")
ONE = ("有宝子问{topic}，", "回答一下刚才问{topic}的宝子，", "看到有家人问{topic}，")
TOPICS = {"price": "价格", "list_price": "价格", "stock": "还有没有货", "variant": "规格", "promotion": "活动",
          "usage": "怎么用", "cautions": "注意事项", "faq": "", "shipping": "发货", "returns": "退换",
          "warranty": "质保", "display_order": "在几号链接", "attr": "", "selling_point": "卖点", "evidence": "", "title": ""}


def topic_of(facts: tuple[str, ...], product: Product | None) -> str:
    """What the viewers asked about, named from the first cited fact ("精华液的价格")."""
    name = product.title.split(" ")[0] if product is not None else ""
    for fact in facts:
        field = fact.split(".", 1)[1] if "." in fact else fact
        head, _, tail = field.partition(":")
        if head == "policy":
            head = tail
        word = tail if head == "attr" else TOPICS.get(head, "")
        if word:
            return (f"{name}{word}" if word.startswith(("在", "还")) else f"{name}的{word}") if name else word
    return name or "这个问题"


def answer_line(utterance: Utterance, count: int, product: Product | None,
                allowed: Callable[[str], bool]) -> Line | None:
    """The answer with a preface that was not said within the repeat window, or None (it waits)."""
    topic = topic_of(utterance.facts, product)
    answer = utterance.text.strip()
    for preface in MANY if count > 1 else ONE:
        text = preface.format(topic=topic) + answer
        if allowed(text):
            return Line(text, "answer", {"group": utterance.group, "count": count},
                        facts=utterance.facts, sku=utterance.sku, ready=time.perf_counter())
    return None


def notice_line() -> Line:
    return Line(NOTICE_TEXT, "notice", {"notice": "ai"})
