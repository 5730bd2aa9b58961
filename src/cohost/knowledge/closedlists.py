"""Closed lists: "有红色吗", "有46码吗", "水壶有2L的吗", "帐篷有3人的吗", "有没有苹果味的米粉".

A merchant's attribute often lists every option there is of one kind — colours ("黑色、墨绿、雾霾蓝"), a size
range ("36-45码"), sizes ("S:…；M:…；XXL:…"), capacities ("500ml / 750ml / 1000ml"), thicknesses, pieces per
pack, people a tent sleeps, flavours, patterns, scents. A question asking whether one option of that kind is
there is answered from that list: the option is in it (yes) or it is not (no, these are the ones there are).

``asked_option`` reads the option a "有…吗" question names and its kind; ``closed_list`` finds the attribute
listing options of that kind and says whether the asked one is among them. Nothing here speaks: the answer
cites the attribute, whose own words say what there is (the asked option is never repeated, it is no fact).

    closed_list("有46码吗", [("尺码范围", "36-45码")])          # → ClosedList(index=0, present=False)
    closed_list("水壶有2L的吗", [("容量", "500ml / 750ml")])     # → ClosedList(index=0, present=False)
    closed_list("有红色吗", [("颜色", "黑色、墨绿")])            # → ClosedList(index=0, present=False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# a question asking whether an option is there ("有…吗", "有没有…", "…有吗", "还有…的没")
_HAS = re.compile(r"有没有|有木有|有无|有.{0,14}(吗|么|嘛|没|不|呢)|有.{0,10}的[?？]?$|出.{1,8}(吗|么|嘛)")
# not one option but a bound or a comparison ("有500ml以上的吗", "有没有比这个大的")
_BOUND = re.compile(r"以上|以下|以内|超过|多于|少于|不到|左右|大于|小于|比|更|最|一点|起|至少|最多")
# a measure: number and unit. The factor takes each unit to its kind's base (ml, mm, g)
_UNITS: dict[str, tuple[str, float]] = {
    "ml": ("volume", 1), "毫升": ("volume", 1), "l": ("volume", 1000), "升": ("volume", 1000),
    "mm": ("length", 1), "毫米": ("length", 1), "cm": ("length", 10), "厘米": ("length", 10),
    "kg": ("mass", 1000), "公斤": ("mass", 1000), "千克": ("mass", 1000), "斤": ("mass", 500),
    "g": ("mass", 1), "克": ("mass", 1), "人": ("people", 1), "码": ("shoe", 1), "寸": ("inch", 1),
    "抽": ("sheets", 1), "片": ("pieces", 1), "颗": ("pieces", 1),
    "%vol": ("abv", 1), "度": ("abv", 1), "年": ("year", 1),
}
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_MEASURE = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT_RE})(?![a-z])", re.I)
_RANGE = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT_RE})?\s*[-~～至到]\s*(\d+(?:\.\d+)?)\s*({_UNIT_RE})(?![a-z])", re.I)
# a letter size ("XXL", "3XL", "NB"), its own word
_CODE = re.compile(r"(?<![a-z])(nb|[2-6]xl|x{0,4}[sml])(?![a-z])(?:码|号)?", re.I)
_CODE_ORDER = ["nb", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "xxxxl"]
_CODE_RANGE = re.compile(r"(?<![a-z])(nb|[2-6]xl|x{0,4}[sml])\s*[-~～至到]\s*([2-6]xl|x{0,4}[sml])(?![a-z])", re.I)
# an option named with the word of its kind: "红色", "苹果味", "奥特曼图案", "薰衣草香"
_NAMED = re.compile(r"(?P<w>[\u4e00-\u9fff]{1,4}?)(?P<k>图案|印花|香型|香味|味|色)(?:的|款|系)?")
_NOT_OPTION = re.compile(r"^(颜|什么|啥|几|哪|哪些|哪种|其他|其它|别的|同|多|各|本|纯|特|出|原)$")
_KIND_LABELS = {
    "colour": ("颜色", "色号", "配色", "色系"),
    "flavour": ("口味", "味道", "风味"),
    "pattern": ("图案", "印花", "款式"),
    "scent": ("香型", "香味", "香调", "气味"),
}
_KIND_OF_WORD = {"色": "colour", "味": "flavour", "图案": "pattern", "印花": "pattern", "香型": "scent", "香味": "scent"}


@dataclass(frozen=True, slots=True)
class ClosedList:
    index: int  # the attribute listing the options
    present: bool  # is the asked option among them
    kind: str = ""  # what the options are (colour, volume, code, …)


@dataclass(frozen=True, slots=True)
class _Asked:
    kind: str  # volume, length, mass, people, shoe, …, code, colour, flavour, pattern, scent
    amount: float | None = None  # a measure, in its kind's base unit
    word: str = ""  # a letter size or a named option's own word ("红", "苹果", "奥特曼")


def _code(text: str) -> str:
    text = text.lower()
    m = re.fullmatch(r"([2-6])xl", text)
    return "x" * int(m.group(1)) + "l" if m else text


def asked_option(text: str) -> _Asked | None:
    """The one option a "有…吗" question asks for, or None (no such question, a bound, several options)."""
    if not _HAS.search(text) or _BOUND.search(text):
        return None
    measures = _MEASURE.findall(text)
    if len(measures) == 1:
        number, unit = measures[0]
        kind, factor = _UNITS[unit.lower()]
        if kind == "year" and float(number) < 1900:
            return None  # "有3年的吗": a span of years, no vintage
        return _Asked(kind, float(number) * factor)
    if measures:
        return None
    codes = [_code(m.group(1)) for m in _CODE.finditer(text)]
    if len(codes) == 1 and (len(codes[0]) >= 2 or re.search(r"(?<![a-z])[sml](码|号)", text, re.I)):
        return _Asked("code", word=codes[0])
    for m in _NAMED.finditer(text):
        word = re.split(r"有没有|有|要|出|是", m.group("w"))[-1]  # "手套有红" → 红: what comes after 有
        if (m.group("k") == "色" and word.endswith("颜")) or re.search(r"什么|啥|哪|几|多少", word):
            continue
        if word and not _NOT_OPTION.match(word) and not word.endswith(("的", "个", "款", "种")):
            return _Asked(_KIND_OF_WORD[m.group("k")], word=word)
    return None


def _amounts(value: str, kind: str) -> tuple[list[float], list[tuple[float, float]], int]:
    """The amounts of ``kind`` a value names, its ranges of that kind, and how many numbers it names in all."""
    amounts: list[float] = []
    ranges: list[tuple[float, float]] = []
    for m in _RANGE.finditer(value):
        unit = m.group(4).lower()
        if _UNITS[unit][0] == kind and (m.group(2) is None or _UNITS[m.group(2).lower()][0] == kind):
            factor = _UNITS[unit][1]
            ranges.append((float(m.group(1)) * factor, float(m.group(3)) * factor))
    for number, unit in _MEASURE.findall(value):
        k, factor = _UNITS[unit.lower()]
        if k == kind and (k != "year" or float(number) >= 1900):  # a vintage, not "保修2年"
            amounts.append(float(number) * factor)
    return amounts, ranges, len(re.findall(r"\d+(?:\.\d+)?", value))


def _codes(value: str) -> list[str]:
    found = [_code(m.group(1)) for m in _CODE.finditer(value)]
    for m in _CODE_RANGE.finditer(value):
        a, b = _code(m.group(1)), _code(m.group(2))
        if a in _CODE_ORDER and b in _CODE_ORDER:
            found += _CODE_ORDER[_CODE_ORDER.index(a):_CODE_ORDER.index(b) + 1]
    return found


def closed_list(text: str, attributes: Sequence[tuple[str, str]]) -> ClosedList | None:
    """The attribute (label, value) that lists the options of the kind ``text`` asks about, and whether the
    asked option is among them; None when the question asks for no single option or no attribute lists
    options of its kind."""
    asked = asked_option(text)
    if asked is None:
        return None
    best: tuple[tuple[float, int], int, bool] | None = None
    for i, (label, value) in enumerate(attributes):
        low = value.lower()
        if asked.amount is not None:
            amounts, ranges, numbers = _amounts(low, asked.kind)
            if not amounts:
                continue
            share = (len(amounts) + len(ranges)) / max(1, numbers)
            present = any(abs(a - asked.amount) < 1e-6 for a in amounts) or any(
                lo <= asked.amount <= hi for lo, hi in ranges)
            rank: tuple[float, int] = (-share, len(value))
        elif asked.kind == "code":
            codes = _codes(low)
            if len(set(codes)) < 2 and not re.search(r"码|尺", label):
                continue
            if not codes:
                continue
            present = asked.word in codes
            rank = (0.0 if re.search(r"码|尺", label) else 1.0, len(value))
        else:
            labels = _KIND_LABELS.get(asked.kind, ())
            # "有桂花味吗" of a scented product: its scents (香型) are what it smells of, after any flavours
            smelt = asked.kind == "flavour" and any(word in label for word in _KIND_LABELS["scent"])
            if not any(word in label for word in labels) and not smelt:
                continue
            stem = asked.word.rstrip("色")  # "号恐龙" of "6号恐龙图案": any tail of two characters or more
            present = bool(stem) and any(stem[j:] in value for j in range(max(1, len(stem) - 1)))
            rank = (1.0 if smelt else 0.0, len(value))
        if best is None or rank < best[0]:
            best = (rank, i, present)
    return ClosedList(best[1], best[2], asked.kind) if best is not None else None


# "有哪些颜色", "有几个颜色", "有哪些码", "有几种", "几款": the options of one kind listed; the kind may come
# first: "颜色有几个", "尺寸都有哪些"
_KINDS = r"颜色|色|码|尺码|尺寸|规格|口味|味|图案|款|种|型号|容量"
_LISTING_KIND = re.compile(rf"(哪些|哪几|几个|几种|几款|什么|啥)({_KINDS})|({_KINDS})(?:都|一共|总共|共)?有(?:哪些|哪几|几个|几种|几款|多少种)")
_LISTING = re.compile(r"有几[种款个]|几种")
_LISTING_LABELS = {
    "colour": ("颜色", "色号", "配色"), "size": ("尺码", "码", "尺寸", "规格"), "flavour": ("口味", "味道"),
    "pattern": ("图案",), "scent": ("香型",),
}


def listing_attribute(text: str, attributes: Sequence[tuple[str, str]], variant_names: Sequence[str]) -> int | None:
    """The attribute a question listing the options of one kind ("有哪些颜色", "有几种") is answered from,
    beside the variants' names: the attribute of the kind named, or (no kind named: "帐篷有几种") the one
    whose value names every variant."""
    m = _LISTING_KIND.search(text)
    if m is None and not _LISTING.search(text):
        return None
    word = (m.group(2) or m.group(3) or "") if m is not None else ""
    kind = next((k for k, words in (("colour", ("颜色", "色")), ("size", ("码", "尺码", "尺寸")),
                                    ("flavour", ("口味", "味")), ("pattern", ("图案",)))
                 if word in words), None)
    if kind is not None:
        labels = _LISTING_LABELS[kind]
        found = [i for i, (label, _) in enumerate(attributes) if any(w in label for w in labels)]
        if kind == "size":  # a range or a list of the sizes, not a chart mapping bodies to them
            found = [i for i in found if "范围" in attributes[i][0]] or found
        return min(found, key=lambda i: len(attributes[i][1])) if found else None
    names = [re.sub(r"[（(][^）)]*[）)]", "", n).strip() for n in variant_names]
    if len(names) < 2:
        return None
    cores = [re.sub(r"款$|装$", "", n) for n in names]
    holding = [i for i, (_, value) in enumerate(attributes) if all(c and c in value for c in cores)]
    return min(holding, key=lambda i: len(attributes[i][1])) if holding else None


__all__ = ["ClosedList", "asked_option", "closed_list", "listing_attribute"]
