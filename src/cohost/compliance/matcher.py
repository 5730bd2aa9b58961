"""Finding candidate hits: one Aho-Corasick pass for every lexicon word and allow phrase, then the regexes.

Constraints:

- Built once per rule set (``Matcher(rules)``) and read-only afterwards, so one matcher serves every
  thread; a scan allocates only its own lists.
- A hit is dropped when one of its rule's allow phrases or allow patterns covers it entirely
  (第一 inside 第一次, 最好 inside 最好先, 招财 inside 招财猫); a longer hit that merely overlaps an allow
  phrase stays (全国第一 is not excused by 第一次 in 全国第一次).
- A regex with ``needs`` runs only when the same Aho-Corasick pass saw one of those substrings, so a
  line costs one automaton pass plus the few regexes it can match, not every regex of every rule.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick

from cohost.compliance.rules import Rule, Trigger
from cohost.compliance.text import CJK, NormalizedText

_STOP = frozenset("的地得了啦呀哦吧是也就都还又和与及很呢吗嘛么啊哈噢耶在给让把被从向对跟比")
_IS_CJK = re.compile(f"[{CJK}]")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate: rule and trigger matched normalised [start, end); ``groups`` are regex named groups."""

    rule: Rule
    trigger: Trigger
    start: int
    end: int
    groups: tuple[tuple[str, str], ...] = ()
    core_end: int = -1  # end before ``extend`` grew the hit; allow phrases are judged against it

    def group(self, name: str) -> str | None:
        return next((v for k, v in self.groups if k == name), None)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit() or c == "x")


def _valid(kind: str, text: str) -> bool:
    digits = _digits(text)
    if kind == "luhn":
        if not 16 <= len(digits) <= 19 or "x" in digits:
            return False
        total = 0
        for i, char in enumerate(reversed(digits)):
            d = int(char)
            if i % 2:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        return total % 10 == 0
    if kind == "id_card":
        if len(digits) != 18 or "x" in digits[:17]:
            return False
        month, day = int(digits[10:12]), int(digits[12:14])
        return 1 <= month <= 12 and 1 <= day <= 31
    return True


class Matcher:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        payloads: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word → [(rule, trigger | -1 allow)]
        self._regexes: list[tuple[int, int, Trigger]] = []
        for r, rule in enumerate(self.rules):
            for t, trigger in enumerate(rule.triggers):
                for word in trigger.words:
                    payloads[word].append((r, t))
                if trigger.regex is not None:
                    for need in trigger.needs:  # payload (rule, -2 - regex index): "this regex may match"
                        payloads[need].append((r, -2 - len(self._regexes)))
                    self._regexes.append((r, t, trigger))
            for phrase in rule.allow:
                payloads[phrase].append((r, -1))
        self._index = {id(rule): i for i, rule in enumerate(self.rules)}
        self._automaton = ahocorasick.Automaton()
        for word, entries in payloads.items():
            self._automaton.add_word(word, (len(word), tuple(entries)))
        if payloads:
            self._automaton.make_automaton()
        self._empty = not payloads

    def scan(self, norm: NormalizedText, active: frozenset[int], kinds: frozenset[str] | None,
             hints: frozenset[str] = frozenset()) -> list[Hit]:
        """Every hit of an active rule (by index) in ``norm``, after allow phrases and patterns."""
        text = norm.text
        hits: list[Hit] = []
        allows: dict[int, list[tuple[int, int]]] = defaultdict(list)
        wanted: set[int] = set()
        if not self._empty and text:
            for end, (length, entries) in self._automaton.iter(text):
                start = end + 1 - length
                for r, t in entries:
                    if r not in active:
                        continue
                    if t == -1:
                        allows[r].append((start, end + 1))
                        continue
                    if t < -1:
                        wanted.add(-2 - t)
                        continue
                    rule = self.rules[r]
                    trigger = rule.triggers[t]
                    if trigger.scope is None or trigger.scope.applies(kinds, hints):
                        hits.append(Hit(rule, trigger, start, end + 1))
        for k, (r, _, trigger) in enumerate(self._regexes):
            if r not in active or (trigger.needs and k not in wanted):
                continue
            if trigger.scope is not None and not trigger.scope.applies(kinds, hints):
                continue
            rule = self.rules[r]
            assert trigger.regex is not None
            for m in trigger.regex.finditer(text):
                if trigger.validate and not _valid(trigger.validate, m.group(0)):
                    continue
                named = m.groupdict()
                start, end = m.span("hit") if "hit" in named and named["hit"] is not None else m.span()
                if end <= start:
                    continue
                core_end = end
                end = _extend(text, end, trigger.extend)
                groups = tuple((k, v) for k, v in named.items() if v is not None and k != "hit")
                hits.append(Hit(rule, trigger, start, end, groups, core_end))
        if not hits:
            return hits
        index = self._index
        for r in {index[id(h.rule)] for h in hits}:
            for pattern in self.rules[r].allow_patterns:
                allows[r].extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
        kept = []
        for hit in hits:
            spans = allows.get(index[id(hit.rule)])
            end = hit.core_end if hit.core_end > 0 else hit.end
            if spans and any(a <= hit.start and end <= b for a, b in spans):
                continue
            kept.append(hit)
        return kept


def _extend(text: str, end: int, extra: int) -> int:
    for _ in range(extra):
        if end < len(text) and text[end] not in _STOP and _IS_CJK.match(text[end]):
            end += 1
        else:
            break
    return end
