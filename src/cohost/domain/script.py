"""Run-of-show scripts (formats.md §3, `cohost script new`). ``lines`` are exactly what the anchor says;
cue marks such as [展示] [上链接] [倒计时] may appear inside them in square brackets."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ScriptStatus = Literal["draft", "in_review", "approved", "rejected"]


class Segment(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str = Field(description="opening, product, transition, promotion, interaction, closing, …")
    sku: str | None = None
    seconds: float = Field(ge=0)
    lines: list[str] = Field(default_factory=list)


class Script(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    status: ScriptStatus = "draft"
    minutes: float = Field(gt=0)
    segments: list[Segment] = Field(default_factory=list)
