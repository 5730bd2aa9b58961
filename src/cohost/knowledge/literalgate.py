"""Literal gate: which of many regular expressions can match a text, from one Aho-Corasick pass.

Each pattern's parse tree (CPython's own ``re._parser``) gives a set of literal strings one of which occurs in
*any* text the pattern matches (``required``); a text containing none of them cannot match, so its search is
skipped. A pattern that can match is run unchanged, so every match is the pattern's own: the gate only skips
searches that must fail. A pattern whose tree cannot be read (or that requires nothing) is never gated.

    gate = LiteralGate((re.compile("退款|退钱"), re.compile(r"\\d+")))
    gate.text("什么时候退款").search(pattern)      # runs the first pattern; the second is ungated

Constraint: results equal ``pattern.search(text)`` for every pattern and text (tests/unit/test_live_perf_s3.py
checks the required strings against every match of a large corpus).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import ahocorasick

# the parse tree of the patterns (CPython's own regular-expression parser; it has no type stubs)
_c: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")

# Why: most comments match none of a module's patterns, and patterns whose branches start with an optional
# group or a class cannot be skipped ahead by ``re`` (it tries every branch at every position).

_MAX_EXACT = 512  # largest set of alternative strings followed through a concatenation


def _exact_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 16:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\s, \d, \w) or a wide range: any character
            return None
    return chars if len(chars) <= _MAX_EXACT else None


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two required sets (longer shortest string, then fewer strings)."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _info(seq: Any) -> tuple[set[str] | None, frozenset[str] | None]:
    """(every string the sequence can match, when few; else None), (a set of strings one of which occurs in
    every match, or None when nothing is required)."""
    run: set[str] | None = {""}
    best: frozenset[str] | None = None
    whole = True
    for op, av in seq:
        exact: set[str] | None
        required: frozenset[str] | None = None
        if op is _c.LITERAL:
            exact = {chr(av)}
        elif op is _c.IN:
            exact = _exact_chars(av)
        elif op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
            exact = {""}  # zero width (what an assertion requires is ignored: weaker, still necessary)
        elif op is _c.SUBPATTERN:
            exact, required = _info(av[3])
        elif op is _c.BRANCH:
            infos = [_info(alt) for alt in av[1]]
            exact = set()
            for e, _ in infos:
                if e is None:
                    exact = None
                    break
                exact |= e
            if exact is not None and len(exact) > _MAX_EXACT:
                exact = None
            if exact is None:
                needs = [frozenset(e) if e is not None and len(e) <= _MAX_EXACT else r for e, r in infos]
                needs = [_better(n, None) for n in needs]
                if all(n is not None for n in needs):
                    required = frozenset().union(*needs)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            sub_exact, sub_required = _info(sub)
            if low == 0 and high == 1 and sub_exact is not None:
                exact = sub_exact | {""}
            else:
                exact = None
                if low >= 1:
                    required = _better(frozenset(sub_exact) if sub_exact is not None else None, sub_required)
                    if low == high == 1:
                        exact = sub_exact
        else:  # any character, a back reference, anything else: no constraint
            exact = None
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = {a + b for a in run for b in exact}
            continue
        # the run of exactly known strings ends here: it is one candidate; this item may start the next
        whole = False
        if run is not None:
            best = _better(best, frozenset(run))
        best = _better(best, required)
        run = exact
    if whole:
        return run, _better(None, frozenset(run)) if run is not None else None
    if run is not None:
        best = _better(best, frozenset(run))
    return None, best


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which occurs in every text ``pattern`` matches, or None (then it is never gated)."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        exact, needed = _info(tree)
    except Exception:  # a parser that changed shape: run the pattern every time rather than guess
        return None
    return _better(frozenset(exact) if exact is not None else None, needed)


class LiteralGate:
    """Which of the gated patterns can match a text, from one pass of an Aho-Corasick automaton."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.bit: dict[int, int] = {}  # by id(): hashing a compiled pattern hashes its whole program
        masks: dict[str, int] = {}
        for i, pattern in enumerate(patterns):
            strings = required(pattern)
            if strings is None:
                continue  # not gated: always run
            self.bit[id(pattern)] = 1 << i
            for word in strings:
                masks[word] = masks.get(word, 0) | 1 << i
        self.automaton = ahocorasick.Automaton()
        for word, mask in masks.items():
            self.automaton.add_word(word, mask)
        self.automaton.make_automaton()
        self.gated = sum(self.bit.values())

    def text(self, text: str) -> Gated:
        """``text`` with the patterns that can match it, for ``Gated.search``."""
        return Gated(self, text)

    def possible(self, text: str) -> int:
        """The bits of the gated patterns whose required strings occur in ``text`` (ungated ones: all set)."""
        bits = ~self.gated
        for _, mask in self.automaton.iter(text):
            bits |= mask
        return bits


class Gated:
    """One text and the patterns that can match it."""

    __slots__ = ("bits", "gate", "text")

    def __init__(self, gate: LiteralGate, text: str) -> None:
        self.gate = gate
        self.text = text
        self.bits = gate.possible(text)

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped (None) when the gate says it cannot match."""
        bit = self.gate.bit.get(id(pattern))
        if bit is not None and not self.bits & bit:
            return None
        return pattern.search(self.text)
