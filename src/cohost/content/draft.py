"""A segment while it is being written, and its proofreading in one pass per product.

Each drafted line keeps where it came from (``LineMeta``): its product, the fact values it quotes
verbatim (trusted text), the phrasing's own words (neutral, claim-free by the phrase-bank tests), the
facts it cites and the facet it presents. ``proofread`` checks a segment's unchecked lines joined per
product (one call to the engine instead of two per line) and re-checks only the lines it flags, one by
one, correcting or removing them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from cohost.content.pacing import spoken_text
from cohost.content.proofreader import Proofreader
from cohost.domain import Product
from cohost.domain.script import Fix

_FIELDS = re.compile(r"\{([a-z_]+)\}")
_DOUBLE_STOP = re.compile(r"([。！？!?～])[。！]+|。([！？～])")


def tidy(text: str) -> str:
    """Fact values end as they end; drop the doubled stop a template adds after one (…？。 → …？)."""
    return _DOUBLE_STOP.sub(lambda m: m.group(1) or m.group(2), text)


@lru_cache(maxsize=4096)
def phrasing_words(template: str) -> tuple[str, ...]:
    """The phrasing's own words (between its placeholders, cue marks removed)."""
    parts = re.split(r"\{[a-z_]+\}", template)
    return tuple(w for w in (re.sub(r"\[[^\]]*\]", "", p) for p in parts) if w.strip())


def needs(template: str) -> set[str]:
    return set(_FIELDS.findall(template))


@dataclass
class LineMeta:
    """Where a drafted line came from: its product, the fact values it quotes, the facts it cites."""

    sku: str | None
    trusted: tuple[str, ...]
    neutral: tuple[str, ...]
    facts: tuple[str, ...]
    facet: str | None = None
    checked: bool = False


@dataclass
class Draft:
    """A segment being written."""

    kind: str
    sku: str | None
    round: int | None
    title: str
    when: datetime | None
    lines: list[str] = field(default_factory=list)
    meta: list[LineMeta] = field(default_factory=list)

    @property
    def facts(self) -> list[str]:
        return list(dict.fromkeys(f for m in self.meta for f in m.facts))




def proofread(draft: Draft, proof: Proofreader, products: Mapping[str, Product], *, segment: int,
              into: list[Fix]) -> list[tuple[LineMeta, list[Fix]]]:
    """Check the draft's unchecked lines; fix or drop only the flagged ones (fixes appended to ``into``).
    Returns the removed lines' metadata with their fixes."""
    groups: dict[str | None, list[int]] = {}
    for i, meta in enumerate(draft.meta):
        if not meta.checked:
            groups.setdefault(meta.sku, []).append(i)
    flagged: set[int] = set()
    for sku, idxs in groups.items():
        product = products.get(sku) if sku else None
        parts, starts, pos = [], [], 0
        for i in idxs:
            spoken = spoken_text(draft.lines[i]).strip()
            if spoken and spoken[-1] not in "。！？!?；;":
                spoken += "。"
            starts.append(pos)
            parts.append(spoken)
            pos += len(spoken) + 1
        trusted = [t for i in idxs for t in draft.meta[i].trusted]
        neutral = list(dict.fromkeys(w for i in idxs for w in draft.meta[i].neutral))
        for problem in proof.problems("\n".join(parts), product, draft.when, trusted, neutral):
            flagged.add(idxs[max(0, bisect_right(starts, problem.span[0]) - 1)])
    lines: list[str] = []
    metas: list[LineMeta] = []
    removed: list[tuple[LineMeta, list[Fix]]] = []
    for i, (line, meta) in enumerate(zip(draft.lines, draft.meta, strict=True)):
        meta.checked = True
        if i in flagged:
            product = products.get(meta.sku) if meta.sku else None
            review = proof.line(line, product, draft.when, segment=segment, index=len(lines),
                                trusted=meta.trusted, neutral=meta.neutral)
            into.extend(review.fixes)
            if review.text is None:
                removed.append((meta, review.fixes))
                continue
            line = review.text
        lines.append(line)
        metas.append(meta)
    draft.lines, draft.meta = lines, metas
    return removed
