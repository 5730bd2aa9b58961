"""Who and where a product is for, asked by a viewer's own case: "3岁以后还能用推车吗" ↔ 适用年龄: 0-36个月,
"七个月能用保温杯吗" ↔ 适用年龄: 1岁以上, "我190能用吗" ↔ 适用身高: 150-190cm, "骑车能穿吗" ↔ 适用场景: 跑步、
健身、徒步、骑行, "新生儿能用吗" ↔ 适用人群: 新生儿可用.

A merchant states the range a product suits in one attribute (年龄, 月龄, 身高, 人群, 场景). A question telling an
age, a month age, a height or an activity and asking whether it fits is answered by that attribute: its own
words say the range, the viewer's case is never judged here (nothing is computed, no "yes" said). ``suited``
finds the attribute, or None when the question tells no such case or no attribute states that range.

    suited("3岁以后还能用推车吗", [("适用年龄", "0-36个月")])     # → 0
    suited("骑车能穿吗", [("适用场景", "跑步、骑行")])              # → 0
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_N = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)"
# whether it fits: "能用吗", "可以穿吗", "还能坐吗", "适合吗", "合适吗"
_FITS = re.compile(r"(能|可以|可|适合|合适|够)(用|穿|坐|躺|戴|吃|喝|睡|背|骑|玩|拿)?.{0,4}(吗|么|嘛|不|没)|适合|合适|能不能|可不可以|行不行|"
                   r"(用|穿|坐|戴)(得|不)(了|下)|当.{1,6}(穿|用|戴)|"
                   r"(能|可以)(用|穿|坐|戴|吃|喝|睡)[?？]?$")
_AGE = re.compile(rf"{_N}\s*(岁|周岁)|几岁|多大(的)?(孩子|宝宝|小孩|年龄)|年龄|小学|幼儿园|初中|青少年|成人|大人|老人")
_MONTH = re.compile(rf"{_N}\s*个?\s*(月|月龄)(?!份|号|底|初)|新生儿|刚出生|满月|月龄|月子")
_HEIGHT = re.compile(r"身高|(?<![\d.])(1[3-9]\d|2[01]\d)(?![\d.])\s*(cm|厘米)?(?!\s*(ml|毫升|g|克|元|块|斤|kg|w|码|号|mm))|"
                     r"[一1]米[五六七八九5-9]")
_SCENE = re.compile(r"场景|场合|日常|平时|通勤|上班|上学|旅行|旅游|出差|运动|跑步|夜跑|骑车|骑行|爬山|登山|徒步|露营|健身|户外|室内|"
                    r"钓鱼|夜钓|瑜伽|训练|居家|办公|逛街")  # (weather — 下雨, 雪地 — asks for a rating, not a use)
_LABELS = {
    "age": ("适用年龄", "年龄", "适用人群", "适用阶段", "月龄", "适用身高"),
    "month": ("适用月龄", "月龄", "适用年龄", "年龄", "适用人群", "适用阶段"),
    "height": ("适用身高", "身高"),
    "scene": ("适用场景", "场景", "用途", "适用场合"),
}
# what a value must speak of to answer that case (a 适用人群 of "男女同款" says nothing about an age)
_SPEAKS = {
    "age": re.compile(r"岁|月|儿|童|成人|新生|婴|幼"),
    "month": re.compile(r"月|岁|新生|婴|满月"),
    "height": re.compile(r"cm|厘米|米|\d{3}"),
    "scene": re.compile(r"."),
}


def case_told(text: str) -> str | None:
    """The viewer's case a suitability question tells: "month", "age", "height", "scene", or None."""
    if not _FITS.search(text):
        return None
    if _MONTH.search(text):
        return "month"
    if _AGE.search(text):
        return "age"
    if _HEIGHT.search(text):
        return "height"
    if _SCENE.search(text):
        return "scene"
    return None


def suited(text: str, attributes: Sequence[tuple[str, str]]) -> int | None:
    """Index of the attribute (label, value) stating the range the question's case falls in or out of."""
    case = case_told(text)
    if case is None:
        return None
    for cue in _LABELS[case]:  # in order: the most specific label first
        for i, (label, value) in enumerate(attributes):
            if cue in label and "不适用" not in label and _SPEAKS[case].search(value.lower()):
                return i
    return None


__all__ = ["case_told", "suited"]
