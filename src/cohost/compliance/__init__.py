"""The compliance engine: rules as data files with law references, context guards and fact checks.

    from cohost.compliance import Checker, ClaimCheck
    checker = Checker.default()                       # packaged rules, loaded once; thread-safe
    findings = checker.check(text, product=None, now=None, mode="text")   # "text" | "live" | "comment"
    claims = checker.claims(text, product, now=None)  # each claim with its verdict and cited facts

A product's normalised facts are prepared once per content (``Checker.facts``, an LRU keyed by
``Product.content_hash()``), and ``check()`` after ``claims()`` on the same line reuses the verdicts.

Rule files live in ``cohost/compliance/rules/*.toml`` (format: ``rules/README.md``); ids, law references
and severities come from the compliance inventory (shared/specs/compliance.md).
"""

from cohost.compliance.checker import Checker, ClaimCheck
from cohost.compliance.rules import Rule, Scope, Trigger
from cohost.compliance.text import NormalizedText

__all__ = ["Checker", "ClaimCheck", "NormalizedText", "Rule", "Scope", "Trigger"]
