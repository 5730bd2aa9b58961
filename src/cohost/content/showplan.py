"""The show's request and its time plan: how many passes over each product, where the timed slots go.

A show of ``minutes`` must fill about ``minutes × 60`` seconds of real speech and planned pauses. The
plan reserves time for the opening and closing, transitions, interaction breaks (every
``interaction_every`` seconds) and offer round-ups, then gives the rest to product segments. When there
is more product time than one pass fills (three products for two hours), products come back in further
passes (返场). A pass lasts about as long as saying each of the product's facets once (its natural
length), so richer products get more time and no pass repeats a facet. Timed
promotion slots are placed at the moment a promotion starts, and a reminder shortly before one ends,
when that moment falls inside the show.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cohost.content.banks import Style, normalise_style, phrases
from cohost.content.facets import ProductSheet
from cohost.content.pacing import Pacing
from cohost.errors import InputError

MAX_MINUTES = 24 * 60
MAX_SKUS = 200
MAX_AUDIENCE = 60


def clean_audience(text: str | None) -> str | None:
    """Audience text as it may be woven into lines: one short phrase, no cue marks, no control chars."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(c).startswith(("C", "Z")) else c for c in text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace("[", "【").replace("]", "】").replace("{", "（").replace("}", "）")
    if len(text) > MAX_AUDIENCE:
        raise InputError(f"--audience is {len(text)} characters; keep it to {MAX_AUDIENCE} or fewer",
                         hint="describe the audience in a phrase, e.g. 25-35岁上班族")
    text = text.rstrip("的，,。.!！?？ ")
    return text or None


@dataclass(frozen=True)
class ShowRequest:
    """What the operator asked for. Validated on construction; errors name the option."""

    skus: tuple[str, ...]
    minutes: float
    style: Style = "热情"
    audience: str | None = None
    seed: int | None = None
    start: datetime | None = None
    rate: float = 4.5
    title: str | None = None

    @classmethod
    def build(cls, skus: list[str] | tuple[str, ...] | str, minutes: float, *, style: str = "热情",
              audience: str | None = None, seed: int | None = None, start: datetime | None = None,
              rate: float = 4.5, title: str | None = None) -> ShowRequest:
        if isinstance(skus, str):
            skus = [s for s in re.split(r"[,，\s]+", skus) if s]
        items = [s.strip() for s in skus if s.strip()]
        if not items:
            raise InputError("--skus is empty", hint="cohost script new --skus MZ-001,SP-001 --minutes 60")
        if len(items) > MAX_SKUS:
            raise InputError(f"--skus lists {len(items)} products; one show takes at most {MAX_SKUS}")
        dupes = sorted({s for s in items if items.count(s) > 1})
        if dupes:
            raise InputError(f"--skus lists {', '.join(dupes)} more than once")
        if not (minutes == minutes) or not 1 <= minutes <= MAX_MINUTES:  # NaN-safe
            raise InputError(f"--minutes must be between 1 and {MAX_MINUTES}, got {minutes}")
        try:
            chosen = normalise_style(style)
        except ValueError as exc:
            raise InputError(f"--style: {exc}") from exc
        if not 1.0 <= rate <= 12.0:
            raise InputError(f"speaking rate must be 1–12 characters per second, got {rate}")
        if start is not None and start.tzinfo is None:
            raise InputError("--start needs a time zone, e.g. 2026-11-20T20:00:00+08:00")
        if title is not None and len(title) > 100:
            raise InputError("title is longer than 100 characters")
        return cls(tuple(items), float(minutes), chosen, clean_audience(audience), seed, start, rate, title)


@dataclass(frozen=True)
class Knobs:
    """Tunable shape of a show. Defaults follow common practice in Chinese live commerce."""

    interaction_every: float = 900.0
    interaction_seconds: float = 45.0
    roundup_every: float = 1800.0
    transition_seconds: float = 6.0
    min_product_seconds: float = 25.0
    min_pass_seconds: float = 60.0
    poll_every: float = 100.0
    pause_range: tuple[int, int] = (10, 20)
    ending_notice: float = 300.0


@dataclass(order=True)
class TimedSlot:
    """A promotion moment inside the show: ``at`` seconds from the start."""

    at: float
    kind: str = field(compare=False)
    sku: str = field(compare=False)
    offer: int = field(compare=False)


@dataclass
class Plan:
    total: float
    opening: float
    closing: float
    rounds: int
    order: list[tuple[int, int]]
    timed: list[TimedSlot]
    interactions: int
    roundups: int
    weights: list[float] = field(default_factory=list)


def _overhead(slot: str, style: str, pacing: Pacing) -> float:
    """Mean spoken length of a slot's phrasings without their fact values (the template's own words)."""
    options = phrases(slot, style)
    if not options:
        return 0.0
    return sum(pacing.spoken_chars(re.sub(r"\{[a-z_]+\}", "", o)) for o in options) / len(options)


def natural_seconds(sheet: ProductSheet, knobs: Knobs, style: str, rate: float) -> float:
    """How long one pass over a product takes when each facet is said once, with its polls: the
    phrase bank's own words for each slot plus the facts' values, at the speaking rate."""
    pacing = Pacing(rate)
    kind_slot = {"point": "point", "attr": "attr", "usage": "usage", "caution": "caution", "faq": "faq",
                 "variants": "variants", "evidence": "evidence", "brand": "intro_brand", "alias": "intro_alias"}
    name = pacing.spoken_chars(sheet.short)
    chars = _overhead("hook", style, pacing) + name
    for f in sheet.facets:
        chars += _overhead(kind_slot.get(f.kind, "attr"), style, pacing)
        chars += sum(pacing.spoken_chars(v) for v in f.values.values() if not v.isdigit())
    chars += _overhead("price", style, pacing) + name / 2 + _overhead("cta", style, pacing)
    chars += sum(_overhead("offer", style, pacing) + pacing.spoken_chars(o.text) for o in sheet.offers[:2])
    speech = chars / rate
    polls = speech // knobs.poll_every
    poll = _overhead("interact_poll", style, pacing) / rate + sum(knobs.pause_range) / 2
    return speech + polls * poll


def plan_show(request: ShowRequest, sheets: list[ProductSheet], knobs: Knobs) -> Plan:
    total = request.minutes * 60
    n = len(sheets)
    opening = min(120.0, max(25.0, total * 0.025))
    closing = min(90.0, max(30.0, total * 0.02))
    interactions = int(total // knobs.interaction_every) if total >= 2 * knobs.interaction_every else 0
    has_offers = any(s.offers for s in sheets)
    roundups = int(total // knobs.roundup_every) if has_offers and total >= 2 * knobs.roundup_every else 0
    fixed = opening + closing + interactions * knobs.interaction_seconds + roundups * 30
    need = fixed + n * (knobs.min_product_seconds + knobs.transition_seconds)
    if need > total:
        raise InputError(
            f"{request.minutes:g} minutes is too short for {n} products: at least {need / 60:.0f} minutes "
            "are needed for an opening, a closing and a short segment per product",
            hint="give more --minutes or fewer --skus")
    weights = [natural_seconds(s, knobs, request.style, request.rate) for s in sheets]
    product_time = total - fixed - (n - 1) * knobs.transition_seconds
    rounds = max(1, math.ceil(product_time / (sum(weights) + 1e-9) - 0.2))
    rounds = max(1, min(rounds, int(product_time // (n * knobs.min_pass_seconds))))
    while rounds > 1 and fixed + (rounds * n - 1) * knobs.transition_seconds + rounds * n * \
            knobs.min_product_seconds > total:
        rounds -= 1
    order: list[tuple[int, int]] = []
    for r in range(rounds):
        shift = (r * max(1, n // 2 + 1)) % n if n > 2 else r % n
        passes = [(i, r + 1) for i in ([*range(shift, n), *range(0, shift)])]
        if order and passes and passes[0][0] == order[-1][0] and n > 1:
            passes = passes[1:] + passes[:1]
        order.extend(passes)
    return Plan(total, opening, closing, rounds, order, _timed(request, sheets, total, knobs),
                interactions, roundups, weights)


def _timed(request: ShowRequest, sheets: list[ProductSheet], total: float, knobs: Knobs) -> list[TimedSlot]:
    if request.start is None:
        return []
    end = request.start + timedelta(seconds=total)
    out: list[TimedSlot] = []
    for sheet in sheets:
        if not sheet.in_stock:
            continue
        for i, offer in enumerate(sheet.offers):
            if offer.starts_at and request.start < offer.starts_at < end:
                out.append(TimedSlot((offer.starts_at - request.start).total_seconds(), "start", sheet.sku, i))
            if offer.ends_at and request.start < offer.ends_at < end:
                at = (offer.ends_at - request.start).total_seconds() - knobs.ending_notice
                if at > 0 and (offer.starts_at is None or offer.starts_at <= offer.ends_at - timedelta(
                        seconds=knobs.ending_notice)):
                    out.append(TimedSlot(at, "ending", sheet.sku, i))
    return sorted(out)
