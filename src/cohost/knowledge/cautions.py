"""Cautions asked in the viewer's own words: "会不会变暗", "充电时有点温温的正常吗", "能放车里晒吗", "摔了会坏吗" — a
worry about a state (dark, warm, sun, wet, a fall…) that the product's cautions text speaks of in its words
("防窥膜会让屏幕看起来略暗", "充电时轻微发热属正常现象", "请勿高温暴晒"). The cautions then answer as they stand;
they answer only when they name the same state (a class of words below), never by a shared verb (放, 用).
A group of people asked about ("8个月宝宝能喝吗", "空腹能喝吗", "咖啡因敏感能喝吗") is such a state too: the cautions
answer when they name that group ("1岁以下婴儿请勿食用蜂蜜制品").

    cautioned("会不会变暗啊", "防窥膜会让屏幕看起来略暗，可适当调高亮度")   # → True
    cautioned("能放冰箱吗", "请勿高温暴晒")                              # → False
"""

from __future__ import annotations

import re

# a worry or a may-I: "会不会…", "…正常吗", "能…吗", "怕…吗"
_WORRY = re.compile(r"会不会|会.{0,6}(吗|么|嘛|不)|正常(吗|么|嘛|不)|能不能|(能|可以).{0,8}(吗|么|嘛|不)|怕不怕|怕.{0,4}吗")
# states, each a class of the words viewers and merchants use for it
_STATES: tuple[tuple[str, str], ...] = (
    ("dark", r"变暗|发暗|偏暗|略暗|暗(吗|么|不|$)|看起来.{0,2}暗|亮度"),
    ("warm", r"温温|发热|发烫|烫手|很烫|有点烫|变热|热热|发温|温热"),
    ("sun", r"晒|暴晒|阳光直射|车里|车内"),
    ("wet", r"进水|泡水|淋雨|潮湿|受潮"),
    ("swell", r"鼓包|鼓起"),
    ("fall", r"摔|跌落"),
    ("hearing", r"听力|耳朵"),
    # who may: a group the cautions name as such ("8个月宝宝能喝吗" ↔ "1岁以下婴儿请勿食用")
    ("child", r"小孩|儿童|孩子|宝宝|婴儿|小朋友|(\d+|[一二两三四五六七八九十]+)\s*(岁|个月)"),
    ("fasting", r"空腹"),
    ("caffeine", r"咖啡因"),
    ("cold_stomach", r"胃寒"),
)
_COMPILED = tuple((name, re.compile(words)) for name, words in _STATES)
# what a caution text must say of that state (its own words)
_SAID: dict[str, re.Pattern[str]] = {
    "dark": re.compile(r"暗|亮度"),
    "warm": re.compile(r"发热|发烫|温度|升温|热"),
    "sun": re.compile(r"暴晒|晒|高温|阳光"),
    "wet": re.compile(r"潮湿|进水|防水|淋|水"),
    "swell": re.compile(r"鼓包"),
    "fall": re.compile(r"摔"),
    "hearing": re.compile(r"听力"),
    "child": re.compile(r"儿童|婴儿|幼儿|未成年|岁以下|孩子|小孩"),
    "fasting": re.compile(r"空腹"),
    "caffeine": re.compile(r"咖啡因"),
    "cold_stomach": re.compile(r"胃寒"),
}


def states_asked(text: str) -> list[str]:
    """The states a worry question asks about ([] when it is no worry or names none)."""
    if not _WORRY.search(text):
        return []
    return [name for name, rx in _COMPILED if rx.search(text)]


def cautioned(text: str, cautions: str) -> bool:
    """Do the cautions speak of every state the question worries about?"""
    asked = states_asked(text)
    return bool(asked) and all(_SAID[s].search(cautions) for s in asked)


__all__ = ["cautioned", "states_asked"]
