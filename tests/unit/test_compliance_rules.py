"""The rule files: every rule loads with an id, law reference and messages, its own examples behave, and a
broken rule file is refused with a message naming file, rule and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from cohost.compliance import Checker
from cohost.compliance.categories import CategoryMap
from cohost.compliance.rules import SEVERITY_OF, load_rule_file
from cohost.domain import Product
from cohost.errors import ConfigError

CHECKER = Checker.default()
MODE = {frozenset({"CMT"}): "comment", frozenset({"CMT", "LIVE"}): "live"}


def _mode(rule_checks: frozenset[str]) -> str:
    return MODE.get(rule_checks, "text" if "TEXT" in rule_checks else "live")


def test_packaged_rules_cover_every_family_the_brief_names() -> None:
    families = {r.family for r in CHECKER.rules}
    assert {"absolute", "medical", "guarantee", "urgency", "price", "metrics", "testimonial", "disparagement",
            "superstition", "authority", "identity", "manipulation", "minors", "crisis", "privacy", "sector",
            "gate", "facts"} <= families
    assert len(CHECKER.rules) >= 60


@pytest.mark.parametrize("rule", CHECKER.rules, ids=lambda r: r.key)
def test_every_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.law and rule.title and rule.message and rule.message_en
    assert rule.severity in SEVERITY_OF.values()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.message), "messages are Chinese first"


EXAMPLES = [(r, text) for r in CHECKER.rules for text in r.examples]
CLEAN = [(r, text) for r in CHECKER.rules for text in r.clean_examples]


@pytest.mark.parametrize(("rule", "text"), EXAMPLES, ids=[f"{r.key}:{t[:12]}" for r, t in EXAMPLES])
def test_rule_examples_are_found(rule, text: str) -> None:  # type: ignore[no-untyped-def]
    findings = CHECKER.check(text, mode=_mode(rule.checks))
    assert rule.id in {f.rule for f in findings}, findings


@pytest.mark.parametrize(("rule", "text"), CLEAN, ids=[f"{r.key}:{t[:12]}" for r, t in CLEAN])
def test_rule_clean_examples_are_not_flagged_by_that_rule(rule, text: str) -> None:  # type: ignore[no-untyped-def]
    findings = CHECKER.check(text, mode=_mode(rule.checks))
    assert rule.id not in {f.rule for f in findings}, findings


def test_rule_lookup_by_id_and_key() -> None:
    assert CHECKER.rule("AD-09-3").family == "absolute"
    assert CHECKER.rule("PRICE-ZJ#stock").claim == "stock"
    with pytest.raises(KeyError):
        CHECKER.rule("NO-SUCH-RULE")


def test_categories_map_merchant_wording_to_kinds() -> None:
    categories = CategoryMap.load()

    def kinds(category: str, title: str = "商品") -> frozenset[str]:
        return categories.kinds_of(Product(sku="X", title=title, category=category, price=1, stock=1))

    assert "cosmetics" in kinds("美妆护肤")
    assert {"baby", "cosmetics"} <= kinds("母婴", "婴儿保湿面霜 50g")
    assert "infant_formula" in kinds("母婴", "较大婴儿配方奶粉 2段")
    assert "health_food" in kinds("营养保健")
    assert "tobacco" in kinds("数码", "雾化电子烟套装")
    assert kinds("服饰") == frozenset({"apparel"})


BROKEN = {
    "unknown key": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
                    'colour="red"\n[[rules.terms]]\nwords=["a"]\n', "unknown key"),
    "bad severity": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S9"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
                     '[[rules.terms]]\nwords=["a"]\n', "severity"),
    "bad regex": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
                  '[[rules.patterns]]\nregex="最(("\n', "regex does not compile"),
    "unknown guard": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
                      'guards=["vibes"]\n[[rules.terms]]\nwords=["a"]\n', "unknown guard"),
    "unknown kind": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
                     'applies_to=["spaceships"]\n[[rules.terms]]\nwords=["a"]\n', "unknown category kind"),
    "unknown lexicon": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
                        '[[rules.patterns]]\nregex="{nothing}"\n', "unknown lexicon"),
    "no triggers": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n',
                    "needs terms"),
    "missing law": ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nmessage="m"\nmessage_en="e"\n'
                    '[[rules.terms]]\nwords=["a"]\n', "law"),
    "not toml": ("[[rules]\nid=", "not valid TOML"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_rule_file_is_refused_with_file_and_field(tmp_path: Path, name: str) -> None:
    source, reason = BROKEN[name]
    path = tmp_path / "broken.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rule_file(path, CategoryMap.load().kinds)
    assert "broken.toml" in str(caught.value) and reason in str(caught.value)


def test_a_rule_defined_twice_is_refused(tmp_path: Path) -> None:
    rule = ('[[rules]]\nid="X-1"\nfamily="f"\ntitle="t"\nseverity="S2"\nlaw="l"\nmessage="m"\nmessage_en="e"\n'
            '[[rules.terms]]\nwords=["甲"]\n')
    (tmp_path / "a.toml").write_text(rule, encoding="utf-8")
    (tmp_path / "b.toml").write_text(rule, encoding="utf-8")
    (tmp_path / "categories.toml").write_text('[kinds.food]\ncategory=["食品"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="defined twice"):
        Checker.from_directory(tmp_path)


def test_a_custom_rule_directory_works_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "categories.toml").write_text('[kinds.food]\ncategory=["食品"]\n', encoding="utf-8")
    (tmp_path / "house.toml").write_text(
        'family="house"\n[[rules]]\nid="HOUSE-1"\ntitle="店规"\nseverity="S4"\nlaw="店铺规范"\n'
        'message="不说“{text}”"\nmessage_en="avoid \'{text}\'"\nsuggestion="换个说法"\n[[rules.terms]]\nwords=["绝绝子"]\n',
        encoding="utf-8")
    checker = Checker.from_directory(tmp_path)
    [finding] = checker.check("这个颜色绝绝子")
    assert (finding.rule, finding.severity, finding.text, finding.span) == ("HOUSE-1", "low", "绝绝子", (4, 7))
    assert finding.message == "不说“绝绝子” / avoid '绝绝子'" and finding.suggestion == "换个说法"
