"""Each rule family on violating lines and on the false-positive traps a live room is full of; the cases
file of the benchmark doubles as a regression suite."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cohost.compliance import Checker
from cohost.domain import Product

ROOT = Path(__file__).resolve().parents[2]
CASES = [json.loads(line) for line in (ROOT / "bench/data/compliance_cases.jsonl").read_text(encoding="utf-8").splitlines()]
PRODUCTS = {k: Product.model_validate(v) for k, v in
            json.loads((ROOT / "bench/data/compliance_products.json").read_text(encoding="utf-8")).items() if k[0] != "_"}
CHECKER = Checker.default()


def _run(case: dict[str, Any]) -> set[str]:
    product = PRODUCTS[case["product"]] if case.get("product") else None
    now = datetime.fromisoformat(case["now"]) if case.get("now") else None
    findings = CHECKER.check(case["text"], product=product, now=now, mode=case["mode"], stats=case.get("stats"))
    for f in findings:
        assert case["text"][f.span[0]:f.span[1]] == f.text
    return {f.rule for f in findings}


def test_the_cases_file_is_big_and_balanced() -> None:
    assert len(CASES) >= 200
    assert len({c["id"] for c in CASES}) == len(CASES)
    kinds = {c["kind"] for c in CASES}
    assert kinds == {"violation", "clean", "trap"}
    for family in ("absolute", "medical", "guarantee", "urgency", "price", "metrics", "testimonial"):
        mine = [c for c in CASES if c["family"] == family]
        assert any(c["kind"] == "violation" for c in mine) and any(c["kind"] != "violation" for c in mine), family


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "violation"], ids=lambda c: c["id"])
def test_violations_are_reported_with_the_expected_rule(case: dict[str, Any]) -> None:
    assert set(case["expect"]) <= _run(case), case["text"]


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] != "violation"], ids=lambda c: c["id"])
def test_clean_lines_and_traps_get_no_finding(case: dict[str, Any]) -> None:
    assert _run(case) == set(), case["text"]


@pytest.mark.parametrize(("text", "word"), [
    ("最近很多宝宝在问", None), ("这是我第一次来", None), ("第一步先洁面", None), ("用前最好先做皮试", None),
    ("满300最高可减50", None), ("这不是最好的，但很实用", None), ("有人问：“是不是最好的？”", None),
    ("完美日记的同款色号", None), ("第一件原价，第二件半价", None), ("我们致力于做最好的产品", None),
    ("这款是最好用的", "最好用"),
])
def test_absolute_term_traps_from_the_brief(text: str, word: str | None) -> None:
    findings = [f for f in CHECKER.check(text, mode="live") if f.rule == "AD-09-3"]
    assert [f.text for f in findings] == ([word] if word else [])


def test_an_answer_agreeing_with_the_viewer_is_still_a_claim() -> None:
    findings = CHECKER.check("是不是最好的？是的，没有之一！", mode="live")
    assert [f.text for f in findings if f.rule == "AD-09-3"] == ["最好", "没有之一"]
    assert CHECKER.check("是不是最好的？不敢这么说，但很适合干皮", mode="live") == []


def test_viewer_comments_are_not_ad_claims() -> None:
    assert CHECKER.check("这个是全网最好用的吗？能治湿疹吗？", mode="comment") == []
    assert {f.rule for f in CHECKER.check("活着没意思，不想活了", mode="comment")} == {"ANTH-5"}


def test_absolute_terms_are_critical_in_health_food_and_education() -> None:
    course = Product(sku="E1", title="考研英语网课", category="教育培训", price=99, stock=10)
    [finding] = [f for f in CHECKER.check("最权威的考研课", product=course) if f.rule == "AD-09-3"]
    assert finding.severity == "critical"
    [plain] = [f for f in CHECKER.check("最权威的考研课") if f.rule == "AD-09-3"]
    assert plain.severity == "high"


def test_medical_words_depend_on_the_category() -> None:
    tea = Product(sku="T1", title="桂花乌龙", category="食品", price=29.9, stock=10)
    cream = Product(sku="C1", title="保湿面霜", category="美妆护肤", price=99, stock=10)
    assert {f.rule for f in CHECKER.check("喝了能美白", product=tea)} == {"SEC-FOOD-1"}
    assert {f.rule for f in CHECKER.check("用了能美白", product=cream)} == {"SEC-COS-1"}
    # a disease claim on a cosmetic breaks the Advertising Law (AD-17) and the cosmetics regulation (SEC-COS-2)
    assert {f.rule for f in CHECKER.check("对湿疹有效", product=cream)} == {"AD-17", "SEC-COS-2"}


def test_findings_carry_message_suggestion_and_sorted_spans() -> None:
    text = "全网最低价！我是真人主播，我自己用了三年，不买我就要被老板骂了"
    findings = CHECKER.check(text, mode="live")
    assert [f.span for f in findings] == sorted(f.span for f in findings)
    by_rule = {f.rule: f for f in findings}
    assert {"PRICE-19", "AD-09-3", "ANTH-1", "AD-38", "ANTH-4"} <= set(by_rule)
    assert by_rule["AD-09-3"].suggestion == "直播间专享价"
    assert by_rule["ANTH-1"].severity == "critical" and "AI" in by_rule["ANTH-1"].message
    assert " / " in by_rule["AD-38"].message  # Chinese, then English


def test_cue_marks_in_scripts_are_not_speech() -> None:
    assert CHECKER.check("[倒计时] 喜欢的宝宝可以拍了 [上链接]") == []


def test_mode_is_validated() -> None:
    from cohost.errors import InputError

    with pytest.raises(InputError):
        CHECKER.check("全网最低", mode="shouting")
