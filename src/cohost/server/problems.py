"""Errors as RFC 9457 problem-details JSON, from one place."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from cohost.errors import CatalogError, CohostError

PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def install(app: FastAPI) -> None:
    @app.exception_handler(CohostError)
    async def _cohost(_: Request, exc: CohostError) -> JSONResponse:
        problems = exc.problems if isinstance(exc, CatalogError) else None
        return problem(exc.status_code, exc.title, exc.message, hint=exc.hint, problems=problems,
                       code=type(exc).__name__)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()]
        return problem(422, "输入无效 Invalid input", "; ".join(problems)[:2000], problems=problems[:100],
                       code="InputError")

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return problem(500, "内部错误 Internal error", "an unexpected error happened; see the server log",
                       code=type(exc).__name__)
