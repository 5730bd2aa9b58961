"""The trigger-character pre-screen never skips a pattern that matches (``cohost.knowledge.triggers``)."""

from __future__ import annotations

import random
import re

from cohost.knowledge import intents, lexicon
from cohost.knowledge.text import normalize
from cohost.knowledge.triggers import Triggers, first_chars

_HOSTILE = [
    "", " ", "？", "?", "多少钱", "多少錢？", "ｓｉｚｅ有吗", "尺碼多大", "颜色🍼有几个色😀", "２０００毫安的",
    "三号链接还有货吗", "能不能便宜点啊啊啊", "how much is it", "SIZE?", "這個質量怎麼樣", "送礼合适吗\u200b",
    "开了能放多久", "🙏🙏🙏", "\t\n", "a" * 1000, "有没有" * 20, "保质期多久" + "啊" * 500,
]


def _texts() -> list[str]:
    rng = random.Random(5)
    alphabet = ("多少钱价格颜色尺码吗么呢能不能有没有发货快递退换保质期怎么用适合孩子宝宝过敏正品几度漏水包装"
                "錢尺碼顏色質量發貨ｓｉｚｅＸＬ０１２３４５６７８９０一二三四五六七八九十🍼😀🙏?？!！ ,，~abcdefghijklmnopqrstuvwxyz")
    texts = list(_HOSTILE)
    for _ in range(3000):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))))
    texts.append("".join(rng.choice(alphabet) for _ in range(100_000)))  # 100 KB
    return texts + [normalize(t) for t in texts[:500]]


def _agree(patterns: list[re.Pattern[str]], texts: list[str]) -> None:
    screen = Triggers(patterns)
    for text in texts:
        candidates = screen.candidates(text)
        assert candidates == sorted(candidates)
        screened = [i for i in candidates if patterns[i].search(text)]
        plain = [i for i, p in enumerate(patterns) if p.search(text)]
        assert screened == plain, text[:60]


def test_concept_and_intent_patterns_agree_screened_and_unscreened() -> None:
    texts = _texts()
    _agree([c.ask for c in lexicon.CONCEPTS], texts)
    _agree([p for _, _, p in intents._FLAT_RULES], texts)


def test_unboundable_patterns_are_always_searched() -> None:
    for source in (r"", r"a?", r".多", r"\w+", r"[^a]", r"(a?)\1b", r"(?i)abc", r"[\u4e00-\u9fff]", r"(?=a)", r"x*"):
        assert first_chars(re.compile(source)) is None, source
    assert Triggers([re.compile(r".x")]).candidates("") == [0]


def test_bounded_patterns_start_with_their_triggers() -> None:
    assert first_chars(re.compile(r"多少|几(个|种)")) == frozenset("多几")
    assert first_chars(re.compile(r"^(?:请问)?[0-9]号")) == frozenset("请0123456789")
    assert first_chars(re.compile(r"\bsize\b|(?<!不)好吗")) == frozenset("s好")
    assert first_chars(re.compile(r"(?:a{0,2}|b)c")) == frozenset("abc")
    assert Triggers([re.compile("多少"), re.compile("颜色")]).candidates("什么颜色") == [1]


def test_hand_made_spread_agrees() -> None:
    patterns = [re.compile(p) for p in (r"多少|几(个|种)", r"^(?:请问)?[0-9]号", r"\bsize\b", r"(?<!不)好吗",
                                        r"(a|b)?c+", r"色$", r"[?？]", r"(?:能|可以).{0,8}吗", r"x{2,}")]
    _agree(patterns, _texts())
