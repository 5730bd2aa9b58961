"""Where the show's record goes: every utterance and every switch, in the audit log (compliance.md §13.2,
LSE-31: correction and interaction records kept ≥ 3 years).

Actions (subject ``show:<id>``): ``anchor.start``, ``anchor.utterance`` (what, source, cited facts,
compliance result, stream time, who was on duty, whether it was spoken, blocked or cut short),
``anchor.mode`` (takeover, resume, kill), ``anchor.shift`` (a shift switch) and ``anchor.end``.
``MemoryLedger`` keeps a bounded tail in memory (tests and the 24-hour benchmark).
"""

from __future__ import annotations

from collections import Counter, deque
from typing import Any, Protocol

from cohost.governance.audit import AuditLog


class Ledger(Protocol):
    def record(self, actor: str, action: str, detail: dict[str, Any]) -> None: ...


class AuditLedger:
    """Writes to the store's ``AuditLog``: one entry per utterance and per switch."""

    def __init__(self, audit: AuditLog, show_id: str) -> None:
        self.audit = audit
        self.subject = f"show:{show_id}"

    def record(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.audit.record(actor or "anchor", action, self.subject, detail)


class MemoryLedger:
    """The last ``keep`` entries and a count per action."""

    def __init__(self, keep: int = 10_000) -> None:
        self.entries: deque[tuple[str, str, dict[str, Any]]] = deque(maxlen=keep)
        self.counts: Counter[str] = Counter()

    def record(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.entries.append((actor, action, detail))
        self.counts[action] += 1

    def of(self, action: str) -> list[dict[str, Any]]:
        return [d for _, a, d in self.entries if a == action]


class FanoutLedger:
    def __init__(self, *ledgers: Ledger) -> None:
        self.ledgers = ledgers

    def record(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        for ledger in self.ledgers:
            ledger.record(actor, action, detail)
