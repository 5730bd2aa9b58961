"""The real collaborators of a live room, built from the store: the Q&A core and the compliance engine.

Constraints: the Q&A engine's clock is the room's stream time (so a replay of last night's show sees
last night's promotions, and a replay after a crash answers the same); the linker is the engine's own
(built once per catalog version), and the same engine reads every comment (``EngineReader``:
``QAEngine.understand``, cached per text and product on screen). The engine reads facts through ``PinnedFacts`` (once per catalog
version while an answer is composed, ``cohost.live.factcache``), and reopened question groups take their
answer from an ``AnswerCache`` that any catalog change or promotion/evidence window boundary invalidates
(``cohost.live.answercache``). If the compliance engine is not installed the guard still blocks any
answer that echoes PII, and ``guard_note`` says so — the CLI prints it, nothing is silently skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from cohost.clock import SYSTEM_CLOCK
from cohost.domain import Finding, Product, facts_for_product
from cohost.live.answercache import AnswerCache, Window
from cohost.live.factcache import PinnedAnswerer, PinnedFacts
from cohost.live.room import Collaborators
from cohost.live.understanding import EngineReader
from cohost.store import Store

log = logging.getLogger(__name__)


class PiiOnlyChecker:
    """Stand-in while ``cohost.compliance`` is missing: no findings here; the guard's PII check still runs."""

    note = "compliance engine not installed: answers are checked for PII only"

    def check(self, text: str, product: Product | None = None, now: datetime | None = None,
              mode: str = "live", stats: Mapping[str, float] | None = None) -> list[Finding]:
        return []


def default_checker() -> Any:
    try:
        from cohost.compliance import Checker  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        log.warning(PiiOnlyChecker.note)
        return PiiOnlyChecker()
    return Checker.default()


class StreamClock:
    """A ``Clock`` whose wall time is the room's stream time (the system clock before the first event)."""

    def __init__(self, stream_time: Callable[[], float] | None = None) -> None:
        self.stream_time = stream_time

    def time(self) -> float:
        ts = self.stream_time() if self.stream_time is not None else 0.0
        return ts if ts > 0 else SYSTEM_CLOCK.time()

    def monotonic(self) -> float:
        return SYSTEM_CLOCK.monotonic()

    async def sleep(self, seconds: float) -> None:
        await SYSTEM_CLOCK.sleep(seconds)


def fact_windows(store: Store) -> list[Window]:
    """The validity windows of every time-bounded fact in the catalog (promotions, expiring evidence)."""
    facts = [f for p in store.catalog.list() for f in facts_for_product(p)] + store.catalog.shop_facts()
    return [(f.valid_from, f.valid_until) for f in facts if f.valid_from is not None or f.valid_until is not None]


def default_collaborators(store: Store, stream_time: Callable[[], float] | None = None) -> Collaborators:
    from cohost.knowledge import QAEngine

    facts = PinnedFacts(store)
    engine = QAEngine(facts, clock=StreamClock(stream_time))
    products = store.catalog.list()
    # the cache reads the catalog version on every answer (no TTL): a changed price empties it at once
    cache = AnswerCache(facts.read_version, lambda: fact_windows(store))
    # comments are read by the same engine that answers them (``QAEngine.understand``)
    reader = EngineReader(engine, version=facts.read_version, pin=facts.pinned)
    return Collaborators(reader=reader, answerer=PinnedAnswerer(engine, facts), checker=default_checker(),
                         products=products, answer_cache=cache)


def guard_note(collaborators: Collaborators) -> str | None:
    return getattr(collaborators.checker, "note", None)
