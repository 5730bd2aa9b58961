"""Inclusions: what comes with the product — "送线吗", "充电头带不带线的", "配电池吗", "附说明书吗" — is answered by an
attribute that says what is included ("是否含线: 不含数据线，仅充电头", "附带线材: 附C to C…数据线各一根",
"包装清单: …", "笔尖: 附送替换笔尖2个") or by a gift promotion ("下单送1米快充线一根") that names the thing asked. A paid add-on ("加19.9元可换购…")
is no gift and never says it comes with the product.

    included_asked("充电头带不带线的")                                                  # → "线"
    included_fields("送线吗", [("是否含线", "不含数据线，仅充电头")], ["加19.9元可换购数据线"])   # → ([0], [])
"""

from __future__ import annotations

import re

_ASKED = re.compile(r"(送|配|带|附|赠)(不(送|配|带|附|赠)|没(送|配|带|附|赠))?(个|一个|的|根|条|只|套|一根|一条|一个)?"
                    r"(?P<item>[\u4e00-\u9fffa-z]{1,4}?)(的)?(吗|嘛|么|不|没|呢|$)")
# an attribute that says what is included with the product
_LABEL = re.compile(r"是否(含|带|送|附|配)|附带|附赠|赠品|标配|配件|包装清单|清单|包含|内含|随附|套装内容")
# a promotion that gives something with the order (not a paid add-on)
_GIFT = re.compile(r"送|赠")
# a value that says something comes with it ("附送替换笔尖2个", "不含数据线", "标配充电器")
_SAYS_INCLUDED = re.compile(r"附|赠|送|标配|随机|含|配有")
_PAID = re.compile(r"加\s*\d|换购|加价")
_NOT_ITEM = re.compile(r"^(货|我|你|人|到|上|回|走|着|过|去|来|出|了|什么|啥)")


def included_asked(text: str) -> str | None:
    """The thing a question asks whether it comes with the product ("线", "电池"), or None."""
    m = _ASKED.search(text)
    if m is None:
        return None
    item = m.group("item")
    return None if _NOT_ITEM.search(item) else item


def included_fields(text: str, attributes: list[tuple[str, str]], promotions: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the attributes (label, value) saying what is included and naming the thing asked, and of the
    gift promotions naming it."""
    item = included_asked(text)
    if item is None:
        return [], []

    def names(s: str) -> bool:
        return all(c in s for c in item)

    attrs = [i for i, (label, value) in enumerate(attributes)
             if (_LABEL.search(label) or _SAYS_INCLUDED.search(value)) and names(label + value)]
    gifts = [i for i, p in enumerate(promotions) if _GIFT.search(p) and not _PAID.search(p) and names(p)]
    return attrs[:2], gifts[:1]


__all__ = ["included_asked", "included_fields"]
