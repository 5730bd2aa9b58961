"""Live events: small frozen slotted dataclasses passed between pipeline stages (never bare dicts).

Flow (DESIGN.md, "the live path"): a source yields ``RoomEvent``s and ``Comment``s; the stages turn a
``Comment`` into a ``ClassifiedComment``, gather those into ``QuestionGroup``s, answer a group once
(``Answer``), send what needs a person to the human queue (``Escalation``), and report
``MetricsSnapshot``s and ``Suggestion``s. A failing stage yields an ``ErrorEvent``. Control events
(``Interrupt``, ``Takeover``, ``Resume``, ``ProductSwitch``, ``End``, ``Tick``) are operator or clock
signals that skip the bounded queues.

Constraints:

- ``ref`` is the 1-based position of the input event the record derives from (the replay line number,
  or the room's event-log position for ingested events); 0 means "no input event" (control, ticks).
- ``ts`` is the event time in epoch seconds taken from the input, never the wall clock, so a replay and
  its resumption after a crash make the same decisions.
- Text on every event after the PII stage is masked text; the raw text lives only in the sealed event log.
- Vocabularies are those of formats.md §3–§4; the tuples below are the single source for the live code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

INTENTS = ("price", "attribute", "variant", "stock", "shipping", "returns", "usage", "promotion",
           "suitability", "comparison", "purchase", "complaint", "human", "greeting", "chitchat", "other")
ESCALATION_REASONS = ("no_fact", "ambiguous_product", "complaint", "dispute", "health", "safety", "minor",
                      "self_harm", "human_request", "injection", "other")
MODERATION = ("ok", "spam", "abuse", "diversion")
PII_KINDS = ("mobile", "id_card", "bank_card", "address", "wechat", "qq", "email", "name")
INPUT_TYPES = ("chat", "enter", "leave", "like", "gift", "follow", "share", "order", "stats")
ROUTES = ("anchor", "chat", "human")

Moderation = Literal["ok", "spam", "abuse", "diversion"]
Route = Literal["anchor", "chat", "human"]


# input ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RoomEvent:
    """Any non-chat input of formats.md §2 (enter, leave, like, gift, follow, share, order, stats)."""

    ref: int
    ts: float
    room: str
    type: str
    user_id: str = ""
    platform: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Comment:
    """A chat line. ``text`` is what may be shown (masked once the PII stage has run); ``norm`` is the
    matching form (simplified, half-width, lower case, no emoji, runs collapsed); ``flags`` are reason
    codes the stages add (``truncated``, ``ad``, ``contact``, ``repeat``, ``negative``, …)."""

    ref: int
    ts: float
    room: str
    user_id: str
    text: str
    nickname: str = ""
    platform: str = ""
    norm: str = ""
    pii: tuple[str, ...] = ()
    moderation: Moderation = "ok"
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClassifiedComment:
    """A comment with its intent and product. ``question`` is false for greetings, statements and
    moderated lines; ``group`` is set by the aggregate stage for questions only; ``escalate`` names the
    reason when the comment itself needs a person (e.g. a complaint that is not a question)."""

    comment: Comment
    intent: str
    sku: str | None
    confidence: float
    question: bool
    topic: str | None = None
    candidates: tuple[str, ...] = ()
    context_sku: str | None = None
    group: str | None = None
    escalate: str | None = None


# derived ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Comments asking the same thing within the sliding window. ``examples`` are distinct masked texts."""

    id: str
    room: str
    intent: str
    sku: str | None
    topic: str | None
    count: int
    examples: tuple[str, ...]
    first_ts: float
    last_ts: float
    first_ref: int
    last_ref: int
    context_sku: str | None = None
    candidates: tuple[str, ...] = ()  # the products an ambiguous question may mean (sku is None then)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer for a whole group (formats.md §3 answer object plus the route it took)."""

    group: str
    ref: int
    ts: float
    intent: str
    sku: str | None
    text: str
    facts: tuple[str, ...]
    confidence: float
    escalate: bool
    reason: str | None
    route: Route = "chat"
    priority: int = 3
    findings: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Escalation:
    """Something a person must look at: a group the answer could not serve, or a single comment."""

    ref: int
    ts: float
    group: str | None
    reason: str
    text: str = ""
    findings: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Utterance:
    """A line queued for the anchor to say; the anchor issue turns it into speech."""

    text: str
    group: str | None
    sku: str | None
    facts: tuple[str, ...]
    priority: int
    ts: float


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An operating suggestion with the figures that triggered it."""

    ts: float
    code: str
    message: str
    evidence: Mapping[str, Any]
    sku: str | None = None


@dataclass(frozen=True, slots=True)
class MetricsSnapshot:
    ts: float
    online: int | None
    enters_per_min: int
    leaves_per_min: int
    comments_per_min: int
    questions_per_min: int
    question_rate: float
    interaction_rate: float | None
    orders_per_min: int
    gmv: float
    gmv_per_min: float
    products: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """A problem with one input or one stage; the stream goes on. ``code`` is machine-readable."""

    ref: int
    ts: float
    stage: str
    code: str
    message: str


# control ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Control:
    ts: float


@dataclass(frozen=True, slots=True)
class Interrupt(Control):
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Takeover(Control):
    operator: str = ""


@dataclass(frozen=True, slots=True)
class Resume(Control):
    pass


@dataclass(frozen=True, slots=True)
class ProductSwitch(Control):
    sku: str | None = None
    ref: int = 0


@dataclass(frozen=True, slots=True)
class End(Control):
    reason: str = "end"


@dataclass(frozen=True, slots=True)
class Tick(Control):
    """Stream time moved on without an event (a quiet room); lets windows close and metrics report."""


LiveEvent = (RoomEvent | Comment | ClassifiedComment | QuestionGroup | Answer | Escalation | Utterance
             | Suggestion | MetricsSnapshot | ErrorEvent | Control)
