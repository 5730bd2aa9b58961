"""Readings of verified claims in their context: claims the speaker does not make, and measured figures.

Both run over the (claim, verdict) pairs after they are verified (from :func:`cohost.compliance.offers.revise`).

:func:`retract` drops the pairs that state nothing checkable:

- a ranking or award the speaker denies (是第五名不是第一名, 是银奖不是金奖, 并非冠军): the denial
  narrows the claim; the affirmed part is still checked against the evidence records;
- the idiom 不是一回事 / 不是一码事 read as a figure (销量总榜跟新品榜不是一回事);
- without a product, a time limit inside a self-correction (我口误了，纠正一下：券十点结束): the
  speaker retracts an earlier time, and there is no listing to hold the new one to (with a product the
  time is still verified);
- 就这两个 that counts back over a list the speaker just gave (功效是保湿和护肤，就这两个), in a
  sentence that says nothing about stock;
- a figure said to lie outside the product's range (12公斤超出说明书写的范围了): the speaker agrees with
  the listing, the figure is the viewer's case, not the product's.

:func:`remeasure` reads a measured figure against its evidence record: a listing states the rated value
(额定容量12000mAh) and a record what a test measured (额定容量实测12380mAh, 第三方检测报告); a clause that says
the figure was measured (实测, 测得) is checked against the record, not the nominal attribute.

Constraints:

- :func:`retract` only drops pairs, never adds or re-verifies; each test looks at the claim's own clause or
  sentence, so a denial in one sentence never clears a claim in another.
- :func:`remeasure` changes a verdict only for a clause that says it is a measurement and a record that states
  the same figure (the evidence matcher's figure and unit test); a figure said without 实测 is still held to
  the listing.
"""

from __future__ import annotations

import re

from cohost.compliance.claim import Claim
from cohost.compliance.facts import ProductView, Verdict
from cohost.compliance.text import NormalizedText

Pair = tuple[Claim, Verdict]

_DENIABLE = frozenset({"ranking", "award", "sales"})
_DENIAL_BEFORE = re.compile(r"(?:不是|并不是|并非|也不是|不算|没拿过|没有拿过?|没评上|没得过)$")
_DENIAL_IN = re.compile(r"^(?:不是|并不是|并非|也不是|不算)")
_IDIOM_AFTER = re.compile(r"^(?:回事|码事|样)")
_CORRECTION = re.compile(r"口误|说错了|说错啦|讲错了|我说错|记错了|搞错了|更正一下|纠正一下|更正：|纠正：|我更正|我纠正")
_COUNT_BACK = re.compile(r"^(?:就|只有|就是)?(?:这|那)(?:两|三|四|几|[2-9])(?:个|样|种|项|点)$")
_LIST_JOIN = re.compile(r"[和跟、]|以及")
_FIGURES = frozenset({"attribute", "spec", "numeric"})
_OUTSIDE = re.compile(r"^(?:的话|的)?(?:已经|就|都|是)?(?:超出|超过|超了|不在|不属于)[^,。!?;]{0,10}?(?:范围|适用|说明书)(?:了|外|之外)?")
_STOCK_TALK = re.compile(r"库存|现货|剩|卖完|售罄|没货|抢完|拍完|件|台|单")


def _denied(claim: Claim, norm: NormalizedText) -> bool:
    said = norm.text[claim.start:claim.end]
    if _DENIAL_IN.search(said):
        return True
    c_start, _ = norm.clause(claim.start)
    before = norm.text[max(c_start, claim.start - 5):claim.start]
    return _DENIAL_BEFORE.search(before) is not None


def _idiom(claim: Claim, norm: NormalizedText) -> bool:
    said = norm.text[claim.start:claim.end]
    return said.endswith("不是一") and _IDIOM_AFTER.search(norm.text[claim.end:claim.end + 2]) is not None


def _corrected(claim: Claim, norm: NormalizedText) -> bool:
    return _CORRECTION.search(norm.text, *norm.sentence(claim.start)) is not None


def _counted_back(claim: Claim, norm: NormalizedText) -> bool:
    if _COUNT_BACK.search(norm.text[claim.start:claim.end]) is None:
        return False
    s_start, s_end = norm.sentence(claim.start)
    c_start, _ = norm.clause(claim.start)
    earlier = norm.text[s_start:c_start]
    rest = norm.text[s_start:claim.start] + norm.text[claim.end:s_end]
    return _LIST_JOIN.search(earlier) is not None and _STOCK_TALK.search(rest) is None


def retract(found: list[Pair], norm: NormalizedText, view: ProductView | None) -> list[Pair]:
    """``found`` without the claims the speaker denies, takes back, or only seems to make."""
    out: list[Pair] = []
    for claim, verdict in found:
        if claim.kind in _DENIABLE and (_denied(claim, norm) or _idiom(claim, norm)):
            continue
        if view is None and claim.kind == "window" and _corrected(claim, norm):
            continue
        if claim.kind == "stock" and _counted_back(claim, norm):
            continue
        if claim.kind in _FIGURES and verdict.verdict == "contradicted" and _OUTSIDE.search(norm.text[claim.end:]):
            continue
        if claim.kind == "test" and verdict.verdict == "needs_evidence" and view is not None:
            verdict = _certified(claim, norm, view) or verdict
        out.append((claim, verdict))
    return out


# a certification said without naming it (通过认证, 有认证, 过了认证): it names no body or standard the record could
# contradict, so any certification record on file (通过ECE R129认证, 认证: 3C) backs it
_BARE_CERT = re.compile(r"^(?:通过了?|有|过了|拿到了?|取得了?)(?:相关|正规|国家)?认证$")


def _certified(claim: Claim, norm: NormalizedText, view: ProductView) -> Verdict | None:
    if not _BARE_CERT.match(norm.text[claim.start:claim.end]):
        return None
    records = [fid for fid, text in view.corpus if "认证" in text and (".evidence:" in fid or ".attr:" in fid)]
    return Verdict("supported", tuple(records)) if records else None


_MEASURED = re.compile(r"实测|测得|测出|测试结果|检测结果|检测值|实验室测")
_ASIDE = re.compile(r"[（(][^（()）]*(?:[)）]|$)")
_FIGURE_KINDS = frozenset({"attribute", "spec", "numeric"})


def remeasure(found: list[Pair], norm: NormalizedText, view: ProductView | None) -> list[Pair]:
    """``found`` with contradicted figures that a clause says were measured, and a record states, supported."""
    if view is None or not view.evidence:
        return found
    out: list[Pair] = []
    for claim, verdict in found:
        if claim.kind in _FIGURE_KINDS and verdict.verdict == "contradicted":
            c_start, c_end = norm.clause(claim.start)
            clause = _ASIDE.sub("", norm.text[c_start:max(c_end, claim.end)])  # (报告No.EB2510-076) is a citation
            match = view.evidence_for(clause) if _MEASURED.search(clause) else None
            if match is not None and not match[1]:
                verdict = Verdict("supported", (match[0],))
        out.append((claim, verdict))
    return out
