"""The glue between the catalog, the sales book and the show files on one side and the decision
functions on the other, shared by the CLI and the API so both answer the same way.

Costs come from a product's ``cost`` field in the catalog (an extra field merchants may add), else
the latest ``cost`` in the sales history; prices, stock and promotions always from the catalog as it
is now (DESIGN.md: never remembered by a model).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

from cohost.domain import Catalog, Product
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import InputError
from cohost.insights.demand import DemandModel, ProductInfo
from cohost.insights.recommend import Offer, RoomState
from cohost.insights.sales import SaleRecord
from cohost.insights.selection import Candidate
from cohost.insights.shows import ShowFolder
from cohost.insights.simulator import Market


def infos(products: Sequence[Product]) -> dict[str, ProductInfo]:
    return {p.sku: ProductInfo(p.category, float(p.list_price or p.price) or 1.0) for p in products}


def cost_of(product: Product, records: Sequence[SaleRecord]) -> float | None:
    extra = (product.model_extra or {}).get("cost")
    if isinstance(extra, (int, float, Decimal)) and not isinstance(extra, bool) and extra >= 0:
        return float(extra)
    known = [r for r in records if r.sku == product.sku and r.cost is not None]
    return max(known, key=lambda r: r.day).cost if known else None


def promo_on(product: Product, day: date) -> bool:
    noon = datetime.combine(day, datetime.min.time(), CHINA_TZ) + timedelta(hours=12)
    return any(p.active_at(noon) for p in product.promotions)


def candidates(products: Sequence[Product], records: Sequence[SaleRecord], start: date, days: int) -> list[Candidate]:
    return [Candidate(p.sku, p.title, p.category, p.stock,
                      tuple((float(p.price), promo_on(p, start + timedelta(days=d))) for d in range(days)),
                      cost_of(p, records)) for p in products]


def fit_demand(products: Sequence[Product], records: Sequence[SaleRecord], as_of: date,
               window: int = 84) -> DemandModel:
    if not products:
        raise InputError("the catalog is empty", hint="import one with `cohost catalog import FILE`")
    if not records:
        raise InputError("no sales history yet",
                         hint="import it with `cohost insights import-sales FILE` (or `cohost insights simulate`)")
    try:
        return DemandModel.fit(records, infos(products), as_of, window=window)
    except ValueError as exc:
        raise InputError(str(exc), hint="import more recent sales, or pass an earlier --date") from exc


def last_day(records: Sequence[SaleRecord]) -> date:
    return max(r.day for r in records) + timedelta(days=1) if records else datetime.now(CHINA_TZ).date()


def room_state(folder: ShowFolder, window_minutes: float = 5.0) -> tuple[RoomState, list[str]]:
    """What the room asked and bought in the last ``window_minutes`` of the show, and its lineup order."""
    events = list(folder.events())
    outputs = list(folder.outputs())
    if not events and not outputs:
        raise InputError(f"show {folder.id!r} has no readable events or output yet")
    end = max([float(e["ts"]) for e in events] + [float(o["ts"]) for o in outputs
                                                   if isinstance(o.get("ts"), (int, float))])
    since = end - window_minutes * 60
    orders: Counter[str] = Counter()
    presented: dict[str, float] = defaultdict(float)
    current: tuple[str, float] | None = None
    for e in sorted(events, key=lambda e: float(e["ts"])):
        meta = e.get("meta") if isinstance(e.get("meta"), dict) else None
        if meta is None:
            continue
        sku = meta.get("sku") if e["type"] == "order" else meta.get("current_sku")
        if not isinstance(sku, str):
            continue
        if e["type"] == "order" and float(e["ts"]) >= since:
            qty = meta.get("qty")
            orders[sku[:64]] += qty if isinstance(qty, int) and 0 < qty < 10_000 else 1
        elif e["type"] == "stats" and (current is None or current[0] != sku):
            if current:
                presented[current[0]] += float(e["ts"]) - current[1]
            current = (sku[:64], float(e["ts"]))
    if current:
        presented[current[0]] += end - current[1]
    groups: dict[str, tuple[str, str, int, float]] = {}
    for o in outputs:
        if o["kind"] == "group" and isinstance(o.get("group"), str) and isinstance(o.get("sku"), str):
            last = o.get("last_ts")
            if isinstance(last, (int, float)) and last >= since:
                count = o.get("count")
                groups[o["group"]] = (o["sku"][:64], str(o.get("intent"))[:20],
                                      count if isinstance(count, int) and count > 0 else 1, float(last))
    state = RoomState(questions=[(s, i, c) for s, i, c, _ in groups.values()], orders=dict(orders),
                      current_sku=current[0] if current else None, presented_seconds=dict(presented))
    meta = folder.meta()
    raw = meta.get("lineup")
    lineup: list[object] = raw if isinstance(raw, list) else []
    order = [str(item.get("sku")) for item in lineup if isinstance(item, dict) and item.get("sku")]
    return state, order


def offers(products: Sequence[Product], records: Sequence[SaleRecord], lineup: Sequence[str]) -> list[Offer]:
    """The show's lineup (or the whole catalog) with each product's prior: its GMV in the last 28 days."""
    by_sku = {p.sku: p for p in products}
    chosen = [by_sku[s] for s in lineup if s in by_sku] or list(products)
    since = last_day(records) - timedelta(days=28)
    gmv: dict[str, float] = defaultdict(float)
    for r in records:
        if r.day >= since:
            gmv[r.sku] += r.gmv
    return [Offer(p.sku, p.title, p.category, p.stock, float(gmv[p.sku]),
                  (lineup.index(p.sku) + 1) if p.sku in lineup else p.display_order) for p in chosen]


def simulated_catalog(market: Market, stock: Sequence[int], day: int) -> Catalog:
    """The simulated shop as a catalog (with each product's unit cost as the extra field ``cost``)."""
    return Catalog.model_validate({"shop": {"name": "模拟小店", "policies": {"shipping": "48小时内发货，默认中通",
                                                                       "returns": "支持7天无理由退货"}},
                                   "products": [{"sku": p.sku, "title": p.title, "category": p.category,
                                                 "price": round(float(market.plan.price[day, j]), 2),
                                                 "list_price": p.list_price, "stock": int(stock[j]),
                                                 "cost": p.cost, "display_order": j + 1}
                                                for j, p in enumerate(market.products)]})
