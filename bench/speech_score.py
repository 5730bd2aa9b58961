"""Scoring of the Whisper round trip (bench/speech.py): what was meant to be said vs what Whisper wrote.

Both sides go through exactly the same steps, so a difference is a difference in what was heard:

1. traditional → simplified characters (zhconv; Whisper often writes traditional);
2. ``normalize()``: digits, units, prices, dates and Latin acronyms become the words the voice says, so
   Whisper's "99元" and the script's "¥99" both become 九十九元;
3. Latin words → the hanzi reading the neural voices use (``transliterate``: iPhone → 爱疯, L → 艾勒), so
   "iPhone" and 爱疯 compare equal whichever way the voice said it and Whisper wrote it;
4. ``fold()`` (only with ``fold=True``, reported separately): spellings that are the same spoken word in
   more than one written form: 两/二 (两百 = 二百: Whisper does not know which one the anchor used),
   and the written variants 〇 → 零, 幺 → 一 (phone digits);
5. only hanzi are compared (punctuation, spaces and anything unreadable are dropped).

Every reference character carries a category (numbers, units, latin, other) taken from the part of the
original sentence it was normalised from, so errors can be broken down by what the voice had to say.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from cohost.speech import lexicon as lx
from cohost.speech import normalize
from cohost.speech.worker import transliterate

HANZI = re.compile(r"[\u3400-\u9fff]")
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_UNIT_READINGS = sorted({v for v in lx.UNITS.values() if v}, key=len, reverse=True)
_FOLD = str.maketrans({"两": "二", "〇": "零", "幺": "一"})
CATEGORIES = ("numbers", "units", "latin", "other")


def simplified(text: str) -> str:
    import zhconv

    return str(zhconv.convert(text, "zh-cn"))


def _tag_normalised(original: str, spoken: str) -> list[str]:
    """A category per character of ``spoken`` (the normalised form of ``original``)."""
    tags = ["other"] * len(spoken)
    matcher = difflib.SequenceMatcher(None, original, spoken, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or j1 == j2:
            continue
        source = original[i1:i2]
        target = spoken[j1:j2]
        has_digit = any(c.isdigit() for c in source)
        kind = "numbers" if has_digit or any(c in "%％¥$" for c in source) else (
            "latin" if any(c.isascii() and c.isalpha() for c in source) else "other")
        if any(c in "℃°" for c in source) and not has_digit:
            kind = "units"
        for j in range(j1, j2):
            tags[j] = kind
        if has_digit:  # "30ml" → 三十毫升: the unit's reading at the end is a unit, not a number
            stripped = target.rstrip()
            for reading in _UNIT_READINGS:
                if stripped.endswith(reading):
                    end = j1 + len(stripped)
                    for j in range(end - len(reading), end):
                        tags[j] = "units"
                    break
    return tags


def tagged(text: str, *, fold: bool = False) -> list[tuple[str, str]]:
    """The hanzi said for ``text``, each with its category."""
    original = simplified(text)
    spoken = normalize(original)
    tags = _tag_normalised(original, spoken)
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _LATIN_RUN.finditer(spoken):
        out.extend(zip(spoken[pos:m.start()], tags[pos:m.start()], strict=True))
        tag = tags[m.start()]
        if m.start() and tags[m.start() - 1] == "numbers" and (m[0] in lx.UNITS or m[0] in lx.UNITS.values()):
            tag = "units"  # 16GB → 十六G: the G is the unit
        out.extend((c, tag if tag != "other" else "latin") for c in transliterate(m[0]))
        pos = m.end()
    out.extend(zip(spoken[pos:], tags[pos:], strict=True))
    chars = [(c.translate(_FOLD) if fold else c, t) for c, t in out if HANZI.fullmatch(c)]
    return chars


def tokens(text: str, *, fold: bool = False) -> list[str]:
    return [c for c, _ in tagged(text, fold=fold)]


def syllables(chars: Sequence[str]) -> list[str]:
    """Toneless pinyin, one per character: separates homophone spellings from mispronounced sounds."""
    from pypinyin import Style, lazy_pinyin

    return [lazy_pinyin(c, style=Style.NORMAL)[0] for c in chars]


def align(ref: Sequence[str], hyp: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """A minimum-edit alignment: pairs (ref index, hyp index); None on one side is an insertion/deletion."""
    n, m = len(ref), len(hyp)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                             cost[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]))
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1]


@dataclass
class Score:
    """Character and toneless-syllable errors over a set of sentences, with a breakdown by category."""

    chars: int = 0
    errors: int = 0
    syllable_errors: int = 0
    ref_by: Counter[str] = field(default_factory=Counter)
    err_by: Counter[str] = field(default_factory=Counter)
    syl_by: Counter[str] = field(default_factory=Counter)
    worst: list[tuple[float, str, str]] = field(default_factory=list)

    @property
    def cer(self) -> float:
        return self.errors / max(1, self.chars)

    @property
    def ser(self) -> float:
        return self.syllable_errors / max(1, self.chars)

    def add(self, reference: str, heard: str, *, fold: bool = False) -> None:
        ref = tagged(reference, fold=fold)
        hyp = tokens(heard, fold=fold)
        chars = [c for c, _ in ref]
        cats = [t for _, t in ref]
        self.chars += len(ref)
        self.ref_by.update(cats)
        errors = self._charge(cats, align(chars, hyp), chars, hyp, self.err_by)
        ref_syl, hyp_syl = syllables(chars), syllables(hyp)
        self.syllable_errors += self._charge(cats, align(ref_syl, hyp_syl), ref_syl, hyp_syl, self.syl_by)
        self.errors += errors
        self.worst.append((errors / max(1, len(ref)), "".join(chars), heard))

    @staticmethod
    def _charge(cats: list[str], pairs: list[tuple[int | None, int | None]], ref: Sequence[str],
                hyp: Sequence[str], into: Counter[str]) -> int:
        errors = 0
        last = "other"
        for i, j in pairs:
            if i is not None:
                last = cats[i]
            if i is None or j is None or ref[i] != hyp[j]:
                errors += 1
                into[cats[i] if i is not None else last] += 1  # an insertion: charged to what it follows
        return errors

    def breakdown(self) -> str:
        parts = []
        for cat in CATEGORIES:
            if self.ref_by[cat]:
                parts.append(f"{cat} {self.err_by[cat]}/{self.ref_by[cat]} "
                             f"({100 * self.err_by[cat] / self.ref_by[cat]:.0f} %)")
        return ", ".join(parts)

    def syllable_breakdown(self) -> str:
        return ", ".join(f"{cat} {self.syl_by[cat]}" for cat in CATEGORIES if self.ref_by[cat])


def score(references: Sequence[str], heard: Sequence[str], *, fold: bool = False) -> Score:
    result = Score()
    for ref, hyp in zip(references, heard, strict=True):
        result.add(ref, hyp, fold=fold)
    result.worst.sort(reverse=True)
    return result
