"""General mechanisms added after the fresh3 blind set: obfuscation read through, composed patterns
(cure verb × disease named by its suffix, "nothing beats it" comparisons, group × belittling predicate),
specifications said without their attribute name, finer origins, tonight-midnight windows, vague gifts,
and two critical laws on one span. Each test pairs what must be found with a near miss that must not."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from cohost.compliance import Checker
from cohost.compliance.text import NormalizedText
from cohost.domain import Product

CHECKER = Checker.default()
EVENING = datetime.fromisoformat("2026-11-21T21:00:00+08:00")


def _rules(text: str, product: Product | None = None, **kw: Any) -> set[str]:
    return {f.rule for f in CHECKER.check(text, product=product, now=EVENING if product else None, **kw)}


def _product(**data: Any) -> Product:
    base: dict[str, Any] = {"sku": "G-1", "title": "测试商品", "category": "家居", "price": 99, "stock": 300}
    base.update(data)
    return Product.model_validate(base)


class TestObfuscation:
    def test_alternating_separator_is_removed_and_span_maps_back(self) -> None:
        text = "这瓶是最.好.用.的洗发水"
        norm = NormalizedText(text)
        assert "最好用的" in norm.text
        [finding] = [f for f in CHECKER.check(text) if f.rule == "AD-09-3"]
        assert text[finding.span[0]:finding.span[1]].startswith("最.好")

    def test_single_dot_or_dash_stays_punctuation(self) -> None:
        assert NormalizedText("好的.下一个").text == "好的.下一个"
        assert NormalizedText("2-3滴").text == "2-3滴"

    def test_pinyin_di_before_one_reads_as_ranking(self) -> None:
        assert "AD-09-3" in _rules("保湿效果绝对di一")
        assert NormalizedText("medium dish").text == "medium dish"

    def test_spaced_no_one(self) -> None:
        assert "AD-09-3" in _rules("销量NO 1的蓝牙音箱")
        assert "AD-09-3" not in _rules("top 10的排名可以看看榜单")


class TestComposedAbsolutes:
    @pytest.mark.parametrize("text", ["同类产品里没有比它更轻的推车了", "同价位里找不到第二个", "音质吊打所有同价位产品",
                                      "不粘涂层是TOP级的"])
    def test_found(self, text: str) -> None:
        assert "AD-09-3" in _rules(text)

    @pytest.mark.parametrize("text", ["这款没有更多颜色了", "没有比上一代更重", "适合自己的才是最好的，干皮油皮选的不一样",
                                      "第二个链接是面霜"])
    def test_not_found(self, text: str) -> None:
        assert "AD-09-3" not in _rules(text)


class TestComposedMedical:
    @pytest.mark.parametrize("text", ["这支牙膏能消除牙周炎", "长期戴听力还会变好", "宝宝湿疹抹这个，两天就消下去",
                                      "可以根治肩周炎"])
    def test_cure_claims(self, text: str) -> None:
        assert "AD-17" in _rules(text)

    @pytest.mark.parametrize("text", ["天气炎热，缓解一下口渴", "有炎症的话请先就医", "这款不能治疗牙周炎，请看牙医"])
    def test_not_cure_claims(self, text: str) -> None:
        assert "AD-17" not in _rules(text)

    def test_disease_claim_on_food_reports_both_laws(self) -> None:
        honey = _product(category="食品", title="百花蜂蜜 500g")
        assert {"AD-17", "SEC-FOOD-1"} <= _rules("蜂蜜每天一勺，便秘肠炎都能调理好", honey, mode="live")

    def test_weight_figure_on_food_only(self) -> None:
        drink = _product(category="食品", title="益生菌固体饮料")
        assert "SEC-FOOD-1" in _rules("喝一个月瘦十斤", drink)
        assert "SEC-FOOD-1" not in _rules("一箱净重十斤", drink)

    def test_hair_regrowth_is_cosmetic_medical_claim(self) -> None:
        assert "SEC-COS-2" in _rules("秃的地方都能长出新头发")


class TestDiscrimination:
    @pytest.mark.parametrize("text", ["女人天生不懂数码，让你老公来挑", "女司机就是不行"])
    def test_found(self, text: str) -> None:
        assert "AD-09-9" in _rules(text)

    @pytest.mark.parametrize("text", ["男女同款，女生可以选小一码", "老年人血压不正常的请先咨询医生", "女生不懂怎么选可以问我"])
    def test_not_found(self, text: str) -> None:
        assert "AD-09-9" not in _rules(text)


class TestSpecsWithoutAttributeName:
    earbuds = _product(category="数码", attributes={"防水等级": "IP55", "续航": "8小时"})
    router = _product(category="数码", attributes={"天线": "4根外置天线"})
    pan = _product(attributes={"材质": "铝合金锅身、陶瓷涂层"})
    cup = _product(attributes={"材质": "316不锈钢内胆、304不锈钢外壳"})

    def test_grade_code(self) -> None:
        assert "AD-04" in _rules("耳机是IP68防水的", self.earbuds)
        assert "AD-04" not in _rules("IP55防水，下雨跑步没问题", self.earbuds)

    def test_named_attribute_with_classifier_unit(self) -> None:
        assert "AD-04" in _rules("续航能到20个小时", self.earbuds)
        assert "AD-04" not in _rules("续航8个小时", self.earbuds)

    def test_counted_part(self) -> None:
        assert "AD-04" in _rules("路由器有6根天线", self.router)
        assert "AD-04" not in _rules("4根天线，信号稳", self.router)
        assert "AD-04" not in _rules("3个链接都可以拍", self.router)

    def test_part_material(self) -> None:
        assert "AD-04" in _rules("用的是316不锈钢锅身", self.pan)
        assert "AD-04" not in _rules("陶瓷涂层，好清洗", self.pan)
        assert "AD-04" in _rules("201不锈钢外壳", self.cup)
        assert "AD-04" not in _rules("不锈钢内胆", self.cup)


class TestClaims:
    def test_finer_origin_than_province(self) -> None:
        dates = _product(category="食品", attributes={"产地": "新疆若羌"})
        assert "AD-04" in _rules("产地新疆和田", dates)
        assert "AD-04" not in _rules("产地新疆若羌县", dates)
        assert "AD-04" not in _rules("产自新疆的灰枣", dates)

    def test_window_ending_at_midnight_is_tonight(self) -> None:
        noodle = _product(promotions=[{"kind": "discount", "description": "满2件减10元",
                                       "starts_at": "2026-11-21T20:00:00+08:00", "ends_at": "2026-11-22T00:00:00+08:00"}])
        assert "PRICE-ZJ" not in _rules("满减活动今晚十二点截止", noodle, mode="live")
        early = _product(promotions=[{"kind": "discount", "description": "满2件减10元",
                                      "starts_at": "2026-11-21T20:00:00+08:00", "ends_at": "2026-11-23T00:00:00+08:00"}])
        assert "PRICE-ZJ" in _rules("满减活动今晚十二点截止", early, mode="live")

    def test_low_stock_in_digits_words(self) -> None:
        assert "PRICE-ZJ" in _rules("只剩个位数了姐妹们", _product(stock=520), mode="live")
        assert "PRICE-ZJ" not in _rules("只剩个位数了姐妹们", _product(stock=6), mode="live")

    def test_audience_threshold(self) -> None:
        assert "LSM-18" in _rules("在线人数破万了家人们", mode="live", stats={"online": 300})
        assert "LSM-18" not in _rules("在线人数破万了家人们", mode="live", stats={"online": 12000})


class TestGiftsAndPrices:
    def test_vague_gift(self) -> None:
        assert "AD-08" in _rules("拍下就送好礼，送完为止")
        assert "AD-08" not in _rules("下单送同款5ml小样1支")

    def test_price_history_promise(self) -> None:
        assert "PRICE-19" in _rules("这个价格是历史最低，以后只会涨不会降")
        assert "PRICE-19" not in _rules("这个价格是直播间专享价")


class TestBugsTheFresh4SetShowed:
    """False alarms and parser slips of the fresh4 blind set's first run (fixed after it was recorded)."""

    def test_negation_without_means(self) -> None:
        assert "AD-09-3" not in _rules("我没法说它是最好的帐篷，但三四个人露营够用")
        assert "AD-09-3" in _rules("没法比，它就是最好的帐篷")

    def test_a_difference_is_not_the_weight(self) -> None:
        shoes = _product(category="运动户外", attributes={"重量": "约260g（单只42码）"})
        assert "AD-04" not in _rules("比上一代轻了30克", shoes)
        assert "AD-04" in _rules("单只重30克", shoes)

    def test_literal_ceiling(self) -> None:
        assert "AD-09-3" not in _rules("天花板有点低的房间也能搭")
        assert "AD-09-3" in _rules("这口锅是炸锅界的天花板")

    def test_past_promotion_price_with_its_window(self) -> None:
        rice = _product(category="食品", price=69.9, promotions=[
            {"kind": "flash", "description": "20:00-20:30秒杀价59.9元",
             "starts_at": "2026-11-21T20:00:00+08:00", "ends_at": "2026-11-21T20:30:00+08:00"}])
        assert "PRICE-20" not in _rules("20点到20点半的秒杀价是59.9，现在恢复到69.9了", rice, mode="live")
        assert "PRICE-20" in _rules("现在秒杀价59.9", rice, mode="live")

    def test_price_per_gram_is_derived(self) -> None:
        tea = _product(category="茶叶", price=158)
        assert "PRICE-20" not in _rules("白茶158元100克，算下来一克一块五多", tea, mode="live")
        assert "PRICE-20" in _rules("白茶今天只要150", tea, mode="live")

    def test_gift_named_with_its_campaign(self) -> None:
        fryer = _product(promotions=[{"kind": "gift", "description": "下单送硅胶垫2片",
                                      "starts_at": "2026-11-21T19:00:00+08:00", "ends_at": "2026-11-21T23:00:00+08:00"}])
        assert _rules("送硅胶垫的活动到晚上11点", fryer, mode="live") == set()
        assert "PRICE-20" in _rules("下单送烤盘的活动到晚上11点", fryer, mode="live")

    def test_material_named_by_the_attribute(self) -> None:
        bottle = _product(category="母婴", attributes={"材质": "高硼硅玻璃"})
        assert "AD-04" in _rules("奶瓶是PPSU材质的", bottle)
        assert "AD-04" not in _rules("奶瓶是玻璃材质的", bottle)

    def test_english_stock_with_a_noun(self) -> None:
        assert "EU-UCP-A7" in _rules("Hurry, only 2 pairs left!", _product(stock=180), mode="live")
        assert "EU-UCP-A7" not in _rules("Hurry, only 2 pairs left!", _product(stock=2), mode="live")

    def test_first_place_at_sentence_start(self) -> None:
        assert "AD-09-3" in _rules("第1名的安吉白茶，品质很好")
        assert "AD-09-3" not in _rules("第1名下单的宝宝送小样")
