"""Variety controls for the composition engine: against 同质化 (every shop sounding the same).

Four rules, all seeded so a show can be reproduced from its seed:

1. No phrase back to back: the phrase used last in a slot is never picked next in that slot, and the
   least-used phrases of a slot are preferred.
2. Fresh lines for returning products: a product that comes back (返场) avoids the exact lines it said
   in its recent passes, when another phrasing can say the same fact.
3. An n-gram repetition limit: a candidate's own wording (its template with the fact values taken out)
   is scored by how many of its character n-grams were already said in the last ``window`` lines; the
   candidate with the fewest is chosen. Fact values (titles, prices) repeat by nature and don't count.
4. Seeded randomness: ties and orderings are broken by a ``random.Random(seed)``, so two shows with
   different seeds differ and the same seed gives the same show.
"""

from __future__ import annotations

import random
import re
from collections import Counter, deque
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def skeleton(template: str) -> str:
    """The template's own wording: placeholders become a break character that no n-gram crosses."""
    return _PLACEHOLDER.sub("\x00", template)


def ngrams(text: str, n: int) -> list[str]:
    out: list[str] = []
    for part in text.split("\x00"):
        part = re.sub(r"\[[^\]]*\]|[\s，。！？、：；,.!?:;～~…“”\"'（）()]", "", part)
        out.extend(part[i : i + n] for i in range(len(part) - n + 1))
    return out


@dataclass
class Variety:
    """Chooses among phrasings. One instance per show, shared by every segment."""

    seed: int
    n: int = 4
    window: int = 60
    max_repeats: int = 1
    rng: random.Random = field(init=False)
    _last: dict[str, str] = field(init=False, default_factory=dict)
    _uses: Counter[str] = field(init=False, default_factory=Counter)
    _recent: deque[list[str]] = field(init=False)
    _counts: Counter[str] = field(init=False, default_factory=Counter)
    _grams: dict[str, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self._recent = deque()

    def _template_grams(self, template: str) -> list[str]:
        grams = self._grams.get(template)
        if grams is None:
            grams = self._grams[template] = ngrams(skeleton(template), self.n)
        return grams

    def overlap(self, template: str) -> int:
        """How many of the template's n-grams were said more than ``max_repeats`` times recently."""
        return sum(1 for g in self._template_grams(template) if self._counts[g] >= self.max_repeats)

    def pick(self, slot: str, options: Sequence[str], *, render: Callable[[str], str] | None = None,
             avoid: Container[str] = ()) -> str:
        """Choose a phrasing for ``slot``: never the last one used there; then prefer one whose rendered
        line is not in ``avoid`` (what this product said in its recent passes), least n-gram overlap,
        least used."""
        if not options:
            raise ValueError(f"no phrasing for slot {slot!r}")
        if len(options) == 1:
            choice = options[0]
        else:
            last = self._last.get(slot)
            pool = [o for o in options if o != last] or list(options)
            order = list(range(len(pool)))
            self.rng.shuffle(order)

            def score(o: str) -> tuple[bool, int]:
                return render is not None and render(o) in avoid, self.overlap(o)

            scored = [(score(pool[i]), self._uses[slot + "\x01" + pool[i]], pool[i]) for i in order]
            best = min(s for s, _, _ in scored)
            fewest = min(u for s, u, _ in scored if s == best)
            # among the best-scored, any of the least used (one use of slack): the seed decides
            choice = self.rng.choice([o for s, u, o in scored if s == best and u <= fewest + 1])
        self._last[slot] = choice
        self._uses[slot + "\x01" + choice] += 1
        return choice

    def said(self, template: str) -> None:
        """Record that a line made from ``template`` was said (after it passed the proofreader)."""
        grams = self._template_grams(template)
        self._recent.append(grams)
        self._counts.update(grams)
        while len(self._recent) > self.window:
            self._counts.subtract(self._recent.popleft())

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def shuffled(self, items: Sequence[str]) -> list[str]:
        out = list(items)
        self.rng.shuffle(out)
        return out
