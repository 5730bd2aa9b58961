"""The stage page in a real headless Chromium: the AI label cannot be removed by any setting, captions
follow the show, the mouth moves while audio plays, the product card shows facts. Saves
stage.png (portrait) and stage-landscape.png into $COHOST_SCREENSHOTS (e.g. docs/screenshots) when set,
else into the test's temporary folder, so a test run never rewrites tracked files."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import httpx
import pytest

from cohost.anchor import MemoryLedger, ShowConfig, ShowRunner
from cohost.anchor.stage import AI_LABEL, ThreadedStage, card_source
from cohost.clock import SYSTEM_CLOCK
from cohost.config import Settings
from cohost.domain import Script, Segment
from cohost.server.auth import secret_key, stage_query
from cohost.server.routes.stage import stage_hub
from cohost.testing.console_server import ConsoleServer
from cohost.testing.fake_tts import FakeTTS
from cohost.testing.live_fakes import WordChecker

pytestmark = pytest.mark.e2e
SHOTS = Path(os.environ["COHOST_SCREENSHOTS"]) if os.environ.get("COHOST_SCREENSHOTS") else None
ROOM = "stage1"

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser_args() -> list[str]:
    return ["--autoplay-policy=no-user-gesture-required"]  # the page plays the anchor's audio unprompted


def stage_url(server: ConsoleServer, extra: str = "") -> str:
    query = stage_query(secret_key(Settings(home=server.home)), ROOM, ttl=3600)
    return f"{server.url}/stage/{ROOM}?{query}{'&' + extra if extra else ''}"


def label_ok(page: object) -> None:
    label = page.get_by_test_id("ai-label")  # type: ignore[attr-defined]
    playwright_api.expect(label).to_be_visible()
    playwright_api.expect(label).to_have_text(AI_LABEL)
    box = label.bounding_box()
    size = page.viewport_size  # type: ignore[attr-defined]
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= size["width"] and box["y"] + box["height"] <= size["height"]
    font = float(label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert font >= 0.05 * min(size["width"], size["height"])  # GB-2: at least 5% of the shorter side
    assert label.evaluate("e => getComputedStyle(e).opacity") == "1"
    top = page.evaluate(  # type: ignore[attr-defined]
        "() => { const r = document.getElementById('ai-label').getBoundingClientRect();"
        " const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
        " return !!e && (e.id === 'ai-label' || !!e.closest('#ai-label')); }")
    assert top, "something covers the AI label"


def test_a_stage_link_needs_its_signature(server: ConsoleServer) -> None:
    assert httpx.get(f"{server.url}/stage/{ROOM}").status_code == 403
    assert httpx.get(stage_url(server).replace("sig=", "sig=x")).status_code == 403
    assert httpx.get(stage_url(server)).status_code == 200


@pytest.mark.parametrize("extra", ["label=0", "hide=label&ai_label=off&nolabel=1", "bg=transparent&captions=0&card=0",
                                   "size=1920x1080&notice=0", "css=%23ai-label%7Bdisplay:none%7D"])
def test_no_query_setting_removes_the_ai_label(server: ConsoleServer, browser: object, extra: str) -> None:
    width, height = (960, 540) if "1920x1080" in extra else (540, 960)
    page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page.goto(stage_url(server, extra if "notice=" in extra else extra + "&notice=2"))
    playwright_api.expect(page.get_by_test_id("opening-notice")).to_be_visible()  # shown first, ≥ 2 s (GB-2)
    label_ok(page)
    if extra.startswith("size="):
        page.get_by_test_id("opening-notice").wait_for(state="hidden", timeout=6000)
        label_ok(page)
    # not even a script on the page keeps it away for long
    page.evaluate("document.getElementById('ai-label').remove()")
    page.wait_for_timeout(300)
    label_ok(page)
    page.evaluate("document.getElementById('ai-label').style.display = 'none'")
    page.wait_for_timeout(300)
    label_ok(page)
    page.close()


def _show_script() -> Script:
    return Script(id="S-stage", status="approved", minutes=1, segments=[
        Segment(kind="product", sku="MZ-001", seconds=20, lines=["先看这款精华液，补水保湿很清爽。", "质地清爽，上脸不黏。"])])


def _run_show(server: ConsoleServer, hub_loop: asyncio.AbstractEventLoop) -> ShowRunner:
    hub = stage_hub(server.app, ROOM)
    hub.card = card_source(server.store.catalog.find, SYSTEM_CLOCK.time)
    runner = ShowRunner(_show_script(), on_duty="王五", tts=FakeTTS(), clock=SYSTEM_CLOCK, checker=WordChecker(),
                        products=server.store.catalog.find, ledger=MemoryLedger(),
                        listeners=[ThreadedStage(hub, hub_loop)], config=ShowConfig(threaded=False, notice_every=1e9))

    async def three_lines() -> None:
        runner.start()
        runner._last_notice = SYSTEM_CLOCK.time()  # skip the spoken notice: keep the test short
        for _ in range(2):
            await runner.step()

    threading.Thread(target=lambda: asyncio.run(three_lines()), daemon=True).start()
    return runner


def test_captions_mouth_and_product_card_follow_the_show(server: ConsoleServer, browser: object,
                                                        tmp_path: Path) -> None:
    expect = playwright_api.expect
    page = browser.new_page(viewport={"width": 540, "height": 960})  # type: ignore[attr-defined]
    page.goto(stage_url(server, "notice=2"))
    page.wait_for_function("() => window.__stage && window.__stage.connected", timeout=10_000)
    assert page.evaluate("window.__stage.audio") in ("running", "suspended")
    hub = stage_hub(server.app, ROOM)
    assert hub.loop is not None
    _run_show(server, hub.loop)
    expect(page.get_by_test_id("product-title")).to_have_text("玻尿酸保湿精华液 30ml", timeout=10_000)
    expect(page.get_by_test_id("product-price")).to_have_text("¥89")
    expect(page.get_by_test_id("caption")).to_have_text("先看这款精华液，补水保湿很清爽。", timeout=10_000)
    page.wait_for_function("() => window.__stage.maxMouth > 0.3", timeout=10_000)
    openings = set()
    for _ in range(12):
        openings.add(page.get_by_test_id("mouth").get_attribute("ry"))
        page.wait_for_timeout(60)
    assert len(openings) >= 3, f"the mouth did not move: {openings}"
    expect(page.get_by_test_id("status")).to_have_text("AI主播讲解中")
    page.get_by_test_id("opening-notice").wait_for(state="hidden", timeout=5000)
    expect(page.get_by_test_id("caption")).to_have_text("质地清爽，上脸不黏。", timeout=15_000)
    page.wait_for_function("() => window.__stage.mouth > 0.3", timeout=5000)
    shots = SHOTS or tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "stage.png"))
    captions = page.evaluate("window.__stage.captions")
    assert captions[-2:] == ["先看这款精华液，补水保湿很清爽。", "质地清爽，上脸不黏。"]
    page.wait_for_function("() => window.__stage.played >= window.__stage.chunks", timeout=15_000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__stage.mouth") < 0.05  # silence: the mouth closes
    label_ok(page)
    page.close()
    wide = browser.new_page(viewport={"width": 960, "height": 540})  # type: ignore[attr-defined]
    wide.goto(stage_url(server, "size=1920x1080&notice=2"))
    expect(wide.get_by_test_id("product-title")).to_have_text("玻尿酸保湿精华液 30ml", timeout=10_000)
    wide.get_by_test_id("opening-notice").wait_for(state="hidden", timeout=5000)
    wide.screenshot(path=str(shots / "stage-landscape.png"))
    wide.close()
