"""An explicit request to be handed to a person ("转人工", "找个真人", "叫客服出来处理"), read over whatever
else the message raises (``escalation.detect_risk``).

Constraints: a viewer who asks for a person gets the human holding reply, which promises nothing (no
refund, no time, no outcome); the other matter ("我要退款", "坏了") is kept in the cue so the person who
takes over sees it. Only a request counts: a person named as the subject ("客服不给补差价", "客服一直不回
消息"), asked about ("客服几点上班") or asked whether the AI is one ("你是真人吗") is no request. Urgent harm
(self-harm, safety, health, a minor) and injection keep their own reason: their replies carry guidance or
refuse, and they reach a person all the same.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, ClassVar, Protocol, TypeVar

# the reasons an explicit request does not replace
KEPT = frozenset({"self_harm", "injection", "safety", "health", "minor", "human_request"})

EXPLICIT = re.compile(
    # a transfer asked for: "转人工", "转接客服", "帮我转人工"
    r"转(接|给|到)?(个|一个|一下)?(人工|真人|客服)"
    # a person fetched: "找个人工", "我要找真人客服"; the desk alone ("找客服也没用", "找客服退款") is often the
    # story of a dispute, and a boss with a complaint ("投诉 找负责人") is the complaint it says
    r"|(找|叫|喊|换|请|要)(个|一个|一下|位)?(人工|真人)"
    r"|(叫|喊)(你们|你家|你们的)?客服(出来|过来|来)"
    # the bare call at the head of a message: "人工 我要退款", "人工客服！东西坏了"
    r"|^(人工|人工客服|真人客服)(\s|[!！,，。]|人工|$)"
    # asking where the person is: "人工客服呢", "人工在吗"
    r"|(人工|真人)(客服)?(呢|在吗|在哪|在不在)"
)
_IDENTITY = re.compile(r"是(不是)?(真人|人工|机器人|机器|ai|人工智能)|真人还是|是人还是")


class _Risk(Protocol):  # a frozen dataclass (``escalation.Risk``)
    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def reason(self) -> str: ...
    @property
    def cue(self) -> str: ...


R = TypeVar("R", bound=_Risk)


def request(text: str) -> str | None:
    """The words of an explicit request for a person in normalised text, or None."""
    if _IDENTITY.search(text):
        return None
    m = EXPLICIT.search(text)
    return m.group(0) if m else None


def over(text: str, risk: R | None) -> R | None:
    """``risk`` turned into a human request when the viewer explicitly asks for a person, the other
    matter kept in the cue; unchanged otherwise (no request, or a reason in ``KEPT``)."""
    if risk is None or risk.reason in KEPT or (asked := request(text)) is None:
        return risk
    return replace(risk, reason="human_request", intent="human", cue=f"{asked}…{risk.cue}")
