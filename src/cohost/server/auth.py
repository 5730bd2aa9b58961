"""The guard in front of every route, stage-link signatures, and the principal of a request.

How a request is let in (``AuthGuard``, pure ASGI, before any body is read):

1. Find the route the router will pick (same order, same matching) and its rule in ``policy.POLICY``;
   paths under ``/stage/`` need a valid ``stage_signature`` instead; unknown ``/api``/``/ws`` paths still
   need a login (their 404 is not shown to strangers).
2. ``PUBLIC`` routes pass. Otherwise the caller is found from ``Authorization: Bearer cohost_…`` (tools)
   or the ``cohost_session`` cookie (the console): none → 401; no owner account yet → 503 with the
   command that creates one; role not in the rule, or no rule (default deny) → 403.
3. Cookie sessions: an unsafe method needs the ``X-CSRF-Token`` header equal to both the session's token
   and the ``cohost_csrf`` cookie (double submit, bound to the session); a WebSocket needs an ``Origin``
   of this host. Bearer calls carry no ambient credential and need neither.

The principal is put on the scope; handlers read it with ``PrincipalDep`` / ``current_principal``.
``create_app(..., auth=False)`` (tests of other modules only) installs ``LocalPrincipal`` instead, which
acts as an owner named ``local``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import time
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

import anyio
from fastapi import Depends, Request
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from cohost.config import Settings
from cohost.governance.accounts import Accounts, AuthError, Principal
from cohost.governance.roles import Role
from cohost.governance.tokens import Tokens
from cohost.server.policy import PUBLIC, Rule, rule_for
from cohost.server.problems import problem

log = logging.getLogger(__name__)
SESSION_COOKIE = "cohost_session"
CSRF_COOKIE = "cohost_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
PRINCIPAL = "cohost.principal"
SECRET_ENV = "COHOST_SECRET_KEY"
STAGE_MAX_TTL = 400 * 86400
SETUP_HINT = "cohost user add NAME --role owner"


# stage links --------------------------------------------------------------------------------------------
def secret_key(settings: Settings) -> bytes:
    """The server's signing key: ``$COHOST_SECRET_KEY``, else ``<home>/secret.key`` (made once, mode 0600)."""
    env = os.environ.get(SECRET_ENV, "")
    if env:
        return env.encode()
    path = Path(settings.home) / "secret.key"
    try:
        return bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError):
        pass
    settings.ensure_home()
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key.hex())
    return key


def stage_signature(key: bytes, room: str, expires: int) -> str:
    """HMAC-SHA256 over the room and the expiry (epoch seconds), URL-safe base64 without padding."""
    mac = hmac.new(key, f"cohost-stage\n{room}\n{expires}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def stage_query(key: bytes, room: str, *, ttl: float, now: float | None = None) -> str:
    """``exp=…&sig=…`` for ``/stage/{room}``; valid for ``ttl`` seconds (at most 400 days)."""
    expires = int((time.time() if now is None else now) + max(60.0, min(ttl, STAGE_MAX_TTL)))
    return f"exp={expires}&sig={stage_signature(key, room, expires)}"


def verify_stage(key: bytes, path: str, query: str, *, now: float | None = None) -> str | None:
    """The room of a signed ``/stage/{room}[/…]`` request, or None (bad, missing or expired signature)."""
    parts = path.split("/")
    if len(parts) < 3 or parts[1] != "stage" or not parts[2]:
        return None
    args = parse_qs(query, max_num_fields=20)
    sig, exp = (args.get("sig") or [""])[0], (args.get("exp") or [""])[0]
    if not exp.isdigit() or len(exp) > 12 or int(exp) < (time.time() if now is None else now):
        return None
    good = stage_signature(key, parts[2], int(exp))
    return parts[2] if hmac.compare_digest(good.encode(), sig.encode()[:200]) else None


# request helpers ----------------------------------------------------------------------------------------
def current_principal(request: Request) -> Principal:
    principal = request.scope.get(PRINCIPAL)
    if not isinstance(principal, Principal):
        raise AuthError("需要登录 / sign-in required")
    return principal


def socket_principal(websocket: WebSocket) -> Principal | None:
    principal = websocket.scope.get(PRINCIPAL)
    return principal if isinstance(principal, Principal) else None


PrincipalDep = Annotated[Principal, Depends(current_principal)]
LOCAL = Principal(user_id=0, name="local", role=Role.owner, via="local")


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in scope.get("headers") or []:
        out.setdefault(key.decode("latin-1").lower(), value.decode("latin-1"))
    return out


def _cookies(header: str) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header[:8192])
    except Exception:  # a malformed Cookie header is the same as none
        return {}
    return {k: m.value for k, m in jar.items()}


def _same_origin(origin: str, host: str) -> bool:
    try:
        return bool(host) and urlsplit(origin).netloc.lower() == host.lower()
    except ValueError:
        return False


def _route_contexts(app: Any) -> list[Any]:
    try:  # FastAPI ≥ 0.120 keeps included routers lazily; this flattens them the way the router sees them
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover - older FastAPI flattens on include
        return list(app.routes)
    return list(iter_route_contexts(app.routes))


def match_route(app: Any, scope: Scope) -> tuple[str, str] | None:
    """``(METHOD, template)`` of the route the router will choose for ``scope``, or None (404)."""
    from starlette.routing import Match, Mount

    method = "WS" if scope["type"] == "websocket" else str(scope.get("method", "GET")).upper()
    partial: tuple[str, str] | None = None
    for route in _route_contexts(app):
        try:
            match, _ = route.matches(scope)
        except Exception:  # a path parameter that does not convert: not this route
            continue
        path = getattr(route, "path", None) or ""
        if isinstance(getattr(route, "original_route", route), Mount) and method != "WS":
            path = path or "/"
        if match == Match.FULL:
            return method, path
        if match == Match.PARTIAL and partial is None:
            partial = (method, path)
    return partial


# the guard ----------------------------------------------------------------------------------------------
class AuthGuard:
    def __init__(self, app: ASGIApp, *, accounts: Accounts, tokens: Tokens, key: bytes) -> None:
        self.app = app
        self.accounts = accounts
        self.tokens = tokens
        self.key = key
        self._owner_known = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path.startswith("/stage/"):
            if verify_stage(self.key, path, scope.get("query_string", b"").decode("latin-1")) is None:
                await self._deny(scope, receive, send, 403, "签名无效或已过期 / bad or expired stage link")
                return
            await self.app(scope, receive, send)
            return
        found = match_route(scope.get("app"), scope)
        rule: Rule | None = rule_for(*found) if found else None
        if rule is PUBLIC:
            await self.app(scope, receive, send)
            return
        if found is None and not path.startswith(("/api/", "/ws/", "/docs", "/openapi")):
            await self.app(scope, receive, send)  # a 404 of the console's own space
            return
        headers = _headers(scope)
        principal = await anyio.to_thread.run_sync(self._authenticate, headers)
        if principal is None:
            if not await self._has_owner():
                await self._deny(scope, receive, send, 503, "控制台尚未启用：还没有所有者账号 / console not set up: "
                                 "no owner account yet", hint=f"on the server run: {SETUP_HINT}")
                return
            await self._deny(scope, receive, send, 401, "需要登录 / sign-in required",
                             extra_headers=[(b"www-authenticate", b'Bearer realm="cohost"')])
            return
        if found is not None and rule is None:
            await self._deny(scope, receive, send, 403, f"未配置访问策略 / no access policy for {found[0]} {found[1]}",
                             hint="add the route to cohost.server.policy.POLICY")
            return
        if rule is not None and principal.role not in rule:
            await self._deny(scope, receive, send, 403, f"权限不足 / the {principal.role.value} role may not do this",
                             code="Forbidden")
            return
        if principal.via == "session":
            problem_text = self._session_check(scope, headers, principal)
            if problem_text:
                await self._deny(scope, receive, send, 403, problem_text, code="CsrfError")
                return
        scope[PRINCIPAL] = principal
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)

    def _authenticate(self, headers: dict[str, str]) -> Principal | None:
        auth = headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            return self.tokens.principal(auth[7:].strip())
        cookie = _cookies(headers.get("cookie", "")).get(SESSION_COOKIE, "")
        return self.accounts.session(cookie) if cookie else None

    def _session_check(self, scope: Scope, headers: dict[str, str], principal: Principal) -> str | None:
        origin = headers.get("origin")
        host = headers.get("host", "")
        if scope["type"] == "websocket":
            if origin is not None and not _same_origin(origin, host):
                return "跨站连接被拒绝 / cross-site WebSocket refused"
            return None
        if str(scope.get("method", "GET")).upper() in SAFE:
            return None
        if origin is not None and origin != "null" and not _same_origin(origin, host):
            return "跨站请求被拒绝 / cross-site request refused"
        sent = headers.get(CSRF_HEADER, "")
        cookie = _cookies(headers.get("cookie", "")).get(CSRF_COOKIE, "")
        expected = principal.csrf or ""
        if not (sent and expected and hmac.compare_digest(sent.encode(), expected.encode())
                and hmac.compare_digest(cookie.encode(), expected.encode())):
            return "CSRF 校验失败，请刷新页面 / missing or wrong CSRF token: reload the page"
        return None

    async def _has_owner(self) -> bool:
        if not self._owner_known:  # once there is an owner there always is one (the last cannot be removed)
            self._owner_known = await anyio.to_thread.run_sync(self.accounts.has_owner)
        return self._owner_known

    async def _deny(self, scope: Scope, receive: Receive, send: Send, status: int, detail: str, *,
                    hint: str | None = None, code: str | None = None,
                    extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008, "reason": detail[:120]})
            return
        titles = {401: "未登录 Unauthorized", 403: "禁止访问 Forbidden", 503: "需要初始化 Setup required"}
        response = problem(status, titles.get(status, "error"), detail, hint=hint,
                           code=code or {401: "AuthError", 503: "SetupRequired"}.get(status, "Forbidden"))
        for key, value in extra_headers or []:
            response.raw_headers.append((key, value))
        await response(scope, receive, send)


class LocalPrincipal:
    """Auth switched off (``create_app(auth=False)``, tests of other modules): everyone is owner ``local``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope[PRINCIPAL] = LOCAL
        await self.app(scope, receive, send)
