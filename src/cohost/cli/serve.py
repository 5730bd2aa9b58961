"""``cohost serve``: the HTTP API (and later the console) on one port."""

from __future__ import annotations

from typing import Annotated

import typer

from cohost.cli.context import HomeOption, app_state
from cohost.config import Settings


def run_server(settings: Settings) -> None:
    import uvicorn

    from cohost.server import create_app

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level=settings.log_level.lower())


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        ctx: typer.Context,
        host: Annotated[str | None, typer.Option(help="bind address (default 127.0.0.1)")] = None,
        port: Annotated[int | None, typer.Option(help="port (default 8000)")] = None,
        home: HomeOption = None,
    ) -> None:
        """启动服务 / serve the API at http://HOST:PORT (docs at /docs)."""
        run_server(app_state(ctx).settings(home, host=host, port=port))
