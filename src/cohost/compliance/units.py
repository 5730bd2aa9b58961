"""Tokens that carry checkable values: quantities with units, ranges and bounds, sizes, standard codes,
model numbers, dates and enumerated values (colours, clothing sizes).

A fact value such as "6小时≥55℃（GB/T 29606-2013方法）" or "50×35×30cm（展开）" is read as tokens, and so
is what a line says about it; two statements conflict only when tokens of the same kind disagree (a
number with the same unit outside the fact's value, range or bound; a code of the same family with
another number; a colour the fact does not list). Descriptive words never conflict with anything.

Constraints:

- Works on normalised text (:mod:`cohost.compliance.text`): lower-case ASCII, half-width symbols.
- Units are canonical (毫升 → ml, 公斤 → g×1000, 厘米 → mm×10, 米 → mm×1000, 瓦 → w …), so 1.2L equals 1200ml
  and "1.8米" names the variant "1.8m床".
- Standard codes (GB/T 28004.1-2021), model numbers (X200, G65, IPX4, SPF50+) and dates (2026年3月,
  11月20日, 20:00) are single tokens: the digits inside them are never prices, quantities or specs
  (:func:`code_spans` gives their spans so claim extraction can skip them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# unit word → (canonical unit, factor)
_UNIT: dict[str, tuple[str, Decimal]] = {
    "ml": ("ml", Decimal(1)), "毫升": ("ml", Decimal(1)), "l": ("ml", Decimal(1000)), "升": ("ml", Decimal(1000)),
    "g": ("g", Decimal(1)), "克": ("g", Decimal(1)), "kg": ("g", Decimal(1000)), "公斤": ("g", Decimal(1000)),
    "千克": ("g", Decimal(1000)), "mg": ("g", Decimal("0.001")), "毫克": ("g", Decimal("0.001")),
    "斤": ("斤", Decimal(1)),
    "mah": ("mah", Decimal(1)), "毫安时": ("mah", Decimal(1)), "毫安": ("mah", Decimal(1)), "wh": ("wh", Decimal(1)), "瓦时": ("wh", Decimal(1)), "瓦特时": ("wh", Decimal(1)),
    "千瓦时": ("wh", Decimal(1000)), "kwh": ("wh", Decimal(1000)),
    "w": ("w", Decimal(1)), "瓦": ("w", Decimal(1)), "kw": ("w", Decimal(1000)), "千瓦": ("w", Decimal(1000)),
    "v": ("v", Decimal(1)), "伏": ("v", Decimal(1)), "a": ("a", Decimal(1)), "hz": ("hz", Decimal(1)),
    "mm": ("mm", Decimal(1)), "毫米": ("mm", Decimal(1)), "cm": ("mm", Decimal(10)), "厘米": ("mm", Decimal(10)),
    "m": ("mm", Decimal(1000)), "米": ("mm", Decimal(1000)), "英寸": ("寸", Decimal(1)), "寸": ("寸", Decimal(1)),
    "gb": ("gb", Decimal(1)), "tb": ("gb", Decimal(1024)), "mbps": ("mbps", Decimal(1)),
    "%": ("%", Decimal(1)), "°c": ("℃", Decimal(1)), "℃": ("℃", Decimal(1)), "度": ("℃", Decimal(1)),
    "年": ("年", Decimal(1)), "个月": ("月", Decimal(1)), "天": ("天", Decimal(1)), "小时": ("小时", Decimal(1)), "个小时": ("小时", Decimal(1)),
    "分钟": ("分钟", Decimal(1)), "秒": ("秒", Decimal(1)), "片": ("片", Decimal(1)), "抽": ("抽", Decimal(1)),
    "包": ("包", Decimal(1)), "袋": ("袋", Decimal(1)), "泡": ("泡", Decimal(1)), "档": ("档", Decimal(1)),
    "岁": ("岁", Decimal(1)), "码": ("码", Decimal(1)), "转": ("转", Decimal(1)), "万转": ("转", Decimal(10_000)),
    "atm": ("atm", Decimal(1)), "倍": ("倍", Decimal(1)), "层": ("层", Decimal(1)),
}
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNIT), key=len, reverse=True))
STRICT = frozenset({"ml", "g", "mah", "wh", "w", "mm", "寸", "gb", "%", "片", "抽", "v", "atm"})
"""Canonical units whose numbers are specifications: a different value is a contradiction."""

_NUM = r"\d+(?:\.\d+)?"
# Every pattern starts with a plain character class, so the regex engine skips ahead to the few
# candidate positions (a Chinese line has few digits and fewer Latin letters); word boundaries are
# checked in Python after a match.
_CODE = re.compile(
    r"(?P<std>(?:gb|fz|qb|ga|hg|sb|ny|jb|yy|bb|db|t)(?:/[tz])?(?:/[a-z]{1,6})?)\s?"
    r"(?P<stdno>\d{2,6}(?:\.\d{1,3})*)(?:\s?[-—]\s?(?P<year>(?:19|20)\d\d))?(?![\d.])"
    r"|(?P<model>[a-z]{1,5}-?\d{1,6}[a-z0-9]*(?:\+{1,4})?)(?![a-z0-9])"
)
_DATE = re.compile(r"(?:19|20)\d\d\s?年(?:\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?)?|\d{1,2}\s?月\s?\d{1,2}\s?[日号]"
                   r"|\d{1,2}:\d\d(?!\d)|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{1,2})?(?![\d.])")
_NUMBER_RUN = re.compile(_NUM)
_LETTERS = re.compile(r"(?<![a-z])[a-z]")
_ALT = rf"{_NUM}(?:/{_NUM})*"  # one side given as alternatives (60×40×10/12cm: two heights)
_DIMS_AT = re.compile(rf"(?P<all>{_ALT}(?:\s?[×x*]\s?{_ALT}){{1,2}})\s?(?P<u>{_UNIT_RE})")
_RANGE_AT = re.compile(rf"(?P<lo>{_NUM})\s?(?P<u1>{_UNIT_RE})?\s?(?:-|~|～|—|到|至)\s?(?P<hi>{_NUM})(?![\d.])\s?(?P<u>{_UNIT_RE})?")
_VALUE_AT = re.compile(rf"(?P<n>{_NUM})\s?(?P<u>{_UNIT_RE})(?P<post>以上|以下|以内|左右|\+|起)?")
_WORD_AFTER = re.compile(r"天(?:猫|然|气|津|空|下|堂|使|生|赋)")
_RANGE_MARK = re.compile(r"[-~～—到至]")
_DATE_MARK = re.compile(r"(?:\d{4}|\d{1,2})\s?[年月:\-/.]")
_OP_BEFORE = re.compile(r"(?:≥|>=|≤|<=|不低于|不少于|不小于|至少|最少|最低|不高于|不超过|不大于|至多|最多|最高|最大|高达|达|约|大约|大概)\s?$")
_LOWER = ("≥", ">=", "不低于", "不少于", "不小于", "至少", "最少", "最低")
_UPPER = ("≤", "<=", "不高于", "不超过", "不大于", "至多", "最多", "最高", "最大")
_ENUMS: dict[str, tuple[str, ...]] = {
    "colour": ("黑", "白", "灰", "红", "粉", "橙", "黄", "绿", "青", "蓝", "紫", "棕", "咖", "驼", "米", "银", "金", "藏青",
               "卡其", "杏", "裸"),
    "size": ("xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl"),
}
# names of one hue (奶咖色 against 驼色: a shade of the same brown is not another colour)
_HUE = {"咖": "棕", "驼": "棕", "卡其": "棕"}
_COLOUR = re.compile(r"(藏青|卡其|[黑白灰红粉橙黄绿青蓝紫棕咖驼米银金杏裸])色")
_SIZE = re.compile(r"(?<![a-z0-9])(xxs|xs|xxxl|xxl|xl|[2-4]xl|s|m|l)(?:码|号)")
_WORD_SPLIT = re.compile(r"[\s()（）\[\]【】#/,，、;；:：]+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or a span of numbers in one canonical unit ("" for a bare number)."""

    unit: str
    lo: Decimal
    hi: Decimal
    approx: bool = False

    def judge(self, said: Quantity) -> str | None:
        """What this fact (a value, range or bound) says of ``said``: "supported", "consistent" (true
        as far as the fact goes, but not stated by it: 50% against "≥40%"), "conflict", or ``None``
        when the units differ (nothing to compare)."""
        if said.unit != self.unit:
            return None
        lower_bound, upper_bound = self.hi >= _BIG, self.lo == 0 and self.hi > 0
        top = self.lo if lower_bound else self.hi
        ref = said.lo if said.hi >= _BIG else said.hi
        slack = max(top, ref) * Decimal("0.1") if (self.approx or said.approx) else Decimal("0.005")
        if said.hi >= _BIG:  # "≥40%": the fact must reach it
            return "supported" if self.hi >= said.lo - slack else "conflict"
        if said.lo == 0 and said.hi > 0:  # "最高100W": the bound must lie in the fact's span
            return "supported" if self.lo - slack <= said.hi <= self.hi + slack else (
                "consistent" if lower_bound and said.hi > self.lo else "conflict")
        if said.lo < self.lo - slack or said.hi > self.hi + slack:
            return "conflict"
        if (lower_bound and abs(said.lo - self.lo) > slack) or (upper_bound and abs(said.hi - self.hi) > slack):
            return "consistent"
        return "supported"


_BIG = Decimal("1e12")


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _unit(word: str | None) -> tuple[str, Decimal]:
    return _UNIT.get(word or "", ("", Decimal(1)))


def code_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every standard code, model number and date in ``text`` (normalised)."""
    return sorted([m.span() for m in _codes(text)] + [m.span() for m in _dates(text)])


def _codes(text: str) -> list[re.Match[str]]:
    out = []
    last = 0
    for run in _LETTERS.finditer(text):  # anchored at each run of Latin letters: a Chinese line has few
        if run.start() < last:
            continue
        m = _CODE.match(text, run.start())
        if m is None:
            continue
        before = text[m.start() - 1] if m.start() else " "
        # 32.0°c-42.9°c: the c after a degree sign is the unit of a range, not a model code c-42
        if (before.isascii() and before.isalnum()) or (m.group("model") and (before in ".°" or not _model_like(m.group("model")))):
            continue
        out.append(m)
        last = m.end()
    return out


def _dates(text: str) -> list[re.Match[str]]:
    out = []
    last = 0
    for run in _NUMBER_RUN.finditer(text):  # anchored at each number
        if run.start() < last or not _DATE_MARK.match(text, run.start()):
            continue
        m = _DATE.match(text, run.start())
        if m is None:
            continue
        last = m.end()
        before = text[m.start() - 1] if m.start() else " "
        if before.isdigit() or before == ".":
            continue
        out.append(m)
    return out


def _model_like(token: str | None) -> bool:
    """A letters-then-digits token (X200, G65, IPX4, SPF50+) is a model or grade; TOP1 and NO.1 are rankings."""
    m = re.match(r"[a-z]+", token or "")
    return m is not None and m.group(0) not in ("top", "no", "vs")


def codes(text: str) -> dict[str, set[str]]:
    """Standard codes and model numbers by family: {"gb/t": {"28004.1"}, "ipx": {"4"}, "x": {"200"}}."""
    out: dict[str, set[str]] = {}
    for m in _codes(text):
        if m.group("std"):
            out.setdefault(m.group("std"), set()).add(m.group("stdno"))
        else:
            mm = re.match(r"([a-z]+)-?(\d+[a-z0-9+]*)", m.group("model"))
            if mm:
                out.setdefault(mm.group(1), set()).add(mm.group(2))
    return out


def quantities(text: str) -> list[Quantity]:
    """Every quantity with a unit in ``text``: sizes (each side), ranges, bounds and single values."""
    return [q for _, _, found in quantity_spans(text) for q in found]


def quantity_spans(text: str, blocked: list[tuple[int, int]] | None = None,
                   ) -> list[tuple[int, int, tuple[Quantity, ...]]]:
    """(start, end, quantities) of every quantity token, in text order; a size gives one per side.
    ``blocked``: the :func:`code_spans` of ``text`` when the caller already has them."""
    out: list[tuple[int, int, tuple[Quantity, ...]]] = []
    if blocked is None:
        blocked = code_spans(text)
    taken = 0
    for run in _NUMBER_RUN.finditer(text):
        start = run.start()
        if start < taken or _continues(text, start) or any(a <= start < b for a, b in blocked):
            continue
        tail = text[run.end():run.end() + 8]
        m = _DIMS_AT.match(text, start) if tail[:2].strip()[:1] in ("×", "x", "*") else None
        if m is not None:
            unit, factor = _unit(m.group("u"))
            sides = []
            for part in re.split(r"\s?[×x*]\s?", m.group("all")):
                options = [v for v in (_dec(x) for x in part.split("/")) if v is not None]
                if options:  # alternatives (10/12) span from the least to the most
                    sides.append(Quantity(unit, min(options) * factor, max(options) * factor))
            out.append((start, m.end(), tuple(sides)))
            taken = m.end()
            continue
        m = _RANGE_AT.match(text, start) if _RANGE_MARK.search(tail) else None
        if m is not None and not (m.group("u1") and not m.group("u")) and not any(start < b and a < m.end()
                                                                                 for a, b in blocked):
            found = _range(m)
            if found is not None:
                out.append((start, m.end(), (found,)))
                taken = m.end()
                continue
        m = _VALUE_AT.match(text, start)
        if m is None or _WORD_AFTER.match(text, m.end("u") - 1):
            continue  # 2026天猫双11: the unit's character begins a word (天猫, 天然), the figure is a year
        value = _dec(m.group("n"))
        if value is None:
            continue
        unit, factor = _unit(m.group("u"))
        value *= factor
        op_match = _OP_BEFORE.search(text, max(0, start - 4), start)
        op, post = (op_match.group(0).strip() if op_match else ""), m.group("post") or ""
        if op in _LOWER or post in ("以上", "+", "起"):
            q = Quantity(unit, value, _BIG)
        elif op in _UPPER or post in ("以下", "以内"):
            q = Quantity(unit, Decimal(0), value)
        else:
            q = Quantity(unit, value, value, approx=op in ("约", "大约", "大概") or post == "左右")
        out.append((op_match.start() if op_match else start, m.end(), (q,)))
        taken = m.end()
    return out


def _continues(text: str, start: int) -> bool:
    """Is the digit run at ``start`` the tail of a number (.5 of 1.5, 299 of 1,299)?"""
    before = text[start - 1] if start else ""
    return before == "." or (before == "," and start >= 2 and text[start - 2].isdigit())


def _range(m: re.Match[str]) -> Quantity | None:
    unit, factor = _unit(m.group("u"))
    lo, hi = _dec(m.group("lo")), _dec(m.group("hi"))
    if lo is None or hi is None:
        return None
    if m.group("u1"):
        lo_unit, lo_factor = _unit(m.group("u1"))
        if lo_unit != unit:
            return None
        lo = lo * lo_factor / factor
    return Quantity(unit, lo * factor, hi * factor) if lo <= hi else None


def bare_numbers(text: str) -> list[Quantity]:
    """Numbers without a unit (蓝牙5.3, pH 5.5), outside codes, dates and quantities."""
    blocked = code_spans(text)
    blocked += [(a, b) for a, b, _ in quantity_spans(text, blocked)]
    out = []
    for m in _NUMBER_RUN.finditer(text):
        a, b = m.span()
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        if before in "." or (before.isascii() and before.isalpha()) or after in "%℃" or (after.isascii() and after.isalpha()):
            continue
        if any(s <= a < e for s, e in blocked):
            continue
        value = _dec(m.group(0))
        if value is not None:
            out.append(Quantity("", value, value))
    return out


def enums(text: str) -> dict[str, set[str]]:
    """Enumerated values named in ``text``: colours (…色) and clothing sizes (…码)."""
    out: dict[str, set[str]] = {}
    colours = {_HUE.get(m.group(1), m.group(1)) for m in _COLOUR.finditer(text)}
    if colours:
        out["colour"] = colours
    sizes = {m.group(1) for m in _SIZE.finditer(text)}
    if sizes:
        out["size"] = sizes
    return out


def enum_pool(value: str) -> dict[str, set[str]]:
    """The enumerated values a fact lists, with or without their suffix (黑色、灰色 / 黑、白、灰 / S-XXL)."""
    out = enums(value)
    words = [w for w in _WORD_SPLIT.split(value) if w]
    colours = {_HUE.get(c, c) for c in _ENUMS["colour"] for w in words if w in (c, c + "色")}
    if colours:
        out.setdefault("colour", set()).update(colours)
    order = list(_ENUMS["size"][:8])
    sizes = set()
    for m in re.finditer(r"(?<![a-z0-9])(xxs|xs|s|m|l|xl|xxl|xxxl)\s?[-~至到]\s?(xxs|xs|s|m|l|xl|xxl|xxxl)(?![a-z0-9])", value):
        sizes.update(order[order.index(m.group(1)):order.index(m.group(2)) + 1])
    sizes.update(m.group(1) for m in re.finditer(r"(?<![a-z0-9])(xxs|xs|xxxl|xxl|xl|s|m|l)(?![a-z0-9])", value))
    if sizes:
        out.setdefault("size", set()).update(sizes)
    return out


def canon(text: str) -> str:
    """``text`` with units after numbers in canonical spelling (1.8米 → 1.8m, 500毫升 → 500ml)."""
    return re.sub(rf"(?<=\d)\s?({_UNIT_RE})", lambda m: _SPELL.get(m.group(1), m.group(1)), text)


_SPELL = {"毫升": "ml", "升": "l", "克": "g", "公斤": "kg", "千克": "kg", "毫安时": "mah", "毫安": "mah", "瓦": "w",
          "厘米": "cm", "毫米": "mm", "米": "m", "英寸": "寸"}


def name_tokens(name: str) -> tuple[str, ...]:
    """The words that name a variant in speech: "#02 番茄红" → ("#02", "番茄红"); "1.8m床" → ("1.8m床", "1.8m")."""
    text = canon(name)
    out: list[str] = []
    for part in _WORD_SPLIT.split(text):
        if not part:
            continue
        out.append(part)
        lead = re.match(r"\d+(?:\.\d+)?[a-z]+", part)  # 1.8m床 → 1.8m, 10000mah（p10） → 10000mah
        if lead and lead.group(0) != part:
            out.append(lead.group(0))
            rest = part[lead.end():]
            if re.fullmatch(r"[\u4e00-\u9fff]{2,}", rest):
                out.append(rest)  # 30g小支 → 小支: the spoken name without its size
    if "#" in name:
        out += [m.group(0) for m in re.finditer(r"#\d+", text)]
    return tuple(dict.fromkeys(t for t in out if _distinct(t)))


def _distinct(token: str) -> bool:
    if re.fullmatch(r"[a-z0-9.+#-]+", token):
        return bool(re.search(r"[a-z]", token)) or "#" in token or "-" in token
    return len(token) >= 2


def mentions(text: str, token: str) -> list[int]:
    """Positions of ``token`` in ``text`` (both canonical); ASCII tokens must stand alone (m ≠ ml)."""
    out = []
    pos = text.find(token)
    ascii_token = token.isascii()
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + len(token)] if pos + len(token) < len(text) else " "
        if not ascii_token or (not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
                               and before != "." and after != "."):
            out.append(pos)
        pos = text.find(token, pos + 1)
    return out
