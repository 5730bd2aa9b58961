"""Timing from the speaking rate, and cue marks: what an operator relies on to fill a show's minutes."""

from __future__ import annotations

import pytest

from cohost.content.pacing import Pacing, cues, pause, sentences, spoken_text, strip_cues


def test_chinese_at_the_default_rate() -> None:
    assert Pacing().speech_seconds("家人们晚上好欢迎来到直播间") == pytest.approx(13 / 4.5)


@pytest.mark.parametrize(("text", "chars"), [
    ("89元", 4), ("129元", 6), ("15天", 3), ("105元", 5), ("59.9元", 6), ("2026年", 5), ("100元", 3),
])
def test_numbers_count_as_they_are_read(text: str, chars: int) -> None:
    # 八十九元 一百二十九元 十五天 一百零五元 五十九点九元 二零二六年 一百元
    assert Pacing().spoken_chars(text) == chars


def test_cue_marks_are_not_spoken_but_pauses_count() -> None:
    line = "链接已经上好了[上链接]，有问题打在公屏上[看评论][停顿20秒]"
    p = Pacing(chars_per_second=5)
    assert spoken_text(line) == "链接已经上好了，有问题打在公屏上"
    assert cues(line) == ["上链接", "看评论", "停顿20秒"]
    assert p.seconds([line]) == pytest.approx(15 / 5 + 20)
    assert p.pause_seconds([line]) == 20


def test_rate_is_configurable_and_bounded() -> None:
    line = "这款精华液现在的价格是八十九元"
    assert Pacing(3.0).seconds([line]) > Pacing(6.0).seconds([line])
    with pytest.raises(ValueError):
        Pacing(0.1)


def test_unknown_brackets_are_spoken_text_not_cues() -> None:
    line = "规格【大号】和[不是提示]都照常念"
    assert cues(line) == []
    assert spoken_text(line) == line


def test_strip_cues_maps_back_to_the_line() -> None:
    line = "活动到23:59结束[倒计时]，全网最低[上链接]"
    spoken, where = strip_cues(line)
    start = spoken.index("全网最低")
    assert line[where[start]:where[start + 3] + 1] == "全网最低"


def test_pause_marks_are_clamped() -> None:
    assert pause(0) == "[停顿1秒]" and pause(9999) == "[停顿300秒]"
    assert Pacing().pauses("[停顿999秒]") == 300  # a hand-edited long pause counts as at most 300 s
    assert Pacing().pauses("[停顿300秒][停顿5秒]") == 305


def test_sentences_keep_their_stops_and_trailing_cues() -> None:
    assert sentences("价格是89元。活动今晚结束！[倒计时]最后一句") == ["价格是89元。", "活动今晚结束！[倒计时]", "最后一句"]
