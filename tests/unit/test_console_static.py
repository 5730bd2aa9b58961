"""The console's files: served from the package with a strict CSP, nothing fetched from elsewhere,
every local reference resolvable, Chinese and English tables complete, no HTML built from strings."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from cohost.config import Settings
from cohost.server import create_app
from cohost.server.console import STATIC
from cohost.store import Store

TEXT = [p for p in STATIC.rglob("*") if p.suffix in (".html", ".js", ".css") and "vendor" not in p.parts]


def test_index_is_served_with_a_strict_content_security_policy(tmp_path: Path, sqlite_store: Store) -> None:
    with TestClient(create_app(Settings(home=tmp_path), store=sqlite_store)) as client:
        page = client.get("/")
        assert page.status_code == 200 and "Cohost" in page.text
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp
        for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
            assert client.get(asset).status_code == 200, asset
        assert client.get("/static/../server/auth.py").status_code == 404
        assert client.get("/static/vendor/echarts/LICENSE").status_code == 200


def test_nothing_is_loaded_from_another_host() -> None:
    for path in TEXT:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href|import|url)\s*[=(]\s*["']?(?:https?:)?//""", text), path
        assert "cdn" not in text.lower(), path


def test_every_module_import_resolves() -> None:
    for path in STATIC.rglob("*.js"):
        if "vendor" in path.parts:
            continue
        for target in re.findall(r"""(?:from|import\()\s*["'](\.{1,2}/[^"']+)["']""", path.read_text(encoding="utf-8")):
            assert (path.parent / target).resolve().is_file(), f"{path.name} imports {target}"


def test_both_languages_have_the_same_keys_and_every_used_key_exists() -> None:
    source = (STATIC / "i18n.js").read_text(encoding="utf-8")
    zh_block = source.split("const zh = {", 1)[1].split("};", 1)[0]
    en_block = source.split("const en = {", 1)[1].split("};", 1)[0]
    key = re.compile(r'"([a-z_]+\.[A-Za-z_.]+)":')
    zh, en = set(key.findall(zh_block)), set(key.findall(en_block))
    assert zh == en and len(zh) > 150
    dynamic = ("intent.", "reason.", "mod.", "pii.", "role.", "live.mode.", "live.route.", "scripts.status.")
    for path in TEXT:
        for used in re.findall(r"""\bt\(["']([a-z_]+\.[A-Za-z_.]+)["']\)""", path.read_text(encoding="utf-8")):
            assert used in zh or used.startswith(dynamic), f"{path.name}: {used}"
    from cohost.events import ESCALATION_REASONS, INTENTS, MODERATION, PII_KINDS

    for prefix, values in (("intent.", INTENTS), ("reason.", ESCALATION_REASONS), ("pii.", PII_KINDS),
                           ("mod.", [m for m in MODERATION if m != "ok"])):
        assert {prefix + v for v in values} <= zh, prefix


def test_untrusted_text_never_goes_through_innerhtml() -> None:
    for path in TEXT:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.(?:inner|outer)HTML\b|insertAdjacentHTML\(|document\.write\(", text), path
