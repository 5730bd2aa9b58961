"""Two-dimensional variants: the colour × size grid a merchant writes as variant names.

Merchants name each buyable cell of a grid in one string, in many styles: "白色/L", "雾紫-XL", "卡其 M/L码",
"绿色 100cm", "玫红S". ``grid_of`` reads such names back into two axes (what each axis is — colour, size,
capacity… — comes from ``lexicon.dimension_of``), so "白色有哪些码" lists the sizes of the white cells and
"有什么尺码" lists sizes rather than every cell. A list of names is a grid only when it really is one:
every name splits in two, each axis has at least two values and some value repeats (sizes "34-35",
"44-45" are one axis, not two). Nothing here reads a price or a stock: it only groups variant names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cohost.knowledge.lexicon import dimension_of

_BRACKETS = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_MARKS = re.compile(r"\s*[/\-|·,，_+、]\s*")
# no separator at all: a CJK colour glued to a Latin or numeric size ("玫红S", "S玫红")
_GLUED = re.compile(r"^([\u4e00-\u9fff]+)([A-Za-z0-9][A-Za-z0-9./]*(?:码|号)?)$|^([A-Za-z0-9][A-Za-z0-9./]*(?:码|号)?)([\u4e00-\u9fff]+)$")
_BARE_SIZE = re.compile(r"(?i)x{0,3}[sml]|\d?x{1,3}l|[sml]/[sml]|x?l/x{1,3}l")


def split_name(name: str) -> tuple[str, str] | None:
    """The two values a grid cell's name holds, in the merchant's order and spelling, or None."""
    text = _BRACKETS.sub(" ", name).strip()
    parts = text.split()
    if len(parts) != 2:
        parts = [p for p in _MARKS.split(text) if p] if len(parts) == 1 else []
    if len(parts) != 2:
        m = _GLUED.match(text)
        if m is None:
            return None
        parts = [g for g in m.groups() if g]
    first, second = parts
    if first.isdigit() and second.isdigit():  # "44-45" is a range, one value
        return None
    return first, second


def spoken(value: str) -> str:
    """A size as said aloud: a bare clothing size gets 码 ("L" → "L码", "M/L" → "M/L码")."""
    return value + "码" if _BARE_SIZE.fullmatch(value) else value


@dataclass(frozen=True, slots=True)
class Grid:
    kinds: tuple[str | None, str | None]  # what each axis is (colour, size, capacity, …) when clear
    cells: dict[str, tuple[str, str]]  # variant sku → (value on axis 0, value on axis 1)

    def axis(self, dimension: str | None) -> int | None:
        """The axis that is ``dimension`` ("colour", "size", …), or None."""
        if dimension is None:
            return None
        found = [i for i, kind in enumerate(self.kinds) if kind == dimension]
        return found[0] if len(found) == 1 else None

    def values(self, axis: int, skus: Sequence[str] | None = None) -> list[str]:
        """The values on ``axis`` of the given cells (all by default), in the merchant's order."""
        chosen = self.cells if skus is None else {s: self.cells[s] for s in skus if s in self.cells}
        return list(dict.fromkeys(cell[axis] for cell in chosen.values()))

    def shared(self, skus: Sequence[str]) -> tuple[int, str] | None:
        """(axis, value) that all of ``skus`` have in common when they differ on the other axis: the
        question named one value ("白色") and the cells are its row."""
        cells = [self.cells[s] for s in skus if s in self.cells]
        if len(cells) < 2:
            return None
        for axis in (0, 1):
            if len({c[axis] for c in cells}) == 1 and len({c[1 - axis] for c in cells}) > 1:
                return axis, cells[0][axis]
        return None


def grid_of(variants: Sequence[tuple[str, str]]) -> Grid | None:
    """The grid of (sku, name) variants, or None when they are not two-dimensional."""
    if len(variants) < 3:
        return None
    cells: dict[str, tuple[str, str]] = {}
    for sku, name in variants:
        pair = split_name(name)
        if pair is None:
            return None
        cells[sku] = pair
    first = {c[0].lower() for c in cells.values()}
    second = {c[1].lower() for c in cells.values()}
    if len(first) < 2 or len(second) < 2 or len(cells) <= max(len(first), len(second)):
        return None
    kinds = (dimension_of(sorted(first)), dimension_of(sorted(second)))
    if kinds[0] is not None and kinds[0] == kinds[1]:
        return None
    return Grid(kinds, cells)


def unnamed_rest(text: str, names: Sequence[str]) -> str:
    """``text`` without the words it shares with ``names`` (a title, aliases, the variants named): what the
    question says besides naming its product. "厚底运动鞋多少" of 厚底增高老爹鞋 (alias 运动鞋) → "多少";
    "薄绒的多少" naming 薄绒款 → "的多少". A shared word is two characters or more."""
    rest = text
    for name in names:
        name = name.lower()
        i = 0
        while i < len(rest) - 1:
            # the longest run starting at i that the name holds
            j = i + 2
            while j <= len(rest) and rest[i:j] in name:
                j += 1
            if j - 1 - i >= 2 and rest[i:j - 1] in name:
                rest = rest[:i] + " " + rest[j - 1:]
            i += 1
    return rest


# two sides compared ("6包和12包哪个划算", "计数款和标准款有啥不同", "单边和双边差多少钱")
_JOIN = re.compile(r"和|跟|与|还是|对比|比|vs", re.I)
_COMPARING = re.compile(r"区别|不同|不一样|一样吗|差(在|别|多少|几|价)|哪(个|款|种)|划算|贵|便宜|怎么选|选哪")
_NUMERALS = str.maketrans({"一": "1", "二": "2", "两": "2", "俩": "2", "三": "3", "四": "4", "五": "5", "六": "6",
                           "七": "7", "八": "8", "九": "9"})
_TAIL = re.compile(r"(款|装|版|型|的|那个|这个|号)+$")


def _key(name: str) -> str:
    return _TAIL.sub("", _BRACKETS.sub("", name).replace(" ", "").lower().translate(_NUMERALS))


def _side_matches(side: str, key: str) -> bool:
    """Does one side of a comparison name the variant of ``key``: the key itself, or a core of two or more
    characters of the side that the key holds ("计数" of "电子计数"); a number never inside a longer one."""
    if not key:
        return False
    core = _TAIL.sub("", side)
    if core == key or (core.endswith(key) and len(key) == 1 and len(core) <= 3):
        return True  # "男款" ↔ 男款: a one-character name, said as such
    # the side itself too, where the tail stripped was part of the name ("干型" of 干型西打, not "干")
    for hay, needle in ((side, key), (key, core), *(((key, side),) if side != core else ())):
        if len(needle) < (1 if needle[:1].isdigit() else 2):
            continue
        i = hay.find(needle)
        while i >= 0:
            before = hay[i - 1] if i > 0 else ""
            after = hay[i + len(needle)] if i + len(needle) < len(hay) else ""
            glued = (needle[0].isdigit() and before.isdigit()) or (needle[-1].isdigit() and after.isdigit()) \
                or (needle[0].isascii() and needle[0].isalpha() and before.isascii() and before.isalpha()) \
                or (needle[-1].isascii() and needle[-1].isalpha() and after.isascii() and after.isalpha())
            if not glued:  # "xl" is not inside "xxl", nor 6 inside 16
                return True
            i = hay.find(needle, i + 1)
    return False


def compared_variants(text: str, variants: Sequence[tuple[str, str]]) -> list[str] | None:
    """The two variants (sku, name) of one product a question compares, in its order, or None: each side of
    "X和Y" names exactly one variant, and they differ."""
    if len(variants) < 2 or not _COMPARING.search(text):
        return None
    m = _JOIN.search(text)
    if m is None:
        return None
    low = text.lower().replace(" ", "").translate(_NUMERALS)
    m = _JOIN.search(low)
    if m is None:
        return None
    left, right = low[:m.start()][-8:], low[m.end():][:8]
    right = _COMPARING.split(right)[0] or right
    keys = [(sku, _key(name)) for sku, name in variants]
    sides = [[sku for sku, key in keys if _side_matches(side, key) or _number_matches(side, key)] for side in (left, right)]
    both = set(sides[0]) & set(sides[1])
    if all(len(found) > 1 for found in sides) and both:  # "IPA和白啤": not the 混合装 holding both
        sides = [[sku for sku in found if sku not in both] for found in sides]
    words = {sku: set(_BRACKETS.sub(" ", name).lower().split()) for sku, name in variants}
    for k in (0, 1):  # "梅多克和波尔多": of 波尔多 单支 / 整箱, the one parallel to 梅多克 单支
        mine, other = sides[k], sides[1 - k]
        if len(mine) > 1 and len(other) == 1:
            shared = [len(words[sku] & words[other[0]]) for sku in mine]
            if shared.count(max(shared)) == 1:
                sides[k] = [mine[shared.index(max(shared))]]
    if any(len(found) != 1 for found in sides):
        return None
    picked = [sides[0][0], sides[1][0]]
    return picked if picked[0] != picked[1] else None


def _number_matches(side: str, key: str) -> bool:
    """"25和28的价格": a side that opens with a bare number names the variant whose name opens with it (25mm)."""
    lead = re.match(r"\d+(?:\.\d+)?", side)
    if lead is None or not key.startswith(lead.group(0)):
        return False
    rest = key[len(lead.group(0)):]
    return not rest or not (rest[0].isdigit() or rest[0] == ".")


def variant_named(text: str, variants: Sequence[tuple[str, str]]) -> str | None:
    """The one variant (sku, name) a question names by its name's core, numerals read as digits ("二人帐篷" ↔
    2人款) or by the tail of a longer name ("计数款" ↔ 电子计数款); None when none or several fit."""
    low = text.lower().replace(" ", "").translate(_NUMERALS)
    found = []
    for sku, name in variants:
        key = _key(name)
        tails = [key] + [key[k:] for k in range(1, len(key) - 1)] if len(key) >= 3 and not key[:1].isdigit() else [key]
        if any(len(t) >= (1 if t[:1].isdigit() else 2) and _side_matches(low, t) for t in tails if t):
            found.append(sku)
            continue
        lead = re.match(r"\d+(?:\.\d+)?", key)
        if lead is not None and re.search(rf"(?<![\d.]){re.escape(lead.group(0))}(?![\d.]|\s*(元|块|岁|斤|kg|g|个|件|天|号|次|%))", low):
            found.append(sku)  # "38还有几个" ↔ 38mm: the number alone
    return found[0] if len(found) == 1 else None


_PIECES = re.compile(r"[\s/+＋、,，]+")


def uncombined(text: str, variants: Sequence[tuple[str, str]], picked: Sequence[str]) -> list[str]:
    """``picked`` without a mixed variant named only by a word of one of its parts: "IPA还有没" of 美式IPA /
    小麦白啤 / 混合装 IPA 6罐+白啤 6罐 asks the IPA, not the mix (whose name holds the words of two other
    variants). The mix stays when the question names its own word (混合) or two of its parts."""
    names = {sku: _BRACKETS.sub(" ", name).lower() for sku, name in variants}
    low = text.lower().replace(" ", "")
    kept = list(picked)
    if grid_of(variants) is not None:
        return kept
    for mix in picked:
        if mix not in names:
            continue
        pieces = (re.sub(r"\d+[\u4e00-\u9fff]?$", "", w) for w in _PIECES.split(names[mix]))  # "干型3瓶" → 干型
        words = [w for w in pieces if len(w) >= 2 and not re.fullmatch(r"[\d.]+\D{0,2}", w)]
        parts = {w: [s for s in names if s != mix and w in names[s]] for w in words}
        owners = {s for found in parts.values() for s in found}
        if len(owners) < 2 or any(len(found) > 1 for found in parts.values()) or all(parts.values()):
            continue  # not a mix of other variants: a mix has a word of its own (混合装); a grid cell has none
        said = [w for w in words if w in low]
        named = {parts[w][0] for w in said if parts[w]}
        if len(named) != 1 or any(not parts[w] for w in said):
            continue
        kept = [s for s in kept if s != mix]
        if not kept:
            kept = [named.pop()]
    return kept


# a measure said aloud: "1米5" is 1.5 m, "2米" 2 m (also 150 / 200 cm in a name), "6斤" is 3 kg
_SPOKEN_METRE = re.compile(r"(?<![\d.])(\d)(?:米|m)(?!m)(\d)?(?![\d.])")
_SPOKEN_JIN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)斤")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])\s*([a-z]+|[\u4e00-\u9fff%])?")
_SAME_UNIT = {"克": "g", "公斤": "kg", "千克": "kg", "毫升": "ml", "厘米": "cm", "毫米": "mm"}
# a count, a price, an age, a time or a link ("3个", "99元", "2岁", "5号"): names a variant only when its name
# holds the number with that very word ("2盒装", "港码12号")
_COUNTED = set("元块岁个件天次%只条对包瓶盒袋罐支片双套张箱份桶杯粒颗周月年人号码折")


def _numbers(text: str) -> list[tuple[float, str]]:
    return [(float(m.group(1)), _SAME_UNIT.get(m.group(2) or "", m.group(2) or "")) for m in _NUMBER.finditer(text)]


def _spoken_numbers(low: str) -> list[tuple[set[float], str]]:
    """The numbers a question says, each as the values it can stand for and the word after it."""
    said: list[tuple[set[float], str]] = []
    for m in _SPOKEN_METRE.finditer(low):
        metres = float(f"{m.group(1)}.{m.group(2) or 0}")
        said.append(({metres, round(metres * 100, 1)}, ""))
    low = _SPOKEN_METRE.sub(" ", low)
    for m in _SPOKEN_JIN.finditer(low):
        said.append(({round(float(m.group(1)) / 2, 2)}, "kg"))  # 1斤 is 500 g
    low = _SPOKEN_JIN.sub(" ", low)
    return said + [({value}, unit) for value, unit in _numbers(low)]


def _holds(name: list[tuple[float, str]], values: set[float], unit: str) -> bool:
    for value, own in name:
        if value not in values:
            continue
        if unit in _COUNTED or own in _COUNTED:
            if unit == own:
                return True
        elif not (unit.isascii() and unit and own.isascii() and own) or unit == own or {unit, own} == {"m", "cm"}:
            return True  # "58的" ↔ 58mm; "20g" ↔ 约20g, not 20cm
    return False


def variants_numbered(text: str, variants: Sequence[tuple[str, str]]) -> list[str]:
    """The variants (sku, name) a question names by the numbers inside their names: "58的还有吗" ↔ 圈口58mm,
    "20g 56的有货吗" ↔ 约20g·圈口56mm (the variant holding the most of the numbers said), "1米5的" ↔ 150×200cm,
    "6斤的" ↔ 3kg. A price, a count, an age or a link number ("3个", "99元", "5号") names none unless the name
    says it with that word (港码12号); [] when no number fits."""
    said = _spoken_numbers(text.lower().replace(" ", "").translate(_NUMERALS))
    if not said:
        return []
    scores: dict[str, int] = {}
    for sku, name in variants:
        held = _numbers(name.lower().replace(" ", "").translate(_NUMERALS))
        scores[sku] = sum(1 for values, unit in said if _holds(held, values, unit))
    best = max(scores.values(), default=0)
    return [sku for sku, score in scores.items() if score == best] if best > 0 else []


def unlinked(text: str, number: int) -> str:
    """``text`` without the link number that picked its product ("5号还有吗", "链接5的价格"): that number names
    the link, not a variant holding it (5号色)."""
    return re.sub(rf"(?<![\d.])(?:{number}号(?:链接)?|(?:链接|#){number}(?![\d.]))", " ", text)
