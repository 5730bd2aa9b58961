"""``cohost demo``: the whole offline loop on the bundled example catalog, with no network and no keys.

example catalog → a generated script, approved by the demo reviewer (recorded in the audit log) →
simulated audience → live pipeline → the virtual anchor speaking (espeak-ng offline) and answering →
the stage page and the console at http://127.0.0.1:8000 (the stage URL is printed signed).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, app_state, console, open_store
from cohost.config import Settings
from cohost.errors import InputError
from cohost.store import Store

DEMO_USER = "demo"
DEMO_ROOM = "demo"
REPO_EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "catalog" / "shop.json"
log = logging.getLogger(__name__)


def _demo_owner(store: Store) -> str:
    """The demo home is new every run, so its owner gets a fresh random password, printed once."""
    from cohost.governance.accounts import Accounts

    password = secrets.token_urlsafe(12)
    Accounts(store.db).add(DEMO_USER, "owner", password, by="demo")
    return password


def _demo_script(store: Store) -> str:
    """A 10-minute script over three products, submitted and approved by the demo reviewer."""
    from cohost.content import ContentStudio, ShowRequest

    products = store.catalog.list()
    skus = [p.sku for p in products if p.stock > 0][:3]
    script = ContentStudio(store).new_script(ShowRequest.build(skus, 10, seed=1, title="演示专场"), actor=DEMO_USER)
    store.scripts.submit(script.id, by=DEMO_USER)
    store.scripts.approve(script.id, by=DEMO_USER, comment="演示审核员自动通过 / approved by the demo reviewer")
    return script.id


async def _show(app: Any, store: Store, settings: Settings, script_id: str) -> None:
    """Feed a simulated audience into the server's live room and let the anchor present to it."""
    from cohost.anchor.session import ScaledClock, open_show
    from cohost.anchor.stage import card_source
    from cohost.cli.anchor import Printer
    from cohost.events import ProductSwitch
    from cohost.live.simulator import SimOptions
    from cohost.live.sources import simulated_lines
    from cohost.server.routes.live import _hub
    from cohost.server.routes.stage import stage_hub

    clock = ScaledClock(1.0)
    runner = await _hub(app).get(DEMO_ROOM)
    hub = stage_hub(app, DEMO_ROOM)
    hub.card = card_source(store.catalog.find, clock.time)
    control = app.state.rooms.get(DEMO_ROOM)
    control.duty[DEMO_USER] = {"name": DEMO_USER, "role": "owner", "since": time.time()}
    control.script_id = script_id

    def switch(event: ProductSwitch) -> None:
        runner.control(event)

    show = await asyncio.to_thread(open_show, store, settings.home, script_id, on_duty=DEMO_USER, clock=clock,
                                   queue=runner.room.queue, listeners=[hub], on_switch=switch)
    app.state.rooms.attach_anchor(DEMO_ROOM, show.runner)
    show.runner.listeners.append(Printer(clock))
    print(f"开播 on air: 演示目录 demo catalog ({store.catalog.count()} 件商品 products) · 脚本 script {script_id} · "
          f"在岗 on duty {DEMO_USER} · 音频 audio {show.folder / 'audio.wav'}", flush=True)
    options = SimOptions(rate=1.5, minutes=24 * 60, seed=11, room=DEMO_ROOM, start=clock.time(), viewers=300)

    async def audience() -> None:
        from cohost.live.sources import Pacer, peek_ts

        pacer = Pacer(clock, 1.0)
        for _, raw in simulated_lines(store.catalog.list(), options):
            await pacer.wait_for(peek_ts(raw))
            await runner.admit_waiting([raw])

    feeder = asyncio.create_task(audience())
    try:
        await show.runner.run()
    finally:
        feeder.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await feeder
        show.close()


def _serve(settings: Settings, store: Store, script_id: str) -> None:
    import uvicorn

    from cohost.server import create_app

    class DemoServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:  # signals are handled in main(): the demo says goodbye
            yield

    app = create_app(settings, store=store)
    server = DemoServer(uvicorn.Config(app, host=settings.host, port=settings.port,
                                       log_level=settings.log_level.lower()))

    async def main() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, lambda: setattr(server, "should_exit", True))
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        show = asyncio.create_task(_show(app, store, settings, script_id))
        await task
        show.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await show
        spoken = store.audit.entries(action="anchor.utterance", limit=1_000_000)
        print(f"演示结束 demo ended: 演示目录 demo catalog ({store.catalog.count()} 件商品 products) · 脚本 script "
              f"{script_id} · 主播说了 {sum(e.detail.get('status') == 'spoken' for e in spoken)} 句 utterances "
              f"(审计 audit: anchor.utterance) · 数据目录 home {settings.home.resolve()}", flush=True)

    asyncio.run(main())


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        ctx: typer.Context,
        catalog: Annotated[Path | None, typer.Option(help="catalog to load (default: examples/catalog/shop.json)")] = None,
        port: Annotated[int | None, typer.Option(help="API port (default 8000)")] = None,
        serve: Annotated[bool, typer.Option("--serve/--no-serve", help="serve the API after loading")] = True,
        home: HomeOption = None,
    ) -> None:
        """演示 / the whole offline loop: example shop → approved script → simulated room → the anchor speaking."""
        from cohost.catalog import read_catalog
        from cohost.server.auth import secret_key, stage_query

        source = catalog or REPO_EXAMPLE
        if not source.is_file():
            raise InputError(f"example catalog not found: {source}", hint="pass --catalog PATH")
        base = app_state(ctx).settings(home)
        demo_home = base.home / "demo"
        shutil.rmtree(demo_home, ignore_errors=True)  # the demo's own folder: every run starts fresh
        settings = app_state(ctx).settings(demo_home, port=port)
        loaded = read_catalog(source)
        with open_store(settings) as store:
            counts = store.catalog.import_catalog(loaded, source=str(source))
            by_category = store.catalog.categories()
            shop = store.catalog.shop()
            products = store.catalog.list()
            password = _demo_owner(store)
            print(f"演示账号 demo login: 用户 user {DEMO_USER}  密码 password {password}  (仅本次演示有效 / this run only)",
                  flush=True)
            script_id = _demo_script(store)
            table = Table(title=f"{shop.name} · 演示目录 demo catalog ({counts.total} 件商品 products)")
            for col in ("类目 Category", "商品数 Products", "库存合计 Stock", "售罄 Sold out", "价格区间 Price range"):
                table.add_column(col)
            for cat, n in by_category.items():
                items = [p for p in products if p.category == cat]
                prices = [p.price for p in items]
                table.add_row(cat, str(n), str(sum(p.stock for p in items)), str(sum(p.stock == 0 for p in items)),
                              f"¥{min(prices)} – ¥{max(prices)}")
            console.print(table)
            console.print(f"数据目录 home: {settings.home.resolve()}", highlight=False)
            console.print(f"演示脚本 script: {script_id} (已由 demo 审核通过 / approved by the demo reviewer)",
                          highlight=False)
            if serve:
                url = f"http://{settings.host}:{settings.port}"
                stage = f"{url}/stage/{DEMO_ROOM}?{stage_query(secret_key(settings), DEMO_ROOM, ttl=7 * 86400)}"
                console.print(f"控制台 console: {url}/#/live/{DEMO_ROOM}  ·  API: {url}/api/products  ·  "
                              f"文档 docs: {url}/docs", highlight=False)
                print(f"舞台页 stage (OBS browser source, 1080x1920): {stage}", flush=True)
                print(f"横屏 landscape: {stage}&size=1920x1080  ·  透明背景 transparent: {stage}&bg=transparent  "
                      "(Ctrl+C 退出 to stop)", flush=True)
                _serve(settings, store, script_id)
