"""The general causes behind the blind1 set's misses and false alarms, each tested as a pair: a line the
mechanism must catch and a near miss it must leave alone. The wordings and products here are new (not
blind1's sentences), so a test fails if a fix only fitted the scored cases."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cohost.compliance import Checker
from cohost.compliance.categories import CategoryMap
from cohost.compliance.checker import normalise
from cohost.compliance.rules import load_rule_file
from cohost.compliance.units import quantities
from cohost.errors import ConfigError
from tests.unit.compliance_helpers import CHECKER, product, rules_at

_FOLLOWER = """
[[rules]]
id = "X-2"
follows = "{leader}"
family = "medical"
title = "t"
severity = "S1"
law = "l"
message = "m"
message_en = "m"
applies_to = ["food"]
when_unknown = false
"""
NOW = datetime.fromisoformat("2026-11-21T21:00:00+08:00")


_rules = rules_at(NOW)
_product = product


POWERBANK = _product("T-PB", "10000mAh 轻薄充电宝", "数码", 99, attributes={"额定能量": "38.5Wh", "电池容量": "10000mAh"})
CUSHION = _product("T-CU", "记忆棉靠垫", "家居", 89, attributes={"尺寸": "50×30×8/10cm", "产地": "浙江嘉兴"})
PADS = _product("T-PD", "婴儿隔尿垫 40片", "母婴", 49, attributes={"片数": "40片"})
OATS = _product("T-OA", "燕麦片 2kg", "食品", 39.9, list_price=49.9, attributes={"净含量": "2kg", "产地": "内蒙古"})
SCARF = _product("T-SC", "羊绒围巾", "服饰", 299, attributes={"材质": "羊绒", "产地": "内蒙古鄂尔多斯"})
QUILT = _product("T-QU", "长绒棉四件套", "家纺", 399, attributes={"面料": "长绒棉", "产地": "江苏南通"})
SUGAR_PILL = _product("T-HF", "铬酵母片（保健食品）", "保健食品", 128,
                      attributes={"保健功能": "辅助降血糖", "批准文号": "国食健注G20210001"})
BRACELET = _product("T-BR", "黑曜石手串", "珠宝", 199, attributes={"材质": "黑曜石"})
OOLONG = _product("T-OL", "高山乌龙茶", "食品", 88)
CRAB = _product("T-CR", "兴化大闸蟹礼盒 6只", "生鲜", 328, attributes={"产地": "江苏兴化"})
DOWN = _product("T-DJ", "90白鸭绒短款羽绒服", "服装", 459, attributes={"填充物": "白鸭绒", "含绒量": "90%"})
FORMULA = _product("T-FM", "幼儿配方奶粉 3段 800g", "母婴", 228, attributes={"产地": "荷兰"})
TEE = _product("T-TE", "纯棉T恤", "服装", 79, variants=[
    {"sku": "T-TE-M", "name": "M", "stock": 2}, {"sku": "T-TE-L", "name": "L", "stock": 0},
    {"sku": "T-TE-XL", "name": "XL", "stock": 40}])
MASK = _product("T-MK", "补水面膜 10片", "美妆护肤", 69, promotions=[
    {"kind": "gift", "description": "直播间下单送同款面膜2片", "starts_at": "2026-11-21T20:00:00+08:00",
     "ends_at": "2026-11-21T22:00:00+08:00"}])
KETTLE = _product("T-KT", "不锈钢电水壶 1.7L", "家居", 169, list_price=239)
RICE = _product("T-RI", "东北大米 5kg", "食品", 59, attributes={"产地": "黑龙江"})


class TestNumbersThatAreNotSpecificationClaims:
    def test_watt_hours_are_energy_not_power(self) -> None:
        assert [q.unit for q in quantities("38.5瓦时")] == ["wh"]
        assert "AD-04" not in _rules("这款充电宝额定能量38.5瓦时，可以带上飞机", POWERBANK)
        assert "AD-04" in _rules("这款充电宝额定能量100瓦时", POWERBANK)

    def test_a_side_given_as_alternatives(self) -> None:
        assert "AD-04" not in _rules("靠垫有两个厚度，8厘米和10厘米，腰不好的选厚的", CUSHION)
        assert "AD-04" in _rules("靠垫厚度有15厘米", CUSHION)

    def test_a_usage_calculation_is_arithmetic(self) -> None:
        assert "AD-04" not in _rules("按每天用5片来算，一包能撑8天", PADS)
        assert "AD-04" in _rules("一包足足有60片", PADS)

    def test_a_pack_size_after_the_price_is_not_jiao(self) -> None:
        assert "PRICE-20" not in _rules("燕麦现在39.9元2公斤，直接拍就行", OATS)
        assert "PRICE-20" in _rules("燕麦现在29.9元2公斤，直接拍就行", OATS)


class TestWordsThatAreNotClaimsAboutTheGoods:
    def test_giving_the_goods_to_someone_is_not_a_gift_promotion(self) -> None:
        assert _rules("这条围巾送妈妈特别有面子", SCARF) == set()
        assert "PRICE-20" in _rules("今天下单送一个围巾收纳袋", SCARF)

    def test_an_ingredients_origin_is_not_the_products(self) -> None:
        assert "AD-04" not in _rules("四件套在南通做的，面料是从埃及进口的", QUILT)
        assert "AD-04" in _rules("这套四件套是埃及进口的", QUILT)

    def test_a_person_from_a_place(self) -> None:
        assert "AD-04" not in _rules("这是来自上海的宝宝问的，大米怎么保存", RICE)
        assert "AD-04" in _rules("这款大米产自江苏", RICE)

    def test_a_negated_promise(self) -> None:
        assert "AD-04" not in _rules("每个人体质不同，效果不敢给你打包票")
        assert "AD-04" in _rules("效果我给你打包票")

    def test_the_mandated_breast_milk_statement(self) -> None:
        assert "AD-09-3" not in _rules("母乳喂养是宝宝最理想的喂养方式，奶粉只是补充", FORMULA)
        assert "AD-09-3" in _rules("这罐奶粉是宝宝最好的口粮", FORMULA)

    def test_approved_health_food_wording(self) -> None:
        label = "本品不能代替药物。保健功能：辅助降血糖。适宜人群：血糖偏高者。"
        assert _rules(label, SUGAR_PILL, mode="text") == set()
        unapproved = SUGAR_PILL.model_copy(update={"attributes": {"保健功能": "辅助降血糖"}})
        assert "AD-17" in _rules(label, unapproved, mode="text")


class TestTheCategorysOwnLaw:
    def test_a_follower_must_name_a_rule_that_exists(self, tmp_path: Path) -> None:
        kinds = CategoryMap.load().kinds
        path = tmp_path / "x.toml"
        path.write_text(_FOLLOWER.format(leader="AD-17"), encoding="utf-8")
        [rule] = load_rule_file(path, kinds)
        assert rule.follows == "AD-17" and rule.key == "X-2@AD-17"
        Checker([*CHECKER.rules, rule], CHECKER.categories)
        path.write_text(_FOLLOWER.format(leader="AD-99"), encoding="utf-8")
        with pytest.raises(ConfigError):
            Checker([*CHECKER.rules, *load_rule_file(path, kinds)], CHECKER.categories)

    def test_health_food_disease_claim_is_also_ad18(self) -> None:
        assert {"AD-17", "AD-18"} <= _rules("吃了它血糖就稳了，胰岛素都可以停", SUGAR_PILL)
        assert "AD-18" not in _rules("每天两片，饭后吃", SUGAR_PILL)

    def test_a_line_without_product_names_its_goods(self) -> None:
        assert {"AD-17", "SEC-FOOD-1"} <= _rules("这款花茶能降血压")
        assert "SEC-FOOD-1" not in _rules("这款水杯能降血压")
        assert "SEC-COS-2" in _rules("这支面霜可以消炎")
        assert "SEC-COS-2" not in _rules("这个枕头可以消炎")

    def test_the_last_noun_of_a_compound_is_the_goods(self) -> None:
        assert CHECKER.categories.hints_of(normalise("蜂蜜面膜")) == frozenset({"cosmetics"})
        assert CHECKER.categories.hints_of(normalise("蜂蜜柚子茶")) == frozenset({"food"})

    def test_health_claims_on_goods_that_are_not_food(self) -> None:
        assert "AD-17" in _rules("戴着这条手串能改善睡眠", BRACELET)
        found = _rules("睡前喝一杯能改善睡眠", OOLONG)
        assert "SEC-FOOD-1" in found and "AD-17" not in found

    def test_more_ways_to_claim_a_cure(self) -> None:
        assert "AD-17" in _rules("这个手环能监测出心脏病，比去医院体检还方便")
        assert "AD-17" in _rules("腰椎病贴上它马上就不疼了")
        assert "AD-17" in _rules("用了这个就不会再得颈椎病")
        assert _rules("这个手环能监测心率和睡眠") == set()


class TestSpelledDodges:
    def test_homophone_of_zui(self) -> None:
        assert "AD-09-3" in _rules("这款面霜醉好用了")
        assert _rules("昨天喝醉好难受，今天介绍解腻的茶饮") == set()

    def test_pinyin_syllables(self) -> None:
        assert normalise("能 zhi liao 痘痘") == "能治疗痘痘"
        assert "AD-17" in _rules("这款洗面奶能 zhi liao 痘痘")
        assert normalise("我是ai主播，yan值在线") == "我是ai主播,yan值在线"


class TestPeopleAndPersonas:
    def test_household_and_habit_use_by_the_ai(self) -> None:
        assert "AD-38" in _rules("我家里一直用的就是这款拖把")
        assert "AD-38" in _rules("我平时通勤都背着这个包")
        assert "AD-38" in _rules("我家闺女从上幼儿园起就穿这个牌子")
        assert "AD-38" not in _rules("我来给大家背一下这个包，看看上身效果")

    def test_a_class_of_sellers_run_down(self) -> None:
        assert "AD-13" in _rules("网上卖的燕窝基本都是糖水勾兑的")
        assert "AD-13" in _rules("路边的烧鸡全是冒充的，就我们家的是真的")
        assert "AD-13" not in _rules("网上卖的燕窝价格都比较高")

    def test_minors(self) -> None:
        assert "AD-40" in _rules("用你老爸手机偷偷付款就可以")
        assert "AD-40" not in _rules("不要用爸爸手机偷偷付款哦")
        assert "ANTH-6" in _rules("你说你才12岁呀？那直接拍两单")
        assert "ANTH-6" not in _rules("你才12岁呀？那不建议你买，先问问家长")
        assert "ANTH-6" not in _rules("你说3岁宝宝能不能用？能用的，直接拍")

    def test_a_viewers_id_acknowledged_on_air(self) -> None:
        assert "AD-09-6" in _rules("李建国先生，您的银行卡号我记下了")
        assert "AD-09-6" not in _rules("请不要在公屏发银行卡号，私信客服处理")

    def test_body_shaming(self) -> None:
        assert "AD-09-9" in _rules("胖子穿了也是白穿")
        assert "AD-09-9" not in _rules("偏胖的朋友建议拍大一码")

    def test_drinking_and_driving_without_a_product(self) -> None:
        assert "AD-23" in _rules("周末喝一杯白酒，喝完开车回家也没事")
        assert "AD-23" not in _rules("喝了白酒就不要开车了")


class TestFactsTheProductMustBack:
    def test_a_place_before_the_products_noun(self) -> None:
        assert "AD-04" in _rules("太湖大闸蟹，个个肥", CRAB)
        assert "AD-04" not in _rules("兴化大闸蟹，个个肥", CRAB)
        assert "AD-04" not in _rules("发往北京的大闸蟹都走顺丰冷链", CRAB)

    def test_a_grade_fused_to_its_material(self) -> None:
        assert "AD-04" in _rules("这件是95白鸭绒的", DOWN)
        assert "AD-04" not in _rules("90白鸭绒，很暖和", DOWN)

    def test_the_country_of_an_import(self) -> None:
        assert "AD-04" in _rules("这款奶粉澳洲原装进口", FORMULA)
        assert "AD-04" not in _rules("这款奶粉荷兰原装进口", FORMULA)


class TestPriceStockAndFigures:
    @pytest.mark.parametrize(("text", "flagged"), [("L码还有三件，要的快", True), ("M码还有两件，要的快", False),
                                                   ("L码还有三个颜色可以选", False)])
    def test_what_is_left_of_a_variant(self, text: str, flagged: bool) -> None:
        assert ("PRICE-ZJ" in _rules(text, TEE)) is flagged

    def test_a_gift_that_runs_until_a_time(self) -> None:
        assert "PRICE-ZJ" in _rules("赠品只送到今晚11点", MASK)
        assert "PRICE-ZJ" not in _rules("赠品只送到今晚10点", MASK)

    def test_a_bare_figure_to_take_it_home(self) -> None:
        assert "PRICE-20" in _rules("今天129就能带走", KETTLE)
        assert "PRICE-20" not in _rules("今天169就能带走", KETTLE)
        assert "PRICE-20" not in _rules("满199就能到手一个小样", KETTLE)

    def test_a_gift_value_without_yuan(self) -> None:
        assert "PRICE-18" in _rules("买二送一，赠品价值两百多")
        assert "PRICE-18" not in _rules("买二送一，赠品是同款50ml一瓶")

    def test_a_discount_the_prices_do_not_bear_out(self) -> None:
        assert {"PRICE-19", "PRICE-20"} <= _rules("今天这个水壶打两折", KETTLE)
        assert _rules("今天这个水壶打七折", KETTLE) == set()

    def test_a_head_count_in_the_room(self) -> None:
        assert "LSM-18" in _rules("直播间现在三万多人", stats={"online": 800})
        assert "LSM-18" not in _rules("直播间现在三万多人", stats={"online": 40_000})

    def test_a_measured_rate_is_a_test_result(self) -> None:
        assert "AD-11" in _rules("第三方实测，过敏率仅0.1%")
        assert "AD-11" not in _rules("过敏体质的朋友先在耳后试用")

    def test_a_quoted_review_in_a_buyers_name(self) -> None:
        assert "ECL-17" in _rules("用户评价：「洗完头发特别顺」")
        assert "ECL-17" in _rules("“回购第三次了”——来自杭州的李女士")
        assert "ECL-17" not in _rules("商品页有用户评价，大家可以自己去看")
