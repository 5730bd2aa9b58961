"""Regenerate examples/catalog/shop.xlsx (and the CSV set) from shop.json, so the forms never diverge.

Run: ``make example`` (or ``.venv/bin/python scripts/build_example_catalog.py``). Never edit the XLSX by hand;
``tests/unit/test_example_catalog.py`` fails when it is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cohost.catalog import read_catalog, write_catalog

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "catalog"


def main() -> None:
    catalog = read_catalog(EXAMPLES / "shop.json")
    write_catalog(catalog, "xlsx", EXAMPLES / "shop.xlsx", sys.stdout)
    print(f"wrote {EXAMPLES / 'shop.xlsx'} ({len(catalog.products)} products)")


if __name__ == "__main__":
    main()
