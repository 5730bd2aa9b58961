"""Long spoken host talk (blind21's false alarms, fixed by cause): quoted, refused and corrected speech, fillers, evidence
read with its report number, listed certificates, promotion caps and gifts, variant prices and stock, durations. Each
cause has lawful lines in other wordings (other goods, other shows) that must stay clean, and the violating neighbour
that must still be caught."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 40, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

_TONIGHT = {"starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}
_FLASH = {"starts_at": "2026-11-22T21:30:00+08:00", "ends_at": "2026-11-22T21:40:00+08:00"}

P: dict[str, Product | None] = {
    "none": None,
    "tea": product("ST-CH", "岩茶礼盒", "食品", 168, list_price=198, stock=900, attributes={"产地": "福建武夷山"},
                   variants=[{"sku": "ST-CH-S", "name": "50g小罐", "price": 29, "stock": 300}],
                   promotions=[{"kind": "gift", "description": "下单送同款50g小罐1罐", **_TONIGHT},
                               {"kind": "flash", "description": "21:30整点秒杀：2盒298元，限量100件", **_FLASH}]),
    "heater": product("ST-NF", "暖脚宝", "家用电器", 129, stock=300, attributes={"认证": "CCC认证", "功率": "100W"}),
    "mop": product("ST-TB", "拖把套装", "家居日用", 99, stock=400,
                   variants=[{"sku": "ST-TB-H", "name": "替换拖布", "price": 15, "stock": 800}],
                   evidence=[{"claim": "拖布吸水率达到自重3倍", "source": "第三方检测报告 QC-2026-0311（2026-03）",
                              "expires_at": None},
                             {"claim": "2026年10月本店拖把类目销量第1（店铺内排名）", "source": "店铺后台报表", "expires_at": None}]),
    "coat": product("ST-YR", "羽绒服", "服装鞋包", 899, stock=200, attributes={"产地": "江苏常熟"},
                    promotions=[{"kind": "coupon", "description": "券后立减100元", **_TONIGHT}]),
}


# 1. quoted and refused speech: a viewer's words the host will not repeat, a wording the host refuses to use, a slip
#    corrected on air
@pytest.mark.parametrize(("text", "key", "banned"), [
    ("有观众在弹幕里说隔壁那家是智商税，哎，这个我们不跟着说，各家有各家的做法", "none", {"AD-13"}),
    ("我不跟大家说什么过了今晚就涨价，券明天还能用", "coat", {"PRICE-19", "PRICE-ZJ"}),
    ("羽绒服产地是江苏常熟，我不给你编什么全国顶级工艺哈", "coat", {"AD-09-3", "HOST-26"}),
    ("不是剩三分钟，我口误了，这个券十点才结束，还早", "coat", {"PRICE-ZJ", "EU-UCP-A7"}),
])
def test_quoted_refused_and_corrected_speech_stays_clean(text: str, key: str, banned: set[str]) -> None:
    assert not rules(text, P[key]) & banned


@pytest.mark.parametrize(("text", "key", "rule"), [
    ("有观众说隔壁那家是智商税，对对对，说得太对了", "none", "AD-13"),      # agreement keeps it the host's
    ("评论区那几个说起球的都是同行派来的黑子，大家别信", "none", "AD-13"),  # telling the room the critics lie
    ("我跟你说，明天就涨价", "mop", "PRICE-ZJ"),
    ("我不说什么套话，这就是全国顶级工艺", "coat", "AD-09-3"),               # the claim is in its own clause
])
def test_claims_beside_quotes_still_caught(text: str, key: str, rule: str) -> None:
    assert rule in rules(text, P[key])


# 2. fillers and spoken durations: a filler closing a place, a remainder of time, a count naming another noun
@pytest.mark.parametrize(("text", "key", "banned"), [
    ("产地是江苏常熟啊，那边做羽绒的厂子多", "coat", {"AD-04"}),
    ("券还有一个小时二十分钟，不着急，先量好尺码", "coat", {"PRICE-ZJ", "PRICE-19"}),
    ("我们家就这一个颜色哈，黑的，没有别的色", "coat", {"PRICE-ZJ", "AD-04"}),
    ("说的是券还剩一个多小时，不急", "coat", {"PRICE-ZJ", "AD-04"}),
])
def test_fillers_and_durations_stay_clean(text: str, key: str, banned: set[str]) -> None:
    assert not rules(text, P[key]) & banned


def test_false_remainders_still_caught() -> None:
    assert "PRICE-ZJ" in rules("券只剩十分钟了，赶紧拍", P["coat"])
    assert "PRICE-ZJ" in rules("就剩这一个了，拍完就没了", P["coat"])
    assert "AD-04" in rules("产地是浙江湖州哈，正宗", P["coat"])


# 3. promotions read from the listing: the flash sale's own cap, a gift named by its pack or with its window, a variant's
#    own price and stock
@pytest.mark.parametrize(("text", "key", "banned"), [
    ("九点半有个秒杀，两盒298，限量100件，九点半到九点四十", "tea", {"PRICE-ZJ", "AD-04"}),
    ("送小罐到十点哈，小罐库存还有三百罐，够送的", "tea", {"PRICE-ZJ", "AD-04", "PRICE-20"}),
    ("赠品是同款的小罐1罐，小罐单卖29，赠品的价值我就按单卖的价格说", "tea", {"PRICE-20", "PRICE-18"}),
    ("替换拖布平时卖15一块，拖把99", "mop", {"PRICE-16", "LSE-32"}),
    ("拖把送一块替换拖布，拖布单买是15", "mop", {"LSM-18", "ECL-17"}),
])
def test_listed_promotions_gifts_and_variants_stay_clean(text: str, key: str, banned: set[str]) -> None:
    assert not rules(text, P[key]) & banned


def test_unlisted_promotions_still_caught() -> None:
    assert "PRICE-ZJ" in rules("限量50件，抢完就没了", P["tea"])               # no cap of 50 on the listing
    assert "PRICE-20" in rules("下单送一个保温杯", P["tea"])
    assert "PRICE-16" in rules("拖把平时卖199，今天99", P["mop"])              # no list price, no variant at 199
    assert "LSM-18" in rules("找人刷单冲销量", P["mop"])


# 4. evidence read with its report number or its own words; a certificate the listing names
@pytest.mark.parametrize(("text", "key"), [
    ("吸水这个有第三方检测报告QC-2026-0311，拖布吸水率是自重的3倍", "mop"),
    ("2026年10月我们店里拖把类目卖得第一，店铺后台报表，不是全网", "mop"),
    ("暖脚宝有CCC认证，3C是国家强制性产品认证，是硬性要求", "heater"),
])
def test_cited_evidence_and_listed_certificates_stay_clean(text: str, key: str) -> None:
    assert not rules(text, P[key]) & {"AD-11", "AD-04", "AD-09-3"}


def test_evidence_the_listing_lacks_still_caught() -> None:
    assert "AD-11" in rules("暖脚宝通过了SGS检测", P["heater"])
    assert "AD-11" in rules("第三方检测报告QC-2099-0001，吸水率十倍", P["mop"])
    assert "AD-09-3" in rules("我们拖把全网销量第一", P["mop"])


# 5. 最/唯一 in lawful spoken senses: a cap as a prohibition, advice on manner, a usage method, the host's own words, a
#    scope said only to be denied; minors' wishes refused; another person's use
@pytest.mark.parametrize(("text", "key", "banned"), [
    ("水最多别加过刻度线，加多了会溢", "none", {"AD-09-3"}),
    ("换新粮最好慢慢来，一次掺一点", "none", {"AD-09-3"}),
    ("最简单的用法就是直接冲，等三分钟", "none", {"AD-09-3"}),
    ("这是我今天讲得最重要的一句话：用电安全", "none", {"AD-09-3"}),
    ("黑色是我们家这几款里唯一的深色，不是说全网唯一", "none", {"AD-09-3"}),
    ("有个同学说他十四岁想买这个，这个不用你下单哈，让家里大人决定", "none", {"AD-40", "ANTH-6"}),
    ("我不能保证你吃了一盒就见效，每个人不一样", "none", {"AD-38"}),
    ("快递到了转运站一般一天就到，这个转运是物流的转运", "none", {"AD-09-8"}),
])
def test_lawful_spoken_senses_stay_clean(text: str, key: str, banned: set[str]) -> None:
    assert not rules(text, P[key]) & banned


@pytest.mark.parametrize(("text", "rule"), [
    ("这是全网最好用的拖把", "AD-09-3"),
    ("黑色是全网唯一的深色", "AD-09-3"),
    ("有个同学说自己十四岁，现在就拍，别犹豫", "AD-40"),
    ("我吃了一盒就见效了", "AD-38"),
    ("戴上这个手串就能转运", "AD-09-8"),
])
def test_spoken_claims_still_caught(text: str, rule: str) -> None:
    assert rule in rules(text, P["none"])
