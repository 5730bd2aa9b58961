"""Evidence records and how a claim is matched to one; the figures and word pairs read from a text.

Constraints:

- Evidence is matched after unifying names (3C = CCC = 强制性产品认证, 检验 = 检测): a certification
  mark, qualifier (第三方), award or figure the claim states must be in the record; then a shared mark or
  enough shared wording. An unexpired record wins over an expired one; only expired ones → "已过期".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from cohost.compliance.numbers import parse_number
from cohost.compliance.text import normalize_term
from cohost.compliance.units import Quantity, quantities

_NUM_IN = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
_FILLERS = re.compile(r"这款|这个|我们|咱们|家人们|宝宝们|姐妹们|是|的|了|哦|啊|呢|吧|曾经|也|就|还|获得|荣获|拿过|获过|成为|过|被|评为")
_ORDINAL = re.compile(r"第([一二两三四五六七八九十]+)(?!方)")  # 第三方 is a party, not a rank
_UNIT_AFTER = re.compile(r"[a-z元块%件瓶盒片袋支]")


def _numbers(text: str) -> set[Decimal]:
    out = {Decimal(m.group(0)) for m in _NUM_IN.finditer(text)}
    for m in _ORDINAL.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            out.add(value)
    return out


def _claim_numbers(text: str) -> set[Decimal]:
    """Numbers that identify a ranking/award claim (years, ranks), not prices or specifications."""
    out: set[Decimal] = set()
    for m in _NUM_IN.finditer(text):
        after = text[m.end():m.end() + 1]
        if not (after and _UNIT_AFTER.match(after)) and text[max(0, m.start() - 1):m.start()] not in ("¥", "$"):
            out.add(Decimal(m.group(0)))
    for m in _ORDINAL.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            out.add(value)
    for alias in ("top1", "no.1", "冠军", "榜首"):
        if alias in text:
            out.add(Decimal(1))
    return out


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


@dataclass(frozen=True, slots=True)
class _Evidence:
    fid: str
    expires_at: datetime | None
    text: str  # normalised, synonyms unified
    keys: frozenset[str]  # certification marks and key nouns
    numbers: frozenset[Decimal]
    quantities: tuple[Quantity, ...]
    stated: frozenset[str] = frozenset()  # the keys the claim itself states (the source's are in ``keys`` only)
    codes: frozenset[str] = frozenset()  # report or certificate numbers in the source (gz-2026-0815)


_DISTINCTIVE = frozenset({"ccc", "sgs", "cma", "cnas", "fda", "ce", "fcc", "rohs", "reach", "iso", "gb", "人体法",
                          "spf", "金奖", "银奖", "铜奖", "冠军", "榜首", "一等奖", "特等奖", "优秀奖", "入围", "推荐奖", "专利"})
_EVIDENCE_SYNONYMS = (
    (re.compile(r"(?<![a-z0-9])3c(?![a-z0-9])|中国强制性产品认证|国家强制性产品认证|强制性产品认证|国家强制认证|强制认证"), "ccc"),
    (re.compile(r"检验|质检|测试(?=报告)|检测检验"), "检测"),
    (re.compile(r"第三方(?:检测|检验)?(?:机构|实验室|公司)"), "第三方检测"),
    (re.compile(r"双十一"), "双11"),
)
_KEY_NOUNS = re.compile(r"(?<![a-z0-9])(ccc|sgs|cma|cnas|fda|ce|fcc|rohs|reach|iso|spf)(?![a-z])|第三方|人体法|临床|"
                        r"金奖|银奖|铜奖|冠军|榜首|一等奖|特等奖|优秀奖|入围|推荐奖|专利|(?<![a-z])gb(?=[\s/\d])")


_RANK_WORD = re.compile(r"第([二两三四五六七八九十]{1,3})(?=名|位)")  # 第五名 = 第5名; 第一 stays a key word


def _rank_digits(m: re.Match[str]) -> str:
    value = parse_number(m.group(1))
    return m.group(0) if value is None else f"第{value}"


def _canon_evidence(text: str) -> str:
    for pattern, repl in _EVIDENCE_SYNONYMS:
        text = pattern.sub(repl, text)
    return _RANK_WORD.sub(_rank_digits, text)


def _evidence_keys(text: str) -> frozenset[str]:
    keys = {m.group(1) or m.group(0) for m in _KEY_NOUNS.finditer(text)}
    if ("top1" in text or "no.1" in text or "第一" in text) and not re.search(r"第一[次步个天]", text):
        keys.add("第一")
    return frozenset(keys)


def _evidence_record(fid: str, claim: str, expires_at: datetime | None, source: str = "") -> _Evidence:
    """``source`` (第三方检测报告 编号…) says who tested or awarded: a qualifier the claim may name (防水80分钟，
    第三方检测), never a match on its own."""
    text = _canon_evidence(normalize_term(claim))
    stated = _evidence_keys(text)
    if "第一" in stated or re.search(r"第[一1](?:名|(?![\d.天次步个]))|榜首|冠军|top\s?1|no\.?\s?1", text):
        stated |= {"第一"}
    keys = stated | _evidence_keys(_canon_evidence(normalize_term(source)))
    return _Evidence(fid, expires_at, text, keys, frozenset(_numbers(text) | _claim_numbers(text)),
                     tuple(quantities(text)), stated, report_codes(normalize_term(source)))


# a report or certificate number (gz-2026-0815, zj2026-1107, cnas l1234): the record a spoken citation names
_CODE = re.compile(r"(?<![a-z0-9])[a-z]{1,6}[-\s]?\d{2,}(?:-\d+)+(?![a-z0-9])|(?<![a-z0-9])[a-z]{1,6}\d{6,}(?![a-z0-9])")


def report_codes(text: str) -> frozenset[str]:
    return frozenset(re.sub(r"[-\s]", "", m.group(0)) for m in _CODE.finditer(text))


def cited(records: Sequence[_Evidence], sentence: str, now: datetime) -> tuple[str, bool] | None:
    """(fact id, expired) of the record whose report number is read out in ``sentence`` (第三方检测报告GZ-2026-0815),
    or whose tester is named beside every figure the record states (SGS的报告，除螨率99.2%: the mark
    alone is in the record's source, the figure in its claim)."""
    said = report_codes(sentence)
    for ev in records:
        if said & ev.codes:
            return ev.fid, ev.expires_at is not None and ev.expires_at < now
    canon = _canon_evidence(sentence)
    marks, amounts = _evidence_keys(canon), quantities(canon)
    for ev in records:
        if ev.quantities and marks and marks <= ev.keys and all(
                any(q.judge(a) == "supported" for a in amounts) for q in ev.quantities):
            return ev.fid, ev.expires_at is not None and ev.expires_at < now
    return _restated(records, canon, marks, now)


def _restated(records: Sequence[_Evidence], canon: str, marks: frozenset[str], now: datetime) -> tuple[str, bool] | None:
    """The record a sentence reads out with its scope (新品榜第2名…是2026年双11抖音挂烫机类目的新品销量榜): most
    of the record's wording is said, every rank the sentence names is the record's, no mark it lacks."""
    ranks = {parse_number(m.group(1)) if not m.group(1).isdigit() else Decimal(m.group(1))
             for m in re.finditer(r"第([\d一二两三四五六七八九十]{1,3})(?=名|位)", canon)}
    grams = _bigrams(_FILLERS.sub("", canon))
    for ev in records:
        wording = _bigrams(ev.text)
        if not ranks or not ranks <= ev.numbers or not marks <= ev.keys or len(wording) < 8:
            continue
        if len(wording & grams) / len(wording) >= 0.6:
            return ev.fid, ev.expires_at is not None and ev.expires_at < now
    return None


_WIDE = re.compile(r"全网|全国|全球|全世界|全平台|行业|业内|同类|市面|史上|天猫|京东|淘宝|抖音|拼多多|快手")
_IN_SHOP = re.compile(r"本店|店铺内|店内|店里|本直播间|直播间内")


def match_evidence(records: Sequence[_Evidence], core: str, now: datetime) -> tuple[str, bool] | None:
    """(fact id, expired) of the evidence record that states ``core``, or ``None``; an unexpired
    record is preferred to an expired one that states the same thing."""
    said = _canon_evidence(_FILLERS.sub("", core))
    lead = re.match(r"\d+", said)
    if lead and any(str(n) != lead.group(0) and str(n).endswith(lead.group(0)) for ev in records for n in ev.numbers):
        said = said[lead.end():]  # the claim's window cut a record's figure (…6年11月 of 2026年11月)
    keys = _evidence_keys(said)
    numbers = _claim_numbers(said)
    amounts = quantities(said)
    grams = _bigrams(said)
    best: tuple[bool, float, str] | None = None
    wide = _WIDE.search(said) is not None
    for ev in records:
        if not keys <= ev.keys or not numbers <= ev.numbers:
            continue  # a mark (SGS), a qualifier (第三方), an award or a figure the record does not state
        if wide and _IN_SHOP.search(ev.text):
            continue  # 全网销量第一 against an in-shop ranking (本店…第1): the record's scope is narrower than the claim
        if any(not any(q.judge(a) == "supported" for q in ev.quantities) for a in amounts):
            continue
        score = len(grams & _bigrams(ev.text)) / len(grams) if grams else 0.0
        shared = keys & ev.stated & _DISTINCTIVE
        if shared or (numbers and keys & ev.keys):
            score += 1.0  # same certification mark, or the same figure under the same key noun
        if score < 0.45:
            continue
        expired = ev.expires_at is not None and ev.expires_at < now
        rank = (not expired, score, ev.fid)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return None if best is None else (best[2], not best[0])
