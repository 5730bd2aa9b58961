"""Claim extraction: the checkable statements in a script line or a live answer.

A claim is a price, a reference ("原价") price, a promotion (discount, gift, 前N名), a gift value, a stock
or scarcity statement, a time limit, a ranking, award, test, sales or audience figure, an origin, an
attribute value or a number with a physical unit. :mod:`cohost.compliance.verify` checks each one
against the product's facts.

Constraints:

- Extraction reads the normalised text (see :mod:`cohost.compliance.text`); spans are normalised
  positions until the checker maps them back.
- Money amounts (price, reference price, promotion amount, gift value) are read by
  :mod:`cohost.compliance.money`; the ``Claim`` record is :mod:`cohost.compliance.claim`.
- Where two claims overlap, the first kind in ``_ORDER`` wins (a 秒杀 countdown is a time limit, not a
  price; 已售罄 is stock, not sales).
- Digits inside standard codes, model numbers and dates (GB/T 28004.1, X200, 2026年3月) are never
  prices, quantities or specifications; numbers with units are whole tokens (50×35×30cm, 3-5g, ≥40%).
- The wordings themselves (money, stock, time-limit, sales, audience, origin and specification patterns)
  are in :mod:`cohost.compliance.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from functools import cache
from importlib import resources

import ahocorasick

from cohost.compliance.claim import Claim
from cohost.compliance.money import _money
from cohost.compliance.numbers import parse_number
from cohost.compliance.patterns import (
    _AUDIENCE,
    _AWARD,
    _COMPONENT,
    _CUT,
    _DISCOUNT,
    _FIRST_N,
    _GIFT,
    _GIFT_VALUE,
    _NEEDS,
    _NUMERIC,
    _ORIGIN,
    _PAST_BATCH,
    _PERSON_AFTER,
    _RANKING,
    _REDUCTION,
    _SALES,
    _STOCK_COUNT,
    _STOCK_EN,
    _STOCK_HAVE,
    _STOCK_IN,
    _STOCK_LOW,
    _STOCK_ONE,
    _STOCK_OUT,
    _STOCK_THIS,
    _TEST,
    _WINDOW,
    _WINDOW_EN,
    GRADED,
    MATERIALS,
    SPEC_PATTERNS,
    N,
    _c,
)
from cohost.compliance.text import NormalizedText
from cohost.compliance.units import code_spans, quantity_spans

__all__ = ["GRADED", "MATERIALS", "SPEC_PATTERNS", "Claim", "N", "extract", "place_in", "places"]


_SPEC_UNITS = frozenset({"ml", "g", "mah", "wh", "w", "mm", "寸", "gb", "%", "片", "抽", "v", "atm", "hz", "℃", "mbps"})
_NUMBERED = frozenset({"price", "reference_price", "promotion", "gift_value", "numeric", "stock", "sales", "audience"})
_ORDER = ("window", "stock", "audience", "sales", "ranking", "award", "test", "gift_value", "promotion",
          "reference_price", "price", "origin", "attribute", "spec", "numeric")


@cache
def places() -> tuple[tuple[str, bool], ...]:
    """(place, is_abroad) pairs, longest first (``rules/tables/places.txt``)."""
    text = resources.files("cohost.compliance").joinpath("rules/tables/places.txt").read_text(encoding="utf-8")
    out = [(line.lstrip("*"), line.startswith("*")) for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(sorted(out, key=lambda p: len(p[0]), reverse=True))


def place_in(text: str) -> tuple[str, bool] | None:
    for place, abroad in places():
        if text.startswith(place) or (len(place) > 1 and place in text[:6]):
            return place, abroad
    return None


@cache
def _prefilter() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    words: dict[str, set[int]] = {}
    for pattern, needs in _NEEDS.items():
        for need in needs:
            words.setdefault(need, set()).add(id(pattern))
    for word, ids in words.items():
        automaton.add_word(word, frozenset(ids))
    automaton.make_automaton()
    return automaton


_GATED = frozenset(id(p) for p in _NEEDS)


def _finditer(pattern: re.Pattern[str], text: str, seen: set[int]) -> Iterable[re.Match[str]]:
    key = id(pattern)
    if key in seen or key not in _GATED:
        return pattern.finditer(text)
    return ()


def extract(norm: NormalizedText, attributes: tuple[str, ...] = (), specs: bool = True, title: str = "") -> list[Claim]:
    """Every claim in ``norm``; ``attributes`` are the product's attribute names (normalised), ``title`` its
    normalised title (a place right before the product's own noun, 阳澄湖大闸蟹, is an origin claim).
    ``specs=False`` skips numbers with units (they can only be judged against a product's facts)."""
    text = norm.text
    seen: set[int] = set()
    hits = {ids for _, ids in _prefilter().iter(text)}  # a few distinct payloads, however many matches
    seen = seen.union(*hits) if hits else seen
    found: list[Claim] = []
    for kind, pattern in _WINDOW:
        for m in _finditer(pattern, text, seen):
            if kind == "minutes" and _about_show(norm, m.start(), m.end()):
                continue
            claim = _window(kind, m)
            # 明天恢复原价2999: the deadline ends at 恢复; 原价2999 is a reference price, checked on its own (PRICE-16)
            if text.endswith("原价", claim.start, claim.end) and text[claim.end:claim.end + 1].isdigit():
                claim = replace(claim, end=claim.end - 2)
            found.append(claim)
    for kind, pattern in _WINDOW_EN:
        found.extend(_window(kind, m, "en") for m in _finditer(pattern, text, seen))
    found.extend(_stock(norm, seen))
    for detail, pattern in _AUDIENCE:
        for m in _finditer(pattern, text, seen):
            vague = m.groupdict().get("u")
            if vague:  # 几千 → at least 2,000; 上万 → at least 10,000
                scale = {"十": 10, "百": 100, "千": 1_000, "万": 10_000}[vague]
                value = Decimal(scale * (1 if m.group("v") in ("上", "成", "数") else 2))
            else:
                value = parse_number(m.group("n")) or Decimal(10_000)
            if m.groupdict().get("w"):  # 10w+ → 100000
                value *= 10_000
            found.append(Claim("audience", m.start(), m.end(), detail, value))
    for pattern in _SALES:
        for m in _finditer(pattern, text, seen):
            said = m.groupdict().get("n") or m.groupdict().get("m")
            found.append(Claim("sales", m.start(), m.end(), value=parse_number(said) if said else None))
    for kind, pattern in (("ranking", _RANKING), ("award", _AWARD), ("test", _TEST)):
        found.extend(Claim(kind, m.start(), m.end()) for m in _finditer(pattern, text, seen)
                     if kind != "test" or not _REPORT_NO.search(text, *norm.sentence(m.start())))
    found.extend(_money(norm))
    found.extend(_promotions(text, seen))
    for m in _finditer(_ORIGIN, text, seen):
        loc = m.group("loc") or m.group("loc2")
        spot = place_in(loc)
        if m.group("loc") and spot is not None and _PERSON_AFTER.match(text, text.find(spot[0], m.start()) + len(spot[0])):
            continue  # 来自北京的王阿姨: where a person is from, not where the goods are made
        if spot is None and m.group("loc2") is None:
            continue
        detail = "import" if m.group("loc2") else "place"
        c_start, _ = norm.clause(m.start())
        if _COMPONENT.search(text, c_start, m.start() + len(loc)):
            detail = "component"  # 乳胶原料是从泰国进口的: the origin of an ingredient or part, not of the product
        found.append(Claim("origin", m.start(), m.end(), detail, subject=spot[0] if spot else loc))
    found.extend(_attributes(text, attributes))
    if title:
        found.extend(_place_modifiers(text, title))
    for detail, pattern in SPEC_PATTERNS if specs and attributes else ():
        found.extend(Claim("spec", m.start(), m.end(), detail, subject=m.group(0)) for m in _finditer(pattern, text, seen))
    if id(_NUMERIC) in seen:
        codes = code_spans(text)
        for start, end, said in quantity_spans(text, codes) if specs else ():
            unit = said[0].unit
            if unit in _SPEC_UNITS:
                found.append(Claim("numeric", start, end, value=said[0].hi if said[0].lo == 0 else said[0].lo, unit=unit,
                                   amounts=said))
        if codes:  # digits inside GB/T 28004.1, X200, 2026年3月 are never prices, quantities or specs
            found = [c for c in found if c.kind not in _NUMBERED or not any(a <= c.start < b or (a < c.end <= b)
                                                                             for a, b in codes)]
    return _resolve(found)


@cache
def _place_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for place, _ in places():
        automaton.add_word(place, place)
    automaton.make_automaton()
    return automaton


# names of a material or variety that hold a place name (和田玉 is nephrite from anywhere; 普洱 a kind of tea)
_VARIETIES = ("和田玉", "普洱", "东北", "江南", "岭南", "进口")
_TAIL = _c(r"[^,。!?;\s]{0,10}")
_PLACE_NOT_ORIGIN = _c(r"(?:发往|寄往|寄到|发到|送到|运到|到|去|在|住|回|飞|从|来自|产自|产于|进口自|原产地|产地)$")


def _place_modifiers(text: str, title: str) -> list[Claim]:
    """A place said right before the product's own noun (正宗阳澄湖大闸蟹 for a crab gift box, 五常大米 for rice):
    a geographic-origin claim, whatever verb is missing."""
    if not title:
        return []
    grams = {title[i:i + 2] for i in range(len(title) - 1) if not any(c in ",。!?;、() " for c in title[i:i + 2])}
    out = []
    taken = -1
    for last, place in _place_automaton().iter_long(text):
        start, end = last + 1 - len(place), last + 1
        if start < taken or any(text.startswith(v, start) for v in _VARIETIES) \
                or _PLACE_NOT_ORIGIN.search(text, max(0, start - 4), start):
            continue
        tail = _TAIL.match(text, end)
        window = tail.group(0) if tail else ""
        if any(window[i:i + 2] in grams for i in range(len(window) - 1)):
            out.append(Claim("origin", start, end, "modifier", subject=place))
            taken = end
    return out


_EN_NUMBERS = {w: Decimal(n) for w, n in (("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("ten", 10),
                                         ("fifteen", 15), ("twenty", 20), ("thirty", 30))}


def _window(kind: str, m: re.Match[str], lang: str = "zh") -> Claim:
    value: Decimal | None = None
    unit = None
    groups = m.groupdict()
    if groups.get("n"):
        value = _EN_NUMBERS.get(groups["n"]) or parse_number(groups["n"])
        u = groups.get("u") or ""
        unit = "hour" if ("时" in u or u.startswith("hour")) else "second" if ("秒" in u or u.startswith("sec")) else "minute"
        extra = parse_number(groups["m2"]) if groups.get("m2") else None
        if extra is not None and value is not None and unit == "hour":
            value, unit = value * 60 + extra, "minute"
    elif groups.get("h") or groups.get("hc"):  # 21点 or 21:00
        value, unit = parse_number(groups.get("h") or groups["hc"]), "clock"
    return Claim("window", m.start(), m.end(), kind, value, unit, lang=lang)


# a test result cited with its report number (检测报告编号MS-2025-0412): the viewer can check it; evidence on the line
_REPORT_NO = _c(r"(?:报告|证书|检测|检验)(?:编号|号码|号)\s*[:：]?\s*[a-z0-9][-a-z0-9/]{4,}")


def _upper(value: Decimal | None, approx: str | None) -> Decimal | None:
    """The most a round figure said with 几/多/来 can mean (二十几件 → 29, 一百多台 → 199): a remainder is checked
    against stock as an upper bound, so the vague count is read at its widest."""
    if value is None or not approx or value < 10 or value % 10:
        return value
    return value + Decimal(10 ** (len(str(int(value))) - 1) - 1)


# the show's own last minutes, used by the host for a recap (最后十分钟，我把还在活动里的几款再过一遍): the running order,
# not an offer's deadline; a purchase word in the sentence (最后十分钟，赶紧拍) keeps it a countdown
_HOST_ACTS = _c(r"[,\s]*(?:我|我们|咱们|主播)(?:把|来|再|给大家|跟大家|带大家)?[^,。!?;]{0,16}?"
                r"(?:过一遍|过一下|回顾|复盘|总结|汇总|答疑|聊聊|返场|再讲|说一下|讲一下|理一下)")
_BUY_WORDS = _c(r"拍|抢|下单|买|价|优惠|减|送|券|涨|恢复|截止|结束|没了|库存")


def _about_show(norm: NormalizedText, start: int, end: int) -> bool:
    s_start, s_end = norm.sentence(start)
    return _HOST_ACTS.match(norm.text, end) is not None and _BUY_WORDS.search(norm.text, s_start, s_end) is None


# a sell-out said as a condition (卖完了会第一时间告诉大家, 要是没货了就下架, 等卖完了再补): what will happen, not the stock now
_IF_BEFORE = _c(r"(?:如果|要是|万一|假如|一旦|等到?)[^,。!?;]{0,6}$")
_IF_AFTER = _c(r"(?:的话|之后|以后|后|我(?:们)?会|会|就会|再|也会)")


def _stock(norm: NormalizedText, seen: set[int]) -> list[Claim]:
    text = norm.text
    # an exact count (只剩2台, 还有两台) says that many are there: unit "exact", so a count above stock is not borne out
    # (S3f); a vague one (二十几件) is read at its widest and a bound (剩不到三百台) only caps the stock
    out = [Claim("stock", m.start(), m.end(), "count", _upper(parse_number(m.group("n")), m.group("approx")),
                 unit=None if m.group("approx") else "exact")
           for m in _STOCK_COUNT.finditer(text) if not text.startswith("限购", max(0, m.start() - 2))
           and not (text.startswith("最后", m.start()) and text.startswith("是", m.end()))]  # 最后一个是绘本: running order
    taken = [(c.start, c.end) for c in out]
    if "有" in text:
        out += [Claim("stock", m.start(), m.end(), "count", parse_number(m.group("n")), unit="exact")
                for m in _STOCK_HAVE.finditer(text) if not any(a < m.end() and m.start() < b for a, b in taken)]
    taken = [(c.start, c.end) for c in out]
    out += [Claim("stock", m.start(), m.end(), "count", parse_number(m.group("n"))) for m in _STOCK_THIS.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in taken)]
    out += [Claim("stock", m.start(), m.end(), "count", Decimal(1)) for m in _STOCK_ONE.finditer(text)]
    out += [Claim("stock", m.start(), m.end(), "low") for m in _STOCK_LOW.finditer(text)]
    out += [Claim("stock", m.start(), m.end(), "out") for m in _STOCK_OUT.finditer(text)
            if not _PAST_BATCH.search(text, norm.clause(m.start())[0], m.start())
            and not _IF_BEFORE.search(text, norm.clause(m.start())[0], m.start()) and not _IF_AFTER.match(text, m.end())]
    out += [Claim("stock", m.start(), m.end(), "in") for m in _STOCK_IN.finditer(text)]
    for m in _finditer(_STOCK_EN, text, seen):
        n = m.group("n") or m.group("m") or m.group("k")
        out.append(Claim("stock", m.start(), m.end(), "count", parse_number(n), lang="en"))
    # "不多了，只剩35盒": the number is the checkable statement; the vague one rests on it.
    counted = {norm.sentence(c.start) for c in out if c.detail == "count"}
    return [c for c in out if c.detail != "low" or norm.sentence(c.start) not in counted]




def _promotions(text: str, seen: set[int]) -> list[Claim]:
    out: list[Claim] = []
    for m in _finditer(_DISCOUNT, text, seen):
        value = Decimal(5) if m.group("half") else parse_number(m.group("n"))
        if value is not None and 0 < value < 10:
            out.append(Claim("promotion", m.start(), m.end(), "discount", value))
    for m in _finditer(_GIFT, text, seen):
        if m.group("x"):
            out.append(Claim("promotion", m.start(), m.end(), "bogo", parse_number(m.group("x")),
                             subject=m.group("y")))
        else:
            out.append(Claim("promotion", m.start(), m.end(), "gift", subject=m.group("g")))
    out += [Claim("promotion", m.start(), m.end(), "first_n", parse_number(m.group("n"))) for m in _finditer(_FIRST_N, text, seen)]
    # 满300减40, 最高减50 without a currency: unit "bare", checked only against a listing that records promotions
    out += [Claim("promotion", m.start(), m.end(), "amount", parse_number(m.group("n")), unit="bare")
            for m in _finditer(_REDUCTION, text, seen)]
    out += [Claim("gift_value", m.start(), m.end(), value=parse_number(m.group("n"))) for m in _finditer(_GIFT_VALUE, text, seen)]
    return out


_GIFT_BEFORE = _c(r"(?:送|赠|赠送|加赠|另赠)(?:的|给你|给大家)?(?:同款|替换|备用|原装|一套|一个|一支|两支)?$")
_ATTR_VALUE = _c(r"(?:是|为|:|有|约|大约|大概|差不多|达到|达|足足|只有|高达)?\s*" + _CUT + r"{1,24}")
_TOKEN_CHAR = _c(r"[a-z0-9.\-+%/×*#]|\s(?=[a-z0-9])")


def _attributes(text: str, names: tuple[str, ...]) -> list[Claim]:
    out: list[Claim] = []
    for name in names:
        if len(name) < 2:
            continue
        pos = text.find(name)
        while pos >= 0:
            m = _ATTR_VALUE.match(text, pos + len(name))
            if m and any(n != name and len(n) >= 2 and text.startswith(n, pos + len(name)) for n in names):
                m = None  # 笔芯书写长度约500米: the next attribute's name follows, and that one is the claim
            if m and _GIFT_BEFORE.search(text, max(0, pos - 8), pos):
                m = None  # 下单送替换刷头2支: the gift with the order, not the product's own 刷头 attribute
            if m:
                end = m.end()
                while end < len(text) and _TOKEN_CHAR.match(text, end):  # never cut GB/T 28004.1 or X200 Pro
                    end += 1
                # "PPSU材质的": the name closes the phrase and its value came before it (a spec claim judges that)
                if text[pos + len(name):end].strip(" 的了呢哦啊吧~!"):
                    out.append(Claim("attribute", pos, end, subject=name))
            pos = text.find(name, pos + len(name))
    return out


def _resolve(claims: list[Claim]) -> list[Claim]:
    """Drop a claim that overlaps an earlier-ordered kind (or the same kind, keeping the longer)."""
    rank = {kind: i for i, kind in enumerate(_ORDER)}
    claims.sort(key=lambda c: (rank[c.kind], -(c.end - c.start), c.start))
    kept: list[Claim] = []
    buckets: dict[int, list[Claim]] = {}  # by start // 32; claims are short, so overlaps are local
    for claim in claims:
        lo, hi = (claim.start - 64) // 32, claim.end // 32
        if any(k.start < claim.end and claim.start < k.end for b in range(lo, hi + 1) for k in buckets.get(b, ())):
            continue
        kept.append(claim)
        buckets.setdefault(claim.start // 32, []).append(claim)
    return sorted(kept, key=lambda c: (c.start, c.end))
