"""The stage page ``/stage/{room}``: the virtual anchor as an OBS browser source (issue 6, item 3).

Every path here is open only to a valid stage signature (``?exp=…&sig=…``, checked by the guard in
``cohost.server.auth`` before a route runs). Query settings (all optional):

    size=1080x1920 | 1920x1080    portrait (default) or landscape layout (set the OBS source to that size)
    bg=default | transparent | green
    captions=0                    hide captions
    card=0                        hide the product card
    notice=SECONDS                how long the opening notice stays (at least 2, default 5)

No setting touches the AI label "AI生成 · 数字人主播": it is rendered into the page by the server and
re-asserted by the page's script (LSE-37, LBL-10, DS-18). Files are served from ``static/stage`` (no CDN).
"""

from __future__ import annotations

import contextlib
import html
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import HTMLResponse, JSONResponse, Response

from cohost.anchor.stage import AI_LABEL, OPENING_NOTICE, StageHub, StageHubs
from cohost.errors import NotFoundError
from cohost.live.room import check_room

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).resolve().parents[1] / "static" / "stage"
ASSETS = {"stage.js": "text/javascript; charset=utf-8", "stage.css": "text/css; charset=utf-8"}
LAYOUTS = {"1080x1920": ("portrait", 1080), "1920x1080": ("landscape", 1920)}
BACKGROUNDS = ("default", "transparent", "green")


def stage_hubs(app: Any) -> StageHubs:
    hubs: StageHubs | None = getattr(app.state, "stage_hubs", None)
    if hubs is None:
        hubs = app.state.stage_hubs = StageHubs()
    return hubs


def stage_hub(app: Any, room: str) -> StageHub:
    return stage_hubs(app).get(check_room(room))


def _signed_query(request: Request | WebSocket) -> str:
    """``exp=…&sig=…`` for the page's own requests; only digits and URL-safe base64 pass (the guard has
    checked them already), so the text is safe in HTML and in the page's script alike."""
    exp = "".join(c for c in request.query_params.get("exp", "") if c.isdigit())[:12]
    sig = "".join(c for c in request.query_params.get("sig", "") if c.isascii() and (c.isalnum() or c in "-_"))[:100]
    return f"exp={exp}&sig={sig}"


@router.get("/stage/{room}", response_class=HTMLResponse)
def stage_page(room: str, request: Request) -> HTMLResponse:
    check_room(room)
    args = request.query_params
    layout, width = LAYOUTS.get(args.get("size", ""), LAYOUTS["1080x1920"])
    bg = args.get("bg", "default") if args.get("bg", "default") in BACKGROUNDS else "default"
    try:
        notice_ms = int(max(2.0, min(60.0, float(args.get("notice", "5")))) * 1000)
    except ValueError:
        notice_ms = 5000
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    values = {"{{ROOM}}": html.escape(room), "{{QUERY}}": _signed_query(request),
              "{{LAYOUT}}": layout, "{{W}}": str(width), "{{BG}}": bg,
              "{{CARD}}": "off" if args.get("card") == "0" else "on",
              "{{CAPTIONS}}": "hidden" if args.get("captions") == "0" else "",
              "{{LABEL}}": AI_LABEL, "{{NOTICE}}": OPENING_NOTICE, "{{NOTICE_MS}}": str(notice_ms)}
    for key, value in values.items():
        page = page.replace(key, value)
    return HTMLResponse(page, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


@router.get("/stage/{room}/assets/{name}")
def stage_asset(room: str, name: str) -> Response:
    if name not in ASSETS:
        raise NotFoundError(f"no stage asset {name[:60]!r}")
    return Response((STATIC / name).read_bytes(), media_type=ASSETS[name], headers={"Cache-Control": "no-cache"})


@router.get("/stage/{room}/state")
def stage_state(room: str, request: Request) -> JSONResponse:
    return JSONResponse(stage_hub(request.app, room).snapshot())


@router.websocket("/stage/{room}/ws")
async def stage_socket(websocket: WebSocket, room: str) -> None:
    hub = stage_hub(websocket.app, room)
    await websocket.accept()
    client = hub.connect()
    try:
        while True:
            frame = await client.queue.get()
            if isinstance(frame, bytes):
                await websocket.send_bytes(frame)
            else:
                await websocket.send_text(frame)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        hub.disconnect(client)
        with contextlib.suppress(RuntimeError):
            await websocket.close()
