"""Roles and what each may do. Four roles, no hierarchy beyond what the groups below spell out.

    owner      the shop: everything, and the only role that manages accounts and imports the catalog
    operator   场控: runs the room (anchor takeover/resume/kill, human queue, suggestions, ingest), writes scripts
    reviewer   审核: approves or rejects scripts (LSE-27/30 pre-live review), reads the audit trail
    viewer     只读: reads products, scripts, rooms and reports; changes nothing

Separation of duties: an operator cannot approve a script and a reviewer cannot drive the room; a small
shop whose owner does both signs in as the owner. The groups are frozensets so a policy entry names one
group, never a list that drifts.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from cohost.errors import InputError


class Role(StrEnum):
    owner = "owner"
    operator = "operator"
    reviewer = "reviewer"
    viewer = "viewer"


LABELS: dict[Role, tuple[str, str]] = {
    Role.owner: ("所有者", "Owner"),
    Role.operator: ("场控", "Operator"),
    Role.reviewer: ("审核", "Reviewer"),
    Role.viewer: ("只读", "Read-only"),
}

_ALIASES = {"read-only": Role.viewer, "readonly": Role.viewer, "read_only": Role.viewer, "只读": Role.viewer,
            "所有者": Role.owner, "场控": Role.operator, "运营": Role.operator, "审核": Role.reviewer}

ANYONE: frozenset[Role] = frozenset(Role)
"""Every signed-in account: read the catalog, scripts, rooms, reports."""
RUN_ROOM: frozenset[Role] = frozenset({Role.owner, Role.operator})
"""Drive a live room: anchor controls, duty, human queue, suggestions, ingest."""
WRITE: frozenset[Role] = frozenset({Role.owner, Role.operator, Role.reviewer})
"""Create and edit content, and use the tools (ask, check, recommendations)."""
REVIEW: frozenset[Role] = frozenset({Role.owner, Role.reviewer})
"""Approve or reject a script (the named human of LSE-30)."""
AUDIT: frozenset[Role] = frozenset({Role.owner, Role.operator, Role.reviewer})
"""Read the audit trail and every AI utterance."""
ADMIN: frozenset[Role] = frozenset({Role.owner})
"""Accounts, tokens of others, catalog import."""


def parse_role(value: str) -> Role:
    """A role from its id or a common alias (``read-only``, ``只读`` …); the error lists the choices."""
    key = unicodedata.normalize("NFKC", value or "").strip().lower()
    if key in Role.__members__:
        return Role(key)
    if key in _ALIASES:
        return _ALIASES[key]
    choices = ", ".join(r.value for r in Role)
    raise InputError(f"unknown role {value[:40]!r}: choose one of {choices}",
                     hint="owner 所有者 · operator 场控 · reviewer 审核 · viewer 只读")


def may_issue(holder: Role, token_role: Role) -> bool:
    """Whether an account with ``holder`` may mint a token acting as ``token_role`` (never upwards)."""
    return holder is Role.owner or token_role in (holder, Role.viewer)
