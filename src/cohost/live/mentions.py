"""Variants a room names the way the catalog does not ("2万毫安的", "20000的", "P20", "新生儿的", "大瓶的").

``choices_of`` reads a product's variant names once; ``resolve_variant`` finds the one variant a line
names. The understand stage (:mod:`cohost.live.understanding`) then has the core re-read the line with
that variant's name in its place.

Constraints:

- A mention resolves only when the product's variant names give exactly one variant: 2万 = 20000,
  毫安 = mAh, 2斤 = 1kg, a code such as P20, 新生儿 = NB; 大/小 = the largest / smallest when all
  variants are sized in one unit. Two variants named, or none, resolve nothing.
- A figure or code in the product's title names the product, not a variant: it counts towards "more
  than one variant named" but never resolves one on its own.
- A figure that is no version (a link number, a threshold, a price, a range: "4号", "满199减30",
  "0-5kg") is not a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_UNITS: dict[str, tuple[str, float]] = {
    "mah": ("mah", 1), "毫安": ("mah", 1), "毫安时": ("mah", 1), "ml": ("ml", 1), "毫升": ("ml", 1), "l": ("ml", 1000),
    "升": ("ml", 1000), "g": ("g", 1), "克": ("g", 1), "kg": ("g", 1000), "公斤": ("g", 1000), "千克": ("g", 1000),
    "斤": ("g", 500), "w": ("w", 1), "瓦": ("w", 1)}
_CN_DIGITS = {"一": 1.0, "两": 2.0, "二": 2.0, "三": 3.0, "四": 4.0, "五": 5.0, "六": 6.0, "七": 7.0, "八": 8.0,
              "九": 9.0, "十": 10.0, "半": 0.5}
_UNIT = "毫安时|毫安|mah|毫升|ml|千克|公斤|kg|斤|克|g|升|l|瓦|w"
# a figure that is no version: a link number, a threshold, a price, a range ("4号", "满199减30", "0-5kg")
_FREE = r"(?<![\d.a-z号第满减买送省券\-~])"
_MENTION = re.compile(
    _FREE + rf"(?P<num>\d+(?:\.\d+)?|[一两二三四五六七八九十半](?=万|{_UNIT}))(?P<wan>万)?\s*"
    rf"(?:(?P<unit>{_UNIT})(?![a-z])|(?=的|装|款|版|那|规格)|(?<=\d\d\d)(?![\d.\-~%]|号|元|块|件|个|折|天|岁|年|月|日|次|分|秒|袋|片|包|盒|支|瓶))|"
    r"(?<![a-z\d])(?P<code>[a-z]+\d+[a-z]*)(?![a-z\d])|"
    r"(?P<alias>新生儿|初生|刚出生|newborn)(?=的|码|号|尺码|款|那|size)|"
    r"(?<![偏太很更较最好多么])(?P<size>[大小])(?P<box>瓶|杯|包|袋|盒|罐|桶|份|支|容量|规格)?(?=的|款|装|号的|瓶|杯|包|袋|盒|罐|桶|份|支|容量|规格|那)")
_ALIASES = {"新生儿": "nb", "初生": "nb", "刚出生": "nb", "newborn": "nb"}
_QUANTITY = re.compile(rf"(?<![\d.\-~])(\d+(?:\.\d+)?)\s*({_UNIT})(?![a-z\-~\d])")
_CODE = re.compile(r"(?<![a-z\d])([a-z]+\d+[a-z]*)(?![a-z\d])")


@dataclass(frozen=True, slots=True)
class Choices:
    """One product's variants as a room names them: per variant (sku, the name the core knows — the part
    before a bracket —, its quantities by unit, its codes, and those of them the title also says: a figure
    or code of the title names the product as much as that variant, so it counts towards "more than one
    variant named" but never resolves one on its own)."""

    variants: tuple[tuple[str, str, frozenset[tuple[str, float]], frozenset[str], frozenset[object]], ...]
    sizes: tuple[str, str] | None  # (smallest, largest) when every variant has one quantity of one unit


def _quantities(text: str) -> set[tuple[str, float]]:
    out = set()
    for num, unit in _QUANTITY.findall(text.lower()):
        dim, scale = _UNITS[unit]
        out.add((dim, round(float(num) * scale, 3)))
    return out


def choices_of(title: str, variants: Iterable[tuple[str, str]]) -> Choices | None:
    """The ``Choices`` of a product with that title and those (variant sku, variant name) pairs."""
    named = list(variants)
    if len(named) < 2:
        return None
    in_title: set[object] = {*_quantities(title), *_CODE.findall(title.lower())}
    rows = []
    sized: list[tuple[float, str]] = []
    dims = set()
    for vsku, name in named:
        quantities = _quantities(name)
        if len(quantities) == 1:
            ((dim, value),) = quantities
            dims.add(dim)
            sized.append((value, vsku))
        primary = re.split(r"[（(]", name, maxsplit=1)[0].strip() or name
        codes = set(_CODE.findall(name.lower())) | {primary.lower()}
        rows.append((vsku, primary, frozenset(quantities), frozenset(codes), frozenset((quantities | codes) & in_title)))
    sizes = None
    if len(sized) == len(named) and len(dims) == 1 and len({v for v, _ in sized}) == len(sized):
        sized.sort()
        sizes = (sized[0][1], sized[-1][1])
    return Choices(tuple(rows), sizes)


def resolve_variant(text: str, choices: Choices) -> tuple[tuple[int, int], str, str] | None:
    """The one variant ``text`` (lower case) names in a way ``choices`` resolve: ((start, end) of the
    mention, the name the core knows, variant sku), or None (nothing named, or more than one variant)."""
    named: set[str] = set()
    found: tuple[tuple[int, int], str] | None = None
    for m in _MENTION.finditer(text):
        hits: list[tuple[str, bool]]  # (variant, named only by what the title says too)
        if m.group("num"):
            raw = m.group("num")
            unit = m.group("unit")
            if unit is None and raw in _CN_DIGITS:
                continue
            value = (_CN_DIGITS[raw] if raw in _CN_DIGITS else float(raw)) * (10_000 if m.group("wan") else 1)
            if unit is not None:
                want = (_UNITS[unit][0], round(value * _UNITS[unit][1], 3))
                hits = [(v, want in plain) for v, _, qs, _, plain in choices.variants if want in qs]
            else:
                hits = [(v, all(q in plain for q in qs if q[1] == round(value, 3)))
                        for v, _, qs, _, plain in choices.variants if any(q == round(value, 3) for _, q in qs)]
        elif m.group("code") or m.group("alias"):
            code = m.group("code") or _ALIASES[m.group("alias")]
            hits = [(v, code in plain) for v, _, _, codes, plain in choices.variants if code in codes]
        else:
            hits = [] if choices.sizes is None else [(choices.sizes[1] if m.group("size") == "大" else choices.sizes[0], False)]
        if len(hits) > 1:
            return None
        if hits:
            named.add(hits[0][0])
            if found is None and not hits[0][1]:
                found = (m.span(), hits[0][0])
    if found is None or len(named) != 1:
        return None
    span, vsku = found
    primary = next(row[1] for row in choices.variants if row[0] == vsku)
    return span, primary, vsku
