"""PII detection and masking for live comments (compliance.md §9.3).

Detection runs on the text as received, with character classes that already accept the evasions of
§9.3 (full-width and Chinese digits, 幺 for one, spaces, dashes and dots between digits), so the spans
found are spans of the shown text and masking needs no offset mapping.

Constraints:

- Resolution order PII-ORDER: ID card → bank card → mobile → the rest; a lower-priority match that
  overlaps an accepted span is dropped.
- ID cards: date and region plausibility; a valid GB 11643 checksum is high confidence, a format-only
  match is still masked (medium). Bank cards: Luhn, or a card context word; a 16–19-digit run that fails
  Luhn or sits after 订单/单号/快递单 is an order or waybill number, not a card (T51).
- WeChat and QQ ids need a context word (bare 5–11-digit numbers are prices, counts, order numbers).
- Addresses need three admin tokens with at least one street-level token (路, 号, 栋, 单元, 小区, …):
  a city or district alone ("杭州能到吗") is not personal.
- Masks follow §9.3: ``138****5678``, ``110105********002X``, ``6222 **** **** 0128``,
  ``[联系方式已隐藏]``, ``a***@domain``, ``浙江省杭州市****``, ``张*``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {**{str(i): i for i in range(10)}, **{chr(0xFF10 + i): i for i in range(10)},
           "零": 0, "〇": 0, "洞": 0, "一": 1, "幺": 1, "壹": 1, "二": 2, "贰": 2, "三": 3, "叁": 3, "四": 4,
           "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
D = "[" + "".join(_DIGITS) + "]"
S = r"[ \t\u3000\-－—–_.·]?"
_NOT_D_BEFORE = rf"(?<!{D})(?<!{D}[ \-])"
_NOT_D_AFTER = rf"(?!{D})(?![ \-]{D})"

_MOBILE = re.compile(rf"{_NOT_D_BEFORE}(?:(?:\+|＋)?(?:86|８６){S})?(?:1|１|一|幺|壹)(?:{S}{D}){{10}}{_NOT_D_AFTER}")
_ID18 = re.compile(rf"{_NOT_D_BEFORE}{D}(?:{S}{D}){{16}}{S}(?:{D}|[Xx])(?![0-9A-Za-z０-９])")
_LONG = re.compile(rf"{_NOT_D_BEFORE}{D}(?:{S}{D}){{14,18}}{_NOT_D_AFTER}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}[@＠][A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,10}")
_DECOR = r"[\s❤♥❥💕💗♡☆★~～*·.\-_]?"  # a heart or a dot put inside the word to slip past filters
_WECHAT = re.compile(
    rf"(?:(?:微|威|薇|徽|维|围|卫){_DECOR}(?:信|xin|x)号?|卫星号?|[vVｖＶ]{_DECOR}(?:信|[xXｘＸ])号?|(?:wei\s?xin|we\s?chat)(?:\s?id|号)?|"
    rf"(?<![A-Za-z])[vVｖＶ](?=\s?[:：号])|"
    rf"[wWｗＷ]{_DECOR}[xXｘＸ]|绿泡泡|(?:➕|\+|＋|加){_DECOR}[vVｖＶ]|薇(?=[\s:：❤♥~～*]|[A-Za-z]))"
    r"[\s:：=是为号码~～❤♥\-]{0,4}([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9@])",
    re.I,
)
_QQ = re.compile(rf"(?:qq|ｑｑ|扣扣|企鹅号?|q号|球球|(?<![A-Za-z])q(?=\s?[:：]))[\s:：=是为号码群]{{0,5}}((?:{D}{S}){{4,10}}{D})", re.I)
_CARD_CONTEXT = re.compile(r"卡号|银行卡|储蓄卡|信用卡|借记卡|退款到|退到|打到|转到|转账|收款")
_ORDER_CONTEXT = re.compile(r"订单|单号|快递|运单|物流|编号")
_NAME = re.compile(r"(?:收件人|收货人|姓名|名字叫|名字是|我叫|联系人|寄给)[\s:：是为]{0,3}([\u4e00-\u9fff]{2,4})")
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
                "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧司上诸")
_ADDR_RUN = re.compile(r"[\u4e00-\u9fff0-9０-９A-Za-z#\-－]{6,}")
_ADDR_TOKEN = re.compile(r"自治区|特别行政区|街道|小区|单元|大厦|公寓|花园|[省市区县镇乡村路街巷弄号栋幢室楼苑]")
_FINE = frozenset("路街巷弄号栋幢室楼苑村") | {"街道", "小区", "单元", "大厦", "公寓", "花园"}
_ADDR_LEAD = re.compile(r"^(?:收货地址|地址是|地址|寄到|送到|发到|住在|改成|改到|改为|在)")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
HIDDEN = "[联系方式已隐藏]"


@dataclass(frozen=True, slots=True)
class Detection:
    kind: str
    start: int
    end: int
    confidence: str  # "high" | "medium"
    mask: str


def digits_of(text: str) -> str:
    return "".join(str(_DIGITS[c]) for c in text if c in _DIGITS)


def luhn_ok(number: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(number)):
        d = int(char)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def id_checksum_ok(number: str) -> bool:
    body, check = number[:17], number[17].upper()
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11] == check


def _id_plausible(number: str) -> bool:
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    return number[0] != "0" and 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _near(pattern: re.Pattern[str], text: str, start: int, end: int, width: int = 8) -> bool:
    return pattern.search(text, max(0, start - width), min(len(text), end + 4)) is not None


def _find_ids(text: str, out: list[Detection]) -> None:
    for m in _ID18.finditer(text):
        raw = m.group(0)
        number = digits_of(raw[:-1]) + (raw[-1].upper() if raw[-1] in "Xx" else digits_of(raw[-1]))
        if len(number) != 18 or not _id_plausible(number):
            continue
        confidence = "high" if id_checksum_ok(number) else "medium"
        out.append(Detection("id_card", m.start(), m.end(), confidence, number[:6] + "*" * 8 + number[-4:]))


def _find_cards(text: str, out: list[Detection]) -> None:
    for m in _LONG.finditer(text):
        number = digits_of(m.group(0))
        if not 16 <= len(number) <= 19:
            continue
        if _near(_ORDER_CONTEXT, text, m.start(), m.end(), 10) and not _near(_CARD_CONTEXT, text, m.start(), m.end()):
            continue  # an order or waybill number (T51)
        if luhn_ok(number):
            confidence = "high"
        elif _near(_CARD_CONTEXT, text, m.start(), m.end()):
            confidence = "medium"
        else:
            continue
        out.append(Detection("bank_card", m.start(), m.end(), confidence, f"{number[:4]} **** **** {number[-4:]}"))


def _find_mobiles(text: str, out: list[Detection]) -> None:
    for m in _MOBILE.finditer(text):
        number = digits_of(m.group(0))
        if number.startswith("86") and len(number) == 13:
            number = number[2:]
        if len(number) != 11 or number[1] not in "3456789":
            continue
        out.append(Detection("mobile", m.start(), m.end(), "high", f"{number[:3]}****{number[-4:]}"))


def _find_handles(text: str, out: list[Detection]) -> None:
    for m in _WECHAT.finditer(text):
        out.append(Detection("wechat", m.start(1), m.end(1), "high", HIDDEN))
    for m in _QQ.finditer(text):
        out.append(Detection("qq", m.start(1), m.end(1), "high", HIDDEN))
    for m in _EMAIL.finditer(text):
        local, _, domain = m.group(0).replace("＠", "@").partition("@")
        out.append(Detection("email", m.start(), m.end(), "high", f"{local[:1]}***@{domain}"))


def _find_addresses(text: str, out: list[Detection]) -> None:
    for run in _ADDR_RUN.finditer(text):
        tokens = list(_ADDR_TOKEN.finditer(text, run.start(), run.end()))
        kinds = {t.group(0) for t in tokens}
        if len(tokens) < 3 or not kinds & _FINE:
            continue
        start = run.start()
        lead = _ADDR_LEAD.match(text, start)
        if lead:
            start = lead.end()
        end = tokens[-1].end()
        while end < run.end() and (text[end] in _DIGITS or text[end] in "#-－"):
            end += 1
        keep_to = start
        for t in tokens:  # keep the province / city prefix, as §9.3's 浙江省杭州市****
            if t.group(0) in ("省", "市", "自治区", "特别行政区") and t.end() - start <= 8:
                keep_to = t.end()
            else:
                break
        if end - keep_to < 2:
            continue
        out.append(Detection("address", keep_to, end, "medium", "****"))


def _find_names(text: str, out: list[Detection]) -> None:
    for m in _NAME.finditer(text):
        name = m.group(1)
        if name[0] in _SURNAMES:
            out.append(Detection("name", m.start(1), m.end(1), "medium", name[0] + "*" * (len(name) - 1)))


_GATE = re.compile(
    rf"(?P<num>{D}(?:{S}{D}){{6}})|(?P<at>[@＠])"
    r"|(?P<handle>信|卫星|薇|[vｖ][\W_]{0,2}[xｘ:：号]|[wｗ][\W_]{0,2}[xｘ]|[+➕＋加][\W_]{0,2}[vｖ]|wei|wechat|泡泡"
    r"|qq|ｑｑ|扣扣|企鹅|q号|q\s?[:：]|球球)"
    r"|(?P<name>收件|收货人|姓名|名字|我叫|联系人|寄给)"
    r"|(?P<addr>自治区|街道|小区|单元|大厦|公寓|花园|[省市区县镇乡村路街巷弄号栋幢室楼苑])",
    re.I,
)


def detect(text: str) -> list[Detection]:
    """Every PII span in ``text``, in text order, overlaps resolved by PII-ORDER."""
    hits: set[str] = set()
    addr_tokens = 0
    for m in _GATE.finditer(text):
        group = m.lastgroup or ""
        hits.add(group)
        addr_tokens += group == "addr"
    if not hits:
        return []
    finders = []
    if "num" in hits:
        finders += [_find_ids, _find_cards, _find_mobiles]
    if hits & {"at", "handle"}:
        finders.append(_find_handles)
    if addr_tokens >= 3:
        finders.append(_find_addresses)
    if "name" in hits:
        finders.append(_find_names)
    found: list[Detection] = []
    for finder in finders:
        candidates: list[Detection] = []
        finder(text, candidates)
        for cand in candidates:
            if all(cand.end <= d.start or cand.start >= d.end for d in found):
                found.append(cand)
    found.sort(key=lambda d: d.start)
    return found


def mask(text: str) -> tuple[str, tuple[str, ...]]:
    """(masked text, kinds found in PII_KINDS order)."""
    found = detect(text)
    if not found:
        return text, ()
    parts: list[str] = []
    pos = 0
    for d in found:
        parts.append(text[pos:d.start])
        parts.append(d.mask)
        pos = d.end
    parts.append(text[pos:])
    kinds = {d.kind for d in found}
    order = ("mobile", "id_card", "bank_card", "address", "wechat", "qq", "email", "name")
    return "".join(parts), tuple(k for k in order if k in kinds)
