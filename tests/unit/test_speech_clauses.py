"""Clauses are what the anchor streams and where it can be interrupted."""

from __future__ import annotations

import pytest

from cohost.speech import normalize, split_clauses


def test_splits_at_clause_punctuation_and_keeps_it() -> None:
    text = normalize("欢迎来到我们的直播间！今天这款保温杯只要99元，买1送1，库存有限，喜欢的宝宝赶紧下单吧！")
    assert split_clauses(text) == ["欢迎来到我们的直播间！", "今天这款保温杯只要九十九元，", "买一送一，",
                                   "库存有限，", "喜欢的宝宝赶紧下单吧！"]


def test_tiny_fragments_join_the_next_clause() -> None:
    assert split_clauses("好，宝宝们看这里！") == ["好，宝宝们看这里！"]
    assert split_clauses("今天的福利很多，好！") == ["今天的福利很多，好！"]


def test_long_clauses_are_cut_at_spaces_and_never_inside_a_latin_word() -> None:
    text = "iPhone 十五 Pro " * 10
    clauses = split_clauses(text, max_chars=20)
    assert all(len(c) <= 20 for c in clauses)
    assert " ".join(clauses).split() == text.split()
    assert all(w in {"iPhone", "十五", "Pro"} for c in clauses for w in c.split())


def test_a_run_without_punctuation_is_cut_at_max_chars() -> None:
    clauses = split_clauses("好" * 100, max_chars=40)
    assert [len(c) for c in clauses] == [40, 40, 20]


@pytest.mark.parametrize("text", ["", "   ", "，，，。", "！？"])
def test_nothing_speakable_gives_no_clauses(text: str) -> None:
    assert split_clauses(text) == []


def test_no_text_is_lost() -> None:
    text = normalize("第一句，第二句。第三句！最后一句没有标点")
    assert "".join(split_clauses(text)) == text


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        split_clauses("你好", max_chars=1)
