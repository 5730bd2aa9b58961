"""Shared end-to-end fixtures: a console server on a temp home and the system Chromium (from apt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cohost.testing.console_server import ConsoleServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleServer]:
    with ConsoleServer(tmp_path_factory.mktemp("home")) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser_args() -> list[str]:
    """Extra command-line flags a module needs on top of ``CHROMIUM_ARGS`` (override in the module)."""
    return []


@pytest.fixture(scope="module")
def browser(browser_args: list[str]) -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("system Chromium missing: apt-get install chromium (make test installs it)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *browser_args])
        yield chromium
        chromium.close()
