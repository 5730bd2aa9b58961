"""What two compared products are compared by: "推车和安全座椅哪个重" ↔ 车重 / 座椅重量, "冲锋衣和速干衣都是男女同款吗"
↔ 版型 (whose value says 男女同款), "冲锋衣跟速干T恤哪个是福建产的" ↔ 产地, "推车和座椅哪个保修时间长" ↔ 保修,
"床垫和榻榻米哪个软" ↔ 硬度.

``compared_facts`` picks, for each product, its own attribute answering the comparison — by the measure the
question names (哪个重: a label of weight, whatever each merchant called it), else by the words the question
shares with one attribute's label or value (the same label then read on every product). Each product must
have one, or the comparison is not answered this way (None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cohost.domain import ProductFact
from cohost.knowledge.lexicon import concepts_asked, label_matches
from cohost.knowledge.text import compact
from cohost.knowledge.views import ProductFacts

# a measure compared ("哪个重") and the label characters of the attribute that gives it
_MEASURE_LABELS: dict[str, tuple[str, ...]] = {
    "重": ("重",), "轻": ("重",), "长": ("长",), "短": ("长",), "高": ("高",), "矮": ("高",),
    "厚": ("厚",), "薄": ("厚",), "宽": ("宽",), "窄": ("宽",), "大": ("尺寸", "容量", "大小"), "小": ("尺寸", "容量", "大小"),
    "软": ("硬度", "软硬"), "硬": ("硬度", "软硬"),  # "哪个软" ↔ 硬度 / 软硬度: one scale, said from either end
}
_FILLER = set("哪个款件是都的吗呢和跟与还比更较有能可以")


def _by_measure(pf: ProductFacts, cues: tuple[str, ...]) -> ProductFact | None:
    found = [a for a in pf.attributes if any(c in a.label for c in cues) and "承" not in a.label]
    return min(found, key=lambda a: len(a.label)) if found else None


def _shared_run(text: str, other: str) -> int:
    """The longest run of two or more characters of ``text`` (no filler at its ends) that ``other`` holds."""
    best = 0
    for i in range(len(text)):
        for j in range(i + 2, len(text) + 1):
            run = text[i:j]
            if run[0] in _FILLER or run[-1] in _FILLER:
                continue
            if run in other:
                best = max(best, len(run))
            else:
                break
    return best


def compared_facts(text: str, measure: str | None, items: Sequence[ProductFacts]) -> list[ProductFact] | None:
    """One attribute per product answering the comparison ``text`` asks, or None."""
    cut = re.search(r"哪|都|区别|差别|不同", text)  # what is said of them comes after they are named
    rest = text[cut.end():] if cut is not None else text
    # "哪个功率大" ↔ 额定功率 / 功率, "哪个声音小" ↔ 噪音: a concept or a word the question names, before its
    # measure word (大, 小 alone would read as a size)
    named = _label_run(rest, items) or _full_label(text, items)  # "工费哪个便宜": the label said before 哪
    if named is not None:
        return named
    for concept in concepts_asked(rest):
        found = [min((a for a in pf.attributes if label_matches(concept, compact(a.label))),
                     key=lambda a: len(a.label), default=None) for pf in items]
        if all(found):
            return [f for f in found if f is not None]
    if measure is not None and measure in _MEASURE_LABELS:
        found = [_by_measure(pf, _MEASURE_LABELS[measure]) for pf in items]
        return [f for f in found if f is not None] if all(found) else None
    best: tuple[int, str] | None = None
    for pf in items:
        for a in pf.attributes:
            score = max(_shared_run(rest, a.label), _shared_run(rest, str(a.value)))
            if score >= 2 and (best is None or score > best[0]):
                best = (score, a.label)
    if best is None:
        return None
    label = best[1]
    picked = [next((a for a in pf.attributes if a.label == label), None) for pf in items]
    return [f for f in picked if f is not None] if all(picked) else None


def _label_run(text: str, items: Sequence[ProductFacts]) -> list[ProductFact] | None:
    """Per product, the attribute whose label holds the longest run (two characters or more) of ``text`` that
    every product has a label holding ("功率" ↔ 额定功率 and 功率), or None."""
    runs = sorted({text[i:j] for i in range(len(text)) for j in range(i + 2, len(text) + 1)
                   if text[i] not in _FILLER and text[j - 1] not in _FILLER}, key=len, reverse=True)
    for run in runs:
        found = [min((a for a in pf.attributes if run in a.label), key=lambda a: len(a.label), default=None)
                 for pf in items]
        if all(found):
            return [f for f in found if f is not None]
    return None


def _named_labels(text: str, items: Sequence[ProductFacts]) -> list[str]:
    """The labels (two characters or more) every compared product has that the question names in full, longest
    first."""
    key = compact(text)
    shared = set.intersection(*[{compact(a.label) for a in pf.attributes} for pf in items]) if items else set()
    return sorted((label for label in shared if len(label) >= 2 and label in key), key=len, reverse=True)


def label_named(text: str, items: Sequence[ProductFacts]) -> bool:
    """Does the question name, in full, a label every compared product has ("工费哪个便宜" ↔ 工费)? Then a price
    word in it ("便宜", "贵") compares that attribute, not the products' prices."""
    return bool(_named_labels(text, items))


def _full_label(text: str, items: Sequence[ProductFacts]) -> list[ProductFact] | None:
    labels = _named_labels(text, items)
    if not labels:
        return None
    return [next(a for a in pf.attributes if compact(a.label) == labels[0]) for pf in items]


__all__ = ["compared_facts", "label_named"]
