"""A promotion said to last longer than it runs: the end of a deal said on air, held to the listing's windows.

    late(norm, view)   # (claim, verdict) pairs for each end time said later than every promotion on now

Constraints:

- An end said as a clock time (立减一直到十二点都有, 今晚12点截止, 到今晚十点都有效) or as the whole evening
  (今天一整晚都有效, 整场都有) is a promise about the promotion's terms, not a countdown: said later than the end of
  every promotion on now, it misstates the promotion (PRICE-20, with PRICE-19 beside it, rules/laws.toml). A deadline
  said earlier than the real one is the countdown check's (PRICE-ZJ), never this one.
- A clock time in a live room's evening is read as the next such time from now (十点 at 20:30 is 22:00; 十二点 is
  midnight); a time already past, or with no promotion on now, is not judged here.
- Only when no promotion on now runs that long: with several on, the end may be another deal's (赠品到十二点).
- Questions, quotes and corrections are dropped by the checker as for every claim (scope.py); a clause that asks
  (吗, 是不是) is not judged.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from cohost.compliance.claim import Claim
from cohost.compliance.facts import ProductView, Verdict
from cohost.compliance.numbers import parse_number
from cohost.compliance.text import NormalizedText

Pair = tuple[Claim, Verdict]

_H = r"(?P<h>\d{1,2}|[零一二两三四五六七八九十]{1,3})点(?P<half>半)?"
_UNTIL = re.compile(
    rf"(?:一直)?(?:到|至)(?:今晚|今天|今日|晚上|夜里|半夜)?\s*{_H}(?:整)?(?:之?前)?"
    r"(?:都有效|都有|都在|都能(?:用|拍|享受|参加)?|都可以|都是这个价|有效|为止|截止|结束)")
_DEADLINE = re.compile(rf"(?:今天|今晚|今日|当天|本场)(?:晚上|夜里)?\s*{_H}(?:整)?(?:之?前)?(?:截止|结束|为止)")
_NIGHT = re.compile(r"(?:今天|今晚|今日)?(?:一整晚|一整夜|一晚上|整晚|整夜|整场|一整场|全场直播)(?:都|也)?(?:有效|有|能用|可以用|都在|能拍|可以拍|能享受)")
_ASKS = re.compile(r"吗|是不是|是否|有没有|会不会|能不能|对不对|么")
_GRACE = timedelta(minutes=10)


def _said_end(m: re.Match[str], now: datetime) -> datetime | None:
    """The clock time said, read as the next such time this evening (or the end of the day for 一整晚)."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    if m.re is _NIGHT:
        return midnight - timedelta(minutes=1)
    hour = parse_number(m.group("h"))
    if hour is None or not 0 <= hour <= 24:
        return None
    h = int(hour)
    minute = 30 if m.group("half") else 0
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for candidate in sorted({h % 24, (h + 12) % 24} | ({24} if h in (0, 12, 24) else set())):
        at = today + timedelta(hours=candidate, minutes=minute)
        if at > now:
            return at
    return None


def late(norm: NormalizedText, view: ProductView) -> list[Pair]:
    """The ends said later than every promotion on now: the promotion said on when it is over (PRICE-20)."""
    timed = [w for w in view.active() if w[3] is not None]
    if not timed:
        return []
    now = view.now
    out: list[Pair] = []
    for pattern in (_UNTIL, _DEADLINE, _NIGHT):
        for m in pattern.finditer(norm.text):
            c_start, c_end = norm.clause(m.start())
            if _ASKS.search(norm.text, c_start, c_end):
                continue
            said = _said_end(m, now)
            ends = [w[3] for w in timed if w[3] is not None]
            if said is None or any(said <= end.astimezone(now.tzinfo) + _GRACE for end in ends):
                continue
            expected = "；".join(f"{t[:20]}（至{e:%H:%M}）" for _, t, _, e in timed if e is not None)
            out.append((Claim("promotion", m.start(), m.end(), "late"),
                        Verdict("contradicted", tuple(w[0] for w in timed), expected, "活动结束时间比所说的早")))
    return out
