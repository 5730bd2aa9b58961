"""``create_app(settings)``: the FastAPI application factory, one of the two places settings are built."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from cohost import __version__
from cohost.config import Settings, load_settings
from cohost.server import console, problems
from cohost.server.routes import ask, check, health, insights, live, products, scripts, stage
from cohost.store import Store


def create_app(settings: Settings | None = None, *, store: Store | None = None, auth: bool = True) -> FastAPI:
    """Build the app. ``store`` may be passed in (tests); otherwise it is opened from ``settings``.
    ``auth=False`` is for unit tests of other modules only: every request then acts as an owner."""
    settings = settings or load_settings()
    owned = store is None
    if store is None:
        settings.ensure_home()
        store = Store.open(settings.resolved_database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="Cohost API",
        version=__version__,
        description="直播电商 AI 场控 API / the Cohost API. Errors are problem-details JSON.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    problems.install(app)
    for module in (health, products, ask, check, scripts, live, stage, insights):
        app.include_router(module.router)
    console.install(app, auth=auth)  # last: the console's routes and the guard in front of every route
    return app
