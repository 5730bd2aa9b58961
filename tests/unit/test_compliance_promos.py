"""Deals said on air held to the listing, the clock and the stock (cohost.compliance.offers)."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.compliance import Checker
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ

NOW = datetime(2027, 3, 8, 19, 30, tzinfo=CHINA_TZ)


def _promo(kind: str, text: str, start: str, end: str) -> dict[str, str]:
    return {"kind": kind, "description": text, "starts_at": f"2027-03-08T{start}:00+08:00",
            "ends_at": f"2027-03-08T{end}:00+08:00"}


def _product(sku: str, **over: object) -> Product:
    raw: dict[str, object] = {"sku": sku, "currency": "CNY", "title": "测试商品", "category": "家居", "price": 100.0,
                              "stock": 500}
    raw.update(over)
    return Product.model_validate(raw)


KETTLE = _product("T-KETTLE", title="不锈钢电水壶 1.7L", category="家用电器", price=159.0, list_price=199.0, stock=300,
                  promotions=[_promo("coupon", "直播间券后立减20元", "19:00", "21:00")])
SOAP = _product("T-SOAP", title="洗衣液 2kg", category="家居清洁", price=39.9, stock=900,
                promotions=[_promo("bundle", "买3瓶送同款2kg 1瓶", "19:00", "22:00")])
MILK = _product("T-MILK", title="成人奶粉 900g", category="食品", price=158.0, stock=400,
                promotions=[_promo("gift", "买2罐送150g体验装1罐", "19:00", "22:00")],
                variants=[{"sku": "T-MILK-150", "name": "150g体验装（赠品）", "price": 45.0, "stock": 300}])
HEATER = _product("T-HEATER", title="取暖器", category="家用电器", price=299.0, list_price=349.0, stock=80,
                  promotions=[_promo("discount", "直播间立减40元", "18:00", "19:00")])
TEA = _product("T-TEA", title="明前龙井 250g", category="食品", price=268.0, stock=150,
               promotions=[_promo("gift", "下单送茶则1个", "19:00", "22:00")])
VEST = _product("T-VEST", title="羽绒马甲", category="服装", price=199.0, stock=12)
PILLS = _product("T-PILLS", title="钙维生素D咀嚼片 60片", category="保健食品", price=88.0, stock=600,
                 attributes={"备案号": "食健备G202700000001", "保健功能": "补钙", "不适宜人群": "少年儿童、孕妇"})
SECOND_HAND = _product("T-CAMERA", title="二手微单相机", category="二手数码", price=3200.0, stock=1)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker.default()


def _ids(checker: Checker, text: str, product: Product | None, now: datetime = NOW) -> set[str]:
    return {f.rule for f in checker.check(text, product=product, now=now, mode="live")}


@pytest.mark.parametrize(("text", "product", "expected"), [
    ("水壶159减20，到手129，冲", KETTLE, {"PRICE-19", "PRICE-20"}),  # 159-20 is 139
    ("两瓶一起拍到手只要200", _product("T-SHAMPOO", price=129.0, stock=300,
                                      promotions=[_promo("discount", "满2瓶减30元", "19:00", "22:00")]), {"PRICE-19", "PRICE-20"}),
    ("洗衣液今天买3送2，五瓶才79.8", SOAP, {"PRICE-19", "PRICE-20"}),
    ("买两罐送一罐同款900克正装，相当于白拿一罐", MILK, {"PRICE-19", "PRICE-20"}),
    ("取暖器立减还在，299减完259，随时拍", HEATER, {"PRICE-19", "PRICE-20"}),  # the 立减 ended at 19:00
    ("茶叶下播就涨价，要的抓紧", TEA, {"PRICE-ZJ", "PRICE-19"}),  # only a gift is on: nothing to rise from
    ("马甲明年也没了，就这一批了", VEST, {"PRICE-ZJ", "AD-04"}),
    ("马甲还有好几百件，随便挑", VEST, {"PRICE-ZJ", "AD-04"}),  # 12 in stock
    ("商场里这款水壶卖两百多，咱们159", _product("T-KETTLE2", price=159.0, stock=300), {"PRICE-16", "LSE-32"}),
    ("小朋友也可以吃，一天一片", PILLS, {"AD-04", "AD-10", "AD-18"}),
    ("Was 899, now just 599 for the first hour!", None, {"PRICE-16", "EU-PID-6a"}),
])
def test_false_offers_are_reported(checker: Checker, text: str, product: Product | None, expected: set[str]) -> None:
    assert expected <= _ids(checker, text, product)


@pytest.mark.parametrize(("text", "product", "now"), [
    ("水壶159减20，到手139，九点前有效", KETTLE, NOW),
    ("券后到手139，划线价199", KETTLE, NOW),
    ("两瓶一起拍到手228", _product("T-SHAMPOO", price=129.0, stock=300,
                              promotions=[_promo("discount", "满2瓶减30元", "19:00", "22:00")]), NOW),
    ("洗衣液买3送1，四瓶一共119.7", SOAP, NOW),
    ("买两罐送一罐150克的体验装，体验装单买是45", MILK, NOW),
    ("立减40的活动六点到七点，已经结束了，现在是299", HEATER, NOW),
    ("立减还有二十分钟，七点整结束", HEATER, datetime(2027, 3, 8, 18, 40, tzinfo=CHINA_TZ)),
    ("茶叶今晚下单送茶则，价格不会涨，放心", TEA, NOW),
    ("券九点结束，九点以后就涨回159", KETTLE, NOW),
    ("马甲库存就12件，卖完等下一批到货", VEST, NOW),
    ("库存还有上百件，不着急", _product("T-COAT", price=599.0, stock=140), NOW),
    ("二手相机就这一台，拍完就没了，不再补货", SECOND_HAND, NOW),
    ("成年人每天一片，少年儿童不适宜食用", PILLS, NOW),
    ("报告编号QA-2027-0305，2027年3月出的", TEA, NOW),
])
def test_lawful_neighbours_stay_clean(checker: Checker, text: str, product: Product, now: datetime) -> None:
    price_ids = {"PRICE-16", "PRICE-19", "PRICE-20", "PRICE-ZJ", "LSE-32", "AD-04", "AD-10", "AD-18", "EU-UCP-A7"}
    assert not _ids(checker, text, product, now) & price_ids


def test_claims_show_the_arithmetic(checker: Checker) -> None:
    found = [c for c in checker.claims("159减20，到手129", KETTLE, NOW) if c.verdict == "contradicted"]
    assert any(c.expected == "139元" for c in found)


def test_bundle_counts_under_the_offer(checker: Checker) -> None:
    # 买3送1: four bottles cost three, eight cost six
    assert not _ids(checker, "八瓶一共239.4", SOAP) & {"PRICE-19", "PRICE-20"}
    assert {"PRICE-19", "PRICE-20"} <= _ids(checker, "八瓶一共199.5", SOAP)


def test_refused_forecast_is_not_claimed(checker: Checker) -> None:
    assert "PRICE-19" not in _ids(checker, "我不会跟你说什么明天就涨价，没这回事", TEA)


def test_endorsement_on_air_names_host_rule(checker: Checker) -> None:
    assert {"AD-11", "HOST-26"} <= _ids(checker, "好多营养师都推荐这款", None)


def test_value_of_plenty_is_its_lower_bound(checker: Checker) -> None:
    claims = checker.claims("还有上百件", VEST, NOW)
    plenty = [c for c in claims if c.kind == "stock" and c.verdict == "contradicted"]
    assert plenty and plenty[0].expected == "实际库存12件"
