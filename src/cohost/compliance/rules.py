"""Rule records and the loader for the rule files (``rules/*.toml``; format in ``rules/README.md``).

Constraints:

- A rule file is data, checked strictly when loaded: an unknown key, a bad severity, check type, guard
  or category kind, or a regex that does not compile is a ``ConfigError`` naming file, rule and field,
  so a typo can never silently switch a rule off.
- Lexicon words and allow phrases are normalised exactly as the text is (``normalize_term``); regexes
  are written against the normalised text (half-width punctuation, lower-case ASCII, simplified).
- ``{name}`` in a regex is replaced by the file's ``[lexicons] name = [...]`` as an alternation.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from cohost.compliance.text import normalize_term
from cohost.domain import Severity
from cohost.errors import ConfigError

SEVERITY_OF: dict[str, Severity] = {"S1": "critical", "S2": "high", "S3": "medium", "S4": "low"}
RANK: dict[str, int] = {"critical": 4, "high": 3, "medium": 2, "low": 1}
CHECKS = frozenset({"TEXT", "LIVE", "CMT"})
GUARDS = frozenset({"negation", "question", "quotation", "aspiration", "self_comparison", "meta",
                    "caution", "inner_negation", "redirect", "adjusted", "helped"})
CLAIM_KINDS = frozenset({"price", "reference_price", "promotion", "gift_value", "stock", "window",
                         "ranking", "award", "test", "sales", "origin", "attribute", "numeric", "audience",
                         "ranking_bounded", "evidence_expired", "spec"})
# a second law for a kind of claim is a row of the co-report table (rules/laws.toml), not a claim policy
VALIDATORS = frozenset({"luhn", "id_card"})
# kinds of personal data found by cohost.live.pii (reused, not rewritten) that a rule may report with `pii = "…"`
PII_KINDS = frozenset({"mobile", "id_card", "bank_card", "wechat", "qq", "email", "address", "name"})
Mode = Literal["text", "live", "comment"]
CHECK_OF_MODE: dict[str, str] = {"text": "TEXT", "live": "LIVE", "comment": "CMT"}


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a rule applies: product category kinds (``categories.toml``); unknown product → ``when_unknown``."""

    applies_to: frozenset[str] = frozenset()
    not_in: frozenset[str] = frozenset()
    when_unknown: bool = True

    def applies(self, kinds: frozenset[str] | None, hints: frozenset[str] = frozenset()) -> bool:
        """``hints``: with no product, the kinds the line itself names (精华 → cosmetics); they switch on
        only what is written for those kinds, never switch anything off."""
        if kinds is None:
            return self.when_unknown or bool(self.applies_to & hints)
        if self.not_in & kinds:
            return False
        return not self.applies_to or bool(self.applies_to & kinds)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon group or one regex of a rule, with its own optional overrides."""

    words: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    needs: tuple[str, ...] = ()  # regex runs only when one of these substrings is present
    severity: Severity | None = None
    suggestion: str | None = None
    scope: Scope | None = None
    guards: tuple[str, ...] | None = None
    tags: frozenset[str] = frozenset()
    extend: int = 0  # grow the hit over up to N more Chinese characters (最 + 好用)
    validate: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    key: str  # unique: the id, id#claim for claim policies, id@leader for a rule that follows another
    family: str
    title: str
    severity: Severity
    law: str
    checks: frozenset[str]
    message: str
    message_en: str
    suggestion: str | None
    guards: tuple[str, ...]
    critical_in: frozenset[str]
    scope: Scope
    triggers: tuple[Trigger, ...]
    allow: tuple[str, ...]
    allow_patterns: tuple[re.Pattern[str], ...]
    unless_sentence: tuple[re.Pattern[str], ...]
    rewrites: Mapping[str, str]
    claim: str | None
    gate: frozenset[str]
    unverified: Severity | None  # claim policies: severity when the claim cannot be checked (no product)
    examples: tuple[str, ...]
    clean_examples: tuple[str, ...]
    follows: str | None = None  # reported wherever the rule with this id reports, within this rule's scope
    unverified_message: str | None = None  # claim policies: the message when nothing could be checked
    unverified_message_en: str | None = None
    lang: str = "zh"  # claim policies: which language's claim patterns this rule judges
    approval: str = "ignore"  # gates: fire when an ad-review approval is "missing" / "present"
    pii: str | None = None  # a kind of personal data (cohost.live.pii) reported wherever it is found
    follow_on: frozenset[str] = frozenset()  # a follower: only beside findings of these claim kinds or trigger tags
    mirror: str | None = None  # matches the words of the rule with this id on its own goods (mirrors.py)
    source: str = field(default="", compare=False)

    def severity_for(self, trigger: Trigger | None, kinds: frozenset[str] | None) -> Severity:
        base = trigger.severity if trigger and trigger.severity else self.severity
        if kinds and self.critical_in & kinds and RANK[base] >= RANK["medium"]:
            return "critical"  # ABS-11: never minor in medical, health-food, investment, education ads
        return base


_RULE_KEYS = {"id", "family", "title", "severity", "law", "checks", "message", "message_en", "suggestion",
              "guards", "critical_in", "applies_to", "not_in", "when_unknown", "terms", "patterns", "allow",
              "allow_patterns", "unless_sentence", "rewrites", "claim", "gate", "unverified", "examples",
              "clean_examples", "lang", "approval", "unverified_message", "unverified_message_en", "follows", "pii",
              "mirror"}
_TERM_KEYS = {"words", "severity", "suggestion", "applies_to", "not_in", "when_unknown", "guards", "tags"}
_PATTERN_KEYS = {"regex", "needs", "severity", "suggestion", "applies_to", "not_in", "when_unknown", "guards",
                 "tags", "extend", "validate"}


class _Reader:
    """Reads one rule table, naming ``file:rule:field`` in every error."""

    def __init__(self, where: str, table: Mapping[str, Any], kinds: frozenset[str],
                 lexicons: Mapping[str, list[str]]) -> None:
        self.where, self.table, self.kinds, self.lexicons = where, table, kinds, lexicons

    def fail(self, name: str, reason: str) -> ConfigError:
        return ConfigError(f"规则文件错误 / bad rule file {self.where}:{name}: {reason}")

    def text(self, name: str, table: Mapping[str, Any] | None = None, *, required: bool = False) -> str | None:
        value = (self.table if table is None else table).get(name)
        if value is None:
            if required:
                raise self.fail(name, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "must be a non-empty string")
        return value.strip()

    def strings(self, name: str, table: Mapping[str, Any] | None = None) -> tuple[str, ...]:
        value = (self.table if table is None else table).get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(name, "must be a list of non-empty strings")
        return tuple(value)

    def severity(self, name: str, table: Mapping[str, Any] | None = None) -> Severity | None:
        value = self.text(name, table)
        if value is None:
            return None
        if value == "none" and name == "unverified":
            return None
        if value not in SEVERITY_OF:
            raise self.fail(name, f"must be one of S1, S2, S3, S4 (got {value!r})")
        return SEVERITY_OF[value]

    def kind_set(self, name: str, table: Mapping[str, Any] | None = None) -> frozenset[str]:
        values = frozenset(self.strings(name, table))
        if unknown := values - self.kinds:
            raise self.fail(name, f"unknown category kind(s) {sorted(unknown)}; known: {sorted(self.kinds)}")
        return values

    def scope(self, table: Mapping[str, Any], *, inherit: bool) -> Scope | None:
        if inherit and not ({"applies_to", "not_in", "when_unknown"} & table.keys()):
            return None
        unknown = table.get("when_unknown", True)
        if not isinstance(unknown, bool):
            raise self.fail("when_unknown", "must be true or false")
        return Scope(self.kind_set("applies_to", table), self.kind_set("not_in", table), unknown)

    def guards(self, table: Mapping[str, Any]) -> tuple[str, ...] | None:
        if "guards" not in table:
            return None
        values = self.strings("guards", table)
        if unknown := set(values) - GUARDS:
            raise self.fail("guards", f"unknown guard(s) {sorted(unknown)}; known: {sorted(GUARDS)}")
        return values

    def regex(self, name: str, source: str) -> re.Pattern[str]:
        def expand(m: re.Match[str]) -> str:
            words = self.lexicons.get(m.group(1))
            if words is None:
                raise self.fail(name, f"unknown lexicon {{{m.group(1)}}}")
            forms = sorted({re.escape(normalize_term(w)) for w in words}, key=len, reverse=True)
            return "(?:" + "|".join(forms) + ")"

        expanded = re.sub(r"\{([a-z_]+)\}", expand, source)
        try:
            return re.compile(expanded)
        except re.error as exc:
            raise self.fail(name, f"regex does not compile: {exc}") from None

    def needs(self, values: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        for value in values:
            if value.startswith("{") and value.endswith("}"):
                words = self.lexicons.get(value[1:-1])
                if words is None:
                    raise self.fail("needs", f"unknown lexicon {value}")
                out.extend(normalize_term(w) for w in words)
            else:
                out.append(normalize_term(value))
        return tuple(dict.fromkeys(out))

    def check_keys(self, table: Mapping[str, Any], allowed: set[str], what: str) -> None:
        if unknown := set(table) - allowed:
            raise self.fail(what, f"unknown key(s) {sorted(unknown)}")

    def triggers(self) -> tuple[Trigger, ...]:
        out: list[Trigger] = []
        for i, group in enumerate(self.table.get("terms", [])):
            self.check_keys(group, _TERM_KEYS, f"terms[{i}]")
            words = tuple(dict.fromkeys(normalize_term(w) for w in self.strings("words", group)))
            if not words:
                raise self.fail(f"terms[{i}].words", "is empty")
            out.append(Trigger(words=words, severity=self.severity("severity", group),
                               suggestion=self.text("suggestion", group), scope=self.scope(group, inherit=True),
                               guards=self.guards(group), tags=frozenset(self.strings("tags", group))))
        for i, spec in enumerate(self.table.get("patterns", [])):
            self.check_keys(spec, _PATTERN_KEYS, f"patterns[{i}]")
            source = self.text("regex", spec, required=True)
            validate = self.text("validate", spec)
            if validate is not None and validate not in VALIDATORS:
                raise self.fail(f"patterns[{i}].validate", f"unknown validator {validate!r}")
            extend = spec.get("extend", 0)
            if not isinstance(extend, int) or not 0 <= extend <= 4:
                raise self.fail(f"patterns[{i}].extend", "must be an integer 0–4")
            out.append(Trigger(regex=self.regex(f"patterns[{i}].regex", cast(str, source)),
                               needs=self.needs(self.strings("needs", spec)),
                               severity=self.severity("severity", spec), suggestion=self.text("suggestion", spec),
                               scope=self.scope(spec, inherit=True), guards=self.guards(spec),
                               tags=frozenset(self.strings("tags", spec)), extend=extend, validate=validate))
        return tuple(out)

    def rule(self, family_default: str | None) -> Rule:
        self.check_keys(self.table, _RULE_KEYS, "rule")
        rule_id = cast(str, self.text("id", required=True))
        claim = self.text("claim")
        if claim is not None and claim not in CLAIM_KINDS:
            raise self.fail("claim", f"unknown claim kind {claim!r}")
        checks = frozenset(self.strings("checks")) or frozenset({"TEXT", "LIVE"})
        if unknown := checks - CHECKS:
            raise self.fail("checks", f"unknown check type(s) {sorted(unknown)}")
        family = self.text("family") or family_default
        if family is None:
            raise self.fail("family", "is required (in the rule or at the top of the file)")
        triggers = self.triggers()
        gate = self.kind_set("gate")
        follows = self.text("follows")
        pii = self.text("pii")
        mirror = self.text("mirror")
        if pii is not None and pii not in PII_KINDS:
            raise self.fail("pii", f"unknown personal-data kind {pii!r} (one of {sorted(PII_KINDS)})")
        if not triggers and claim is None and not gate and follows is None and pii is None \
                and mirror is None:
            raise self.fail("terms", "a rule needs terms, patterns, a claim kind, a gate, follows, mirror or pii")
        lang = self.text("lang") or ("*" if follows else "zh")
        approval = self.text("approval") or "ignore"
        if lang not in ("zh", "en", "*") or approval not in ("ignore", "missing", "present"):
            raise self.fail("lang/approval", "lang is zh|en; approval is ignore|missing|present")
        rewrites = self.table.get("rewrites", {})
        if not isinstance(rewrites, dict) or not all(isinstance(v, str) for v in rewrites.values()):
            raise self.fail("rewrites", "must be a table of word = suggestion")
        return Rule(
            id=rule_id, key=f"{rule_id}#{claim}" if claim else f"{rule_id}@{follows}" if follows
            else f"{rule_id}~{mirror}" if mirror else rule_id,
            family=family, follows=follows, pii=pii, mirror=mirror,
            title=cast(str, self.text("title", required=True)),
            severity=cast(Severity, self.severity("severity") or self._missing("severity")),
            law=cast(str, self.text("law", required=True)), checks=checks,
            message=cast(str, self.text("message", required=True)),
            message_en=cast(str, self.text("message_en", required=True)), suggestion=self.text("suggestion"),
            guards=self.guards(self.table) or (), critical_in=self.kind_set("critical_in"),
            scope=cast(Scope, self.scope(self.table, inherit=False)), triggers=triggers,
            allow=tuple(dict.fromkeys(normalize_term(a) for a in self.strings("allow"))),
            allow_patterns=tuple(self.regex("allow_patterns", p) for p in self.strings("allow_patterns")),
            unless_sentence=tuple(self.regex("unless_sentence", p) for p in self.strings("unless_sentence")),
            rewrites={normalize_term(k): v for k, v in rewrites.items()}, claim=claim, gate=gate,
            unverified=self.severity("unverified"), examples=self.strings("examples"),
            clean_examples=self.strings("clean_examples"), lang=lang, approval=approval,
            unverified_message=self.text("unverified_message"), unverified_message_en=self.text("unverified_message_en"),
            follow_on=frozenset({"words"}) if follows else frozenset(),  # beside what the words say, not claims
            source=self.where,
        )

    def _missing(self, name: str) -> str:
        raise self.fail(name, "is required")


def load_rule_file(path: Path, kinds: frozenset[str]) -> list[Rule]:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取规则文件 / cannot read rule file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"规则文件不是合法的 TOML / rule file {path} is not valid TOML: {exc}") from None
    if unknown := set(doc) - {"family", "lexicons", "rules", "laws", "also"}:
        raise ConfigError(f"bad rule file {path.name}: unknown top-level key(s) {sorted(unknown)}")
    lexicons = doc.get("lexicons", {})
    rules: list[Rule] = []
    for i, table in enumerate(doc.get("rules", [])):
        where = f"{path.name}:rules[{i}]" + (f"({table['id']})" if isinstance(table.get("id"), str) else "")
        rules.append(_Reader(where, table, kinds, lexicons).rule(doc.get("family")))
    rules.extend(co_reports(path.name, doc, kinds))
    return rules


_LAW_KEYS = {"title", "law", "severity", "message", "message_en", "suggestion", "family"}
_ALSO_KEYS = {"after", "on", "lang", "checks", "applies_to", "not_in", "when_unknown", "report", "why"} | _LAW_KEYS


def co_reports(name: str, doc: Mapping[str, Any], kinds: frozenset[str]) -> list[Rule]:
    """The co-report table (``[laws."ID"]`` + ``[[also]]`` rows, format in ``rules/README.md``): for each kind of
    finding, the other laws compliance.md names for the same words. Each (row, reported id) becomes a rule that
    follows the row's leader, so one mechanism (followers) reports every second law."""
    laws = doc.get("laws", {})
    rows = doc.get("also", [])
    if not isinstance(laws, dict) or not isinstance(rows, list):
        raise ConfigError(f"bad rule file {name}: laws is a table of ids, also a list of rows")
    for law_id, meta in laws.items():
        if not isinstance(meta, dict) or (unknown := set(meta) - _LAW_KEYS):
            raise ConfigError(f"bad rule file {name}:laws.{law_id}: unknown key(s) {sorted(unknown)}"
                              if isinstance(meta, dict) else f"bad rule file {name}:laws.{law_id}: must be a table")
    out: list[Rule] = []
    for i, row in enumerate(rows):
        where = f"{name}:also[{i}]"
        if not isinstance(row, dict):
            raise ConfigError(f"bad rule file {where}: must be a table")
        reader = _Reader(where, row, kinds, {})
        reader.check_keys(row, _ALSO_KEYS, "row")
        after = cast(str, reader.text("after", required=True))
        on = frozenset(reader.strings("on"))
        lang = reader.text("lang") or ""
        if lang not in ("", "zh", "en"):
            raise reader.fail("lang", "is zh or en")
        checks = frozenset(reader.strings("checks")) or frozenset({"TEXT", "LIVE"})
        if bad := checks - CHECKS:
            raise reader.fail("checks", f"unknown check type(s) {sorted(bad)}")
        scope = cast(Scope, reader.scope(row, inherit=False))
        report = reader.strings("report")
        if not report:
            raise reader.fail("report", "names at least one law id")
        for law_id in report:
            meta = {**laws.get(law_id, {}), **{k: v for k, v in row.items() if k in _LAW_KEYS}}
            law_reader = _Reader(f"{where}({law_id})", meta, kinds, {})
            missing = [k for k in ("title", "law", "severity", "message", "message_en") if k not in meta]
            if missing:
                raise law_reader.fail(",".join(missing), f"is required: add [laws.\"{law_id}\"] or set it on the row")
            suffix = (f"[{','.join(sorted(on))}]" if on else "") + (f"/{lang}" if lang else "")
            out.append(Rule(
                id=law_id, key=f"{law_id}@{after}{suffix}", family=law_reader.text("family") or "laws",
                title=cast(str, law_reader.text("title")), severity=cast(Severity, law_reader.severity("severity")),
                law=cast(str, law_reader.text("law")), checks=checks, message=cast(str, law_reader.text("message")),
                message_en=cast(str, law_reader.text("message_en")), suggestion=law_reader.text("suggestion"),
                guards=(), critical_in=frozenset(), scope=scope, triggers=(), allow=(), allow_patterns=(),
                unless_sentence=(), rewrites={}, claim=None, gate=frozenset(), unverified=None, examples=(),
                clean_examples=(), follows=after, lang=lang or "*", follow_on=on, source=where))
    return out


def check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.key in seen:
            raise ConfigError(f"rule {rule.key} is defined twice ({seen[rule.key]} and {rule.source})")
        seen[rule.key] = rule.source
