"""Claims against a product whose price, stock, promotions and evidence the test controls."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.compliance import Checker
from cohost.domain import Product, facts_for_product

CHECKER = Checker.default()
EVENING = datetime.fromisoformat("2026-11-20T21:00:00+08:00")


@pytest.fixture
def serum() -> Product:
    return Product.model_validate({
        "sku": "MZ-001", "title": "玻尿酸保湿精华液 30ml", "category": "美妆护肤", "price": 89, "list_price": 129,
        "stock": 500, "attributes": {"容量": "30ml", "产地": "上海"},
        "variants": [{"sku": "MZ-001-50", "name": "50ml", "price": 139, "stock": 4}],
        "promotions": [
            {"kind": "gift", "description": "直播间下单送同款5ml小样1支",
             "starts_at": "2026-11-20T20:00:00+08:00", "ends_at": "2026-11-20T23:59:59+08:00"},
            {"kind": "discount", "description": "双12当天直播间立减10元",
             "starts_at": "2026-12-12T00:00:00+08:00", "ends_at": "2026-12-12T23:59:59+08:00"},
        ],
        "evidence": [
            {"claim": "2025年天猫精华类目新品榜第3名", "source": "榜单截图", "expires_at": None},
            {"claim": "2024年度美妆新锐奖", "source": "证书", "expires_at": "2025-12-31T23:59:59+08:00"},
        ],
    })


def rules(text: str, product: Product, now: datetime = EVENING) -> dict[str, str]:
    return {f.rule: f.message for f in CHECKER.check(text, product=product, now=now, mode="live")}


def test_true_price_and_reference_price_pass(serum: Product) -> None:
    assert rules("原价129，今天直播间只要89元", serum) == {}
    assert rules("50ml的139元", serum) == {}


def test_wrong_price_names_the_right_one(serum: Product) -> None:
    [finding] = CHECKER.check("这款精华只要79元", product=serum, now=EVENING)
    assert finding.rule == "PRICE-20" and "89元" in finding.message and "139元" in (finding.suggestion or "")


def test_reference_price_must_match_the_list_price(serum: Product) -> None:
    assert "129元" in rules("原价299，现在89", serum)["PRICE-16"]
    no_list = serum.model_copy(update={"list_price": None})
    assert "没有原价" in rules("原价129，现在89", no_list)["PRICE-16"]


def test_lowest_price_is_flagged_even_when_true(serum: Product) -> None:
    assert {"PRICE-19", "AD-09-3"} <= set(rules("全网最低价89元", serum))


def test_scarcity_is_checked_against_stock(serum: Product) -> None:
    assert "500" in rules("仅剩3件了！", serum)["PRICE-ZJ"]
    assert rules("50ml的只剩4瓶了", serum) == {}                  # the variant's real stock
    assert "PRICE-ZJ" in rules("库存告急，不多了", serum)
    sold_out = serum.model_copy(update={"stock": 0})
    assert "PRICE-ZJ" in rules("现货充足，随便拍", sold_out)


def test_time_limits_need_a_real_promotion_window(serum: Product) -> None:
    assert rules("今晚截止，最后一天", serum) == {}                 # the gift ends 23:59 today
    assert rules("限时送5ml小样", serum) == {}
    assert "PRICE-ZJ" in rules("还有最后10分钟", serum)              # it ends in three hours
    late = datetime.fromisoformat("2026-11-20T23:52:00+08:00")
    assert rules("还有最后10分钟", serum, late) == {}
    next_day = datetime.fromisoformat("2026-11-21T10:00:00+08:00")
    assert "PRICE-ZJ" in rules("今晚截止，最后一天", serum, next_day)


def test_promotions_must_be_on_the_listing_and_running(serum: Product) -> None:
    assert rules("下单送同款5ml小样一支", serum) == {}
    assert "PRICE-20" in rules("下单送面膜一盒", serum)
    assert "不在进行中" in rules("今天立减10元", serum)["PRICE-20"]


def test_ranking_with_evidence_passes_and_without_it_does_not(serum: Product) -> None:
    assert rules("这款是2025年天猫精华类目新品榜第3名", serum) == {}
    assert "AD-09-3" in rules("这款是天猫精华类目销量第一", serum)
    assert "ABS-7" in rules("拿过2024年度美妆新锐奖", serum)       # the certificate expired
    assert "AD-11" in rules("荣获国际美妆金奖", serum)


def test_attributes_numbers_and_origin(serum: Product) -> None:
    assert rules("容量30ml，产地上海", serum) == {}
    assert "30ml" in rules("容量是100ml", serum)["AD-04"]
    assert "AD-04" in rules("法国原装进口", serum)


def test_claims_api_reports_verdicts_and_cited_facts(serum: Product) -> None:
    claims = CHECKER.claims("原价129，只要89元，仅剩3件，产地上海，新品榜第3名，送同款5ml小样一支", serum, now=EVENING)
    verdicts = {c.kind: c for c in claims}
    assert verdicts["reference_price"].verdict == "supported" and verdicts["reference_price"].facts == ("MZ-001.list_price",)
    assert verdicts["price"].verdict == "supported" and verdicts["price"].facts == ("MZ-001.price",)
    assert verdicts["stock"].verdict == "contradicted" and verdicts["stock"].expected == "实际库存500件"
    assert verdicts["origin"].verdict == "supported"
    assert verdicts["ranking"].verdict == "supported" and verdicts["ranking"].facts == ("MZ-001.evidence:1",)
    assert verdicts["promotion"].verdict == "supported" and verdicts["promotion"].facts == ("MZ-001.promotion:1",)
    known = {f.id for f in facts_for_product(serum)}
    for claim in claims:
        assert set(claim.facts) <= known
        assert "原价129，只要89元，仅剩3件，产地上海，新品榜第3名，送同款5ml小样一支"[claim.span[0]:claim.span[1]] == claim.text


def test_claims_without_a_product_are_unsupported_or_need_evidence() -> None:
    verdicts = {c.kind: c.verdict for c in CHECKER.claims("只要89元，销量10万件，仅剩3件", None)}
    assert verdicts == {"price": "unsupported", "sales": "needs_evidence", "stock": "unsupported"}


def test_live_audience_figures_come_from_the_platform() -> None:
    # compliance.md §17 T25: LSM-18(4) and LSE-34 for the same figure
    assert {f.rule for f in CHECKER.check("直播间现在有5万人在抢", mode="live")} == {"LSM-18", "LSM-18(4)", "LSE-34"}
    assert CHECKER.check("直播间现在有800多人在看", mode="live", stats={"online": 834}) == []
    findings = CHECKER.check("直播间现在有5万人在抢", mode="live", stats={"online": 800})
    assert {f.rule for f in findings} == {"LSM-18", "LSM-18(4)", "LSE-34"}  # §17 T25 cites Art. 18 item (4)
    finding = next(f for f in findings if f.rule == "LSM-18")
    assert "800" in finding.message


def test_gates_block_categories_whatever_the_words() -> None:
    drug = Product(sku="RX", title="阿莫西林胶囊", category="处方药", price=20, stock=9)
    [finding] = CHECKER.check("家中常备，欢迎选购", product=drug)
    assert finding.rule == "AD-15" and finding.severity == "critical" and finding.span == (0, 9)
    vitamin = Product(sku="VC", title="维生素C咀嚼片", category="保健食品", price=79, stock=9)
    assert {f.rule for f in CHECKER.check("每天一片", product=vitamin)} == {"AD-46"}
    approved = vitamin.model_copy(update={"attributes": {"广告审查批准文号": "X药广审（文）第1号"}})
    assert {f.rule for f in CHECKER.check("每天一片", product=approved)} == {"AD-18"}
    assert CHECKER.check("本品不能代替药物。每天一片", product=approved) == []
