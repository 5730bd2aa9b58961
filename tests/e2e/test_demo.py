"""`cohost demo` as a user runs it: loads the example shop and serves the API on a port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_serves_the_example_catalog(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COHOST_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "cohost.cli.app", "--home", str(tmp_path), "demo", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"demo exited early:\n{proc.stdout.read() if proc.stdout else ''}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("demo did not serve /healthz within 60 s")
            time.sleep(0.2)
        anonymous = httpx.get(f"{base}/api/products")
        assert anonymous.status_code == 401
        client = httpx.Client(base_url=base, timeout=10)
        login = client.post("/api/auth/login", json={"name": "demo", "password": _printed_password(proc)})
        assert login.status_code == 200, login.text
        page = client.get("/api/products", params={"limit": 500}).json()
        assert page["total"] >= 40
        categories = {p["category"] for p in page["items"]}
        assert {"美妆护肤", "食品", "服饰", "数码", "家居", "母婴"} <= categories
        first = page["items"][0]
        facts = client.get(f"/api/products/{first['sku']}/facts").json()
        assert any(f["id"] == f"{first['sku']}.price" and f["value"] == first["price"] for f in facts)
        assert client.get("/api/shop").json()["shop"]["policies"]
        assert (tmp_path / "demo" / "cohost.db").is_file()
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert "演示目录" in out or "demo catalog" in out


def _printed_password(proc: subprocess.Popen[str]) -> str:
    """Read the demo's output up to the line with its one-time owner password."""
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if "password" in line:
            return line.split("password", 1)[1].split()[0]
    pytest.fail("demo printed no password:\n" + "".join(seen))
