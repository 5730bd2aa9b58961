"""Intents, eighth round: each cause fixed by a general rule in ``knowledge.intents``, tested on found cases in
other words and on near misses that must keep their intent:

1. Who or what may use it, asked with a modal and an object or as A-not-A ("新生儿能用不", "孕妇能抹吗",
   "满月宝宝能用这款纸巾吗") is suitability; payment ("能用花呗吗") and a count ("能坐三个人吗") are not.
2. How it is put on ("咋涂", "怎么擦匀", "薄抹还是厚抹") is usage.
3. A discount figure or a coupon asked whether it applies ("三件8折能用吗", "七折可以叠加吗") is promotion,
   even with the 能用吗 of suitability.
4. Two deals weighed with 合算 ("拿三个20还是两个35合算") is comparison, like 划算.
"""

from __future__ import annotations

import pytest

from cohost.knowledge.intents import classify


@pytest.mark.parametrize("text", ["新生儿能用不", "孕妇能抹吗", "满月宝宝能用这款纸巾吗", "老人家能吃不",
                                  "哺乳期能用这支口红不", "小朋友能戴吗"])
def test_user_with_modal_is_suitability(text: str) -> None:
    assert classify(text).intent == "suitability"


@pytest.mark.parametrize("text", ["能用花呗吗", "能坐三个人吗", "能用多久", "能用两年吗", "能用温水泡吗",
                                  "可以用平板遥控吗", "能用这瓶擦玻璃吗"])
def test_payment_count_or_duration_is_not_suitability(text: str) -> None:
    assert classify(text).intent != "suitability"


def test_washing_by_hand_stays_usage() -> None:
    assert classify("能用手洗吗").intent == "usage"


@pytest.mark.parametrize("text", ["咋涂", "怎么擦匀", "如何抹比较好看", "薄抹还是厚抹"])
def test_applying_is_usage(text: str) -> None:
    assert classify(text).intent == "usage"


def test_applying_near_miss_keeps_its_intent() -> None:
    assert classify("涂了显白吗").intent != "usage"
    assert classify("黄皮涂哪个色号").intent != "usage"


@pytest.mark.parametrize("text", ["三件8折能用吗", "七折可以叠加吗", "8.5折券能用吗", "这个满减能一起用吗"])
def test_discount_asked_if_it_applies_is_promotion(text: str) -> None:
    assert classify(text).intent == "promotion"


def test_discount_near_misses() -> None:
    assert classify("敏感肌能用吗").intent == "suitability"
    assert classify("9号能用吗").intent != "promotion"


@pytest.mark.parametrize("text", ["拿三个20还是两个35合算", "大瓶还是小瓶合算"])
def test_deals_weighed_with_hesuan_are_comparison(text: str) -> None:
    assert classify(text).intent == "comparison"


def test_hesuan_alone_is_price() -> None:
    assert classify("这个价合算吗").intent == "price"
