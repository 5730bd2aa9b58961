"""What the goods can do, held to the listing: waterproofing, warranty length and a power bank's charge count.

Three capability claims said in live talk or copy are checked against the product's own facts (attributes,
selling points, cautions):

- waterproofing: 完全防水, 绝对防水, 百分百防水 said of goods whose listing only states a splash-proof
  treatment (防泼水, 防溅水, 生活防水) or says plainly that they are not waterproof (不防水, 防泼水不等于防水)
  is contradicted;
- warranty: 质保五年, 保修3年, 五年内坏了包换, 终身质保 said of goods whose warranty field (质保, 保修)
  lists a shorter period is contradicted (a promise misstated: Advertising Law Art. 8 beside Art. 28(2));
- charge count: 能给手机充满五次 said of a power bank whose rated capacity (额定容量, or 60% of the cell
  capacity when only that is listed) cannot give that many charges of an ordinary phone (3,000 mAh counted
  generously) is contradicted.

Constraints:

- Only a listing that speaks to the capability can contradict: goods silent on waterproofing, with no warranty
  field or no capacity in mAh, leave the claim to the guarantee rules and the content fact check.
- A denied claim (不是完全防水, 防泼水不等于防水, 不敢说质保五年) and a question (是完全防水吗) are not claims.
- The claims are ``attribute`` claims with verdict ``contradicted``: the facts rule (AD-04) reports them with the
  listed value as the correction; ``attribute:warranty`` also draws AD-08 (rules/laws.toml).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cohost.compliance.claim import Claim
from cohost.compliance.facts import ProductView, Verdict
from cohost.compliance.numbers import parse_number
from cohost.compliance.text import NormalizedText

Pair = tuple[Claim, Verdict]

_N = r"[\d一二两三四五六七八九十]+"
_WATERPROOF = re.compile(r"(?:完全|绝对|百分百|百分之百|彻底|真正的?|全)防水(?![等级])")
_SPLASH_ONLY = re.compile(r"防泼水|防溅水|泼水|生活防水|轻度防水|不防水|不等于防水|不是防水|不能(?:泡水|浸水|水洗)|会湿透")
_FULLY = re.compile(r"(?<!不等于)(?<!不是)(?:完全|全)防水|IPX?[5-8]|防水等级", re.IGNORECASE)
_WARRANTY = re.compile(rf"(?:质保|保修|包修|保固)(?:期)?(?:是|有|长达|整整|足足|给到)?(?P<n>{_N})年"
                       rf"|(?P<m>{_N})年(?:内)?(?:质保|保修|包修|包换|坏了[^,。!?;]{{0,4}}?(?:换新|包换|免费换))"
                       r"|(?P<life>终身|永久)(?:质保|保修|包换)")
_WARRANTY_FIELD = re.compile(r"质保|保修|保固|三包")
_MONTHS = re.compile(rf"(?P<n>{_N})\s*(?:个)?(?P<u>年|月)")
_CHARGES = re.compile(rf"充满(?:电)?(?P<n>{_N})(?:次|遍|回)|充(?P<m>{_N})(?:次|遍|回)(?:电)?(?:满)?")
_MAH = re.compile(r"(?P<n>\d{4,6})\s*mAh", re.IGNORECASE)
_PHONE_MAH = Decimal(3000)  # a small phone's battery: the count allowed is generous, never the strictest one
_DENIED = re.compile(r"(?:不是|并非|并不是|不等于|没说|不算|不敢说|不能说|别说|不叫|谈不上|做不到)[^,。!?;]{0,4}$")
_ASKED = re.compile(r"^[^,。!?;]{0,6}?(?:吗|么|嘛|\?)")
# the claim named as words the speaker will not say (什么终身包换那种话我是不会说的, 质保五年这种承诺我们不敢给)
_DISOWNED = re.compile(r"^[^。!?;]{0,8}?(?:那种|这种|之类的?|这样的|那样的)(?:话|说法|承诺|保证)|^[^。!?;]{0,10}?(?:不会|不敢|不能|从来不|不乱)"
                       r"(?:说|讲|承诺|保证|给)")


def _said(norm: NormalizedText, m: re.Match[str]) -> bool:
    c_start, _ = norm.clause(m.start())
    after = norm.text[m.end():]
    return not _DENIED.search(norm.text[c_start:m.start()]) and not _ASKED.match(after) and not _DISOWNED.match(after)


def _months(value: str) -> Decimal | None:
    """The warranty period a listing states, in months (一年 → 12, 24个月 → 24); None when it states none."""
    if "终身" in value or "永久" in value:
        return Decimal(10_000)
    found = [(parse_number(m.group("n")), m.group("u")) for m in _MONTHS.finditer(value)]
    periods = [n * (12 if u == "年" else 1) for n, u in found if n is not None]
    return max(periods) if periods else None


def _rated_mah(view: ProductView) -> tuple[str, Decimal] | None:
    """The rated capacity in mAh (额定容量), or 60% of the cell capacity when only that is listed."""
    cell: tuple[str, Decimal] | None = None
    for raw, value in view.product.attributes.items():
        m = _MAH.search(str(value))
        if m is None or "容量" not in raw:
            continue
        if "额定" in raw:
            return raw, Decimal(m.group("n"))
        cell = cell or (raw, Decimal(m.group("n")) * Decimal("0.6"))
    return cell


def _waterproof(norm: NormalizedText, view: ProductView) -> list[Pair]:
    listing = [(fid, text) for fid, text in view.corpus if ".attr:" in fid or fid.endswith((".cautions", ".title"))
               or ".selling_point:" in fid]
    if any(_FULLY.search(text) for _, text in listing):
        return []  # the listing itself claims full waterproofing (IPX7, 防水等级): the word is the listing's
    limits = [(fid, text) for fid, text in listing if _SPLASH_ONLY.search(text)]
    if not limits:
        return []
    fids = tuple(fid for fid, _ in limits)
    expected = "；".join(text for _, text in limits)
    return [(Claim("attribute", m.start(), m.end(), "waterproof"),
             Verdict("contradicted", fids, expected, "商品只做了防泼水处理，不是完全防水"))
            for m in _WATERPROOF.finditer(norm.text) if _said(norm, m)]


def _warranty(norm: NormalizedText, view: ProductView) -> list[Pair]:
    field = next(((raw, str(v)) for raw, v in view.product.attributes.items() if _WARRANTY_FIELD.search(raw)), None)
    if field is None:
        return []
    raw, value = field
    listed = _months(value)
    if listed is None:
        return []
    out: list[Pair] = []
    for m in _WARRANTY.finditer(norm.text):
        said = Decimal(10_000) if m.group("life") else parse_number(m.group("n") or m.group("m") or "")
        if said is None or not _said(norm, m):
            continue
        months = said if m.group("life") else said * 12
        if months > listed:
            out.append((Claim("attribute", m.start(), m.end(), "warranty", subject=raw),
                        Verdict("contradicted", (f"{view.sku}.attr:{raw}",), f"{raw}{value}", "质保期与商品信息不一致")))
    return out


def _charges(norm: NormalizedText, view: ProductView) -> list[Pair]:
    rated = _rated_mah(view)
    if rated is None:
        return []
    raw, mah = rated
    out: list[Pair] = []
    for m in _CHARGES.finditer(norm.text):
        said = parse_number(m.group("n") or m.group("m") or "")
        if said is None or said < 2 or not _said(norm, m):
            continue
        if said * _PHONE_MAH > mah:
            out.append((Claim("attribute", m.start(), m.end(), "charges", subject=raw),
                        Verdict("contradicted", (f"{view.sku}.attr:{raw}",),
                                f"{raw}{view.product.attributes[raw]}", "按额定容量充不满这么多次")))
    return out


def capability_claims(norm: NormalizedText, view: ProductView) -> list[Pair]:
    """Waterproofing, warranty and charge-count claims the listing contradicts."""
    return _waterproof(norm, view) + _warranty(norm, view) + _charges(norm, view)
