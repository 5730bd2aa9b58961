"""Read API over the catalog: products, their facts, the shop."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from cohost.domain import Product, ProductFact, Shop
from cohost.server.deps import StoreDep

router = APIRouter(prefix="/api", tags=["catalog"])


class ProductPage(BaseModel):
    total: int
    items: list[Product]


class ShopOut(BaseModel):
    shop: Shop
    facts: list[ProductFact]
    categories: dict[str, int]


@router.get("/products", operation_id="listProducts", response_model=ProductPage)
def list_products(
    store: StoreDep,
    category: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[str | None, Query(max_length=100, description="matches sku, title or brand")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ProductPage:
    everything = store.catalog.list(category=category, query=q)
    return ProductPage(total=len(everything), items=everything[offset : offset + limit])


@router.get("/products/{sku}", operation_id="getProduct", response_model=Product)
def get_product(sku: str, store: StoreDep) -> Product:
    return store.catalog.get(sku).product


@router.get("/products/{sku}/facts", operation_id="getProductFacts", response_model=list[ProductFact])
def get_product_facts(sku: str, store: StoreDep) -> list[ProductFact]:
    return store.catalog.facts(sku)


@router.get("/shop", operation_id="getShop", response_model=ShopOut)
def get_shop(store: StoreDep) -> ShopOut:
    return ShopOut(shop=store.catalog.shop(), facts=store.catalog.shop_facts(),
                   categories=store.catalog.categories())
