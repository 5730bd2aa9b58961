"""The post-live report as one self-contained HTML file (charts embedded as PNG data URIs, no CDN, no
script), and a PDF beside it when a headless Chromium is installed.

Every value from the show's files is HTML-escaped, and the page forbids scripts and remote loads with
a Content-Security-Policy, so a hostile comment in a question group renders as text and nothing else.
"""

from __future__ import annotations

import base64
import html
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from cohost.insights import charts
from cohost.insights.advice import FIG_MINUTES, FIG_PRODUCTS, FIG_QUESTIONS, TAB_ESCALATIONS, TAB_SUGGESTIONS
from cohost.insights.recommend import INTENT_ZH, MODERATION_ZH, PII_ZH, REASON_ZH, SUGGESTION_ZH
from cohost.insights.review import Review

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
STYLE = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:0 auto;max-width:1040px;padding:24px;color:#1a202c;background:#fff;line-height:1.55}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;border-left:4px solid #2b6cb0;padding-left:8px;margin:28px 0 10px}
.meta{color:#4a5568;font-size:13px}.badge{display:inline-block;background:#feebc8;color:#7b341e;border-radius:4px;
padding:1px 8px;font-size:12px;margin-left:6px}.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:10px}
.card{border:1px solid #e2e8f0;border-radius:8px;padding:10px}.card b{display:block;font-size:20px}
.card span{color:#4a5568;font-size:12px}table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid #e2e8f0;padding:5px 6px;text-align:left;vertical-align:top}th{background:#f7fafc}
.n{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%}.bad{color:#c53030}.ok{color:#2f855a}
ol.advice li{margin:6px 0}.fig{color:#2b6cb0;font-size:12px}.note{color:#718096;font-size:12px}
"""
OUTCOME_CLASS = {"未处理": "bad"}
SEVERITY_ZH = {"critical": "严重", "high": "高", "medium": "中", "low": "低"}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _money(value: float) -> str:
    return f"¥{value:,.0f}"


def _cards(review: Review) -> str:
    h = review.headline
    share = h.get("answered_share")
    items = [("直播时长", f"{h['minutes']}分钟"), ("峰值在线", h.get("peak_online") or "—"),
             ("平均在线", h.get("average_online") or "—"), ("互动观众", h["viewers"]), ("评论", h["comments"]),
             ("订单", h["orders"]), ("GMV", _money(h["gmv"])), ("提问人次", h["questions"]),
             ("问题组回答率", f"{share:.0%}" if share is not None else "—"), ("升级人工", h["escalations"])]
    return '<div class="cards">' + "".join(f"<div class=card><b>{_e(v)}</b><span>{_e(k)}</span></div>"
                                           for k, v in items) + "</div>"


def _products(review: Review) -> str:
    rows = "".join(
        f"<tr><td>{_e(p.title)}<br><span class=note>{_e(p.sku)}</span></td><td class=n>{p.talk_seconds / 60:.1f}</td>"
        f"<td class=n>{p.orders}</td><td class=n>{p.units}</td><td class=n>{_money(p.gmv)}</td>"
        f"<td class=n>{p.orders_per_minute:.2f}</td><td class=n>{p.questions}</td></tr>" for p in review.products)
    return ("<table><tr><th>商品</th><th class=n>讲解（分钟）</th><th class=n>订单</th><th class=n>件数</th>"
            f"<th class=n>GMV</th><th class=n>每分钟订单</th><th class=n>提问</th></tr>{rows}</table>")


def _topics(review: Review, titles: dict[str, str], only_open: bool) -> str:
    topics = [t for t in review.topics() if t.unanswered] if only_open else review.topics()[:12]
    if not topics:
        return "<p class=note>无。</p>"
    rows = "".join(
        f"<tr><td>{_e(titles.get(t.sku or '', t.sku or '未关联商品'))}</td><td>{_e(INTENT_ZH.get(t.intent, t.intent))}</td>"
        f"<td class=n>{t.count}</td><td class='n{' bad' if t.unanswered else ''}'>{t.unanswered}</td>"
        f"<td>{_e(' / '.join(t.examples))}</td></tr>" for t in topics[:30])
    more = f"<p class=note>另有 {len(topics) - 30} 项未列出。</p>" if len(topics) > 30 else ""
    return ("<table><tr><th>商品</th><th>问题类型</th><th class=n>提问人次</th><th class=n>未回答人次</th>"
            f"<th>示例（已脱敏）</th></tr>{rows}</table>" + more)


def _escalations(review: Review) -> str:
    if not review.escalations:
        return "<p class=note>本场没有升级到人工的问题。</p>"
    table = Counter((e.reason, e.outcome) for e in review.escalations)
    rows = "".join(f"<tr><td>{_e(REASON_ZH.get(r, r))}</td><td class={OUTCOME_CLASS.get(o, 'ok')}>{_e(o)}</td>"
                   f"<td class=n>{n}</td></tr>" for (r, o), n in sorted(table.items(), key=lambda kv: (-kv[1], kv[0])))
    pending = sum(1 for e in review.escalations if e.outcome == "未处理")
    return (f"<p>共 {len(review.escalations)} 条升级，{pending} 条无人处理。</p>"
            f"<table><tr><th>原因</th><th>结果</th><th class=n>条数</th></tr>{rows}</table>")


def _handled(finding: dict[str, object]) -> str:
    if finding.get("blocked"):
        return "已拦截"
    return f"已改为“{_e(finding['suggestion'])}”" if finding.get("suggestion") else "已提示"


def _compliance(review: Review) -> str:
    parts = []
    if review.findings:
        rows = "".join(f"<tr><td>{_e(f['rule'])}</td><td>{_e(SEVERITY_ZH.get(f['severity'], f['severity']))}</td><td>{_e(f['text'])}</td>"
                       f"<td>{_e(f['message'])}</td><td>{_handled(f)}</td></tr>"
                       for f in review.findings[:50])
        parts.append(f"<table><tr><th>规则</th><th>级别</th><th>原文</th><th>说明</th><th>处理</th></tr>{rows}</table>")
    else:
        parts.append("<p>回答与话术的合规检查：本场没有记录到问题。</p>")
    hidden = {k: v for k, v in review.moderation.items() if k != "ok"}
    moderated = "、".join(f"{_e(MODERATION_ZH.get(k, k))} {v}条" for k, v in hidden.items()) or "无"
    masked = "、".join(f"{_e(PII_ZH.get(k, k))} {v}处" for k, v in review.pii.items()) or "无"
    parts.append(f"<p>评论审核拦截：{moderated}。个人信息已遮蔽：{masked}（PI-25：不在直播中读出观众个人信息）。</p>")
    return "".join(parts)


def _suggestions(review: Review) -> str:
    if not review.suggestions:
        return "<p class=note>本场没有运营建议记录。</p>"
    status = {True: "<span class=ok>已采纳</span>", False: "<span class=bad>未采纳</span>", None: "未记录"}
    rows = "".join(f"<tr><td>{_e(SUGGESTION_ZH.get(s['code'], s['code']))}</td><td>{_e(s['message'])}</td><td>{status[s['taken']]}</td></tr>"
                   for s in review.suggestions[:40])
    taken = sum(1 for s in review.suggestions if s["taken"])
    return (f"<p>共 {len(review.suggestions)} 条，已采纳 {taken} 条。</p>"
            f"<table><tr><th>类型</th><th>内容</th><th>状态</th></tr>{rows}</table>")


def render_html(review: Review) -> str:
    titles = {p.sku: p.title for p in review.products}
    source = {"simulator": "模拟数据", "replay": "回放数据", "live": "直播数据"}.get(review.source or "", "")
    badge = f'<span class="badge">{_e(source)}</span>' if source else ""
    figure1 = _img(charts.minute_chart(review.online, review.comments, review.orders, review.segments), FIG_MINUTES)
    shown = [p for p in review.products if p.talk_seconds > 0 or p.orders]
    figure2 = _img(charts.product_chart([p.title for p in shown], [p.talk_seconds / 60 for p in shown],
                                        [p.orders for p in shown]), FIG_PRODUCTS) if shown else "<p class=note>无商品数据。</p>"
    top = review.topics()[:12]
    figure3 = _img(charts.question_chart([charts.intent_label(t.intent, titles.get(t.sku or "", t.sku)) for t in top],
                                         [t.count - t.unanswered for t in top], [t.unanswered for t in top]),
                   FIG_QUESTIONS) if top else "<p class=note>本场没有问题组。</p>"
    advice = "".join(f"<li>{_e(a['text'])} <span class=fig>（依据：{_e(a['figure'])}）</span></li>"
                     for a in review.improvements) or "<li>本场数据没有显示需要改进的明显问题。</li>"
    skipped = review.skipped
    quality = (f"事件文件读取 {skipped['events']['read']} 行、跳过 {skipped['events']['skipped']} 行；"
               f"输出文件读取 {skipped['output']['read']} 行、跳过 {skipped['output']['skipped']} 行；"
               f"时间超出范围 {skipped['out_of_range']} 条。")
    bad_lines = skipped["events"]["lines"] + skipped["output"]["lines"]
    if bad_lines:
        quality += f" 有问题的行号（前20个）：{_e(', '.join(map(str, bad_lines[:20])))}。"
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{_e(review.title)} · 直播复盘</title><style>{STYLE}</style></head><body>
<h1>直播复盘报告：{_e(review.title)}{badge}</h1>
<div class="meta">场次 {_e(review.show_id)} · 开播 {_e((review.started or '')[:16].replace('T', ' '))} ·
由 Cohost 根据直播事件与流水线输出自动生成（AI 生成内容，数据以平台后台为准）</div>
<h2>核心数据</h2>{_cards(review)}
<h2>{FIG_MINUTES}：在线、评论、订单（每分钟）</h2>{figure1}
<p class=note>在线人数只取自平台 stats 事件；灰色底纹为不同商品的讲解时段。</p>
<h2>{FIG_PRODUCTS}</h2>{figure2}{_products(review)}
<h2>{FIG_QUESTIONS}</h2>{figure3}{_topics(review, titles, only_open=False)}
<h3>未回答的问题</h3>{_topics(review, titles, only_open=True)}
<h2>{TAB_ESCALATIONS}</h2>{_escalations(review)}
<h2>合规检查</h2>{_compliance(review)}
<h2>{TAB_SUGGESTIONS}</h2>{_suggestions(review)}
<h2>下场改进建议</h2><ol class="advice">{advice}</ol>
<h2>数据说明</h2><p class=note>{quality} 报告中的文字只来自已脱敏的流水线输出；原始评论不会出现在报告里。</p>
</body></html>
"""


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is meant to be opened and shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def render_pdf(html_path: Path, pdf_path: Path, timeout: float = 120.0) -> bool:
    """Print the HTML to PDF with headless Chromium; False when no Chromium is installed or it fails."""
    binary = find_chromium()
    if binary is None:
        return False
    with tempfile.TemporaryDirectory() as profile:
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        try:
            subprocess.run(cmd, check=True, timeout=timeout, capture_output=True)
        except (subprocess.SubprocessError, OSError):
            return False
    return pdf_path.is_file() and pdf_path.stat().st_size > 0
