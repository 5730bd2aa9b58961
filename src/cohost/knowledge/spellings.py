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
    colour = token.find("色")
    if 0 < colour < len(token) - 1 and token[: colour + 1] not in out:
        out.append(token[: colour + 1])  # "白色格纹" → 白色
    return tuple(out)


__all__ = ["short_forms", "variant_tokens"]
