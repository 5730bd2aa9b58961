"""Normalised text for matching, with a map back to the caller's characters (compliance.md §16).

Rules are written against the normalised form: NFKC (full-width → half-width, so "，" is "," and
"！" is "!"), ASCII lower-case, traditional → simplified characters (OpenCC's table), evasion fillers
removed between two Chinese characters (spaces, zero-width characters, ``*·•_^#`` and emoji, so
"最 好"/"最*好"/"最🔥好" read "最好"), a separator alternating between single characters removed
("最.好.用" reads "最好用"), "zui" before a Chinese character read as 最 and "di" before 一/1 as 第.

Constraints:

- Every normalised character knows the [start, end) of the original characters it came from, so a
  finding's span always points at the caller's text: ``text[span[0]:span[1]]`` is what was matched.
- The common case (already-normal simplified text without fillers) costs one ``str.translate`` and
  two scans, with no per-character Python loop; the slow path is linear.
- Clause and sentence boundaries, quotes and the position maps are computed lazily, once per text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache
from importlib import resources

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_FILLER = re.compile(
    rf"(?<=[{CJK}])(?:[\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff*·•・_^#\ufe0f\u20e3"
    rf"\u2600-\u27bf\U0001f000-\U0001faff])+(?=[{CJK}])"
)
_ZUI = re.compile(rf"zui(?=[{CJK}])")
# 醉 (and the rare look-alike 蕞) for their homophone 最 before a quality or price word (醉好喝, 蕞好, 醉划算);
# 喝醉/陶醉/醉酒 stay as they are
_ZUI_HOMOPHONE = re.compile(r"(?<![喝陶沉麻宿酒迷心烂微半灌宿买])[醉蕞](?=好|强|便宜|低|美|棒|划算|实惠|值|牛|火|热|受欢迎|佳|优|正宗|顶|舒服|适合|保湿|显白|耐用|香)")
# a pinyin syllable spelled out between Chinese characters to dodge a keyword filter (消 yan 祛 dou, 治 liao):
# only syllables of medical words, only as a separate token next to a Chinese character (never "ai", which is AI)
# (zeng强mian疫力, 降 xue 压: the function-claim syllables too)
_PINYIN = {"yan": "炎", "dou": "痘", "liao": "疗", "yao": "药", "bing": "病", "ban": "斑", "zhi": "治", "zeng": "增",
           "mian": "免", "jiang": "降", "xue": "血",
           # the crown and fortune words spelled out the same way (精华界的 tian 花板, zhao财又辟xie)
           "tian": "天", "zhao": "招", "xie": "邪"}
_PINYIN_TOKEN = re.compile(rf"(?<=[{CJK}])\s*(?P<py>{'|'.join(_PINYIN)})(?![a-z])\s*(?=[{CJK}]|[\s,。!?;~]|$)")
# pinyin for 第 before a digit (di一, di1): live rooms spell the ranking word out to dodge keyword filters
_DI = re.compile(r"(?<![a-z])di(?=[一1])")
# one separator repeated between single characters (最.好.用, 治-疗-脚-气): a dodge when it alternates at
# least twice; a lone dot or dash between two characters is ordinary punctuation and stays
_SEP = r"[./|\-~]"
_SPACED = re.compile(rf"(?<=[{CJK}]){_SEP}(?=[{CJK}]{_SEP}[{CJK}])|(?<=[{CJK}]{_SEP}[{CJK}]){_SEP}(?=[{CJK}])")
# Clause ends: commas, stops, semicolons, enumeration commas, line breaks, tildes, ellipses and dashes.
_CLAUSE_END = re.compile(r"[,。!?;、\n~|]|\.(?!\d)|——|--|\s{2,}")
_SENTENCE_END = re.compile(r"[。!?\n]|\.{2,}|\.(?![\da-z])")
_DIGIT_COMMA = re.compile(r"(?<=\d)，(?=\d)")
_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "《": "》", "【": "】"}


def _maybe_pinyin(text: str) -> bool:
    """A cheap test before the pinyin regex: most Chinese lines hold no Latin letters at all."""
    return any(syllable in text for syllable in _PINYIN) and _PINYIN_TOKEN.search(text) is not None


def _maybe_spaced(text: str) -> bool:
    """A cheap test before the look-around regex: most lines hold none of the separators."""
    return any(sep in text for sep in "./|-~") and _SPACED.search(text) is not None


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table.update({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
    text = resources.files("cohost.compliance").joinpath("rules/tables/t2s.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = line[1]
    return table


def normalize_term(term: str) -> str:
    """The normalised form of a lexicon word (what the matcher sees), without an offset map."""
    return NormalizedText(term).text


class NormalizedText:
    """``text`` is the normalised form of ``original``; spans convert back with :meth:`original_span`."""

    __slots__ = ("_clauses", "_ends", "_quotes", "_sentences", "_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        if "，" in original:  # a Chinese comma between figures (立减100，899减100) is a pause, never 100,899
            original = _DIGIT_COMMA.sub(";", original)
        table = _table()
        quick = original.translate(table)
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._clauses: list[int] | None = None
        self._sentences: list[int] | None = None
        self._quotes: list[tuple[int, int]] | None = None
        if (len(quick) == len(original) and unicodedata.is_normalized("NFKC", quick)
                and _FILLER.search(quick) is None and "zui" not in quick and "醉" not in quick and "蕞" not in quick
                and not _maybe_pinyin(quick)
                and ("di" not in quick or _DI.search(quick) is None) and not _maybe_spaced(quick)):
            self.text = quick
            return
        self._slow(original, table)

    def _slow(self, original: str, table: dict[int, str]) -> None:
        chars: list[str] = []
        starts: list[int] = []
        for i, char in enumerate(original):
            out = char.translate(table)
            if not unicodedata.is_normalized("NFKC", out):
                out = unicodedata.normalize("NFKC", out).translate(table)
            for c in out:
                chars.append(c)
                starts.append(i)
        ends = [s + 1 for s in starts]
        text = "".join(chars)
        # pinyin twice: a syllable after a syllable (治 zhi liao) reads once the first is a character again
        for pattern, repl in ((_PINYIN_TOKEN, "*"), (_PINYIN_TOKEN, "*"), (_FILLER, ""), (_SPACED, ""), (_ZUI, "最"), (_ZUI_HOMOPHONE, "最"),
                              (_DI, "第")):
            if pattern.search(text) is None:
                continue
            new_chars: list[str] = []
            new_starts: list[int] = []
            new_ends: list[int] = []
            last = 0
            for m in pattern.finditer(text):
                new_chars.extend(text[last:m.start()])
                new_starts.extend(starts[last:m.start()])
                new_ends.extend(ends[last:m.start()])
                if repl == "*":  # a pinyin syllable → its character, mapped to the syllable's letters
                    py = m.group("py")
                    new_chars.append(_PINYIN[py])
                    new_starts.append(starts[m.start("py")])
                    new_ends.append(ends[m.end("py") - 1])
                elif repl:
                    new_chars.append(repl)
                    new_starts.append(starts[m.start()])
                    new_ends.append(ends[m.end() - 1])
                last = m.end()
            new_chars.extend(text[last:])
            new_starts.extend(starts[last:])
            new_ends.extend(ends[last:])
            text, starts, ends = "".join(new_chars), new_starts, new_ends
        self.text = text
        self._starts, self._ends = starts, ends

    # positions ------------------------------------------------------------------------------------
    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the normalised text → [start, end) of the original text."""
        if self._starts is None or self._ends is None:
            return start, end
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def clause(self, pos: int) -> tuple[int, int]:
        """The [start, end) of the clause (between commas, stops, …) holding normalised position ``pos``."""
        if self._clauses is None:
            self._clauses = [m.start() for m in _CLAUSE_END.finditer(self.text)]
        return _bounds(self._clauses, pos, len(self.text))

    def sentence(self, pos: int) -> tuple[int, int]:
        """The [start, end) of the sentence holding ``pos``; the end includes its closing punctuation."""
        if self._sentences is None:
            self._sentences = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        start, end = _bounds(self._sentences, pos, len(self.text))
        return start, min(len(self.text), end + 1)

    def quote_around(self, start: int, end: int) -> tuple[int, int] | None:
        """The [open, close] positions of the innermost quotation mark pair around [start, end), if any."""
        if self._quotes is None:
            self._quotes = sorted(_quote_pairs(self.text))
        # pairs nest or follow each other: walk back from the last opening before ``start``
        i = bisect_left(self._quotes, (start, -1)) - 1
        for q_open, q_close in reversed(self._quotes[max(0, i - 32):i + 1]):
            if q_open < start and end <= q_close:
                return q_open, q_close
        return None


def _bounds(marks: list[int], pos: int, length: int) -> tuple[int, int]:
    i = bisect_left(marks, pos)  # the first boundary at or after pos
    start = marks[i - 1] + 1 if i > 0 else 0
    end = marks[i] if i < len(marks) else length
    return start, max(start, end)


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if stack and char == _QUOTES[stack[-1][0]]:
            _, pos = stack.pop()
            pairs.append((pos, i))
        elif char in _QUOTES and len(stack) < 16:
            stack.append((char, i))
    return pairs
