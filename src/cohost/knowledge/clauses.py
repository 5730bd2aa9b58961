"""Which words of a question a fact may leave out, and which it must hold — the finer rules of the relevance gate
(``retrieval``): a clause the viewer adds to say why they ask ("折起来多长 能塞背包吗"), alternatives offered
("高帮还是低帮"), a one-character subject ("轮子多大" → 轮), and a label typed with a homophone ("震动频率" ↔ 振动频率).
Each takes the words the gate found uncovered and returns those still uncovered."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cohost.knowledge.coverage import CJK, Asked, Doc, Term, about, content_chars, unit_given
from cohost.knowledge.terms import clause_spans
from cohost.knowledge.text import Question
from cohost.knowledge.typos import near_name

_NOUN_SUFFIXED = re.compile(r"[子儿头]")  # "轮子", "盖儿": a one-character noun, not a verb ("能叮吗")
_ASKED_AFTER = re.compile(r"(有|是|能|可以|会)?(多|几|什么|啥|怎么|咋|吗|呢|么|$)")  # asked right after the noun


def sounds_like_label(key: str, label: str) -> bool:
    """Does the question hold the label with one character typed as a homophone ("震动频率" ↔ 振动频率)?"""
    n = len(label)
    return any(near_name(key[i:i + n], label) for i in range(len(key) - n + 1))


def subject_missing(q: Question, doc: Doc, asked: Asked, asking: bool = False) -> list[str]:
    """A one-character subject ("有轮子吗", "轮子多大" → 轮) is as much the head as a longer one: the fact must hold
    it (or a concept asked at it must be the fact's). ``asking``: only a subject asked about right after it
    ("轮子多大", not "别的牌子饮水机上能用吗")."""
    return [t.text for t in asked.terms if len(t.text) == 1 and CJK.match(t.text)
            and _NOUN_SUFFIXED.match(q.text, t.at + 1) is not None and (not asking or _ASKED_AFTER.match(q.text, t.at + 2))
            and t.text not in doc.label + doc.value_key and not unit_given(t.text, doc)
            and not any(s < t.at + 1 and t.at < e and about(c, doc) for c, s, e in asked.spans)][:1]


def alternatives_left(text: str, specific: Sequence[Term], uncovered: list[str]) -> list[str]:
    """"高帮还是低帮", "罐装还是袋装": the viewer offers alternatives of one kind (they share a character); a
    fact holding one of them answers which it is, so the others need not be in it."""
    held = [t for t in specific if t.text not in uncovered]

    def offered(t: Term) -> bool:
        return any(content_chars(u.text) & content_chars(t.text) and "还是" in text[min(u.at, t.at):max(u.at, t.at)]
                   for u in held)

    return [w for w in uncovered if not any(t.text == w and offered(t) for t in specific)]


def other_clause_left(q: Question, doc: Doc, asked: Asked, specific: Sequence[Term], uncovered: list[str],
                      named: list[tuple[int, int]]) -> list[str]:
    """The words left uncovered, unless they all sit in other clauses than the one the fact answers whole:
    "折起来多长 能塞背包吗", "防滑吗 出汗会不会滑" ask one thing and add why. A clause is answered whole when the
    fact matched it (its label named, a concept it is about, a word it holds) and holds every word of it."""
    spans = clause_spans(q)
    if len(spans) < 2:
        return uncovered

    def clause(at: int) -> int:
        return next((i for i, (s, e) in enumerate(spans) if s <= at < e), -1)

    hit = {clause(t.at) for t in specific if t.text not in uncovered}
    hit |= {clause(s) for c, s, _ in asked.spans if about(c, doc)} | {clause(s) for s, _ in named}
    hit.discard(-1)
    # a clause offering alternatives ("ATL还是宁德") names what the answer must say, not why the viewer asks
    offered = {i for i, (s, e) in enumerate(spans) if re.search(r"还是|或者|或是", q.text[s:e])}
    if not hit or any(clause(t.at) in hit | offered for t in specific if t.text in uncovered):
        return uncovered
    return []
