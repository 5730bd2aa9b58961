"""The proofreader: nothing unsupported, contradicted or non-compliant reaches a human reviewer.

For every generated line: check its claims against the product's facts and its wording against the
advertising rules (``cohost.compliance.Checker``, through the small ``Guard`` protocol below), then

- a **contradicted** claim is corrected: its span is replaced by the fact's value (e.g. a drafted
  "59元" becomes the stored "89元"), citing the fact;
- an **unsupported** claim, or one that **needs evidence** the catalog does not have, is removed with
  the sentence that carries it;
- a compliance **finding** with a suggested rewrite is rewritten (全网最低 → 直播间专享价); one without
  a suggestion is removed with its sentence;

and the result is checked again (up to ``rounds`` times); a line that still fails is dropped whole.
Every change is returned as a ``Fix`` for the record. Checking happens on the spoken text (cue marks
taken out, so "[倒计时]" as an operator cue is never mistaken for spoken urgency), and spans are mapped
back onto the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cohost.content.pacing import sentences, strip_cues
from cohost.domain import Finding, Product, Severity
from cohost.domain.script import Fix

BAD_VERDICTS = ("contradicted", "unsupported", "needs_evidence")
FACT_TEXT = "商品事实原文触发规则（请核对商品资料）/ the catalog's own text: "
_ADVICE = re.compile(r"改为|建议|如“|例如|登记|请|：|:|后使用|说法")


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_RUNS = re.compile(r"[\s，。！？、：；,.!?:;～~（）()【】“”\"'…/]+")


def coverage(text: str, trusted: Sequence[str], neutral: Sequence[str] = ()) -> list[bool]:
    """For each character of ``text``: is it the phrasing's own (neutral) words, punctuation, or part of a
    run of text found verbatim inside a trusted fact value?"""
    mask = [bool(_RUNS.fullmatch(c)) for c in text]
    for word in neutral:
        if not word.strip():
            continue
        start = text.find(word)
        while start != -1:
            mask[start:start + len(word)] = [True] * len(word)
            start = text.find(word, start + 1)
    i = 0
    while i < len(text):
        if mask[i]:
            i += 1
            continue
        j = i
        while j < len(text) and not mask[j]:
            j += 1
        if any(text[i:j] in value for value in trusted):
            mask[i:j] = [True] * (j - i)
        i = j
    return mask


def _correct(said: str, expected: str | None) -> str | None:
    """The claim's words with the fact's number in place of the wrong one (只要59 → 只要89), or the fact's
    first value when the claim is not a single number."""
    if not expected:
        return None
    first = re.split(r"[；;]", expected)[0].strip()
    right = _NUMBER.findall(first)
    wrong = _NUMBER.findall(said)
    if len(wrong) == 1 and right:
        return _NUMBER.sub(right[0], said, count=1)
    return first or None


def _replacement(suggestion: str | None, original: str) -> str | None:
    """A suggestion is used as a rewrite only when it reads like one (直播间专享价), not like advice
    (改为客观、可证实的描述…); advice means the sentence is removed instead."""
    if not suggestion or _ADVICE.search(suggestion) or len(suggestion) > max(12, 3 * len(original)):
        return None
    return suggestion


class Guard(Protocol):
    """What the proofreader needs from the compliance engine (``cohost.compliance.Checker`` has it)."""

    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "text") -> list[Finding]: ...

    def claims(self, text: str, product: Product, now: datetime | None = None) -> Sequence[Any]: ...


def default_guard() -> Guard:
    """The compliance engine with its bundled rule set."""
    from cohost.compliance import Checker

    guard: Guard = Checker.default()
    return guard


def _claim_facts(claim: Any) -> list[str]:
    for name in ("facts", "fact_ids", "fact"):
        value = getattr(claim, name, None)
        if value:
            return [value] if isinstance(value, str) else [str(v) for v in value]
    return []


def _claim_value(claim: Any) -> str | None:
    for name in ("correct", "correct_value", "expected", "value"):
        value = getattr(claim, name, None)
        if value not in (None, ""):
            return str(value)
    return None


@dataclass
class Review:
    """What the proofreader did to one line: the text that survives (None = removed) and the fixes."""

    text: str | None
    fixes: list[Fix] = field(default_factory=list)
    open: list[Finding] = field(default_factory=list)


@dataclass
class Problem:
    span: tuple[int, int]
    reason: str
    message: str
    replacement: str | None
    facts: list[str]
    severity: Severity = "high"


class Proofreader:
    def __init__(self, guard: Guard, *, rounds: int = 3) -> None:
        self.guard = guard
        self.rounds = rounds
        self.checked = 0

    def problems(self, text: str, product: Product | None, when: datetime | None,
                 trusted: Sequence[str] = (), neutral: Sequence[str] = ()) -> list[Problem]:
        """Every problem in one piece of spoken text, as spans on that text.

        ``trusted`` are stored fact values the line quotes verbatim, ``neutral`` the phrasing's own words
        (claim-free by the phrase-bank tests): a claim made only of those is the fact itself,
        so its verdict is not taken (a checker that reads 一元硬币大小 in a usage note as a price must not
        "correct" it); a rule finding inside one is kept but never rewritten (the merchant's words are not
        ours to change), so the sentence is removed and the reviewer told.
        """
        self.checked += 1
        out: list[Problem] = []

        masks: dict[bool, list[bool]] = {}

        def quoted(start: int, end: int, *, with_phrasing: bool = True) -> bool:
            """A claim made only of quoted fact text (and the phrasing's own words) is the fact itself;
            a rule hit is the catalog's own text only when it lies in quoted fact text alone."""
            if not trusted or start >= end:
                return False
            if any(text[start:end] in value for value in trusted):
                return True
            if with_phrasing not in masks:
                masks[with_phrasing] = coverage(text, trusted, neutral if with_phrasing else ())
            return all(masks[with_phrasing][start:end])

        if product is not None:
            for claim in self.guard.claims(text, product, now=when):
                verdict = str(getattr(claim, "verdict", ""))
                start, end = (int(x) for x in claim.span)
                if verdict not in BAD_VERDICTS or quoted(start, end):
                    continue
                expected = _claim_value(claim) if verdict == "contradicted" else None
                first = re.split(r"[；;]", expected)[0].strip() if expected else ""
                if first and first in text[max(0, start - len(first)):end + len(first)]:
                    continue  # the line already says the fact's value; the claim's span was cut short
                value = _correct(text[start:end], expected)
                out.append(Problem((start, end), verdict, f"{getattr(claim, 'kind', 'claim')} claim {verdict}",
                                   value, _claim_facts(claim)))
        for finding in self.guard.check(text, product=product, now=when, mode="text"):
            start, end = finding.span
            if quoted(start, end, with_phrasing=False):
                out.append(Problem(finding.span, finding.rule, f"{FACT_TEXT}{finding.message}", None, [],
                                   finding.severity))
            elif not any(p.replacement and p.span[0] < end and start < p.span[1] for p in out):
                # a finding on a span that a contradicted claim already corrects (PRICE-20 on a wrong price)
                # is fixed by that correction; the re-check confirms it
                out.append(Problem(finding.span, finding.rule, finding.message,
                                   _replacement(finding.suggestion, text[start:end]), [], finding.severity))
        return out

    def line(self, line: str, product: Product | None, when: datetime | None,
             *, segment: int = 0, index: int = 0, trusted: Sequence[str] = (),
             neutral: Sequence[str] = ()) -> Review:
        """Check one line; correct or remove what is wrong; re-check. Clean lines come back unchanged."""
        spoken, _ = strip_cues(line)
        if not spoken.strip() or not self.problems(spoken, product, when, trusted, neutral):
            return Review(line)
        review = Review(line)
        kept: list[str] = []
        for sentence in sentences(line):
            fixed = self._sentence(sentence, product, when, review, segment, index, trusted, neutral)
            if fixed:
                kept.append(fixed)
        text = "".join(kept).strip()
        if text and self.problems(strip_cues(text)[0], product, when, trusted, neutral):
            review.fixes.append(Fix(segment=segment, line=index, action="removed", before=text,
                                    reason="recheck", detail="still failed after correction"))
            text = ""
        review.text = text if strip_cues(text)[0].strip(" ，。！？～") else None
        return review

    def _sentence(self, sentence: str, product: Product | None, when: datetime | None,
                  review: Review, segment: int, index: int, trusted: Sequence[str],
                  neutral: Sequence[str]) -> str | None:
        current = sentence
        for _ in range(self.rounds):
            spoken, where = strip_cues(current)
            if not spoken.strip():
                return current
            found = self.problems(spoken, product, when, trusted, neutral)
            if not found:
                return current
            if any(p.replacement is None for p in found):
                worst = next(p for p in found if p.replacement is None)
                review.fixes.append(Fix(segment=segment, line=index, action="removed", before=current,
                                        reason=worst.reason, detail=worst.message, facts=worst.facts))
                return None
            updated = _apply(current, spoken, where, found)
            for p in found:
                review.fixes.append(Fix(segment=segment, line=index, action="corrected", before=current,
                                        after=updated, reason=p.reason, detail=p.message, facts=p.facts))
            if updated == current:
                break
            current = updated
        review.fixes.append(Fix(segment=segment, line=index, action="removed", before=current,
                                reason="recheck", detail="still failed after correction"))
        return None


def _apply(line: str, spoken: str, where: list[int], problems: list[Problem]) -> str:
    """Replace each problem's span (on the spoken text) in the line, right to left, skipping overlaps."""
    edits: list[tuple[int, int, str]] = []
    for p in sorted(problems, key=lambda p: p.span[0], reverse=True):
        start, end = max(0, p.span[0]), min(len(spoken), p.span[1])
        if start >= end or p.replacement is None:
            continue
        a, b = where[start], where[end - 1] + 1
        if edits and b > edits[-1][0]:
            continue
        edits.append((a, b, p.replacement))
    out = line
    for a, b, text in edits:
        out = out[:a] + text + out[b:]
    return out
