"""Order-service lines: what a line about the viewer's own order asks, read by its words.

A line carrying the viewer's own data (a phone, a card, an address) or an order or tracking number is
about one order, for a person in private: never grouped, no product. Which service it asks is in its
words, not in the product words the Q&A core reads:

- a refund to a card ("退到这张卡 6212…", "钱退这个卡", "退款打这里") is ``returns``;
- where a parcel is or when it leaves ("订单号…到哪了 三天没动", "手机号…的订单到哪了", "单号…能加急吗",
  "帮我查下快递") is ``shipping``;
- an explicit grievance ("实名投诉你们", "骗子", "客服不回") stays the core's complaint;
- anything else (a wrong item sent, a courier who cannot get through, "帮我查下订单", "尾号5678那个订单是我的")
  is the order service itself, ``other``.

A late parcel asked about without any data ("说好的48小时发货 三天了还没发", "拍了没发货 都三天了") is a
shipping question too, not a complaint, unless it carries a grievance ("快递五天没动 客服也不回").

Constraints: only the intent is chosen here; the escalation (a person in private, or the complaint queue)
is the stage's. Cost: ``service_line`` one ``re.search`` per comment that reaches the core; ``service_intent``
at most four more, only on service lines and the core's complaints.
"""

from __future__ import annotations

import re

# an order or tracking number, or a phone's last digits naming an order ("尾号5678那个订单")
_ORDER_NUMBER = re.compile(r"(?:订单|单号|运单|快递单)(?:号|编号)?\s*[:：]?\s*(?:[a-z]{1,3})?\d{8,}|尾号\s*\d{3,4}")
_REFUND = re.compile(r"退款|退钱|退到|退差价|钱退|退(?:这|那|我)?(?:张|个)?卡|打(?:到|这)")
_PARCEL = re.compile(r"到哪|在哪|还没到(?!账)|没收到|没动|不动|还没发|没发货|不发货|还不发|(?:啥|什么)时候发|几时发|"
                     r"加急|催(?:一?下)?(?:发货|快递)|物流|查.{0,3}(?:快递|物流|单号)|签收")
_GRIEVANCE = re.compile(r"投诉|举报|曝光|骗|差评|垃圾|说法|态度|坑|客服.{0,4}(?:不回|不理|没人)|不回复|"
                        r"坏|漏|破|假|过敏|质量")


def service_line(norm: str) -> bool:
    """Whether ``norm`` names one order by its number (the viewer's data is found by PII masking)."""
    return _ORDER_NUMBER.search(norm) is not None


def service_intent(norm: str, *, changes_order: bool) -> str | None:
    """The intent of a line about the viewer's own order: ``returns``, ``shipping``, ``other``, or None when
    it carries a grievance (the core's complaint stands)."""
    if changes_order:
        return "other"
    if _REFUND.search(norm) is not None:
        return "returns"
    if _GRIEVANCE.search(norm) is not None:
        return None
    return "shipping" if _PARCEL.search(norm) is not None else "other"


def late_parcel(norm: str) -> bool:
    """Whether a line the core read as a complaint asks after a late parcel and carries no grievance."""
    return _PARCEL.search(norm) is not None and _GRIEVANCE.search(norm) is None and _REFUND.search(norm) is None


__all__ = ["late_parcel", "service_intent", "service_line"]
