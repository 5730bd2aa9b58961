"""Linking and retrieval causes, eighth round, each a general mechanism with found cases and near misses on a small
catalog of our own (worded apart from any bench set):

- concept cues: fast charging is power, cotton content is material (down content stays filling), sweat and rain ask
  of water resistance, hours of listening or play are runtime, a unisex or couples' cut is the audience;
- "#2" with a product on screen whose variants are coded #1…#4 is its shade, not link 2;
- a Latin model suffix ("k50 max" while the K50 is shown) names the longer model, even when the shown product's
  facts mention it; said beside the shorter name ("k50和k50max") it stays the comparison it was.
"""

from __future__ import annotations

import pytest

from cohost.domain import Catalog
from cohost.knowledge.lexicon import concepts_asked
from cohost.knowledge.linking import ProductLinker
from cohost.knowledge.text import normalize_question

CATALOG = {
    "shop": {"name": "小岛好物", "policies": {"shipping": "48小时内发货。"}},
    "products": [
        {"sku": "TINT", "category": "美妆", "display_order": 1, "title": "水光唇釉 4ml", "aliases": ["唇釉"],
         "price": 59, "stock": 9, "variants": [
             {"sku": "TINT-1", "name": "#1 蜜桃粉", "stock": 3}, {"sku": "TINT-2", "name": "#2 山楂红", "stock": 3},
             {"sku": "TINT-3", "name": "#3 焦糖棕", "stock": 3}]},
        {"sku": "TOWEL", "category": "家居", "display_order": 2, "title": "纯棉浴巾 70×140", "aliases": ["浴巾"],
         "price": 49, "stock": 9},
        {"sku": "K50", "category": "数码", "display_order": 3, "title": "鸣川 K50 头戴耳机", "aliases": ["K50", "头戴耳机"],
         "price": 199, "stock": 9, "faq": [{"q": "和K50 Max有什么区别", "a": "K50 Max多了主动降噪。"}]},
        {"sku": "K50MAX", "category": "数码", "display_order": 4, "title": "鸣川 K50 Max 降噪头戴耳机",
         "aliases": ["K50 Max"], "price": 399, "stock": 9},
    ],
}


@pytest.fixture(scope="module")
def linker() -> ProductLinker:
    return ProductLinker(Catalog.model_validate(CATALOG).products)


def _concepts(text: str) -> set[str]:
    return {c.name for c in concepts_asked(normalize_question(text).text)}


# --- concept cues ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "concept"), [
    ("支持快充不", "power"), ("快充多少瓦", "power"), ("有闪充功能吗", "power"), ("含棉量是多少", "material"), ("含绒量多少啊", "filling"),
    ("运动出汗戴着行吗", "waterproof"), ("下雨天能用吗", "waterproof"), ("能听几个小时", "runtime"),
    ("孩子玩几小时就没电吗", "runtime"), ("是男女同款的吗", "audience"), ("这个算情侣款吗", "audience"),
])
def test_concept_cues(text: str, concept: str) -> None:
    assert concept in _concepts(text)


@pytest.mark.parametrize(("text", "concept"), [
    ("含绒量多少啊", "material"), ("出多少货了", "waterproof"), ("几个小时能到", "runtime"), ("快递几天到", "power"), ("苹果手机能快充吗", "power"),
])
def test_concept_cues_near_misses(text: str, concept: str) -> None:
    assert concept not in _concepts(text)


# --- a shade code of the product on screen -----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["#2还有吗", "#02 还有没", "2#有货吗"])
def test_shade_code_of_the_shown_product_is_not_a_link(linker: ProductLinker, text: str) -> None:
    link = linker.link(normalize_question(text), "TINT")
    assert link.sku == "TINT" and link.link_number is None


@pytest.mark.parametrize(("text", "ctx", "sku"), [
    ("#2还有吗", "TOWEL", "TOWEL"),  # no shade codes on screen: link 2
    ("#2还有吗", None, "TOWEL"),
    ("链接2还有吗", "TINT", "TOWEL"),  # said as a link
    ("#4多少钱", "TINT", "K50MAX"),  # no shade #4: link 4
])
def test_link_numbers_without_a_shown_shade(linker: ProductLinker, text: str, ctx: str | None, sku: str) -> None:
    assert linker.link(normalize_question(text), ctx).sku == sku


# --- a Latin model suffix names the longer model ------------------------------------------------------------------
@pytest.mark.parametrize("text", ["k50 max多少钱", "K50MAX什么价", "k50max还有吗"])
def test_model_suffix_names_the_longer_model(linker: ProductLinker, text: str) -> None:
    assert linker.link(normalize_question(text), "K50").sku == "K50MAX"


@pytest.mark.parametrize(("text", "ctx", "sku"), [
    ("k50多少钱", "K50", "K50"),
    ("k50和k50 max有啥区别", "K50", "K50"),  # both said: the comparison stays on the shown one
    ("k50 max多少钱", "K50MAX", "K50MAX"),  # the longer model on screen stays
    ("max多少钱", "K50", "K50"),  # the suffix alone names nothing
])
def test_model_suffix_near_misses(linker: ProductLinker, text: str, ctx: str, sku: str) -> None:
    assert linker.link(normalize_question(text), ctx).sku == sku
