"""The phrase banks a script is composed from: every style is complete, and no phrasing itself can
carry a claim (absolute terms, numbers, popularity, urgency, personal use): facts come only through
placeholders."""

from __future__ import annotations

import re

import pytest

from cohost.content.banks import STYLES, all_phrasings, normalise_style, phrases
from cohost.content.labels import COPY_FOOTER, POSTER_LABEL, SCRIPT_LABEL, aigc, is_valid_label

BANNED = ("最", "第一", "顶级", "唯一", "全网", "史上", "极致", "完美", "独家", "首选", "爆款", "热销", "回购", "好评",
          "销量", "错过", "手慢无", "抢光", "限量", "仅剩", "绝对", "保证", "无副作用", "根治", "治疗", "神器",
          "我用", "我自己", "闭眼", "必买", "必入", "秒杀", "涨价", "万人", "原价")
PLACEHOLDERS = {"shop", "n", "categories", "audience", "short", "title", "brand", "alias", "category", "point",
                "attr_name", "attr_value", "usage", "caution", "q", "a", "variants", "claim", "source", "policy",
                "policy_kind", "price", "offer", "end", "link", "pause", "prev", "next", "names", "demo"}
SLOTS_EVERY_STYLE = ("opening_greet", "opening_audience", "opening_follow", "hook", "hook_return", "hook_audience",
                     "point", "demo", "price", "offer", "cta", "interact_poll", "interact_question", "recap",
                     "transition", "interaction_open", "interaction_follow", "closing_thanks", "closing_follow",
                     "closing_bye")


@pytest.mark.parametrize(("style", "slot", "phrasing"), all_phrasings())
def test_no_phrasing_makes_a_claim_of_its_own(style: str, slot: str, phrasing: str) -> None:
    words = re.sub(r"\{[a-z_]+\}", "", phrasing)
    assert not [b for b in BANNED if b in words], phrasing
    votes = re.sub(r"扣个?\d", "", words)  # 扣1 / 扣个2: how viewers vote, not a figure
    assert not re.search(r"\d", re.sub(r"\[[^\]]*\]", "", votes)), phrasing
    assert set(re.findall(r"\{([a-z_]+)\}", phrasing)) <= PLACEHOLDERS, phrasing


@pytest.mark.parametrize("style", STYLES)
def test_every_style_has_every_slot_and_several_phrasings(style: str) -> None:
    for slot in SLOTS_EVERY_STYLE:
        assert len(phrases(slot, style)) >= 2, (style, slot)
    assert len(phrases("point", style)) >= 8


def test_styles_sound_different() -> None:
    banks = {s: set(phrases("hook", s)) | set(phrases("cta", s)) for s in STYLES}
    for a in STYLES:
        for b in STYLES:
            if a < b:
                own_a = banks[a] - banks[b]
                assert len(own_a) >= 4, (a, b)


def test_style_names_in_chinese_or_english() -> None:
    assert normalise_style("专业") == "专业" and normalise_style("Humorous") == "幽默"
    with pytest.raises(ValueError, match="热情"):
        normalise_style("夸张")


def test_every_label_names_ai_and_generation() -> None:
    for label in (SCRIPT_LABEL, COPY_FOOTER, POSTER_LABEL):
        assert is_valid_label(label)
    assert not is_valid_label("由Cohost制作")


def test_implicit_label_follows_gb45438_value_rules() -> None:
    meta = aigc('S 2026"11\\20-商品', "abc")
    assert meta["Label"] == "1" and meta["ContentPropagator"] == meta["ContentProducer"]
    assert meta["PropagateID"] == meta["ProduceID"]
    for value in meta.values():
        assert all(33 <= ord(c) <= 126 and c not in "\"'\\" for c in value), value


def test_parameter_phrasings_let_the_checker_verify_the_value() -> None:
    """A phrasing that puts words between a parameter's name and its value would make true parameters
    unverifiable; every such phrasing must verify (almost) every attribute of the example shop."""
    import json
    from pathlib import Path

    from cohost.compliance import Checker
    from cohost.domain import Catalog

    shop = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"
    catalog = Catalog.model_validate(json.loads(shop.read_text(encoding="utf-8")))
    checker = Checker.default()
    for style, slot, phrasing in all_phrasings():
        if "{attr_value}" not in phrasing:
            continue
        total = failed = 0
        for product in catalog.products:
            for name, value in product.attributes.items():
                text = re.sub(r"\[[^\]]*\]", "", phrasing.format_map(
                    {"attr_name": name, "attr_value": value, "demo": "[展示]实物给大家看一下"}))
                total += 1
                failed += any(c.verdict != "supported" for c in checker.claims(text, product))
        assert failed <= 0.02 * total, (style, slot, phrasing, failed)


@pytest.mark.parametrize("style", STYLES)
def test_the_compliance_engine_finds_nothing_in_any_phrasing(style: str) -> None:
    """Every phrasing, filled with plain values, passes the real rules (no exit obstruction, urgency …)."""
    from cohost.compliance import Checker

    sample = {"shop": "小铺", "n": "3", "categories": "食品", "audience": "上班族", "short": "燕麦片",
              "title": "燕麦片", "brand": "山川", "alias": "麦片", "category": "食品", "point": "口感细腻",
              "attr_name": "净含量", "attr_value": "1kg", "usage": "冲泡食用", "caution": "开封后密封",
              "q": "能冲牛奶吗？", "a": "可以", "variants": "小袋、大袋", "claim": "获奖", "source": "证书",
              "policy": "七天无理由", "policy_kind": "退换货", "price": "39.9", "offer": "下单送勺子一把",
              "end": "23:59", "link": "3", "pause": "[停顿10秒]", "prev": "燕麦片", "next": "牛肉干",
              "names": "燕麦片、牛肉干", "demo": "[展示]实物给大家看一下"}
    checker = Checker.default()
    for owner, slot, phrasing in all_phrasings():
        if owner not in (style, "common") or slot == "evidence":  # evidence lines need a real record
            continue
        text = re.sub(r"\[[^\]]*\]", "", phrasing.format_map(sample))
        assert checker.check(text) == [], (slot, phrasing, checker.check(text))
