"""Readable views of a script: Markdown for review in a terminal or a pull request, HTML for a browser.

Both show the run-of-show with each segment's planned start, length and kind, the lines with their cue
marks highlighted, the facts each segment cites, what the proofreader fixed, open findings, reviewer
notes, and end with the explicit AI label (the script footer line; compliance.md §6, LBL-4).
"""

from __future__ import annotations

import html
import re

from cohost.content.labels import SCRIPT_LABEL
from cohost.content.pacing import CUE_RE, is_cue
from cohost.domain.script import Script

KIND_NAMES = {"opening": "开场", "product": "商品讲解", "transition": "过渡", "promotion": "活动",
              "interaction": "互动", "closing": "收尾"}
STATUS_NAMES = {"draft": "草稿", "in_review": "审核中", "approved": "已批准", "rejected": "已驳回"}


def clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600:d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_<>|#])", r"\\\1", text)


def _md_line(line: str) -> str:
    out, pos = [], 0
    for m in CUE_RE.finditer(line):
        out.append(_md_escape(line[pos:m.start()]))
        out.append(f"**{m.group(0)}**" if is_cue(m.group(1)) else _md_escape(m.group(0)))
        pos = m.end()
    out.append(_md_escape(line[pos:]))
    return "".join(out)


def markdown(script: Script) -> str:
    total = script.total_seconds
    head = [
        f"# {_md_escape(script.title or script.id)}",
        "",
        f"- 编号 ID: `{script.id}` · 状态 Status: {STATUS_NAMES.get(script.status, script.status)} · 版本 v{script.version}",
        f"- 时长 Planned: {script.minutes:g} 分钟 · 合计 Timed: {total / 60:.1f} 分钟 ({total:.0f} s)"
        + (f" · 语速 {script.rate:g} 字/秒" if script.rate else ""),
        f"- 风格 Style: {script.style or '—'} · 受众 Audience: {_md_escape(script.audience or '—')}",
    ]
    if script.start:
        head.append(f"- 开播 Start: {script.start.isoformat()}")
    if script.reviewer:
        head.append(f"- 审核人 Reviewer: {_md_escape(script.reviewer)}"
                    + (f" — {_md_escape(script.review_comment)}" if script.review_comment else ""))
    out = [*head, ""]
    for i, seg in enumerate(script.segments):
        kind = KIND_NAMES.get(seg.kind, seg.kind)
        label = f"{kind}" + (f" · {seg.sku}" if seg.sku else "") + (f" · 第{seg.round}轮" if seg.round else "")
        title = f" — {_md_escape(seg.title)}" if seg.title and seg.title != kind else ""
        out.append(f"## {i + 1}. [{clock(seg.starts_at or 0)}] {label}{title} ({seg.seconds:.0f} s)")
        out.append("")
        out.extend(f"- {_md_line(line)}" for line in seg.lines)
        if seg.facts:
            out.append(f"\n<sub>依据 Facts: {', '.join(seg.facts)}</sub>")
        out.append("")
    if script.findings:
        out.append("## 待处理问题 Open findings\n")
        out.extend(f"- 段{f.segment + 1} 行{f.line + 1}: **{f.rule}** “{_md_escape(f.text)}” — "
                   f"{_md_escape(f.message)}" + (f"（建议：{_md_escape(f.suggestion)}）" if f.suggestion else "")
                   for f in script.findings)
        out.append("")
    if script.fixes:
        out.append(f"## 自动修正 Fixed before review ({len(script.fixes)})\n")
        out.extend(f"- 段{f.segment + 1}: {f.action} ({f.reason}) “{_md_escape(f.before)}”"
                   + (f" → “{_md_escape(f.after)}”" if f.after else "") for f in script.fixes[:200])
        out.append("")
    if script.notes:
        out.append("## 提示 Notes\n")
        out.extend(f"- {_md_escape(n)}" for n in script.notes)
        out.append("")
    gen = script.generator
    out.append("---")
    out.append(f"{script.label or SCRIPT_LABEL}"
               + (f" 生成器 {gen.name} {gen.version} · {gen.provider} · seed {gen.seed} · {gen.at.isoformat()}"
                  if gen else ""))
    return "\n".join(out) + "\n"


def _html_line(line: str) -> str:
    out, pos = [], 0
    for m in CUE_RE.finditer(line):
        out.append(html.escape(line[pos:m.start()]))
        cls = "cue" if is_cue(m.group(1)) else ""
        out.append(f'<span class="{cls}">{html.escape(m.group(0))}</span>' if cls else html.escape(m.group(0)))
        pos = m.end()
    out.append(html.escape(line[pos:]))
    return "".join(out)


_CSS = """body{font-family:"WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;max-width:56rem;
margin:2rem auto;padding:0 1rem;line-height:1.7;color:#222}h2{font-size:1.05rem;border-top:1px solid #ddd;
padding-top:.8rem}.cue{background:#fff3c4;border-radius:3px;padding:0 2px;font-weight:600}.meta{color:#666}
.facts{color:#888;font-size:.8rem}.label{margin-top:2rem;padding:.6rem;border:2px solid #c00;color:#c00;
font-weight:700}.finding{color:#b00}"""


def to_html(script: Script) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{e(script.title or script.id)}"
             f"</title><meta name=\"generator\" content=\"{e(script.generator.name if script.generator else '')}\">"
             f"<style>{_CSS}</style></head><body>",
             f"<h1>{e(script.title or script.id)}</h1>",
             f"<p class=\"meta\">{e(script.id)} · {e(STATUS_NAMES.get(script.status, script.status))} · v{script.version}"
             f" · {script.minutes:g} 分钟（合计 {script.total_seconds / 60:.1f} 分钟）· {e(script.style or '')}</p>"]
    for i, seg in enumerate(script.segments):
        kind = KIND_NAMES.get(seg.kind, seg.kind)
        parts.append(f"<h2>{i + 1}. [{clock(seg.starts_at or 0)}] {e(kind)} {e(seg.sku or '')} "
                     f"{e(seg.title or '')} ({seg.seconds:.0f} s)</h2><ul>")
        parts.extend(f"<li>{_html_line(line)}</li>" for line in seg.lines)
        parts.append("</ul>")
        if seg.facts:
            parts.append(f"<p class=\"facts\">依据：{e(', '.join(seg.facts))}</p>")
    if script.findings:
        parts.append("<h2>待处理问题</h2><ul>")
        parts.extend(f"<li class=\"finding\">段{f.segment + 1} 行{f.line + 1}: {e(f.rule)} “{e(f.text)}” — "
                     f"{e(f.message)}</li>" for f in script.findings)
        parts.append("</ul>")
    if script.notes:
        parts.append("<h2>提示</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in script.notes) + "</ul>")
    parts.append(f"<div class=\"label\">{e(script.label or SCRIPT_LABEL)}</div></body></html>")
    return "\n".join(parts)
