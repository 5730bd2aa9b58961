"""Round 9 causes: violations missed or stopped under another rule's id (a food's disease claim without AD-17, a
bare 销量第一 never read as a ranking, a promotion said to run longer than it does, threshold and coupon cuts
in items, customers' results reported in new words, a quoted review signed by a handle, an AI saying it is a
person after a reported question or through a body's needs, a rival masked by a letter or warned off by its
brand), each beside a near miss that must not change."""

from __future__ import annotations

from datetime import datetime

from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

OATS = product("R9-FD", "燕麦片 1kg", "零食饮料", 39.9, stock=800,
               promotions=[{"kind": "threshold", "description": "满2件减10",
                            "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}],
               evidence=[{"claim": "2026年10月京东燕麦片新品榜第5名", "source": "京东榜单截图"}])
JACKET = product("R9-FZ", "羽绒服", "服装鞋包", 599, stock=200,
                 promotions=[{"kind": "discount", "description": "直播间立减50元",
                              "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T21:00:00+08:00"}])
KETTLE = product("R9-AP", "电热水壶", "家用电器", 139, stock=240,
                 promotions=[{"kind": "coupon", "description": "满139减20，满278减30，最高可减30",
                              "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}])
TEA = product("R9-TEA", "白牡丹茶饼 357克", "茶叶", 238, stock=300,
              promotions=[{"kind": "threshold", "description": "满2饼减40",
                           "starts_at": "2026-11-22T21:00:00+08:00", "ends_at": "2026-11-22T23:00:00+08:00"}])
FRYER = product("R9-AF", "空气炸锅", "家用电器", 269, stock=100,
                evidence=[{"claim": "2026年10月抖音电商空气炸锅类目月销榜第1名", "source": "抖音电商罗盘榜单截图"}])
PRICE_CUT = {"PRICE-19", "PRICE-20"}
DISPARAGE = {"AD-13", "LSE-36"}


# a health function said beside a disease, a symptom or a drug: AD-17 beside SEC-FOOD-1 (compliance.md AD-17) ---
def test_food_functions_said_against_a_disease_or_drug_carry_ad17() -> None:
    for line in ("这个红枣燕麦片每天一碗，补气血，贫血的姐妹多吃点", "牛肉干吃了增强免疫力，孩子老感冒就是缺这个",
                 "喝这个米熬的粥，养胃护胃，比吃胃药还强"):
        found = rules(line, OATS)
        assert found >= {"AD-17", "SEC-FOOD-1"}, (line, found)


def test_a_function_word_alone_on_food_stays_the_food_rule() -> None:
    found = rules("睡前喝一杯能改善睡眠", OATS)
    assert "SEC-FOOD-1" in found and "AD-17" not in found
    for line in ("燕麦片早上冲一碗，饱腹感挺强的，配料就燕麦和麸皮", "有宝子问能不能降血糖，这个我不能说，血糖的事问医生",
                 "不能说减肥，但饱腹感强"):
        assert not rules(line, OATS) & {"AD-17", "SEC-FOOD-1"}, line


# a bare 销量第一 is a ranking claim (AD-04 when the evidence does not bear it out); ABS-6(6) needs the scope said
def test_bare_sales_first_is_a_ranking_the_evidence_must_bear() -> None:
    assert "AD-04" in rules("它可是京东燕麦片销量第一，家人们闭眼入", OATS)
    assert "AD-04" in rules("牛肉干抖音销量第一，不信你去搜")
    assert "AD-09-3" in rules("空气炸锅 销量第① 闭眼入", FRYER, mode="text")  # true, but said without its scope


def test_ranking_said_with_its_record_scope_is_lawful() -> None:
    assert not rules("2026年10月抖音电商空气炸锅类目月销榜第1名，榜单截图在详情页", FRYER) & {"AD-09-3", "AD-04"}
    assert not rules("它上的是京东10月的新品榜，第5名，不是销量总榜", OATS) & {"AD-09-3", "AD-04"}


# a promotion said to last longer than it runs (windows.py) ------------------------------------------------
def test_promotion_said_to_run_past_its_end_is_caught() -> None:
    for line in ("羽绒服的立减50啊，今晚一直到十二点都有，大家不用着急", "立减50到今晚十点都有效，慢慢挑",
                 "羽绒服直降50，今天一整晚都有效", "今晚12点截止 立减50"):
        found = rules(line, JACKET)
        assert found >= PRICE_CUT, (line, found)


def test_promotion_said_with_its_true_end_or_asked_stays_clean() -> None:
    for line in ("立减50到九点，九点以后就恢复599", "立减50九点前都有效，看好尺码再拍",
                 "有人问立减是不是到十二点都有，不是哦，到九点"):
        assert not rules(line, JACKET) & PRICE_CUT, line


# threshold cuts in items and a coupon's cut are promotions held to the listing --------------------------
def test_item_thresholds_and_coupon_cuts_are_checked() -> None:
    assert rules("燕麦片满两件减20", OATS) >= PRICE_CUT
    assert rules("今天水壶直播间券能减50，不用凑单", KETTLE) >= PRICE_CUT
    assert rules("白牡丹现在下单满两饼减40，家人们拍两饼", TEA) >= PRICE_CUT


def test_true_item_thresholds_and_coupon_caps_stay_clean() -> None:
    assert not rules("燕麦片满两件减10，两件一起拍更划算", OATS) & PRICE_CUT
    assert not rules("券最高可减30，要满278才能用", KETTLE) & PRICE_CUT
    feed = product("R9-PET", "猫粮 2kg", "宠物用品", 139,
                   promotions=[{"kind": "discount", "description": "满2袋立减20元",
                                "starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T23:59:00+08:00"}])
    assert not rules("满2袋立减20哈，三袋也只减一次20，我刚确认过", feed) & PRICE_CUT


# customers' results reported by the host; a quoted review signed by a handle (LSE-34, ECL-17) ------------
def test_reported_customer_results_in_new_words_are_caught() -> None:
    for line in ("好多铲屎官都跟我说，换了这个粮猫咪再也不吐毛球了", "我们直播间老粉都说，这个充电宝用了三年还跟新的一样",
                 "刚才有三千多个宝妈给这条浴巾打了五星好评，说宝宝用了皮肤都变好了"):
        assert "LSE-34" in rules(line), line
    for line in ("@北京李先生：穿着去了漠河，零下40度一点不冷", "买家秀：'吃了三个月，精神头好多了'——上海王阿姨"):
        found = rules(line, mode="text")
        assert {"LSE-34", "ECL-17"} <= found, (line, found)


def test_reported_wishes_and_questions_stay_clean() -> None:
    for line in ("好多宝宝说想要黑色，我们明天补货", "有宝宝问用完会不会油，我们来看成分",
                 "好多铲屎官问换粮要几天，七天慢慢过渡就行"):
        assert not rules(line) & {"LSE-34", "ECL-17"}, line


# an AI saying it is a person (ANTH-1, LSE-37) -----------------------------------------------------------
def test_ai_claiming_to_be_a_person_is_caught() -> None:
    for line in ("刚才有个宝子问我是不是真人，我当然是真人啦，就坐在直播间里", "亲，我是店里的客服小美，真人在线哦",
                 "我是真 ren 哦，zhen 人出镜", "刚才停了一下是去喝了口水，嗓子有点哑，不好意思啊各位"):
        found = rules(line)
        assert {"ANTH-1", "LSE-37"} <= found, (line, found)


def test_ai_disclosure_and_care_for_viewers_stay_clean() -> None:
    for line in ("有宝子问我是不是真人，我是AI数字人主播哈", "看了一个多小时的朋友，起来活动活动，喝口水再来",
                 "喝口水哈，不对，我是AI我不用喝水，哈哈", "我们的运营小姐姐是真人，待会她来演示"):
        assert not rules(line) & {"ANTH-1", "LSE-37"}, line


# a rival masked by a letter, warned off by its brand, or run down as a class (AD-13, LSE-36) --------------
def test_masked_or_named_rivals_run_down_are_caught() -> None:
    for line in ("那个热立方牌子的水壶大家千万别买，全是垃圾201不锈钢", "茅X现在都是勾兑的，还不如我们这个",
                 "隔壁那个康X蛋白粉全是淀粉，智商税", "别家破壁机用两天就烧电机", "其他理财课全是割韭菜的骗子"):
        found = rules(line)
        assert found >= DISPARAGE, (line, found)


def test_honest_comparisons_and_x_words_stay_clean() -> None:
    for line in ("别家的价格我不清楚，也不评价", "我们不评价别家，只说这款的成分", "宠物医院拍个X光就知道了",
                 "这个牌子的水壶我们卖了三年，退货很少", "其他课程我不了解，不做比较"):
        assert not rules(line) & DISPARAGE, line


# a study or a lab named as proof with no record behind it (AD-11, AD-04) --------------------------------
def test_studies_and_lab_tests_without_a_record_need_evidence() -> None:
    for line in ("这个猫粮经过哈佛大学研究验证，猫咪吃了更长寿", "实验室测过，这个防晒涂上能扛12个小时",
                 "中科院研究过的，黑曜石能释放负离子"):
        found = rules(line)
        assert found >= {"AD-11", "AD-04"}, (line, found)


def test_research_words_that_are_no_proof_stay_clean() -> None:
    for line in ("这个问题我们研究一下，下播前回复大家", "我研究了一下尺码表，偏大半码"):
        assert not rules(line) & {"AD-11", "AD-04"}, line


# 里面/之中 bound a superlative to the seller's own range only after an own-range word (ABS-6(1)) -----------
def test_a_category_before_li_mian_is_the_whole_market() -> None:
    for line in ("猫粮里面营养最全面的就是这一款", "防晒里面它就是顶流中的顶流，清透度天下第一",
                 "这批黑曜石品质不错，天花板级别的料子"):
        assert rules(line) & {"AD-09-3"}, line


def test_own_range_comparisons_stay_lawful() -> None:
    for line in ("我们家这几款里面，这款最清爽", "今天带的几款当中，这个颜色最百搭", "这批里面这一串颜色最深"):
        assert not rules(line) & {"AD-09-3"}, line


# an AI host's own habit told with a time of day or a season (AD-38) ------------------------------------
def test_host_habits_with_a_time_are_first_person_use() -> None:
    for line in ("这件我自己冬天一直穿，所以才敢推荐", "主播每天早上都吃这个燕麦，一上午都不饿",
                 "家人们我昨天涂着这个防晒去爬山", "我自己家宝宝从出生用到现在两岁"):
        found = rules(line)
        assert found >= {"AD-38", "AD-04"}, (line, found)


def test_staff_use_and_ai_disclosure_stay_clean() -> None:
    for line in ("我是AI，没有皮肤，平时也不涂，运营小姐姐每天都用这个", "我每天都用心给大家挑品",
                 "运营小哥冬天一直穿这件，他说不冷"):
        assert not rules(line) & {"AD-38"}, line


# goods whose name ends in 片 (燕麦片, 薯片) still make stock claims with 最后; 图片最后 is the page's last pictures ---
def test_last_n_after_a_name_ending_in_pian_is_a_stock_claim() -> None:
    assert rules("燕麦片最后二十单了，抢完就没了啊", OATS) >= {"PRICE-ZJ", "AD-04"}
    assert not rules("往下翻图片最后3张是细节图", OATS) & {"PRICE-ZJ", "AD-04"}
