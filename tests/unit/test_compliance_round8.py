"""Round 8 causes: lawful live talk that looked risky (advice said with 最好, a coming promotion announced with
its start, a sell-out word inside 差不多了, the running order's last item, certificate numbers read out, a
change said by its size, the payback period's risk notice), each beside a near miss that must still be caught."""

from __future__ import annotations

from datetime import datetime

from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

STEAMER = product("R8-AP", "手持挂烫机", "家用电器", 169, stock=5,
                  attributes={"功率": "1200W", "CCC证书": "2026010718000456"},
                  promotions=[{"kind": "discount", "description": "直播间立减20元",
                               "starts_at": "2026-11-22T21:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}])
TEA = product("R8-TEA", "白牡丹茶饼 357克", "茶叶", 238, stock=300,
              promotions=[{"kind": "threshold", "description": "满2饼减40",
                           "starts_at": "2026-11-22T21:00:00+08:00", "ends_at": "2026-11-22T23:00:00+08:00"}])
BOOK = product("R8-BK", "儿童绘本 十本", "图书", 88, stock=500,
               promotions=[{"kind": "gift", "description": "下单送书签1套（6枚）",
                            "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}])
JACKET = product("R8-FZ", "羽绒服", "服装鞋包", 599, attributes={"充绒量": "180g（M码）"})
ABSOLUTE = {"AD-09-3", "HOST-26"}


# advice said with 最好 (a span to keep to, a reference to follow, the best way of a practice) -------------
def test_advice_with_a_span_or_a_reference_is_not_a_superlative() -> None:
    for line in ("猫粮换粮的时候最好五天过渡，新旧粮混着喂",
                 "酱料开封以后最好两周内吃完，放冰箱冷藏",
                 "第一次装的家长最好对照说明书视频一步一步来",
                 "开了袋最好用自带的封口夹夹紧，放干燥的地方",
                 "最好的保暖方法其实是多穿几层，羽绒服只是其中一件",
                 "最简单的记法是先水后乳",
                 "课程里最难的是发面那一节，新手别急",
                 "鞋码拿不准的，量一下脚长最准",
                 "黑色是最不挑人的一个颜色，通勤约会都行",
                 "小宝宝看书，家长在旁边陪着读最好"):
        assert not rules(line) & ABSOLUTE, line


def test_superlatives_about_the_goods_stay_claims() -> None:
    for line in ("这款挂烫机是最好用的，没有之一", "这是全网最好的防晒", "这个保温杯保温效果最好",
                 "这款最准，医院都在用"):
        assert rules(line) & ABSOLUTE, line


# a coming promotion announced with its start --------------------------------------------------------------
def test_coming_promotion_announced_with_its_start_is_lawful() -> None:
    for line in ("立减20的活动是九点才开始，现在八点半，现在拍是169，我不催大家",
                 "九点以后立减20到手149，九点前拍就是169",
                 "立减20九点开始，现在拍没有立减"):
        assert not rules(line, STEAMER) & {"PRICE-19", "PRICE-20"}, line
    assert not rules("满两饼减40的活动九点才开始，到十一点结束，现在拍单饼238", TEA) & {"PRICE-19", "PRICE-ZJ"}


def test_coming_promotion_said_to_be_on_now_is_still_caught() -> None:
    assert rules("立减20现在就能拍，赶紧下单", STEAMER) & {"PRICE-19", "PRICE-20"}
    assert rules("现在下单就立减20，到手149", STEAMER) & {"PRICE-19", "PRICE-20"}
    assert rules("满两饼减40，今晚十点结束，赶紧拍", TEA) & {"PRICE-ZJ", "PRICE-19"}


def test_gift_counted_by_its_pack_matches_the_listing() -> None:
    assert "PRICE-20" not in rules("下单送书签一套，一套6枚，十点前的订单送", BOOK)
    assert "PRICE-20" not in rules("直播间88块，送一套6枚书签，十点以前下单有", BOOK)
    assert "PRICE-20" in rules("下单送保温杯一个", BOOK)


# stock words that are not scarcity ------------------------------------------------------------------------
def test_time_is_nearly_up_is_not_low_stock() -> None:
    assert not rules("好了，今天时间差不多了，想走的朋友随时可以走") & {"PRICE-ZJ", "EU-UCP-A7"}
    assert rules("家人们库存不多了，抓紧拍") & {"PRICE-ZJ", "EU-UCP-A7"}


def test_last_item_of_the_running_order_is_not_stock() -> None:
    assert not rules("明天第一个链接是羊毛袜，最后一个是绘本") & {"PRICE-ZJ", "EU-UCP-A7"}
    assert not rules("这只是我们今天最后上的一只镯子，圈口56") & {"PRICE-19", "EU-UCP-A7"}
    assert rules("只剩最后一个了，抓紧拍") & {"PRICE-ZJ", "EU-UCP-A7"}
    assert rules("今天最后一天，明天恢复原价") & {"PRICE-19", "EU-UCP-A7", "PRICE-ZJ"}


# certificate numbers are the goods' record, not a viewer's card number -------------------------------------
def test_certificate_numbers_are_not_personal_data() -> None:
    for line in ("CCC证书编号2026010718000123，详情页能查到", "国内的CCC证书编号是2026091101000789",
                 "儿童座椅｜CCC 2026091101000789｜请勿安装于副驾驶"):
        assert not rules(line, mode="text") & {"AD-09-6", "PI-25"}, line
    assert rules("那位宝宝的卡号6222021234567890128我已经登记了", mode="text") & {"AD-09-6", "PI-25"}
    assert rules("收到，你的卡号是2026010718000123对吧", mode="text") & {"AD-09-6", "PI-25"}


def test_certification_named_in_the_listing_is_supported() -> None:
    assert not rules("这款挂烫机有CCC认证，编号在详情页", STEAMER) & {"AD-04", "AD-11"}


# a change said by its size ---------------------------------------------------------------------------------
def test_a_difference_is_not_the_attribute_value() -> None:
    assert "AD-04" not in rules("跟我们自己家2025年那款比，M码充绒量多了20克", JACKET)
    assert "AD-04" in rules("这件M码充绒量是250克", JACKET)


# investment risk notice ------------------------------------------------------------------------------------
def test_payback_period_said_to_depend_on_the_site_is_the_risk_notice() -> None:
    assert "AD-25" not in rules("加盟有风险，投资要谨慎，回本周期跟选址、客流都有关系，我们不承诺收益")
    assert "AD-25" not in rules("招商说明：投资有风险，回本周期因选址、客流而异", mode="text")
    assert "AD-25" in rules("加盟我们，三个月回本，稳赚不赔")
