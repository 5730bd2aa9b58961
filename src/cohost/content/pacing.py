"""How long a line takes to say, and the cue marks inside it.

A script line mixes what the anchor says with cue marks in square brackets for the operator and the
virtual anchor. The vocabulary (``CUES``):

    [展示] hold the product to camera     [特写] close-up             [试用] demonstrate / try on
    [上链接] pin the product link         [倒计时] countdown (only with a real promotion window)
    [互动] call for comments or votes     [看评论] read the comments  [切换] switch product
    [停顿N秒] a planned silent pause of N seconds (interaction time), counted in the segment's length

Timing: Chinese live-commerce speech runs at about 4–5 characters a second; the default is 4.5 and is
configurable. A number is counted by how it is read (``89`` → 八十九, three syllables; ``2026`` as a
year → four), a Latin word as two characters, punctuation as nothing (the rate already includes the
natural breath between phrases). Pauses come only from ``[停顿N秒]`` marks, so a segment's ``seconds``
can always be recomputed from its lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CUES = ("展示", "特写", "试用", "上链接", "倒计时", "互动", "看评论", "切换")
CUE_RE = re.compile(r"\[([^\[\]\n]{1,16})\]")
PAUSE_RE = re.compile(r"^停顿(\d{1,3})秒$")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_LATIN_RE = re.compile(r"[A-Za-z]+")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MAX_PAUSE = 300


def pause(seconds: int) -> str:
    """The cue mark for a planned pause."""
    return f"[停顿{max(1, min(MAX_PAUSE, int(seconds)))}秒]"


def is_cue(name: str) -> bool:
    return name in CUES or PAUSE_RE.match(name) is not None


def cues(line: str) -> list[str]:
    """The known cue marks in a line, in order (unknown bracketed text is not a cue)."""
    return [m.group(1) for m in CUE_RE.finditer(line) if is_cue(m.group(1))]


def strip_cues(line: str) -> tuple[str, list[int]]:
    """The spoken text of a line without cue marks, and for each of its characters the index in ``line``.

    The index map lets a span found in the spoken text (a compliance finding) be applied to the line.
    """
    spoken: list[str] = []
    where: list[int] = []
    pos = 0
    for m in CUE_RE.finditer(line):
        if not is_cue(m.group(1)):
            continue
        for i in range(pos, m.start()):
            spoken.append(line[i])
            where.append(i)
        pos = m.end()
    for i in range(pos, len(line)):
        spoken.append(line[i])
        where.append(i)
    return "".join(spoken), where


def spoken_text(line: str) -> str:
    return strip_cues(line)[0]


def _number_syllables(token: str) -> int:
    whole, _, frac = token.partition(".")
    digits = whole.lstrip("0") or "0"
    n = len(digits)
    if n == 4 and digits.startswith(("19", "20")):  # a year is read digit by digit
        read = 4
    elif n <= 4:
        # each non-zero digit and its place (百, 十, …); zeros inside are read once (零)
        read = sum(2 if d != "0" and i < n - 1 else (1 if d != "0" else 0) for i, d in enumerate(digits))
        read += 1 if "0" in digits.strip("0") else 0
        read = max(1, read - (1 if n == 2 and digits[0] == "1" else 0))  # 十五, not 一十五
    else:
        read = n + n // 4  # long numbers: digit-wise with 万/亿 units, a fair estimate
    return read + (1 + len(frac) if frac else 0)


@dataclass(frozen=True, slots=True)
class Pacing:
    """Speaking rate (characters per second) and how the other things in a line count."""

    chars_per_second: float = 4.5
    latin_word_chars: float = 2.0

    def __post_init__(self) -> None:
        if not 1.0 <= self.chars_per_second <= 12.0:
            raise ValueError("speaking rate must be between 1 and 12 characters per second")

    def spoken_chars(self, line: str) -> float:
        text = spoken_text(line)
        count = 0.0
        for m in _NUMBER_RE.finditer(text):
            count += _number_syllables(m.group())
        text = _NUMBER_RE.sub(" ", text)
        count += self.latin_word_chars * len(_LATIN_RE.findall(text))
        count += len(_CJK_RE.findall(text))
        return count

    def pauses(self, line: str) -> float:
        total = 0.0
        for name in cues(line):
            m = PAUSE_RE.match(name)
            if m:
                total += min(MAX_PAUSE, int(m.group(1)))
        return total

    def speech_seconds(self, line: str) -> float:
        return self.spoken_chars(line) / self.chars_per_second

    def seconds(self, lines: list[str] | tuple[str, ...]) -> float:
        """Spoken time plus planned pauses, rounded to a tenth of a second."""
        return round(sum(_line_seconds(self, x) for x in lines), 1)

    def pause_seconds(self, lines: list[str] | tuple[str, ...]) -> float:
        return float(sum(self.pauses(x) for x in lines))

    def chars_for(self, seconds: float) -> float:
        return seconds * self.chars_per_second


@lru_cache(maxsize=65536)
def _line_seconds(pacing: Pacing, line: str) -> float:
    return pacing.speech_seconds(line) + pacing.pauses(line)


def sentences(text: str) -> list[str]:
    """Split a line into sentences, keeping each sentence's closing punctuation and trailing cue marks."""
    parts = re.findall(r"[^。！？!?；;]*[。！？!?；;]+(?:\[[^\[\]\n]{1,16}\])*|[^。！？!?；;]+$", text)
    return [p for p in parts if p.strip()]
