"""The general causes behind the blind13 set's misses and false alarms, each tested as a pair: a line the
mechanism must catch (or, for a false alarm, leave alone) and a near miss on the other side. Wordings and
products are new (not blind13's sentences), so a test fails if a fix only fitted the scored cases."""

from __future__ import annotations

from datetime import datetime

from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-12-05T20:30:00+08:00")
_rules = rules_at(NOW)

_WINDOW = {"starts_at": "2026-12-05T20:00:00+08:00", "ends_at": "2026-12-05T22:00:00+08:00"}
KETTLEBELL = product("B13-KB", "可调壶铃 4-20kg", "运动器材", 599, stock=300,
                     attributes={"调节范围": "4-20kg，9档"},
                                promotions=[{"kind": "discount", "description": "直播间立减60元，到手539元", **_WINDOW}],
                                evidence=[{"claim": "2024年iF设计奖", "source": "iF官网获奖名录"}])
SERUM = product("B13-SE", "修护精华 30ml", "化妆品", 199, stock=500,
                evidence=[{"claim": "保湿功效测试 8小时", "source": "第三方检测报告 编号HY-2025-0101"}])
BLEACH = product("B13-BL", "84消毒液 1L", "家居清洁", 19.9, stock=900,
                 evidence=[{"claim": "对金黄色葡萄球菌杀灭率99.99%", "source": "某市疾控检测报告"}])
DUVET = product("B13-DU", "羊毛被 200×230cm", "家纺", 899, stock=6, list_price=1299,
                attributes={"尺寸": "200×230cm"})
NOODLES = product("B13-NO", "荞麦面 1kg", "普通食品", 29.9, list_price=39.9, stock=3000,
                  promotions=[{"kind": "discount", "description": "第二件半价",
                               "starts_at": "2026-12-05T18:00:00+08:00", "ends_at": "2026-12-05T20:00:00+08:00"}])
WORKBOOK = product("B13-WB", "中考物理真题汇编", "图书/教辅", 39.8, list_price=56, stock=800,
                   attributes={"定价": "56.00元"})
KRILL = product("B13-KR", "磷虾油软胶囊", "保健食品", 299, stock=800,
                attributes={"批准文号": "国食健注G20200001", "保健功能": "有助于维持血脂健康水平",
                            "广告审查批准文号": "京食健广审(文)第2025010001号"})
OXIMETER = product("B13-OX", "指夹血氧仪", "医疗器械", 159, stock=800,
                   attributes={"注册证号": "苏械注准20232070001", "广告审查批准文号": "苏械广审(文)第2025010002号"})


# --- false alarms -----------------------------------------------------------------------------------------

def test_the_ends_of_the_goods_own_range_said_with_figures_are_specifications() -> None:
    assert "AD-09-3" not in _rules("壶铃最重能加到20公斤，最轻是4公斤", KETTLEBELL)
    assert "AD-09-3" not in _rules("一只最重20公斤，新手先从轻的练", KETTLEBELL)
    assert "AD-09-3" in _rules("这是最轻薄的一款，只有1.2kg")  # the goods said best, a figure beside it


def test_usage_advice_and_best_before_timing_are_not_superlatives() -> None:
    assert "AD-09-3" not in _rules("刚开始吃的宝宝最好从半勺开始加")
    assert "AD-09-3" not in _rules("面包到手后前两天口感最好，吃不完就冷冻")
    assert "AD-09-3" in _rules("这面包口感是全网最好的")


def test_a_test_qualifier_stated_by_the_evidence_source_is_evidenced() -> None:
    assert not {"AD-11", "AD-04"} & _rules("修护精华｜保湿8小时（第三方检测）", SERUM, mode="text")
    assert "AD-11" in _rules("修护精华｜祛痘率99%（第三方检测）", SERUM, mode="text")  # nothing states it


def test_a_measured_rate_is_read_whole_and_matched_to_its_record() -> None:
    assert "AD-11" not in _rules("杀菌率99.99%是对金黄色葡萄球菌的实验室数据，实际要看浓度", BLEACH)
    assert "AD-11" in _rules("杀菌率100%，一喷就干净", BLEACH)


def test_third_party_is_not_a_rank_and_a_source_alone_never_matches() -> None:
    assert "AD-11" not in _rules("2024年iF设计奖｜9档调节", KETTLEBELL, mode="text")
    assert "AD-11" in _rules("2023年红点设计奖｜9档调节", KETTLEBELL, mode="text")


def test_a_title_separator_bounds_a_registration_number() -> None:
    infant = product("B13-IF", "幼儿配方奶粉", "母婴", 228, attributes={"产品配方注册号": "国食注字YP20190002"})
    assert "AD-04" not in _rules("幼儿奶粉｜产品配方注册号：国食注字YP20190002｜800g", infant, mode="text")
    assert "AD-04" in _rules("幼儿奶粉｜产品配方注册号：国食注字YP20190009", infant, mode="text")


def test_a_sellout_as_the_consequence_of_the_stated_stock_is_true() -> None:
    assert "PRICE-ZJ" not in _rules("这款羊毛被库存就6床，拍完这6床就没货了", DUVET)
    assert "PRICE-ZJ" not in _rules("羊毛被一共6床，限量是因为工厂只做了这些", DUVET)
    assert "PRICE-ZJ" in _rules("这款羊毛被只剩最后两床了", DUVET)  # 6 in stock, not 2
    assert "PRICE-ZJ" in _rules("荞麦面一共3000袋，拍完就没货了", NOODLES) or \
        "PRICE-ZJ" in _rules("荞麦面马上断货了，快没了", NOODLES)


def test_the_last_product_of_the_show_is_running_order() -> None:
    assert "PRICE-ZJ" not in _rules("这是今晚最后一个品了，讲完就下播")
    assert "PRICE-ZJ" in _rules("最后一个了，拍完就没了")


def test_a_promotion_said_to_be_over_when_it_is_over_is_true() -> None:
    said = _rules("第二件半价的活动八点就结束了哈，现在按29.9一袋", NOODLES)
    assert not {"PRICE-19", "PRICE-20", "PRICE-ZJ"} & said
    assert "PRICE-20" in _rules("第二件半价，赶紧拍", NOODLES)  # offered though it is over


def test_a_chinese_comma_between_figures_is_not_a_thousands_separator() -> None:
    assert not {"PRICE-19", "PRICE-20"} & _rules("今晚立减60，599减60，到手539", KETTLEBELL)
    assert "PRICE-20" in _rules("今晚立减80，到手519", KETTLEBELL)


def test_a_printed_book_price_is_a_reference_price() -> None:
    assert "PRICE-20" not in _rules("中考物理真题汇编｜定价56元", WORKBOOK, mode="text")
    assert "PRICE-16" in _rules("中考物理真题汇编｜定价88元", WORKBOOK, mode="text")


def test_the_size_of_the_bed_the_goods_fit_is_not_their_size() -> None:
    assert "AD-04" not in _rules("羊毛被200乘230，1.5米和1.8米的床都能盖", DUVET)
    assert "AD-04" in _rules("羊毛被尺寸是1.8米乘2米", DUVET)


def test_disbelief_and_inability_are_negations() -> None:
    assert "AD-17" not in _rules("荞麦面只是主食，别指望它降血压", NOODLES)
    assert "AD-17" in _rules("荞麦面天天吃能降血压", NOODLES)
    assert "AD-04" not in _rules("能瘦多少我保证不了，看你自己坚持", KETTLEBELL)
    assert "AD-04" in _rules("保证你一个月瘦十斤", KETTLEBELL)


# --- misses -----------------------------------------------------------------------------------------------

def test_disease_claims_on_reviewed_health_food_and_devices_exceed_the_approval() -> None:
    assert "AD-46" in _rules("磷虾油吃两个月，高血脂就降下来了，药都能停", KRILL)
    assert "AD-46" in _rules("磷虾油有效率98%，吃了就见效", KRILL)
    assert "AD-46" not in _rules("磷虾油的保健功能是有助于维持血脂健康水平，本品不能代替药物", KRILL)


def test_public_bodies_named_as_endorsers() -> None:
    assert "AD-09-2" in _rules("这款灭火毯是消防队推荐的")
    assert "AD-09-2" in _rules("交管部门都在用的反光背心")
    assert {"AD-09-2", "AD-16"} <= _rules("血氧仪是卫健委指定的", OXIMETER)
    assert {"AD-09-2", "AD-24"} <= _rules("这本练习册是教委推荐的", WORKBOOK)
    assert "AD-09-2" not in _rules("杀菌率数据来自市疾控的检测报告", BLEACH)
    assert "AD-09-2" not in _rules("认准官方旗舰店，官方渠道购买")


def test_education_results_told_as_certain() -> None:
    assert "AD-24" in _rules("上届做过这套题的学生全上岸了", WORKBOOK)
    assert "AD-24" in _rules("及格率百分百", WORKBOOK)
    assert "AD-24" not in _rules("这套题适合初三复习用", WORKBOOK)


def test_discrimination_by_skill_or_habit_and_turning_groups_away() -> None:
    assert "AD-09-9" in _rules("外地人开车技术都差，所以要装倒车影像")
    assert "AD-09-9" in _rules("外地人卫生习惯差，多备点消毒液")
    assert "AD-09-9" in _rules("信佛的就别来我这儿买了")
    assert "AD-09-9" not in _rules("新手司机倒车不熟练，装个倒车影像更安心")


def test_host_claims_personal_use_at_home_or_by_habit() -> None:
    assert "AD-38" in _rules("我家里铺的就是这款羊毛被", DUVET)
    assert "AD-38" in _rules("我亲自测过，吸力真的大")
    assert "AD-38" in _rules("这壶铃我天天练", KETTLEBELL)
    assert "AD-38" not in _rules("建议大家每天练二十分钟", KETTLEBELL)
    assert "AD-38" not in _rules("我家狗子也很喜欢这个颜色")


def test_an_ai_implying_it_is_human() -> None:
    assert "ANTH-1" in _rules("我可是有血有肉的，不信你问")
    assert "ANTH-1" in _rules("咱们这种真人主播说话实在")
    assert "ANTH-1" in _rules("您好，我是售后小王，不是机器人", mode="text")
    assert "ANTH-1" in _rules("不好意思我喉咙有点疼，昨晚熬了个夜")
    assert "ANTH-1" not in _rules("我是AI主播，不是真人哦")
    assert "ANTH-1" not in _rules("这台扫地机不是普通机器人，它有激光导航")
