"""The console's room controls, on top of the live room (``routes/live.py``) and ``server/rooms.py``.

    GET  /api/rooms                                   rooms known to this server (running or on disk)
    GET  /api/rooms/{room}/console                    everything the live screen shows, in one snapshot
    GET  /api/rooms/{room}/anchor                     the anchor state (see ``rooms`` for the contract)
    POST /api/rooms/{room}/anchor/{takeover|resume|kill}   {reason?}
    POST /api/rooms/{room}/duty                       {on: bool}: the caller goes on or off duty
    POST /api/rooms/{room}/script                     {script_id | null}: the approved run-of-show
    POST /api/rooms/{room}/queue/{item}/reply         {text}: checked for PII and compliance first
    POST /api/rooms/{room}/queue/{item}/resolve       {note?}
    POST /api/rooms/{room}/suggestions/{item}/{accept|dismiss}
    POST /api/rooms/{room}/stage-link                 {hours?}: a signed /stage/{room} link for OBS

Every action is written to the audit log (actor = the signed-in account, subject ``room:<room>``) and
published on the room's feed (``anchor``, ``queue``, ``human_reply``, ``suggestion`` update records), so
every open console shows it at once. A human reply goes out as a ``human_reply`` feed record, which the
platform connector posts to the room's chat.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from cohost.errors import ConflictError, InputError
from cohost.events import Resume, Takeover
from cohost.live.room import ROOM_NAME
from cohost.server.auth import PrincipalDep, secret_key, stage_query
from cohost.server.bodies import read_model
from cohost.server.deps import SettingsDep, StoreDep
from cohost.server.problems import problem
from cohost.server.rooms import RoomControl, RoomRegistry

router = APIRouter(prefix="/api/rooms", tags=["console"])
RoomName = Annotated[str, Path(pattern=ROOM_NAME.pattern, max_length=64, description="直播间 room id")]
ItemId = Annotated[str, Path(max_length=200, pattern=r"^[A-Za-z0-9_.\-]+$")]
MAX_REPLY = 500


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(default="", max_length=500)


class DutyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    on: bool


class ScriptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    script_id: str | None = Field(default=None, max_length=64)


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_REPLY)


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(default="", max_length=1000)


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hours: float = Field(default=24.0, gt=0, le=24 * 400)


def registry(request: Request) -> RoomRegistry:
    found: RoomRegistry = request.app.state.rooms
    return found


async def room_control(request: Request, room: str) -> tuple[RoomControl, Any]:
    """The room's control state, caught up with its journal, and the live runner."""
    from cohost.server.routes.live import _hub  # the live module owns the hub; one per app

    runner = await _hub(request.app).get(room)
    live = runner.room
    control = registry(request).get(room)
    fresh = control.session != live.session
    control.follow(live.session, live.state_dir / live.session / "output.jsonl")
    control.sync()
    if fresh:  # decisions made before a restart come back from the audit log
        store = request.app.state.store
        for entry in store.audit.entries(subject=f"room:{room}", limit=100_000):
            if entry.detail.get("session") == live.session:
                control.apply_decision(entry.action, entry.detail, entry.actor, entry.at.timestamp())
    return control, runner


def publish(runner: Any, record: dict[str, Any]) -> None:
    for sub in list(runner.subscribers):
        sub.offer(record)


def _audit(request: Request, actor: str, action: str, room: str, session: str, **detail: Any) -> None:
    request.app.state.store.audit.record(actor, action, f"room:{room}", {"session": session, **detail})


@router.get("", operation_id="listRooms")
async def list_rooms(request: Request, settings: SettingsDep) -> dict[str, Any]:
    """直播间列表 / rooms running in this server or with a session on disk, newest first."""
    from cohost.server.routes.live import _hub

    found: dict[str, dict[str, Any]] = {}
    base = settings.home / "live"
    if base.is_dir():
        for state in sorted(base.glob("*/session.json"))[:500]:
            try:
                doc = json.loads(state.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(doc, dict) and ROOM_NAME.match(state.parent.name):
                found[state.parent.name] = {"room": state.parent.name, "session": doc.get("session"),
                                            "status": doc.get("status"), "updated": doc.get("updated")}
    for name, runner in _hub(request.app).rooms.items():
        found[name] = {"room": name, "session": runner.room.session, "status": "ended" if runner.ended else "running",
                       "updated": time.time()}
    return {"rooms": sorted(found.values(), key=lambda r: -float(r.get("updated") or 0))}


@router.get("/{room}/console", operation_id="getRoomConsole")
async def console_view(room: RoomName, request: Request, store: StoreDep, principal: PrincipalDep) -> dict[str, Any]:
    """直播间全貌 / the live screen's snapshot; the feed WebSocket carries every change after it."""
    control, runner = await room_control(request, room)
    view = control.view()
    live = runner.room
    view.update(stream_time=live.stream_time, totals=dict(live.metrics.totals),
                me={"name": principal.name, "role": principal.role.value, "on_duty": principal.name in control.duty},
                current_product=_product(store, control.current_sku), script=_script_plan(store, control))
    return view


@router.get("/{room}/anchor", operation_id="getAnchorState")
async def anchor_state(room: RoomName, request: Request) -> dict[str, Any]:
    control, _ = await room_control(request, room)
    return control.anchor_state()


@router.post("/{room}/anchor/{action}", operation_id="controlAnchor")
async def anchor_action(room: RoomName, action: Literal["takeover", "resume", "kill"], request: Request,
                        principal: PrincipalDep) -> dict[str, Any]:
    """接管 / 恢复 / 紧急停止 — take the microphone from the AI, give it back, or stop the AI at once."""
    body = await read_model(request, ReasonIn)
    control, runner = await room_control(request, room)
    changed = control.set_mode(action, principal.name, body.reason.strip())
    if changed:
        ts = runner.room.stream_time
        runner.control(Resume(ts=ts) if action == "resume" else Takeover(ts=ts, operator=principal.name))
        _audit(request, principal.name, f"anchor.{action}", room, control.session, reason=body.reason.strip(),
               mode=control.mode)
        publish(runner, control.anchor_state())
    return {**control.anchor_state(), "changed": changed}


@router.post("/{room}/duty", operation_id="setDuty")
async def duty(room: RoomName, request: Request, principal: PrincipalDep) -> dict[str, Any]:
    """上岗 / 下岗 — the named person supervising the AI (PLAT-DY-1, LSE-28)."""
    body = await read_model(request, DutyIn)
    control, runner = await room_control(request, room)
    if body.on and principal.name not in control.duty:
        control.duty[principal.name] = {"name": principal.name, "role": principal.role.value, "since": time.time()}
    elif not body.on and principal.name in control.duty:
        if len(control.duty) == 1 and control.mode == "ai":
            raise ConflictError("你是最后一位在岗人员，AI 正在主持 / you are the last person on duty while the AI "
                                "holds the microphone", hint="take over or hand over to a colleague first")
        del control.duty[principal.name]
    else:
        return control.anchor_state()
    _audit(request, principal.name, "duty.on" if body.on else "duty.off", room, control.session)
    control.seq += 1
    publish(runner, control.anchor_state())
    return control.anchor_state()


@router.post("/{room}/script", operation_id="setRoomScript")
async def set_script(room: RoomName, request: Request, store: StoreDep, principal: PrincipalDep) -> dict[str, Any]:
    """本场脚本 / the run-of-show of this room: only an approved script whose content is unchanged (LSE-30)."""
    body = await read_model(request, ScriptIn)
    control, runner = await room_control(request, room)
    if body.script_id:
        store.scripts.approved(body.script_id)
    control.script_id = body.script_id or None
    control.seq += 1
    _audit(request, principal.name, "room.script", room, control.session, script_id=control.script_id)
    publish(runner, control.anchor_state())
    return {"script": _script_plan(store, control), "anchor": control.anchor_state()}


@router.post("/{room}/queue/{item}/reply", operation_id="replyQueueItem", response_model=None)
async def reply(room: RoomName, item: ItemId, request: Request, principal: PrincipalDep) -> dict[str, Any] | Response:
    """回复观众 / answer an escalated question; refused when it holds personal data or breaks a rule."""
    from cohost.compliance import Checker
    from cohost.live.pii import mask

    body = await read_model(request, ReplyIn)
    control, runner = await room_control(request, room)
    entry = control.item(item)
    text = " ".join(body.text.split())
    if not text:
        raise InputError("回复不能为空 / the reply is empty")
    _, pii = mask(text)
    if pii:
        raise InputError(f"回复中含有个人信息（{', '.join(pii)}），不能公开发送 / the reply contains personal data "
                         f"({', '.join(pii)}); answer in private service instead")
    findings = [f.model_dump(mode="json") for f in Checker.default().check(text, mode="live")]
    blocking = [f for f in findings if f.get("severity") in ("critical", "high")]
    if blocking:  # the findings go back so the console can mark them in the text
        words = "、".join(str(f.get("text")) for f in blocking[:5])
        return problem(422, "回复未通过合规检查 Reply blocked", f"回复含有违规表述：{words} / the reply breaks "
                       f"advertising rules: {words}", findings=blocking, code="ComplianceBlocked")
    at = time.time()
    _audit(request, principal.name, "queue.reply", room, control.session, item=item, text=text, findings=findings,
           ref=entry.ref, group=entry.group)
    control.apply_decision("queue.reply", {"item": item, "text": text}, principal.name, at)
    publish(runner, {"kind": "human_reply", "room": room, "item": item, "ref": entry.ref, "group": entry.group,
                     "text": text, "by": principal.name, "ts": round(at, 3)})
    publish(runner, {"kind": "queue", "item": asdict(entry)})
    return {"item": asdict(entry), "findings": findings}


@router.post("/{room}/queue/{item}/resolve", operation_id="resolveQueueItem")
async def resolve(room: RoomName, item: ItemId, request: Request, principal: PrincipalDep) -> dict[str, Any]:
    body = await read_model(request, NoteIn)
    control, runner = await room_control(request, room)
    entry = control.item(item)
    if entry.status != "open":
        return {"item": asdict(entry), "changed": False}
    at = time.time()
    _audit(request, principal.name, "queue.resolve", room, control.session, item=item, note=body.note.strip(),
           ref=entry.ref, group=entry.group, count=entry.count)
    control.apply_decision("queue.resolve", {"item": item, "count": entry.count}, principal.name, at)
    publish(runner, {"kind": "queue", "item": asdict(entry)})
    return {"item": asdict(entry), "changed": True}


@router.post("/{room}/suggestions/{item}/{decision}", operation_id="decideSuggestion")
async def decide(room: RoomName, item: ItemId, decision: Literal["accept", "dismiss"], request: Request,
                 principal: PrincipalDep) -> dict[str, Any]:
    """采纳 / 忽略 a suggestion; kept for the post-live review."""
    await read_model(request, NoteIn)
    control, runner = await room_control(request, room)
    sug = control.suggestion(item)
    if sug.status == "open":
        _audit(request, principal.name, f"suggestion.{decision}", room, control.session, item=item, code=sug.code,
               sku=sug.sku)
        control.apply_decision(f"suggestion.{decision}", {"item": item}, principal.name, time.time())
        publish(runner, {"kind": "suggestion_update", "item": asdict(sug)})
    return {"item": asdict(sug)}


@router.post("/{room}/stage-link", operation_id="createStageLink")
async def stage_link(room: RoomName, request: Request, settings: SettingsDep, principal: PrincipalDep) -> dict[str, Any]:
    """舞台链接 / a signed link to the anchor's stage page (an OBS browser source); no login needed to open it."""
    body = await read_model(request, LinkIn)
    query = stage_query(secret_key(settings), room, ttl=body.hours * 3600)
    control, _ = await room_control(request, room)
    _audit(request, principal.name, "stage.link", room, control.session, hours=body.hours)
    expires = int(query.split("&", 1)[0].removeprefix("exp="))
    return {"path": f"/stage/{room}?{query}", "expires_at": expires}


def _product(store: Any, sku: str | None) -> dict[str, Any] | None:
    if not sku:
        return None
    try:
        product = store.catalog.get(sku).product
    except Exception:  # a platform product the catalog does not know
        return {"sku": sku, "title": None}
    return {"sku": product.sku, "title": product.title, "price": float(product.price), "stock": product.stock,
            "category": product.category}


def _script_plan(store: Any, control: RoomControl) -> dict[str, Any] | None:
    """The room's script and the segments after the product on screen (the runner's own view wins)."""
    if not control.script_id:
        return None
    try:
        script = store.scripts.get(control.script_id)
    except Exception:
        return {"id": control.script_id, "missing": True, "next_segments": []}
    segments = script.segments
    start = 0
    if control.current_sku:
        here = [i for i, s in enumerate(segments) if s.sku == control.current_sku]
        start = here[-1] + 1 if here else 0
    upcoming = [{"index": i, "kind": s.kind, "sku": s.sku, "title": s.title, "seconds": s.seconds,
                 "first_line": (s.lines[0] if s.lines else "")[:120]} for i, s in enumerate(segments)][start:start + 4]
    return {"id": script.id, "title": script.title, "status": script.status, "next_segments": upcoming}
