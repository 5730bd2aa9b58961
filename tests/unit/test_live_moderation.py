"""Moderation: spam, ads, diversion and abuse are labelled with reasons; honest criticism never is."""

from __future__ import annotations

import pytest

from cohost.live.moderation import Moderator
from cohost.live.screening import match_form


def judge(text: str, moderator: Moderator | None = None, **kw: object) -> tuple[str, tuple[str, ...]]:
    verdict = (moderator or Moderator()).judge(text, match_form(text), **kw)  # type: ignore[arg-type]
    return verdict.label, verdict.flags


@pytest.mark.parametrize("text", [
    "质量太差了，差评", "垃圾东西，退钱", "用了过敏，烂脸了", "太贵了不值", "客服一直不回复，太坑了",
    "什么破玩意", "假货吧这是", "三天了还没发货", "這個質量真的很差",
])
def test_negative_opinions_and_complaints_are_never_hidden(text: str) -> None:
    label, flags = judge(text)
    assert label == "ok"
    assert "negative" in flags


@pytest.mark.parametrize(("text", "label"), [
    ("兼职刷单日结300", "spam"), ("免费领取福利 www.fuli-xx.top", "spam"), ("互粉互关", "spam"),
    ("加我vx更便宜", "diversion"), ("私聊我，便宜一半", "diversion"), ("去拼多多搜同款", "diversion"),
    ("主播是傻逼吧", "abuse"), ("脑残主播", "abuse"), ("sb主播", "abuse"), ("滚蛋", "abuse"),
])
def test_spam_diversion_and_abuse_are_labelled_with_a_reason(text: str, label: str) -> None:
    got, flags = judge(text)
    assert got == label
    assert flags  # every label carries a reason code for the audit trail


def test_a_contact_handle_found_by_the_pii_stage_is_diversion() -> None:
    assert judge("我在这 [联系方式已隐藏]", pii=("wechat",))[0] == "diversion"
    assert judge("电话138****5678帮我改地址", pii=("mobile",))[0] == "ok"  # order service, not diversion


def test_an_abusive_complaint_is_labelled_abuse_but_still_flagged_negative() -> None:
    label, flags = judge("傻逼店，质量太差")
    assert label == "abuse" and "negative" in flags


def test_repetition_by_one_user_becomes_spam_but_not_across_users() -> None:
    moderator = Moderator(repeat_limit=3)
    labels = [judge("主播看我", moderator, user_id="u1", ts=float(i))[0] for i in range(5)]
    assert labels == ["ok", "ok", "ok", "spam", "spam"]
    others = [judge("主播看我", moderator, user_id=f"v{i}", ts=10.0)[0] for i in range(50)]
    assert set(others) == {"ok"}
    # the window slides: a minute later the same user starts afresh
    assert judge("主播看我", moderator, user_id="u1", ts=200.0)[0] == "ok"


def test_user_memory_is_bounded() -> None:
    moderator = Moderator(max_users=100)
    for i in range(1000):
        judge("hi", moderator, user_id=f"u{i}", ts=float(i))
    assert len(moderator._users) <= 100


def test_one_user_flooding_many_different_lines_becomes_spam() -> None:
    moderator = Moderator(flood_limit=30)
    labels = [judge(f"第{i}条不同的话", moderator, user_id="u9", ts=i * 0.5)[0] for i in range(40)]
    assert labels[:30] == ["ok"] * 30 and set(labels[30:]) == {"spam"}
