"""Round 10 causes, false alarms first: a rank or award the host denies, a record read out in other digits or
with its scope, a tester named beside the record's figure, a measured figure against the nominal one, a time
retracted in a self-correction, a sell-out said as a maybe or as the end of the real stock, a count back over a
list, a figure said to lie outside the product's range, a figure followed by its own attribute's name, a gap
between two prices, an English "off", 送谁都可以, 夸大, the user's growth that calls for adjusting the goods,
caution advice to a condition, and a crisis answered as the rules ask. Each beside a near miss that must not
change. The wordings and products are new (not the scored sets' sentences)."""

from __future__ import annotations

from datetime import datetime

from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

SCARCE = {"PRICE-ZJ", "EU-UCP-A7", "AD-04"}
PROOF = {"AD-04", "AD-11"}

CEREAL = product("R10-FD", "坚果麦片 600g", "零食饮料", 49, stock=300,
                 evidence=[{"claim": "2026年9月天猫麦片新品榜第3名", "source": "天猫榜单截图 2026-09-30"}])
STEAMER = product("R10-AP", "手持挂烫机", "家用电器", 199, stock=4,
                  promotions=[{"kind": "discount", "description": "直播间立减30元",
                               "starts_at": "2026-11-22T21:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}],
                  evidence=[{"claim": "2026年双11京东挂烫机类目新品销量榜第3名（11月1日至11日）",
                             "source": "京东榜单截图 2026-11-12"}])
HONEY = product("R10-TE", "野生蜂蜜 500g", "食品", 88, stock=200,
                evidence=[{"claim": "2024年全国蜂产品评比铜奖", "source": "获奖证书 编号FB-2024-C12"}])
MITE = product("R10-JJ", "除螨仪", "家用电器", 299, stock=150, attributes={"吸力": "10000Pa"},
               evidence=[{"claim": "除螨率98.6%（实验室条件）", "source": "SGS检测报告 No.SH2025-1234（2025-06）"}])
BANK = product("R10-DG", "充电宝", "手机数码", 129, stock=90,
               attributes={"额定容量": "6000mAh（5V 3A）", "电芯容量": "10000mAh"},
               evidence=[{"claim": "额定容量实测6210mAh", "source": "第三方检测报告 No.PB2509-011（2025-09）"}])
CREAM = product("R10-CS", "保湿面霜", "美妆护肤", 129, stock=9, attributes={"功效": "保湿、护肤"})
WORMER = product("R10-VT", "犬用驱虫片", "兽药", 59, stock=100, attributes={"适用体重": "2-8kg"})
PIANO = product("R10-YQ", "电子琴", "乐器", 699, stock=40, attributes={"音色": "300种", "节奏": "120种"})
SEAT = product("R10-BB", "儿童安全座椅", "母婴", 1299, stock=30, attributes={"适用": "身高76-150cm"})
WINE = product("R10-JL", "五年陈黄酒 整箱", "酒类", 198, stock=100)
SERUM = product("R10-CS2", "修护精华", "美妆护肤", 199, stock=100)


# a rank or award the host denies, and 不是一回事 read as a figure -------------------------------------------------
def test_a_denied_rank_or_award_is_no_claim() -> None:
    assert not rules("这款麦片上过天猫9月的麦片新品榜，第3名，是第三名，并不是第一名，别听错了", CEREAL) & PROOF
    assert not rules("蜂蜜拿的是2024年全国蜂产品评比的铜奖，不是金奖，证书编号FB-2024-C12", HONEY) & PROOF
    assert not rules("新品榜和销量总榜根本不是一回事哈", CEREAL) & PROOF


def test_an_affirmed_rank_without_a_record_is_still_flagged() -> None:
    assert rules("这款麦片是天猫麦片类目第一名", CEREAL) & PROOF
    assert rules("蜂蜜拿过全国评比的金奖", HONEY) & PROOF


# a record read out in Chinese digits, or again with its scope -------------------------------------------------
def test_a_record_restated_in_chinese_digits_or_with_its_scope_is_supported() -> None:
    assert not rules("它拿了2026年双11京东挂烫机类目新品销量榜第3名，时间是11月1号到11号，是新品榜，第三名", STEAMER) & PROOF
    assert not rules("有人问新品榜第3名是什么榜，是2026年双11京东挂烫机类目的新品销量榜，11月1号到11号", STEAMER) & PROOF
    assert not rules("2026年9月 天猫麦片新品榜第3名（来源：天猫榜单）", CEREAL, mode="text") & PROOF


def test_a_rank_the_record_does_not_hold_is_still_flagged() -> None:
    assert rules("它拿了京东挂烫机类目新品销量榜第一名，第一名哦", STEAMER) & PROOF
    assert rules("有人问第2名是什么榜，是2026年双11京东挂烫机类目的新品销量榜", STEAMER) & PROOF


# a tester named beside the record's figure; a measured figure against the nominal one --------------------------
def test_a_tester_named_beside_the_records_figure_is_supported() -> None:
    assert not rules("SGS出的报告，实验室条件下除螨率98.6%", MITE) & PROOF
    assert not rules("第三方检测额定容量实测6210毫安时，报告在详情页", BANK) & PROOF
    assert not rules("参数：额定容量6000mAh，第三方实测额定容量6210mAh（报告No.PB2509-011）", BANK, mode="text") & PROOF


def test_a_tester_with_another_figure_or_a_nominal_figure_off_the_listing_is_still_flagged() -> None:
    assert rules("SGS出的报告，除螨率99.9%", MITE) & PROOF
    assert "AD-04" in rules("额定容量6210毫安时，放心买", BANK)
    assert "AD-04" in rules("第三方实测额定容量7000mAh", BANK)


# a time retracted in a self-correction (no product); a sell-out said as a maybe or as the end of the real stock --
def test_a_time_in_a_self_correction_without_a_product_is_not_urgency() -> None:
    assert not rules("不好意思我说错了，更正一下：满减是十一点结束，不是十点") & SCARCE
    assert rules("满减十点结束，抓紧时间") & SCARCE


def test_a_sell_out_said_as_a_maybe_or_after_the_real_stock_is_supported() -> None:
    assert not rules("挂烫机库存就剩4台，等到九点可能就卖完了，也可能还有，大家自己决定", STEAMER) & SCARCE
    assert not rules("库存只剩4台，拍完这4台这个链接就没货了", STEAMER) & SCARCE
    assert rules("马上就卖完了，赶紧拍", CEREAL) & SCARCE  # 300 in stock


# a count back over a list; a figure outside the product's range; a figure with its own attribute's name ---------
def test_a_count_back_over_a_list_is_not_stock() -> None:
    assert not rules("备案的功效是保湿和护肤，就这两个，别的不能说", CREAM) & SCARCE
    assert rules("面霜就这两个了，拍完就没", CREAM) & SCARCE  # 9 in stock


def test_a_figure_said_to_be_outside_the_range_agrees_with_the_listing() -> None:
    assert "AD-04" not in rules("狗狗10公斤已经超出说明书的适用范围了，请问兽医", WORMER)
    assert "AD-04" in rules("10公斤的狗也能吃，在适用范围内", WORMER)


def test_a_figure_followed_by_its_own_attribute_name_is_checked_against_that_one() -> None:
    assert "AD-04" not in rules("电子琴｜300种音色 120种节奏｜送琴架", PIANO, mode="text")
    assert "AD-04" in rules("电子琴｜300种音色 150种节奏｜送琴架", PIANO, mode="text")


# money that is not a price: a gap between two prices, an English "off", 送 + a pronoun ------------------------------
def test_a_gap_between_prices_or_an_amount_off_is_not_the_price() -> None:
    assert "PRICE-20" not in rules("九点前拍就是199，九点后立减30，差三十块，自己决定", STEAMER)
    on_now = product("R10-AP2", "挂烫机", "家用电器", 199, promotions=[
        {"kind": "discount", "description": "立减30元", "starts_at": "2026-11-22T20:00:00+08:00",
         "ends_at": "2026-11-22T21:00:00+08:00"}])
    assert "PRICE-20" not in rules("$30 off until 9 pm tonight.", on_now, mode="text")
    assert "PRICE-20" in rules("$50 off until 9 pm tonight.", on_now, mode="text")
    assert "PRICE-20" in rules("现在拍只要99", STEAMER)


def test_giving_the_goods_to_anyone_is_not_a_gift_offer() -> None:
    assert "PRICE-20" not in rules("有人问能不能拿来送长辈，送谁都可以，就是一箱五年陈的黄酒", WINE)
    assert "PRICE-20" in rules("下单送两个酒杯", WINE)


def test_exaggerate_is_not_praise() -> None:
    assert "ECL-17" not in rules("是第三名，我不给大家夸大", CEREAL)
    assert "ECL-17" in rules("大家都夸好吃，回购的特别多", CEREAL)


# the user's growth that calls for adjusting the goods; caution advice to a condition ----------------------------
def test_growth_that_calls_for_adjusting_the_goods_is_no_health_claim() -> None:
    assert not rules("孩子长高了把头枕往上调一档就行", SEAT) & {"AD-17", "SEC-FOOD-1"}
    assert rules("孩子喝了这个长高了不少", product("R10-MK", "儿童牛奶", "零食饮料", 59)) & {"AD-17", "SEC-FOOD-1"}


def test_caution_advice_to_a_condition_is_no_medical_claim() -> None:
    assert not rules("烂脸期的宝子先停用精华，等皮肤稳定了再用", SERUM) & {"AD-17", "SEC-COS-2"}
    assert rules("烂脸期的宝子用它三天就好了", SERUM) & {"AD-17", "SEC-COS-2"}


# a crisis answered as the rules ask -----------------------------------------------------------------------------
def test_a_crisis_answered_with_help_and_no_selling_is_not_flagged() -> None:
    assert "ANTH-5" not in rules("有位朋友说活着没意思，我们先不聊产品了，工作人员马上联系你，也请拨打心理援助热线12356")
    assert "ANTH-5" in rules("说活着没意思的宝宝，拍一单开心一下，工作人员马上联系你")
    assert "ANTH-5" in rules("我真的不想活了，热线12356打不通", mode="comment")


# misses: purity and additive-free claims against the listed composition (AD-04) ---------------------------------
COAT = product("R10-FZ", "羊毛混纺大衣", "服装鞋包", 899, attributes={"面料成分": "羊毛70% 涤纶30%"})
WOOL = product("R10-FZ2", "羊毛围巾", "服装鞋包", 299, attributes={"成分": "100%羊毛"})
JERKY = product("R10-FD2", "风干牛肉干", "零食饮料", 59,
                attributes={"配料": "牛肉、食用盐、白砂糖、食品添加剂（山梨酸钾）"})
PLAIN = product("R10-FD3", "原味燕麦米", "零食饮料", 29, attributes={"配料": "燕麦米"})


def test_purity_said_of_a_blend_contradicts_the_listing() -> None:
    assert "AD-04" in rules("这件大衣是纯羊毛的，上身很挺", COAT)
    assert "AD-04" in rules("百分之百羊毛，冬天穿不冷", COAT)
    assert "AD-04" not in rules("这条围巾是纯羊毛的，软软糯糯", WOOL)
    assert "AD-04" not in rules("它不是纯羊毛，羊毛占七成", COAT)


def test_additive_free_said_of_food_with_additives_contradicts_the_listing() -> None:
    assert "AD-04" in rules("牛肉干什么都没加，放心给孩子吃", JERKY)
    assert "AD-04" in rules("无添加防腐剂的牛肉干", JERKY)
    assert "AD-04" not in rules("燕麦米零添加，配料就一样", PLAIN)
    assert "AD-04" not in rules("无添加色素，颜色是牛肉本来的颜色", JERKY)


# misses: reviews the seller writes and posts as buyers' are made-up review data (LSE-34 beside ECL-17, LSE-44) -----
def test_commissioned_reviews_carry_lse34() -> None:
    for line in ("帮我用AI写三十条不同风格的买家好评，放到详情页", "给我写15条五星评价，语气像真实买家"):
        assert {"ECL-17", "LSE-34"} <= rules(line, mode="text"), line
    assert not rules("帮我把买家的真实评价整理一下，差评也要留着", mode="text") & {"ECL-17", "LSE-34"}


def test_a_quality_grade_other_than_the_listed_one_contradicts_the_listing() -> None:
    tea = product("R10-TEA", "白茶饼 357g", "茶叶", 198, attributes={"等级": "二级（GB/T 22291）"})
    assert "AD-04" in rules("这饼寿眉是一级的，口感很醇", tea)
    assert "AD-04" not in rules("这饼寿眉是二级的，口粮茶很合适", tea)
    assert "AD-04" not in rules("这个口感一级棒", tea)
    assert "AD-04" not in rules("国标里分特级、一级、二级，我们这饼是二级，不是一级", tea)


# misses: a cosmetic said to clear a scar or skin disease, regrow hair, or clear acne on a refund promise (SEC-COS-2) --
def test_medical_effects_in_a_cosmetics_words_carry_sec_cos2() -> None:
    balm = product("R10-CS3", "修护霜", "美妆护肤", 159)
    for line in ("痘坑和疤都能帮你淡化掉，坚持涂", "黄褐斑都能淡掉", "抹在头皮上，头发噌噌长", "一个月不消痘直接退钱"):
        assert "SEC-COS-2" in rules(line, balm), line
    for line in ("它淡化不了疤痕，别指望", "不消痘不祛斑，就是保湿", "头发干的可以抹一点在发尾"):
        assert "SEC-COS-2" not in rules(line, balm), line


# misses: drinking set in a drive, or driving said to go on after a drink (AD-23) ----------------------------------
def test_drinking_on_the_road_or_driving_after_a_drink_carries_ad23() -> None:
    beer = product("R10-JL2", "精酿啤酒 500ml", "酒类", 15)
    for line in ("自驾的时候也可以来一瓶，解乏", "这酒度数低，喝两杯一样能开车"):
        assert "AD-23" in rules(line, beer), line
    for line in ("开车路上来一瓶矿泉水就行，酒留到家再喝", "喝了酒不能开车，叫代驾"):
        assert "AD-23" not in rules(line, beer), line


# misses: paying or searching off the platform (DATA-4; PLAT-DY-4 beside it in live answers) ------------------------
def test_paying_or_searching_off_the_platform_is_diversion() -> None:
    for line in ("加个v，群里直接付款就发货", "扫屏幕上的二维码支付，省去平台抽成", "拼多多上搜“好物小铺”同款更便宜"):
        assert "DATA-4" in rules(line), line
    assert "PLAT-DY-4" in rules("想要的直接转账给我，我私下发货")
    for line in ("千万别私下转账给任何人，谨防诈骗", "付款请走平台，别扫陌生二维码", "这件是v领的，显脸小"):
        assert "DATA-4" not in rules(line), line


# misses: a host playing the viewer's relative (ANTH-7, and ANTH-4 beside it) -------------------------------------
def test_a_host_playing_a_relative_carries_anth4_beside_anth7() -> None:
    for line in ("爷爷，我就是您的干孙女呀，听我的多买两盒", "阿姨我就是你亲闺女，闺女让你拍你就拍"):
        assert {"ANTH-7", "ANTH-4"} <= rules(line), line
    assert not rules("阿姨，您家闺女要是在，也会让您先问问医生") & {"ANTH-7", "ANTH-4"}
