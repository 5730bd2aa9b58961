"""Findings before and after the checker settles them: the working item a rule hit or a claim verdict
becomes, the public ``ClaimCheck``, and how overlapping items are reduced to the reported ``Finding`` list.

Constraints:

- Findings are sorted by span; within one rule family, overlapping findings keep the most severe, and
  at equal severity the rule written for the product's category (SEC-FOOD-1 for food) wins over the
  general one (AD-17), except that two critical (S1) findings of different rules both stand: each names
  a different law the same words break.
- A ``paired`` item (a second law for the same words: PRICE-19 beside PRICE-20, a follower row of
  ``rules/laws.toml``) stands beside the first; the same law reached twice is reported once.
- Spans are normalised positions until :func:`finish` maps them back to the caller's text.
- Message and suggestion templates are filled with the item's values; a placeholder without a value
  is left empty, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from cohost.compliance.rules import RANK, Rule
from cohost.compliance.text import NormalizedText
from cohost.domain import Finding, Severity

Verdicts = Literal["supported", "contradicted", "unsupported", "needs_evidence"]


@dataclass(slots=True)
class _Item:
    """A finding before its span is mapped back to the caller's text."""

    rule: Rule
    severity: Severity
    start: int
    end: int
    values: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    from_claim: bool = False
    unverified: bool = False
    specific: bool = False  # the rule (or its word group) is written for particular categories
    paired: bool = False  # a second law for the same claim (PRICE-19 beside PRICE-20): both stand
    marks: frozenset[str] = frozenset()  # what kind of finding it is: claim kind, kind:detail, trigger tags
    lang: str = "zh"


class ClaimCheck(BaseModel):
    """One checkable claim in a text and what the product's facts say about it."""

    model_config = ConfigDict(frozen=True)

    kind: str  # price, reference_price, promotion, gift_value, stock, window, ranking, award, test, …
    span: tuple[int, int]
    text: str
    verdict: Verdicts
    facts: tuple[str, ...] = ()
    expected: str | None = None
    note: str = ""


def finish(norm: NormalizedText, found: list[_Item]) -> list[Finding]:
    # most severe first; at equal severity a category-specific rule before a general one
    found.sort(key=lambda f: (-RANK[f.severity], f.from_claim, not f.specific, -(f.end - f.start), f.start))
    kept: list[_Item] = []
    buckets: dict[int, list[_Item]] = {}  # kept items by start // 64: spans are short, so clashes are local
    for item in found:
        lo, hi = (item.start - 256) // 64, item.end // 64
        clash = any(
            other.start < item.end and item.start < other.end
            and not ((item.paired or other.paired) and item.rule.id != other.rule.id)
            and ((other.rule.family == item.rule.family and not _both_laws(other, item))
                 or (item.from_claim and RANK[other.severity] >= RANK[item.severity] and other.rule.id == item.rule.id)
                 or (item.paired and other.rule.id == item.rule.id))  # the same law reached twice
            for b in range(lo, hi + 1) for other in buckets.get(b, ())
        )
        if not clash:
            kept.append(item)
            buckets.setdefault(item.start // 64, []).append(item)
    findings = []
    for item in kept:
        rule, values = item.rule, _Safe(item.values)
        o_start, o_end = norm.original_span(item.start, item.end)
        zh, en = rule.message, rule.message_en
        if item.unverified and rule.unverified_message:
            zh, en = rule.unverified_message, rule.unverified_message_en or en
        findings.append(Finding(rule=rule.id, severity=item.severity, span=(o_start, o_end),
                                text=norm.original[o_start:o_end],
                                message=f"{zh.format_map(values)} / {en.format_map(values)}",
                                suggestion=item.suggestion))
    findings.sort(key=lambda f: (f.span[0], f.span[1], -RANK[f.severity], f.rule))
    return findings


def _both_laws(a: _Item, b: _Item) -> bool:
    """Two critical findings of different rules on one span both stand: a disease claim on food breaks the
    Advertising Law (AD-17) and the Food Safety Law (SEC-FOOD-1), and the reviewer needs both references."""
    return (a.rule.id != b.rule.id and a.severity == b.severity == "critical"
            and not (a.rule.gate or b.rule.gate or a.from_claim or b.from_claim))


class _Safe(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""
