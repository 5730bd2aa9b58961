"""What the anchor says: one ``Line`` per sentence, with where it came from, and the cue marks of scripts.

A script line may carry stage directions in square brackets (formats.md §3): ``[展示]`` ``[上链接]``
``[倒计时]`` ``[切换]`` are cues for the stage page and the operator, ``[停顿N秒]`` is a silent pause
after the sentence. Cues are never spoken; ``parse_line`` takes them out.

Sources (the audit's ``source``): ``script`` (segment i, line j), ``answer`` (group X), ``filler``,
``promotion`` (a timed offer read from facts), ``recap`` (price read from facts), ``notice`` (the spoken
AI notice) and ``human`` (the person who took over). Only ``human`` lines skip the compliance block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

LineKind = Literal["script", "answer", "filler", "promotion", "recap", "notice", "human"]
_CUE = re.compile(r"\[([^\[\]\n]{1,12})\]")
_PAUSE = re.compile(r"停顿\s*(\d+(?:\.\d+)?)\s*秒")
MAX_PAUSE = 60.0


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence to say. ``text`` is as written (cue marks taken out); ``source`` locates it."""

    text: str
    kind: LineKind
    source: Mapping[str, Any] = field(default_factory=dict)
    facts: tuple[str, ...] = ()
    sku: str | None = None
    cues: tuple[str, ...] = ()
    pause: float = 0.0
    ready: float | None = None  # monotonic time it became ready to say (answers: the group's answer)
    by: str | None = None  # the person, for human lines

    def describe(self) -> dict[str, Any]:
        return {"kind": self.kind, **dict(self.source)}


def parse_line(raw: str) -> tuple[str, tuple[str, ...], float]:
    """``(spoken text, cues, pause seconds)`` of a script line."""
    cues: list[str] = []
    pause = 0.0
    for match in _CUE.finditer(raw):
        cue = match.group(1).strip()
        found = _PAUSE.search(cue)
        if found:
            pause += min(MAX_PAUSE, float(found.group(1)))
            cues.append("pause")
        else:
            cues.append(cue)
    text = re.sub(r"\s{2,}", " ", _CUE.sub("", raw)).strip()
    return text, tuple(cues), pause


def has_speech(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
