"""Sign-in, the signed-in account (password, own tokens), and account admin for owners.

    POST /api/auth/login        {name, password} → sets the HttpOnly session cookie and the CSRF cookie
    GET  /api/auth/session      who am I (public: answers ``user: null`` and ``setup_required``)
    POST /api/auth/logout       ends the session, clears both cookies
    POST /api/auth/password     {current, new}: ends every session of the account
    GET|POST /api/auth/tokens, DELETE /api/auth/tokens/{id}    the caller's own bearer tokens
    GET|POST /api/users, PATCH /api/users/{name}               owners: accounts, roles, disable, reset

Cookies: ``cohost_session`` HttpOnly, SameSite=Strict, Path=/, Secure on HTTPS; ``cohost_csrf`` the same
but readable by the console's script, which echoes it in ``X-CSRF-Token`` (see ``cohost.server.auth``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from cohost.governance.accounts import Accounts, LockedError, User
from cohost.governance.passwords import MAX_PASSWORD
from cohost.governance.roles import LABELS, Role
from cohost.governance.tokens import TokenInfo, Tokens
from cohost.server.auth import CSRF_COOKIE, SESSION_COOKIE, PrincipalDep, _cookies
from cohost.server.bodies import read_model
from cohost.server.problems import problem

router = APIRouter(tags=["accounts"])


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD)


class PasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current: str = Field(min_length=1, max_length=MAX_PASSWORD)
    new: str = Field(min_length=1, max_length=MAX_PASSWORD)


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str = Field(default="api", max_length=100)
    role: Role | None = None
    days: float | None = Field(default=None, gt=0, le=3650)


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=64)
    role: Role
    password: str = Field(min_length=1, max_length=MAX_PASSWORD)


class UserPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Role | None = None
    disabled: bool | None = None
    password: str | None = Field(default=None, min_length=1, max_length=MAX_PASSWORD)


class UserOut(BaseModel):
    name: str
    role: Role
    role_label: list[str]
    disabled: bool
    created_at: datetime
    password_changed_at: datetime


class TokenOut(BaseModel):
    id: int
    user: str
    name: str
    prefix: str
    role: Role
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked: bool


def _accounts(request: Request) -> Accounts:
    accounts: Accounts = request.app.state.accounts
    return accounts


def _tokens(request: Request) -> Tokens:
    tokens: Tokens = request.app.state.tokens
    return tokens


def _user(u: User) -> UserOut:
    return UserOut(name=u.name, role=u.role, role_label=list(LABELS[u.role]), disabled=u.disabled,
                   created_at=u.created_at, password_changed_at=u.password_changed_at)


def _token(t: TokenInfo) -> TokenOut:
    return TokenOut(**{k: getattr(t, k) for k in TokenOut.model_fields})


def _set_cookies(request: Request, response: Response, cookie: str, csrf: str, max_age: int) -> None:
    secure = request.url.scheme == "https"
    response.set_cookie(SESSION_COOKIE, cookie, max_age=max_age, httponly=True, samesite="strict", secure=secure,
                        path="/")
    response.set_cookie(CSRF_COOKIE, csrf, max_age=max_age, httponly=False, samesite="strict", secure=secure,
                        path="/")


@router.post("/api/auth/login", operation_id="login")
async def login(request: Request) -> Response:
    """登录 / sign in with name and password; five wrong passwords in 15 minutes lock the name for 15 minutes."""
    import anyio

    body = await read_model(request, LoginIn, limit=4096)
    client = request.client.host if request.client else None
    accounts = _accounts(request)
    try:
        done = await anyio.to_thread.run_sync(
            lambda: accounts.login(body.name, body.password, ip=client,
                                   user_agent=request.headers.get("user-agent")))
    except LockedError as exc:
        response = problem(429, exc.title, exc.message, hint=exc.hint, code="LockedError")
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    out = {"user": {"name": done.principal.name, "role": done.principal.role.value,
                    "role_label": list(LABELS[done.principal.role])},
           "csrf": done.csrf, "expires_at": done.expires_at.isoformat()}
    from fastapi.responses import JSONResponse

    response = JSONResponse(out)
    max_age = max(60, int((done.expires_at - accounts.now()).total_seconds()))
    _set_cookies(request, response, done.cookie, done.csrf, max_age)
    return response


@router.get("/api/auth/session", operation_id="getSession")
def get_session(request: Request) -> dict[str, Any]:
    """当前登录 / the signed-in account, or ``user: null``; ``setup_required`` until an owner exists."""
    accounts = _accounts(request)
    cookie = _cookies(request.headers.get("cookie", "")).get(SESSION_COOKIE, "")
    principal = accounts.session(cookie) if cookie else None
    if principal is None:
        return {"user": None, "csrf": None, "setup_required": not accounts.has_owner()}
    return {"user": {"name": principal.name, "role": principal.role.value, "role_label": list(LABELS[principal.role])},
            "csrf": principal.csrf, "setup_required": False}


@router.post("/api/auth/logout", operation_id="logout")
def logout(request: Request, principal: PrincipalDep) -> Response:
    cookie = _cookies(request.headers.get("cookie", "")).get(SESSION_COOKIE, "")
    if cookie:
        _accounts(request).logout(cookie)
    from fastapi.responses import JSONResponse

    response = JSONResponse({"signed_out": principal.name})
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.post("/api/auth/password", operation_id="changePassword")
async def change_password(request: Request, principal: PrincipalDep) -> Response:
    """改密码 / change your own password; every session of the account ends, sign in again."""
    import anyio

    body = await read_model(request, PasswordIn, limit=4096)
    accounts = _accounts(request)
    try:
        await anyio.to_thread.run_sync(lambda: accounts.change_own_password(principal.name, body.current, body.new))
    except LockedError as exc:
        response = problem(429, exc.title, exc.message, code="LockedError")
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    from fastapi.responses import JSONResponse

    response = JSONResponse({"changed": True, "signed_out": True})
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.get("/api/auth/tokens", operation_id="listOwnTokens", response_model=list[TokenOut])
def own_tokens(request: Request, principal: PrincipalDep) -> list[TokenOut]:
    return [_token(t) for t in _tokens(request).list(principal.name)]


@router.post("/api/auth/tokens", operation_id="createOwnToken", status_code=201)
async def create_token(request: Request, principal: PrincipalDep) -> dict[str, Any]:
    """新令牌 / a bearer token for a tool, shown once; it may have your role or a lower one."""
    body = await read_model(request, TokenIn)
    secret, info = _tokens(request).issue(principal.name, label=body.label, role=body.role, days=body.days,
                                          by=principal.name)
    return {"token": secret, "info": _token(info).model_dump(mode="json")}


@router.delete("/api/auth/tokens/{token_id}", operation_id="revokeOwnToken", response_model=TokenOut)
def revoke_token(token_id: int, request: Request, principal: PrincipalDep) -> TokenOut:
    owner = None if principal.role is Role.owner else principal.name
    return _token(_tokens(request).revoke(token_id, by=principal.name, owner=owner))


@router.get("/api/users", operation_id="listUsers", response_model=list[UserOut])
def list_users(request: Request) -> list[UserOut]:
    return [_user(u) for u in _accounts(request).list()]


@router.post("/api/users", operation_id="createUser", response_model=UserOut, status_code=201)
async def create_user(request: Request, principal: PrincipalDep) -> UserOut:
    body = await read_model(request, UserIn, limit=4096)
    return _user(_accounts(request).add(body.name, body.role, body.password, by=principal.name))


@router.patch("/api/users/{name}", operation_id="updateUser", response_model=UserOut)
async def update_user(name: str, request: Request, principal: PrincipalDep) -> UserOut:
    """角色、停用、重置密码 / change the role, disable or enable, or reset the password of an account."""
    body = await read_model(request, UserPatch, limit=4096)
    accounts = _accounts(request)
    if body.password is not None:
        accounts.set_password(name, body.password, by=principal.name)
    if body.role is not None:
        accounts.set_role(name, body.role, by=principal.name)
    if body.disabled is not None:
        accounts.disable(name, by=principal.name, disabled=body.disabled)
    return _user(accounts.get(name))
