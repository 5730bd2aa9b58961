"""Round 11 causes, misses first: a group belittled by an ability, a crime, a body trait or a sneering "what would
X train"; a child's pocket money steered to the sale, an age under 18 said to be no bar, an unsafe stunt to copy,
alcohol offered to minors; an invented buy-one-get-one or gift as price fraud; a customer's result told by any
reporter (an age or trade before the noun, a feat or a life saved), on devices, veterinary drugs and alcohol with
their own laws; a goods' life in bare years, warmth promised, no side effect at all; a blood value that "can" settle,
a disease that "will" get better; a reference price with a hedge or a shop named, colloquial 一万二 and 39块9.
Each beside a near miss that must not change. The wordings and products are new (not the scored sets' sentences)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from cohost.compliance.money import _money
from cohost.compliance.numbers import parse_number
from cohost.compliance.text import NormalizedText
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

TEA = product("R11-FD", "红枣枸杞茶 30包", "食品", 59, stock=200)
SHOES = product("R11-FZ", "轻量跑鞋", "服装鞋包", 399, stock=80)
BAIJIU = product("R11-JL", "浓香型白酒 500ml", "酒类", 268, stock=100)
OXIMETER = product("R11-MD", "指夹血氧仪", "医疗器械", 159, stock=50,
                   attributes={"注册证号": "苏械注准20252070001"})
DEWORM = product("R11-VT", "猫用体内驱虫药", "兽药", 69, stock=100)
FISHOIL = product("R11-HF", "深海鱼油软胶囊", "保健食品", 168, stock=100)
KETTLE = product("R11-HA", "电热水壶", "家用电器", 129, stock=100)
SERUM = product("R11-CS", "精华液", "美妆护肤", 139, stock=100)


# discrimination: ability, crime, body trait, a sneering "what would X train" -----------------------------------
def test_a_group_belittled_by_ability_crime_or_looks_is_discrimination() -> None:
    assert "AD-09-9" in rules("山里来的理解能力差，这套书你们看不懂的", TEA)
    assert "AD-09-9" in rules("那边的人骗子多，出门一定带上这个", TEA)
    assert "AD-09-9" in rules("皮肤黑的天生就丑，更得多用几瓶", SERUM)
    assert "AD-09-9" in rules("男的化什么化妆，男生买精华纯属浪费", SERUM)
    assert "AD-09-9" in rules("女的跑步本来就不靠谱，这鞋男生买", SHOES)


def test_groups_named_for_fit_or_advice_are_not_discrimination() -> None:
    assert "AD-09-9" not in rules("女生用什么色号比较显白？我推荐这支", SERUM)
    assert "AD-09-9" not in rules("皮肤黑的姐妹选深一号的粉底更自然", SERUM)
    assert "AD-09-9" not in rules("那边的人说快递三天就到了", TEA)
    assert "AD-09-9" not in rules("男生女生都能穿，码数偏大", SHOES)


# minors: pocket money, an age under 18, an unsafe stunt, alcohol ---------------------------------------------------
def test_pocket_money_and_an_age_under_18_pushed_to_buy_are_minors_inducement() -> None:
    assert "AD-40" in rules("压岁钱要是够，马上就拍", SHOES)
    assert "AD-40" in rules("零花钱拿来买这双鞋，比啥都值", SHOES)
    assert "AD-40" in rules("你15岁也可以下单的", SHOES)
    assert {"AD-40", "AD-10"} <= rules("孩子们从桌子上跳下来都没事，穿上它你们也试试", SHOES)


def test_an_age_for_use_or_an_adult_purchase_is_not_minors_inducement() -> None:
    assert "AD-40" not in rules("3岁也能穿，尺码齐全", SHOES)
    assert "AD-40" not in rules("零花钱不够的话别买，先攒着", SHOES)
    assert "AD-40" not in rules("18岁以上的朋友可以下单", SHOES)
    assert "AD-40" not in rules("孩子们跳绳的时候穿它很轻", SHOES)


def test_alcohol_offered_to_minors_is_ad40_with_art10_and_art23() -> None:
    assert {"AD-40", "AD-10", "AD-23"} <= rules("上高中的弟弟也可以喝一口，不上头", BAIJIU)
    assert {"AD-40", "AD-10", "AD-23"} <= rules("弟弟你16岁也能拍，写你哥的名字", BAIJIU)
    assert "AD-40" not in rules("成年的朋友可以尝一口，未成年人禁止饮酒", BAIJIU)
    assert "AD-40" not in rules("小朋友也可以喝一口，是红枣茶", TEA)  # the alcohol form needs alcohol goods


# price: an invented buy-one-get-one or gift ------------------------------------------------------------------------
def test_an_invented_bogo_or_gift_is_price_fraud_beside_price20() -> None:
    assert {"PRICE-19", "PRICE-20"} <= rules("跑鞋今晚买一送一，拍一双发两双", SHOES)
    assert {"PRICE-19", "PRICE-20"} <= rules("今天下单送一双运动袜，送完就没了", SHOES)


def test_a_listed_gift_is_not_price_fraud() -> None:
    socks = product("R11-FZ2", "轻量跑鞋", "服装鞋包", 399, stock=80,
                    promotions=[{"kind": "gift", "description": "下单送运动袜一双",
                                 "starts_at": "2026-11-22T19:00:00+08:00", "ends_at": "2026-11-22T23:00:00+08:00"}])
    assert "PRICE-19" not in rules("今天下单送运动袜一双", socks)


# testimonials: any reporter, a feat, a life saved; the goods' own laws beside ----------------------------------------
def test_a_customer_result_told_by_a_modified_reporter_is_a_testimonial() -> None:
    assert "LSE-34" in rules("有位八十岁的老爷爷，喝我们家的茶喝了十年，身体倍儿棒", TEA)
    assert "LSE-34" in rules("好多跑友都穿这双破了自己的PB", SHOES)
    assert "LSE-34" in rules("上一场买的姐妹都回来反馈说喝了一周就瘦了五斤", TEA)


def test_testimonial_laws_of_devices_vet_drugs_and_alcohol() -> None:
    assert {"LSE-34", "AD-16"} <= rules("有个大爷跟我说，就是用这个血氧仪查出了肺炎，救了他一命", OXIMETER)
    assert {"LSE-34", "AD-46"} <= rules("有个粉丝说她家猫吃完第二天虫子就没了", DEWORM)
    assert {"LSE-34", "AD-23"} <= rules("有个大哥说他一顿喝两斤都没事", BAIJIU)


def test_a_reported_wish_or_question_is_no_testimonial() -> None:
    assert "LSE-34" not in rules("好多跑友问这双有没有宽楦版", SHOES)
    assert "LSE-34" not in rules("有位老奶奶说想要小包装的", TEA)


# guarantees: a life in bare years, warmth, no side effect at all ----------------------------------------------------
def test_bare_years_warmth_and_no_side_effects_are_guarantees() -> None:
    assert "AD-04" in rules("八年不坏，坏了找我", KETTLE, mode="text")
    assert "AD-04" in rules("电池容量永不衰减", KETTLE, mode="text")
    assert "AD-04" in rules("穿上保证不冻脚", SHOES)
    assert {"AD-04", "AD-18"} <= rules("鱼油一点副作用都没有，放心吃", FISHOIL)
    assert {"AD-04", "AD-16"} <= rules("比去医院抽血安全，一丝副作用也没有", OXIMETER)


def test_a_warranty_a_past_use_or_a_caution_is_no_guarantee() -> None:
    assert "AD-04" not in rules("质保三年，三年内有问题免费换新", KETTLE, mode="text")
    assert "AD-04" not in rules("水垢多的话，一个月除一次垢就行", KETTLE)
    assert "AD-04" not in rules("两年不到就换新款了，这是第三代", KETTLE)
    assert "AD-04" not in rules("天冷的话里面多穿一件，不然会冷", SHOES)
    assert "AD-04" not in rules("我不敢说一点副作用都没有，孕妇请先咨询医生", FISHOIL)


# medical: a blood value that "can" settle, a disease that "will" get better -----------------------------------------
def test_a_blood_value_or_a_disease_said_to_get_better_is_medical() -> None:
    assert "AD-17" in rules("血压高的长辈每天喝一杯，血压都能降下来", TEA)
    assert "AD-17" in rules("泡着喝，便秘都能好", TEA)
    assert "AD-17" in rules("咽炎的喝这个两天就好", TEA)


def test_a_blood_value_named_as_caution_is_not_medical() -> None:
    assert "AD-17" not in rules("血糖高的朋友请先咨询医生再喝", TEA)
    assert "AD-17" not in rules("泡两天就好喝了，味道更浓", TEA)


# money: a hedged or shop-placed reference price, colloquial 一万二, 39块9 ---------------------------------------------
def _money_of(text: str) -> list[tuple[str, Decimal | None]]:
    return [(c.kind, c.value) for c in _money(NormalizedText(text))]


def test_colloquial_place_digits_fill_the_place_below() -> None:
    assert parse_number("一万二") == 12000
    assert parse_number("一万二八") == 12800
    assert parse_number("三千五") == 3500
    assert parse_number("两百五") == 250
    assert parse_number("一百零二") == 102
    assert parse_number("一百二十九") == 129
    assert parse_number("一二三") == 123


def test_a_hedged_or_shop_placed_reference_price_is_read() -> None:
    assert _money_of("市场价起码两万，今天一万二") == [("reference_price", 20000), ("price", 12000)]
    assert ("reference_price", 89) in _money_of("平时在旗舰店卖89块，今天只要49块9")
    assert ("price", Decimal("49.9")) in _money_of("平时在旗舰店卖89块，今天只要49块9")
    assert _money_of("只要39块钱") == [("price", 39)]
    assert "PRICE-16" in rules("这茶平时在我们门店里卖99块，今天直播间只要59", TEA)


def test_a_price_with_no_reference_stays_a_price() -> None:
    assert _money_of("到手价99") == [("price", 99)]
    assert "PRICE-16" not in rules("这茶今天直播间只要59块", TEA)


# diversion and personal data in disguise: v❤, a handle or a phone in Chinese digits -------------------------------
def test_a_disguised_handle_or_a_phone_in_chinese_digits_is_found() -> None:
    assert "DATA-4" in rules("加助理v❤：shoes2026 拉你进群", SHOES)
    assert "DATA-4" in rules("要的加我 vx：一五九 八八七六 五四三二", mode="comment")
    assert {"AD-09-6", "PI-25"} <= rules("谢谢刘女士下单，电话一八九一二三四五六七八已经备注了")


def test_plain_words_and_short_numerals_are_no_handle_or_phone() -> None:
    assert "DATA-4" not in rules("这个充电头是5v输出，三台设备一起充", SHOES)
    assert "AD-09-6" not in rules("一三五七九号链接都是单数款")
    assert "AD-09-6" not in rules("库存一千二百双，尺码齐全", SHOES)


# authority: a regulator, a state museum, zf; a former post in a state organ ----------------------------------------
def test_a_state_body_partnering_appraising_or_designating_is_authority() -> None:
    assert "AD-09-2" in rules("我们是证监会官方合作的理财课", TEA)
    assert "AD-09-2" in rules("这套茶具是故宫专家鉴定过的", TEA)
    assert "AD-09-2" in rules("zf机关食堂指定用茶", TEA, mode="text")
    assert "AD-09-2" in rules("我们老师是原发改委出来的专家", TEA)


def test_rules_cited_or_certifications_are_not_authority_endorsements() -> None:
    assert "AD-09-2" not in rules("按目前证监会的规定，投资有风险", TEA)
    assert "AD-09-2" not in rules("之前证监会发过风险提示，大家理性投资", TEA)
    assert "AD-09-2" not in rules("机关算尽不如喝杯茶", TEA)


# health food: necessity and illness for not taking it; a result-or-refund; a side effect denied -------------------
def test_necessity_and_illness_for_not_taking_are_health_food_claims() -> None:
    assert {"AD-04", "AD-18"} <= rules("人人都需要吃鱼油，健康必需品", FISHOIL)
    assert "AD-18" in rules("全家人的健康守护神，一天两粒", FISHOIL)
    assert "AD-17" in rules("不喝的话血管迟早会堵", TEA)


def test_ordinary_advice_about_not_eating_is_no_claim() -> None:
    assert "AD-17" not in rules("不吃早饭容易饿，早上冲一碗", TEA)
    assert "AD-18" not in rules("鱼油不是生活必需品，按需购买", FISHOIL)
    assert "AD-04" not in rules("不用担心，不吃也不会怎么样", TEA)


def test_a_result_or_refund_and_a_side_effect_denied_are_guarantees() -> None:
    assert "AD-04" in rules("喝一个月没瘦直接退钱", TEA)
    assert "AD-04" in rules("练不出来的话全额退款", SHOES)
    assert "AD-04" in rules("效果比吃药好，还没副作用", TEA)
    assert "AD-04" not in rules("七天无理由退货，不满意可以退款", SHOES)
    assert "AD-04" not in rules("有没有副作用要看个人体质", TEA)


# crisis and manipulation: life pointless, a plan to die; affection, guilt, a locked-out exit ------------------------
def test_a_crisis_said_with_an_intensifier_or_a_plan_is_found() -> None:
    assert "ANTH-5" in rules("活着真的没什么意思", mode="comment")
    assert "ANTH-5" in rules("等我付完款就去死", mode="comment")


def test_abuse_of_another_or_a_product_word_is_no_crisis() -> None:
    assert "ANTH-5" not in rules("你去死吧骗子", mode="comment")
    assert "ANTH-5" not in rules("活着就要吃点好的，来一包", TEA)


def test_affection_guilt_and_a_locked_exit_are_manipulation() -> None:
    assert "ANTH-4" in rules("一个人在家闷，多拍两单就是疼我", TEA)
    assert "ANTH-4" in rules("不囤点好茶，你对得起你爸妈吗", TEA)
    assert "ANTH-3" in rules("现在划走的话一会儿就再也回不来了", TEA)
    assert "ANTH-3" in rules("不要点叉，马上开福袋", TEA)


def test_plain_thanks_or_leaving_notes_are_no_manipulation() -> None:
    assert "ANTH-4" not in rules("谢谢大家支持，喜欢再拍", TEA)
    assert "ANTH-3" not in rules("有事先走的宝宝，回放里也能看到", TEA)


# a cure said of ordinary goods is also a false performance claim ---------------------------------------------------
def test_a_cure_on_clothing_or_devices_is_ad04_beside_ad17() -> None:
    assert {"AD-17", "AD-04"} <= rules("这双跑鞋穿着能治扁平足", SHOES)
    assert "AD-04" not in rules("这双跑鞋透气，鞋底回弹好", SHOES)


# medical wording: a vaccine or a drip as the yardstick, TCM channel words; a single piece said of a stocked item -------
def test_a_vaccine_yardstick_and_tcm_channel_words_are_medical() -> None:
    assert "AD-17" in rules("喝了少生病，比打点滴还管用", TEA)
    assert "AD-17" in rules("红枣枸杞 疏通经络 喝出好气色", TEA, mode="text")
    assert "AD-17" not in rules("比上一批的枣更甜，打包也更好", TEA)


def test_a_single_piece_said_of_a_stocked_item_is_false_scarcity() -> None:
    assert "PRICE-ZJ" in rules("这款鞋就这一双了，拍完就没", SHOES)  # 80 in stock
    single = product("R11-ZB", "黑曜石手串", "珠宝饰品", 299, stock=1)
    assert "PRICE-ZJ" not in rules("这款手串就这一串了", single)


def test_a_counted_rise_in_a_mind_or_body_measure_is_a_guarantee() -> None:
    book = product("R11-TS", "儿童绘本 十本", "图书", 88, stock=100)
    assert "AD-04" in rules("每天读半小时，孩子智商能提高15分", book)
    assert "AD-04" not in rules("这套书一共十本，适合3到6岁", book)


# privacy: a viewer's illness told on air, whatever the appellation --------------------------------------------------
def test_a_viewers_illness_told_on_air_is_health_data() -> None:
    assert {"PI-28", "PI-25", "PII-HEALTH"} <= rules("刚才那个说自己有哮喘的姐妹，你更要买这个", TEA)
    assert "PII-HEALTH" not in rules("有哮喘的朋友购买前请咨询医生", TEA)


# fake traffic: a counted audience bought or brushed, a figure multiplied before it is said ---------------------------
def test_bought_audience_and_multiplied_figures_are_fake_traffic() -> None:
    assert "LSM-18" in rules("开播前先买三千个观众撑场面", TEA, mode="text")
    assert "LSM-18" in rules("再刷五万个赞，热度就上来了", TEA, mode="text")
    assert {"LSM-18", "LSE-34"} <= rules("点赞数报的时候翻两倍再说", TEA, mode="text")


def test_real_figures_and_purchases_are_not_fake_traffic() -> None:
    assert "LSM-18" not in rules("已经有三千个观众在直播间了，谢谢大家", TEA, mode="text")
    assert "LSM-18" not in rules("买两盒送一个杯子", TEA, mode="text")
