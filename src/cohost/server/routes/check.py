"""``POST /api/check``: compliance findings for one text, optionally against a stored product (formats.md §3).

Constraints: ``text`` is at most 20,000 characters (longer → 422); a body larger than ``MAX_BODY`` bytes
is refused with 413 before it is read into memory, whether or not it declares a Content-Length. Both
answers are problem-details JSON, like every other error of the API.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from cohost.domain import Finding
from cohost.domain.catalog import CHINA_TZ
from cohost.server.deps import StoreDep
from cohost.server.problems import problem

MAX_TEXT = 20_000
MAX_BODY = 256 * 1024
"""Bytes: 20,000 characters escaped as \\uXXXX in JSON stay well below it."""


class _TooLarge(Exception):
    pass


class LimitedBodyRoute(APIRoute):
    """Refuses oversized request bodies with 413 problem JSON before FastAPI parses them."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            declared = request.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
                return _too_large()
            if request.method == "POST":
                try:
                    body = bytearray()
                    async for chunk in request.stream():
                        body += chunk
                        if len(body) > MAX_BODY:
                            raise _TooLarge
                except _TooLarge:
                    return _too_large()
                request._body = bytes(body)  # FastAPI reads the cached body from here
            return await handler(request)

        return limited


def _too_large() -> Response:
    return problem(413, "请求体过大 Payload too large",
                   f"request body larger than {MAX_BODY} bytes; text is limited to {MAX_TEXT} characters",
                   code="InputError")


router = APIRouter(prefix="/api", tags=["compliance"], route_class=LimitedBodyRoute)


class CheckIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT, description="要检查的文本 / the text to check (≤ 20,000 characters)")
    sku: str | None = Field(default=None, min_length=1, max_length=64, description="对照该商品的事实 / product sku")
    mode: Literal["text", "live", "comment"] = Field(default="text", description="text | live | comment")
    now: datetime | None = Field(default=None, description="检查时刻（默认现在）/ time to check promotions at")


class CheckOut(BaseModel):
    findings: list[Finding]


@router.post("/check", operation_id="check", response_model=CheckOut)
def check(body: CheckIn, store: StoreDep) -> CheckOut:
    """合规检查 / check a text against the compliance rules and, with ``sku``, the product's facts."""
    from cohost.compliance import Checker

    product = store.catalog.get(body.sku).product if body.sku else None
    now = body.now.replace(tzinfo=CHINA_TZ) if body.now is not None and body.now.tzinfo is None else body.now
    return CheckOut(findings=Checker.default().check(body.text, product=product, now=now, mode=body.mode))
