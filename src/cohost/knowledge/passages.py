"""Sentences of a long text (usage, cautions) that answer a question the label never names.

A usage or cautions text speaks of many things; a question about one of them ("红酒要醒多久", "奶嘴多久换一次",
"杯子能微波炉加热吗") shares a word or two with one sentence of it and nothing with its label. Two readings let
such a sentence answer:

- a measure: the question asks how long, how often or how hot ("多久", "几秒", "多少度") and one sentence holds
  the question's own words (most of them, a character of each at least) next to a number in a unit of that
  measure ("开瓶后建议醒酒约30分钟" for "要醒多久"; "停留5-8秒" for "卷的时候停几秒");
- a prohibition: the question asks whether something may be done ("能…吗", "可以…吗") and one sentence that
  forbids ("请勿", "不可", "禁止"…) names the thing asked about by a word of two or more characters
  ("不可放入微波炉" for "能微波炉加热吗") or by two words of one character ("痣…禁止照射" for "有痣的地方能照吗").

Only sentences are compared, never the whole text, so words scattered over several sentences do not add up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cohost.knowledge.coverage import CJK, FUNCTION_CHARS

_SENTENCE = re.compile(r"[；;。！!？?\n]+")
# what is measured, by the question's words → the units a sentence answers it in
_MEASURES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"多久|多长时间|多少时间|几(?:秒|分钟|小时|天|周|个月|年)|多少(?:秒|分钟|小时|天)"),
     re.compile(r"\d\s*(?:秒|分钟|分|小时|天|日|周|个月|月|年)")),
    (re.compile(r"多少度|几度|多少℃|水温|温度"), re.compile(r"\d\s*(?:℃|°c|度)")),
)
_MAY = re.compile(r"能不能|可不可以|能否|可以.*[吗么嘛]|能.*[吗么嘛]|会不会")
_FORBID = re.compile(r"请勿|勿|不可|不能|不要|禁止|禁用|避免|不宜|不建议|严禁")
# words that ask for the best value, not about a thing: "多少度合适" asks the temperature
_JUDGING = re.compile(r"^(?:合适|适合|最好|最佳|正好|刚好|适宜)$")
_UNIT_ONLY = re.compile(r"^(?:度|秒|分钟|小时|天|次|个月|月|年)$")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.lower()) if s.strip()]


def _held(term: str, sentence: str) -> bool:
    """The word itself, or every character of it that is no question or function character ("停几秒" ↔
    停留5-8秒)."""
    if term in sentence:
        return True
    chars = {c for c in term if CJK.match(c) and c not in FUNCTION_CHARS}
    return bool(chars) and all(c in sentence for c in chars)


def measure_units(question: str) -> re.Pattern[str] | None:
    """The units of the measure a question asks ("多久" → 秒/分钟/…), or None."""
    return next((units for asked, units in _MEASURES if asked.search(question)), None)


def measured(question: str, terms: Sequence[str], text: str) -> bool:
    """A sentence of ``text`` holds the words asked about and a number in the unit of the measure asked."""
    words = [t for t in terms if not _UNIT_ONLY.match(t) and not _JUDGING.match(t)
             and any(CJK.match(c) and c not in FUNCTION_CHARS for c in t)]
    if not words:
        return False
    for asked, units in _MEASURES:
        if not asked.search(question):
            continue
        for sentence in sentences(text):
            if not units.search(sentence):
                continue
            if all(_held(t, sentence) for t in words):
                return True
    return False


def forbidden(question: str, terms: Sequence[str], text: str) -> bool:
    """"能微波炉加热吗" ↔ "不可放入微波炉": a sentence forbidding the thing the question asks leave to do."""
    if not _MAY.search(question):
        return False
    words = [t for t in terms if len(t) >= 2 and all(CJK.match(c) for c in t)]
    chars = {t for t in terms if len(t) == 1 and CJK.match(t) and t not in FUNCTION_CHARS}
    # a word of two characters or more, or two one-character words ("有痣的地方能照吗" ↔ 痣、色斑处禁止照射)
    return any(_FORBID.search(s) and (any(w in s for w in words) or sum(c in s for c in chars) >= 2)
               for s in sentences(text))
