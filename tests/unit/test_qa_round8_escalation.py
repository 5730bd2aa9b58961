"""Escalation and unknowns, eighth round: each cause fixed by a general mechanism, found cases reworded and near
misses that must not change:

1. An explicit request to be handed to a person ("转人工", "找个真人", "叫客服出来") outranks the complaint,
   dispute or other matter said with it: human_request, the other matter kept in the cue for whoever takes
   over (``handovers``). A person who is only the subject ("客服不给退"), asked about ("客服几点上班"), asked
   whether the AI is one, or a boss asked for with a complaint ("投诉 找负责人") keeps its reason; urgent harm
   and injection keep theirs.
2. A child whose age is its name (a newborn, an infant, "6个月的宝宝") asking whether a hazard is safe for them is
   ``minor``, as "3岁孩子" is; a harm that happened stays ``safety`` (``incidents.NEWBORN``).
"""

from __future__ import annotations

import pytest

from cohost.knowledge import handovers
from cohost.knowledge.escalation import Risk, detect_risk
from cohost.knowledge.text import normalize


def _reason(text: str) -> str | None:
    risk = detect_risk(normalize(text))
    return risk.reason if risk else None


@pytest.mark.parametrize("text", [
    "转人工 我要退货退款",
    "人工客服！收到就是坏的 要退",
    "我要找真人客服 质量也太差了",
    "叫你们客服出来 快递丢了谁管",
    "帮我转接人工 订单地址填错了",
    "麻烦找个人工帮我查下退款进度",
])
def test_explicit_request_for_a_person_outranks_the_other_matter(text: str) -> None:
    risk = detect_risk(normalize(text))
    assert risk is not None and risk.reason == "human_request" and risk.intent == "human"


def test_the_other_matter_stays_in_the_cue() -> None:
    risk = detect_risk(normalize("转人工 我要退款"))
    assert risk is not None and risk.reason == "human_request" and "退款" in risk.cue


@pytest.mark.parametrize(("text", "reason"), [
    ("客服说拆了就不给退 凭什么", "dispute"),          # the desk as the subject, no request
    ("降价了 客服就是不给补差价", "dispute"),
    ("客服半天不回消息 什么态度", "complaint"),
    ("找客服说了好几次没用 我要退款", "dispute"),      # the desk already tried, the refund is the matter
    ("我要投诉 叫你们负责人来", "complaint"),          # a boss asked for with a complaint
    ("转人工 孩子把磁铁吞了", "safety"),                # urgent harm keeps its reason
    ("不想活了 转人工", "self_harm"),
])
def test_near_misses_keep_their_reason(text: str, reason: str) -> None:
    assert _reason(text) == reason


@pytest.mark.parametrize("text", ["客服几点上班", "你是真人吗", "是人工还是机器人在回"])
def test_no_request_in_questions_about_the_desk(text: str) -> None:
    assert handovers.request(normalize(text)) is None


def test_over_leaves_kept_reasons_and_none() -> None:
    assert handovers.over("转人工", None) is None
    harm = Risk("health", "suitability", "过敏")
    assert handovers.over("转人工 过敏了", harm) is harm


@pytest.mark.parametrize("text", [
    "新生儿戴银镯子安全吗",
    "婴儿用这个有毒吗",
    "8个月大的宝宝戴金手链安全吗",
])
def test_a_newborn_asking_about_a_hazard_is_a_minor(text: str) -> None:
    assert _reason(text) == "minor"


@pytest.mark.parametrize(("text", "reason"), [
    ("婴儿误吞了一颗珠子", "safety"),                   # it happened: safety whoever was hurt
    ("小孩会不会把珠子吞下去", "safety"),               # no age said: as before
    ("3岁孩子戴耳钉安全吗", "minor"),                   # an age in years: as before
])
def test_newborn_near_misses(text: str, reason: str) -> None:
    assert _reason(text) == reason
