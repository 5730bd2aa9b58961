"""A real console server for browser tests and screenshots: uvicorn on a free loopback port in a thread,
a temporary home with the example shop, one account per role, scripts in review, and a simulated
audience posted to the room's ingest route with an operator token — the path a platform connector takes.

Constraints: only 127.0.0.1; the feeder stops by itself after its simulated minutes (or on ``stop``);
everything lives under the given home folder.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from cohost.config import Settings
from cohost.governance.roles import Role
from cohost.testing.accounts import Crew, seed_crew

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "catalog" / "shop.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ConsoleServer:
    def __init__(self, home: Path, *, catalog: Path = EXAMPLE) -> None:
        import uvicorn

        from cohost.catalog import read_catalog
        from cohost.server import create_app
        from cohost.store import Store

        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = Settings(home=home, port=self.port)
        settings.ensure_home()
        self.store = Store.open(settings.resolved_database_url)
        self.store.catalog.import_catalog(read_catalog(catalog), source=str(catalog))
        self.app = create_app(settings, store=self.store)
        self.crew: Crew = seed_crew(self.app)
        self._server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                                     lifespan="on", ws="auto"))
        self._thread = threading.Thread(target=self._server.run, name="console-server", daemon=True)
        self._feeders: list[threading.Thread] = []
        self._stop = threading.Event()

    def start(self) -> ConsoleServer:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the console server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self._stop.set()
        for feeder in self._feeders:
            feeder.join(timeout=10)
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self.store.close()

    def __enter__(self) -> ConsoleServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # content --------------------------------------------------------------------------------------------
    def scripts_in_review(self, count: int = 2, *, minutes: float = 6) -> list[str]:
        """Generate scripts over the catalog and submit them for review; returns their ids."""
        from cohost.content import ContentStudio, ShowRequest

        skus = [p.sku for p in self.store.catalog.list()]
        studio = ContentStudio(self.store)
        ids = []
        for n in range(count):
            chosen = skus[n * 3: n * 3 + 3] or skus[:3]
            script = studio.new_script(ShowRequest.build(chosen, minutes, seed=n + 1, title=f"晚八点专场 #{n + 1}"),
                                       actor=self.crew.names[Role.operator])
            self.store.scripts.submit(script.id, by=self.crew.names[Role.operator])
            ids.append(script.id)
        return ids

    # audience -------------------------------------------------------------------------------------------
    def events(self, room: str, *, rate: float, minutes: float, seed: int = 7,
               start: float | None = None) -> list[dict[str, Any]]:
        from cohost.live.simulator import AudienceSimulator, SimOptions

        options = SimOptions(rate=rate, minutes=minutes, seed=seed, room=room,
                             start=float(int(time.time() if start is None else start)))
        return list(AudienceSimulator(self.store.catalog.list(), options).events())

    def post(self, room: str, events: list[dict[str, Any]]) -> None:
        import json

        body = "\n".join(json.dumps(e, ensure_ascii=False) for e in events).encode()
        reply = httpx.post(f"{self.url}/api/rooms/{room}/events", content=body,
                           headers=self.crew.bearer(Role.operator), timeout=30)
        reply.raise_for_status()

    def feed(self, room: str, *, rate: float = 8, minutes: float = 5, speed: float = 30.0, seed: int = 7,
             start: float | None = None) -> threading.Thread:
        """Post a simulated audience in stream-time order, ``speed`` stream seconds per real second (0: at once)."""
        events = self.events(room, rate=rate, minutes=minutes, seed=seed, start=start)

        def run() -> None:
            if speed <= 0:
                for i in range(0, len(events), 2000):
                    self.post(room, events[i:i + 2000])
                return
            first = events[0]["ts"] if events else 0.0
            began = time.monotonic()
            batch: list[dict[str, Any]] = []
            for event in events:
                due = began + (event["ts"] - first) / speed
                if due > time.monotonic() and batch:
                    self.post(room, batch)
                    batch = []
                while due > time.monotonic():
                    if self._stop.wait(min(0.05, due - time.monotonic())):
                        return
                batch.append(event)
            if batch:
                self.post(room, batch)

        thread = threading.Thread(target=run, name=f"feed-{room}", daemon=True)
        self._feeders.append(thread)
        thread.start()
        return thread
