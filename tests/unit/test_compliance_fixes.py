"""What the content studio and the live guard found on real catalog text, one class per test group:
coins read as prices, ordinals and technical maxima read as superlatives, evidence not recognised,
descriptions read as contradictions, codes cut into numbers, claims inside suggestions, prices not
read at all, and the per-call cost. Assertions are on what a user sees: the finding or its absence,
its span text, the corrected value."""

from __future__ import annotations

import re
import time
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

import cohost.compliance.checker as checker_module
from cohost.compliance import Checker
from cohost.compliance.checker import FACTS_CACHE
from cohost.compliance.verify import verify
from cohost.domain import Product

CHECKER = Checker.default()
EVENING = datetime.fromisoformat("2026-11-20T21:00:00+08:00")


def _product(**data: Any) -> Product:
    base: dict[str, Any] = {"sku": "T-1", "title": "测试商品", "category": "美妆护肤", "price": 89, "stock": 500}
    base.update(data)
    return Product.model_validate(base)


@pytest.fixture
def serum() -> Product:
    return _product(
        sku="MZ-001", title="玻尿酸保湿精华液 30ml", list_price=129,
        attributes={"容量": "30ml", "质地": "清透水感", "主要成分": "透明质酸钠、甘油、泛醇", "产地": "上海"},
        selling_points=["质地清爽不黏腻，上脸吸收快", "滴管瓶设计，便于控制用量"],
        usage="洁面后取2-3滴于掌心，轻拍全脸至吸收",
        variants=[{"sku": "MZ-001-30", "name": "30ml", "price": 89, "stock": 380},
                  {"sku": "MZ-001-50", "name": "50ml", "price": 139, "stock": 120}])


def rules(text: str, product: Product | None = None, mode: str = "live") -> set[str]:
    return {f.rule for f in CHECKER.check(text, product=product, now=EVENING, mode=mode)}


def claim_of(text: str, product: Product, kind: str) -> Any:
    found = [c for c in CHECKER.claims(text, product, EVENING) if c.kind == kind]
    assert found, CHECKER.claims(text, product, EVENING)
    return found[0]


# 1. 元 and 块 inside words are not money ------------------------------------------------------------
@pytest.mark.parametrize("text", ["每次取一元硬币大小的量，在掌心揉开", "出门前15分钟取一元硬币大小均匀涂抹于面部",
                                  "我们一块去看看新到的颜色", "切成两块饼干大小就行"])
def test_coins_and_classifiers_are_not_prices(serum: Product, text: str) -> None:
    assert CHECKER.check(text, product=serum, now=EVENING, mode="text") == []
    assert not [c for c in CHECKER.claims(text, serum, EVENING) if c.kind == "price"]


def test_kuai_before_a_classifier_is_the_whole_price(serum: Product) -> None:
    claim = claim_of("面膜10片，59块一盒", _product(price=59), "price")
    assert (claim.text, claim.verdict) == ("59块", "supported")


# 2. ordinals, technical maxima and negated medical words are not claims -----------------------------
@pytest.mark.parametrize("text", ["第一泡是洗茶，10秒左右出汤", "第一次使用前请先充满电", "第一层是不锈钢内胆，第二层是真空层",
                                  "第一，先洁面；第二，上精华", "第一口就能喝到桂花香", "充电器最大输出65W",
                                  "数据线支持最高100W快充", "电机最高转速11万转每分钟", "暖手宝最高档大约50℃",
                                  "这款面霜没有治疗作用，就是日常保湿", "宠物沐浴露没有治疗作用，皮肤问题请看宠物医生"])
def test_lawful_ordinals_maxima_and_negations(text: str) -> None:
    assert CHECKER.check(text, mode="live") == []


@pytest.mark.parametrize(("text", "span"), [("口碑第一的面霜", "第一"), ("这款就是第一！", "第一"),
                                            ("直播间最低价99", "最低价"), ("这款精华第一好用", "第一")])
def test_superlatives_stay_flagged(text: str, span: str) -> None:
    found = [f for f in CHECKER.check(text, mode="live") if f.rule == "AD-09-3"]
    assert [f.text for f in found] == [span]


# 3. evidence records are matched robustly ------------------------------------------------------------
def test_3c_matches_a_ccc_certificate() -> None:
    bank = _product(sku="SM-001", title="轻薄充电宝 10000mAh", category="数码",
                    evidence=[{"claim": "已通过CCC认证", "source": "证书"}])
    assert rules("这款充电宝通过了3C认证，包装上有认证标志", bank) == set()
    claim = claim_of("这款充电宝通过了3C认证", bank, "test")
    assert (claim.verdict, claim.facts) == ("supported", ("SM-001.evidence:1",))


def test_certificate_found_by_its_mark_and_number_in_other_words() -> None:
    dryer = _product(sku="H-DRYER", title="高速吹风机", category="家电", evidence=[
        {"claim": "产品已获CCC认证，证书编号2024010708123456", "source": "证书"},
        {"claim": "经第三方检测机构检测，负离子浓度2000万个/cm³", "source": "检测报告"}])
    assert rules("吹风机已经拿到CCC认证了，证书编号详情页可以查", dryer) == set()
    assert rules("这款吹风机有第三方检测报告", dryer) == set()


def test_expired_evidence_is_ignored_and_said_so() -> None:
    kettle = _product(sku="H-KETTLE", title="电水壶", category="家居", evidence=[
        {"claim": "CCC认证证书（编号2019010715000001）", "source": "证书", "expires_at": "2025-06-30T23:59:59+08:00"}])
    [finding] = CHECKER.check("这款电水壶通过了CCC认证，放心用", product=kettle, now=EVENING)
    assert finding.rule == "ABS-7" and "过期" in finding.message
    renewed = Product.model_validate({**kettle.model_dump(), "evidence": [
        *kettle.model_dump()["evidence"], {"claim": "已通过3C认证", "source": "新证书"}]})
    assert rules("这款电水壶通过了CCC认证，放心用", renewed) == set()


def test_a_mark_or_qualifier_the_record_lacks_is_not_matched() -> None:
    honey = _product(sku="SP-005", title="百花蜂蜜 500g", category="食品", evidence=[
        {"claim": "经检测符合GB 14963-2011《食品安全国家标准 蜂蜜》要求", "source": "检测报告"}])
    assert "AD-11" in rules("经过SGS检测，重金属零检出", honey)
    assert "AD-11" in rules("有第三方检测报告", honey)


# 4. descriptions never contradict; numbers, codes and listed values can -------------------------------
def test_selling_point_is_not_contradicted_by_the_same_named_attribute(serum: Product) -> None:
    for text in ("质地清爽不黏腻，上脸吸收快", "这支精华质地偏稀，拍两下就吸收了"):
        assert CHECKER.check(text, product=serum, now=EVENING, mode="text") == []
        assert all(c.verdict != "contradicted" for c in CHECKER.claims(text, serum, EVENING))
    claim = claim_of("质地清爽不黏腻，上脸吸收快", serum, "attribute")
    assert (claim.verdict, claim.facts) == ("supported", ("MZ-001.selling_point:1",))


def test_conflicting_number_code_or_listed_value_is_contradicted(serum: Product) -> None:
    [finding] = CHECKER.check("容量100ml，够用很久", product=serum, now=EVENING, mode="text")
    assert (finding.rule, finding.text, finding.suggestion) == ("AD-04", "容量100ml", "按商品信息说：30ml")
    buds = _product(category="数码", attributes={"防水等级": "IPX4", "颜色": "黑色、灰色、白色", "粗蛋白": "≥40%"})
    assert claim_of("防水等级IPX7，可以游泳", buds, "attribute").verdict == "contradicted"
    assert claim_of("颜色有红色", buds, "attribute").verdict == "contradicted"
    assert claim_of("颜色有黑色", buds, "attribute").verdict == "supported"
    assert claim_of("粗蛋白实测42.3%", buds, "attribute").verdict != "contradicted"
    assert claim_of("粗蛋白只有30%", buds, "attribute").verdict == "contradicted"


# 5. standard codes, models, dates and sizes are whole tokens ------------------------------------------
def test_standard_code_is_one_token() -> None:
    nappy = _product(category="母婴", attributes={"执行标准": "GB/T 28004.1"})
    claim = claim_of("执行标准是国标GB/T 28004.1，各尺码同价", nappy, "attribute")
    assert claim.text == "执行标准是国标GB/T 28004.1" and claim.verdict == "supported"
    assert claim_of("执行标准GB/T 28004.2", nappy, "attribute").verdict == "contradicted"
    assert CHECKER.check("纸尿裤执行标准是GB/T 28004.1-2021", product=nappy, now=EVENING, mode="text") == []


def test_codes_and_dates_are_never_prices_or_specs() -> None:
    blanket = _product(category="家居", price=169, attributes={"额定功率": "120W", "执行标准": "GB 4706.1、GB 4706.8"})
    found = CHECKER.claims("执行标准GB 4706.1-2005，型号G65，2026年3月生产，功率120W", blanket, EVENING)
    assert {c.kind for c in found} <= {"attribute", "numeric"}
    assert [c.text for c in found if c.kind == "numeric"] == ["120W"]


def test_times_and_dates_are_not_ranges_or_quantities() -> None:
    bank = _product(category="数码", price=99, attributes={"最大输出功率": "22.5W"})
    found = CHECKER.claims("11月20日20:00-20:30秒杀，2025-06-30前生产的批次也是22.5W", bank, EVENING)
    assert [(c.kind, c.text) for c in found] == [("numeric", "22.5W")]


def test_sizes_compare_side_by_side() -> None:
    box = _product(category="家居", attributes={"尺寸": "50×35×30cm（展开）"})
    assert CHECKER.check("收纳箱展开是50×35×30cm", product=box, now=EVENING, mode="text") == []
    [finding] = CHECKER.check("收纳箱长60cm", product=box, now=EVENING, mode="text")
    assert (finding.rule, finding.text) == ("AD-04", "60cm")


# 6. suggestions carry no claims -----------------------------------------------------------------------
_CLAIM_WORDS = ("回购", "好评", "口碑", "销量", "热卖", "顾客", "买家都", "万人", "都说", "很多人", "配方温和", "富含",
                "真人团队", "值守", "库存还比较充足")
_ADVICE = ("改为", "删", "去掉", "不说", "登记", "说明", "按", "请", "转", "下架", "保留", "补上", "引用", "介绍", "注明",
           "如实", "只", "用", "不", "提示", "同一", "使用", "欢迎", "以", "个人信息", "加入", "更新", "在", "说清")


def _suggestions() -> list[tuple[str, str]]:
    out = []
    for rule in CHECKER.rules:
        for text in (rule.suggestion, *(t.suggestion for t in rule.triggers), *rule.rewrites.values()):
            if text:
                out.append((rule.key, text))
    return out


@pytest.mark.parametrize(("key", "text"), _suggestions())
def test_suggestions_invent_nothing(key: str, text: str) -> None:
    assert not [w for w in _CLAIM_WORDS if w in text], text
    if key != "ANTH-5":  # the crisis reply gives real helpline numbers, nothing else may carry a figure
        assert not any(c.isdigit() for c in re.sub(r"[A-Z]+-\d+", "", text)), text


def test_absolute_term_suggestion_is_not_a_testimonial() -> None:
    findings = CHECKER.check("这款精华是最好用的", mode="live")
    assert {f.rule for f in findings} == {"AD-09-3", "HOST-26"}  # spoken live: the anchor norms too (§17 T01)
    finding = next(f for f in findings if f.rule == "AD-09-3")
    assert "回购" not in (finding.suggestion or "")


@pytest.mark.parametrize(("key", "text"), [s for s in _suggestions() if not s[1].startswith(_ADVICE)])
def test_rewrites_pass_the_checker(key: str, text: str) -> None:
    """A suggestion a rewriter may paste in verbatim (not advice) must itself be clean."""
    assert CHECKER.check(text, mode="live") == [], key


# 7. prices are read however they are said ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "span", "value"), [
    ("玻尿酸保湿精华液，59元！", "59元", "59"), ("精华到手价59", "到手价59", "59"), ("现在只要五十九", "只要五十九", "59"),
    ("¥59就能带走", "¥59", "59"), ("今天59块9一瓶", "59块9", "59.9"), ("五十九块九", "五十九块九", "59.9"),
    ("这瓶88.9元", "88.9元", "88.9"), ("1,299元", "1,299元", "1299")])
def test_wrong_prices_are_found_and_corrected(serum: Product, text: str, span: str, value: str) -> None:
    claim = claim_of(text, serum, "price")
    assert (claim.text, claim.verdict) == (span, "contradicted")
    finding = next(f for f in CHECKER.check(text, product=serum, now=EVENING, mode="live") if f.rule == "PRICE-20")
    assert finding.text == span and "89元" in (finding.suggestion or "")
    priced = _product(price=Decimal(value))  # read as exactly that amount
    assert claim_of(text, priced, "price").verdict == "supported"


@pytest.mark.parametrize("text", ["玻尿酸保湿精华液，89元！", "八十九元", "89块", "到手价89", "50ml的139元", "￥89"])
def test_true_prices_pass(serum: Product, text: str) -> None:
    assert rules(text, serum) == set()


def test_a_named_variant_is_held_to_its_own_price() -> None:
    duvet = _product(category="家居", title="全棉磨毛四件套", price=259, variants=[
        {"sku": "A", "name": "1.5m床", "price": 259, "stock": 60}, {"sku": "B", "name": "1.8m床", "price": 299, "stock": 35}])
    claim = claim_of("四件套1.8米的只要259", duvet, "price")
    assert (claim.verdict, claim.expected) == ("contradicted", "1.8m床 299元")
    assert rules("1.5米的259，1.8米的299", duvet) == set()


def test_price_after_a_reference_price_is_read(serum: Product) -> None:
    found = {c.kind: c for c in CHECKER.claims("原价129，今天直播间99", serum, EVENING)}
    assert found["reference_price"].verdict == "supported"
    assert (found["price"].text, found["price"].verdict) == ("今天直播间99", "contradicted")


# stock claims follow the variant they name --------------------------------------------------------------
def test_stock_claims_follow_the_named_variant() -> None:
    lipstick = _product(variants=[{"sku": "A", "name": "#01 豆沙红", "stock": 180}, {"sku": "B", "name": "#02 番茄红", "stock": 3}])
    assert rules("番茄红这个色只剩3支了", lipstick) == set()
    slippers = _product(category="家居", variants=[{"sku": "A", "name": "36-37", "stock": 100},
                                                  {"sku": "B", "name": "38-39", "stock": 0}])
    assert rules("拖鞋38-39码目前断货了，其他尺码有货", slippers) == set()
    assert "PRICE-ZJ" in rules("36-37码断货了", slippers)


def test_time_limit_with_an_adverb_is_checked(serum: Product) -> None:
    assert "PRICE-ZJ" in rules("今晚12点就恢复原价了，抓紧！", serum.model_copy(update={"promotions": []}))


# rules written for the held-out failures' general causes ------------------------------------------------
@pytest.mark.parametrize(("text", "rule"), [
    ("猫粮里加了益生菌，能治猫咪软便", "AD-17"), ("纸尿裤能预防尿布疹", "AD-17"), ("这款面霜能修复湿疹", "AD-17"),
    ("吃了我们的猫粮，猫咪永远不生病", "AD-04"), ("这件冲锋衣保证一滴水都渗不进来", "AD-04"),
    ("好多粉丝私信说用完皮肤变好了", "ECL-17"), ("某明星同款，她在节目里亲口推荐过", "PR-LSE34"),
    ("我也是一个普通宝妈，不是托，真心推荐", "EU-UCP-A22"), ("你要是不买，我今天就白播了，真的很难过", "ANTH-4"),
    ("叫我一声老公，我就给你发专属红包", "PLAT-DY-4"), ("某宝家的充电宝都是翻新货，买了会爆炸", "AD-13"),
    ("系统会按你的消费记录给你单独定价", "PI-24"), ("拥有国家专利技术的吸管杯", "AD-12"),
    ("猫粮能调理猫咪肠胃，再也不呕吐", "AD-17"), ("纸尿裤百分百不漏尿，绝对不会红屁股", "AD-04"),
    ("这个保温杯用一辈子都不会坏", "AD-04"), ("我每天早上都吃这个燕麦，吃了两年了", "AD-38")])
def test_new_wordings_are_found(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize("text", ["有了它再也不用担心漏水", "我们保证正品，48小时内发货", "这是我第一次在直播间卖猫粮",
                                  "再也没有这个价了", "完全不粘锅，少油也能煎", "完全无糖", "保证不会发错货",
                                  "永远不要把充电宝放在高温环境", "这个价格绝对不亏", "这个颜色完全不挑肤色"])
def test_near_misses_of_the_new_patterns_stay_clean_of_them(text: str) -> None:
    assert not rules(text) & {"AD-04", "AD-17"}


@pytest.mark.parametrize(("text", "rule"), [("我每天都在用心挑选好物", "AD-38"), ("销量第一次突破一万", "AD-09-3")])
def test_words_that_only_look_like_a_claim(text: str, rule: str) -> None:
    assert rule not in rules(text)


def test_stock_counted_in_any_classifier() -> None:
    buds = _product(category="数码", stock=430)
    found = CHECKER.check("耳机只剩最后2副了，抢完就没了！", product=buds, now=EVENING, mode="live")
    [finding] = [f for f in found if f.rule == "PRICE-ZJ"]  # beside it: AD-04, EU-UCP-A7, LOCAL-ZJ (rules/laws.toml)
    assert "430" in finding.message


def test_the_food_rule_wins_on_food() -> None:
    tea = _product(category="茶叶", title="普洱熟茶饼 357g")
    assert "SEC-FOOD-1" in rules("这款普洱能降三高", tea)
    assert "AD-17" in rules("这款普洱能降三高")  # without a product the general medical rule speaks


# 8. speed: product facts cached by content, claims verified once -----------------------------------------
def test_product_facts_are_cached_by_content(serum: Product) -> None:
    facts, _, digest = CHECKER.facts(serum)
    same = serum.model_copy(deep=True)
    assert CHECKER.facts(same)[0] is facts and digest == serum.content_hash()
    cheaper = serum.model_copy(update={"price": 79})
    assert CHECKER.facts(cheaper)[0] is not facts
    assert "PRICE-20" not in rules("只要79元", cheaper) and "PRICE-20" in rules("只要79元", serum)
    edited = _product(price=89)
    assert rules("只要89元", edited) == set()
    edited.price = Decimal(69)  # edited in place: a new content hash, so a new view
    assert "PRICE-20" in rules("只要89元", edited)


def test_facts_cache_is_bounded() -> None:
    checker = Checker(CHECKER.rules, CHECKER.categories)
    for i in range(FACTS_CACHE + 20):
        checker.check("只要89元", product=_product(sku=f"S-{i}"), now=EVENING)
    assert len(checker._facts) == FACTS_CACHE


def test_check_after_claims_verifies_once(serum: Product, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0].kind)
        return verify(*args, **kwargs)

    monkeypatch.setattr(checker_module, "verify", counting)
    text = "这款精华30ml现在只要79元，质地清爽不黏腻"
    claims = CHECKER.claims(text, serum, EVENING)
    first = len(calls)
    findings = CHECKER.check(text, product=serum, now=EVENING, mode="text")
    assert first == len(claims) and len(calls) == first  # check() reused claims()' verdicts
    assert [f.rule for f in findings] == ["PRICE-20"]


def test_a_typical_live_line_with_its_product_is_fast(serum: Product) -> None:
    line = ("家人们晚上好，欢迎刚进来的朋友！这款玻尿酸保湿精华液30ml现在直播间只要89元，质地清爽不黏腻，上脸吸收很快，"
            "洁面后取两到三滴轻拍至吸收就可以了，早晚都能用。敏感肌的宝宝请先在耳后试用一下哦。今天下单还送同款5ml小样一支，"
            "每单限赠一支，赠完即止，喜欢的宝宝可以直接拍{}号链接。有问题可以打在公屏上，我一个一个回答。")
    CHECKER.check(line.format(0), product=serum, now=EVENING, mode="live")
    start = time.process_time()
    for i in range(1, 101):  # a new line each time: no memo hit
        CHECKER.check(line.format(i), product=serum, now=EVENING, mode="live")
    per_line = (time.process_time() - start) / 100
    assert per_line < 0.003, per_line  # ~0.5 ms CPU on the 2-core dev machine; generous for loaded CI


# --- classes fixed after the first run of bench/data/compliance_fresh2.jsonl (live 口播 and viewer-reply wordings)
@pytest.mark.parametrize("text", ["这款面霜就是顶配", "防晒界的顶流", "万里挑一的好茶", "价格秒杀全网", "保湿天花板级"])
def test_fresh2_absolute_new_disguises(text: str) -> None:
    assert "AD-09-3" in rules(text)


@pytest.mark.parametrize("text", ["这台是顶配版，16G+512G", "整点秒杀，9块9两包", "天花板灯坏了换一个"])
def test_fresh2_absolute_lawful_lookalikes(text: str) -> None:
    assert "AD-09-3" not in rules(text)


@pytest.mark.parametrize("text", ["我家狗子天天吃这个，毛色可亮了", "我家猫咪一直在吃这款"])
def test_fresh2_pet_owner_testimonial(text: str) -> None:
    assert "AD-38" in rules(text)


def test_fresh2_viewer_messages_promising_cure() -> None:
    assert "ECL-17" in rules("好多粉丝私信我说喝完再也不失眠了")


@pytest.mark.parametrize("text", ["明星同款，闭眼入", "那个网红私下也一直在用这款"])
def test_fresh2_celebrity_use(text: str) -> None:
    assert "PR-LSE34" in rules(text)


def test_fresh2_celebrity_clean() -> None:
    assert "PR-LSE34" not in rules("这个颜色很适合通勤")


@pytest.mark.parametrize("text", ["报我们的班，保证孩子期末考进前十", "包你考上重点高中"])
def test_fresh2_exam_result_promise(text: str) -> None:
    assert "AD-24" in rules(text)


@pytest.mark.parametrize("text", ["这套房子买了稳涨", "这个楼盘三年翻一倍"])
def test_fresh2_property_appreciation(text: str) -> None:
    assert "AD-26" in rules(text)


def test_fresh2_masked_rival_disparaged() -> None:
    assert "AD-13" in rules("某米的充电器一用就发烫，垃圾得很")


@pytest.mark.parametrize("text", ["某些人用了会过敏，请先试用", "某个链接卖完了，大家看三号"])
def test_fresh2_masked_rival_lookalikes(text: str) -> None:
    assert "AD-13" not in rules(text)


def test_fresh2_cosmetic_compared_with_hospital() -> None:
    product = Product.model_validate({"sku": "T-1", "title": "面膜", "category": "美妆护肤", "price": 59.0, "stock": 10})
    found = {f.rule for f in Checker.default().check("敷一周比去医院还管用", product=product, mode="live")}
    assert "SEC-COS-2" in found


@pytest.mark.parametrize("text", ["今晚第一个上架的是三号链接，最后一个是八号", "最后一个上架的是围巾"])
def test_fresh2_running_order_is_not_scarcity(text: str) -> None:
    assert "PRICE-ZJ" not in rules(text)


def test_fresh2_scarcity_still_found() -> None:
    assert "PRICE-ZJ" in rules("只剩最后一个了，赶紧拍")
