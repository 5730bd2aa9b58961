"""Quantities: a number with its unit, told in a question ("200斤能坐吗", "我1m六能用吗", "20平的客厅够亮吗",
"身高185合适吗") or written in a fact's value ("约150kg", "155-185cm", "客厅款约20平米"), reduced to a
dimension and a base unit, so that a viewer's own measure finds the one attribute that speaks of it.

    fitted("200斤的人坐得住吗", [("承重", "约150kg"), ("座高", "44-52cm")])   # → 0 (承重)

Two readings, both only of attributes (label, value):

- a *fit* question tells a measure and asks whether the product suits it: the answer is the attribute of that
  dimension which is a fit or a limit (its label or value says 适用/适合/承重/最大/以内…): the one such
  attribute, else the one whose range holds the measure. A plain spec of the same dimension (净含量 2kg for
  "5斤的狗能吃吗") is no answer.
- a *measure* question asks a dimension without telling a number ("多少克", "能放多重的东西", "几平"): the one
  attribute whose value is given in that dimension, or among several the one whose label shares a word of
  the question.

Nothing here decides that the attribute answers everything else the question asks: the caller checks that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cohost.domain import ProductFact
from cohost.knowledge.coverage import content_chars, dimensions
from cohost.knowledge.retrieval import FactIndex, circumstances
from cohost.knowledge.text import Question, compact
from cohost.knowledge.views import ProductFacts

# unit → (dimension, factor to the base unit: gram, millimetre, square metre, millilitre)
_UNITS: dict[str, tuple[str, float]] = {
    "kg": ("mass", 1000), "公斤": ("mass", 1000), "千克": ("mass", 1000), "斤": ("mass", 500),
    "g": ("mass", 1), "克": ("mass", 1),
    "mm": ("length", 1), "毫米": ("length", 1), "cm": ("length", 10), "厘米": ("length", 10),
    "公分": ("length", 10), "m": ("length", 1000), "米": ("length", 1000),
    "平方米": ("area", 1), "平米": ("area", 1), "平方": ("area", 1), "㎡": ("area", 1), "m²": ("area", 1),
    "m2": ("area", 1), "平": ("area", 1),
    "ml": ("volume", 1), "毫升": ("volume", 1), "l": ("volume", 1000), "升": ("volume", 1000),
    "w": ("power", 1), "瓦": ("power", 1), "kw": ("power", 1000), "千瓦": ("power", 1000),
}
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?"
# "克拉" is a gem's weight, "平台"/"平底" no area, "米色" a colour, "m码" a size
_AFTER = r"(?![a-z²]|拉|台|底|板|色|码|粒|饭|线)"
_VALUE = re.compile(rf"({_NUM})(?:\s*(?:{_UNIT})?\s*[-~～至到]\s*({_NUM}))?\s*({_UNIT}){_AFTER}")
_TOLD = re.compile(rf"(?<![\d.])({_NUM})\s*({_UNIT}){_AFTER}")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_METRE_AND = re.compile(r"(?<![\d.])(\d)m(\d{1,2}|[一二三四五六七八九]{1,2})(?![\d a-z])")  # "1m六", "1m5", "1m98"
_HEIGHT = re.compile(r"身高\s*(\d{3})(?!\d)|(?<![\d.])(\d{3})(?:\s*(?:cm|厘米))?的?身高")
# the fact marks a fit or a limit: what the product suits, or the most it takes
_FIT = re.compile(r"适用|适合|承重|载重|承受|承载|最大|最高|最多|以内|以下|不超过|上限|限重|建议|推荐|可承|≤")
_LIMIT = re.compile(r"承重|载重|承受|承载|最大|最高|最多|以内|以下|不超过|上限|限重|≤")
# the question asks whether it suits: "能坐吗", "够亮吗", "合适吗", "用哪个"
_FIT_ASK = re.compile(r"(能|可以|可|够|合适|适合|行|撑|住|受|得|戴|穿|用|坐|躺|睡|放|装|拉|承).{0,6}(吗|么|嘛|不|没|$)|"
                      r"(用|选|买|拿)(哪|什么)|哪(个|款)")
# the question asks the most or the range it takes ("能放多重", "适合多重的宝宝", "多重的猫能用")
_FIT_WANTED = re.compile(r"(能|可以|可)(放|抛|坐|站|躺|承|装|挂|扛|用|拉|载|吃)|适合|适用|最大|最多|承重|载重|上限")
_SIDES = frozenset("长宽高厚深粗")
# a dimension asked without a number
_MEASURE_ASK: dict[str, re.Pattern[str]] = {
    "mass": re.compile(r"多重|多沉|(几|多少)(斤|克|g|公斤|kg|千克)(?!拉)"),
    "length": re.compile(r"多长(?!时间)|多高|多宽|多粗|多厚|多深|(几|多少)(米|m|cm|厘米|公分|mm|毫米)(?![a-z²])"),
    "area": re.compile(r"(几|多少)(平|平米|平方|㎡)|多大(的)?面积"),
    "volume": re.compile(r"(几|多少)(ml|毫升|升|l)(?![a-z])"),
    "power": re.compile(r"(几|多少)(w|瓦|千瓦|kw)(?![a-z])|瓦数|功率(是|有)?(多大|多少)|多大功率|多少功率"),
}


_SINGLE = re.compile(rf"(约|最大|最高)?\s*{_NUM}\s*(w|瓦|kw|千瓦)")


@dataclass(frozen=True, slots=True)
class Quantity:
    dimension: str
    low: float  # in the base unit
    high: float


def told(text: str) -> list[Quantity]:
    """The measures a normalised question tells: "200斤" (mass), "1m六" (1.6 m), "身高185" (185 cm)."""
    out: list[Quantity] = []
    for m in _METRE_AND.finditer(text):
        rest = "".join(str(_DIGITS.get(c, c)) for c in m.group(2))
        frac = float(rest) / (10 ** len(rest))
        value = (int(m.group(1)) + frac) * 1000
        out.append(Quantity("length", value, value))
    for m in _HEIGHT.finditer(text):
        value = float(m.group(1) or m.group(2)) * 10
        out.append(Quantity("length", value, value))
    if out:
        return out
    for m in _TOLD.finditer(text):
        dim, factor = _UNITS[m.group(2)]
        value = float(m.group(1)) * factor
        out.append(Quantity(dim, value, value))
    return out


def written(value: str) -> list[Quantity]:
    """The quantities of a fact's value, ranges kept ("155-185cm" → 1550..1850 mm)."""
    out: list[Quantity] = []
    for m in _VALUE.finditer(value.lower()):
        dim, factor = _UNITS[m.group(3)]
        low = float(m.group(1)) * factor
        high = float(m.group(2)) * factor if m.group(2) else low
        out.append(Quantity(dim, min(low, high), max(low, high)))
    return out


def _holds(q: Quantity, facts: list[Quantity], limit: bool) -> bool:
    for f in facts:
        if f.dimension != q.dimension:
            continue
        if f.low != f.high and f.low * 0.98 <= q.low <= f.high * 1.02:
            return True
        if f.low == f.high and (q.low <= f.high * 1.02 if limit else abs(q.low - f.low) <= 0.25 * f.low):
            return True
    return False


def fitted(text: str, attributes: Sequence[tuple[str, str]]) -> int | None:
    """Index of the one attribute (label, value) that answers a fit question telling a measure, else None."""
    quantities = told(text)
    if not quantities or not _FIT_ASK.search(text):
        return None
    dims = {q.dimension for q in quantities}
    found: list[int] = []
    holding: list[int] = []
    for i, (label, value) in enumerate(attributes):
        written_q = [w for w in written(value) if w.dimension in dims]
        if not written_q or not _FIT.search(label + value):
            continue
        found.append(i)
        limit = bool(_LIMIT.search(label + value))
        if any(_holds(q, written_q, limit) for q in quantities):
            holding.append(i)
    if len(found) == 1:
        return found[0]
    if len(holding) > 1:  # "手机宽度80mm能夹住吗": of 最大长度 and 适用手机 (手机宽度56-85mm), the one of the side told
        sides = {c for c in _SIDES if f"{c}度" in text or f"多{c}" in text}
        holding = [i for i in holding if sides & set(attributes[i][0] + attributes[i][1])] if sides else holding
    return holding[0] if len(holding) == 1 else None


def literal(text: str, attributes: Sequence[tuple[str, str]]) -> int | None:
    """Index of the one attribute whose value writes the very measure the question tells ("66W能跑满吗" ↔
    "不支持66W/100W超级快充"), else None."""
    quantities = [q for q in told(text) if q.low == q.high]
    if not quantities or not _FIT_ASK.search(text) or re.search(r"(多少|每|一)\s*\d", text):  # "多少一克": a price
        return None
    found = [i for i, (_, value) in enumerate(attributes)
             if any(w.dimension == q.dimension and w.low == w.high == q.low for w in written(value) for q in quantities)]
    return found[0] if len(found) == 1 else None


def measured(text: str, attributes: Sequence[tuple[str, str]], words: Sequence[str]) -> int | None:
    """Index of the one attribute whose value gives the dimension a question asks without a number ("多少克"),
    or among several the one whose label shares a character of the question's ``words``; else None."""
    if told(text):
        return None
    dims = {d for d, ask in _MEASURE_ASK.items() if ask.search(text)}
    if len(dims) != 1:
        return None
    dim = next(iter(dims))
    # "能放多重的东西" asks the most it takes; "钓箱本身多重" its own weight, which a limit (承重) is not
    fit = bool(_FIT_WANTED.search(text))
    # "链子多粗" is not answered by 链长: a label naming another side (长, 宽, 高…) is not the one measured
    sides = {d[0] for d in dimensions(text)}
    found = [i for i, (label, value) in enumerate(attributes) if any(w.dimension == dim for w in written(value))
             and (dim == "power" or bool(_FIT.search(label)) == fit)  # a power is rated by its 最大功率
             and (not sides or sides & set(label + value) or not set(label) & _SIDES)]
    if len(found) == 1:
        return found[0]
    if dim == "power" and _PER_PORT.search(text):  # "三个口一起充每个口多少W": the ports, not 充 (of 快充说明)
        rest = _PER_PORT.sub(" ", text)
        words = [w for w in words if w in rest]
    chars = set("".join(words))
    if dim == "power" and _PER_PORT.search(text):
        chars.add("口")
    named = [i for i in found if chars & set(attributes[i][0])]
    if len(named) == 1:
        return named[0]
    if dim != "power" or named:
        return None
    # "每个口多少W" ↔ 功率分配: 单个C口最高65W…: the one value that holds the question's thing; "这个多少瓦" ↔
    # 最大功率: 65W: else the one value that is a single power and nothing else
    held = [i for i in found if chars & set(attributes[i][1])]
    if len(held) == 1:
        return held[0]
    single = [i for i in found if _SINGLE.fullmatch(attributes[i][1].lower().strip())]
    return single[0] if len(single) == 1 and not chars else None


# a power asked per port or with ports used together ("每个口多少W", "三个口一起充"): the value that splits
# the power among ports answers it, and these words are the situation, not a subject a fact must hold
_PER_PORT = re.compile(r"[每单各]个?接?口|[几两三四多]个?口?(一起|同时)(充|用|插|接)?|(一起|同时)(充|用|插|接)")


# "几H的", "多少mAh": a count asked in a unit written in Latin letters, which no dimension here knows
_UNIT_ASK = re.compile(r"(?:几|多少)\s*([a-z]{1,4})(?![a-z])")


def unit_echoed(text: str, attributes: Sequence[tuple[str, str]]) -> int | None:
    """Index of the one attribute whose value writes a number in the very unit the question asks a count of
    ("几H的" ↔ 硬度: 9H), else None."""
    m = _UNIT_ASK.search(text.lower())
    if m is None or told(text):
        return None
    unit = re.compile(rf"\d\s*{re.escape(m.group(1))}(?![a-z])")
    found = [i for i, (_, value) in enumerate(attributes) if unit.search(value.lower())]
    return found[0] if len(found) == 1 else None


def asks_power(text: str) -> bool:
    """Does the question ask a power without telling one ("这个多少瓦", "每个口多少W", "功率多大")?"""
    return not told(text) and _MEASURE_ASK["power"].search(text) is not None


def dimension_words(text: str) -> list[tuple[int, int]]:
    """Spans of the question that tell or ask a measure: they are not subjects a fact must hold."""
    spans = [(m.start(), m.end()) for m in _TOLD.finditer(text)]
    spans += [(m.start(), m.end()) for m in _METRE_AND.finditer(text)]
    spans += [(m.start(), m.end()) for m in _HEIGHT.finditer(text)]
    spans += [(m.start(), m.end()) for m in _FIT_WANTED.finditer(text)]  # "能挂多重": the verb of the measure
    for ask in _MEASURE_ASK.values():
        spans += [(m.start(), m.end()) for m in ask.finditer(text)]
    return spans


def answering(index: FactIndex, q: Question, pf: ProductFacts) -> ProductFact | None:
    """The attribute of ``pf`` that answers a question by the measure it tells or asks, when every other
    word it asks about is (mostly) in that attribute ("竿稍多粗" is not answered by 收节长度: 约1.2m) or only
    tells the viewer's own situation."""
    attributes = [(a.label, str(a.value)) for a in pf.attributes]
    asked = index.asked(q, pf.sku)
    i = fitted(q.text, attributes)
    if i is None:
        i = literal(q.text, attributes)
    if i is None:
        i = measured(q.text, attributes, [t.text for t in asked.specific()])
        if i is None:
            i = unit_echoed(q.text, attributes)
        if i is None:
            return None
        # the measure, the viewer's situation and a state it is measured in ("收起来多长") are no subject
        aside = dimension_words(q.text) + circumstances(q.text) + [(s, e) for _, s, e in asked.spans]
        aside += [(m.start(), m.end()) for m in _PER_PORT.finditer(q.text)]
        fact_chars = set(compact(attributes[i][0] + attributes[i][1]))
        for t in asked.specific():
            chars = content_chars(t.text)
            if not any(s <= t.at < e for s, e in aside) and len(chars & fact_chars) < min(2, len(chars)):
                return None  # "表带多宽" names 表带, which 表盘直径 does not hold
    return pf.attributes[i]


def misses(text: str, cited: Sequence[ProductFact]) -> bool:
    """Does an answer miss the measure the question tells? "220斤能坐吗" answered by 坐高: 38cm (a length, by
    the shared 坐) while the question weighs: every cited fact is an attribute with no quantity of that
    dimension. An FAQ or a text fact answering it is kept."""
    dims = {q.dimension for q in told(text)}
    return bool(dims) and bool(cited) and all(
        f.field.startswith("attr:") and not any(w.dimension in dims for w in written(str(f.value))) for f in cited)
