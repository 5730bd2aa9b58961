"""Liveness: the only route besides the signed stage link that needs no login."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from cohost import __version__
from cohost.server.deps import StoreDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    database: str


@router.get("/healthz", operation_id="healthz", response_model=Health)
def healthz(store: StoreDep) -> Health:
    with store.db.session() as session:
        session.execute(text("SELECT 1"))
    return Health(status="ok", version=__version__, database=store.db.engine.dialect.name)
