"""Session S3f: blind10's leftovers, each fixed by a general cause (compliance_vocabulary_log.md, S3f). Every cause has
lines worded differently from blind10's that must draw the listed ids, and near misses that must not draw them (most
draw nothing at all)."""

from __future__ import annotations

from datetime import datetime

import pytest

from cohost.compliance.claims import extract
from cohost.compliance.text import NormalizedText as normalize
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
LATE = datetime(2026, 11, 22, 22, 20, tzinfo=CHINA_TZ)
rules = rules_at(NOW)
rules_late = rules_at(LATE)

_EVENING = {"starts_at": "2026-11-22T20:00:00+08:00", "ends_at": "2026-11-22T22:00:00+08:00"}

P: dict[str, Product | None] = {
    "fryer": product("S3F-AP", "空气炸锅", "家用电器", 269, stock=420, promotions=[
        {"kind": "coupon", "description": "直播间专享券随机20/30/50元，最高可减50元", **_EVENING}]),
    "camera": product("S3F-SH", "二手微单相机", "二手/收藏品", 7800, stock=1),
    "boots": product("S3F-FZ", "跑鞋", "服装鞋包", 499, stock=6),
    "cream": product("S3F-CS", "保湿面霜", "美妆护肤", 168, stock=600, promotions=[
        {"kind": "gift", "description": "下单送同款15g中样1支，每单限1支", **_EVENING}]),
    "cream_first": product("S3F-CS2", "保湿面霜", "美妆护肤", 168, stock=600, promotions=[
        {"kind": "gift", "description": "前20名下单送同款15g中样1支", **_EVENING}]),
    "liquor": product("S3F-JL", "酱香白酒", "酒类", 499, stock=300),
    "tea": product("S3F-TEA", "大红袍", "茶叶", 268, stock=300),
    "nuts": product("S3F-SN", "每日坚果", "零食饮料", 89, stock=800),
    "coat": product("S3F-FZ2", "羊毛大衣", "服装鞋包", 599, stock=140),
    "earbuds": product("S3F-DG", "降噪耳机", "手机数码", 899, stock=35),
    "none": None,
}

# (cause, text, mode, product, ids that must be reported)
FOUND = [
    # live-room figures: a head count watching, orders counted in the room (LSM-18 → LSM-18(4), LSE-34; AD-04 on orders)
    ('audience', '现在直播间上千人看着呢，不信你们看', 'live', 'cream', {'LSM-18', 'LSM-18(4)', 'LSE-34'}),
    ('audience', '好几百个姐妹盯着这个链接', 'live', 'cream', {'LSM-18(4)', 'LSE-34'}),
    ('audience', '已经有两万多个宝子拍下了，你还在犹豫什么', 'live', 'earbuds', {'LSM-18(4)', 'LSE-34', 'AD-04'}),
    ('audience', '刚才又有三百个家人抢到了', 'live', 'earbuds', {'LSM-18(4)', 'LSE-34', 'AD-04'}),
    ('audience', '刚刚一分钟就卖出去五千单！库房都在加班打包', 'live', 'nuts', {'LSM-18(4)', 'LSE-34'}),
    ('audience', '这一场半小时就卖掉了八千份', 'live', 'nuts', {'LSM-18(4)', 'LSE-34', 'AD-04'}),
    # a customer's reported result: growth after eating it (LSE-34 beside ECL-17)
    ('result', '好多宝妈私信我说，孩子吃了这个坚果个子都长高了', 'live', 'nuts', {'LSE-34', 'ECL-17'}),
    ('result', '有个老客户说她家娃喝了半年，个子长高了一截', 'live', 'nuts', {'LSE-34'}),
    # a viewer's name read out with their number (AD-09-6 → PII-NAME, PI-25)
    ('pii', '恭喜王建国中了福袋，手机138 1234 5678，对一下是不是你', 'live', 'nuts', {'PII-NAME', 'PII-MOB', 'PI-25'}),
    ('pii', '请李秀英女士核对一下，手机号13912345678对吗', 'live', 'nuts', {'PII-NAME', 'AD-09-6'}),
    # a QQ number under its spoken name, in comments and live (DATA-4 → PII-QQ)
    ('qq', '想要便宜的扣扣找我 2837465190', 'comment', 'none', {'PII-QQ', 'DATA-4'}),
    ('qq', '企鹅号是 55667788 私聊更便宜', 'comment', 'none', {'PII-QQ', 'DATA-4'}),
    ('qq', '扣扣找我 2837465190', 'live', 'none', {'PII-QQ', 'DATA-4'}),
    # labels: exported clips (LBL-4b) and any explicit label dropped (LBL-4 beside LBL-10)
    ('label', '导出的切片先把AI水印裁掉再发抖音', 'text', 'none', {'LBL-10', 'LBL-4b', 'LBL-4'}),
    ('label', '回放下载下来以后去掉AI标识再剪', 'text', 'none', {'LBL-4b'}),
    ('label', '切片不带AI水印直接发视频号', 'text', 'none', {'LBL-4b'}),
    ('label', '数字人开场那段AI声明就别念了，直接上产品', 'text', 'none', {'LBL-4', 'LSE-37'}),
    ('label', '直播时把AI生成的标识关掉', 'text', 'none', {'LBL-4', 'LBL-10'}),
    # promotions the listing does not have or no longer runs (PRICE-20 + PRICE-19)
    ('promotion', '满300减40，凑单更划算', 'live', 'fryer', {'PRICE-20', 'PRICE-19'}),
    ('promotion', '今天领券立减40，手慢无', 'live', 'fryer', {'PRICE-20', 'PRICE-19'}),
    ('promotion', '满两百减六十，快凑单', 'live', 'fryer', {'PRICE-20', 'PRICE-19'}),
    # a count above stock (PRICE-ZJ with AD-04)
    ('stock', '同款成色的还有两台，要的抓紧', 'live', 'camera', {'PRICE-ZJ', 'AD-04'}),
    ('stock', '这个尺码只剩8双了', 'live', 'boots', {'PRICE-ZJ', 'AD-04'}),
    # a gift limited to the first N when the listing gives it to every order (PRICE-20 → PRICE-ZJ, AD-04)
    ('first_n', '中样只送前二十名，后面的就没有了', 'live', 'cream', {'PRICE-ZJ', 'AD-04', 'PRICE-20'}),
    ('first_n', '前五十单才送中样哦，抓紧', 'live', 'cream', {'PRICE-ZJ', 'AD-04'}),
    # alcohol: the host's own drinking habit (AD-38 → AD-23 on alcohol)
    ('alcohol', '我平时晚上就爱喝这个，一口下去那个回甘啊', 'live', 'liquor', {'AD-38', 'AD-23'}),
    ('alcohol', '我天天喝这款白酒，喝了三年了', 'live', 'none', {'AD-38', 'AD-23'}),
    # a review written into the copy and signed with a buyer's name (EU-UCP-A23b/c → US-FTC-465)
    ('review', '★★★★★ "Best earbuds I\'ve ever owned!" — Jessica, verified buyer', 'text', 'earbuds',
     {'EU-UCP-A23b/c', 'US-FTC-465'}),
    ('review', '"Crystal clear calls, love them" - Mike T., verified purchaser', 'text', 'earbuds',
     {'EU-UCP-A23b/c', 'US-FTC-465'}),
    # a made-up foreign biography for the AI persona (PLAT-DY-4)
    ('persona', '我是在美国长大的华人，这次回国就是专门给大家挑好东西的', 'live', 'liquor', {'PLAT-DY-4'}),
    ('persona', '我其实是华侨，这次回国专门帮大家挑了几款', 'live', 'tea', {'PLAT-DY-4'}),
    ('persona', '我从小在日本长大的，这款耳机日本人都在用', 'live', 'earbuds', {'PLAT-DY-4'}),
]

# (cause, text, mode, product, ids that must not be reported); an empty set: nothing at all
NEAR: list[tuple[str, str, str, str, set[str]]] = [
    ('audience', '上千人看着呢', 'live', 'cream', set()),  # true: the room has 5,000 (stats below)
    ('audience', '家人们看着这个质地', 'live', 'cream', set()),
    ('audience', '大家盯着屏幕看细节', 'live', 'cream', set()),
    ('audience', '已经拍下的宝子记得备注尺码', 'live', 'earbuds', set()),
    ('result', '好多宝妈说孩子长高了，衣服要买大一码', 'live', 'coat', {'LSE-34', 'ECL-17'}),
    ('result', '有个宝妈说孩子穿了一年长高了，要换大码', 'live', 'coat', {'LSE-34', 'ECL-17'}),
    ('pii', '恭喜王建国中了福袋，请私信客服登记', 'live', 'nuts', set()),
    ('pii', '请王老师看一下手机', 'live', 'nuts', set()),
    ('pii', '手机号138****5678的宝宝已经改好啦', 'live', 'nuts', set()),
    ('qq', '扣1领券，扣2看黑色', 'comment', 'none', set()),
    ('label', '导出的切片保留AI水印再发抖音', 'text', 'none', set()),
    ('label', '导出的视频会自动带上AI水印', 'text', 'none', set()),
    ('label', '下载的回放里AI标识一直都在', 'text', 'none', set()),
    ('label', '不要去掉导出视频里的AI标识', 'text', 'none', set()),
    ('promotion', '领券最高减50，快去领', 'live', 'fryer', set()),
    ('promotion', '领券立减30元', 'live', 'fryer', set()),
    ('promotion', '满减活动请看商品页', 'live', 'fryer', set()),
    ('stock', '就这一台了，要的抓紧', 'live', 'camera', set()),
    ('stock', '还有一台', 'live', 'camera', set()),
    ('stock', '只剩6双了', 'live', 'boots', set()),
    ('stock', '还剩十几双', 'live', 'boots', set()),
    ('first_n', '下单就送中样，每单一支', 'live', 'cream', set()),
    ('first_n', '前二十名下单送中样', 'live', 'cream_first', set()),
    ('alcohol', '这款酒一口下去回甘很明显', 'live', 'liquor', set()),
    ('alcohol', '我平时晚上就爱喝这个，一口下去那个回甘啊', 'live', 'tea', {'AD-23'}),
    ('alcohol', '我没喝过这款，但可以给大家讲讲工艺', 'live', 'liquor', set()),
    ('review', 'Reviews from verified buyers are shown below the listing', 'text', 'earbuds', set()),
    ('review', 'Only verified buyers can leave a review', 'text', 'earbuds', set()),
    ('review', '— Jessica, our product manager', 'text', 'earbuds', set()),
    ('persona', '我朋友在美国长大，他也说好用', 'live', 'earbuds', set()),
    ('persona', '在国外长大的小朋友也爱吃', 'live', 'nuts', set()),
    ('persona', '海归的朋友们都说好', 'live', 'earbuds', set()),
    ('persona', '我是外国人的话能买吗？', 'live', 'earbuds', set()),
]

_ROOM = {"online": 5000.0}


@pytest.mark.parametrize(("cause", "text", "mode", "key", "expected"), FOUND)
def test_found(cause: str, text: str, mode: str, key: str, expected: set[str]) -> None:
    got = rules(text, P[key], mode=mode)
    assert expected <= got, f"{cause}: {text}: missing {sorted(expected - got)}, got {sorted(got)}"


@pytest.mark.parametrize(("cause", "text", "mode", "key", "banned"), NEAR)
def test_near_miss(cause: str, text: str, mode: str, key: str, banned: set[str]) -> None:
    got = rules(text, P[key], mode=mode, stats=_ROOM)
    assert not (got & banned if banned else got), f"{cause}: {text}: got {sorted(got)}"


def test_audience_head_count_is_checked_against_the_room() -> None:
    assert "LSM-18" in rules("现在直播间上千人看着呢", P["cream"], stats={"online": 312.0})
    assert "LSM-18" not in rules("现在直播间上千人看着呢", P["cream"], stats={"online": 5000.0})


def test_promotion_after_its_window_is_contradicted() -> None:
    """最高减50 is the listing's coupon: true inside its window, an unhonoured promise after it."""
    assert not rules("券还能领啊，最高减50，快去领", P["fryer"])
    assert {"PRICE-20", "PRICE-19"} <= rules_late("券还能领啊，最高减50，快去领", P["fryer"])


def test_reduction_without_currency_is_a_promotion_amount() -> None:
    got = [(c.detail, c.value) for c in extract(normalize("满300减40，凑单更划算")) if c.kind == "promotion"]
    assert [d for d, _ in got] == ["amount"] and got[0][1] == 40


def test_exact_count_above_stock_but_vague_count_read_at_its_widest() -> None:
    exact = [c.unit for c in extract(normalize("还有两台")) if c.kind == "stock"]
    vague = [c.unit for c in extract(normalize("还剩十几双")) if c.kind == "stock"]
    assert exact == ["exact"] and vague == [None]


def test_no_product_leaves_listing_checks_silent() -> None:
    assert not rules("满300减40，凑单更划算", None)
    assert not rules("中样只送前二十名，后面的就没有了", None)


def test_bare_reduction_is_checked_only_against_a_listing_with_promotions() -> None:
    """满300减30 on goods whose listing records no promotion at all has nothing to be checked against."""
    bare = product("S3F-FZ3", "羊毛大衣", "服装鞋包", 599, stock=140)
    assert not rules("满300减30，下单自动减", bare)
    assert {"PRICE-20", "PRICE-19"} <= rules("满300减60，下单自动减", P["fryer"])
