"""Numbers as people say them in a live room: 89, 89.9, 1,299, 八十九, 一百二十九, 两千, 1.5万, 10万+, 89块9.

Constraints: vague quantities (几, 多, 好几) are not numbers (``None``), never guessed; a value is a
``Decimal`` so prices compare exactly.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}

CN_NUM = "[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]"
NUMBER = rf"(?:\d(?<![\d.]\d)(?<!\d,\d)\d*(?:,\d{{3}})*(?:\.\d+)?(?:[万千亿]|w)?|{CN_NUM}(?<!{CN_NUM}{CN_NUM}){CN_NUM}{{0,11}}(?:点{CN_NUM}{{1,4}})?)"
"""A regex fragment for one number, Arabic or Chinese, with an optional 万/千/亿 multiplier. It never
starts inside a run of digits or after a thousands comma (1,299), so a 20,000-digit run costs one
attempt, not 20,000; a number after a sentence comma ("精华液,59元" once normalised) is a number. It
starts with a character class (the lookbehinds follow the first character), so the regex engine
jumps straight to digits and numerals instead of trying every position."""

_ARABIC = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)([万千亿w]?)\+?$")
# digits said straight after 百/千/万 with no 零 between fill the places below it (一万二 = 12000, 一万二八 = 12800,
# 三千五 = 3500, 两百五 = 250); 一百零二 keeps its 零 and is 102
_TRAILING = re.compile(r"^(?P<head>.*[百佰千仟万萬])(?P<d>[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]{1,2})$")


def parse_number(text: str) -> Decimal | None:
    """The value of ``text`` or ``None`` when it is not one number."""
    text = text.strip().rstrip("+")
    if not text:
        return None
    m = _ARABIC.match(text)
    if m:
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        mult = {"万": 10_000, "w": 10_000, "千": 1000, "亿": 100_000_000}.get(m.group(2), 1)
        return value * mult
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = _chinese_integer(whole) if whole else 0
        if head is None or not frac or any(c not in DIGITS for c in frac):
            return None
        return Decimal(f"{head}.{''.join(str(DIGITS[c]) for c in frac)}")
    integer = _chinese_integer(text)
    return None if integer is None else Decimal(integer)


def _chinese_integer(text: str) -> int | None:
    trailing = _TRAILING.match(text)
    if trailing and not trailing.group("head").endswith("零"):
        head = _chinese_integer(trailing.group("head"))
        unit: int = {**_UNITS, **_BIG}[trailing.group("head")[-1]]
        if head is not None:
            return head + int(sum(DIGITS[c] * unit // 10 ** (i + 1) for i, c in enumerate(trailing.group("d"))))
    if not text or any(c not in DIGITS and c not in _UNITS and c not in _BIG for c in text):
        return None
    if all(c in DIGITS for c in text) and len(text) > 1:  # 一二三 read digit by digit (e.g. a year)
        return int("".join(str(DIGITS[c]) for c in text))
    total = 0
    section = 0
    digit: int | None = None
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * _BIG[char] if total < _BIG[char] else total + section * _BIG[char]
            section, digit = 0, None
    return total + section + (digit or 0)
