"""Round 12 causes: capability claims against the listing, cure claims on medical goods, wear guarantees,
diseases said to stop appearing, a bare certification backed by its record. Each cause has lines in other
words that must be found and near misses that must not change."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.compliance import Checker
from cohost.compliance.mirrors import resolve_mirrors
from cohost.domain.catalog import CHINA_TZ
from cohost.errors import ConfigError
from tests.unit.compliance_helpers import CHECKER, product, rules_at

rules = rules_at(datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ))

P = {
    "coat": product("R12-C1", "女款连帽羽绒服", "服装", 599.0,
                    attributes={"面料": "聚酯纤维100%，面料防泼水处理", "颜色": "黑/白"},
                    cautions="防泼水不等于防水，大雨天仍会湿透"),
    "shell": product("R12-C2", "户外冲锋衣", "服装", 899.0,
                     attributes={"面料": "三层压胶，防水等级IPX6", "颜色": "黑"}),
    "kettle": product("R12-K1", "1.5L 电热水壶", "家用电器", 129.0,
                      attributes={"容量": "1.5L", "质保": "一年", "功率": "1500W"}),
    "kettle2": product("R12-K2", "1.7L 电热水壶", "家用电器", 229.0,
                       attributes={"容量": "1.7L", "保修": "三年（24个月整机+12个月电机）"}),
    "bank": product("R12-B1", "10000mAh 移动电源", "手机数码", 79.0,
                    attributes={"电芯容量": "10000mAh", "额定容量": "6000mAh", "最大输出": "20W"}),
    "bank2": product("R12-B2", "30000mAh 移动电源", "手机数码", 159.0,
                     attributes={"电芯容量": "30000mAh", "额定容量": "18000mAh"}),
    "nebuliser": product("R12-M1", "压缩式雾化器", "医疗器械", 239.0,
                         attributes={"注册证号": "粤械注准20252080417", "适用范围": "供雾化吸入治疗用"}),
    "bp": product("R12-M2", "上臂式电子血压计", "医疗器械", 199.0,
                  attributes={"注册证号": "粤械注准20252070456", "广告审查批准文号": "粤械广审（文）第2026110456号",
                              "适用范围": "供成人测量血压和脉率"}),
    "towel": product("R12-T1", "六层纱布浴巾", "母婴", 59.0, attributes={"材质": "棉100%"}),
    "seat": product("R12-S1", "儿童安全座椅", "母婴", 1299.0, attributes={"认证": "ECE R129"},
                    evidence=[{"claim": "通过ECE R129认证", "source": "认证证书 E4-129R-03-1234"}]),
    "cup": product("R12-S2", "保温杯", "家居", 99.0, attributes={"容量": "500ml"}),
}

FOUND = [
    # a capability the listing denies or bounds (AD-04; a warranty is a promise too: AD-08)
    ("waterproof", "这件羽绒服绝对防水，暴雨天随便穿", "coat", {"AD-04"}),
    ("waterproof", "面料百分百防水的，雨衣都省了", "coat", {"AD-04"}),
    ("warranty", "我们给到质保三年，放心买", "kettle", {"AD-04", "AD-08"}),
    ("warranty", "两年内坏了免费换新", "kettle", {"AD-04", "AD-08"}),
    ("warranty", "这个壶终身保修", "kettle2", {"AD-04", "AD-08"}),
    ("charges", "出门带它，能给手机充满三次", "bank", {"AD-04"}),
    ("charges", "一台能充十次电，一个月不用插电", "bank2", {"AD-04"}),
    # a cure or treatment claim on a medical device (AD-16 beside AD-46), approved or not
    ("device cure", "这个雾化器给孩子用几天，支气管炎就好了", "nebuliser", {"AD-16", "AD-46"}),
    ("device cure", "天天用它雾化，哮喘能根治", "nebuliser", {"AD-16", "AD-46"}),
    ("device cure", "血压计天天量，高血压就能治好", "bp", {"AD-16", "AD-46"}),
    # wear promised over years, make-up lasting the day whatever happens (AD-04)
    ("wear", "这个杯子用五年也不会掉漆", "cup", {"AD-04"}),
    ("wear", "底妆一整天都不需要补妆", None, {"AD-04"}),
    ("wear", "下水流汗都不会掉，放心涂", None, {"AD-04"}),
    # a disease named first, then said to stop appearing (AD-17)
    ("disease gone", "用了一个月，宝宝的痱子都不长了", "towel", {"AD-17"}),
    ("disease gone", "口腔溃疡和牙龈肿痛再也没犯了", None, {"AD-17"}),
]

NEAR = [
    ("waterproof", "面料做了防泼水，不是完全防水，大雨还是要打伞", "coat"),
    ("waterproof", "这件是完全防水的吗？", "coat"),
    ("waterproof", "冲锋衣完全防水，IPX6的等级", "shell"),
    ("waterproof", "完全防水，下雨天也能穿", "cup"),  # the listing says nothing about water: left to the fact check
    ("warranty", "质保一年，有问题直接找客服", "kettle"),
    ("warranty", "什么终身包换那种话我是不会说的，按一年质保走", "kettle"),
    ("warranty", "整机保修两年，电机三年", "kettle2"),
    ("warranty", "质保五年的那种我们不敢说", "kettle"),
    ("charges", "大概能给手机充满一次多", "bank"),
    ("charges", "能给手机充五次", "bank2"),
    ("charges", "充满电要三个小时", "bank"),
    ("device cure", "有哮喘的宝宝请先去医院，按医生的方案用", "nebuliser"),
    ("device cure", "这个雾化器能治哮喘吗？这个要问医生", "nebuliser"),
    ("device cure", "高血压的朋友每天量一量，心里有数", "bp"),
    ("wear", "柜台的样品杯用了两年都没坏，大家可以来看", "cup"),
    ("wear", "一天都不用补水的话皮肤会干", None),
    ("wear", "出汗会有点掉，记得两小时补涂一次", None),
    ("disease gone", "有湿疹的宝宝先问问医生", "towel"),
    ("disease gone", "痱子都不长了吗？这个我不能保证", "towel"),
    ("certification", "它能做的是通过认证，其他的靠大家正确安装", "seat"),
]


@pytest.mark.parametrize(("cause", "text", "key", "expected"), FOUND)
def test_found(cause: str, text: str, key: str | None, expected: set[str]) -> None:
    got = rules(text, P[key] if key else None)
    assert expected <= got, f"{cause}: {text}: missing {sorted(expected - got)}, got {sorted(got)}"


@pytest.mark.parametrize(("cause", "text", "key"), NEAR)
def test_near_miss(cause: str, text: str, key: str | None) -> None:
    got = rules(text, P[key] if key else None)
    assert not got, f"{cause}: {text}: got {sorted(got)}"


def test_cure_claim_is_art17_off_medical_goods_and_art16_on_them() -> None:
    line = "用了三天，哮喘就好了"
    assert "AD-17" in rules(line, P["towel"]) and "AD-16" not in rules(line, P["towel"])
    assert {"AD-16", "AD-46"} <= rules(line, P["nebuliser"]) and "AD-17" not in rules(line, P["nebuliser"])


def test_bare_certification_without_a_record_still_needs_evidence() -> None:
    assert rules("这个杯子通过认证的", P["cup"]) & {"AD-04", "AD-11"}


def test_mirror_borrows_the_leaders_words_and_needs_a_leader() -> None:
    mirror = next(r for r in CHECKER.rules if r.mirror == "AD-17")
    leader = next(r for r in CHECKER.rules if r.key == "AD-17")
    assert mirror.id == "AD-16" and mirror.triggers == leader.triggers
    assert set(leader.guards) <= set(mirror.guards)
    with pytest.raises(ConfigError):
        resolve_mirrors([r for r in CHECKER.rules if r.key != "AD-17"])
    assert isinstance(Checker(list(CHECKER.rules), CHECKER.categories), Checker)
