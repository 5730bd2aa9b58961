"""Linking and retrieval causes, fifth round, each a general mechanism with found cases and near misses on a small
catalog of our own (worded apart from any bench set):

- two names that share characters are one name read two ways: "月光钻戒指" holds 月光钻 (one ring) and 钻戒 (another);
  the longer name, when it names a product, is the one said, and the shorter name crossing it is no mention;
- a three-character name said by its two ends is the product's name in retrieval ("银链多重" of 银项链 asks its
  weight, not about 银链); linking does not read it (a gift "剃刀" would name a 剃须刀 beside the product asked of);
- a weight label written with what is weighed (金重, 银重, 料重) answers "多重" as 重量 does.
"""

from __future__ import annotations

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.lexicon import CONCEPTS, label_matches
from cohost.knowledge.mentions import maximal
from cohost.knowledge.typos import short_name
from cohost.testing import InMemoryFactSource

CATALOG = {
    "shop": {"name": "晨星饰品", "policies": {"shipping": "付款后48小时内发货。"}},
    "products": [
        {"sku": "RG-1", "display_order": 1, "title": "月光石S925银戒指", "category": "时尚饰品",
         "aliases": ["月光石", "月光钻", "月光石戒指"], "price": 199, "stock": 20,
         "attributes": {"材质": "S925银", "重量": "约2g"}},
        {"sku": "RG-2", "display_order": 2, "title": "18K金钻石戒指", "category": "钻石",
         "aliases": ["钻戒", "钻石戒指"], "price": 3999, "stock": 5, "attributes": {"材质": "18K金", "金重": "约1.8g"}},
        {"sku": "NK-3", "display_order": 3, "title": "S925银锁骨项链", "category": "银饰", "aliases": ["银项链", "锁骨链"],
         "price": 159, "stock": 30, "attributes": {"重量": "约2.5g", "链长": "40+5cm"}},
        {"sku": "BG-4", "display_order": 4, "title": "足金宝宝手镯", "category": "黄金饰品", "aliases": ["宝宝手镯", "金镯子"],
         "price": 2199, "stock": 8, "attributes": {"材质": "足金999", "金重": "约3g", "内径": "40mm"}},
        {"sku": "SH-5", "display_order": 5, "title": "实木置物架", "category": "家具", "aliases": ["置物架"],
         "price": 299, "stock": 12, "attributes": {"承重": "单层约20kg", "尺寸": "60×30×120cm"}},
    ],
}
TWO_SILVER = {
    "shop": {"name": "银饰小铺", "policies": {}},
    "products": [
        {"sku": "A", "title": "S925银项链", "category": "银饰", "aliases": ["银项链"], "price": 99, "stock": 3},
        {"sku": "B", "title": "S925银手链", "category": "银饰", "aliases": ["银手链"], "price": 89, "stock": 3},
    ],
}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(CATALOG)), clock=ManualClock(1763643600.0))


def _ask(engine: QAEngine, text: str, ctx: str | None = None) -> dict[str, object]:
    return engine.answer(text, context_sku=ctx).to_json_dict()


# --- crossing names: the longer one is said --------------------------------------------------------------------
def test_maximal_drops_a_shorter_name_crossing_a_longer_one() -> None:
    found = [("月光钻", {"RG-1": 3.0}), ("钻戒", {"RG-2": 3.0})]
    assert [f for f, _ in maximal(found, "月光钻戒指多少钱")] == ["月光钻"]


def test_maximal_keeps_crossing_names_of_the_same_product_and_names_apart() -> None:
    same = [("月光钻", {"RG-1": 3.0}), ("钻戒", {"RG-1": 3.0})]
    assert len(maximal(same, "月光钻戒指")) == 2
    apart = [("月光钻", {"RG-1": 3.0}), ("钻戒", {"RG-2": 3.0})]
    assert len(maximal(apart, "月光钻和钻戒哪个好")) == 2  # both said, each on its own


def test_maximal_a_weak_longer_form_does_not_drop_a_name() -> None:
    found = [("光钻戒", {"X": 1.0}), ("月光钻", {"RG-1": 3.0})]  # a weak word is no name to prefer
    assert {f for f, _ in maximal(found, "月光钻戒")} == {"光钻戒", "月光钻"}


@pytest.mark.parametrize("text", ["月光钻戒指现在什么价", "月光钻戒多少钱"])
def test_a_crossing_name_links_the_longer_names_product(engine: QAEngine, text: str) -> None:
    got = _ask(engine, text)
    assert got["sku"] == "RG-1" and not got["escalate"]


@pytest.mark.parametrize(("text", "sku"), [("钻戒什么价", "RG-2"), ("月光钻什么价", "RG-1")])
def test_each_name_alone_still_links_its_own_product(engine: QAEngine, text: str, sku: str) -> None:
    assert _ask(engine, text)["sku"] == sku


# --- a three-character name said by its ends ---------------------------------------------------------------------
def test_short_name_by_the_ends_of_a_three_character_name() -> None:
    assert short_name("银链", "s925银锁骨项链|银项链|锁骨链")
    assert not short_name("银镯", "s925银锁骨项链|银项链|锁骨链")  # the last character differs
    assert not short_name("项链", "银项链")  # a piece of the name, not its ends


def test_a_name_said_by_its_ends_asks_nothing(engine: QAEngine) -> None:
    got = _ask(engine, "银链多重", "NK-3")
    assert got["sku"] == "NK-3" and "NK-3.attr:重量" in got["facts"] and not got["escalate"]


def test_a_name_said_by_its_ends_never_picks_between_two_products() -> None:
    shop = QAEngine(InMemoryFactSource(Catalog.model_validate(TWO_SILVER)), clock=ManualClock(1763643600.0))
    assert shop.answer("银链多少钱", context_sku=None).to_json_dict()["sku"] is None


# --- weight labels naming what is weighed -------------------------------------------------------------------------
def test_weight_concept_covers_labels_of_what_is_weighed() -> None:
    weight = next(c for c in CONCEPTS if c.name == "weight")
    assert label_matches(weight, "金重") and label_matches(weight, "银重")
    assert not label_matches(weight, "承重") and not label_matches(weight, "体重")


def test_how_heavy_is_answered_by_a_gold_weight(engine: QAEngine) -> None:
    got = _ask(engine, "宝宝镯子有多重", "BG-4")
    assert got["sku"] == "BG-4" and "BG-4.attr:金重" in got["facts"]


def test_how_heavy_is_not_answered_by_a_load(engine: QAEngine) -> None:
    got = _ask(engine, "置物架多重", "SH-5")
    assert "SH-5.attr:承重" not in got["facts"]


def test_a_name_said_by_its_ends_gives_way_to_a_name_said_in_full(engine: QAEngine) -> None:
    got = _ask(engine, "宝宝手镯送银链吗")  # the bracelet named in full; 银链 is the gift asked of it
    assert got["sku"] == "BG-4"
