"""Write a benchmark's figures into its own section of docs/benchmarks.md, leaving other sections alone."""

from __future__ import annotations

import platform
import re
from datetime import UTC, datetime
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
HEADER = "# Benchmarks\n\nFigures measured on the project's 2-core machine; each section is rewritten by its script.\n"


def machine() -> str:
    import os

    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def write_section(title: str, body: str) -> None:
    """Replace (or append) the section ``## {title}`` with ``body`` plus a measured-on line."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    stamp = f"_Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}._\n"
    section = f"## {title}\n\n{stamp}\n{body.rstrip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip() + "\n\n" + section
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text.rstrip() + "\n", encoding="utf-8")
