"""An optional LLM pass: an OpenAI-compatible model rephrases each segment the composer drafted.

The model is never the source of a fact (``cohost.providers.base``): it gets the segment's fact-built
draft plus the facts it cites, and may only reword it. What comes back must keep every cue mark (the
show runner acts on [上链接] and [停顿N秒]), bring no number the draft does not have (a price, stock or
sales figure can only come from the store), and stay within bounds; otherwise the draft is kept. Every
line it writes then goes through the same ``Proofreader`` as the offline lines, so an invented price is
corrected to the fact's value and an unsupported claim is removed, and the segment is re-timed.

Providers come from ``cohost.providers`` (``llm_chain(settings)``: the configured endpoint, falling
back to the offline grounded writer, which returns the draft unchanged).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cohost.content.pacing import Pacing, cues, spoken_text
from cohost.content.proofreader import Proofreader
from cohost.domain import Product, ProductFact
from cohost.domain.script import Fix, Segment
from cohost.providers.base import LLM, ChatMessage, ChatRequest

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
SYSTEM = (
    "你是直播电商脚本润色助手。只改写措辞，让口播更自然、更符合{style}风格。规则："
    "1. 不得新增任何事实、数字、价格、库存、销量、功效、排名或承诺；只能使用草稿和事实清单里已有的信息。"
    "2. 不得使用绝对化用语（最、第一、顶级、全网、唯一等）和制造紧迫感的说法。"
    "3. 方括号里的提示标记（如[上链接][停顿15秒]）必须原样保留，数量不变。"
    "4. 不得以主播本人名义声称用过商品。5. 每行一句口播，行数与草稿大致相同，只输出改写后的台词。"
)


@dataclass
class PolishReport:
    provider: str = "offline-templates"
    model: str | None = None
    polished: int = 0
    kept_draft: int = 0
    reasons: Counter[str] = field(default_factory=Counter)


def _facts_block(facts: Sequence[ProductFact], ids: Sequence[str]) -> str:
    wanted = set(ids)
    rows = [f"- {f.id}（{f.label}）：{f.value}" for f in facts if f.id in wanted]
    return "\n".join(rows[:40]) or "（无）"


def _lines(reply: str) -> list[str]:
    out = []
    for raw in reply.splitlines():
        line = re.sub(r"^\s*(?:[-*•]|\d+[.、)])\s*", "", raw).strip()
        if line and not line.startswith("```"):
            out.append(line)
    return out


class Polisher:
    def __init__(self, llm: LLM, proofreader: Proofreader, pacing: Pacing, *, style: str,
                 max_line: int = 200) -> None:
        self.llm, self.proof, self.pacing, self.style, self.max_line = llm, proofreader, pacing, style, max_line
        self.report = PolishReport()

    def segment(self, index: int, segment: Segment, product: Product | None, facts: Sequence[ProductFact],
                when: datetime | None) -> tuple[Segment, list[Fix]]:
        """Rephrase one segment; returns the segment to keep (re-timed) and the proofreader's fixes."""
        if not segment.lines:
            return segment, []
        draft = "\n".join(segment.lines)
        request = ChatRequest(
            messages=[ChatMessage("system", SYSTEM.format(style=self.style)),
                      ChatMessage("user", f"事实清单：\n{_facts_block(facts, segment.facts)}\n\n草稿：\n{draft}")],
            draft=draft, max_tokens=min(4000, 2 * len(draft) + 200), temperature=0.7)
        result = self.llm.chat(request)
        self.report.provider, self.report.model = result.provider, result.model
        lines = _lines(result.text)
        problem = self._reject(segment.lines, lines)
        if problem:
            self.report.kept_draft += 1
            self.report.reasons[problem] += 1
            return segment, []
        fixes: list[Fix] = []
        kept: list[str] = []
        for line in lines:
            review = self.proof.line(line, product, when, segment=index, index=len(kept))
            fixes.extend(review.fixes)
            if review.text is not None:
                kept.append(review.text)
        if Counter(c for x in kept for c in cues(x)) != Counter(c for x in segment.lines for c in cues(x)):
            self.report.kept_draft += 1
            self.report.reasons["proofreading removed a cue"] += 1
            return segment, []
        self.report.polished += int(lines != segment.lines)
        return segment.model_copy(update={"lines": kept, "seconds": self.pacing.seconds(kept),
                                          "pause_seconds": self.pacing.pause_seconds(kept)}), fixes

    def _reject(self, draft: list[str], lines: list[str]) -> str | None:
        if not lines:
            return "empty reply"
        if not len(draft) / 2 <= len(lines) <= len(draft) * 2 + 1:
            return "line count out of bounds"
        if any(len(x) > self.max_line for x in lines):
            return "line too long"
        if Counter(c for x in lines for c in cues(x)) != Counter(c for x in draft for c in cues(x)):
            return "cue marks changed"
        allowed = set(_NUMBER.findall(" ".join(spoken_text(x) for x in draft)))
        if any(n not in allowed for x in lines for n in _NUMBER.findall(spoken_text(x))):
            return "a number not in the draft"  # prices, stock, sales: never from a model
        return None


def polish(segments: list[Segment], polisher: Polisher, products: Mapping[str, Product],
           facts: Mapping[str, Sequence[ProductFact]], start: datetime | None) -> tuple[list[Segment], list[Fix]]:
    """Polish every segment; re-time the show (segments' ``starts_at`` follow the new lengths)."""
    out: list[Segment] = []
    fixes: list[Fix] = []
    clock = 0.0
    for i, seg in enumerate(segments):
        product = products.get(seg.sku) if seg.sku else None
        when = start + timedelta(seconds=seg.starts_at or 0) if start else None
        new, found = polisher.segment(i, seg, product, facts.get(seg.sku or "", []), when)
        out.append(new.model_copy(update={"starts_at": round(clock, 1)}))
        clock += new.seconds
        fixes.extend(found)
    return out, fixes
