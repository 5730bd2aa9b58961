"""Spellings of a variant's name: its tokens ("NB（0-5kg）" → nb | 0, 5kg) and the looser forms a viewer types for
each token ("黑色" → 黑, "m码" → m, "1.5m床" → 1.5m, "66cm" → 66, "1tb" → 1t). The linker finds a variant by these.

    variant_tokens("白色 20000mAh")   # → (["白色", "20000mah"], [])
    short_forms("1tb")               # → ("1t",)
"""

from __future__ import annotations

import re
from functools import lru_cache

from cohost.knowledge.text import compact

_VARIANT_SPLIT = re.compile(r"[\s/\-·,，+、|#]+|(?<=\d)[x×*](?=\d)")  # "1200x600mm" → 1200, 600mm
_BRACKETS = re.compile(r"[（(【\[]([^）)】\]]*)[）)】\]]")
_VARIANT_SUFFIX = re.compile(r"(码|号|色|款|装|版)$")
_TRAILING_CJK = re.compile(r"[\u4e00-\u9fff]+$")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]")
_LATIN_EDGE = re.compile(r"^[a-z0-9]|[a-z0-9]$")
_CN_DIGIT = dict(zip("123456789", "一二三四五六七八九", strict=True))


def variant_tokens(name: str) -> tuple[list[str], list[str]]:
    """(main tokens, bracketed tokens) of a variant name: "NB（0-5kg）" → (["nb"], ["0", "5kg"])."""
    text = name.lower()
    inner = " ".join(_BRACKETS.findall(text))
    outer = _BRACKETS.sub(" ", text)

    def split(part: str) -> list[str]:
        return [t for t in (compact(x) for x in _VARIANT_SPLIT.split(part)) if t]

    main, extra = split(outer), split(inner)
    return (main, extra) if main else (extra, [])


@lru_cache(maxsize=8192)
def short_forms(token: str) -> tuple[str, ...]:
    """Looser spellings of a variant token: "黑色" → "黑", "m码" → "m", "1.5m床" → "1.5m" (a catalog's
    variant tokens: remembered)."""
    out: list[str] = []
    stripped = _TRAILING_CJK.sub("", token)
    if stripped and stripped != token and re.search(r"[a-z0-9]", stripped):
        out.append(stripped)
    short = _VARIANT_SUFFIX.sub("", token)
    if short and short != token and short not in out:
        out.append(short)
    if token.isdigit() and token.startswith("0") and token.lstrip("0"):
        out.append(token.lstrip("0"))
    if len(token) >= 3 and all(_CJK_WORD.match(c) for c in token) and token[:2] not in out:
        out.append(token[:2])  # "透明框" → 透明 (only where 的/色/码 or the end follows: "有透明的吗")
    mixed = re.fullmatch(r"([a-z0-9.+-]+)([\u4e00-\u9fff]{2,})", token)
    if mixed:  # "-25℃防冻款" → 防冻款, 防冻; "0℃" said "0度"
        cjk = mixed.group(2)
        out += [f for f in (cjk, _VARIANT_SUFFIX.sub("", cjk)) if len(f) >= 2 and f not in out]
        degrees = re.fullmatch(r"(\d+)c", mixed.group(1))
        if degrees:
            out.append(degrees.group(1) + "度")
    latin = re.fullmatch(r"[\u4e00-\u9fff]{1,4}([a-z]{2,}[a-z0-9]*)", token)
    if latin and latin.group(1) not in out:  # "美式ipa" said "ipa": the Latin name after its hanzi qualifier
        out.append(latin.group(1))
    sized = re.fullmatch(r"(\d{2,4})(cm|g|gb|t|tb|ml)", token)
    if sized and sized.group(1) not in out:  # "66cm", "256g": the number alone ("66的还有吗")
        out.append(sized.group(1))
    byte = re.fullmatch(r"(\d+(?:\.\d+)?)(t|g|m)b", token)
    if byte:  # "1tb", "256gb" said "1t", "256g"
        out.append(byte.group(1) + byte.group(2))
    area = re.fullmatch(r"(\d+)(?:\.(\d+))?(m|米)[x×*]?\d+(?:\.\d+)?(?:m|米)", token)
    if area:  # "1.8m×2m" (a bed's width first) → "1.8m", "1.8", said "1米8" → "1m8"
        whole, tenth = area.group(1), area.group(2)
        width = f"{whole}.{tenth}" if tenth else whole
        out += [f for f in (f"{width}m", width if tenth else "", f"{whole}m{tenth}" if tenth else "") if f and f not in out]
    mah = re.fullmatch(r"([1-9])0000mah", token)
    if mah:  # "20000mAh" said "两万毫安", "2万毫安"
        n = mah.group(1)
        out += [f"{w}万毫安" for w in dict.fromkeys((n, _CN_DIGIT[n], "两" if n == "2" else _CN_DIGIT[n]))]
    metres = re.fullmatch(r"([1-9])\.([1-9])(?:m|米)", token) or re.fullmatch(r"([1-9])\.([1-9])(?:m|米)[x×*]?\d.*", token)
    if metres:  # "4.5米", "1.5m×2m" said "4米5", "一米五" (normalised: "4m5", "1m五")
        whole, tenth = metres.group(1), metres.group(2)
        out += [f for f in (f"{whole}m{tenth}", f"{whole}m{_CN_DIGIT[tenth]}") if f not in out]
    colour = token.find("色")
    if 0 < colour < len(token) - 1 and token[: colour + 1] not in out:
        out.append(token[: colour + 1])  # "白色格纹" → 白色
    return tuple(out)


def present(token: str, key: str) -> bool:
    """Substring test; a token that starts or ends with a letter/digit must not touch another one."""
    if not _LATIN_EDGE.search(token):
        return token in key
    start = key.find(token)
    while start >= 0:
        end = start + len(token)
        before = key[start - 1] if start else ""
        after = key[end] if end < len(key) else ""
        ok_before = not (token[0].isascii() and token[0].isalnum() and before.isascii() and (before.isalnum() or before == "."))
        ok_after = not (token[-1].isascii() and token[-1].isalnum() and after.isascii() and (after.isalnum() or after == "."))
        if ok_before and ok_after:
            return True
        start = key.find(token, start + 1)
    return False


# after a bare shoe or clothing size ("36有货吗", "38的还有吗"): not a price, a count, a measure or a link
_SIZE_NUMBER_END = r"(?![\d.]|\s*(元|块|斤|件|个|条|双|cm|厘米|mm|kg|公斤|岁|号链接|链接|点|分|天|g|ml|w|%|折))"


def loose(short: str, key: str, token: str = "") -> bool:
    """A shortened token counts only where a size/colour word or the end follows: "黑的", "m码", "1.5m"."""
    if not present(short, key):
        return False
    if short.isdigit():  # "01" → "1" only as a colour/size number: "1号色", "1号"
        if len(short) >= 2 and re.fullmatch(r"\d+(码|号|cm|g|gb|t|tb|ml)", token) and re.search(rf"(?:(?<![\d.号])|(?<=[大中小]号)){short}{_SIZE_NUMBER_END}", key):
            return True  # "36有货吗" of 36码, "小号160的": a size said as a bare number
        return re.search(rf"(?<![\d.]){short}(号|色)", key) is not None
    if re.search(r"[a-z0-9色]$", short):  # "m码" → m, "白色格纹" → 白色: a size or a colour word of its own
        return True
    return re.search(re.escape(short) + r"(码|号|色|款|的|比|和|跟|与|还是|贵|便宜|$|[^a-z0-9\u4e00-\u9fff])", key) is not None


# a device model typed glued: "16promax", "15pro的", "iphone16pm", "mate60pro" — its parts as a variant name
# spells them ("iPhone 16 Pro Max"); "pm" is how viewers shorten "Pro Max"
_GLUED_MODEL = re.compile(r"(?<![a-z\d.])([a-z]{2,})?(\d{1,3})(promax|pro max|pm|pro|max|plus|mini|ultra)(?![a-z])")
_LETTERS_DIGITS = re.compile(r"(?<![a-z])([a-z]{2,})(\d{1,3})(?![\d.]|mah|mm|cm|ml|gb|tb|w\b|v\b|h\b)")
_SUFFIX_SAID = {"promax": "pro max", "pm": "pro max"}


def model_spaced(text: str) -> str:
    """``text`` with glued model codes spaced as variant names write them: "16promax的壳" → " 16 pro max 的壳",
    "iphone16pm" → "iphone 16 pro max", "iphone15能用吗" → "iphone 15能用吗"; other text unchanged."""
    if not any(c.isdigit() for c in text):
        return text

    def glued(m: re.Match[str]) -> str:
        said = _SUFFIX_SAID.get(m.group(3).replace(" ", ""), m.group(3))
        return f" {m.group(1) or ''} {m.group(2)} {said} "

    return _LETTERS_DIGITS.sub(r"\1 \2", _GLUED_MODEL.sub(glued, text))


def model_numbers(text: str) -> set[str]:
    """The numbers of the glued model codes of ``text``: "16promax的壳" → {"16"}, "iphone14的" → {"14"}."""
    return {m.group(2) for m in _GLUED_MODEL.finditer(text)} | {m.group(2) for m in _LETTERS_DIGITS.finditer(text)}


def numbered(name: str, numbers: set[str]) -> bool:
    """Does a variant name hold every one of ``numbers`` as a number of its own ("iPhone 16 Pro" holds 16)?"""
    return all(re.search(rf"(?<![\d.]){n}(?![\d.])", name) for n in numbers)


__all__ = ["loose", "model_numbers", "model_spaced", "numbered", "present", "short_forms", "variant_tokens"]


_ALL_CJK = re.compile(r"[\u4e00-\u9fff]{2,6}")


@lru_cache(maxsize=8192)
def pinyin_spellings(word: str) -> tuple[str, ...]:
    """How a name is typed without a Chinese keyboard: its pinyin initials ("安全座椅" → aqzy) and its full
    pinyin ("登山杖" → dengshanzhang). Only for a name of two to six hanzi; initials of a two-character name
    ("tc") are kept too — a form of two letters is weighed lower by the caller."""
    if not _ALL_CJK.fullmatch(word):
        return ()
    from pypinyin import Style, lazy_pinyin

    full = lazy_pinyin(word, style=Style.NORMAL)
    if len(full) != len(word) or not all(s.isascii() and s.isalpha() for s in full):
        return ()
    return ("".join(s[0] for s in full), "".join(full))
