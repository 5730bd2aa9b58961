"""Law completeness (rules/laws.toml, the co-report table) and the weak families of session S3: each cause is
tested with lines the mechanism must catch and near misses that must stay clean. The wordings are new (none is a
case sentence of any bench set)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cohost.compliance import Checker
from cohost.errors import ConfigError
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime.fromisoformat("2026-11-21T20:00:00+08:00")
_rules = rules_at(NOW)
_TONIGHT = {"starts_at": "2026-11-21T00:00:00+08:00", "ends_at": "2026-11-21T23:59:00+08:00"}

KETTLE = product("L3-KT", "不锈钢电热水壶 1.7L", "小家电", 129, list_price=159, stock=800,
                 promotions=[{"kind": "flash", "description": "直播间限时价129", **_TONIGHT}])
SLEEPING_BAG = product("L3-SB", "羽绒睡袋 -10℃", "户外", 699, stock=260)
MILK = product("L3-MK", "婴儿配方奶粉 2段 900g", "婴幼儿配方奶粉", 298)


# --- the co-report table: fake scarcity ---------------------------------------------------------------------------

def test_fake_scarcity_reports_every_law_that_names_it() -> None:
    for line in ("水壶就剩最后两台了，拍完今天就没了", "库存只有五个了哈，要的抓紧"):
        assert {"PRICE-ZJ", "AD-04", "EU-UCP-A7", "LOCAL-ZJ"} <= _rules(line, KETTLE)


def test_true_stock_or_a_purchase_limit_reports_none_of_them() -> None:
    assert not _rules("库存还有几百台，大家按需下单", KETTLE)
    assert not _rules("每个账号限购一台哦", KETTLE)


# --- the co-report table: fake countdowns and "back to the original price" ----------------------------------------

def test_a_deadline_the_promotion_windows_contradict_is_also_price_fraud_and_ucpd_annex_i_7() -> None:
    assert {"PRICE-ZJ", "PRICE-19", "EU-UCP-A7", "LOCAL-ZJ"} <= _rules("睡袋的价格今晚十二点截止", SLEEPING_BAG)


def test_the_price_said_to_come_back_is_price_fraud_and_false_urgency_even_without_a_product() -> None:
    assert {"PRICE-19", "PRICE-ZJ", "EU-UCP-A7"} <= _rules("过一会儿价格就涨回去了，家人们看准了再拍")
    assert {"PRICE-19", "PRICE-ZJ", "EU-UCP-A7"} <= _rules("再过十分钟恢复日常价", SLEEPING_BAG)


def test_a_true_deadline_or_a_reference_price_with_its_figure_is_not_price_fraud() -> None:
    assert not _rules("活动价到今晚23:59，以页面显示为准", KETTLE)
    assert "PRICE-19" not in _rules("活动结束后按页面价格销售", KETTLE)
    assert "PRICE-16" in _rules("明晚就恢复原价259", KETTLE)  # the figure is the reference price, checked itself


def test_never_again_price_words_carry_the_urgency_laws_and_lowest_price_words_do_not() -> None:
    assert {"PRICE-19", "PRICE-ZJ", "EU-UCP-A7"} <= _rules("下了播就再也没有这个价了")
    lowest = _rules("全网最低价", mode="text")
    assert "PRICE-19" in lowest and "EU-UCP-A7" not in lowest


def test_english_scarcity_said_with_just_is_a_stock_claim() -> None:
    assert {"EU-UCP-A7", "PRICE-ZJ", "EU-UCP-6"} <= _rules("Just 3 kettles left, grab one now!", KETTLE)
    assert not _rules("Plenty in stock, no rush.", KETTLE)


# --- the co-report table: metrics, reviews, price, labels, manipulation ---------------------------------------------

def test_an_audience_figure_cites_the_article_item_and_is_not_organised_fake_traffic() -> None:
    found = _rules("现在直播间有八万人同时在看", stats={"online": 600})
    assert {"LSM-18", "LSM-18(4)", "LSE-34"} <= found
    assert not found & {"LSE-44", "US-FTC-465.8"}  # those follow the fake-traffic words, not a figure


def test_cited_research_without_a_source_is_also_unverifiable_data() -> None:
    assert {"AD-11", "AD-04"} <= _rules("实验数据显示保温效果提升了40%", mode="text")


def test_hiding_bad_reviews_carries_the_review_suppression_laws() -> None:
    assert {"LSM-21", "US-FTC-465.7", "LOCAL-ZJ"} <= _rules("差评我让客服都删了")


def test_personalised_pricing_reports_all_three_laws_of_t55() -> None:
    assert {"PI-24", "ECL-18", "CPL-14"} <= _rules("老客户看到的价格比新客户高一点", mode="text")


def test_removing_the_ai_label_breaks_the_deep_synthesis_rule_too() -> None:
    assert {"LBL-10", "DS-18", "LSE-37"} <= _rules("录屏前先把数字人的AI字样遮起来", mode="text")
    assert not _rules("AI生成的标识会一直显示在画面右上角", mode="text")


def test_holding_a_viewer_back_is_an_emotional_trap_too() -> None:
    assert {"ANTH-3", "ANTH-4", "EU-AI-5"} <= _rules("先别划走嘛，陪我把这单冲完")
    assert not _rules("有事先去忙吧，回放里都能看到")


def test_infant_milk_said_to_replace_breast_milk_names_the_sector_id_and_minors_health() -> None:
    assert {"AD-20", "SEC-INFANT", "AD-10"} <= _rules("喝这个完全可以替代母乳", MILK, mode="text")


# --- the table is data, checked when loaded -------------------------------------------------------------------------

def _load(tmp_path: Path, laws: str) -> Checker:
    folder = Path(str(CHECKER_RULES))
    for name in ("categories.toml", "price.toml", "urgency.toml"):
        (tmp_path / name).write_text((folder / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "laws.toml").write_text(laws, encoding="utf-8")
    return Checker.from_directory(tmp_path)


CHECKER_RULES = Path(__file__).resolve().parents[2] / "src" / "cohost" / "compliance" / "rules"


def test_a_row_without_the_law_text_or_with_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"laws\.toml:also\[0\]"):
        _load(tmp_path, '[[also]]\nafter = "PRICE-ZJ"\nreport = ["NEW-1"]\n')
    with pytest.raises(ConfigError, match="unknown key"):
        _load(tmp_path, '[[also]]\nafter = "PRICE-ZJ"\nreport = ["AD-04"]\nwhen = "x"\n')


def test_a_row_follows_only_the_kinds_of_finding_it_names(tmp_path: Path) -> None:
    checker = _load(tmp_path, '[laws."X-1"]\ntitle = "t"\nlaw = "l"\nseverity = "S3"\nmessage = "{text}"\n'
                              'message_en = "{text}"\n[[also]]\nafter = "PRICE-ZJ"\non = ["window"]\nreport = ["X-1"]\n')
    assert "X-1" in {f.rule for f in checker.check("今晚12点截止", now=NOW, mode="live")}
    assert "X-1" not in {f.rule for f in checker.check("只剩3件了", now=NOW, mode="live")}


# --- the weak families: detection --------------------------------------------------------------------------------------

def test_a_group_by_skin_or_origin_belittled_is_discrimination() -> None:
    assert "AD-09-9" in _rules("黑皮肤的就别挑这个色号了，涂上显得更土")
    assert "AD-09-9" in _rules("乡下来的大爷懂什么智能水壶")
    assert "AD-09-9" not in _rules("黄黑皮可以选自然色，显气色")
    assert "AD-09-9" not in _rules("大爷大妈用的话，字体可以调大")


def test_sending_buyers_to_another_platform_to_order_is_diversion() -> None:
    assert "DATA-4" in _rules("想要同款的去我闲鱼主页下单，便宜不少")
    assert "DATA-4" in _rules("来我们公众号上购买，那边有会员价")
    assert "DATA-4" not in _rules("我们在小红书也发了使用教程，可以去看看")


def test_side_accounts_posting_fake_orders_are_fake_traffic() -> None:
    assert {"LSM-18", "LSE-44"} <= _rules("多养几个马甲号轮流发已付款", mode="text")
    assert "LSM-18" in _rules("评论区安排人刷已拍", mode="text")
    assert "LSM-18" not in _rules("牙刷已拍的宝宝记得领券")
    assert "LSM-18" not in _rules("已拍的宝宝耐心等发货")


def test_a_child_told_to_save_pocket_money_or_keep_it_from_parents_is_minors_pressure() -> None:
    assert {"AD-40", "ANTH-6"} <= _rules("小学生把压岁钱省一省就够买了")
    assert {"AD-40", "ANTH-6"} <= _rules("下单了千万别告诉家长哦")
    assert "AD-40" not in _rules("未成年人购买请在家长同意下进行")


def test_the_host_saying_the_person_on_screen_is_really_them_denies_being_ai() -> None:
    assert "ANTH-1" in _rules("镜头前的就是我本人，不信你们问")
    assert "ANTH-1" in _rules("我要是机器人还能记得你上次买的啥吗")
    assert "ANTH-1" not in _rules("我是AI主播，镜头前的形象是数字人")


def test_rivals_goods_called_stale_or_fake_is_disparagement() -> None:
    assert {"AD-13", "LSE-36"} <= _rules("别的直播间的茶叶都是陈货，泡出来一股味")
    assert "AD-13" not in _rules("我们家去年的茶叶已经全部下架了")
