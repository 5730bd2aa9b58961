"""Live rooms over HTTP and WebSocket: ingest from platform connectors, metrics, and the console feed.

    POST /api/rooms/{room}/events     JSON Lines body (formats.md §2) → per-line problems with line numbers
    WS   /ws/ingest/{room}            each message: one or more JSON Lines → an ack like the POST's
    GET  /api/rooms/{room}/metrics    sliding-window metrics, totals, the anchor queue's head
    POST /api/rooms/{room}/control    operator signals: takeover, resume, product_switch, end
    WS   /ws/rooms/{room}/feed        every output record of formats.md §3 (masked), as it happens

Constraints: a body over ``MAX_BODY`` bytes or ``MAX_LINES`` lines is refused whole (413); a batch the
room's queue cannot take is refused whole before anything is logged (429, retry); "accepted" means the
lines are in the sealed evidence log. Auth comes with the console issue.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Path, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from cohost.events import ProductSwitch, Resume, Takeover
from cohost.live.records import to_record
from cohost.live.room import ROOM_NAME
from cohost.live.runner import RoomEnded, RoomHub, RoomRunner, Subscriber
from cohost.live.wire import WireReader
from cohost.live.wiring import default_collaborators
from cohost.server.problems import problem

MAX_BODY = 8 << 20
MAX_LINES = 50_000
_STRUCTURAL = frozenset({"not_utf8", "malformed_json", "not_object", "missing_field", "bad_field", "unknown_type",
                         "line_too_long", "text_too_long", "other_room"})
RoomName = Annotated[str, Path(pattern=ROOM_NAME.pattern, max_length=64, description="直播间 room id")]


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    hub: RoomHub | None = getattr(app.state, "live_hub", None)
    if hub is not None:
        await hub.close()


router = APIRouter(tags=["live"], lifespan=_lifespan)


class LineProblem(BaseModel):
    line: int
    code: str
    message: str


class IngestResult(BaseModel):
    accepted: int = Field(description="lines logged and queued")
    refs: list[int] = Field(description="[first, last] event-log positions of the accepted lines, empty if none")
    problems: list[LineProblem] = Field(description="per-line problems (line numbers of this body); "
                                                    "such lines are still logged and reported on the feed")


class ControlIn(BaseModel):
    type: Literal["takeover", "resume", "product_switch", "end"]
    operator: str = Field(default="", max_length=64)
    sku: str | None = Field(default=None, max_length=64)


def _hub(app: Any) -> RoomHub:
    hub: RoomHub | None = getattr(app.state, "live_hub", None)
    if hub is None:
        store = app.state.store
        hub = RoomHub(app.state.settings.home, lambda stream_time: default_collaborators(store, stream_time))
        app.state.live_hub = hub
    return hub


def _split(body: bytes) -> list[tuple[int, bytes]]:
    return [(n, line.rstrip(b"\r")) for n, line in enumerate(body.split(b"\n"), start=1) if line.strip()]


def _check(room: str, lines: list[tuple[int, bytes]]) -> list[LineProblem]:
    reader = WireReader(room)
    out: list[LineProblem] = []
    for n, raw in lines:
        _, problems = reader.read(raw, n)
        out.extend(LineProblem(line=n, code=p.code, message=p.message.replace(f"line {n}", f"body line {n}", 1))
                   for p in problems if p.code in _STRUCTURAL)
    return out


def _result(refs: list[int], problems: list[LineProblem]) -> IngestResult:
    return IngestResult(accepted=len(refs), refs=[refs[0], refs[-1]] if refs else [], problems=problems[:1000])


@router.post("/api/rooms/{room}/events", operation_id="ingestLiveEvents", response_model=IngestResult,
             responses={413: {"description": "body too large"}, 429: {"description": "room busy, retry"}})
async def ingest_events(room: RoomName, request: Request) -> Any:
    """Batch ingest: one formats.md §2 event per line."""
    size = int(request.headers.get("content-length") or 0)
    if size > MAX_BODY:
        return problem(413, "请求过大 Payload too large", f"body of {size} bytes; the limit is {MAX_BODY}")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY:
            return problem(413, "请求过大 Payload too large", f"body over {MAX_BODY} bytes")
    lines = _split(bytes(body))
    if len(lines) > MAX_LINES:
        return problem(413, "请求过大 Payload too large", f"{len(lines)} lines; the limit is {MAX_LINES}")
    runner = await _hub(request.app).get(room)
    if not runner.room_for(len(lines)):
        return JSONResponse({"type": "about:blank", "title": "直播间繁忙 Room busy", "status": 429,
                             "detail": "the room's queue is full; retry this batch"}, status_code=429,
                            headers={"Retry-After": "1"}, media_type="application/problem+json")
    problems = _check(room, lines)
    return _result(runner.admit([raw for _, raw in lines]), problems)


@router.get("/api/rooms/{room}/metrics", operation_id="getLiveMetrics")
async def get_metrics(room: RoomName, request: Request) -> dict[str, Any]:
    """Sliding-window metrics of the room (online only from platform stats), totals and the anchor queue."""
    runner = await _hub(request.app).get(room)
    live = runner.room
    now = live.stream_time
    return {"room": live.room, "session": live.session, "stream_time": now,
            "metrics": to_record(live.metrics.snapshot(now)), "totals": dict(live.metrics.totals),
            "anchor_queue": [{"group": u.group, "sku": u.sku, "priority": u.priority, "count": n, "text": u.text}
                             for u, n in live.queue.peek(now, 5)],
            "queued_input": runner.inbox.qsize(), "problems": live.problems}


@router.post("/api/rooms/{room}/control", operation_id="controlLiveRoom")
async def control(room: RoomName, body: ControlIn, request: Request) -> dict[str, Any]:
    """Operator signals; they skip the input queue. ``end`` is idempotent: ending a room whose session has
    already ended (or that has none running) does nothing and says so (``"ended": false``)."""
    hub = _hub(request.app)
    if body.type == "end":
        return {"room": room, "applied": body.type, "ended": await hub.end(room)}
    runner = await hub.get(room)
    ts = runner.room.stream_time
    event = {"takeover": Takeover(ts=ts, operator=body.operator), "resume": Resume(ts=ts),
             "product_switch": ProductSwitch(ts=ts, sku=body.sku)}[body.type]
    runner.control(event)
    return {"room": room, "applied": body.type}


@router.websocket("/ws/ingest/{room}")
async def ingest_socket(websocket: WebSocket, room: str) -> None:
    if not ROOM_NAME.match(room):
        await websocket.close(code=1008, reason="bad room name")
        return
    await websocket.accept()
    hub = _hub(websocket.app)
    try:
        while True:
            message = await websocket.receive()
            if message.get("type") == "websocket.disconnect":
                return
            data = message.get("bytes") or (message.get("text") or "").encode("utf-8")
            if len(data) > MAX_BODY:
                await websocket.send_json({"error": f"message over {MAX_BODY} bytes"})
                continue
            lines = _split(data)
            problems = _check(room, lines)
            refs: list[int] = []
            while lines:
                runner = await hub.get(room)  # the room's current session: a new one after an end
                try:
                    refs = await runner.admit_waiting([raw for _, raw in lines])
                    break
                except RoomEnded:
                    continue  # it ended while this batch waited for space: nothing was logged, take the next
            await websocket.send_json(_result(refs, problems).model_dump())
    except WebSocketDisconnect:
        return


@router.websocket("/ws/rooms/{room}/feed")
async def feed_socket(websocket: WebSocket, room: str) -> None:
    if not ROOM_NAME.match(room):
        await websocket.close(code=1008, reason="bad room name")
        return
    await websocket.accept()
    runner: RoomRunner = await _hub(websocket.app).get(room)
    sub = Subscriber()
    runner.subscribers.add(sub)
    reported = 0
    try:
        await websocket.send_json({"kind": "hello", "room": room, "session": runner.room.session})
        while True:
            record = await sub.queue.get()
            if sub.dropped > reported:
                await websocket.send_json({"kind": "dropped", "count": sub.dropped - reported})
                reported = sub.dropped
            await websocket.send_json(record)
    except (WebSocketDisconnect, RuntimeError, asyncio.CancelledError):
        return
    finally:
        runner.subscribers.discard(sub)
