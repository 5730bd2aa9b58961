"""The general causes behind the blind2 set's misses and false alarms, each tested as a pair: a line the
mechanism must catch (or, for a false alarm, leave alone) and a near miss on the other side. Wordings and
products are new (not blind2's sentences), so a test fails if a fix only fitted the scored cases."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-11-21T21:00:00+08:00")


_rules = rules_at(NOW)
_product = product


_WINDOW = {"starts_at": "2026-11-21T00:00:00+08:00", "ends_at": "2026-11-22T23:59:59+08:00"}
TONER = _product("T2-TO", "玻尿酸爽肤水 200ml", "美妆护肤", 89, list_price=119,
                 promotions=[{"kind": "gift", "description": "下单送同款30ml旅行装1瓶，赠完即止", **_WINDOW}])
NUTS = _product("T2-NU", "每日坚果 750g", "食品", 218,
                promotions=[{"kind": "threshold", "description": "满200减20", **_WINDOW}])
SPEAKER = _product("T2-SP", "蓝牙音箱 S3", "数码", 199)
SCENTED_TEA = _product("T2-HT", "玫瑰花草茶 100g", "茶饮", 58)
GLUCOMETER = _product("T2-GM", "家用血糖仪 G5", "医疗器械", 169, attributes={"医疗器械注册证号": "苏械注准20262070456"})
FISH_OIL = _product("T2-FO", "深海鱼油软胶囊（保健食品）", "保健食品", 128)
MATTRESS = _product("T2-MA", "天然乳胶床垫", "家居", 1999, attributes={"乳胶含量": "90%"})
HUMIDIFIER = _product("T2-HU", "无雾加湿器 H2", "家电", 399, attributes={"加湿量": "300ml/h"})
PENDANT = _product("T2-PE", "翡翠平安扣吊坠", "珠宝", 1880, stock=4)
SKIRT = _product("T2-SK", "羊毛半身裙", "服装", 299)
RICE_WINE = _product("T2-RW", "桂花米酒 500ml", "酒类", 39)


# --- false positives ------------------------------------------------------------------------------------
def test_the_shows_last_item_is_running_order_but_the_last_order_is_scarcity() -> None:
    assert "PRICE-ZJ" not in _rules("今天最后一款了，介绍完我们就收工")
    assert "PRICE-ZJ" in _rules("今天最后一单了，拍到就是赚到")


def test_a_usage_setting_said_best_is_a_tip_but_the_goods_said_best_are_not() -> None:
    assert "AD-09-3" not in _rules("冲这款奶粉，水温四十度最合适", mode="text")
    assert "AD-09-3" in _rules("这款奶粉是最合适宝宝的", mode="text")


def test_a_medical_word_in_a_doctor_referral_clause_is_excused_but_a_claim_beside_it_is_not() -> None:
    assert "AD-17" not in _rules("狗狗皮肤病要按兽医的建议用处方药膏")
    assert "AD-17" in _rules("这款狗粮能治皮肤病，有问题再看兽医")


def test_a_named_ingredient_not_added_is_checkable_but_a_bare_nothing_added_is_not() -> None:
    assert "SEC-FOOD-3" not in _rules("这款酸奶零添加白砂糖，配料表一目了然", mode="text")
    assert "SEC-FOOD-3" in _rules("这款果汁零添加，放心喝", mode="text")


def test_a_price_computed_from_a_live_threshold_promotion_is_supported() -> None:
    assert "PRICE-20" not in _rules("满200减20，这罐218，券后到手198", NUTS)
    assert "PRICE-20" in _rules("满200减20，这罐218，券后到手168", NUTS)


def test_a_gift_named_with_another_unit_spelling_matches_the_listed_gift() -> None:
    assert "PRICE-20" not in _rules("原价119，今天89，再送一瓶30毫升旅行装", TONER)
    assert "PRICE-20" in _rules("原价119，今天89，再送一瓶100毫升正装", TONER)


def test_a_numeral_inside_a_word_after_price_is_not_a_price() -> None:
    assert "PRICE-20" not in _rules("199元，和店铺首页价格一致", SPEAKER)
    assert "PRICE-20" in _rules("直播间价格一百五十九", SPEAKER)


def test_an_a_not_a_question_inside_the_claim_is_a_question() -> None:
    assert "AD-04" not in _rules("哺乳期能不能用我说了不算，请先问医生")
    assert "AD-04" in _rules("哺乳期也能放心用")


def test_the_mandated_statement_alone_is_not_an_ad_but_selling_beside_it_is() -> None:
    assert "AD-46" not in _rules("本品不能代替药物。", FISH_OIL, mode="text")
    assert "AD-46" in _rules("本品不能代替药物。每天两粒，护心又护脑", FISH_OIL, mode="text")


# --- rule-id conventions: both laws reported --------------------------------------------------------------
def test_reading_a_viewers_number_on_air_is_both_ad_law_and_pipl() -> None:
    assert {"AD-09-6", "PI-25"} <= _rules("恭喜尾号不说了，手机13612345678的李先生中奖了")
    assert not {"AD-09-6", "PI-25"} & _rules("恭喜手机尾号5678的李先生中奖了")


def test_an_unbacked_sales_figure_is_both_false_advertising_and_a_false_sales_claim() -> None:
    assert {"LSE-34", "AD-04"} <= _rules("这款音箱已经卖出二十万台", SPEAKER)
    assert not {"LSE-34", "AD-04"} & _rules("这款音箱有两种颜色", SPEAKER)


def test_a_celebritys_use_is_both_impersonation_and_a_false_claim() -> None:
    assert {"PR-LSE34", "LSE-34"} <= _rules("世界冠军都在用我们这款音箱")
    assert not {"PR-LSE34", "LSE-34"} & _rules("世界杯期间音箱也照常发货")


def test_a_health_claim_on_a_tea_category_is_food_law_and_ad_law() -> None:
    assert {"SEC-FOOD-1", "AD-17"} <= _rules("这个花草茶能降血糖", SCENTED_TEA)
    assert not {"SEC-FOOD-1", "AD-17"} & _rules("这个花草茶冲泡三分钟就好", SCENTED_TEA)


def test_a_gift_described_only_by_its_value_lacks_name_and_quantity() -> None:
    assert "AD-08" in _rules("拍下就送价值199元的超值礼包")
    assert "AD-08" not in _rules("拍下就送30ml旅行装1瓶")


def test_a_device_with_a_doctor_endorsement_or_a_medical_comparison_breaks_art_16() -> None:
    assert "AD-16" in _rules("专家都推荐这款血糖仪", GLUCOMETER)
    assert "AD-16" in _rules("这台血糖仪比诊所的还准", GLUCOMETER)
    assert "AD-16" not in _rules("这台血糖仪采血量很少", GLUCOMETER)


def test_nothing_added_on_goods_that_are_not_food_is_a_misleading_claim_not_a_food_label() -> None:
    found = _rules("床垫胶水零添加", MATTRESS, mode="text")
    assert "AD-04" in found and "SEC-FOOD-3" not in found
    assert "AD-04" not in _rules("床垫外套可拆洗", MATTRESS, mode="text")


def test_an_english_stock_line_is_also_a_stock_claim_under_the_zhejiang_guideline() -> None:
    assert {"EU-UCP-A7", "PRICE-ZJ"} <= _rules("Only 3 pieces left, be quick!")
    assert not {"EU-UCP-A7", "PRICE-ZJ"} & _rules("We have plenty left in stock.")


# --- misses by mechanism --------------------------------------------------------------------------------
def test_a_reported_customer_result_is_a_testimonial_but_a_reported_wish_is_not() -> None:
    assert "LSE-34" in _rules("有位回头客换了这款洗发水两周，头皮屑都没了")
    assert "LSE-34" in _rules("好多姐妹留言说，涂完第二天痘印都淡了")
    assert "LSE-34" not in _rules("好多姐妹留言说想要大瓶装")
    assert "LSE-34" not in _rules("姐妹们用完记得拧紧盖子，不然会漏")


def test_commissioning_reviews_is_fake_reviews_but_inviting_honest_ones_is_not() -> None:
    assert "ECL-17" in _rules("给我编十条晒单评价，口吻装成普通顾客", mode="text")
    assert "ECL-17" not in _rules("收到货欢迎大家写评价，好坏都可以说", mode="text")


@pytest.mark.parametrize("text", ["戴上这个护膝爬山永不受伤", "喷一下细菌彻底杀灭", "This cream is guaranteed to clear your skin or your money back",
                                  "用了以后绝对不会出任何故障"])
def test_guarantees_said_without_bao_zheng(text: str) -> None:
    assert "AD-04" in _rules(text)


@pytest.mark.parametrize("text", ["我们保证发货及时", "guaranteed delivery within 48 hours or your money back",
                                  "滤网要定期更换，才能持续除菌"])
def test_service_promises_and_care_tips_are_not_guarantees(text: str) -> None:
    assert "AD-04" not in _rules(text)


def test_live_metrics_need_the_platforms_figures() -> None:
    assert "LSM-18" in _rules("关注数马上破十万了")
    assert "LSM-18" in _rules("刚才又有300个姐妹下单了")
    assert "LSM-18" in _rules("观看人数5w+，快来")
    assert "LSM-18" not in _rules("观看人数5w+，快来", stats={"online": 60_000})
    assert "LSM-18" not in _rules("喜欢主播的点个关注")


def test_comparing_with_other_sellers_prices_is_price_fraud_unless_said_of_ourselves() -> None:
    assert "PRICE-19" in _rules("比超市便宜二十块，别处都买不到这个价")
    assert "PRICE-19" in _rules("这个价钱以后再也不会有了")
    assert "PRICE-19" not in _rules("比上一场便宜是因为今天有券", mode="text")
    assert "PRICE-19" not in _rules("这个价钱以后还会有活动")


def test_a_one_of_a_kind_claim_is_a_stock_count_of_one() -> None:
    assert "PRICE-ZJ" in _rules("这块料子全网仅此一件", PENDANT)
    assert "PRICE-ZJ" not in _rules("这块料子全网仅此一件", PENDANT.model_copy(update={"stock": 1}))


def test_a_disease_said_cured_by_ordinary_goods() -> None:
    assert "AD-17" in _rules("这床垫睡三个月，腰间盘突出都给你睡好了", MATTRESS)
    assert "AD-17" not in _rules("这床垫睡三个月，腰都睡舒服了", MATTRESS)


def test_pinyin_spelled_function_claims_are_read_as_characters() -> None:
    assert "SEC-FOOD-1" in _rules("每天一杯，帮你zeng强mian疫力", SCENTED_TEA)
    assert "SEC-FOOD-1" not in _rules("每天一杯，口感清甜", SCENTED_TEA)


def test_claiming_to_be_a_real_person_in_a_third_person_self_name() -> None:
    assert "ANTH-1" in _rules("哥哥是真人在直播，随时给你们试")
    assert "ANTH-1" not in _rules("哥哥是AI主播，不是真人在播哦")


def test_not_buying_said_as_not_caring_is_manipulation() -> None:
    assert "ANTH-4" in _rules("不下单的话，就是不在乎我了")
    assert "ANTH-4" not in _rules("不下单也没关系，喜欢再来")


def test_minors_paying_without_a_guardian() -> None:
    assert "ANTH-6" in _rules("还没成年也没事，不需要家长同意就能付")
    assert "ANTH-6" in _rules("未成年的朋友也可以下单")
    assert "ANTH-6" not in _rules("未成年人请在家长同意后再下单")


def test_drinking_before_driving_played_down_on_alcohol() -> None:
    assert "AD-23" in _rules("出车之前喝两口也没事，度数低", RICE_WINE)
    assert "AD-23" not in _rules("喝了酒千万别开车", RICE_WINE)
    assert "AD-23" not in _rules("开车的朋友可以带回家再喝", RICE_WINE)


def test_a_group_turned_away_or_typed_by_a_wink_is_discrimination() -> None:
    assert "AD-09-9" in _rules("乡下人就别来凑热闹了")
    assert "AD-09-9" in _rules("老年人就适合买这种大按键的，你懂的")
    assert "AD-09-9" not in _rules("老年人用大按键的更方便")


def test_telling_viewers_off_another_sellers_goods_is_disparagement() -> None:
    assert "AD-13" in _rules("别买Y家的面霜了，全是智商税")
    assert "AD-13" not in _rules("别买太大的，垃圾桶放不下")


def test_an_attribute_figure_without_its_unit_is_checked_against_the_listed_figure() -> None:
    assert "AD-04" in _rules("加湿量高达500，卧室客厅都够", HUMIDIFIER, mode="text")
    assert "AD-04" not in _rules("加湿量300，卧室够用", HUMIDIFIER, mode="text")


def test_a_collectors_grade_is_an_unprovable_value_claim() -> None:
    assert "AD-04" in _rules("这只平安扣是收藏级的种水", PENDANT, mode="text")
    assert "AD-04" not in _rules("这只平安扣附国检证书", PENDANT, mode="text")


def test_nothing_added_said_of_clothing_is_the_general_rule() -> None:
    found = _rules("纯羊毛，无添加", SKIRT, mode="text")
    assert "AD-04" in found and "SEC-FOOD-3" not in found
    assert not {"AD-04", "SEC-FOOD-3"} & _rules("纯羊毛，可机洗", SKIRT, mode="text")
