"""Normalisation and offsets: evasions are caught, and every span points at the caller's own characters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cohost.compliance import Checker, NormalizedText
from cohost.compliance.numbers import parse_number

CHECKER = Checker.default()


@pytest.mark.parametrize(("text", "shown"), [
    ("全網最低價", "全網最低價"),              # traditional characters
    ("全网 最低价", "全网 最低价"),             # a space inserted to dodge a word list
    ("最*好*用的精华", "最*好*用"),             # symbols between characters
    ("最🔥好用", "最🔥好用"),                   # emoji between characters
    ("全网\u200b最低", "全网\u200b最低"),        # zero-width space
    ("ＮＯ．１的国货", "ＮＯ．１"),              # full-width letters
    ("zui好用的面霜", "zui好用"),               # pinyin for 最
])
def test_evasions_are_found_and_spans_show_the_original(text: str, shown: str) -> None:
    findings = CHECKER.check(text)
    assert findings, text
    assert shown in [f.text for f in findings]
    for f in findings:
        assert text[f.span[0]:f.span[1]] == f.text


def test_offsets_map_back_through_expansions_and_removals() -> None:
    norm = NormalizedText("㎏装…最 好")  # ㎏ → kg (1 → 2), … → ... (1 → 3), the space is removed
    assert norm.text == "kg装...最好"
    start = norm.text.index("最好")
    assert norm.original_span(start, start + 2) == (3, 6)
    assert norm.original_span(0, 2) == (0, 1)


def test_fast_path_keeps_identity_offsets() -> None:
    norm = NormalizedText("这是普通的一句话，没有需要改的字符。")
    assert norm.original_span(3, 5) == (3, 5)


def test_clauses_and_sentences() -> None:
    norm = NormalizedText("不是最好的，但很好用。下一句")
    assert norm.text[slice(*norm.clause(3))] == "不是最好的"
    assert norm.text[slice(*norm.sentence(3))] == "不是最好的,但很好用。"


@pytest.mark.parametrize(("said", "value"), [
    ("89", Decimal(89)), ("89.9", Decimal("89.9")), ("1,299", Decimal(1299)), ("八十九", Decimal(89)),
    ("一百二十九", Decimal(129)), ("两千", Decimal(2000)), ("1.5万", Decimal(15000)), ("10万+", Decimal(100000)),
    ("三", Decimal(3)), ("九点九", Decimal("9.9")), ("2025", Decimal(2025)), ("十五", Decimal(15)),
])
def test_numbers_as_spoken(said: str, value: Decimal) -> None:
    assert parse_number(said) == value


@pytest.mark.parametrize("said", ["", "几", "好多", "abc", "1.2.3"])
def test_vague_quantities_are_not_numbers(said: str) -> None:
    assert parse_number(said) is None
