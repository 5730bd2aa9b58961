"""Jobs on a viewer's own order or deal that only a person of the shop can do: look up where a parcel is,
cancel what was just bought, write a note on the order, make a piece to measure, talk a wholesale price over.
The independent writers hold these as ``other`` escalations: no fact answers them and "we don't know" would
be wrong, since somebody can do it.

Constraints: read after ``escalation.detect_risk`` (an order gone wrong is a dispute or a complaint there,
"帮我改地址" included); a rule asked about ("刻名字要怎么备注", "能定做1.2米的吗", "批发价多少") is no job asked of a
person and stays with the facts or the unknowns. Pure functions of the normalised text; nothing here answers.
"""

from __future__ import annotations

import re

from cohost.knowledge.escalation import Risk

# (pattern, the intent reported with the escalation)
_JOBS: tuple[tuple[re.Pattern[str], str], ...] = (
    # the parcel of an order looked up: "帮我查下物流到哪了", "订单尾号3321 到哪了"
    (re.compile(r"(帮|给)(我|忙)(查|看|问)(一)?(下|查|看)?(我的)?(物流|快递|订单|单号|包裹)|"
                r"(物流|快递|包裹)(现在)?(到|在)哪(了|儿|里)|订单(尾号|号)(是)?\s*\d{3,}"), "shipping"),
    # an order just placed undone: "刚拍的能帮我取消吗", "拍了两个只要一个 怎么取消"
    (re.compile(r"(帮|给)我取消|(怎么|如何|咋)取消(?!.{0,4}(会员|自动续费|订阅))"), "other"),
    # a note written on the order for the viewer: "帮我备注下周六之后再送" (not "怎么备注": the rule asked)
    (re.compile(r"(帮|给)(我|忙)(备注|标注|写个备注)|(能|可以)(帮我)?备注(一下)?(吗|么|不)?(?=.{0,12}(送|发|到|再))"), "other"),
    # a piece made to the viewer's order: "给我定做一只58圈口的", "帮我订做一个"
    (re.compile(r"(给|帮)我(定做|订做|定制|订制)(一|\d|个|只|条|件|套|副|对)"), "other"),
    # a wholesale or company deal to be talked over: "我要批发一百条 能谈吗", "酒店用100套 能谈价吗"
    (re.compile(r"(批发|采购|大批|大量|批量|酒店用|公司用|团购).{0,14}(谈|商量|详聊|私聊|聊一下)"), "purchase"),
)


def order_job(text: str) -> Risk | None:
    """An ``other`` hold for a job on the viewer's order or deal that a person must do, or None."""
    for pattern, intent in _JOBS:
        if m := pattern.search(text):
            return Risk("other", intent, m.group(0))
    return None
