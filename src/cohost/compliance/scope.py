"""Spoken scope: words the host says but does not claim (quoted, refused or corrected speech).

Live talk runs clauses together: a viewer's words are quoted and then refused, a wording the host will
not use is named after "I won't say", a slip is corrected in the next breath. The words inside such a
scope are not the host's claim, whatever rule or claim pattern they match; the scope is computed once per
text and every word hit and claim starting inside it is dropped.

Constraints:

- A scope never runs past its clause (commas and stops end it): "我不说什么最低价，但是今天真的最低" keeps
  the second clause's claim.
- Refused speech: a negated speech verb followed by 什么/啥/那种/这种 (我不跟你说什么明天涨价, 我不给你编什么国家级
  工艺, 别说什么根治): what follows, to the end of the clause, is the wording refused.
- Reported speech: a third party's words (有人在公屏说…, 评论区有宝宝说…) are scoped only when the same sentence
  then disowns them (我们不跟着说, 这个不能说, 没这回事); agreement (对对对，说得太对了) leaves them the host's own.
- Corrections: "不是X，我口误了 / 说错了 / 纠正一下": the clause X is the slip, not a claim.
"""

from __future__ import annotations

import re

from cohost.compliance.text import NormalizedText

_ADDRESSEE = r"(?:跟|和|给|对|向|替)?(?:你们|你|大家|您|各位|家人们|宝宝们|宝子们|姐妹们|朋友们)?"
_REFUSED = re.compile(r"(?:不|没|别|不会|不能|不敢|不想|从来不|从不|绝不|不再)" + _ADDRESSEE
                      + r"(?:乱|瞎|随便)?(?:说|讲|编|吹|喊|承诺|保证|忽悠|扯|夸|写)(?:过)?(?:什么|啥|那种|这种|那些|这些)")
_REPORTER = (r"(?:有(?:个|位|些)?(?:人|宝宝|宝子|朋友|观众|粉丝|网友|姐妹|家人|老铁|小伙伴|同学)|"
             r"评论区|公屏|弹幕|别人|别家|人家|网上)")
_REPORTED = re.compile(_REPORTER + r"[^,。!?;]{0,8}?(?:说|讲|问|发|刷|打)(?:了|的是|过)?")
# the host refuses to repeat or endorse the words (我们不跟着说, 这个不能说); telling the room the speaker lies (别信,
# 是黑子) is a claim of its own and disowns nothing
_DISOWN = re.compile(r"不跟着?说|不跟风|不这么说|不那么说|不能这么说|不能说|不说这|我们不说|不会这么说|没这回事|"
                     r"这个不对|不认同|不能这样说|不能那样说|不该这么说|不能讲|不讲这|不评价|不做评价|不参与|不带节奏")
_SLIP = re.compile(r"口误|说错了|说错|讲错了|纠正一下|更正一下|纠正下|更正")
_NOT_CLAUSE = re.compile(r"[\s]*(?:而)?不是")


def disowned(norm: NormalizedText) -> list[tuple[int, int]]:
    """The [start, end) spans of ``norm`` said but not claimed by the host."""
    text = norm.text
    out: list[tuple[int, int]] = []
    for m in _REFUSED.finditer(text):
        _, c_end = norm.clause(m.start())
        out.append((m.end(), c_end))
    for m in _REPORTED.finditer(text):
        _, c_end = norm.clause(m.end() - 1)
        _, s_end = norm.sentence(m.start())
        if _DISOWN.search(text, c_end, s_end):
            out.append((m.end(), c_end))
    if _SLIP.search(text):
        for m in _NOT_CLAUSE.finditer(text):
            c_start, c_end = norm.clause(m.start())
            if text[c_start:m.start()].strip(" ,") == "":
                _, s_end = norm.sentence(m.start())
                if _SLIP.search(text, c_end, min(s_end, c_end + 16)):
                    out.append((m.end(), c_end))
    return out


def inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


__all__ = ["disowned", "inside"]
