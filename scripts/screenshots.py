"""Regenerate docs/screenshots/*.png: every main console screen, in Chinese, on a laptop and a tablet.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang zh|en]

Runs a real server (``cohost.testing.console_server``) with the example shop in a temporary home, posts
six minutes of a simulated audience to room ``sim``, and drives the system Chromium (apt package
``chromium``, fonts ``fonts-wqy-microhei``) with Playwright. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from cohost.governance.roles import Role
from cohost.testing.accounts import PASSWORD
from cohost.testing.console_server import ConsoleServer

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[1]


def sign_in(page: Page, base: str, name: str, lang: str) -> None:
    page.goto(f"{base}/")
    page.evaluate(f"localStorage.setItem('cohost.lang', '{lang}')")
    page.goto(f"{base}/")
    page.get_by_test_id("login-name").fill(name)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    page.get_by_test_id("nav-live").wait_for()


def shoot(page: Page, out: Path, name: str) -> None:
    page.wait_for_timeout(400)
    page.screenshot(path=str(out / f"{name}.png"), full_page=False)
    print(f"wrote {out / name}.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, ConsoleServer(Path(tmp)) as server:
        ids = server.scripts_in_review(2)
        from cohost.content import ContentStudio

        doc = server.store.scripts.get(ids[0]).model_dump(mode="json")
        doc["segments"][1]["lines"][0] = "家人们，这款精华是全网最低价，错过再等一年！" + doc["segments"][1]["lines"][0]
        ContentStudio(server.store).edit(ids[0], doc, by=server.crew.names[Role.operator], comment="加一句促销",
                                         source="screenshots")
        server.store.scripts.approve(ids[1], by=server.crew.names[Role.reviewer], comment="已核对价格与赠品")
        server.feed("sim", rate=8, minutes=6, speed=0).join()
        base = server.url
        bad = Path(tmp) / "新品上架.csv"
        bad.write_text("sku,title,category,price,stock\nNEW-1,山茶花护手霜 50g,美妆护肤,39.9,200\n"
                       "NEW-2,竹纤维毛巾,家居,abc,50\nNEW-3,,家居,19,-3\n", encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
            page.goto(f"{base}/")
            page.evaluate(f"localStorage.setItem('cohost.lang', '{args.lang}')")
            page.reload()
            page.get_by_test_id("login-form").wait_for()
            shoot(page, out, "login")
            sign_in(page, base, server.crew.names[Role.operator], args.lang)
            page.goto(f"{base}/#/live/sim")
            page.get_by_test_id("queue-item").first.wait_for()
            page.get_by_test_id("btn-duty").click()
            page.locator("[data-testid=script-select]").select_option(ids[1])
            shoot(page, out, "live")
            page.set_viewport_size({"width": 1024, "height": 1366})
            shoot(page, out, "live-tablet")
            page.set_viewport_size({"width": 1440, "height": 900})
            page.goto(f"{base}/#/audit/utterances")
            page.locator(".utterance").first.wait_for()
            shoot(page, out, "audit-utterances")
            page.goto(f"{base}/#/audit/actions")
            page.locator("[data-testid=audit-rows] tr").first.wait_for()
            shoot(page, out, "audit-actions")
            page.get_by_test_id("logout").click()
            sign_in(page, base, server.crew.names[Role.reviewer], args.lang)
            page.goto(f"{base}/#/scripts/{ids[0]}")
            page.get_by_test_id("findings").wait_for()
            shoot(page, out, "scripts")
            page.get_by_test_id("logout").click()
            sign_in(page, base, server.crew.names[Role.owner], args.lang)
            page.goto(f"{base}/#/catalog")
            page.locator("[data-testid=catalog-table] tbody tr").first.wait_for()
            page.get_by_test_id("catalog-file").set_input_files(str(bad))
            page.get_by_test_id("catalog-import").click()
            page.get_by_test_id("csv-preview").wait_for()
            shoot(page, out, "catalog")
            page.goto(f"{base}/#/reports")
            page.get_by_test_id("report-list").wait_for()
            shoot(page, out, "reports")
            browser.close()


if __name__ == "__main__":
    main()
