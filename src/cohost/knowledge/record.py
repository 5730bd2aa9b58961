"""``AnswerRecord``: the answer object of formats.md §3, exactly (same keys, same meanings)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Intent = Literal["price", "attribute", "variant", "stock", "shipping", "returns", "usage", "promotion",
                 "suitability", "comparison", "purchase", "complaint", "human", "greeting", "chitchat", "other"]
Reason = Literal["no_fact", "ambiguous_product", "complaint", "dispute", "health", "safety", "minor", "self_harm",
                 "human_request", "injection", "other"]


class AnswerRecord(BaseModel):
    """One answer. ``facts`` are the ids of every fact the answer's sentences rest on; when ``escalate`` is
    true, ``answer`` is a holding reply (no fact, no promise) and ``reason`` says why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str | int | None = None
    question: str
    intent: Intent
    sku: str | None = None
    answer: str
    facts: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    escalate: bool = False
    reason: Reason | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
