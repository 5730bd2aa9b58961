"""Trigger characters: a pre-screen that skips regular expressions which cannot match a text.

Every non-empty match of a pattern starts with a character the pattern consumes first. ``first_chars``
reads that set off the compiled pattern's parse tree (``re._parser``): the literals and small character
classes a match can begin with. When a text holds none of them, ``pattern.search(text)`` is ``None`` —
so skipping the search changes nothing. A pattern the reading cannot bound (it can match the empty
string, starts with ``.``, ``\\w``, a negated or large class, a back-reference, or is case-insensitive)
has no trigger set and is always searched.

Constraints: the screen only ever skips a search whose result is provably ``None``; it never decides a
match. ``Triggers.candidates`` keeps the patterns' order. Memory is bounded by the patterns (one entry
per trigger character), not by the texts screened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAX_RANGE = 512  # a class wider than this ("[\u4e00-\u9fff]") is not worth a trigger set: always searched


def _class_chars(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > _MAX_RANGE:
                return None
            out.update(chr(code) for code in range(lo, hi + 1))
        else:  # NEGATE, CATEGORY (\d, \w, \s), anything else: unbounded
            return None
    return out


def _first(seq: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(the characters a match of ``seq`` can start with, whether ``seq`` can match the empty string), or
    None when that cannot be bounded."""
    acc: set[str] = set()
    for op, av in seq:
        part: tuple[set[str], bool] | None
        if op is _c.LITERAL:
            part = ({chr(av)}, False)
        elif op is _c.IN:
            chars = _class_chars(av)
            part = None if chars is None else (chars, False)
        elif op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            part = (set(), True)  # zero-width: consumes nothing, the match starts after it
        elif op is _c.BRANCH:
            union: set[str] = set()
            nullable = False
            for branch in av[1]:
                sub = _first(branch)
                if sub is None:
                    return None
                union |= sub[0]
                nullable = nullable or sub[1]
            part = (union, nullable)
        elif op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub_pattern = av
            if add_flags & re.IGNORECASE:
                return None
            part = _first(sub_pattern)
        elif op is _c.ATOMIC_GROUP:
            part = _first(av)
        elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT or op is _c.POSSESSIVE_REPEAT:
            low, high, sub_pattern = av
            if high == 0:
                part = (set(), True)
            else:
                sub = _first(sub_pattern)
                part = None if sub is None else (sub[0], sub[1] or low == 0)
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, …: unbounded
            return None
        if part is None:
            return None
        acc |= part[0]
        if not part[1]:
            return acc, False
    return acc, True


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with, or None when it cannot be bounded (then
    the pattern must always be searched)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None
    found = _first(parsed)
    if found is None or found[1]:  # unbounded, or it can match "" (a search then always matches)
        return None
    return frozenset(found[0])


class Triggers:
    """A pre-screen for a fixed list of patterns: ``candidates(text)`` gives, in order, the indices of
    the patterns that can match ``text``; the others are certainly ``search(text) is None``."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.size = len(patterns)
        always: list[int] = []
        by_char: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            chars = first_chars(pattern)
            if chars is None:
                always.append(index)
                continue
            for char in chars:
                by_char.setdefault(char, []).append(index)
        self._always = frozenset(always)
        self._by_char = {char: tuple(indices) for char, indices in by_char.items()}

    def candidates(self, text: str) -> list[int]:
        by_char = self._by_char
        hits = set(self._always)
        for char in set(text):
            found = by_char.get(char)
            if found is not None:
                hits.update(found)
        return sorted(hits)


__all__ = ["Triggers", "first_chars"]
