"""Who may call which route: ONE table, read by the guard in ``cohost.server.auth`` on every request.

Keys are ``(METHOD, path template)`` exactly as the route is declared (``WS`` for WebSocket routes);
values are a role group from ``cohost.governance.roles`` or ``PUBLIC``. Default deny: a route that is not
in this table answers 401 to anonymous callers and 403 to everyone else, owners included, naming the
missing entry, and ``tests/unit/test_auth_routes.py`` (generated from the app's route list) fails until
the entry is added. Paths under ``/stage/`` need no entry: they are open to a valid stage signature only.

Adding a route: add one line here, in the group of its router, choosing the narrowest role group.
"""

from __future__ import annotations

from typing import Final

from cohost.governance.roles import ADMIN, ANYONE, AUDIT, REVIEW, RUN_ROOM, WRITE, Role

PUBLIC: Final[frozenset[Role]] = frozenset()
"""Marker: no login needed (compared by identity)."""
Rule = frozenset[Role]

POLICY: dict[tuple[str, str], Rule] = {
    # open to all: liveness, the console's own files, the login form ------------------------------------
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/"): PUBLIC,
    ("GET", "/static"): PUBLIC,
    ("GET", "/favicon.ico"): PUBLIC,
    ("POST", "/api/auth/login"): PUBLIC,
    ("GET", "/api/auth/session"): PUBLIC,
    # API docs: for signed-in people (they list every route and schema)
    ("GET", "/openapi.json"): ANYONE,
    ("GET", "/docs"): ANYONE,
    ("GET", "/docs/oauth2-redirect"): ANYONE,
    ("GET", "/redoc"): ANYONE,
    # own account (routes/accounts.py) -------------------------------------------------------------------
    ("POST", "/api/auth/logout"): ANYONE,
    ("POST", "/api/auth/password"): ANYONE,
    ("GET", "/api/auth/tokens"): ANYONE,
    ("POST", "/api/auth/tokens"): ANYONE,
    ("DELETE", "/api/auth/tokens/{token_id}"): ANYONE,
    # account admin (routes/accounts.py) ------------------------------------------------------------------
    ("GET", "/api/users"): ADMIN,
    ("POST", "/api/users"): ADMIN,
    ("PATCH", "/api/users/{name}"): ADMIN,
    # catalog (routes/products.py, routes/catalog_admin.py) ----------------------------------------------
    ("GET", "/api/products"): ANYONE,
    ("GET", "/api/products/{sku}"): ANYONE,
    ("GET", "/api/products/{sku}/facts"): ANYONE,
    ("GET", "/api/shop"): ANYONE,
    ("POST", "/api/catalog/import"): ADMIN,
    # Q&A and compliance tools (routes/ask.py, routes/check.py) -----------------------------------------
    ("POST", "/api/ask"): WRITE,
    ("POST", "/api/check"): WRITE,
    # scripts and their review (routes/scripts.py) — LSE-30: only REVIEW approves or rejects ------------
    ("GET", "/api/scripts"): ANYONE,
    ("POST", "/api/scripts"): WRITE,
    ("GET", "/api/scripts/{script_id}"): ANYONE,
    ("PUT", "/api/scripts/{script_id}"): WRITE,
    ("GET", "/api/scripts/{script_id}/view"): ANYONE,
    ("GET", "/api/scripts/{script_id}/history"): ANYONE,
    ("POST", "/api/scripts/{script_id}/submit"): WRITE,
    ("POST", "/api/scripts/{script_id}/approve"): REVIEW,
    ("POST", "/api/scripts/{script_id}/reject"): REVIEW,
    # decision support (routes/insights.py) --------------------------------------------------------------
    ("GET", "/api/shows"): ANYONE,
    ("GET", "/api/reports"): ANYONE,
    ("GET", "/api/reports/{show_id}"): ANYONE,
    ("GET", "/api/reports/{show_id}/html"): ANYONE,
    ("POST", "/api/recommendations"): WRITE,
    # live rooms (routes/live.py): platform connectors use an operator token -----------------------------
    ("POST", "/api/rooms/{room}/events"): RUN_ROOM,
    ("WS", "/ws/ingest/{room}"): RUN_ROOM,
    ("GET", "/api/rooms/{room}/metrics"): ANYONE,
    ("POST", "/api/rooms/{room}/control"): RUN_ROOM,
    ("WS", "/ws/rooms/{room}/feed"): ANYONE,
    # the console's room controls (routes/console.py) ----------------------------------------------------
    ("GET", "/api/rooms"): ANYONE,
    ("GET", "/api/rooms/{room}/console"): ANYONE,
    ("GET", "/api/rooms/{room}/anchor"): ANYONE,
    ("POST", "/api/rooms/{room}/anchor/{action}"): RUN_ROOM,
    ("POST", "/api/rooms/{room}/duty"): RUN_ROOM,
    ("POST", "/api/rooms/{room}/script"): RUN_ROOM,
    ("POST", "/api/rooms/{room}/queue/{item}/reply"): RUN_ROOM,
    ("POST", "/api/rooms/{room}/queue/{item}/resolve"): RUN_ROOM,
    ("POST", "/api/rooms/{room}/suggestions/{item}/{decision}"): RUN_ROOM,
    ("POST", "/api/rooms/{room}/stage-link"): RUN_ROOM,
    # audit (routes/console.py) ---------------------------------------------------------------------------
    ("GET", "/api/audit"): AUDIT,
    ("GET", "/api/audit/utterances"): AUDIT,
}


def rule_for(method: str, template: str) -> Rule | None:
    """The rule of a route, or None when it has none (default deny). HEAD follows GET."""
    method = "GET" if method == "HEAD" else method
    return POLICY.get((method, template))
