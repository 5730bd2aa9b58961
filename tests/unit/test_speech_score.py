"""The Whisper round-trip scoring (bench/speech_score.py): both sides normalised the same way, and only
differences in what was said count as errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("zhconv")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from speech_score import align, score, tagged, tokens

# (script sentence, what Whisper wrote) pairs that are the same speech: CER 0
SAME = [
    ("今天只要99元", "今天只要九十九元"),
    ("今天只要99元", "今天只要99元。"),
    ("售价99元", "售價99元"),  # traditional characters
    ("一袋5kg", "一袋5公斤"),
    ("这款iPhone 15 Pro", "这款爱疯十五普若"),
    ("这款iPhone 15 Pro", "这款 iPhone 15 Pro"),
    ("到手价89.9元", "到手价89块9"),
    ("满199减30", "满一百九十九减三十，"),
    ("16GB内存", "16G内存"),
]

# pairs that differ in what was heard: the CER counts it
DIFFERENT = [
    ("今天只要99元", "今天只要98元", 1),
    ("这款保温杯", "这款宝温杯", 1),
    ("库存有限", "互存有限", 1),
    ("买一送一", "买一送", 1),
]


@pytest.mark.parametrize(("said", "heard"), SAME)
def test_the_same_speech_written_differently_scores_zero(said: str, heard: str) -> None:
    assert score([said], [heard]).errors == 0


@pytest.mark.parametrize(("said", "heard", "errors"), DIFFERENT)
def test_a_different_word_is_an_error(said: str, heard: str, errors: int) -> None:
    assert score([said], [heard]).errors == errors


def test_folding_only_merges_spellings_of_the_same_numeral() -> None:
    said, heard = "两百克", "二百克"
    assert score([said], [heard]).errors == 1
    assert score([said], [heard], fold=True).errors == 0
    assert score(["两件"], ["三件"], fold=True).errors == 1


def test_categories_follow_the_part_of_the_sentence_they_came_from() -> None:
    tags = dict(zip(["这", "款", "三", "十", "毫", "升"], [t for _, t in tagged("这款30ml")], strict=True))
    assert tags == {"这": "other", "款": "other", "三": "numbers", "十": "numbers", "毫": "units", "升": "units"}
    assert {t for _, t in tagged("iPhone")} == {"latin"}
    assert [t for _, t in tagged("16GB")] == ["numbers", "numbers", "units"]


def test_errors_are_charged_to_their_category() -> None:
    result = score(["这款30ml只要99元"], ["这款三十毫生只要九十九元"])
    assert result.err_by["units"] == 1
    assert result.err_by["numbers"] == 0
    assert result.chars == len(tokens("这款30ml只要99元"))


def test_syllable_errors_ignore_homophone_spellings() -> None:
    result = score(["到手价"], ["刀手架"])
    assert result.errors == 2
    assert result.syllable_errors == 0


def test_alignment_is_minimal() -> None:
    pairs = align("abc", "axc")
    assert pairs == [(0, 0), (1, 1), (2, 2)]
    assert align("ab", "") == [(0, None), (1, None)]
    assert align("", "ab") == [(None, 0), (None, 1)]
