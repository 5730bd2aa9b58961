"""The console in a real headless Chromium (system package ``chromium``), driven as people use it:
an operator signs in, watches a simulated room update live, answers an escalated question, takes over
and resumes the anchor; a reviewer approves a script; the owner uploads a catalog with a bad row."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from cohost.governance.roles import Role
from cohost.testing.accounts import PASSWORD
from cohost.testing.console_server import ConsoleServer

pytestmark = pytest.mark.e2e
playwright_api = pytest.importorskip("playwright.sync_api")


def sign_in(page: object, base: str, name: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/")  # type: ignore[attr-defined]
    page.get_by_test_id("login-name").fill(name)  # type: ignore[attr-defined]
    page.get_by_test_id("login-password").fill(password)  # type: ignore[attr-defined]
    page.get_by_test_id("login-submit").click()  # type: ignore[attr-defined]


def test_operator_runs_a_live_room(server: ConsoleServer, browser: object) -> None:
    expect = playwright_api.expect
    page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    base = server.url
    name = server.crew.names[Role.operator]
    # a wrong password is refused with a message, the right one signs in
    sign_in(page, base, name, "not-the-password")
    expect(page.locator("[data-testid=login-form] .error")).to_contain_text("登录失败")
    sign_in(page, base, name)
    expect(page.get_by_test_id("nav-live")).to_have_text("直播间")

    page.goto(f"{base}/#/live/sim")
    expect(page.get_by_test_id("feed-status")).to_contain_text("实时连接", timeout=15_000)
    assert page.get_by_test_id("metric-online").inner_text() == "–"
    server.feed("sim", rate=8, minutes=4, speed=40)
    # the room updates live over the feed: comments stream in, the metrics cards fill
    expect(page.locator("[data-testid=comment-list] li")).to_have_count(100, timeout=30_000)
    expect(page.get_by_test_id("metric-online")).to_have_text(re.compile(r"^[\d,]+$"), timeout=30_000)
    first_online = page.get_by_test_id("metric-online").inner_text()
    expect(page.get_by_test_id("metric-gmv")).to_have_text(re.compile(r"^¥"), timeout=10_000)
    masked = page.locator("[data-testid=comment-list] .chip.pii")
    expect(masked.first).to_be_visible(timeout=30_000)
    # phone numbers are masked (an order number of 16+ digits is not a phone number, T51)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", page.get_by_test_id("comment-list").inner_text())

    # an escalated question: personal data in a reply is refused, a proper reply goes out, then resolve
    expect(page.get_by_test_id("queue-item").first).to_be_visible(timeout=30_000)
    item_id = page.get_by_test_id("queue-item").first.get_attribute("data-id")
    item = page.locator(f"[data-testid=queue-item][data-id='{item_id}']")  # new items keep arriving above it
    item.get_by_test_id("reply-text").fill("加我手机13812345678聊")
    item.get_by_test_id("reply-send").click()
    expect(item.locator(".error")).to_contain_text("个人信息")
    item.get_by_test_id("reply-text").fill("您好，已为您登记，客服稍后会私信联系您处理。")
    item.get_by_test_id("reply-send").click()
    expect(item.locator(".replies")).to_contain_text("客服稍后会私信联系您处理", timeout=10_000)
    item.get_by_test_id("resolve").click()
    expect(item).to_have_class(re.compile("resolved"))

    # the anchor: nobody on duty → resume refused; on duty → take over, resume, emergency stop, resume
    expect(page.get_by_test_id("anchor-mode")).to_contain_text("AI 主持中")
    page.get_by_test_id("btn-takeover").click()
    expect(page.get_by_test_id("anchor-mode")).to_contain_text("人工接管中")
    page.get_by_test_id("btn-resume").click()
    expect(page.locator("#toast")).to_contain_text("没有人在岗")
    expect(page.get_by_test_id("anchor-mode")).to_contain_text("人工接管中")
    page.get_by_test_id("btn-duty").click()
    expect(page.get_by_test_id("duty-list")).to_contain_text(name)
    page.get_by_test_id("btn-resume").click()
    expect(page.get_by_test_id("anchor-mode")).to_contain_text("AI 主持中")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("btn-kill").click()
    expect(page.get_by_test_id("anchor-mode")).to_contain_text("已紧急停止")
    page.get_by_test_id("btn-resume").click()
    expect(page.get_by_test_id("anchor-mode")).to_contain_text("AI 主持中")
    # the chart kept moving while we worked
    expect(page.get_by_test_id("metric-online")).not_to_have_text(first_online, timeout=20_000)

    # all of it is in the audit log, under the operator's name
    audit = httpx.get(f"{base}/api/audit", params={"actor": name, "limit": 100},
                      headers=server.crew.bearer(Role.owner)).json()["items"]
    actions = [e["action"] for e in audit]
    for action in ("queue.reply", "queue.resolve", "anchor.takeover", "anchor.resume", "anchor.kill", "duty.on"):
        assert action in actions
    # the English switch
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_test_id("nav-live")).to_have_text("Live room")
    page.get_by_test_id("lang-switch").click()
    page.close()


def test_reviewer_approves_and_owner_uploads(server: ConsoleServer, browser: object, tmp_path: Path) -> None:
    expect = playwright_api.expect
    script_id = server.scripts_in_review(1)[0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    base = server.url
    sign_in(page, base, server.crew.names[Role.reviewer])
    expect(page.get_by_test_id("nav-scripts")).to_be_visible()
    page.goto(f"{base}/#/scripts/{script_id}")
    expect(page.get_by_test_id("script-status")).to_have_text("待审核")
    page.get_by_test_id("review-comment").fill("价格与赠品已核对")
    page.get_by_test_id("approve").click()
    expect(page.get_by_test_id("script-status")).to_have_text("已通过")
    assert server.store.scripts.approved(script_id).reviewer == server.crew.names[Role.reviewer]
    page.get_by_test_id("logout").click()

    before = server.store.catalog.list()
    bad = tmp_path / "新品.csv"
    bad.write_text("sku,title,category,price,stock\nNEW-1,山茶花护手霜,美妆护肤,39.9,200\nNEW-2,竹纤维毛巾,家居,abc,50\n",
                   encoding="utf-8")
    sign_in(page, base, server.crew.names[Role.owner])
    page.goto(f"{base}/#/catalog")
    page.get_by_test_id("catalog-file").set_input_files(str(bad))
    page.get_by_test_id("catalog-import").click()
    expect(page.get_by_test_id("import-error")).to_contain_text("没有导入")
    expect(page.get_by_test_id("problem-table")).to_contain_text("price")
    bad_row = page.locator("[data-testid=csv-preview] tr[data-line='3']")
    expect(bad_row.locator("td.bad")).to_have_text("abc")
    assert len(server.store.catalog.list()) == len(before)  # atomic: the good row was not imported either
    page.close()
