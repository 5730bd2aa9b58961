"""Installs the console on an app: its routes, its static files at ``/`` and ``/static``, the room-control
registry, and the guard (``cohost.server.auth``) in front of everything — called last by ``create_app``.

``auth=False`` exists for the unit tests of other modules only (no flag, setting or environment variable
turns it on in a running server): requests then act as the owner ``local``.

Static files are served from the package (``server/static``), never from a CDN; the page gets a strict
Content-Security-Policy (scripts only from this origin).
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from cohost.governance.accounts import Accounts
from cohost.governance.tokens import Tokens
from cohost.server.auth import SETUP_HINT, AuthGuard, LocalPrincipal, secret_key
from cohost.server.rooms import RoomRegistry

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self' ws: wss:; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
       "object-src 'none'")
log = logging.getLogger(__name__)


def install(app: FastAPI, *, auth: bool = True, accounts: Accounts | None = None) -> None:
    from cohost.server.routes import accounts as accounts_routes
    from cohost.server.routes import audit, catalog_admin, console

    store = app.state.store
    accounts = accounts or Accounts(store.db)
    app.state.accounts = accounts
    app.state.tokens = Tokens(accounts)
    app.state.rooms = RoomRegistry()
    for module in (accounts_routes, console, audit, catalog_admin):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        response = FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cache-Control"] = "no-cache"
        return response

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    if not auth:
        app.add_middleware(LocalPrincipal)
        return
    app.add_middleware(AuthGuard, accounts=accounts, tokens=app.state.tokens, key=secret_key(app.state.settings))
    if not accounts.has_owner():
        log.warning("控制台未启用：还没有所有者账号 / the console is locked until an owner account exists. "
                    "Create one: %s --home %s", SETUP_HINT, app.state.settings.home)
