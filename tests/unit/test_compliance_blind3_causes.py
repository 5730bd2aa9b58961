"""The general causes behind the blind3 set's misses and false alarms, each tested as a pair: a line the
mechanism must catch (or, for a false alarm, leave alone) and a near miss on the other side. Wordings and
products are new (not blind3's sentences), so a test fails if a fix only fitted the scored cases."""

from __future__ import annotations

from datetime import datetime

from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-11-21T20:00:00+08:00")


_rules = rules_at(NOW)
_product = product


_WINDOW = {"starts_at": "2026-11-21T18:00:00+08:00", "ends_at": "2026-11-21T23:59:59+08:00"}
LAMP = _product("T3-LA", "护眼台灯 L2", "家居", 159, attributes={"线长": "约1.5米", "灯罩": "磨砂亚克力"})
UKULELE = _product("T3-UK", "桃花心木尤克里里 23寸", "乐器", 399, attributes={"尺寸": "23寸"})
TOWELS = _product("T3-TW", "纯棉毛巾 3条装", "家居", 39,
                  promotions=[{"kind": "full_reduction", "description": "每满99减10", **_WINDOW}])
VINEGAR = _product("T3-VI", "山西老陈醋 500ml", "调味品", 19.9, stock=800)
BAIJIU = _product("T3-BJ", "浓香型白酒 52度 500ml", "白酒", 268)
THERMOMETER = _product("T3-TH", "电子体温计 T1", "医疗器械", 49,
                       attributes={"医疗器械注册证号": "粤械注准20262070999"})
GOGGLES = _product("T3-GO", "儿童护目镜", "眼镜", 89)


# --- false alarms -----------------------------------------------------------------------------------------

def test_a_position_or_a_dial_setting_said_with_zui_is_not_a_superlative() -> None:
    assert "AD-09-3" not in _rules("卡扣要压进最里面那一格才算装好")
    assert "AD-09-3" not in _rules("刚开始用可以先调到最低档适应一下")
    assert "AD-09-3" in _rules("这是全网最亮的台灯")  # the goods said best


def test_advice_on_when_to_do_something_is_not_a_superlative_but_best_looking_is() -> None:
    assert "AD-09-3" not in _rules("出汗多的话下午最好补涂一次")
    assert "AD-09-3" in _rules("这个配色是整个圈子里最好看的")


def test_the_mandated_breast_milk_statement_either_way_round_is_clean() -> None:
    assert _rules("婴儿最好的食物是母乳，母乳不足时可选用本品", mode="text") == set()
    assert "AD-09-3" in _rules("这是市面上最好的奶粉", mode="text")


def test_sold_out_of_an_earlier_batch_is_history_but_sold_out_now_is_checked() -> None:
    assert "PRICE-ZJ" not in _rules("上一批三天就卖完了，这批刚到货", VINEGAR)
    assert "PRICE-ZJ" in _rules("这款已经卖完了，大家别拍了", VINEGAR)


def test_a_test_figure_with_its_report_number_is_evidenced_but_without_it_is_not() -> None:
    assert "AD-11" not in _rules("抗菌率99%（检测报告编号 WT-2026-0088）", GOGGLES)
    assert "AD-11" in _rules("检测报告显示抗菌率99%", GOGGLES)


def test_the_next_attribute_name_claims_the_value_not_the_first() -> None:
    assert "AD-04" not in _rules("灯罩线长大概1.5米，够放床头", LAMP)
    assert "AD-04" in _rules("线长足足3米", LAMP)


def test_a_size_suggested_as_an_alternative_is_not_the_goods_own_size() -> None:
    assert "AD-04" not in _rules("个子小的话也可以考虑21寸的，我们这把是23寸", UKULELE)
    assert "AD-04" in _rules("这把是26寸的", UKULELE)


def test_a_voltage_part_is_not_a_blood_pressure_claim() -> None:
    assert _rules("接硬线要另配降压模块", mode="text") == set()
    assert "AD-17" in _rules("这个茶喝了能降压", mode="text")


# --- ids compliance.md names together ---------------------------------------------------------------------

def test_an_absolute_term_spoken_live_is_also_host_26_but_not_in_copy() -> None:
    assert {"AD-09-3", "HOST-26"} <= _rules("这款灯是同价位里最护眼的", mode="live")
    assert "HOST-26" not in _rules("这款灯是同价位里最护眼的", mode="text")


def test_denying_being_ai_carries_every_labelling_law() -> None:
    assert {"ANTH-1", "LSE-37", "DS-17", "EU-AI-50.1", "US-CA-BOT"} <= _rules("我是真人主播哦，不是机器人")
    assert "LSE-37" not in _rules("我是AI主播，有问题可以问我")


def test_a_named_rival_run_down_is_ad_13_and_lse_36() -> None:
    assert {"AD-13", "LSE-36"} <= _rules("格力那台空调就是个摆设，根本没用")
    assert "AD-13" not in _rules("格力和我们家的都是一级能效")


def test_a_reported_customer_result_is_also_an_unverifiable_review() -> None:
    assert {"LSE-34", "ECL-17"} <= _rules("有个老客户跟我说，她用了一个月黑眼圈淡了")
    assert "ECL-17" not in _rules("有个老客户问黑色还有没有")


def test_a_live_room_figure_is_lsm_18_and_lse_34() -> None:
    assert {"LSM-18", "LSE-34"} <= _rules("直播间现在八万人在抢", stats={"online": 500})
    assert "LSM-18" not in _rules("欢迎刚进直播间的朋友")


def test_a_reference_price_is_also_lse_32() -> None:
    assert {"PRICE-16", "LSE-32"} <= _rules("原价299，今天只要39", TOWELS)
    assert "LSE-32" not in _rules("今天39元一套", TOWELS)


# --- misses by mechanism ----------------------------------------------------------------------------------

def test_first_person_use_is_composed_from_speaker_habit_verb_and_item() -> None:
    for line in ("我自己背这只包三年了，一点没变形", "我平时直播都涂的这一支口红", "主播自己也戴着呢，很轻",
                 "我家炒菜只用这口锅", "我最早入门的就是这个牌子，弹了六年"):
        assert {"AD-38", "AD-04", "US-FTC-255", "LSE-34"} <= _rules(line), line
    assert "AD-38" not in _rules("我来给大家戴上这副看看效果")
    assert "AD-38" not in _rules("我们家这款是今年的新品")


def test_an_ai_denying_or_posing_as_staff_is_caught_but_a_disclosure_is_not() -> None:
    assert "ANTH-1" in _rules("怎么可能是机器人呢，真人客服在线为您解答")
    assert "ANTH-1" in _rules("有朋友问我是不是虚拟人，不是哦，我是这家店的老板")
    assert "ANTH-1" not in _rules("有朋友问我是不是虚拟人，是的，我是AI主播")


def test_viewer_personal_data_in_a_comment_reuses_the_live_pii_detector() -> None:
    assert {"PII-MOB", "PI-25"} <= _rules("客服回个电话 13700001234", mode="comment")
    assert {"PII-ID18", "PI-25"} <= _rules("开票用 110105199001011232", mode="comment")
    assert "PII-WX" in _rules("想要的加vx: shop_abc123", mode="comment")
    assert _rules("订单号2024061812345678还没发货", mode="comment") == set()
    assert _rules("1388太贵了，138行不行", mode="comment") == set()


def test_a_group_belittled_is_discrimination_but_advice_for_a_group_is_not() -> None:
    assert "AD-09-9" in _rules("男人懂什么护肤，让老婆来挑")
    assert "AD-09-9" in _rules("这琴女孩子手指短学不会的")
    assert "AD-09-9" in _rules("摆脱乡下肤色，一抹就白")
    assert "AD-09-9" not in _rules("女生手小的话，可以选小一号的琴")


def test_urging_to_drink_is_caught_on_alcohol_but_not_a_tasting_note() -> None:
    assert "AD-23" in _rules("不干就是不给面子，大家满上满上", BAIJIU)
    assert "AD-23" in _rules("男人就得喝这个，越喝越精神", BAIJIU)
    assert "AD-23" not in _rules("入口绵柔，回味有粮香，理性饮酒", BAIJIU)


def test_guarantees_of_years_of_use_survival_and_only_rising_measures() -> None:
    assert "AD-04" in _rules("这个箱子用二十年都不会裂")
    assert "AD-04" in _rules("多肉包你养活，成活率百分百")
    assert {"AD-04", "AD-08"} <= _rules("绝对不会鼓包")
    assert "AD-04" not in _rules("用了二十年的老手艺，做工扎实")


def test_cures_by_ordinary_goods_and_medicine_replaced_on_a_device() -> None:
    assert "AD-17" in _rules("这款枕头帮好多人治好了多年的失眠")
    assert "AD-17" in _rules("用了这台加湿器，孩子基本就没再犯病")
    assert "AD-17" in _rules("这个钙片吃了就不抽筋，比吃药强")
    assert {"AD-04", "AD-16"} <= _rules("量了一个月，降压药都可以停了", THERMOMETER)
    assert "AD-17" not in _rules("孩子犯困的话可以午睡一下")


def test_hiding_bad_reviews_is_lsm_21_but_removing_spam_is_not() -> None:
    assert "LSM-21" in _rules("说质量差的那几条都隐藏，把好评顶上去", mode="text")
    assert "LSM-21" not in _rules("带广告和骂人的评论删掉", mode="text")


def test_children_told_to_get_a_parent_to_pay_is_ad_40_and_anth_6_live() -> None:
    assert {"AD-40", "ANTH-6"} <= _rules("小朋友们，叫爸爸妈妈马上用手机帮你下单")
    assert {"AD-40", "ANTH-6"} <= _rules("上初中的同学也能用，跟你爸说给你付款")
    assert "AD-40" not in _rules("未成年人购买请由家长决定")


def test_a_clock_deadline_and_a_release_count_are_checked_against_the_facts() -> None:
    assert "PRICE-ZJ" in _rules("满减今晚22:00截止，抓紧", TOWELS)
    assert "PRICE-ZJ" not in _rules("满减今晚23:59截止", TOWELS)
    assert "PRICE-ZJ" in _rules("今天只上50单，卖完就没了", VINEGAR)
    assert "PRICE-ZJ" not in _rules("今天只上800单", VINEGAR)
