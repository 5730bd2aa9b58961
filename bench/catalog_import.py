"""Catalog import at scale: read + validate + store 50,000 generated products, as `cohost catalog import` does.

Run: ``.venv/bin/python bench/catalog_import.py [--n 50000] [--formats csv,xlsx,json] [--postgres URL]``.
Prints what it measured and rewrites its section of docs/benchmarks.md (goal: ≤ 30 s per import).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import text

from cohost.catalog import read_catalog, write_catalog
from cohost.domain import Catalog
from cohost.store import Store
from report import write_section

CATEGORIES = ["美妆护肤", "食品", "服饰", "数码", "家居", "母婴"]
NOUNS = ["精华液", "面霜", "红茶", "坚果礼盒", "卫衣", "羽绒服", "充电宝", "耳机", "四件套", "收纳箱", "纸尿裤", "奶瓶"]


def generate(n: int, seed: int = 7) -> Catalog:
    rng = random.Random(seed)
    products = []
    for i in range(1, n + 1):
        price = rng.randint(500, 99900) / 100
        product = {
            "sku": f"G-{i:06d}", "title": f"{rng.choice(NOUNS)} {i}号款", "category": rng.choice(CATEGORIES),
            "brand": f"品牌{rng.randint(1, 300)}", "price": price, "list_price": round(price * 1.3, 2),
            "stock": rng.randint(0, 5000), "aliases": [rng.choice(NOUNS)],
            "attributes": {"产地": rng.choice(["上海", "杭州", "广州"]), "规格": f"{rng.randint(1, 500)}g"},
            "selling_points": ["卖点一", "卖点二"], "usage": "按说明使用", "display_order": i,
        }
        if i % 10 == 0:
            product["variants"] = [{"sku": f"G-{i:06d}-{s}", "name": s, "price": price, "stock": rng.randint(0, 99)}
                                   for s in ("S", "M", "L")]
        products.append(product)
    return Catalog.model_validate({"shop": {"name": "基准测试店", "policies": {"returns": "7天无理由"}},
                                   "products": products})


def timed_import(path: Path, url: str) -> tuple[float, float, float, int]:
    store = Store.open(url)
    try:
        with store.db.session() as session:  # a shared PostgreSQL database starts empty for every format
            for table in ("products", "shop", "catalog_imports"):
                session.execute(text(f"DELETE FROM {table}"))
        t0 = time.perf_counter()
        catalog = read_catalog(path)
        t1 = time.perf_counter()
        counts = store.catalog.import_catalog(catalog, source=str(path))
        t2 = time.perf_counter()
        again = store.catalog.import_catalog(read_catalog(path), source=str(path))
        t3 = time.perf_counter()
        assert counts.added == len(catalog.products) and again.unchanged == len(catalog.products)
        return t1 - t0, t2 - t1, t3 - t2, counts.added
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--formats", default="csv,xlsx,json")
    parser.add_argument("--postgres", default=None, help="also import into this PostgreSQL URL (its catalog is emptied)")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args()
    catalog = generate(args.n)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"big.{fmt}"
            with open(Path(tmp) / "stdout.txt", "w", encoding="utf-8") as sink:
                write_catalog(catalog, fmt, path, sink)
            targets = [("SQLite", f"sqlite:///{Path(tmp) / f'{fmt}.db'}")]
            if args.postgres:
                targets.append(("PostgreSQL", args.postgres))
            for backend, url in targets:
                read_s, store_s, again_s, added = timed_import(path, url)
                line = (f"| {fmt.upper()} | {backend} | {added:,} | {path.stat().st_size / 1e6:.1f} MB | "
                        f"{read_s:.1f} s | {store_s:.1f} s | **{read_s + store_s:.1f} s** | {again_s:.1f} s |")
                print(line, flush=True)
                rows.append(line)
    body = (
        f"`bench/catalog_import.py --n {args.n}`: generate {args.n:,} products (10% with 3 variants), write them "
        "as each format, then time what `cohost catalog import` does on a fresh store: read and validate the "
        "file, then upsert in one transaction; then import the same file again (every row unchanged). "
        "Goal: ≤ 30 s per import.\n\n"
        "| format | store | products | file | read + validate | store | total | re-import (unchanged) |\n"
        "|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )
    if not args.no_write:
        write_section("Catalog import (bench/catalog_import.py)", body)


if __name__ == "__main__":
    main()
