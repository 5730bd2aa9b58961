"""Chinese readings of numbers: cardinals, decimals, digit strings, money, percentages, fractions.

Constraints:

- Input is ASCII digits only (the normaliser has already applied NFKC and removed thousands separators).
- Cardinals are read up to 10^16 (万亿); longer digit strings are read digit by digit, since nobody says
  them as amounts and a wrong reading is worse than a slow one.
- Colloquial 两: a 2 in the 千/万/亿 place, or a leading 2 in the 百 place, is 两 (两百, 两千, 一万两千);
  a bare 2 is 两 only when the caller says a measure word follows (``liang=True``: 两件, 两元).
- Every function is total over its documented input and linear in its length.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_PLACES = ("", "十", "百", "千")
_GROUPS = ("", "万", "亿", "万亿")
MAX_CARDINAL_DIGITS = 16


def read_digits(digits: str, *, yao: bool = False) -> str:
    """Digit by digit: ``"138"`` → 一三八, or 幺三八 with ``yao`` (phone numbers, codes)."""
    one = "幺" if yao else "一"
    return "".join(one if d == "1" else DIGITS[int(d)] for d in digits if d.isdigit())


def _read_group(value: int, *, leading: bool) -> str:
    """A value below 10000 with 千/百/十 places; ``leading`` marks the highest group of the number."""
    out: list[str] = []
    pending_zero = False
    digits = f"{value:04d}"
    started = False
    for pos, ch in enumerate(digits):
        d = int(ch)
        place = 3 - pos
        if d == 0:
            if started:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        if d == 2 and (place == 3 or (place == 2 and leading and not started)):
            word = "两"
        elif d == 1 and place == 1 and leading and not started:
            word = ""  # 十五, not 一十五, at the start of a number
        else:
            word = DIGITS[d]
        out.append(word + _PLACES[place])
        started = True
    return "".join(out)


def read_int(digits: str, *, liang: bool = False) -> str:
    """A cardinal number: ``"13999"`` → 一万三千九百九十九. ``liang`` reads a bare 2 as 两."""
    digits = digits.lstrip("0") or "0"
    if len(digits) > MAX_CARDINAL_DIGITS:
        return read_digits(digits)
    value = int(digits)
    if value == 0:
        return "零"
    if value == 2:
        return "两" if liang else "二"
    groups: list[int] = []
    while value:
        groups.append(value % 10000)
        value //= 10000
    out: list[str] = []
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out.append("零")
        out.append(_read_group(group, leading=not out) + _GROUPS[index])
        need_zero = False
    return "".join(out)


def read_decimal(number: str, *, liang: bool = False) -> str:
    """``"89.9"`` → 八十九点九; the fraction is read digit by digit, trailing zeros kept as written."""
    whole, _, frac = number.partition(".")
    head = read_int(whole or "0", liang=liang and not frac)
    if not frac:
        return head
    return f"{head}点{read_digits(frac)}"


def read_money(number: str, *, unit: str = "元") -> str:
    """A price in yuan, the way anchors say it: 89.9 → 八十九块九, 0.5 → 五毛, 13999 → 一万三千九百九十九元.

    ``unit`` is the word said after a whole amount (元 or 块)."""
    whole, _, frac = number.partition(".")
    whole = whole.lstrip("0")
    frac = (frac + "00")[:2] if frac else "00"
    jiao, fen = int(frac[0]), int(frac[1])
    if jiao == 0 and fen == 0:
        return read_int(whole or "0", liang=True) + unit
    out = read_int(whole, liang=True) + "块" if whole else ""
    if jiao and fen:
        return f"{out}{_small(jiao)}毛{DIGITS[fen]}"
    if jiao:
        return out + DIGITS[jiao] if out else f"{_small(jiao)}毛"
    return f"{out}零{DIGITS[fen]}分" if out else f"{_small(fen)}分"


def _small(d: int) -> str:
    return "两" if d == 2 else DIGITS[d]


def read_percent(number: str) -> str:
    """``"50"`` → 百分之五十; ``"100"`` → 百分之百 (the usual reading)."""
    if number.lstrip("0") == "100" and "." not in number:
        return "百分之百"
    return "百分之" + read_decimal(number)


def read_fraction(numerator: str, denominator: str) -> str:
    """``1/2`` → 二分之一."""
    return f"{read_int(denominator)}分之{read_int(numerator)}"


def read_year(digits: str) -> str:
    """Years are read digit by digit with 一, not 幺: 2026 → 二零二六."""
    return read_digits(digits)


def read_discount(number: str) -> str:
    """折扣: 8.5折 → 八五折, 5折 → 五折, 7.25 → 七点二五折 (only d.d is read as two digits)."""
    whole, _, frac = number.partition(".")
    if len(whole) == 1 and len(frac) == 1:
        return read_digits(whole + frac)
    return read_decimal(number)
