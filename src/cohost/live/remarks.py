"""Remarks and paraphrased asks: the live room's intent where the wording, not the product words, decides.

- ``remark(norm)``: a line with no question cue (the caller checks) that states an opinion or the viewer's
  own situation ("这个版型不错", "这颜色绝了", "枫叶棕好适合秋冬啊", "保温杯 冬天必备", "89有点贵 不如等大牌
  打折", "我手机正好没电了") is small talk, whatever product word the core found in it. A bare noun with no
  cue ("M码", "价格咧", "成分表发一下") names no opinion and stays a question.
- ``asked_intent(intent, topic, norm)``: a paraphrase the grouping already reads as one question
  (``paraphrase.recast``) takes that question's intent: a bare "N号多少" / "米多少" is ``price``; a size
  choice with a body figure, a shade for a skin tone, one colour asked or "only this colour?" are
  ``variant`` (the size chart, the shade advice, the colour list). "N号是X吗" is left to the core.
- ``not_buying(norm)``: "算了不买了", "没买" is not an order remark ("买了").

Constraints: precompiled expressions, no model call; the reader caches per (line, product on screen), so
each runs once per distinct line: ``remark`` one ``re.search`` (only for lines without a cue),
``asked_intent`` the at most seven searches of ``recast`` (only for attribute / variant / suitability /
usage / other readings).
"""

from __future__ import annotations

import re

from cohost.live.paraphrase import FIT, SHADE_FIT, recast

# an opinion or a state, never a request: praise, "too dear", "a must", "suits autumn", "I … now"
_REMARK = re.compile(r"不错|绝了|好正|真正|好看|好美|漂亮|必备|神器|有点贵|太贵|贵了|好贵|便宜|不值|划算|好适合|真适合|"
                     r"挺适合|喜欢|爱了|显老|一般般|^我(?!要|想|该|能|可)[^\d]{1,8}了$")
_REMARK_INTENTS = frozenset({"attribute", "variant", "suitability", "usage", "price", "other"})
_VARIANT_TOPICS = frozenset({FIT, SHADE_FIT, "colour"})
_NOT_BUYING = re.compile(r"(?:不|没|别|不想|不要)(?:买|拍)了?")


def remark(intent: str, norm: str) -> bool:
    """Whether a cue-less line the core read as ``intent`` is a remark (small talk), not a question."""
    return intent in _REMARK_INTENTS and _REMARK.search(norm) is not None


def asked_intent(intent: str, topic: str | None, norm: str) -> str | None:
    """The intent of the question a paraphrase names (``price`` or ``variant``), else None."""
    same = recast(intent, topic, norm)
    if same is None:
        return None
    if same[0] == "price":
        return "price"
    return "variant" if same[1] in _VARIANT_TOPICS else None


def not_buying(norm: str) -> bool:
    """Whether ``norm`` says the viewer is not buying ("算了不买了")."""
    return _NOT_BUYING.search(norm) is not None


__all__ = ["asked_intent", "not_buying", "remark"]
