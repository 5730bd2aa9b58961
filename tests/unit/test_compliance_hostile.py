"""Broken, huge and hostile input: the checker never crashes, stays linear, and its spans stay honest."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from cohost.compliance import Checker

CHECKER = Checker.default()


def assert_spans(text: str) -> list[str]:
    findings = CHECKER.check(text, mode="live")
    for f in findings:
        assert 0 <= f.span[0] < f.span[1] <= len(text)
        assert text[f.span[0]:f.span[1]] == f.text
    return [f.rule for f in findings]


@pytest.mark.parametrize("text", ["", " ", "\n\t  \u3000", "\u200b\u200b"])
def test_empty_and_blank_texts_have_no_findings(text: str) -> None:
    assert CHECKER.check(text) == []
    assert CHECKER.claims(text, None) == []


def test_control_characters_do_not_break_matching_or_spans() -> None:
    text = "\x00全网\x07最低\x1b[31m价\x00，我是\r\n真人"
    rules = assert_spans(text)
    assert "AD-09-3" in rules


def test_lone_surrogates_and_odd_unicode() -> None:
    for text in ("全网最低\ud800价", "\udfff最好用\U0001f600", "e\u0301最佳\u0300", "\ufeff顶级\ufffe"):
        assert_spans(text)


def test_a_20000_character_text_is_checked_whole() -> None:
    line = "这款精华质地清爽，洁面后取两三滴轻拍至吸收。"
    text = (line * (20_000 // len(line)))[:19_990] + "全网最低价！"
    assert len(text) == 19_996
    findings = CHECKER.check(text)
    assert [f.text for f in findings if f.rule == "AD-09-3"] == ["全网最低价"]
    assert findings[-1].span[1] == len(text) - 1


def test_pathological_repetitions_stay_fast_enough_to_finish() -> None:
    # would explode a backtracking pattern; each must finish (the suite's timeout guards it)
    for text in ("最" * 20_000, "我" * 20_000, "1" * 20_000, "第一" * 10_000, "别家" * 10_000, "，" * 20_000,
                 "仅剩" + "9" * 5000 + "件", "“" * 5000 + "最好" + "”" * 5000):
        assert_spans(text)


def test_random_unicode_fuzz_keeps_span_invariants() -> None:
    rng = random.Random(1234)
    pieces = ["最", "好", "第一", "全网", "不是", "？", "，", "。", " ", "*", "🔥", "\u200b", "原价", "99", "仅剩", "3件",
              "我用了", "三年", "治疗", "“", "”", "Ａ", "ＮＯ．１", "gü", "\x00", "國", "價", "zui"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert_spans(text)


def test_the_default_checker_is_shared_and_thread_safe() -> None:
    assert Checker.default() is CHECKER
    texts = ["全网最低价", "我是真人主播", "仅剩3件", "这是我第一次来"] * 50
    expected = [CHECKER.check(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(CHECKER.check, texts))
    assert got == expected
