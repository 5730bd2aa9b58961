"""Scripts API: write a run-of-show, read it, and move it through review. Handlers stay thin: the work is
in ``cohost.content.ContentStudio`` and ``ScriptRepository`` (which enforces the workflow)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from cohost.content import ContentStudio, ShowRequest
from cohost.content.rendering import markdown, to_html
from cohost.domain.script import Script
from cohost.server.auth import PrincipalDep
from cohost.server.deps import StoreDep
from cohost.store import Store
from cohost.store.scripts import ScriptSummary

router = APIRouter(prefix="/api/scripts", tags=["scripts"])
Status = Literal["draft", "in_review", "approved", "rejected"]


class ScriptCreate(BaseModel):
    skus: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(min_length=1, max_length=200)
    minutes: float = Field(ge=1, le=1440)
    style: str = Field(default="热情", max_length=16)
    audience: str | None = Field(default=None, max_length=200)
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    start: datetime | None = None
    rate: float = Field(default=4.5, ge=1, le=12)
    title: str | None = Field(default=None, max_length=100)


class ReviewStep(BaseModel):
    by: str | None = Field(default=None, max_length=100,
                           description="ignored: the signed-in account is recorded as the person doing this")
    comment: str | None = Field(default=None, max_length=2000)


class ScriptEdit(BaseModel):
    by: str | None = Field(default=None, max_length=100,
                           description="ignored: the signed-in account is recorded as the editor")
    comment: str | None = Field(default=None, max_length=2000)
    script: dict[str, Any] = Field(description="the edited Script JSON; only its segments are taken")


class ScriptPage(BaseModel):
    total: int
    items: list[ScriptSummary]  # the store's own summary record; no mirror class


class ReviewEventOut(BaseModel):
    action: str
    actor: str
    from_status: str | None
    to_status: str
    version: int
    comment: str | None
    diff: str | None
    at: datetime


def _studio(request: Request, store: Store) -> ContentStudio:
    """One studio per app (the compliance rules are loaded once)."""
    studio: ContentStudio | None = getattr(request.app.state, "content_studio", None)
    if studio is None or studio.store is not store:
        studio = ContentStudio(store)
        request.app.state.content_studio = studio
    return studio


@router.get("", operation_id="listScripts", response_model=ScriptPage)
def list_scripts(store: StoreDep, status: Status | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 100,
                 offset: Annotated[int, Query(ge=0)] = 0) -> ScriptPage:
    items = store.scripts.list(status=status, limit=limit, offset=offset)
    return ScriptPage(total=store.scripts.count(status=status),
                      items=list(items))


@router.post("", operation_id="createScript", response_model=Script, status_code=201)
def create_script(body: ScriptCreate, request: Request, store: StoreDep, principal: PrincipalDep) -> Script:
    show = ShowRequest.build(body.skus, body.minutes, style=body.style, audience=body.audience, seed=body.seed,
                             start=body.start, rate=body.rate, title=body.title)
    return _studio(request, store).new_script(show, actor=principal.name)


@router.get("/{script_id}", operation_id="getScript", response_model=Script)
def get_script(script_id: str, store: StoreDep) -> Script:
    return store.scripts.get(script_id)


@router.get("/{script_id}/view", operation_id="viewScript", response_class=Response,
            responses={200: {"content": {"text/markdown": {}, "text/html": {}}}})
def view_script(script_id: str, store: StoreDep, format: Literal["md", "html"] = "md") -> Response:
    script = store.scripts.get(script_id)
    if format == "html":
        return HTMLResponse(to_html(script))
    return PlainTextResponse(markdown(script), media_type="text/markdown; charset=utf-8")


@router.get("/{script_id}/history", operation_id="getScriptHistory", response_model=list[ReviewEventOut])
def script_history(script_id: str, store: StoreDep) -> list[ReviewEventOut]:
    return [ReviewEventOut(**asdict(e)) for e in store.scripts.history(script_id)]


@router.post("/{script_id}/submit", operation_id="submitScript", response_model=Script)
def submit_script(script_id: str, body: ReviewStep, store: StoreDep, principal: PrincipalDep) -> Script:
    return store.scripts.submit(script_id, by=principal.name, comment=body.comment)


@router.post("/{script_id}/approve", operation_id="approveScript", response_model=Script)
def approve_script(script_id: str, body: ReviewStep, store: StoreDep, principal: PrincipalDep) -> Script:
    return store.scripts.approve(script_id, by=principal.name, comment=body.comment)


@router.post("/{script_id}/reject", operation_id="rejectScript", response_model=Script)
def reject_script(script_id: str, body: ReviewStep, store: StoreDep, principal: PrincipalDep) -> Script:
    return store.scripts.reject(script_id, by=principal.name, comment=body.comment)


@router.put("/{script_id}", operation_id="editScript", response_model=Script)
def edit_script(script_id: str, body: ScriptEdit, request: Request, store: StoreDep,
                principal: PrincipalDep) -> Script:
    return _studio(request, store).edit(script_id, body.script, by=principal.name, comment=body.comment,
                                        source="body.script")
