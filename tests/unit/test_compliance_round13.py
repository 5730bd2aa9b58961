"""Round 13 causes: grades borrowed from a stricter trade (航天级, 军工级) and medical grades on goods that are not
medical (医用级纱布), awards won with a plain verb (拿了红点奖), a lottery win promised by the goods, and a quality
promise made of every unit (每只都保证满黄), a hospital's recommendation, an effect within a dose (一盒见效)
a child said to outgrow its peers and a stone said to be flawless. Each cause has lines in other words that must be found and near misses
that must not change."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

rules = rules_at(datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ))

P = {
    "pillow": product("R13-H1", "记忆棉枕头", "家居日用", 159.0, attributes={"材质": "慢回弹记忆棉"}),
    "quilt": product("R13-H2", "纯棉四件套", "家居日用", 299.0, attributes={"材质": "棉100%"}),
    "towel": product("R13-B1", "六层纱布浴巾", "母婴用品", 59.0, attributes={"材质": "棉100%"}),
    "thermo": product("R13-M1", "电子体温计", "医疗器械", 39.0, attributes={"注册证号": "粤械注准20252070001"}),
    "bank": product("R13-D1", "10000mAh 移动电源", "手机数码", 79.0, attributes={"电芯容量": "10000mAh"}),
    "beer": product("R13-A1", "精酿啤酒 500ml", "酒类", 12.0),
    "crab": product("R13-F1", "阳澄湖大闸蟹 4两", "生鲜", 398.0),
    "spray": product("R13-H3", "助眠香氛喷雾", "家居日用", 89.0),
    "oats": product("R13-F2", "即食燕麦片 1kg", "食品", 39.0),
    "jade": product("R13-J1", "翡翠手镯", "珠宝翡翠", 12800.0),
    "coat": product("R13-C1", "羊毛大衣", "服装", 899.0),
    "milk": product("R13-F3", "儿童成长奶粉 800g", "食品", 268.0),
}

FOUND = [
    # a borrowed grade: the superlative (AD-09-3) and a standard never certified (AD-04)
    ("borrowed grade", "这个枕芯是宇航级的慢回弹材料，睡上去特别托", "pillow", {"AD-09-3", "AD-04"}),
    ("borrowed grade", "面料是军工级的，怎么洗都不坏", "quilt", {"AD-09-3", "AD-04"}),
    ("borrowed grade", "外壳用的是太空级材料，摔不坏", "bank", {"AD-04"}),
    # a medical grade on goods that are not medical: Art. 17 (AD-17) and Art. 4 (AD-04)
    ("medical grade", "纱布是医疗级的，宝宝用着放心", "towel", {"AD-17", "AD-04"}),
    ("medical grade", "四件套用的是医用级棉花", "quilt", {"AD-17", "AD-04"}),
    # an award won with a plain verb or a named design award: needs its evidence (AD-11, AD-04)
    ("award", "这款充电宝拿到过iF设计奖", "bank", {"AD-11", "AD-04"}),
    ("award", "去年赢得了德国红点奖的设计", "bank", {"AD-11", "AD-04"}),
    # luck at the lottery or the card table promised by the goods (AD-09-8)
    ("lottery", "喝完这瓶好运啤酒，买彩票一定中", "beer", {"AD-09-8"}),
    ("lottery", "揣着它去打麻将把把赢", None, {"AD-09-8"}),
    # every unit promised a natural quality no one can check (AD-04)
    ("every unit", "每一只都保证是满膏的母蟹", "crab", {"AD-04"}),
    ("every unit", "保证每只都没有空壳", "crab", {"AD-04"}),
    # a hospital or its department said to recommend the goods, with no source (AD-11, AD-04)
    ("hospital", "这款香氛是三甲医院推荐的", "spray", {"AD-11", "AD-04"}),
    ("hospital", "医院神经科都推荐睡前喷一点", "spray", {"AD-11", "AD-04"}),
    # an effect within a stated time or dose (AD-04)
    ("dose", "两瓶见效，三瓶巩固", "oats", {"AD-04"}),
    ("dose", "坚持五天刮油，肚子小一圈", "oats", {"AD-04"}),
    # a child promised to outgrow or outsmart its peers (AD-04)
    ("peers", "喝了这罐奶粉，孩子比同龄人长得高一大截", "milk", {"AD-04"}),
    ("peers", "孕妇喝了宝宝会更聪明", "milk", {"AD-04"}),
    # a natural stone said to have no flaw at all (AD-04)
    ("flawless", "这条手镯毫无瑕疵，一条纹都没有", "jade", {"AD-04"}),
]

NEAR = [
    ("borrowed grade", "这个枕头不是什么航天级的，就是普通记忆棉", "pillow"),
    ("borrowed grade", "外壳是航空级铝合金，很轻", "bank"),
    ("borrowed grade", "记忆棉最早是航天领域研发的材料，这款是民用的慢回弹棉", "pillow"),
    ("medical grade", "这款浴巾不是医用级的，就是普通的全棉纱布", "towel"),
    ("medical grade", "体温计是二类医疗器械，有注册证", "thermo"),
    ("award", "拿到手先检查一下包装", "bank"),
    ("award", "下单的参与抽奖，拿到奖品记得晒图", "bank"),
    ("lottery", "买不买随缘，彩票我也是偶尔买着玩", "beer"),
    ("every unit", "每件都保证正品，放心拍", "crab"),
    ("every unit", "每只都保证当天发货", "crab"),
    ("hospital", "具体怎么用，按医院推荐的方案来", "spray"),
    ("dose", "一瓶搞定卸妆和洁面", None),
    ("dose", "两盒装更划算，一盒能吃半个月", "oats"),
    ("peers", "孩子比同龄孩子高一点的，选大一码", "milk"),
    ("flawless", "做工零瑕疵，走线很整齐", "coat"),
    ("flawless", "有没有纹的？有一点点天然纹，证书上写了", "jade"),
]


@pytest.mark.parametrize(("cause", "text", "key", "expected"), FOUND)
def test_found(cause: str, text: str, key: str | None, expected: set[str]) -> None:
    got = rules(text, P[key] if key else None)
    assert expected <= got, f"{cause}: {text}: missing {sorted(expected - got)}, got {sorted(got)}"


@pytest.mark.parametrize(("cause", "text", "key"), NEAR)
def test_near_miss(cause: str, text: str, key: str | None) -> None:
    got = rules(text, P[key] if key else None)
    assert not got, f"{cause}: {text}: got {sorted(got)}"


def test_medical_grade_on_medical_goods_is_not_art17() -> None:
    got = rules("医用级的探头，测得快", P["thermo"])
    assert "AD-17" not in got
