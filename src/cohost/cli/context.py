"""What every command shares: the settings (built here, at the entry point) and the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from cohost.config import Settings, load_settings
from cohost.store import Store

HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help="数据目录 Folder holding all state (default: $COHOST_HOME, else ./.cohost)"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON (the contract of formats.md)")]

console = Console()
err_console = Console(stderr=True)


@dataclass
class AppState:
    home: Path | None = None

    def settings(self, home: Path | None = None, **overrides: Any) -> Settings:
        return load_settings({"home": home or self.home, **overrides})


def app_state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    settings.ensure_home()
    store = Store.open(settings.resolved_database_url)
    try:
        yield store
    finally:
        store.close()
