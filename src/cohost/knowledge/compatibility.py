"""Compatibility: whether the product works with the viewer's own device — "苹果能用吗", "iPhone16能用这个充电宝吗",
"华为p70能贴吗", "小天才手表能用这个表带不", "钢化膜有iPhone14的吗" — is answered by the attributes that list what
the product fits ("适用机型", "适用设备", "兼容", "兼容系统", "不适用"). Those values are said as they stand: they
name the devices it fits and the ones it does not; nothing decides yes or no beyond them.

A question asks it when it names a device — a model code (iphone16, p70, mate60, s9) or a device word (苹果,
安卓, 手机, 电脑…) — and asks whether the product can be used, fitted, put on or connected with it. A question
that also asks a measure or a specific capability ("…有快充吗", "…多少瓦", "能连几台") is not answered by a list
of devices, so it is left to the other steps.

    compatibility_asked("华为p70能贴吗")                                       # → True
    compatible_fields("华为p70能贴吗", [("适用机型", "iPhone 15、16…"), ("硬度", "9H")])   # → [0]
"""

from __future__ import annotations

import re

# the labels of attributes that list the devices a product fits (or does not)
_LABEL = re.compile(r"兼容|适配|不适用|适用(机型|设备|型号|手机|手表|车型|电脑|系统|平台|品牌|机器|机种)|"
                    r"支持(机型|设备|型号|系统)|通用(机型|型号|设备)")
# a device the viewer owns: a model code (letters then digits) or a generic device word
_MODEL = re.compile(r"(?<![a-z])(iphone|ipad|mate|nova|note|mac|watch|galaxy|pixel|redmi|[a-z]{1,6}) ?\d{1,3}"
                    r"( ?(pro|max|plus|mini|ultra|promax|pro max|se))*(?![\d.])")
_DEVICE = re.compile(r"苹果|安卓|华为|小米|荣耀|三星|鸿蒙|iphone|ipad|ios|android|mac|macbook|windows|"
                     r"手机|电脑|笔记本|平板|手表|机型|型号|系统")
# asking whether it can be used with, fitted to, put on or connected to that device: the device is the one that
# uses it ("华为能用这个壳吗", "苹果手机能连吗") or the one it suits ("适合苹果吗"); a device after an act is what
# the act is done to ("能装windows系统吗": installing a system), not a device it works with
_ASK = re.compile(r"(能|可以|可|能不能|可不可以|能否)(直接)?(用|贴|连|插|戴|装|充|配|适配|兼容|通用)|用得了|用不了")
_SUITS = re.compile(r"(适合|适用|兼容|适配|通用|支持)(的)?$")
# "有iPhone14的吗": a model asked for as if it were a version of the product
_HAS_BEFORE = re.compile(r"有(没有)?$")
_HAS_AFTER = re.compile(r"^ ?(的|款的?)(吗|嘛|么|没|不|呢)")
# the question asks more than which devices: a measure, a count, a speed, a specific function
_OTHER = re.compile(r"多少|几|多大|多重|多长|多久|多快|快充|功率|瓦|速度|续航|价|钱|优惠|发货|退|换|怎么")
# measures a model-code pattern would take for a model ("65w", "2t", "1.5m"): a unit after the digits
_UNIT_AFTER = re.compile(r"\d\s*(w|mah|wh|v|a|mm|cm|m|t|tb|g|gb|k|h|hz|db)(?![a-z])")


def compatibility_asked(text: str) -> bool:
    """Does the question ask whether the product works with a device it names?"""
    if _OTHER.search(text):
        return False
    plain = _UNIT_AFTER.sub(" ", text)
    devices = [m for m in (*_MODEL.finditer(plain), *_DEVICE.finditer(plain))]
    if not devices:
        return False
    first = min(m.start() for m in devices)
    if any(a.start() >= first for a in _ASK.finditer(plain)):
        return True  # "iPhone16能用这个充电宝吗", "小天才手表能用这个表带不"
    if any(_SUITS.search(plain[:m.start()]) for m in devices):
        return True  # "适合苹果吗"
    return any(_HAS_BEFORE.search(plain[:m.start()]) and _HAS_AFTER.search(plain[m.end():])
               for m in _MODEL.finditer(plain))  # "有iPhone14的吗"


def compatible_fields(text: str, attributes: list[tuple[str, str]]) -> list[int]:
    """The attributes (label, value) that list the devices the product fits, when the question asks that; at most
    three, in the merchant's order."""
    if not compatibility_asked(text):
        return []
    return [i for i, (label, _) in enumerate(attributes) if _LABEL.search(label)][:3]


__all__ = ["compatibility_asked", "compatible_fields"]
