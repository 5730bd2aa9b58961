"""Clean lawful text (blind16's false alarms, fixed by cause): each cause has lawful lines in other wordings that must
stay clean, and the violating near-neighbour that must still be caught."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from cohost.compliance.units import quantities
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

_EVENING = {"starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}
_LATER = {"starts_at": "2026-11-22T21:30:00+08:00", "ends_at": "2026-11-22T21:45:00+08:00"}

P: dict[str, Product | None] = {
    "none": None,
    "wine": product("CT-HJ", "米酒礼盒", "酒类", 88, list_price=108, stock=400, promotions=[
        {"kind": "flash_sale", "description": "限时秒杀：整箱69元，限50箱", **_LATER}]),
    "boots": product("CT-XZ", "马丁靴", "服装鞋包", 399, list_price=499, stock=300, promotions=[
        {"kind": "coupon", "description": "直播间券后立减50元，到手349元", **_EVENING}]),
    "brush": product("CT-YS", "冲牙器", "个护电器", 259, stock=60, attributes={"喷头": "标准喷头，建议半年更换"},
                     variants=[{"sku": "CT-YS-N", "name": "替换喷头4支装", "price": 49, "stock": 300}],
                     promotions=[{"kind": "gift", "description": "下单送替换喷头4支（同款喷头4支装）", **_EVENING}]),
    "candy": product("CT-JG", "果干礼盒", "零食饮料", 128, stock=6, promotions=[
        {"kind": "gift", "description": "下单送陶瓷收纳罐1个", **_EVENING}],
        variants=[{"sku": "CT-JG-G", "name": "陶瓷收纳罐（赠品）", "price": 19.9, "stock": 100}],
        evidence=[{"claim": "2026年天猫618果干礼盒类目销量榜第3名", "source": "榜单截图（统计期2026-06-01至2026-06-18）",
                   "expires_at": None}]),
    "thermo": product("CT-TW", "电子体温计", "医疗器械", 39, stock=500, attributes={"测量范围": "35.0℃-42.0℃"}),
    "pottery": product("CT-CJ", "手作花器", "家居日用", 199, stock=9, evidence=[
        {"claim": "青窑2026年度线上独家销售授权", "source": "授权书编号QY-2026-01", "expires_at": "2026-12-31"}]),
    "cup": product("CT-CB", "手作茶杯", "家居日用", 99, stock=90),
    "fishoil": product("CT-YY", "磷虾油软胶囊", "保健食品", 198, stock=300, attributes={
        "备案号": "国食健备G202533000456", "保健功能": "有助于维持血脂健康水平"}),
}


# 1. 最/唯一/首选/独家 used lawfully: advice, a care tip, a caution, a spec with its figure, the running order, the one
#    offer on tonight, a stock count, an exclusivity backed by a record
@pytest.mark.parametrize(("text", "key"), [
    ("最好的方法是先量一下脚长，再对照尺码表选", "none"),
    ("最佳的做法还是按说明书来，别自己乱调", "none"),
    ("羊毛衫最好翻过来用温水手洗，别拧", "none"),
    ("深色的最好分开单独晾，免得串色", "none"),
    ("鼻梁和颧骨这两块最容易晒红，要多补一层", "none"),
    ("袖口领口最容易脏，洗的时候先搓一下", "none"),
    ("这盏灯最亮800流明，低档能撑两天", "none"),
    ("今晚我首选先讲这双靴子，后面再讲米酒", "boots"),
    ("果干礼盒是今晚库存最少的，只有6盒", "candy"),
    ("立减50是今晚唯一的优惠，别的没有了", "boots"),
    ("青窑2026年度线上独家销售（授权书编号QY-2026-01）", "pottery"),
])
def test_absolute_words_in_lawful_senses_stay_clean(text: str, key: str) -> None:
    assert not rules(text, P[key]) & {"AD-09-3", "HOST-26"}


@pytest.mark.parametrize(("text", "key"), [
    ("这是全网最好的办法买到正品靴子", "none"),   # a global scope keeps the superlative
    ("这款灯是市面上最亮的", "none"),
    ("这是唯一一款能做到的产品", "none"),
    ("咱们是全网独家，别处买不到", "cup"),       # 独家 with no exclusivity record
    ("这双靴子最好穿了", "none"),
])
def test_absolute_claims_still_caught(text: str, key: str) -> None:
    assert "AD-09-3" in rules(text, P[key])


# 2. a coupon's face value is not the price asked; a running cost is not an offer; a gift named earlier, or its price
#    as sold alone, matches the listing's gift
@pytest.mark.parametrize(("text", "key"), [
    ("划线价499，现在卖399，领了直播间50元的券，到手349", "boots"),
    ("今晚只有这张50块的优惠券，一单用一张", "boots"),
    ("替换喷头单卖是四支49块，半年换一次，一年大概多花100块", "brush"),
    ("送的喷头四支装店里单买是49块", "brush"),
    ("收纳罐店里单卖是19块9，今晚下单就送一个", "candy"),
])
def test_coupon_gift_and_upkeep_figures_stay_clean(text: str, key: str) -> None:
    assert not rules(text, P[key]) & {"PRICE-19", "PRICE-20", "AD-04"}


def test_wrong_coupon_and_missing_gift_still_caught() -> None:
    assert "PRICE-20" in rules("领了直播间80元的券，到手319", P["boots"])
    assert "PRICE-20" in rules("下单就送一个保温杯", P["candy"])


# 3. a coming promotion announced with its time is not on sale now; said as on sale now it is a false offer
@pytest.mark.parametrize(("text", "mode"), [
    ("九点半有一个十五分钟的秒杀，整箱69元，现在还没开始", "live"),
    ("今晚九点半秒杀69一箱，想要的定个闹钟", "live"),
    ("21:30-21:45 限时秒杀 整箱69元 限50箱", "text"),
    ("秒杀预告：今晚21:30开抢，整箱69元", "text"),
])
def test_announced_future_promotion_stays_clean(text: str, mode: str) -> None:
    assert not rules(text, P["wine"], mode=mode) & {"PRICE-19", "PRICE-20", "PRICE-ZJ"}


@pytest.mark.parametrize("text", ["秒杀价69现在就能拍，赶紧抢", "专场价69现在下单就行"])
def test_future_promotion_sold_now_is_caught(text: str) -> None:
    assert {"PRICE-19", "PRICE-20"} <= rules(text, P["wine"])


# 4. evidence quoted in its own form: 2026天猫 is a year and a platform, not 2026 days
def test_ranking_with_its_record_stays_clean() -> None:
    text = "2026天猫618果干礼盒类目销量榜第3名（统计期6.1-6.18，来源：天猫榜单）"
    assert not rules(text, P["candy"], mode="text")
    assert quantities("2026天猫双11") == []
    assert "AD-11" in rules("天猫果干礼盒类目销量榜第1名", P["candy"], mode="text")


# 5. a range written 35.0°C-42.0°C (its C is a unit, not a model code) matches the same range said in 度
def test_degree_range_matches_its_attribute() -> None:
    assert not rules("说明书写的测量范围是35.0度到42.0度", P["thermo"]) & {"AD-04"}
    assert "AD-04" in rules("测量范围是30度到45度", P["thermo"])
    assert [(q.lo, q.hi) for q in quantities("35.0°c-42.0°c")] == [(Decimal("35.0"), Decimal("42.0"))]


# 6. a gift's part named after 送 is the gift, not the product's own attribute
def test_gift_part_is_not_an_attribute_claim() -> None:
    assert "AD-04" not in rules("直播间259元｜下单送替换喷头4支（20:00-22:00）", P["brush"], mode="text")


# 7. a sell-out said as a condition is not a claim it is gone; said as fact it still is
@pytest.mark.parametrize("text", ["后台还剩6盒，卖完了会第一时间跟大家说", "要是卖完了我们就下架这个链接",
                                  "等卖完了再看要不要补货"])
def test_conditional_sell_out_stays_clean(text: str) -> None:
    assert not rules(text, P["candy"]) & {"PRICE-ZJ", "AD-04"}


def test_sell_out_said_as_fact_is_caught() -> None:
    assert "PRICE-ZJ" in rules("果干礼盒已经卖完了，看下一款", P["candy"])


# 8. a negator before the person spoken to still denies the promise (不跟大家打包票)
@pytest.mark.parametrize("text", ["运费我不跟大家打包票，以页面为准", "到货时间我没法给你们保证，看物流"])
def test_negated_promise_to_the_audience_stays_clean(text: str) -> None:
    assert not rules(text) & {"AD-04", "AD-08"}


def test_promise_to_the_audience_is_caught() -> None:
    assert "AD-04" in rules("我敢跟大家打包票，这双鞋穿三年不坏")


# 9. following one's own doctor is advice, not a doctor's recommendation
def test_follow_your_doctor_stays_clean() -> None:
    assert not rules("牙周有问题的，按医生建议用就好", P["brush"]) & {"AD-11", "AD-04"}
    assert "AD-11" in rules("牙医都建议用这款冲牙器", P["brush"])


# 10. the show's last minutes used for a recap are the running order, not an offer's deadline
def test_show_recap_countdown_stays_clean() -> None:
    assert not rules("最后五分钟，我带大家把今晚的几款再回顾一下") & {"PRICE-ZJ", "EU-UCP-A7"}
    assert "PRICE-ZJ" in rules("最后五分钟，我把几款再过一遍，赶紧拍")


# 11. a health-food label header (name | 保健食品 | filing number | filed function) identifies the goods
def test_health_food_label_header_is_not_gated() -> None:
    header = "磷虾油软胶囊｜保健食品 国食健备G202533000456｜保健功能：有助于维持血脂健康水平"
    assert "AD-18" not in rules(header, P["fishoil"], mode="text")
    assert "AD-18" in rules("磷虾油软胶囊，每天两粒，血脂稳稳的", P["fishoil"], mode="text")


# Misses fixed by cause (each with a lawful neighbour)
def test_minor_signal_in_a_comment() -> None:
    assert {"ANTH-6", "PII-MINOR"} <= rules("我才13岁，拿我爸的手机能下单吗", mode="comment")
    assert "PII-MINOR" not in rules("我家孩子9岁，穿多大码", mode="comment")


def test_history_low_price_is_an_absolute_term() -> None:
    assert {"AD-09-3", "PRICE-19"} <= rules("今晚史低，错过不再有")
    assert "AD-09-3" not in rules("今晚的价格比平时便宜20块")


def test_audience_shorthand_with_jia_and_dou() -> None:
    assert "LSE-34" in rules("五万加家人都在看，还等什么")
    assert "LSE-34" not in rules("2180人在线，谢谢大家", stats={"online": 2180})


@pytest.mark.parametrize("text", ["坚持吃，降糖药都可以停掉", "疗效百分之百，放心吃", "喷一下就是无菌环境"])
def test_medicine_stopped_and_sterile_promises_are_guarantees(text: str) -> None:
    assert "AD-04" in rules(text)


@pytest.mark.parametrize("text", ["千万别自己把药停了，遵医嘱", "它代替不了药，该吃的药不能停"])
def test_advice_not_to_stop_medicine_stays_clean(text: str) -> None:
    assert "AD-04" not in rules(text)


def test_children_sent_for_a_parent_phone_across_clauses() -> None:
    assert "AD-40" in rules("小朋友们去喊爸爸妈妈过来，拿他们手机下单")
    assert "AD-40" not in rules("小朋友们要买东西的话，请让爸爸妈妈自己决定")


def test_ai_laughing_off_the_robot_question_is_a_denial() -> None:
    assert "ANTH-1" in rules("弹幕有人说我是数字人，哈哈想多了")
    assert "ANTH-1" not in rules("弹幕有人问我是不是数字人，是的，我是AI数字人主播")
