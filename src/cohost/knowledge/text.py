"""Normalisation of live-chat text and catalog terms, so both sides of every match look alike.

``normalize`` (both sides): NFKC (full-width → half-width), traditional → simplified, lower case, no
control or zero-width characters, no emoji, Chinese numerals → digits where a count or link number
follows, units after digits canonical (毫升 → ml), no spaces between CJK characters.
``normalize_question`` (questions only) also expands chat shorthand (pinyin initials such as jg/kf/yh,
common typos and dialect spellings). Catalog terms never get that expansion: a brand may be "KF".
Everything here is pure and fast (a few microseconds per comment).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import zhconv  # type: ignore[import-untyped]

MAX_CHARS = 500  # longer input is cut here before any matching; live comments are short

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_NUMERAL = "零〇一二两三四五六七八九十百千万"
# a Chinese numeral becomes digits only before these (counts, units, link numbers) or after 链接/第
_NUMERAL_BEFORE = re.compile(
    rf"([{_NUMERAL}]+)(?=号|个链接|链|毫升|升|克|千克|公斤|斤|ml|g|kg|cm|mm|米|厘米|寸|岁|元|块|件|天|"
    rf"小时|分钟|折|码|瓶|盒|支|包|袋|罐|条|双|套|个月|年|周)"
)
_HAS_NUMERAL = re.compile(f"[{_NUMERAL}]")
_NUMERAL_AFTER = re.compile(rf"(?:(?<=链接)|(?<=第))([{_NUMERAL}]+)")
_UNITS = [
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:毫升|ml)"), r"\1ml"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:千克|公斤|kg)"), r"\1kg"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:克|g)(?![a-z])"), r"\1g"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:厘米|cm)"), r"\1cm"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:毫米|mm)"), r"\1mm"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:毫安时|毫安|mah)"), r"\1mah"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:升|l)(?![a-z])"), r"\1l"),
    (re.compile(r"(\d+(?:\.\d+)?)\s*(?:米|m)(?![a-z])"), r"\1m"),
]
# the unit words each rule needs (one of them must be in the text for the rule to match): a rule whose
# words are absent is skipped, which leaves the text exactly as its ``sub`` would
_UNIT_WORDS = [("毫升", "ml"), ("千克", "公斤", "kg"), ("克", "g"), ("厘米", "cm"), ("毫米", "mm"), ("毫安", "mah"),
               ("升", "l"), ("米", "m")]
_UNIT_RULES = [(words, pattern, repl) for words, (pattern, repl) in zip(_UNIT_WORDS, _UNITS, strict=True)]
_DIGIT = re.compile(r"\d")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}\d])|(?<=[{_CJK}\d])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_REPEAT_PUNCT = re.compile(r"([?？!！~～。，,.…])\1+")
_A_NOT_A_SPACED = re.compile(r"([\u4e00-\u9fff])不\1(?=\s)")
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1(?=$|[?？!！。,，啊呀呢嘛哈])")  # 闷不闷 → 闷吗
_A_NOT_A_CUE = re.compile(r"([\u4e00-\u9fff])不\1")


def with_a_not_a(pattern: str) -> str:
    """A cue regex that also matches what ``normalize_question`` makes of its "X不X" words: "闷不闷" is
    read as "闷吗" when a clause ends there, so a cue "闷不闷" must accept both."""
    return _A_NOT_A_CUE.sub(lambda m: f"(?:{m.group(0)}|{m.group(1)}吗)", pattern)

# chat shorthand: pinyin initials (bounded by non-letters) and frequent misspellings
_ABBREVIATIONS = {
    "jg": "价格", "kf": "客服", "yh": "优惠", "fh": "发货", "kc": "库存", "lj": "链接", "zb": "主播",
    "th": "退货", "tk": "退款", "by": "包邮", "bz": "宝子", "dd": "滴滴", "qs": "请问", "zmm": "怎么卖",
    "dsq": "多少钱", "ysq": "优惠券", "shh": "售后", "sq": "售罄", "yf": "运费", "xl": "xl", "bzq": "保质期", "duoshaoqian": "多少钱", "baoyou": "包邮",
    "fahuo": "发货", "kefu": "客服", "youhui": "优惠", "jiage": "价格", "tuihuo": "退货", "lianjie": "链接",
}
_ABBR_RE = re.compile(r"(?<![a-z])(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?![a-z])")
_TYPOS = {
    "多少前": "多少钱", "duo shao qian": "多少钱", "duoshao qian": "多少钱", "duo shaoqian": "多少钱", "多少qian": "多少钱", "躲少钱": "多少钱", "多小钱": "多少钱",
    "几多钱": "多少钱", "多钱": "多少钱", "发或": "发货", "有或": "有货", "库纯": "库存", "优会": "优惠",
    "退或": "退货", "尺马": "尺码", "链结": "链接", "连接": "链接", "介个": "这个", "这各": "这个", "肿么": "怎么",
    "神马": "什么", "有木有": "有没有", "木有": "没有", "咋": "怎么", "啥子": "什么", "腻害": "厉害",
    "米有": "没有", "么有": "没有", "伐": "吗", "不咯": "不", "莫得": "没有",
}
_TYPO_RE = re.compile("|".join(sorted(map(re.escape, _TYPOS), key=len, reverse=True)))
# "床垫多后", "有多搞": a one-character measure typed as its homophone, where it ends the question ("最多后天到" is no
# typo: a word follows)
_MEASURE_HOMOPHONE = re.compile(r"(?<![最差])多(?:(?P<thick>[后候])|(?P<high>[搞告]))(?=$|[?？!！,，。~～ 吗啊呀呢嘛哈的])")


def chinese_to_int(text: str) -> int | None:
    """两百五十 → 250, 十八 → 18, 三 → 3, 一二三 → 123; None when it is not a number."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    if all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
            continue
        unit = _CN_UNITS[char]
        if unit == 10000:
            total += (section + digit) * unit
            section, digit = 0, 0
        else:
            section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def _numerals(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        value = chinese_to_int(match.group(1))
        return match.group(1) if value is None else str(value)

    if _HAS_NUMERAL.search(text) is None:  # both rules need a numeral
        return text
    return _NUMERAL_AFTER.sub(repl, _NUMERAL_BEFORE.sub(repl, text))


def is_emoji(char: str) -> bool:
    code = ord(char)
    return (0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
            or code in (0xFE0F, 0x200D, 0x20E3) or unicodedata.category(char) == "So")


_EMOJI_MARK = "\x00"  # what an emoji becomes in ``_CharTable`` (a control character never survives it)


class _CharTable(dict[int, "int | str"]):
    """``str.translate`` table of ``_clean_chars``, filled per code point on first sight (bounded by
    Unicode): an emoji → ``_EMOJI_MARK``, a control, format, private or unassigned character → "" (tab and
    line breaks → " "), anything else → itself."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        value: int | str
        if is_emoji(char):
            value = _EMOJI_MARK
        elif unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn"):
            value = " " if char in "\t\n\r" else ""
        else:
            value = code
        self[code] = value
        return value


_CHAR_TABLE = _CharTable()


def _clean_chars(text: str) -> tuple[str, int]:
    """Emoji → a space (counted), control and format characters dropped (tab and line breaks → a space)."""
    out = text.translate(_CHAR_TABLE)
    emoji = out.count(_EMOJI_MARK)
    return (out.replace(_EMOJI_MARK, " ") if emoji else out), emoji


# the first characters of zhconv's zh-cn keys that change something: it writes each key it matches as its
# value and every other character as it is, so a text holding none of these characters comes back unchanged
_ZH_FIRST = frozenset(key[0] for key, value in zhconv.zhconv.getdict("zh-cn").items() if key and key != value)


def normalize(text: str) -> str:
    """The shared normal form of questions and catalog terms."""
    text = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2])
    text, _ = _clean_chars(text)
    if not _ZH_FIRST.isdisjoint(text):  # else zhconv would match no key and return ``text`` as it is
        converted = zhconv.convert(text, "zh-cn")
        if "幺" in converted and "幺" not in text:  # zhconv reads "怎么喝" as 吆喝 and writes 怎幺喝
            converted = converted.replace("幺", "么")
        text = converted
    text = text.lower()
    text = _numerals(text)
    if _DIGIT.search(text):  # every unit rule needs a digit
        for words, pattern, repl in _UNIT_RULES:
            for word in words:
                if word in text:
                    text = pattern.sub(repl, text)
                    break
    text = _CJK_SPACE.sub("", text)
    return _SPACES.sub(" ", text).strip()


_TITLE_SPLIT = re.compile(r"[\s【】\[\]（）()、,，/|+·]+")


def title_parts(title: str) -> list[str]:
    """A title's parts as the merchant spaced them, each normalised: "复古行李箱 静音万向轮" → [复古行李箱,
    静音万向轮]. (``normalize`` joins CJK words across spaces, which would merge the parts.)"""
    return [p for p in (normalize(x) for x in _TITLE_SPLIT.split(unicodedata.normalize("NFKC", title))) if p]


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_TIMES = re.compile(r"(?<=\d)x(?=\d)")  # "180x220" is typed for 180×220: the sign between two numbers drops


class _KeyTable(dict[int, "int | None"]):
    """``str.translate`` table of ``key_of``, filled per code point on first sight (bounded by Unicode):
    a letter or digit → itself, the marked decimal point (U+2024) → ".", anything else → dropped."""

    def __missing__(self, code: int) -> int | None:
        value = ord(".") if code == 0x2024 else code if unicodedata.category(chr(code))[0] in "LN" else None
        self[code] = value
        return value


_KEY_TABLE = _KeyTable()


def key_of(normal: str) -> str:
    """Letters and digits only (a decimal point between digits is kept; "x" between digits is a times sign,
    dropped like ×): the form substrings match on."""
    return _TIMES.sub("", _DECIMAL_POINT.sub("\u2024", normal)).translate(_KEY_TABLE)


def compact(text: str) -> str:
    """``key_of(normalize(text))``: how catalog terms are matched."""
    return key_of(normalize(text))


@dataclass(frozen=True, slots=True)
class Question:
    """A question after normalisation. ``text`` keeps punctuation; ``key`` is letters and digits only."""

    raw: str
    text: str
    key: str
    lang: str
    emoji: int
    truncated: bool

    @property
    def empty(self) -> bool:
        return not self.key


_HAS_CJK = re.compile(f"[{_CJK}]")
_LATIN_WORD = re.compile(r"[a-z]{2,}")


# emoji that stand for a kind of product ("🍼多少钱"): said with other words, they are read as the noun
_EMOJI_NOUNS = {
    "🍼": "奶瓶", "🍵": "茶", "🫖": "茶壶", "☕": "咖啡", "🍺": "啤酒", "🍻": "啤酒", "🍷": "红酒", "🍶": "酒", "🥃": "酒",
    "🍯": "蜂蜜", "🥛": "奶", "👟": "鞋", "👞": "鞋", "👠": "高跟鞋", "👢": "靴", "🥾": "登山鞋", "👕": "t恤", "👗": "裙",
    "👖": "牛仔裤", "🧥": "外套", "🧦": "袜", "🧢": "帽", "👒": "帽", "🎒": "背包", "👜": "包", "⛺": "帐篷", "🕶": "墨镜",
    "💄": "口红", "🪒": "剃须刀", "🪥": "牙刷", "🧸": "玩具", "🍫": "巧克力", "📱": "手机", "🎧": "耳机", "⌚": "手表",
    "💡": "灯", "🔦": "手电", "🧣": "围巾", "🧤": "手套", "🍪": "饼干", "🍬": "糖", "🧴": "乳液", "🪑": "椅",
}
_EMOJI_NOUN_RE = re.compile("|".join(map(re.escape, sorted(_EMOJI_NOUNS, key=len, reverse=True))))
_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def normalize_question(raw: str) -> Question:
    truncated = len(raw) > MAX_CHARS
    text = raw[:MAX_CHARS]
    text = unicodedata.normalize("NFKC", text)
    if _EMOJI_NOUN_RE.search(text) and _WORDY.search(_EMOJI_NOUN_RE.sub("", text)):
        text = _EMOJI_NOUN_RE.sub(lambda m: _EMOJI_NOUNS[m.group(0)], text)  # "🍼多少钱": the emoji is the noun
    cleaned, emoji = _clean_chars(text)
    if "不" in cleaned:  # "声音大不大 怕吵醒宝宝": the clause ends at the space that normalising removes
        cleaned = _A_NOT_A_SPACED.sub(r"\1吗", cleaned)
    text = normalize(cleaned)
    text = _REPEAT_PUNCT.sub(r"\1", text)
    text = _TYPO_RE.sub(lambda m: _TYPOS[m.group(0)], text)
    if "多" in text:
        text = _MEASURE_HOMOPHONE.sub(lambda m: "多厚" if m.group("thick") else "多高", text)
    if "不" in text:
        text = _A_NOT_A.sub(r"\1吗", text)
    text = _ABBR_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    text = _numerals(text)
    key = key_of(text)
    has_cjk = _HAS_CJK.search(text) is not None
    lang = "en" if not has_cjk and _LATIN_WORD.search(text) else "zh"
    return Question(raw=raw, text=text, key=key, lang=lang, emoji=emoji, truncated=truncated)
