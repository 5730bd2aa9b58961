"""Compliance findings: values, not exceptions (formats.md §3, `cohost check`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["critical", "high", "medium", "low"]
"""critical = S1, high = S2, medium = S3, low = S4 of compliance.md §0.2."""


class Finding(BaseModel):
    """One problem in a text: which rule, how bad, where (``span`` = [start, end) character offsets)."""

    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="rule id from the rule files, e.g. AD-09")
    severity: Severity
    span: tuple[int, int]
    text: str
    message: str
    suggestion: str | None = None
