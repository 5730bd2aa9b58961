"""The proofreader's mechanics: what is wrong is corrected to the fact or removed, then re-checked, and
every change is recorded. A small rule-based guard stands in for the compliance engine here, so these
tests pin the proofreader's own behaviour (the real engine is exercised in test_content_scripts)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cohost.content.proofreader import Proofreader
from cohost.domain import Finding, Product

PRODUCT = Product(sku="MZ-001", title="玻尿酸保湿精华液 30ml", category="美妆护肤", price=Decimal("89"), stock=10)


@dataclass
class ClaimCheck:
    span: tuple[int, int]
    kind: str
    verdict: str
    facts: list[str] = field(default_factory=list)
    correct: str | None = None


class RuleGuard:
    """全网最低 → 直播间专享价 (has a suggestion); 最好用 (none); prices checked against the product."""

    def __init__(self) -> None:
        self.calls = 0

    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "text") -> list[Finding]:
        self.calls += 1
        out = []
        for word, suggestion in (("全网最低", "直播间专享价"), ("最好用", None)):
            for m in re.finditer(word, text):
                out.append(Finding(rule="AD-09-3", severity="high", span=(m.start(), m.end()), text=word,
                                   message="绝对化用语", suggestion=suggestion))
        return out

    def claims(self, text: str, product: Product, now: datetime | None = None) -> list[ClaimCheck]:
        out = []
        for m in re.finditer(r"(\d+(?:\.\d+)?)元", text):
            if Decimal(m.group(1)) != product.price:
                out.append(ClaimCheck((m.start(1), m.end(1)), "price", "contradicted", [f"{product.sku}.price"],
                                      str(product.price)))
        for m in re.finditer(r"销量第一", text):
            out.append(ClaimCheck((m.start(), m.end()), "ranking", "unsupported"))
        return out


def test_clean_line_comes_back_unchanged_with_one_check() -> None:
    guard = RuleGuard()
    review = Proofreader(guard).line("这款精华液现在是89元。[上链接]", PRODUCT, None)
    assert review.text == "这款精华液现在是89元。[上链接]" and review.fixes == [] and guard.calls == 1


def test_contradicted_price_is_corrected_to_the_fact() -> None:
    review = Proofreader(RuleGuard()).line("家人们，今天只要59元！[上链接]", PRODUCT, None, segment=3, index=2)
    assert review.text == "家人们，今天只要89元！[上链接]"
    fix = review.fixes[0]
    assert (fix.action, fix.reason, fix.segment, fix.line, fix.facts) == (
        "corrected", "contradicted", 3, 2, ["MZ-001.price"])


def test_unsupported_claim_removes_only_its_sentence() -> None:
    review = Proofreader(RuleGuard()).line("这款销量第一。质地清爽不黏腻！", PRODUCT, None)
    assert review.text == "质地清爽不黏腻！"
    assert [(f.action, f.reason) for f in review.fixes] == [("removed", "unsupported")]


def test_finding_with_suggestion_is_rewritten_across_a_cue_mark() -> None:
    review = Proofreader(RuleGuard()).line("全网[展示]最低，快来看看。", PRODUCT, None)
    # the cue mark sat inside the span; the rewrite replaces the spoken words and keeps the line well-formed
    assert review.text is not None and "直播间专享价" in review.text and "最低" not in review.text


def test_finding_without_suggestion_removes_the_sentence_and_empty_lines_vanish() -> None:
    review = Proofreader(RuleGuard()).line("这是最好用的精华！[上链接]", PRODUCT, None)
    assert review.text is None
    assert review.fixes[0].action == "removed" and review.fixes[0].reason == "AD-09-3"


def test_opening_lines_are_checked_without_a_product() -> None:
    review = Proofreader(RuleGuard()).line("今晚全网最低！", None, None)
    assert review.text == "今晚直播间专享价！"


def test_a_fix_that_does_not_help_ends_in_removal() -> None:
    class Stubborn(RuleGuard):
        def check(self, text: str, product: Product | None = None, now: datetime | None = None,
                  mode: str = "text") -> list[Finding]:
            return [Finding(rule="X-1", severity="medium", span=(0, 1), text=text[:1], message="m",
                            suggestion=text[:1])] if text else []

    review = Proofreader(Stubborn()).line("一句话。", PRODUCT, None)
    assert review.text is None and review.fixes[-1].action == "removed"
