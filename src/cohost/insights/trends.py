"""Question trends over the last N days of shows: what viewers ask most, and what to add so it is answered.

Built from the question groups of each show's output.jsonl (masked text only). For each (product,
question type): how many viewers asked, in how many shows, how often it went unanswered, and an
action — add the missing fact to the catalog when it goes unanswered, or say it up front in the
script when it is answered but asked again and again.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cohost.domain.catalog import CHINA_TZ
from cohost.insights.advice import CATALOG_HINT
from cohost.insights.page import CSP, STYLE
from cohost.insights.recommend import INTENT_ZH
from cohost.insights.review import review_show
from cohost.insights.shows import ShowFolder, list_shows

SCRIPT_HINT = {"price": "讲解开头先报价并说明优惠", "promotion": "开场说清楚今天的活动规则", "stock": "定时播报库存",
               "purchase": "反复提示链接序号和下单方法", "shipping": "开场说明发货时效与包邮范围",
               "returns": "在讲解中说明退换政策"}


@dataclass
class TrendRow:
    sku: str | None
    title: str
    intent: str
    asked: int = 0
    shows: int = 0
    unanswered: int = 0
    examples: list[str] = field(default_factory=list)
    action: str = ""


@dataclass
class TrendReport:
    since: str
    until: str
    shows: list[str]
    rows: list[TrendRow]

    def to_json(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "shows": self.shows, "rows": [asdict(r) for r in self.rows]}


def question_trends(home: Path, *, days: int = 30, until: datetime | None = None, top: int = 20) -> TrendReport:
    until = until or datetime.now(CHINA_TZ)
    since = until - timedelta(days=days)
    rows: dict[tuple[str | None, str], TrendRow] = {}
    seen: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    used: list[str] = []
    for show in list_shows(home):
        started = show["started_at"]
        try:
            when = datetime.fromisoformat(started) if started else None
        except ValueError:
            when = None
        if when is None or not since <= (when if when.tzinfo else when.replace(tzinfo=CHINA_TZ)) <= until:
            continue
        review = review_show(ShowFolder(home, show["id"]))
        used.append(show["id"])
        titles = {p.sku: p.title for p in review.products}
        for g in review.groups:
            key = (g.sku, g.intent)
            row = rows.setdefault(key, TrendRow(g.sku, titles.get(g.sku or "", g.sku or "未关联商品"), g.intent))
            row.asked += g.count
            seen[key].add(show["id"])
            if not g.answered and g.outcome != "人工已回复":
                row.unanswered += g.count
            for example in g.examples:
                if example not in row.examples and len(row.examples) < 3:
                    row.examples.append(example)
    for key, row in rows.items():
        row.shows = len(seen[key])
        if row.unanswered >= max(1, row.asked // 4):
            row.action = "补充商品资料：" + CATALOG_HINT.get(row.intent, "把答案写进商品资料（FAQ）")
        else:
            row.action = "写进话术：" + SCRIPT_HINT.get(row.intent, "在讲解中主动说明")
    ranked = sorted(rows.values(), key=lambda r: (-r.asked, r.title, r.intent))[:top]
    return TrendReport(since.isoformat(), until.isoformat(), used, ranked)


def render_trends(report: TrendReport) -> str:
    e = html.escape
    body = "".join(
        f"<tr><td>{e(r.title)}</td><td>{e(INTENT_ZH.get(r.intent, r.intent))}</td><td class=n>{r.asked}</td>"
        f"<td class=n>{r.shows}</td><td class=n>{r.unanswered}</td><td>{e(' / '.join(r.examples))}</td>"
        f"<td>{e(r.action)}</td></tr>" for r in report.rows)
    empty = "" if report.rows else "<p class=note>这段时间没有带问题组的场次。</p>"
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}"><title>近期问题趋势</title><style>{STYLE}</style></head><body>
<h1>问题趋势：{e(report.since[:10])} 至 {e(report.until[:10])}</h1>
<div class=meta>共 {len(report.shows)} 场直播 · 由 Cohost 根据已脱敏的问题组自动汇总</div>
<h2>观众问得最多的问题</h2>{empty}
<table><tr><th>商品</th><th>问题类型</th><th>人次</th><th>场次</th><th>未回答人次</th><th>示例（已脱敏）</th><th>建议</th></tr>
{body}</table></body></html>
"""
