"""Commerce-aware text normalisation: what a script line says → exactly what the voice will say.

``normalize("iPhone 15 Pro 到手价¥5999，满199减30")`` → ``iPhone 十五 Pro 到手价五千九百九十九元，满一百九十九减三十``.

Constraints:

- The result is one line with no ASCII digits: every number is spelled out in Chinese, so no engine can
  read a price in English or skip it. Latin words stay Latin (brand names, spelled letters separated by
  spaces: ``U S B``); a voice that cannot say Latin transliterates them itself (``lexicon.WORD_READINGS``).
- Script cue marks in square brackets (``[展示]``) are stage directions and are never spoken.
- Passes run in a fixed order (dates and times → phone numbers and IDs → model names → numbers with
  their context → symbols → punctuation); each pass rewrites only what it recognises.
- Linear time in the input; no pattern here can backtrack catastrophically (tested on megabyte inputs).
- Idempotent: normalising normalised text changes nothing, so cache keys are stable.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping

from cohost.speech import lexicon as lx
from cohost.speech.numerals import (
    read_decimal,
    read_digits,
    read_discount,
    read_fraction,
    read_int,
    read_money,
    read_percent,
    read_year,
)

NORMALIZER_VERSION = 2  # bump when a reading changes: pre-rendered audio is keyed on it

_CUE = re.compile(r"\[[^\[\]\n]{0,20}\]")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_SPACE = re.compile(r"\s+")
_RMB = re.compile(r"(?<=\d)\s?RMB(?![A-Za-z])|(?<![A-Za-z])RMB\s?(?=\d)")
_SUPER = re.compile("|".join(re.escape(k) for k in sorted(lx.SUPERSCRIPT_UNITS, key=len, reverse=True)))
_SUPER_PLAIN = re.compile(r"(?<=\d)(c?m)([23])(?![\dA-Za-z])")

_YMD = re.compile(r"(?<![\d.])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])")
_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_TIMES = re.compile(rf"(?<![\d:.]){_TIME}(?:\s*[-~至到]\s*{_TIME})?(?![\d:])")
_RATIO = re.compile(r"(?<![\d.])(\d+):(\d+)(?![\d.:])")
_MOBILE = re.compile(r"(?<![\d.])1[3-9]\d(?:[- ]?[\d*]{4}){2}(?![\d.])")
_SERVICE = re.compile(r"(?<![\d.])(?:[48]00[- ]?\d{3}[- ]?\d{4}|0\d{2,3}-\d{7,8})(?![\d.])")
_IDS = re.compile(r"({})([:：]?\s*(?:是|为)?\s*)([A-Za-z]{{0,4}}\d{{3,}})".format("|".join(
    re.escape(k) for k in sorted(lx.ID_KEYWORDS, key=len, reverse=True))))
_NO = re.compile(r"(?<![A-Za-z])[Nn][Oo]\.\s*(\d{1,4})(?!\d)")
_TIMES_SIGN = re.compile(r"(?<=\d)\s*[x×X*]\s*(?=\d)|(?<=[A-Za-z%])\s*[×*]\s*(?=\d)")
_LEADING_TIMES = re.compile(r"[×*]\s*(?=\d)")
_COMPARE = re.compile(r"([<>≤≥])=?\s*(?=[-\d¥$])")
_SLASH_NUM = re.compile(r"(?<![\d/.])(\d{1,4})/(\d{1,4})(?![\d/])")
_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*(?![A-Za-z0-9])")
_RUNS = re.compile(r"[A-Za-z']+|\d+")
_NUM_UNIT_SRC = r"\d+(?:\.\d+)?(?:[wk]|%s)?"

_UNIT_MULTI = [u for u in lx.UNITS if len(u) > 1]
_UNIT_SINGLE = [u for u in lx.UNITS if len(u) == 1]
_UNIT_RE = "(?:\\s?(?:{})|(?:{}))(?![A-Za-z])".format(
    "|".join(re.escape(u) for u in sorted(_UNIT_MULTI, key=len, reverse=True)),
    "|".join(re.escape(u) for u in _UNIT_SINGLE))
_UNIT_ONLY = re.compile(_UNIT_RE.replace("\\s?", ""))
_NUM_UNIT = re.compile(_NUM_UNIT_SRC % _UNIT_RE.replace("\\s?", ""))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = re.compile(
    rf"(?:(?P<cur>[¥$]|RMB|USD)\s?)?(?:(?<![\dA-Za-z])(?P<neg>-))?(?<![\d.])(?P<a>{_NUM})(?P<amul>[wk](?![A-Za-z]))?"
    rf"(?P<pa>\s?%)?(?:\s*(?P<sep>-|~|—|–|至|到)\s*[¥$]?(?P<b>{_NUM})(?P<bmul>[wk](?![A-Za-z]))?(?P<pb>\s?%)?)?"
    rf"(?P<unit>{_UNIT_RE})?(?P<money>元钱?|块钱?|圆|RMB)?(?P<plus>\+)?"
)
_YEAR_AFTER = ("年", "款", "版", "届", "新款", "春", "夏", "秋", "冬")
_PER_TIME = frozenset("天次日月年周时")


def normalize(text: str, *, lexicon: Mapping[str, str] | None = None) -> str:
    """The text exactly as the voice will say it, on one line. ``lexicon`` maps spellings to readings
    (a shop's own brand names, ``{"SK-II": "SK兔"}``) and is applied first."""
    text = _clean(text)
    entries = lexicon or {}
    for spelling in sorted(entries, key=len, reverse=True):
        if spelling:
            text = text.replace(spelling, _clean(entries[spelling]))
    text = _YMD.sub(_ymd, text)
    text = _TIMES.sub(_times, text)
    text = _RATIO.sub(lambda m: f"{read_int(m[1])}比{read_int(m[2])}", text)
    text = _MOBILE.sub(lambda m: read_digits(m[0].replace("*", ""), yao=True), text)
    text = _SERVICE.sub(lambda m: read_digits(m[0], yao=True), text)
    text = _IDS.sub(lambda m: m[1] + m[2] + _spell_id(m[3]), text)
    text = _NO.sub(lambda m: "第" + read_int(m[1]), text)
    text = _COMPARE.sub(lambda m: {"<": "小于", ">": "大于", "≤": "小于等于", "≥": "大于等于"}[m[1]], text)
    text = _TIMES_SIGN.sub("乘", text)
    text = _LEADING_TIMES.sub("", text)
    text = _SLASH_NUM.sub(_slash, text)
    text = _LATIN.sub(_latin, text)
    text = _NUMBER.sub(_number, text)
    text = _symbols(text)
    return _punctuation(text)


def _clean(text: str) -> str:
    text = _CUE.sub("", text)
    text = _RMB.sub(lambda m: "元" if m[0].lstrip().startswith("RMB") and m.start() and m.string[m.start() - 1].isdigit()
                    else "¥", text)
    text = _SUPER.sub(lambda m: lx.SUPERSCRIPT_UNITS[m[0]], text)
    text = unicodedata.normalize("NFKC", text)
    text = _SUPER_PLAIN.sub(lambda m: ("平方" if m[2] == "2" else "立方") + ("厘米" if m[1] == "cm" else "米"), text)
    text = _CONTROL.sub("", text.replace("⁄", "/"))
    return _SPACE.sub(" ", text).strip()


def _ymd(m: re.Match[str]) -> str:
    month, day = int(m[3]), int(m[4])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m[0]
    return f"{read_year(m[1])}年{read_int(m[3])}月{read_int(m[4])}日"


def _clock(hour: str, minute: str, second: str | None) -> str | None:
    h, mi = int(hour), int(minute)
    if h > 24 or mi > 59 or (second is not None and int(second) > 59):
        return None
    out = read_int(hour, liang=True) + "点"
    if mi == 30 and not second:
        out += "半"
    elif mi:
        out += ("零" if mi < 10 else "") + read_int(minute.lstrip("0")) + "分"
    if second and int(second):
        out += ("" if mi else "零") + read_int(second.lstrip("0")) + "秒"
    return out


def _times(m: re.Match[str]) -> str:
    first = _clock(m[1], m[2], m[3])
    second = _clock(m[4], m[5], m[6]) if m[4] else ""
    if first is None or second is None:
        return m[0]
    return first + ("到" + second if second else "")


def _spell_id(code: str) -> str:
    letters = re.match(r"[A-Za-z]*", code)
    head = letters[0] if letters else ""
    return " ".join(head.upper()) + read_digits(code[len(head):], yao=True)


def _slash(m: re.Match[str]) -> str:
    a, b = int(m[1]), int(m[2])
    after = m.string[m.end():m.end() + 1]
    if 1 <= a <= 12 and 1 <= b <= 31 and not (b <= 10 and a < b) and after not in lx.MEASURE_WORDS:
        return f"{read_int(m[1])}月{read_int(m[2])}日"
    if b == 0:
        return f"{read_int(m[1])}比{read_int(m[2])}"
    return read_fraction(m[1], m[2])


def _word(run: str) -> str:
    """A Latin run: a known word in its usual casing, an acronym spelled out, anything else as written."""
    if not run.isupper() or len(run) == 1:
        return run
    known = lx.WORDS.get(run.lower())
    if known:
        return known
    if len(run) <= 5:
        return " ".join(run)
    return run


def _latin(m: re.Match[str]) -> str:
    token = m[0]
    if not any(c.isalpha() for c in token):
        return token  # plain numbers and ranges are read by the number pass
    if _UNIT_ONLY.fullmatch(token) and re.search(r"\d ?$", m.string[max(0, m.start() - 2):m.start()]):
        return token  # "5000 mAh": a unit for the number pass
    if all(_NUM_UNIT.fullmatch(part) for part in token.split("-")):
        return token  # "3-5ml", "3kg-5kg", "10w": quantities for the number pass
    parts: list[tuple[str, bool]] = []
    for part in token.split("-"):
        pieces = []
        runs = _RUNS.findall(part)
        for position, run in enumerate(runs):
            if run.isdigit():
                suffix = runs[position + 1] if position + 1 < len(runs) else ""
                # "3000K", "4000Pa": a quantity; "X200": a short model number; "RTX4090", "1080P": digits
                cap = 8 if position == 0 and suffix.upper() != "P" else 3
                simple = len(run) <= cap and not (len(run) > 1 and run.startswith("0"))
                pieces.append(read_int(run) if simple else read_digits(run))
            else:
                pieces.append(_word(run))
        text = _join_runs(pieces)
        parts.append((text, part.isalpha() and len(part) > 1 and " " not in text))
    out = parts[0][0]
    for (_prev, prev_word), (text, is_word) in itertools.pairwise(parts):
        out += ("-" if prev_word and is_word else " ") + text
    return out


def _join_runs(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if out and out[-1].isascii() and piece[:1].isascii() and out[-1].isalpha() and piece[:1].isalpha():
            out += " "
        out += piece
    return out


def _number(m: re.Match[str]) -> str:
    a, b = m["a"].replace(",", ""), (m["b"] or "").replace(",", "")
    before = m.string[max(0, m.start() - 1):m.start()]
    after = m.string[m.end():m.end() + 2]
    unit = (m["unit"] or "").strip()
    unit_word = lx.UNITS.get(unit, "")
    money = m["money"] or ""
    cur = m["cur"] or ""
    if m["sep"] and not b:
        return m[0]
    if cur or money:
        out = _money(a, b, cur, money)
    elif m["pa"] or m["pb"]:
        out = read_percent(a) + ("到" + read_percent(b) if b else "")
    elif after.startswith("折") and not unit:
        out = read_discount(a) + ("到" + read_discount(b) if b else "")
    elif not unit and "." not in a + b and all(len(x) == 4 and x[:2] in ("19", "20") for x in filter(None, (a, b))) \
            and after.startswith(_YEAR_AFTER):
        out = read_year(a) + ("到" + read_year(b) if b else "")
    elif after.startswith("包邮") and "." in a and not b:
        out = read_money(a, unit="元")
    else:
        liang = bool(unit_word or m["amul"]) or (before not in lx.ORDINAL_PREFIXES and _measure_follows(after))
        near = m.string[max(0, m.start() - 3):m.start()]
        out = _plain(a, liang=liang and not b, before=near, has_unit=bool(unit or m["amul"]))
        if b:
            out += "到" + _plain(b, liang=bool(unit_word) or _measure_follows(after), before="", has_unit=True)
    if m["amul"] or m["bmul"]:
        out += "万" if (m["bmul"] or m["amul"]) == "w" else "千"
    if m["neg"]:
        out = ("零下" if unit_word in ("摄氏度", "华氏度", "度") else "负") + out
    out += unit_word
    if m["plus"]:
        out += "加"
    return out


def _measure_follows(after: str) -> bool:
    return after[:1] in lx.MEASURE_WORDS or after.startswith(lx.MEASURE_PHRASES)


def _plain(digits: str, *, liang: bool, before: str, has_unit: bool) -> str:
    """A number with no currency or percent: a cardinal, a decimal, or an identifier read digit by digit."""
    if "." in digits:
        return read_decimal(digits)
    long_id = len(digits) >= 9 or (len(digits) >= 7 and not digits.endswith("000"))
    if not has_unit and (long_id or (len(digits) > 1 and digits.startswith("0"))):
        return read_digits(digits, yao=len(digits) >= 7)
    if not has_unit and len(digits) >= 4 and re.search(r"[A-Za-z] ?$", before):
        return read_digits(digits)  # "RTX 4090": a model number after a Latin name
    return read_int(digits, liang=liang)


def _money(a: str, b: str, cur: str, money: str) -> str:
    if cur in ("$", "USD"):
        return read_decimal(a) + ("到" + read_decimal(b) if b else "") + "美元"
    unit = money[:1] if money[:1] in ("元", "块") else "元"
    tail = "钱" if money.endswith("钱") else ""
    if b:
        if "." in a or "." in b:
            return read_money(a, unit=unit) + "到" + read_money(b, unit=unit) + tail
        return read_int(a, liang=True) + "到" + read_int(b, liang=True) + unit + tail
    spoken = read_money(a, unit=unit)
    return spoken + tail if spoken.endswith(unit) else spoken


_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PER_UNIT = re.compile(r"/\s*({})(?![A-Za-z])".format("|".join(
    re.escape(u) for u in sorted([*_UNIT_MULTI, "g", "m", "L", "h", "s", "t"], key=len, reverse=True))))
_PER_MEASURE = re.compile(r"/\s*(?=[{}]|{})".format("".join(sorted(lx.MEASURE_WORDS)), "|".join(lx.MEASURE_PHRASES)))
_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s*([-~/])\s*(?=[{_CJK}])")
_LATIN_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_SYMBOL_WORDS = {"+": "加", "&": "和", "@": "艾特", "=": "等于", "≈": "约等于", "°": "度", "±": "正负"}
_SYMBOL = re.compile("|".join(re.escape(k) for k in _SYMBOL_WORDS))
_QUOTES = re.compile(r"[\"“”‘’《》「」『』【】〔〕()\[\]{}<>]")
_QUOTES_IN_LATIN = re.compile(rf"(?<=[A-Za-z0-9]){_QUOTES.pattern}+(?=[A-Za-z0-9])")
_DISALLOWED = re.compile(rf"[^{_CJK}A-Za-z0-9' \-，。！？、；：\n]")
_APOSTROPHE = re.compile(r"(?<![A-Za-z])'|'(?![A-Za-z])")
_ASCII_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "。": "。", "．": "。"})
_PAUSES = re.compile(r"\.{2,}|…+|—+|–+|\s*[|\n]\s*")
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
_SPACE_PUNCT = re.compile(r" *([，。！？、；：]) *")
_PUNCT_RUN = re.compile(r"[，。！？、；：]{2,}")
_RANK = {"？": 5, "！": 4, "。": 3, "；": 2, "：": 1, "，": 0, "、": 0}


def _symbols(text: str) -> str:
    text = _PER_UNIT.sub(lambda m: "每" + lx.UNITS.get(m[1], m[1]), text)
    text = _PER_MEASURE.sub(lambda m: "每" if m.string[m.end():m.end() + 1] in _PER_TIME else "一", text)
    text = _BETWEEN_CJK.sub(lambda m: "或" if m[1] == "/" else "到", text)
    text = _LATIN_HYPHEN.sub("\0", text)  # Wi-Fi keeps its hyphen (protected from the drop below)
    text = _SYMBOL.sub(lambda m: _SYMBOL_WORDS[m[0]], text)
    text = _PAUSES.sub("，", text)
    text = text.translate(_ASCII_PUNCT)
    text = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z])", " ", text)
    text = text.replace(".", "。").replace("-", " ").replace("\0", "-")
    text = _QUOTES.sub("", _QUOTES_IN_LATIN.sub(" ", text))  # never glue two Latin words together
    text = _APOSTROPHE.sub("", _DISALLOWED.sub(" ", text))
    return text


def _punctuation(text: str) -> str:
    if re.search(r"\d", text):  # only odd input (".5" after a symbol) gets here; never leave a digit
        text = re.sub(r"\d+", lambda m: read_digits(m[0]), text)
    text = _SPACE.sub(" ", text).strip()
    text = _SPACE_CJK.sub("，", text)
    text = _SPACE_PUNCT.sub(r"\1", text)
    text = _PUNCT_RUN.sub(lambda m: max(m[0], key=lambda c: _RANK[c]), text)
    return text.lstrip("，。！？、；：")
