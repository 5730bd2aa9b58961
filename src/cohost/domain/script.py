"""Run-of-show scripts (formats.md §3, `cohost script new`).

The contract keys are ``id``, ``status``, ``minutes`` and ``segments[kind, sku, seconds, lines]``; they
never change meaning. ``lines`` are exactly what the anchor says; cue marks such as [展示] [上链接]
[倒计时] [停顿20秒] may appear inside them in square brackets. Everything else here is an optional,
additive field: who made the script and how (``generator``, the AI ``label``), what the proofreader
fixed (``fixes``), what is still wrong (``findings``), and the review trail (``reviewer`` …).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cohost.domain.findings import Finding

ScriptStatus = Literal["draft", "in_review", "approved", "rejected"]
SegmentKind = Literal["opening", "product", "transition", "promotion", "interaction", "closing"]
FixAction = Literal["corrected", "removed"]
ReviewAction = Literal["create", "submit", "approve", "reject", "edit"]

# The review workflow (LSE-30: pre-live review). An edit sends an approved or rejected script back for
# review; only an approved script can go live.
TRANSITIONS: dict[str, dict[str, str]] = {
    "submit": {"draft": "in_review"},
    "approve": {"in_review": "approved"},
    "reject": {"in_review": "rejected"},
    "edit": {"draft": "draft", "in_review": "in_review", "rejected": "draft", "approved": "in_review"},
}
BLOCKING = ("critical", "high")


class Segment(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str = Field(description="opening, product, transition, promotion, interaction, closing, …")
    sku: str | None = None
    seconds: float = Field(ge=0)
    lines: list[str] = Field(default_factory=list)
    title: str | None = Field(default=None, description="a heading for people, e.g. 开场 or the product")
    round: int | None = Field(default=None, ge=1, description="which pass over the product (返场 = 2, 3, …)")
    starts_at: float | None = Field(default=None, ge=0, description="planned start, seconds from show start")
    pause_seconds: float = Field(default=0, ge=0, description="planned silent pauses included in seconds")
    facts: list[str] = Field(default_factory=list, description="ids of the facts these lines rest on")


class Fix(BaseModel):
    """One change the proofreader made before anyone saw the text (or a finding on a human edit)."""

    model_config = ConfigDict(extra="allow")

    segment: int = Field(ge=0)
    line: int = Field(ge=0)
    action: FixAction
    before: str
    after: str | None = None
    reason: str = Field(description="rule id (AD-09-3 …) or claim verdict (contradicted, unsupported …)")
    detail: str | None = None
    facts: list[str] = Field(default_factory=list)


class LineFinding(Finding):
    """A finding on one line of a script: ``span`` is on the spoken text (cue marks taken out)."""

    segment: int = Field(ge=0)
    line: int = Field(ge=0)


class GeneratorInfo(BaseModel):
    """Implicit label (compliance.md §6, DS-16 / LBL-5): who generated the artefact, how and when."""

    model_config = ConfigDict(extra="allow")

    name: str = "cohost.content"
    version: str
    provider: str = Field(description="offline template engine, or the LLM provider that rephrased it")
    model: str | None = None
    seed: int | None = None
    at: datetime


class Script(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    status: ScriptStatus = "draft"
    minutes: float = Field(gt=0)
    segments: list[Segment] = Field(default_factory=list)
    title: str | None = None
    style: str | None = None
    audience: str | None = None
    skus: list[str] = Field(default_factory=list)
    start: datetime | None = Field(default=None, description="planned show start (offers are chosen for it)")
    rate: float | None = Field(default=None, gt=0, description="speaking rate used for timing, chars/s")
    created_at: datetime | None = None
    updated_at: datetime | None = None
    generator: GeneratorInfo | None = None
    label: str | None = Field(default=None, description="explicit AI label (GB 45438: contains AI and 生成)")
    aigc: dict[str, str] | None = Field(default=None, description="GB 45438 Appendix E implicit label")
    fixes: list[Fix] = Field(default_factory=list)
    findings: list[LineFinding] = Field(default_factory=list, description="open problems (block approval)")
    notes: list[str] = Field(default_factory=list, description="warnings for the reviewer")
    version: int = Field(default=1, ge=1)
    reviewer: str | None = None
    review_comment: str | None = None
    reviewed_at: datetime | None = None

    def next_status(self, action: str) -> str | None:
        """The status after ``action``, or None when the workflow does not allow it from here."""
        return TRANSITIONS.get(action, {}).get(self.status)

    def blocking(self) -> list[Finding]:
        """Open findings that stop approval: critical/high rules, and any unsupported or contradicted claim."""
        return [f for f in self.findings if f.severity in BLOCKING or f.rule in (
            "contradicted", "unsupported", "needs_evidence")]

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.segments)

    def contract_dict(self) -> dict[str, object]:
        """Only the formats.md §3 keys: what other tools may rely on."""
        return {
            "id": self.id,
            "status": self.status,
            "minutes": self.minutes,
            "segments": [
                {"kind": s.kind, "sku": s.sku, "seconds": s.seconds, "lines": list(s.lines)} for s in self.segments
            ],
        }
