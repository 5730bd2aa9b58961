"""``POST /api/ask``: one viewer question in, the formats.md §3 answer object out.

The engine is built once per app (lazily, on the first question) and rebuilds its indexes by itself when
the catalog changes. Bodies are small by contract: a question is at most 500 characters and a body over
16 KiB is refused before it is parsed (413, problem JSON); unknown fields are refused (422).
"""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from cohost.knowledge import AnswerRecord, QAEngine
from cohost.server.deps import SettingsDep, StoreDep

router = APIRouter(prefix="/api", tags=["ask"])
MAX_BODY = 16 * 1024
_lock = threading.Lock()


class AskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=500, description="观众问题 / the viewer's question")
    context_sku: str | None = Field(default=None, max_length=64, description="正在讲解的商品 / product on screen")
    id: str | int | None = Field(default=None, description="echoed back in the answer")


def _small_body(request: Request) -> None:
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        raise HTTPException(status_code=413, detail=f"请求体过大 Request body over {MAX_BODY} bytes")


def _engine(request: Request, store: StoreDep, settings: SettingsDep) -> QAEngine:
    engine: QAEngine | None = getattr(request.app.state, "qa_engine", None)
    if engine is None:
        with _lock:
            engine = getattr(request.app.state, "qa_engine", None)
            if engine is None:
                engine = QAEngine.from_settings(store, settings)
                request.app.state.qa_engine = engine
    return engine


@router.post("/ask", operation_id="ask", response_model=AnswerRecord, dependencies=[Depends(_small_body)])
def ask(body: AskIn, engine: Annotated[QAEngine, Depends(_engine)]) -> AnswerRecord:
    """回答观众问题 / answer a viewer question from the catalog's facts, or hand it to a human."""
    return engine.answer(body.question, context_sku=body.context_sku, id=body.id)
