"""Escalation causes, round 3 (``referents``): a product's property asked with nothing on screen and no
product named is ``ambiguous_product``; a comparison of the product on screen with a maker the catalog never
names is ``no_fact``. Phrasings are our own, with near misses. Hermetic: pure functions on normalised text."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from cohost.knowledge.absences import Catalogued
from cohost.knowledge.escalation import detect_risk
from cohost.knowledge.lexicon import Concept
from cohost.knowledge.linking import Link
from cohost.knowledge.referents import foreign_comparand, unnamed_product
from cohost.knowledge.text import normalize_question

_NONE = Link(None, "none")
_ON_SCREEN = Link("A-1", "context", 1.0, context="A-1")
_CAT = Catalogued(frozenset({1, 2}), frozenset(), "晨光绿茶 | 山泉乌龙茶 | 产地 茅台镇",
                  {"A-1": "晨光绿茶礼盒", "A-2": "山泉乌龙茶"})


def _many(_: Sequence[Concept]) -> set[str]:
    return {"A-1", "A-2"}


def _one(_: Sequence[Concept]) -> set[str]:
    return {"A-1"}


def _t(text: str) -> str:
    return normalize_question(text).text


@pytest.mark.parametrize("text", ["重量多少啊", "声音吵不吵", "可以放冰箱保存吗", "有紫色吗", "L码的还有吗"])
def test_a_property_of_no_product_named_asks_back(text: str) -> None:
    risk = unnamed_product(_t(text), _NONE, _many)
    assert risk is not None and risk.reason == "ambiguous_product"


@pytest.mark.parametrize("text", ["几天能发货", "能分期付款吗", "有优惠券吗", "能帮我量下尺寸吗", "主播多高", "你好呀"])
def test_shop_matters_services_and_remarks_are_not_asked_back(text: str) -> None:
    assert unnamed_product(_t(text), _NONE, _many) is None


def test_a_property_only_one_product_has_or_a_product_on_screen_is_no_ambiguity() -> None:
    assert unnamed_product(_t("重量多少啊"), _NONE, _one) is None
    assert unnamed_product(_t("重量多少啊"), _NONE, lambda _: set()) is None  # nobody has it: no_fact
    assert unnamed_product(_t("重量多少啊"), _ON_SCREEN, _many) is None


@pytest.mark.parametrize("text", ["跟星巴克比哪个好", "立顿和这个哪个好", "比大牌的好在哪", "跟美容院比效果如何"])
def test_a_maker_the_catalog_never_names_is_no_fact(text: str) -> None:
    risk = foreign_comparand(_t(text), _ON_SCREEN, _CAT)
    assert risk is not None and risk.reason == "no_fact"


@pytest.mark.parametrize("text", ["跟乌龙茶比哪个好", "和那个比哪个好", "这个和上一个哪个好", "绿茶多少钱"])
def test_our_own_products_and_pronouns_are_compared_as_usual(text: str) -> None:
    assert foreign_comparand(_t(text), _ON_SCREEN, _CAT) is None


def test_a_foreign_comparison_needs_a_product_to_compare() -> None:
    assert foreign_comparand(_t("跟星巴克比哪个好"), _NONE, _CAT) is None


def _risk(text: str) -> str | None:
    r = detect_risk(normalize_question(text).text)
    return r.reason if r else None


@pytest.mark.parametrize("text", ["这个能帮助减肥吗", "按摩仪能瘦身吗 瘦肚子", "洗牙器能去结石吗", "下午喝会失眠吗"])
def test_an_effect_asked_of_the_product_is_no_fact(text: str) -> None:
    assert _risk(text) == "no_fact"


@pytest.mark.parametrize("text", ["我最近失眠 能喝吗", "失眠的人能喝吗", "吃了能减肥吗", "我有胆结石 能用吗"])
def test_an_effect_on_someone_named_or_on_what_is_eaten_stays_health(text: str) -> None:
    assert _risk(text) == "health"


@pytest.mark.parametrize("text", ["大袋和小袋哪个划算", "经典款和升级款有什么区别", "6包和12包哪个划算"])
def test_two_options_of_the_product_compared_are_no_foreign_goods(text: str) -> None:
    assert foreign_comparand(_t(text), _ON_SCREEN, _CAT) is None


@pytest.mark.parametrize("text", ["颜色拍错了能换吗", "有人上门装吗"])
def test_exchange_and_installation_are_shop_matters(text: str) -> None:
    assert unnamed_product(_t(text), _NONE, _many) is None
