"""The catalog's own product names, and risk cues read outside them.

A product may be named with a risk word inside its name ("孕妇枕", "防烫手隔热手套", "护腰枕"): such a cue
says what the product is, not what happened to the viewer, so ``detect_risk`` does not count a cue that
lies entirely inside a mention of a product's title, a title part or an alias ("孕妇枕多少钱" asks a price;
"孕妇能用洗衣液吗", "我怀孕了 孕妇枕能用吗" still ask about a pregnancy).

Constraints:

- Only names, never attribute values or labels: "适用人群: 孕妇、哺乳期妈妈" must not hide "哺乳期妈妈能用吗".
- A name hides a cue only when it is longer than the cue: an alias that *is* a risk word hides nothing.
- Names are built once per catalog version (``names_of``, kept with the engine's indexes); ``Scoped.search`` behaves exactly like
  ``Gated.search`` when no name occurs in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cohost.domain import Product
from cohost.knowledge.literalgate import Gated
from cohost.knowledge.text import normalize, title_parts


def names_of(products: Sequence[Product]) -> tuple[str, ...]:
    """Every product's title, title parts and aliases in normal form, of two characters or more."""
    out: set[str] = set()
    for p in products:
        for name in (normalize(p.title), *title_parts(p.title), *(normalize(a) for a in p.aliases)):
            if len(name) >= 2:
                out.add(name)
    return tuple(sorted(out, key=len, reverse=True))


# a kind of goods named after whom or what it serves ("哺乳枕", "孕妇防辐射服", "乳头霜", "医院级"): a product's
# name whether or not this catalog sells it; the person it names is nobody's condition
_KIND = re.compile(r"(孕妇|孕期|孕产妇|哺乳|月子|产后)(防辐射|专用|哺乳|护腰)?(枕头?|装|裤|服|衣|内衣|文胸|垫|帽|鞋|袜|霜|奶粉|套装|睡衣|"
                   r"托腹带|靠枕|护腰|巾)|(乳头|奶头)(霜|膏|贴|罩|保护罩|矫正器)|(医院|医用|医疗)级")


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where the names (and the kinds of goods ``_KIND`` reads) occur in ``text`` (start, end)."""
    spans: list[tuple[int, int]] = [m.span() for m in _KIND.finditer(text)]
    for name in names:
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


class Scoped:
    """A gated text whose searches skip matches lying entirely inside a longer product name."""

    __slots__ = ("_names", "_spans", "gated", "text")

    def __init__(self, gated: Gated, names: Iterable[str]) -> None:
        self.gated = gated
        self.text = gated.text
        self._names = names
        self._spans: list[tuple[int, int]] | None = None  # found on the first match: most texts match no cue

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = name_spans(self.text, self._names)
        return self._spans

    def _inside(self, m: re.Match[str]) -> bool:
        a, b = m.span()
        return any(s <= a and b <= e and e - s > b - a for s, e in self.spans)

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        m = self.gated.search(pattern)
        if m is None or not self._inside(m):
            return m
        for start in range(m.start() + 1, len(self.text)):  # the next match that is not a name's part
            m = pattern.search(self.text, start)
            if m is None:
                return None
            if not self._inside(m):
                return m
        return None
