"""Run-on questions: live chat glues two asks into one message — "多少钱啊续航多久啊", "这个几号链接多少钱",
"充电宝多少钱能带上飞机吗", "能给iPhone16充吗多少钱一根". ``asks_of`` cuts such a message into its asks, so that
each is answered from its own facts (or said to be passed on), never one answered and the other dropped.

A cut is made only where one ask has visibly ended: after a question particle followed by more words ("吗",
"啊", "呢"…), after a price ask followed by a new verb or question ("多少钱能…", "多少钱啊…"), and between a
link-number ask and a price ask ("几号链接多少钱"). A measure word after a price ask ("多少钱一根") stays with it.

    asks_of("多少钱啊续航多久啊")        # → ["多少钱啊", "续航多久啊"]
    asks_of("这个几号链接多少钱")        # → ["这个几号链接", "多少钱"]
    asks_of("多少钱一根")               # → ["多少钱一根"]
"""

from __future__ import annotations

import re

_PARTICLE = "吗么嘛呢啊呀"
# a clause ends after a particle that follows a question ("…吗", "…多久啊"); not a particle inside a word
# ("啊" of "啊这"; "么" of "什么产区", "怎么冲"), so the text before it must hold at least two characters
_CUT = re.compile(
    rf"(?<=..[{_PARTICLE}])(?<!什么)(?<!怎么)(?<![那这多要]么)(?<!干嘛)(?=[^{_PARTICLE}\s?？!！,，。.~～])"
    r"|(?<=多少钱)(?=(?:能|可以|会|有|是|要|怎么|咋|什么|啥|几|哪|支持|适合|送|包)[\u4e00-\u9fff])"
    r"|(?<=多少钱)(?=[^啊呀吗么嘛呢\W][\u4e00-\u9fff0-9a-z]{0,7}(?:吗|么|嘛|呢)$)|(?<=多少钱)(?=多[重大长宽高厚久])"
    r"|(?<=多少钱)(?=[^啊呀吗么嘛呢\W][\u4e00-\u9fff]{0,5}(?:多久|多少|多大|多重|多长|几[个档次岁]))"
    r"|(?<=[大重长宽高厚久]的)(?=多少钱)"
    r"|(?:(?<=几号链接)|(?<=哪个链接)|(?<=链接几号))(?=多少钱|什么价|啥价|价格|多少)"
)
_SPACE = re.compile(r"[\s?？!！,，。;；~～]+")
_ASKS = re.compile(r"[?？吗么嘛呢]|什么|啥|怎么|咋|多少|多久|多大|多长|多重|多高|多宽|多厚|几|哪|是不是|有没有|能不能|可不可以|会不会|要不要|(.)不\1")


def asks_of(text: str) -> list[str]:
    """The asks of a run-on message, in order; one item (the text) when it asks one thing."""
    out: list[str] = []
    for piece in _SPACE.split(text):
        out.extend(p for p in _CUT.split(piece) if p)
    asks = [p for p in out if _ASKS.search(p)]
    return asks if len(asks) > 1 else [text]


# a bare price ask ("精华多少", "充电宝多少钱", "米多少") and, after a space or a comma, a remark that asks nothing
# ("扣1的老铁都想知道", "老铁", "刚来"): the remark is no second ask and must not drown the first
_PRICE_HEAD = re.compile(r"^[^\s,，。!！]{1,12}?(多少|多少钱|几块钱?|啥价|什么价)[呀啊呢哇~～?？]*$")
_ASKS_TRADITIONAL = re.compile(r"[嗎麼幾]|什麼|怎麼|有沒有|能不能")  # the raw text is not yet normalised
_HEAD_TAIL = re.compile(r"^(?P<h>[^\s,，。!！]+)[\s,，。!！]+(?P<t>\S.*)$")


def price_ask_of(text: str) -> str:
    """``text`` without a trailing remark that asks nothing, when what comes first is a bare price ask;
    otherwise ``text`` itself."""
    m = _HEAD_TAIL.match(text.strip())
    if m is None or not _PRICE_HEAD.match(m.group("h")) or _ASKS.search(m.group("t")) or _ASKS_TRADITIONAL.search(m.group("t")):
        return text
    return m.group("h")
