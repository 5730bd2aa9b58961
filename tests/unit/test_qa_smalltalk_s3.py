"""Greetings and small talk about the host, in the forms independent writers used: recognised as such, while
questions that share their words are still questions."""

from __future__ import annotations

import pytest

from cohost.knowledge.intents import classify
from cohost.knowledge.text import normalize_question


def intent(text: str) -> str:
    return classify(normalize_question(text).text).intent


@pytest.mark.parametrize("text", ["hello家人们", "hi主播", "我来咯", "又来了", "刚进来", "老粉报道", "早呀宝子们",
                                  "早安大家"])
def test_greetings(text: str) -> None:
    assert intent(text) == "greeting"


@pytest.mark.parametrize("text", ["主播吃晚饭了没", "主播下班了吗", "主播声音好好听", "主播好贴心"])
def test_small_talk_about_the_host(text: str) -> None:
    assert intent(text) == "chitchat"


@pytest.mark.parametrize("text", ["早点发货可以吗", "history怎么样", "这个吃了会胖吗", "hey这个多少钱", "早上下单几点发"])
def test_questions_sharing_those_words_stay_questions(text: str) -> None:
    assert intent(text) not in ("greeting", "chitchat")
