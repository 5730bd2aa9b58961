"""Phrase banks per style (热情 | 专业 | 亲切 | 幽默), plus phrasings every style shares.

A slot's phrasings for a style are the style's own followed by the common ones, so a style changes the
voice of the show without losing the neutral sentences. Placeholders (``{short}``, ``{price}`` …) are
filled by the composer from facts or from the show plan; a phrasing whose placeholder has no value is
never chosen.
"""

from __future__ import annotations

from typing import Literal

from cohost.content.banks.common import COMMON, DEMO, DEMO_DEFAULT
from cohost.content.banks.friendly import FRIENDLY
from cohost.content.banks.humorous import HUMOROUS
from cohost.content.banks.passionate import PASSIONATE
from cohost.content.banks.professional import PROFESSIONAL

Style = Literal["热情", "专业", "亲切", "幽默"]
STYLES: tuple[Style, ...] = ("热情", "专业", "亲切", "幽默")
_BANKS: dict[str, dict[str, tuple[str, ...]]] = {
    "热情": PASSIONATE, "专业": PROFESSIONAL, "亲切": FRIENDLY, "幽默": HUMOROUS,
}
_ALIASES = {"passionate": "热情", "professional": "专业", "friendly": "亲切", "humorous": "幽默",
            "energetic": "热情", "warm": "亲切", "funny": "幽默"}


def normalise_style(style: str) -> Style:
    """热情/专业/亲切/幽默, or the English names; anything else raises ValueError."""
    name = _ALIASES.get(style.strip().lower(), style.strip())
    for known in STYLES:
        if name == known:
            return known
    raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")


def phrases(slot: str, style: str) -> tuple[str, ...]:
    return _BANKS[style].get(slot, ()) + COMMON.get(slot, ())


def slots() -> set[str]:
    out = set(COMMON)
    for bank in _BANKS.values():
        out |= set(bank)
    return out


def demo_actions(category: str) -> tuple[str, ...]:
    return DEMO.get(category, DEMO_DEFAULT)


def all_phrasings() -> list[tuple[str, str, str]]:
    """(style or "common", slot, phrasing) for every phrasing: what the bank tests walk over."""
    out = [("common", slot, p) for slot, items in COMMON.items() for p in items]
    out += [("common", "demo", p) for items in (*DEMO.values(), DEMO_DEFAULT) for p in items]
    for style, bank in _BANKS.items():
        out += [(style, slot, p) for slot, items in bank.items() for p in items]
    return out


__all__ = ["STYLES", "Style", "all_phrasings", "demo_actions", "normalise_style", "phrases", "slots"]
