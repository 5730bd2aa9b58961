"""Bounded request bodies for the console's routes: read at most ``limit`` bytes, then validate.

Constraints: a body over the limit is refused with 413 whether or not it declares a Content-Length, and
nothing past the limit is read into memory; bad UTF-8 or JSON, a non-object and unknown fields are 422
with the field named (the problem-details handler formats ``InputError``).
"""

from __future__ import annotations

import json
from typing import TypeVar

from fastapi import HTTPException, Request
from pydantic import BaseModel, ValidationError

from cohost.errors import InputError

M = TypeVar("M", bound=BaseModel)
SMALL = 16 * 1024


async def read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, f"请求体过大 / request body over {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"请求体过大 / request body over {limit} bytes")
    return bytes(body)


async def read_model(request: Request, model: type[M], limit: int = SMALL) -> M:
    raw = await read_limited(request, limit)
    try:
        doc = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"请求体不是有效的 JSON / the body is not valid UTF-8 JSON: {str(exc)[:200]}") from exc
    if not isinstance(doc, dict):
        raise InputError("请求体必须是 JSON 对象 / the body must be a JSON object")
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()[:20]]
        raise InputError("; ".join(problems)[:1000]) from exc
