"""Instructions: a how-to question — "耳机怎么配对", "怎么连蓝牙", "怎么切2.4G", "充电宝怎么看电量", "膜怎么贴" — is
answered by the product's usage text when that text names the act asked (every character of it: 配对, 连…蓝牙,
切…2.4G, 看…电量, 贴), not by an attribute that shares a word with it (蓝牙版本 for "怎么连蓝牙"). Acts that are
not instructions (怎么样, 怎么办, 怎么卖/买/拍/退/换/发, washing: ``care``) are left to their own answers.

    howto_act("键盘蓝牙怎么连")                                  # → "连"
    instructed("怎么切2.4g", "…Fn+R切换2.4G模式…")               # → True
    instructed("键盘蓝牙怎么连", "蓝牙配对：长按Fn+Q…", "K87键盘")   # → True (蓝牙, said before a one-character act)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HOWTO = re.compile(r"(怎么|怎样|如何|咋)(才能|才|去|来|能)?(?P<act>[\u4e00-\u9fffa-z0-9.]{1,6})")
_NOT_ACT = re.compile(r"^(样|么样|办|回事|卖|买|拍|下单|退|换|发|寄|算|收费|联系|洗|晾|熨|保养|保存|选|用|弄|搞|说|看待|不)")
_PARTICLES = re.compile(r"[呢啊呀吗的了哇嘛哦么]+$")
_CHUNK = re.compile(r"[\u4e00-\u9fffa-z0-9.]{1,8}$")  # the words just before 怎么, back to a space or mark


def howto_act(text: str) -> str | None:
    """The act a how-to question asks ("连蓝牙", "配对"), or None."""
    m = _HOWTO.search(text)
    if m is None:
        return None
    act = _PARTICLES.sub("", m.group("act"))
    if not act or _NOT_ACT.search(act):
        return None
    return act


def instructed(text: str, usage: str, names: str = "", attributes: Sequence[str] = ()) -> bool:
    """Does the usage text name the act the how-to question asks? A one-character act ("连", "切", "泡") says too
    little alone: the thing said just before it, less the product's own ``names``, must be named there too
    ("键盘蓝牙怎么连" → 蓝牙; not "mac模式怎么切" → mac式, "蓝牙的那个怎么连" → 的那个); with no such thing
    ("怎么泡"), the act must be in the usage text and in no attribute (label and value) that may say it better
    ("冲泡方式: …")."""
    m = _HOWTO.search(text)
    act = howto_act(text)
    if m is None or act is None:
        return False
    said = usage.lower()
    if len(act) > 1:
        return all(c in said for c in act)
    before = _CHUNK.search(text[:m.start()])
    own = set(names.lower())
    thing = "".join(c for c in (before.group(0) if before else "") if c not in own)
    if thing:
        return len(thing) >= 2 and thing in said
    return act in said and not any(act in a.lower() for a in attributes)


__all__ = ["howto_act", "instructed"]
