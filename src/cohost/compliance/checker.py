"""The compliance checker: rule hits + context guards + claims checked against facts → findings.

    checker = Checker.default()
    checker.check("全网最低价，错过再等一年！")                       # text only
    checker.check(line, product=p, now=when, mode="live")            # with the product's facts
    checker.claims(line, p)                                           # each claim with its verdict

Constraints:

- ``Checker.default()`` loads the packaged rule files once per process; a checker's rules are
  immutable after construction and its caches are locked, so one checker is shared between threads.
- Modes select rules by check type: ``text`` → TEXT (scripts, copy), ``live`` → LIVE (answers before
  they are spoken), ``comment`` → CMT (viewer comments: a viewer's superlative is not an ad claim).
- Without a product, claims that need facts (stock, time limits, reference prices) are reported at
  their rule's ``unverified`` severity, or not at all; with a product they are supported (no finding),
  contradicted (finding with the correct value) or lack evidence.
- Cue marks in scripts (``[倒计时]``, ``[上链接]``) are stage directions, never checked as speech.
- Findings are sorted by span and overlapping ones reduced as :mod:`cohost.compliance.findings` says
  (the working item, ``ClaimCheck``, the overlap rules).
- Speed: a product's normalised facts (:class:`ProductFacts`) are built once per content and kept in
  a bounded LRU keyed by ``Product.content_hash()`` (a product edited in place gets a new hash, so a
  stale view is never used); the claim verdicts of one (text, product content, second, stats) are
  memoised, so ``claims()`` followed by ``check()`` on the same line (the content proofreader, the
  live guard) verifies once. Both caches are bounded LRU maps (:mod:`cohost.compliance.lru`).
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from cohost.compliance.categories import CategoryMap, has_ad_approval
from cohost.compliance.claims import Claim, extract
from cohost.compliance.context import BOUNDED_SCOPE, BOUNDED_TIME, excused, near, said_with_scope
from cohost.compliance.findings import ClaimCheck, _Item, _Safe, finish
from cohost.compliance.lru import LRU
from cohost.compliance.matcher import Hit, Matcher
from cohost.compliance.mirrors import resolve_mirrors
from cohost.compliance.offers import revise
from cohost.compliance.rules import CHECK_OF_MODE, RANK, Rule, check_unique, load_rule_file
from cohost.compliance.scope import disowned, inside
from cohost.compliance.text import NormalizedText, normalize_term
from cohost.compliance.verify import ProductFacts, ProductView, Verdict, verify
from cohost.domain import Finding, Product, Severity
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import ConfigError, InputError

_CUE = re.compile(r"\[[^\[\]\n]{1,12}\]")
_FIRST_SENTENCE = re.compile(r"[^。!?\n]{1,120}")
_EVIDENCE_TAGS = frozenset({"ranking", "evidence"})

FACTS_CACHE = 256
"""Products whose prepared facts are kept (a live room shows a few dozen; a catalog check walks many)."""
CLAIMS_CACHE = 512
"""Recent (text, product, time, stats) claim verdicts kept for ``check()`` after ``claims()``."""
MEMO_CHARS = 2000
"""Longer texts (whole scripts) are not memoised: they are checked once and would crowd the memo."""


_REGISTRATION = ("注册证", "国妆特字", "特证", "备案号", "备案编号")
_EFFICACY_FIELDS = ("功效", "功能")


def _registered_efficacy(product: Product, word: str) -> bool:
    """The product is registered or filed (a 注册证号/备案号 on file) for an efficacy that names ``word``
    (功效: 美白祛斑): the claim states the registration, it is not made up."""
    attributes = product.attributes
    if not any(any(k in name for k in _REGISTRATION) and value.strip() for name, value in attributes.items()):
        return False
    return any(any(k in name for k in _EFFICACY_FIELDS) and word in normalize_term(value)
               for name, value in attributes.items())


class Checker:
    def __init__(self, rules: Sequence[Rule], categories: CategoryMap) -> None:
        check_unique(rules)
        self.rules = tuple(resolve_mirrors(rules))  # a rule matching another's words on its own goods
        self.categories = categories
        self._matcher = Matcher([r for r in self.rules if r.triggers])
        self._policies: dict[tuple[str, str], Rule] = {(r.claim, r.lang): r for r in self.rules if r.claim}
        self._gates = tuple(r for r in self.rules if r.gate)
        self._pii = tuple(r for r in self.rules if r.pii)
        self._by_key = {r.key: r for r in self.rules}
        self._followers: dict[str, list[Rule]] = {}
        ids = {r.id for r in self.rules if not r.follows}
        for r in self.rules:
            if r.follows:
                if r.follows not in ids:
                    raise ConfigError(f"rule {r.key} ({r.source}) follows {r.follows!r}, which no rule file defines")
                self._followers.setdefault(r.follows, []).append(r)
        self._active = lru_cache(maxsize=256)(self._active_rules)
        self._facts: LRU[str, tuple[ProductFacts, frozenset[str]]] = LRU(FACTS_CACHE)
        self._hashes: LRU[int, tuple[weakref.ref[Product], str, str]] = LRU(FACTS_CACHE)
        self._claims: LRU[tuple[str, str, int, tuple[tuple[str, float], ...]], list[tuple[Claim, Verdict]]] = \
            LRU(CLAIMS_CACHE)

    # construction --------------------------------------------------------------------------------------
    _default: Checker | None = None
    _lock = threading.Lock()

    @classmethod
    def default(cls) -> Checker:
        """The packaged rule set, loaded once per process."""
        with cls._lock:
            if cls._default is None:
                folder = resources.files("cohost.compliance").joinpath("rules")
                cls._default = cls.from_directory(Path(str(folder)))
            return cls._default

    @classmethod
    def from_directory(cls, folder: Path) -> Checker:
        """Every ``*.toml`` rule file in ``folder`` (``categories.toml`` is the category map)."""
        categories = CategoryMap.load(folder / "categories.toml")
        kinds = categories.kinds
        rules: list[Rule] = []
        for path in sorted(folder.glob("*.toml")):
            if path.name != "categories.toml":
                rules.extend(load_rule_file(path, kinds))
        return cls(rules, categories)

    def rule(self, key: str) -> Rule:
        """The rule with this key (``AD-09-3``, or ``PRICE-ZJ#stock`` for a claim policy)."""
        found = self._by_key.get(key) or next((r for r in self.rules if r.id == key), None)
        if found is None:
            raise KeyError(key)
        return found

    def facts(self, product: Product) -> tuple[ProductFacts, frozenset[str], str]:
        """The product's prepared facts, its category kinds and its content hash (cached by that hash)."""
        digest = self._content_hash(product)
        cached = self._facts.get(digest)
        if cached is None:
            cached = (ProductFacts(product), self.categories.kinds_of(product))
            self._facts.put(digest, cached)
        return cached[0], cached[1], digest

    def _content_hash(self, product: Product) -> str:
        """``product.content_hash()``, recomputed only when the product's serialised content changed
        (the JSON dump is native and several times cheaper than the canonical hash)."""
        dump = product.model_dump_json()
        seen = self._hashes.get(id(product))
        if seen is not None and seen[0]() is product and seen[1] == dump:
            return seen[2]
        digest = product.content_hash()
        self._hashes.put(id(product), (weakref.ref(product), dump, digest))
        return digest

    def _active_rules(self, check: str, kinds: frozenset[str] | None, hints: frozenset[str] = frozenset(),
                      ) -> frozenset[int]:
        return frozenset(i for i, r in enumerate(self._matcher.rules)
                         if check in r.checks and r.scope.applies(kinds, hints))

    # checking ------------------------------------------------------------------------------------------
    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "text", stats: Mapping[str, float] | None = None) -> list[Finding]:
        """Findings in ``text``, sorted by span. ``stats``: the platform's live figures (online, orders)."""
        check = CHECK_OF_MODE.get(mode)
        if check is None:
            raise InputError(f"未知的检查模式 / unknown mode {mode!r}", hint="mode is text, live or comment")
        if not text or not text.strip():
            return []
        norm = NormalizedText(text)
        kinds: frozenset[str] | None = None
        view: ProductView | None = None
        digest = ""
        if product is not None:
            facts, kinds, digest = self.facts(product)
            view = ProductView(facts, now or datetime.now(CHINA_TZ))
        cues = [m.span() for m in _CUE.finditer(norm.text)]
        if view is not None and kinds and "health_food" in kinds and view.facts.approved_wording \
                and has_ad_approval(view.product):
            cues += [(m.start(), m.end()) for w in view.facts.approved_wording
                     for m in re.finditer(re.escape(w), norm.text)]  # approved wording said as approved
        found: list[_Item] = []
        unsaid = disowned(norm)  # quoted, refused or corrected speech: said, not claimed (scope.py)
        # with no product, words written for one kind of goods count when the line names such goods (苦荞茶 → food)
        hints = self.categories.hints_of(norm.text) if product is None else frozenset()
        for hit in self._matcher.scan(norm, self._active(check, kinds, hints), kinds, hints):
            if any(a <= hit.start and hit.end <= b for a, b in cues) or inside(unsaid, hit.start) \
                    or self._excused(norm, hit):
                continue
            item = self._judge(norm, hit, kinds, view)
            if item is not None:
                found.append(item)
                if item.rule.id in self._followers:
                    found.extend(self._followers_of(item, check, kinds, hints))
        if check == "CMT" or any(item.rule.id == "AD-09-6" for item in found):  # live: only data read out (AD-09-6)
            found.extend(self._pii_findings(norm, check, kinds, hints))
        supported_spans: list[tuple[int, int]] = []
        for claim, verdict in self._claim_verdicts(norm, view, stats, check, digest):
            if verdict.verdict == "supported":
                if claim.kind in ("award", "test", "sales") or (claim.kind == "ranking"
                                                                and said_with_scope(norm, claim.start, claim.end)):
                    supported_spans.append(norm.clause(claim.start))  # ABS-6(6): a ranking said with its scope
                continue
            if inside(unsaid, claim.start):
                continue
            item = self._claim_finding(norm, claim, verdict, view, kinds)
            if item is not None:
                found.append(item)
                if item.rule.id in self._followers:  # the other laws for the same claim (rules/laws.toml)
                    found.extend(self._followers_of(item, check, kinds, hints))
        if supported_spans:  # ABS-6(6): a ranking backed by evidence is not an absolute-term violation
            found = [f for f in found if not (f.rule.family == "absolute" and any(a <= f.start < b for a, b in supported_spans))]
        if product is not None:
            found.extend(self._gate_findings(norm, product, kinds or frozenset(), check))
        return finish(norm, found)

    def claims(self, text: str, product: Product | None, now: datetime | None = None,
               stats: Mapping[str, float] | None = None) -> list[ClaimCheck]:
        """Every checkable claim in ``text`` with its verdict against ``product``'s facts."""
        if not text or not text.strip():
            return []
        norm = NormalizedText(text)
        view: ProductView | None = None
        digest = ""
        if product is not None:
            view = ProductView(self.facts(product)[0], now or datetime.now(CHINA_TZ))
            digest = self._content_hash(product)
        out = []
        for claim, verdict in self._claim_verdicts(norm, view, stats, None, digest):
            start, end = norm.original_span(claim.start, claim.end)
            out.append(ClaimCheck(kind=claim.kind, span=(start, end), text=text[start:end], verdict=verdict.verdict,
                                  facts=verdict.facts, expected=verdict.expected, note=verdict.note))
        return out

    # internals -----------------------------------------------------------------------------------------
    def _excused(self, norm: NormalizedText, hit: Hit) -> bool:
        guards = hit.trigger.guards if hit.trigger.guards is not None else hit.rule.guards
        if guards and excused(norm, hit.start, hit.end, guards):
            return True
        if hit.rule.unless_sentence:
            w_start, w_end = near(norm, hit.start, hit.end, 80, 80)
            return any(p.search(norm.text, w_start, w_end) for p in hit.rule.unless_sentence)
        return False

    def _judge(self, norm: NormalizedText, hit: Hit, kinds: frozenset[str] | None, view: ProductView | None,
               ) -> _Item | None:
        rule, trigger = hit.rule, hit.trigger
        word = norm.text[hit.start:hit.end]
        values = {"text": word}
        if trigger.tags & _EVIDENCE_TAGS:
            c_start, c_end = norm.clause(hit.start)
            if view is not None:
                found = view.evidence_for(norm.text[max(c_start, hit.end - 26):min(c_end, hit.end + 6)])
                if found is not None and not found[1]:
                    return None
                if found is not None:
                    expired = self._by_key.get("ABS-7#evidence_expired")
                    if expired is not None:
                        return _Item(expired, expired.severity, hit.start, hit.end, values, expired.suggestion)
            elif "ranking" in trigger.tags:
                sentence = norm.text[slice(*near(norm, hit.start, hit.end))]
                bounded = self._by_key.get("ABS-6#ranking_bounded")
                if bounded is not None and BOUNDED_TIME.search(sentence) and BOUNDED_SCOPE.search(sentence):
                    return _Item(bounded, bounded.severity, hit.start, hit.end, values, bounded.suggestion)
        if rule.family == "absolute" and view is not None and view.evidence and not trigger.tags & _EVIDENCE_TAGS:
            c_start, c_end = norm.clause(hit.start)
            found = view.evidence_for(norm.text[c_start:c_end])
            if found is not None and not found[1]:
                return None  # 30只猫里24只首选了我们这款: the record's own words (ABS-6(6)), not an absolute claim
        if "efficacy" in trigger.tags and view is not None and _registered_efficacy(view.product, word):
            return None  # 美白祛斑 on a special cosmetic registered for it (国妆特字): the claim is the registration's
        severity = rule.severity_for(trigger, kinds)
        suggestion = rule.rewrites.get(word) or trigger.suggestion or rule.suggestion
        specific = bool(rule.scope.applies_to or (trigger.scope is not None and trigger.scope.applies_to))
        return _Item(rule, severity, hit.start, hit.end, values, suggestion, specific=specific,
                     marks=trigger.tags | {f"family:{rule.family}", "words"})

    def _followers_of(self, item: _Item, check: str, kinds: frozenset[str] | None, hints: frozenset[str],
                      ) -> list[_Item]:
        """The same words under the category's own law (AD-17 on a health food is also AD-18; on a cosmetic,
        SEC-COS-2; on food, SEC-FOOD-1): rules that follow ``item``'s rule within their own scope."""
        out = []
        for rule in self._followers.get(item.rule.id, ()):
            if rule.follow_on and not rule.follow_on & item.marks:
                continue  # the row names other kinds of finding (PRICE-ZJ on stock, not on a time limit)
            if rule.lang not in ("*", item.lang):  # a row for English claims only, or Chinese only
                continue
            if check in rule.checks and rule.scope.applies(kinds, hints):
                severity = rule.severity_for(None, kinds)
                if item.unverified and RANK[severity] > RANK[item.severity]:
                    severity = item.severity  # nothing was checked: the second law is no surer than the first
                suggestion = rule.suggestion.format_map(_Safe(item.values)) if rule.suggestion else None
                out.append(_Item(rule, severity, item.start, item.end, dict(item.values), suggestion,
                                 from_claim=item.from_claim, unverified=item.unverified, specific=True,
                                 paired=True))  # a second law for the same words: both stand
        return out

    def _claim_verdicts(self, norm: NormalizedText, view: ProductView | None, stats: Mapping[str, float] | None,
                        check: str | None, digest: str = "") -> list[tuple[Claim, Verdict]]:
        if check is not None and not any(check in r.checks for r in self._policies.values()):
            return []
        names = tuple(view.attributes) if view is not None else ()
        title = view.facts.title if view is not None else ""
        specs = view is not None or check is None  # check() without a product has no facts to hold specs to
        if len(norm.text) > MEMO_CHARS:  # a whole script: checked once, not worth keeping
            return revise([(c, verify(c, norm, view, stats)) for c in extract(norm, names, specs, title)], norm, view)
        second = int(view.now.timestamp()) if view is not None else 0
        key = (norm.text, digest if specs else "-", second, tuple(sorted((stats or {}).items())))
        memo = self._claims.get(key)
        if memo is not None:
            return memo
        found = revise([(c, verify(c, norm, view, stats)) for c in extract(norm, names, specs, title)], norm, view)
        self._claims.put(key, found)
        return found

    def _claim_finding(self, norm: NormalizedText, claim: Claim, verdict: Verdict, view: ProductView | None,
                       kinds: frozenset[str] | None) -> _Item | None:
        kind = "evidence_expired" if verdict.verdict == "needs_evidence" and verdict.facts else claim.kind
        rule = self._policies.get((kind, claim.lang)) or self._policies.get((kind, "zh"))
        if rule is None or not rule.scope.applies(kinds):
            return None
        severity: Severity | None
        if verdict.verdict == "contradicted":
            severity = rule.severity
        elif view is None and claim.kind == "stock" and claim.detail == "in":
            severity = None  # "有现货" without a product: an availability statement, not scarcity pressure
        elif view is None and claim.kind == "window" and _DEFERS.search(norm.text, *norm.sentence(claim.start)):
            severity = None  # "…结束，以后台显示为准" without a product: the time is the listing's, which the speaker defers to
        elif view is None or claim.kind == "audience":
            severity = rule.unverified  # nothing to check against: the rule says how much that matters
        elif verdict.verdict == "needs_evidence" or claim.kind == "promotion":
            severity = rule.severity
        else:
            severity = None  # unsupported wording with a product: left to the content fact check
        if severity is None:
            return None
        if kinds and rule.critical_in & kinds:
            severity = "critical"
        values = {"text": norm.text[claim.start:claim.end], "expected": verdict.expected or "", "note": verdict.note}
        suggestion = rule.suggestion.format_map(_Safe(values)) if rule.suggestion else None
        return _Item(rule, severity, claim.start, claim.end, values, suggestion, True,
                     unverified=view is None or (claim.kind == "audience" and verdict.verdict != "contradicted"),
                     marks=frozenset({claim.kind, f"{claim.kind}:{claim.detail}", f"verdict:{verdict.verdict}",
                                      f"{claim.kind}:{verdict.verdict}"}),
                     lang=claim.lang)

    def _pii_findings(self, norm: NormalizedText, check: str, kinds: frozenset[str] | None,
                      hints: frozenset[str]) -> list[_Item]:
        """A viewer's phone, ID, card, address, name or handle, found by the live PII detector (compliance.md §9.3),
        under its own id (PII-MOB …) and, through followers, the disclosure law beside it (PI-25)."""
        rules = {r.pii: r for r in self._pii if check in r.checks}
        if not rules:
            return []
        from cohost.live.pii import detect  # lazy: cohost.live imports this package

        out: list[_Item] = []
        for d in detect(norm.text):
            rule = rules.get(d.kind)
            if rule is None:
                continue
            item = _Item(rule, rule.severity, d.start, d.end, {"text": norm.text[d.start:d.end]}, rule.suggestion,
                         paired=True, marks=frozenset({"words"}))  # beside AD-09-6 when the AI reads it out: both stand
            out.append(item)
            if rule.id in self._followers:
                out.extend(self._followers_of(item, check, kinds, hints))
        return out

    def _gate_findings(self, norm: NormalizedText, product: Product, kinds: frozenset[str], check: str,
                       ) -> list[_Item]:
        out: list[_Item] = []
        gates = [rule for rule in self._gates if check in rule.checks and rule.gate & kinds and not rule.scope.not_in & kinds]
        if not gates:
            return out
        approved = has_ad_approval(product)
        missing = 0 if approved else sum(rule.approval == "missing" for rule in gates)
        first = _FIRST_SENTENCE.search(norm.text)
        start, end = first.span() if first else (0, len(norm.text))
        for rule in gates:
            if (rule.approval == "missing" and approved) or (rule.approval == "present" and not approved):
                continue
            if any(p.search(norm.text) for p in rule.unless_sentence):
                continue
            values = {"text": norm.text[start:end], "category": product.category}
            # two review gates missing their approval on one span name two laws (AD-16 and AD-46 on a device without
            # ad review): both stand; a ban (AD-15) still stands alone
            out.append(_Item(rule, rule.severity, start, end, values, rule.suggestion,
                             paired=rule.approval == "missing" and missing > 1))
        return out


# the speaker defers a deadline to the listing (以后台显示为准, 具体以页面为准): with no product there is nothing to
# hold the time against but the listing it points to
_DEFERS = re.compile(r"以(?:后台|页面|详情页|商品页|系统|平台|链接|店铺|活动页|官方)(?:显示|公布|页面|公告|信息)?为准")


def normalise(text: str) -> str:
    """The normalised form the rules are written against (for rule authors and tests)."""
    return normalize_term(text)


__all__ = ["CLAIMS_CACHE", "FACTS_CACHE", "MEMO_CHARS", "Checker", "ClaimCheck", "normalise"]
