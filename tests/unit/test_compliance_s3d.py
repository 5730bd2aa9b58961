"""Session S3d: violations no rule caught, by general cause (blind10's unflagged lines grouped by cause). Every cause
has lines written in other styles (viewer comments, operator notes, 口播 with fillers) that must be found, and near
misses that must stay clean. The lines were written before the checker was read; none is a case's wording."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

P: dict[str, Product | None] = {
    "coat": product("S-FZ", "羊毛大衣", "服装鞋包", 599, stock=140, attributes={"颜色": "驼色/黑色"}),
    "bag": product("S-BB", "登山背包", "服装鞋包", 399, stock=200),
    "drink": product("S-LS", "儿童牛奶饮品", "零食饮料", 59, stock=800),
    "cream": product("S-CS", "保湿面霜", "美妆护肤", 168, stock=300),
    "wine": product("S-JL", "低度果酒", "酒类", 88, stock=600),
    "course": product("S-KC", "教资备考课", "课程/虚拟商品", 299, stock=9999),
    "tea": product("S-TEA", "明前龙井", "茶叶", 268, stock=300),
    "fryer": product("S-AP", "空气炸锅", "家用电器", 269, stock=500),
    "cam": product("S-SH", "二手微单相机", "二手/收藏品", 5200, stock=1),
    "cam900": product("S-SJ", "口袋相机", "手机数码", 2999, stock=900),
    "none": None,
}

FOUND = [
    # 1. first-person use without naming the goods (AD-38): a past period or a season-long span + a use verb on "it"
    ("嗯…我自己呢，去年冬天就天天套着它，一个球都没起", "live", "coat", {"AD-38"}),
    ("说真的我穿了快两年了，领口一点没变形", "live", "coat", {"AD-38"}),
    ("我家老大喝了一个多月了，现在每天早上自己去冰箱拿", "live", "drink", {"AD-38"}),
    ("这周我天天晚上敷，早上起来脸嫩得不行", "live", "cream", {"AD-38"}),
    ("主播上个月背着它爬了趟黄山，肩膀一点不累", "live", "bag", {"AD-38"}),
    ("我爸戴着睡了半年了，说再也不想换回以前那个", "live", "none", {"AD-38"}),
    ("I've carried it every day since spring and the straps still look new", "live", "bag", {"AD-38"}),
    # 2. a rival shop or institution run down (AD-13, LSE-36): its people unqualified, its goods scrap, its dealings a fraud
    ("隔壁那家店的羊毛都是拿边角料拼的，谁买谁上当", "live", "coat", {"AD-13", "LSE-36"}),
    ("某东那家培训班的老师连证都没有，去了就是交智商税", "live", "course", {"AD-13"}),
    ("口播里点一下那家机构，就说他们从来不给退费，骗子公司", "text", "course", {"AD-13"}),
    ("别家茶庄那些老师傅其实啥也不懂，乱炒一通", "live", "tea", {"AD-13"}),
    # 3. drinking offered to minors (AD-23 with AD-10 beside it)
    ("未成年的小朋友也能来一口，度数低没事的", "live", "wine", {"AD-23", "AD-10"}),
    ("学生党考完试整一瓶庆祝一下嘛，甜甜的", "live", "wine", {"AD-23", "AD-10"}),
    ("十六七岁喝点怎么了，这款果酒更温和", "live", "wine", {"AD-23", "AD-10"}),
    # 4. discrimination (AD-09-9): a sex given its chores, a group typed by origin or work
    ("带娃做饭这些事本来就该女的干，送她一台省得她抱怨", "live", "fryer", {"AD-09-9"}),
    ("女司机开车本来就不行，装个记录仪保平安", "live", "none", {"AD-09-9"}),
    ("那边山沟里出来的人普通话都不标准，只能报我们的课", "live", "course", {"AD-09-9"}),
    ("外地来的打工仔素质就那样，别跟他们计较", "live", "none", {"AD-09-9"}),
    # 5. diversion (DATA-4; PII-WX/PII-QQ for the handle; PLAT-DY-4 when the AI host says it)
    ("想要优惠的宝子，扣扣 382910475 私聊我", "live", "none", {"DATA-4", "PII-QQ", "PLAT-DY-4"}),
    ("有问题的咱们私下聊，评论区发个群字我拉你", "live", "none", {"DATA-4", "PLAT-DY-4"}),
    ("vx：kefu_2024 加一下，售后比平台快", "comment", "none", {"DATA-4", "PII-WX"}),
    ("绿泡泡搜一下小鹿优选，下单有返现", "live", "none", {"DATA-4"}),
    ("客服那边换了，加威❤ shop_helper9 找她", "text", "none", {"DATA-4", "PII-WX"}),
    # 6. a viewer's data read on air or posted (AD-09-6 + PI-25 + the PII kind)
    ("来，刚才那位留电话 021-6678 9012 的李先生，我们客服会打给你", "live", "none", {"AD-09-6", "PI-25", "PII-TEL"}),
    ("家住海淀区学院路街道清华东路12号院3号楼502的那位宝子，礼物寄出了", "live", "none", {"AD-09-6", "PI-25", "PII-ADDR"}),
    ("我座机010-82345678，有货打给我", "comment", "none", {"PII-TEL", "PI-25"}),
    ("寄到福田区华强北街道深南中路3018号1栋1203", "comment", "none", {"PII-ADDR"}),
    # 7. a price moved for a class of buyer (PI-24 with CPL-14), or personalised push without an opt-out
    ("老客户回购的单子价格上调5%，新客首单保持原价", "text", "none", {"PI-24", "CPL-14"}),
    ("回头客系统自动加十块，反正他们认准我们了", "text", "none", {"PI-24", "CPL-14"}),
    ("看到是iPhone下单的，直接展示高一档价格", "text", "none", {"PI-24"}),
    ("买过三次以上的，券就别给他们发了，新号才给券", "text", "none", {"PI-24"}),
    ("首页只推画像匹配的款，去掉关闭个性化推荐那个开关", "text", "none", {"PI-24"}),
    # 8. stock said by pointing at or bounding the remainder (PRICE-ZJ), checked against the product's stock
    ("这批明前就剩这三十来盒了，抢完就没了", "live", "tea", {"PRICE-ZJ", "AD-04"}),
    ("仓库里还能翻出来八台，就这八台", "live", "fryer", {"PRICE-ZJ"}),
    ("这款全国范围内剩不到三百台", "live", "cam900", {"PRICE-ZJ"}),
    ("驼色的只有三件了啊，手慢无", "live", "coat", {"PRICE-ZJ"}),
    # 9. reviews picked by the fault they report and hidden (LSM-21)
    ("差评那几条先折叠起来，别让新粉刷到", "text", "none", {"LSM-21"}),
    ("评论里提到掉色的统统屏蔽", "text", "none", {"LSM-21"}),
    ("把说发货慢的评价沉到最底下，好评置顶", "text", "none", {"LSM-21"}),
]

NEAR = [
    # 1. testimonials: the viewer's use, a demonstration, the shop's history
    ("你们买回去穿一冬天，有问题随时找客服", "live", "coat"),
    ("我给大家穿上看一下上身效果", "live", "coat"),
    ("主播上周穿着它给大家展示了版型", "live", "coat"),
    ("我家店开了十年了，老店放心", "live", "none"),
    ("我上个月刚把它上架，卖得挺好", "live", "none"),
    ("去年冬天很多宝子穿着它过冬", "live", "coat"),
    ("我呢，先给大家讲讲面料", "live", "coat"),
    # 2. rivals named without a harm
    ("隔壁那家店也挺好的，各有各的风格", "live", "coat"),
    ("别的机构的课我没听过，不好评价", "live", "course"),
    # 3. minors told not to drink; a non-alcoholic pick
    ("未成年人请勿饮酒，下单需满18岁", "live", "wine"),
    ("学生党的话这款就别买了，未成年不能喝酒", "live", "wine"),
    ("学生党也能买得起，才九十九", "live", "drink"),
    # 4. sexes and regions named without a slur
    ("男女都能穿，中性款", "live", "coat"),
    ("新疆、西藏偏远地区暂不包邮", "live", "coat"),
    ("男生女生都适合，送女朋友也合适", "live", "coat"),
    # 5. on-platform contact
    ("有问题点右下角小黄车联系平台客服", "live", "none"),
    ("加入直播间粉丝团，开播提醒", "live", "none"),
    ("扣1领券，扣2看黑色", "live", "none"),
    ("私信客服改地址就行", "live", "none"),
    # 6. the shop's own numbers and addresses
    ("客服热线400-800-1234，工作日九点到六点", "live", "none"),
    ("客服电话021-12345678，工作日在线", "live", "none"),
    ("门店地址是朝阳区建国路88号，欢迎到店", "live", "none"),
    ("我们仓库在杭州余杭区，发货快", "live", "none"),
    # 7. one price for all; published offers; add-on purchases
    ("所有人同一个价，老粉新粉都一样", "live", "none"),
    ("会员日全场统一九折", "live", "none"),
    ("新客首单立减10元，老粉也有券", "live", "none"),
    ("老粉加10元可以换购一个杯子", "live", "none"),
    ("关闭个性化推荐在设置里可以找到", "live", "none"),
    # 8. true stock, pack contents, choices
    ("这台就这一台，卖了就没了", "live", "cam"),
    ("这茶一盒二十包", "live", "tea"),
    ("一盒就这二十包，够喝一个月", "live", "tea"),
    ("还有两种颜色可以选", "live", "fryer"),
    ("就这两个颜色，黑和驼", "live", "coat"),
    # 9. moderation of spam and PII; complaints answered
    ("广告和骂人的评论删掉", "text", "none"),
    ("有人说掉色的，客服私信跟进处理一下", "text", "none"),
    ("评论里带手机号的先隐藏掉", "text", "none"),
    ("差评我们都留着，有问题私信客服处理", "text", "none"),
]


@pytest.mark.parametrize(("text", "mode", "key", "expected"), FOUND)
def test_cause_found(text: str, mode: str, key: str, expected: set[str]) -> None:
    got = rules(text, P[key], mode=mode)
    assert expected <= got, f"{text}: missing {sorted(expected - got)}, got {sorted(got)}"


@pytest.mark.parametrize(("text", "mode", "key"), NEAR)
def test_near_miss_clean(text: str, mode: str, key: str) -> None:
    assert not rules(text, P[key], mode=mode)


def test_stock_frame_is_supported_when_true() -> None:
    """就这N / 剩不到N are counts checked against stock: true when the stock bears them out."""
    few = product("S-TEA2", "明前龙井", "茶叶", 268, stock=20)
    assert "PRICE-ZJ" not in rules("今年就这二十盒，卖完明年才有", few)
    assert "PRICE-ZJ" in rules("今年就这二十盒，卖完明年才有", P["tea"])


def test_topic_marker_ne_is_not_a_question() -> None:
    """我呢 / 我自己呢 opening a sentence marks the topic; 那我呢 still asks."""
    assert "AD-38" in rules("我自己呢，上个月天天背着它通勤", P["bag"])
    assert not rules("那我呢？我适合什么码")


# --- focus 3: the second law compliance.md names for the same words ---------------------------------------------------
DEVICE = product("S-MD", "医用冷敷贴", "医疗器械", 39, attributes={"类别": "第一类医疗器械", "备案号": "苏械备20260002号"})
DEVICE_OK = product("S-MD2", "电子体温计", "医疗器械", 59, attributes={"注册证号": "苏械注准20260001",
                                                                  "广告审查批准文号": "苏械广审（文）第2026000001号"})
RX = product("S-RX", "阿莫西林胶囊", "处方药", 20)
COUPON_COAT = product("S-FZ2", "羊毛大衣", "服装鞋包", 599, stock=140,
                      promotions=[{"kind": "discount", "description": "直播间券后立减60元，到手539元",
                                   "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}])


@pytest.mark.parametrize("text", ["贴上半小时，发烧就退了，比吃药管用", "敷一次，扭伤当天就消肿"])
def test_device_claims_carry_ad_review_beside_ad16(text: str) -> None:
    """AD-46: device ads pass review and run as approved, so AD-16's words on a device carry AD-46 too."""
    assert {"AD-16", "AD-46"} <= rules(text, DEVICE)


def test_device_gates() -> None:
    assert {"AD-16", "AD-46"} <= rules("夏天必备，快拍", DEVICE)  # no ad review on file: both review gates
    assert not rules("夏天必备，快拍", DEVICE_OK) & {"AD-16", "AD-46"}  # approved and no claim
    assert rules("家中常备，欢迎选购", RX) == {"AD-15"}  # a banned ad stands alone


@pytest.mark.parametrize("text", ["修护受损肌底，一周见效", "抹了两周细纹都淡了", "相当于医疗级的修复"])
def test_cosmetic_repair_and_fading_are_efficacy_claims(text: str) -> None:
    assert "SEC-COS-1" in rules(text, P["cream"])


@pytest.mark.parametrize("text", ["修复一下心情，周末敷个面膜", "纹理清晰的木纹盒子装"])
def test_repair_and_pattern_words_elsewhere_are_clean(text: str) -> None:
    assert "SEC-COS-1" not in rules(text, P["cream"])


def test_a_contradicted_price_reached_through_a_coupon_is_a_fake_discount() -> None:
    assert {"PRICE-19", "PRICE-20"} <= rules("领完券到手459，闭眼冲", COUPON_COAT)
    assert "PRICE-19" not in rules("今天到手459，闭眼冲", COUPON_COAT)  # a plain spoken price: PRICE-20 alone
    assert not rules("领完券到手539，闭眼冲", COUPON_COAT) & {"PRICE-19", "PRICE-20"}  # the listing bears it out
