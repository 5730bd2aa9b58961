"""Session S3c: false-positive causes from blind10's clean lines, each fixed by a general exception and
checked with differently worded clean lines and near misses that must stay flagged."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

COSMETIC = product("T-CS", "保湿面霜", "美妆护肤", 168, attributes={"类别": "普通化妆品", "备案号": "沪G妆网备字2025000001",
                                                               "备案功效": "保湿、护肤"})
SPECIAL = product("T-CS2", "美白精华", "美妆护肤", 299, attributes={"类别": "特殊化妆品", "注册证号": "国妆特字G20250001",
                                                               "功效": "美白祛斑"})
FRYER = product("T-AP", "空气炸锅", "家用电器", 269, attributes={"容量": "5.5L"},
                promotions=[{"kind": "coupon", "description": "直播间专享券随机20/30/50元，最高可减50元",
                             "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}])
COAT = product("T-FZ", "羊毛大衣", "服装鞋包", 599, attributes={"颜色": "驼色/黑色"})
BANDAGE = product("T-MD", "弹性绷带", "医疗器械", 19, attributes={"备案号": "苏械备20260001"})
WINE = product("T-JL", "酱香白酒", "酒类", 398,
               promotions=[{"kind": "gift", "description": "下单送品鉴小酒杯2只",
                            "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T23:59:00+08:00"}])
CAMERA = product("T-SH", "二手相机", "手机数码", 7800, stock=1)
EARBUDS = product("T-DG", "降噪耳机", "手机数码", 499, list_price=699)

MEDICAL = {"AD-17", "SEC-FOOD-1", "SEC-COS-1", "SEC-COS-2"}


# --- 1. a denied, refused or redirected effect is not a claim ----------------------------------------------
@pytest.mark.parametrize("text", [
    "别的比如祛痘祛斑它都做不到，别指望它",
    "美白这个它真做不了，只管保湿",
    "防脱它是没用的，别买错了",
])
def test_effect_denied_after_it_is_clean(text: str) -> None:
    assert not rules(text, COSMETIC) & MEDICAL


@pytest.mark.parametrize("text", [
    "耳机不是医疗器械哈，降噪只是让环境安静一点，解决不了耳鸣的问题",
    "枕头就是睡得舒服点，治不了失眠",
])
def test_effect_denied_by_its_verb_is_clean(text: str) -> None:
    assert not rules(text) & MEDICAL


@pytest.mark.parametrize("text", [
    "有宝子说自己在控血糖问能不能吃，这个我给不了建议，先问问医生",
    "正在烂脸期的宝子先别急着叠护肤品，去看看皮肤科",
    "这个是普通化妆品，只管保湿，想美白的宝子去看隔壁注册过的那支精华",
])
def test_audience_condition_sent_to_a_doctor_or_other_goods_is_clean(text: str) -> None:
    assert not rules(text, COSMETIC if "护肤" in text or "化妆品" in text else None) & MEDICAL


@pytest.mark.parametrize(("text", "goods"), [
    ("不用吃药就能好", None),                                    # a real claim next to a negator
    ("祛痘祛斑它都能做到", COSMETIC),                            # the effect affirmed
    ("别的药治不好的湿疹它三天就能治好", None),                  # a relative clause, then a cure
    ("烂脸的宝子用它三天就好了，不放心就去问医生", COSMETIC),    # a result beside the referral
    ("想美白的宝子直接拍这支", COSMETIC),                        # the wish answered by this product
    ("能降血压，不舒服先看医生", None),                          # referral in another clause
])
def test_claims_beside_negations_and_referrals_stay_flagged(text: str, goods: Product | None) -> None:
    assert rules(text, goods) & (MEDICAL | {"AD-04"}), text


def test_registered_efficacy_is_the_registration() -> None:
    assert not rules("美白祛斑是它注册过的功效，八周的人体试用报告在详情页", SPECIAL) & MEDICAL
    # the same words on goods only filed for moisturising stay a claim
    assert "SEC-COS-1" in rules("美白祛斑是它的功效，用了就知道", COSMETIC)


# --- 2. 最 as advice, a setting or a measured figure ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "最好冰镇一下再喝，开了瓶当天喝完", "最好冷藏一晚再吃", "用之前最好晃一晃",
    "降噪开到最深那一档，地铁里会安静很多", "风扇调到最强的那个模式就行", "实测最高-42dB，报告在详情页",
])
def test_advice_setting_and_spec_are_not_absolute(text: str) -> None:
    assert "AD-09-3" not in rules(text)


@pytest.mark.parametrize("text", ["这是最好用的一款", "最好喝的气泡水就是它", "最好吃的坚果", "最深层的清洁力，全网第一"])
def test_superlatives_stay_flagged(text: str) -> None:
    assert "AD-09-3" in rules(text)


# --- 3. fact checks: previous generation, shades, pages, counts, gifts, coupons, English list price ----------
def test_value_after_a_change_is_the_current_one() -> None:
    assert "AD-04" not in rules("跟上一代比，容量也从4.5升变成了5.5升", FRYER)
    assert "AD-04" in rules("容量从4.5升变成了6升", FRYER)


def test_a_shade_of_the_listed_hue_is_not_another_colour() -> None:
    assert "AD-04" not in rules("这件大衣的颜色是那种治愈系的奶咖色，看着就舒服", COAT)
    assert "AD-04" in rules("这件大衣的颜色是藏青色", COAT)


def test_last_page_is_not_stock() -> None:
    assert "PRICE-ZJ" not in rules("检测报告在详情页最后一张，报告号XZ-2026-0415", CAMERA)
    assert "PRICE-ZJ" in rules("耳机最后一台了，抓紧", EARBUDS)


def test_a_piece_counted_with_kuai_is_not_a_price() -> None:
    assert "PRICE-20" not in rules("原装电池一块，充电线一根，没有包装盒", CAMERA)
    assert "PRICE-20" in rules("这台相机今天一块钱", CAMERA)


def test_gift_described_factually_matches_the_listing() -> None:
    assert "PRICE-20" not in rules("送的品鉴杯今晚都有，过了十二点就不送了", WINE)
    assert "PRICE-20" in rules("送的茶具套装今晚都有", WINE)


def test_coupon_arithmetic_matches_the_listing() -> None:
    assert "PRICE-20" not in rules("269的炸锅，领到50的券就是219到手，领到20的就是249", FRYER)
    assert "PRICE-20" in rules("领券就是169到手", FRYER)


def test_english_list_price_is_a_reference_price() -> None:
    assert "PRICE-20" not in rules("The list price is ¥699, the current price is ¥499.", EARBUDS)
    found = rules("Was ¥899, now only ¥499!", EARBUDS)
    assert {"PRICE-16", "EU-PID-6a"} <= found


# --- 4. the medical gate: dimensions only, or a refused question ---------------------------------------------
@pytest.mark.parametrize("text", [
    "绷带是10厘米宽，拉开4.5米长，一卷一包",
    "宽7.5厘米，长4米，一盒十卷",
    "有宝子问绷带能不能治腱鞘炎，这个我回答不了，伤了疼了请去医院看医生",
])
def test_medical_gate_spares_text_without_ad_copy(text: str) -> None:
    assert "AD-16" not in rules(text, BANDAGE)


@pytest.mark.parametrize("text", ["绷带是10厘米宽，弹力特别好，运动必备", "这个绷带缠上，扭伤第二天就消肿"])
def test_medical_gate_still_fires_on_promotion(text: str) -> None:
    assert "AD-16" in rules(text, BANDAGE)


# --- 5. detection: crown and fortune words spelled in pinyin ---------------------------------------------------
@pytest.mark.parametrize(("text", "rule"), [("美白精华界的 tian 花板", "AD-09-3"), ("摆在家里辟 xie 挡煞", "AD-09-8")])
def test_pinyin_spelled_claims_are_read(text: str, rule: str) -> None:
    assert rule in rules(text, mode="text")


def test_pinyin_letters_in_ordinary_words_stay_clean() -> None:
    assert not rules("今天 tian 气不错，鞋 xie 子很好穿")
