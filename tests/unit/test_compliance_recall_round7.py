"""Round seven of the recall causes: each mechanism tested with a violation in new wording and the lawful near
neighbour that must stay clean (the sector's own law beside an absolute term, a guarantee or a cure; veterinary drugs
and collectibles as category kinds; return promises on a finance course; a collectible sold as an investment; a lead
over rivals said beside the shop's name; ranks written with spaces or a zero; drinking on camera, for a low mood and
before a drive; cures composed with a press, a correction or a fall; a device said to find a disease early)."""

from __future__ import annotations

from datetime import datetime

from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-12-13T20:30:00+08:00")
_rules = rules_at(NOW)

THERMOMETER = product("R7-TH", "电子体温计", "医疗器械", 59, stock=200,
                      attributes={"注册证号": "粤械注准20242070002", "广告审查批准文号": "粤械广审（文）第2026120002号"})
FISHOIL = product("R7-FO", "深海鱼油软胶囊", "保健食品", 168, stock=200)
DEWORMER = product("R7-VT", "猫用体外驱虫滴剂", "兽药", 79, stock=200)
BAIJIU = product("R7-BJ", "浓香型白酒 52度 500ml", "酒类", 399, stock=200)
SERUM = product("R7-SE", "舒缓修护精华", "美妆护肤", 189, stock=200)
COURSE = product("R7-KC", "基金定投理财训练营", "课程/虚拟商品", 699, stock=999)
PENDANT = product("R7-JD", "和田玉平安扣吊坠", "二手/收藏品", 3800, stock=1)
INSOLE = product("R7-IN", "足弓支撑鞋垫", "服装鞋包", 69, stock=300)
MASSAGER = product("R7-MS", "腰部热敷按摩带", "家用电器", 259, stock=80)
SPEAKER = product("R7-SP", "蓝牙音箱", "手机数码", 199, stock=100)


# --- the sector's own law beside a general finding ---------------------------------------------------------------

def test_an_absolute_term_on_restricted_goods_carries_the_sectors_law() -> None:
    assert {"AD-09-3", "AD-16"} <= _rules("体温计里这支测得最快，行业第一", THERMOMETER)
    assert {"AD-09-3", "AD-18"} <= _rules("鱼油里它的纯度最高，效果最好", FISHOIL)
    assert {"AD-09-3", "AD-46"} <= _rules("驱虫效果最强的就是这一支", DEWORMER)
    assert not {"AD-16", "AD-46"} & _rules("体温计用之前请按说明书擦拭探头", THERMOMETER)


def test_a_veterinary_drug_is_held_to_review_for_guarantees_and_cures() -> None:
    assert {"AD-17", "AD-46", "AD-04"} <= _rules("猫藓、耳螨滴一次就能治好", DEWORMER)
    assert "AD-46" in _rules("滴一次保证跳蚤全死光，绝对安全", DEWORMER)
    assert not _rules("体重4公斤以下的猫咪请按说明书减量，拿不准的问问兽医", DEWORMER)


def test_a_health_word_on_alcohol_is_the_alcohol_law_too() -> None:
    assert {"SEC-FOOD-1", "AD-23"} <= _rules("这酒喝了养胃护肝", BAIJIU)
    assert not _rules("这酒入口绵甜，适合家宴，理性饮酒", BAIJIU)


def test_a_medical_word_on_a_cosmetic_is_art_17_too() -> None:
    assert {"SEC-COS-2", "AD-17"} <= _rules("痘痘发炎了抹一抹就消炎", SERUM)
    assert not _rules("质地清爽，早晚各用一次", SERUM)


# --- return promises on a finance course --------------------------------------------------------------------------

def test_a_finance_course_promising_gains_is_a_return_promise() -> None:
    assert {"AD-25", "AD-24"} <= _rules("照着课里的方法投，本金半年就能翻倍", COURSE)
    assert "AD-25" in _rules("上期学员小李学完就赚了三万块", COURSE)
    assert "AD-25" in _rules("老师有内部消息，跟着买就行", COURSE)
    assert "AD-25" in _rules("跟着做，亏了我们来补", COURSE)
    assert "AD-25" not in _rules("基金有涨有跌，课程不保证收益，投资需谨慎", COURSE)
    assert "AD-25" not in _rules("一共30节课，讲记账、保险和定投的基础", COURSE)


# --- a collectible sold as an investment ----------------------------------------------------------------------------

def test_a_collectible_said_to_gain_value_is_an_investment_promise() -> None:
    assert {"AD-25", "AD-04"} <= _rules("和田玉这几年每年涨两成，买了就是保值", PENDANT)
    assert {"AD-25", "AD-04"} <= _rules("留着传给孩子，十年翻两番", PENDANT)
    assert "AD-25" not in _rules("玉石不是理财产品，我们不承诺升值，喜欢再入", PENDANT)
    assert "AD-25" not in _rules("证书上写着籽料，表面有一处天然棉絮", PENDANT)


def test_gains_said_of_ordinary_goods_stay_out_of_the_investment_rule() -> None:
    assert "AD-25" not in _rules("今晚下单积分翻倍", SPEAKER)


def test_luck_said_of_a_collectible_is_a_false_claim_too() -> None:
    assert {"AD-09-8", "AD-04"} <= _rules("戴上这块平安扣，招财转运", PENDANT)


# --- absolute-term evasions -------------------------------------------------------------------------------------------

def test_a_lead_over_rivals_beside_the_shops_name_is_still_absolute() -> None:
    assert "AD-09-3" in _rules("咱家这款音质遥遥领先", SPEAKER)
    assert "AD-09-3" not in _rules("咱家这款是店里卖得最好的", SPEAKER)


def test_a_rank_written_with_spaces_a_zero_or_a_crown_title() -> None:
    assert "AD-09-3" in _rules("音箱排行第 1 名", SPEAKER)
    assert "AD-09-3" in _rules("低音效果 N0.1", SPEAKER)
    assert "AD-09-3" in _rules("这台就是音箱之王", SPEAKER)
    assert "AD-09-3" not in _rules("老王就是我们的客服", SPEAKER)


# --- alcohol -------------------------------------------------------------------------------------------------------------

def test_drinking_on_camera_for_a_mood_or_before_a_drive() -> None:
    assert "AD-23" in _rules("来，我先干为敬", BAIJIU)
    assert "AD-23" in _rules("不开心了就喝两杯，喝了烦恼全跑了", BAIJIU)
    assert "AD-23" in _rules("半斤下肚照样能开车", BAIJIU)
    assert "AD-23" not in _rules("心情不好的时候别喝酒，喝酒解决不了问题", BAIJIU)
    assert "AD-23" not in _rules("喝了酒千万别开车，叫个代驾", BAIJIU)


# --- cures composed with a press, a correction or a fall; a device finding a disease early ---------------------------

def test_a_condition_then_a_use_then_a_correction_or_fall_is_a_cure() -> None:
    assert "AD-17" in _rules("有扁平足的垫上它，能矫正", INSOLE)
    assert "AD-17" in _rules("腰椎间盘突出的按上半个月，骨刺都能消", MASSAGER)
    assert "AD-17" in _rules("按完头不疼了，失眠也好了", MASSAGER)
    assert "AD-17" not in _rules("腰椎间盘突出的朋友请先问医生，按摩带只是热敷放松", MASSAGER)


def test_a_device_said_to_find_a_disease_early_is_beyond_its_approval() -> None:
    assert {"AD-16", "AD-46"} <= _rules("天天量一量，肺炎都能提前发现", THERMOMETER)
    assert not {"AD-16", "AD-46"} & _rules("体温超过38.5度请及时就医", THERMOMETER)
