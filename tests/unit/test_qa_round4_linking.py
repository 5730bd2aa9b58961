"""Linking and retrieval causes, fourth round, each a general mechanism with found cases and near misses on a small
catalog of our own (worded apart from any bench set):

- the words of a product's own name ask nothing: "竹纤维枕多大" names the pillow, it does not ask for the label
  竹纤维含量 (label words and BM25 terms are read outside the names), unless an attribute holds the name too
  ("绿茶" of 茶类: 绿茶);
- a name said the short way names the product: the kind with a noun suffix ("枕头" of 竹纤维枕) or a long name with
  one inner character left out ("山棕垫" of 山棕床垫); not a part an attribute names ("刷头" of 电动牙刷);
- the modifier of a name no other product has names that product, weakly ("山棕的" of 山棕床垫 beside a 乳胶床垫);
  the product on screen still wins; only a modifier of the product's kind ("清洗" of an alias 清洗液 of a 护理套装 is none);
- a size typed as "180x200" or "180*200" names the variant 180×200cm.
"""

from __future__ import annotations

import pytest

from cohost.clock import ManualClock
from cohost.domain import Catalog
from cohost.knowledge import QAEngine
from cohost.knowledge.coverage import unnamed
from cohost.knowledge.text import key_of, normalize_question
from cohost.knowledge.typos import short_name
from cohost.testing import InMemoryFactSource

CATALOG = {
    "shop": {"name": "眠眠家纺", "policies": {"shipping": "付款后48小时内发货。"}},
    "products": [
        {"sku": "PL-1", "display_order": 1, "title": "竹纤维枕 护颈款", "category": "枕头", "aliases": ["竹纤维枕"],
         "price": 99, "stock": 30,
         "attributes": {"竹纤维含量": "70%", "尺寸": "48×74cm", "重量": "约1kg", "枕套面料": "全棉"}},
        {"sku": "MT-2", "display_order": 2, "title": "山棕床垫 硬款 10cm", "category": "床垫",
         "aliases": ["山棕床垫", "硬床垫"], "price": 899, "stock": 20,
         "attributes": {"厚度": "10cm", "棕丝产地": "海南", "硬度": "偏硬"},
         "variants": [{"sku": "MT-2-150", "name": "150×200cm", "price": 899, "stock": 10},
                      {"sku": "MT-2-180", "name": "180×200cm", "price": 1099, "stock": 0}]},
        {"sku": "MT-3", "display_order": 3, "title": "天然乳胶床垫 软款", "category": "床垫", "aliases": ["乳胶床垫"],
         "price": 1999, "stock": 15, "attributes": {"厚度": "15cm", "硬度": "偏软"}},
        {"sku": "TB-4", "display_order": 4, "title": "声波电动牙刷", "category": "个护", "aliases": ["电动牙刷", "牙刷"],
         "price": 199, "stock": 40, "attributes": {"刷头": "杜邦软毛，建议每3个月更换", "续航": "约30天"}},
        {"sku": "GT-5", "display_order": 5, "title": "明前龙井 250g", "category": "绿茶", "aliases": ["龙井"],
         "price": 268, "stock": 30, "attributes": {"茶类": "绿茶", "产地": "杭州"}},
        {"sku": "CL-6", "display_order": 6, "title": "银饰护理套装", "category": "饰品护理", "aliases": ["清洗液", "擦银布"],
         "price": 39, "stock": 50, "attributes": {"内含": "清洗液100ml+擦银布2片"}},
    ],
}


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine(InMemoryFactSource(Catalog.model_validate(CATALOG)), clock=ManualClock(1763643600.0))


def _ask(engine: QAEngine, text: str, ctx: str | None = None) -> dict[str, object]:
    return engine.answer(text, context_sku=ctx).to_json_dict()


# --- the product's own name asks nothing ------------------------------------------------------------------------
def test_unnamed_blanks_names_not_held_by_an_attribute() -> None:
    assert unnamed("竹纤维枕多大", "竹纤维枕|枕", "竹纤维含量|70%") == "|多大"
    assert unnamed("龙井是绿茶吧", "龙井|绿茶", "茶类|绿茶") == "|是绿茶吧"  # 绿茶 is the tea kind asked


@pytest.mark.parametrize(("text", "ctx", "fact"), [
    ("竹纤维枕多大", None, "PL-1.attr:尺寸"),
    ("竹纤维枕有多重", None, "PL-1.attr:重量"),
])
def test_a_name_word_is_no_label_word(engine: QAEngine, text: str, ctx: str | None, fact: str) -> None:
    got = _ask(engine, text, ctx)
    assert not got["escalate"] and fact in got["facts"]
    assert "PL-1.attr:竹纤维含量" not in got["facts"]


def test_a_label_asked_by_itself_still_answers(engine: QAEngine) -> None:
    got = _ask(engine, "竹纤维含量多少", "PL-1")
    assert got["facts"] == ["PL-1.attr:竹纤维含量"]


# --- a name said the short way ----------------------------------------------------------------------------------
def test_short_name() -> None:
    assert short_name("枕头", "竹纤维枕|枕")
    assert short_name("山棕垫", "山棕床垫|床垫")
    assert not short_name("枕套", "竹纤维枕|枕")  # 套 is no noun suffix
    assert not short_name("山棕床", "山棕床垫|床垫")  # the last character must stay
    assert not short_name("棕垫", "山棕床垫")  # two characters: only a kind with its suffix


@pytest.mark.parametrize(("text", "ctx", "fact"), [
    ("枕头多重", "PL-1", "PL-1.attr:重量"),
    ("山棕垫多厚", None, "MT-2.attr:厚度"),
    ("刷头多久换一次", "TB-4", "TB-4.attr:刷头"),  # near miss: 刷头 is a part an attribute names
])
def test_short_names_ask_nothing(engine: QAEngine, text: str, ctx: str | None, fact: str) -> None:
    got = _ask(engine, text, ctx)
    assert not got["escalate"] and fact in got["facts"]


# --- a name's modifier names the product -------------------------------------------------------------------------
def test_modifier_links_weakly(engine: QAEngine) -> None:
    got = _ask(engine, "山棕的多少钱")
    assert got["sku"] == "MT-2" and not got["escalate"]
    assert _ask(engine, "床垫多少钱")["sku"] is None  # both are 床垫: still asked back
    assert _ask(engine, "可以免费清洗吗")["sku"] is None  # "清洗" of 清洗液 modifies no kind of the product (套装)
    # the product on screen wins over a weak modifier
    assert _ask(engine, "有山棕吗", "MT-3")["sku"] == "MT-3"


# --- a size typed with x or * -----------------------------------------------------------------------------------
def test_times_sign_between_numbers() -> None:
    assert key_of("180x200") == key_of("180×200") == "180200"
    assert key_of("2xl") == "2xl" and key_of("x5") == "x5"  # no sign between two numbers
    assert normalize_question("180x220那个").key == "180220那个"


@pytest.mark.parametrize("text", ["180x200的床垫多少钱", "180*200床垫有货吗"])
def test_size_typed_names_the_variant(engine: QAEngine, text: str) -> None:
    got = _ask(engine, text)
    assert got["sku"] == "MT-2" and not got["escalate"]
    assert any(str(f).startswith("MT-2.variant:MT-2-180.") for f in got["facts"])  # type: ignore[union-attr]
    assert not any(str(f).startswith("MT-2.variant:MT-2-150.") and f.endswith("price")  # type: ignore[union-attr]
                   for f in got["facts"])  # type: ignore[union-attr]
