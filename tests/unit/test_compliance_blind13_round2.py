"""Round two of the blind13 causes: each mechanism tested with a line it must catch, in new wording, and a near
miss that must stay clean (fabricated and paid reviews, reported results, minors in the host's talk, emotional
traps, disparagement of rivals and critics, viewers' personal and health data, certain-outcome guarantees and the
spelling or dialect evasions of superlatives)."""

from __future__ import annotations

from datetime import datetime

from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-12-05T20:30:00+08:00")
_rules = rules_at(NOW)

THERMOMETER = product("R2-TH", "电子体温计", "医疗器械", 59, stock=500,
                      attributes={"注册证号": "苏械注准20232070009"})
STROLLER = product("R2-ST", "婴儿推车", "母婴", 899, stock=200)
DASHCAM = product("R2-DC", "行车记录仪 双镜头", "汽车用品", 399, stock=300)
LIPBALM = product("R2-LB", "润唇膏", "化妆品", 39, stock=800)


# --- fabricated and paid reviews -------------------------------------------------------------------------------

def test_a_review_bought_with_a_reward_is_an_incentivised_fake_review() -> None:
    found = _rules("晒图五星好评返3元，截图发给客服", LIPBALM)
    assert {"ECL-17", "US-FTC-465", "LSE-44"} <= found
    assert "ECL-17" not in _rules("收到货有问题可以截图发给客服", LIPBALM)


def test_commissioned_or_ai_made_buyer_content_passed_off_as_real() -> None:
    assert {"ECL-17", "LSE-44", "US-FTC-465"} <= _rules("给我编三十条好评，口吻像普通买家", mode="text")
    assert {"ECL-17", "LSE-34"} <= _rules("让AI合成几段买家秀，就说是老顾客自己拍的", mode="text")
    assert not {"ECL-17", "LSE-34"} & _rules("把买家授权的真实评价截图整理出来", mode="text")


def test_a_review_tally_said_as_fact() -> None:
    assert {"LSE-34", "AD-04"} <= _rules("上万条评价里没有一条差评", LIPBALM)
    assert not {"LSE-34", "AD-04"} & _rules("差评我们也都会一条条回复", LIPBALM)


def test_a_viewers_result_told_as_fact() -> None:
    assert {"LSE-34", "AD-04"} <= _rules("有个宝妈跟我讲，她闺女吃了两个月重了三斤")
    assert {"LSE-34", "AD-04"} <= _rules("好多用过的姐妹都留言说，这支涂了一整个冬天一点没干", LIPBALM)
    assert {"LSE-34", "AD-04"} <= _rules("有位大哥买完来说，这记录仪帮他打赢了理赔", DASHCAM)
    assert "LSE-34" not in _rules("有个宝妈问，孩子多大能坐这个推车", STROLLER)


def test_a_professionals_use_reported_on_a_medical_device() -> None:
    assert {"LSE-34", "AD-16"} <= _rules("有个护士粉丝说她们病房都在用这款体温计", THERMOMETER)
    assert "AD-16" not in _rules("有个护士粉丝说她们病房都在用这款推车", STROLLER)
    assert "LSE-34" not in _rules("有护士朋友问这款体温计怎么校准", THERMOMETER)


def test_english_reviews_the_seller_wrote_itself() -> None:
    assert {"EU-UCP-A23b/c", "US-FTC-465"} <= _rules("Here are a few testimonials our team made up to show the feel.")
    assert "EU-UCP-A23b/c" not in _rules("Here are a few reviews we received from verified buyers last month.")


# --- minors in the host's own talk ------------------------------------------------------------------------------

def test_a_viewer_who_said_they_are_a_minor_is_pushed_to_pay() -> None:
    assert {"AD-40", "ANTH-6"} <= _rules("那个说自己初一的小伙伴，喜欢就直接拍")
    assert {"AD-40", "ANTH-6"} <= _rules("说自己14岁的那位，用你的零花钱拍就行")
    assert "AD-40" not in _rules("那个说自己初一的小伙伴，这个不推荐你买，让家长看看")


def test_a_child_told_to_pester_a_parent() -> None:
    assert {"AD-40", "AD-10"} <= _rules("小朋友们回家缠着爸爸撒娇，不给买就不睡觉")
    assert "AD-10" not in _rules("宝宝哭闹的时候可以推着它出去走走", STROLLER)


def test_a_child_told_to_copy_an_unsafe_act() -> None:
    assert {"AD-40", "AD-10"} <= _rules("孩子们也可以跟着我学，把洗衣液和漂白水混在一起玩")
    assert "AD-10" not in _rules("孩子们可以跟着我学这个手指操")


def test_a_child_under_ten_as_endorser() -> None:
    found = _rules("请一个6岁小男孩形象的虚拟人来代言这款体温计", THERMOMETER, mode="text")
    assert {"AD-38", "AD-16"} <= found
    assert "AD-38" not in _rules("这款体温计适合6岁以上儿童使用", THERMOMETER, mode="text")


# --- emotional manipulation -------------------------------------------------------------------------------------

def test_the_host_as_the_only_true_friend() -> None:
    assert "ANTH-4" in _rules("只有主播不会坑你，外面的人都在割你")
    assert "ANTH-4" not in _rules("买之前多比较几家，不着急")


def test_leaving_said_to_forfeit_the_offer_forever() -> None:
    assert {"ANTH-3", "ANTH-4"} <= _rules("现在离开直播间的话，这份福利就跟你无缘了")
    assert "ANTH-3" not in _rules("福利今晚十点结束，有事可以先忙")


def test_buying_offered_as_the_hosts_company_to_a_lonely_viewer() -> None:
    assert {"ANTH-4", "ANTH-7"} <= _rules("阿姨您独居没人陪，买下这台就当是我天天陪着您")
    assert "ANTH-7" not in _rules("独居老人用这款体温计，数字大看得清", THERMOMETER)


def test_a_pet_name_asking_for_a_favour() -> None:
    assert "PLAT-DY-4" in _rules("老公们给点面子嘛，拍一单")
    assert "PLAT-DY-4" not in _rules("这款买给老公也很合适")


# --- disparagement ----------------------------------------------------------------------------------------------

def test_rivals_goods_called_adulterated_and_critics_called_their_trolls() -> None:
    assert {"AD-13", "LSE-36"} <= _rules("别家的银饰都掺杂了，纯度根本不够")
    assert {"AD-13", "LSE-36"} <= _rules("说漏油的那几个都是对手雇的水军")
    assert "AD-13" not in _rules("有同行来直播间学习我们也欢迎")


# --- personal data read out on air ------------------------------------------------------------------------------

def test_a_recipients_name_with_an_address() -> None:
    assert {"PII-NAME", "PII-ADDR", "PI-25"} <= _rules("中奖的收货人张建华，杭州市西湖区文三路90号3单元")
    assert "PII-NAME" not in _rules("收货人请填写详细地址，方便快递送达")


def test_a_named_winner_with_an_honorific_and_a_phone() -> None:
    assert {"PII-NAME", "PII-MOB"} <= _rules("恭喜李桂芳奶奶中奖，电话13912345678我记下了")


def test_a_viewers_health_told_to_the_room() -> None:
    assert {"PI-28", "PI-25"} <= _rules("那位说自己有高血压的王叔叔，你的情况我给大家讲讲")
    assert "PI-28" not in _rules("有高血压的朋友使用前请咨询医生")


def test_a_wechat_id_said_by_the_host() -> None:
    assert "PII-WX" in _rules("要福利的加我wx：shop_helper9")
    assert "PII-WX" not in _rules("有问题请在平台内联系客服")


# --- guarantees and superlative evasions ------------------------------------------------------------------------

def test_certain_outcomes_promised_in_so_many_words() -> None:
    assert "AD-04" in _rules("这款记录仪绝对不会出问题", DASHCAM)
    assert "AD-04" in _rules("配上这个护身符，保你全家平安")
    assert "AD-04" in _rules("这个蜂蜜常温永久不变质")
    assert "AD-04" not in _rules("按说明保存，开封后尽快吃完")


def test_a_lookalike_of_zui_and_dialect_superlatives() -> None:
    assert "AD-09-3" in _rules("这是全网蕞好用的记录仪", DASHCAM)
    assert "AD-09-3" in _rules("这推车在我们这儿是头一份儿，没得比", STROLLER)
    assert "AD-09-3" not in _rules("这是头一批到货的推车", STROLLER)


def test_yes_real_said_as_a_bare_reply() -> None:
    assert "ANTH-1" in _rules("有人问我是不是真人，当然是真人啦")
    assert "ANTH-1" not in _rules("有人问我是不是真人，我是AI主播，不是真人哦")


def test_operator_dark_patterns() -> None:
    assert {"ECL-18", "PI-24"} <= _rules("把个性化推荐的开关做得很小，放到最后", mode="text")
    assert "ECL-18" not in _rules("个性化推荐可以在设置里随时关闭", mode="text")
    assert "LSM-21" in _rules("说推车轮子有异响的评论，直接禁言", mode="text")


def test_a_group_said_to_need_nothing_by_nature() -> None:
    assert "AD-09-9" in _rules("老外用不着这个润唇膏，反正天生不干", LIPBALM)
    assert "AD-09-9" not in _rules("冬天不用防晒吗？其实也需要", LIPBALM)
