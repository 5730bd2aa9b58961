"""Round five of the recall causes: each mechanism tested with a violation in new wording and the lawful near
neighbour that must stay clean (cures composed from a condition, a use and a recovery; devices said to diagnose or
prevent; additives said absent to the last trace; produce and pet-food label words; students' scores reported on a
course; sales counts on air; group dismissals; diversion to a service account; a kin role used to sell; a drink
inside a drive)."""

from __future__ import annotations

from datetime import datetime

from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-12-06T20:30:00+08:00")
_rules = rules_at(NOW)

MAT = product("R5-MAT", "加厚瑜伽垫", "运动器材", 89, stock=300)
LITTER = product("R5-LT", "豆腐猫砂 6L", "宠物用品", 29, stock=500)
PEARS = product("R5-PR", "砀山酥梨 5斤", "农产品", 39, stock=400)
OXIMETER = product("R5-OX", "指夹式血氧仪", "医疗器械", 199, stock=100,
                   attributes={"注册证号": "粤械注准20232070001", "广告审查批准文号": "粤械广审（文）第2026010001号"})
NOODLES = product("R5-NO", "酸辣粉 6桶", "方便速食", 39, stock=900)
CATFOOD = product("R5-CF", "鸡肉冻干猫粮 2kg", "宠物用品", 129, stock=300)
COURSE = product("R5-KC", "考研英语网课", "课程/虚拟商品", 980, stock=999)
RICEWINE = product("R5-RW", "绍兴花雕黄酒 500ml", "酒类", 68, stock=300)
BIKE = product("R5-BK", "儿童平衡车", "儿童用品", 299, stock=60)


# --- a cure composed: condition × use × recovery ----------------------------------------------------------------

def test_a_condition_then_a_use_then_a_recovery_is_a_cure_claim() -> None:
    assert "AD-17" in _rules("颈椎病的跟着垫子练，坚持下来就能康复", MAT)
    assert "AD-17" in _rules("狗狗长了癣的，换上这个砂三天就好了", LITTER)
    assert "AD-17" not in _rules("颈椎不舒服的朋友练之前先问问医生", MAT)
    assert "AD-17" not in _rules("换上这个砂三天就好打扫了", LITTER)


def test_a_cure_on_food_across_a_clause_carries_the_food_law_too() -> None:
    found = _rules("嗓子发炎的话把梨煮水喝，三天就好", PEARS)
    assert {"AD-17", "SEC-FOOD-1"} <= found
    assert not {"AD-17", "SEC-FOOD-1"} & _rules("梨可以煮水喝，三天就吃完了", PEARS)


def test_memory_raised_verb_first_is_a_body_function_treated() -> None:
    assert "AD-17" in _rules("每天一把，提高孩子记忆力", product("R5-NT", "每日坚果", "零食饮料", 59, stock=100))
    assert "AD-17" not in _rules("每天一把，记得放冰箱", product("R5-NT", "每日坚果", "零食饮料", 59, stock=100))


# --- a device said to diagnose or prevent --------------------------------------------------------------------------

def test_a_device_said_to_diagnose_or_prevent_is_beyond_its_approval() -> None:
    assert {"AD-16", "AD-46"} <= _rules("夹一下就能知道是不是肺炎", OXIMETER)
    assert {"AD-16", "AD-46"} <= _rules("每天测一测，能预防心梗", OXIMETER)
    assert {"AD-16", "AD-46"} <= _rules("这款测得百分之百准确", OXIMETER)
    assert not {"AD-16", "AD-46"} & _rules("夹一下就能知道血氧饱和度是多少", OXIMETER)
    assert not {"AD-16", "AD-46"} & _rules("数值偏低请及时去医院", OXIMETER)


# --- additives and label words -------------------------------------------------------------------------------------

def test_an_additive_said_absent_to_the_last_trace_is_unverifiable() -> None:
    found = _rules("纯天然，一点防腐剂都没加", NOODLES)
    assert {"AD-04", "SEC-FOOD-3"} <= found
    assert "AD-04" not in _rules("配料表里写着不添加防腐剂，大家可以看看", NOODLES)


def test_produce_and_pet_food_label_words_need_a_certificate() -> None:
    assert "SEC-FOOD-3" in _rules("咱家的梨零农残，放心吃", PEARS)
    assert "SEC-FOOD-3" in _rules("有机猫粮，零添加", CATFOOD, mode="text")
    assert "SEC-FOOD-3" not in _rules("梨是砀山的，个头大水分足", PEARS)
    assert "SEC-FOOD-3" not in _rules("猫粮是鸡肉冻干的，2kg一袋", CATFOOD, mode="text")


# --- reported results and sales counts -----------------------------------------------------------------------------

def test_a_students_score_reported_on_a_course_is_a_beneficiary_endorsement() -> None:
    assert {"LSE-34", "AD-24"} <= _rules("好几个学员上个月考了七十多分，都说是这门课的功劳", COURSE)
    assert not {"LSE-34", "AD-24"} & _rules("课程一共六十课时，每周有一次答疑", COURSE)


def test_a_result_reported_from_many_people() -> None:
    assert {"LSE-34", "AD-04"} <= _rules("后台好多人说吃了一周腰都不累了", NOODLES)
    assert "LSE-34" not in _rules("好多人说想要更辣的口味，我们记下了", NOODLES)


def test_a_sales_count_on_air_is_fabricated_transaction_data() -> None:
    assert "LSM-18(4)" in _rules("这款今晚已经卖出去两万单了", NOODLES)
    assert "LSM-18(4)" not in _rules("这款今晚还有库存，慢慢挑", NOODLES)


# --- discrimination ------------------------------------------------------------------------------------------------

def test_a_group_turned_away_and_told_it_would_be_no_use() -> None:
    assert "AD-09-9" in _rules("乡下来的就别买这么好的了，用了也白搭")
    assert "AD-09-9" in _rules("女生学什么编程，找个好老公比什么都强")
    assert "AD-09-9" not in _rules("女生就别买XL了，选M正合适")
    assert "AD-09-9" not in _rules("女生学什么乐器比较好，钢琴就不错")


# --- diversion, kin role, a drink inside a drive, a fall promised away ----------------------------------------------

def test_a_service_account_and_a_private_price_are_diversion() -> None:
    assert {"DATA-4", "PLAT-DY-4"} <= _rules("想要优惠的加一下咱们店长微信")
    assert {"DATA-4", "PLAT-DY-4"} <= _rules("私下找我给你便宜五十")
    assert "DATA-4" not in _rules("有问题点商品页的客服按钮就行")


def test_a_kin_role_used_to_sell_is_an_emotional_trap() -> None:
    assert {"ANTH-7", "ANTH-4"} <= _rules("爷爷，我是你孙子呀，听我的拍这个", OXIMETER)
    assert "ANTH-4" not in _rules("爷爷您好，我是店里的AI主播，给您介绍一下", OXIMETER)


def test_drinking_inside_a_drive_is_a_driving_scene() -> None:
    assert "AD-23" in _rules("自驾出去玩的时候带一瓶，路上停车喝一口提提神", RICEWINE)
    assert "AD-23" not in _rules("自驾出去玩的时候带一瓶，到了民宿再喝", RICEWINE)


def test_a_fall_promised_away_is_a_guarantee() -> None:
    assert "AD-04" in _rules("孩子骑这个百分百不会摔跤", BIKE)
    assert "AD-04" not in _rules("孩子骑的时候记得戴头盔，防止摔跤", BIKE)
