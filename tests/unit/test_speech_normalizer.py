"""The normaliser reads commerce text the way an anchor would: a table of what goes in and what is said."""

from __future__ import annotations

import random
import re

import pytest

from cohost.speech import normalize
from cohost.speech.numerals import read_int, read_money

CASES: list[tuple[str, str]] = [
    # prices
    ("¥13999", "一万三千九百九十九元"),
    ("￥13999", "一万三千九百九十九元"),
    ("13999元", "一万三千九百九十九元"),
    ("89.9元", "八十九块九"),
    ("¥89.9", "八十九块九"),
    ("0.5元", "五毛"),
    ("0.99元", "九毛九"),
    ("0.05元", "五分"),
    ("1.05元", "一块零五分"),
    ("99.99元", "九十九块九毛九"),
    ("12.50元", "十二块五"),
    ("2元", "两元"),
    ("2.5元", "两块五"),
    ("99块", "九十九块"),
    ("99块钱", "九十九块钱"),
    ("13999.00元", "一万三千九百九十九元"),
    ("1,299元", "一千二百九十九元"),
    ("¥1,299", "一千二百九十九元"),
    ("¥99元", "九十九元"),
    ("2000元", "两千元"),
    ("200元", "两百元"),
    ("20元", "二十元"),
    ("100000元", "十万元"),
    ("10010元", "一万零一十元"),
    ("$19.99", "十九点九九美元"),
    ("99RMB", "九十九元"),
    ("RMB 99", "九十九元"),
    ("9.9包邮", "九块九包邮"),
    ("到手价¥5999", "到手价五千九百九十九元"),
    ("原价599元，现价399元", "原价五百九十九元，现价三百九十九元"),
    ("每桶只要4块5", "每桶只要四块五"),
    # ranges
    ("3-5天", "三到五天"),
    ("100~200ml", "一百到两百毫升"),
    ("100～200ml", "一百到两百毫升"),
    ("3~5", "三到五"),
    ("10-20cm", "十到二十厘米"),
    ("99-199元", "九十九到一百九十九元"),
    ("¥99-199", "九十九到一百九十九元"),
    ("9.9-19.9元", "九块九到十九块九"),
    ("5%-10%", "百分之五到百分之十"),
    ("5-10%", "百分之五到百分之十"),
    ("3kg-5kg", "三公斤到五公斤"),
    ("36-44码", "三十六到四十四码"),
    ("3到5天", "三到五天"),
    ("2至3个工作日", "二到三个工作日"),
    # units
    ("30ml", "三十毫升"),
    ("30 ml", "三十毫升"),
    ("500g", "五百克"),
    ("2kg", "两公斤"),
    ("5kg", "五公斤"),
    ("1.5L", "一点五升"),
    ("5000mAh", "五千毫安时"),
    ("10000mAh", "一万毫安时"),
    ("15cm", "十五厘米"),
    ("32mm", "三十二毫米"),
    ("65W", "六十五瓦"),
    ("22.5W", "二十二点五瓦"),
    ("220V", "两百二十伏"),
    ("120Hz", "一百二十赫兹"),
    ("256GB", "两百五十六G"),
    ("2TB", "两T"),
    ("1T", "一T"),
    ("25℃", "二十五度"),
    ("-5℃", "零下五度"),
    ("-18°C", "零下十八度"),
    ("温度在2到6℃之间", "温度在二到六度之间"),
    ("零下20℃都不怕冷", "零下二十度都不怕冷"),
    ("最高230℃", "最高两百三十度"),
    ("水温40°F", "水温四十华氏度"),
    ("37°", "三十七度"),
    ("60㎡", "六十平方米"),
    ("60m²", "六十平方米"),
    ("100m2", "一百平方米"),
    ("2m³", "两立方米"),
    ("12km/h", "十二公里每小时"),
    ("4000Pa", "四千帕"),
    ("15bar", "十五巴"),
    ("24h", "二十四小时"),
    ("30min", "三十分钟"),
    ("800lm", "八百流明"),
    ("14英寸", "十四英寸"),
    ("10x变焦", "十倍变焦"),
    ("12GB+256GB", "十二G加两百五十六G"),
    ("6+128G", "六加一百二十八G"),
    ("5 GB", "五G"),
    # measure words and 两
    ("2个", "两个"),
    ("2件", "两件"),
    ("拍2件", "拍两件"),
    ("满2件包邮", "满两件包邮"),
    ("2天", "两天"),
    ("2小时", "两小时"),
    ("2个月", "两个月"),
    ("2岁", "两岁"),
    ("2万", "两万"),
    ("2号链接", "二号链接"),
    ("2月", "二月"),
    ("2楼", "二楼"),
    ("22件", "二十二件"),
    ("12件", "十二件"),
    ("第2件半价", "第二件半价"),
    ("买2送1", "买二送一"),
    ("买1送1", "买一送一"),
    ("满199减30", "满一百九十九减三十"),
    ("满300减50", "满三百减五十"),
    ("前100名", "前一百名"),
    ("限量2000件", "限量两千件"),
    ("10万件", "十万件"),
    ("10w+", "十万加"),
    ("3k", "三千"),
    ("1.2万", "一点二万"),
    ("18+", "十八加"),
    # model numbers and Latin
    ("iPhone 15 Pro", "iPhone 十五 Pro"),
    ("IPHONE 15 PRO MAX", "iPhone 十五 Pro Max"),
    ("iPhone15Pro", "iPhone十五Pro"),
    ("M9", "M九"),
    ("X200", "X两百"),
    ("vivo X200 Pro", "vivo X两百 Pro"),
    ("4B", "四B"),
    ("SM-001", "S M 零零一"),
    ("RTX4090", "R T X四零九零"),
    ("RTX 4090", "R T X 四零九零"),
    ("Mate 60", "Mate 六十"),
    ("HUAWEI Mate 60", "Huawei Mate 六十"),
    ("Xiaomi 14 Ultra", "Xiaomi 十四 Ultra"),
    ("M2 Max", "M二 Max"),
    ("A17芯片", "A十七芯片"),
    ("5G手机", "五G手机"),
    ("4K屏", "四K屏"),
    ("1080P", "一零八零P"),
    ("3000K", "三千K"),
    ("USB-C接口", "U S B C接口"),
    ("Type-C", "Type C"),
    ("Wi-Fi 6", "Wi-Fi 六"),
    ("NFC", "N F C"),
    ("LED灯", "L E D灯"),
    ("SPF50+", "S P F五十加"),
    ("T恤", "T恤"),
    ("S、M、L、XL", "S、M、L、X L"),
    ("Dyson吹风机", "Dyson吹风机"),
    ("L'Oreal", "L'Oreal"),
    ("OPPO Find X7", "Oppo Find X七"),
    # dates and times
    ("11月20日", "十一月二十日"),
    ("12月31日", "十二月三十一日"),
    ("20号", "二十号"),
    ("2026-11-20", "二零二六年十一月二十日"),
    ("2026/11/20", "二零二六年十一月二十日"),
    ("2026.11.20", "二零二六年十一月二十日"),
    ("2026年11月20日", "二零二六年十一月二十日"),
    ("11/20", "十一月二十日"),
    ("6/18", "六月十八日"),
    ("20:00", "二十点"),
    ("20:30", "二十点半"),
    ("8:05", "八点零五分"),
    ("20:15", "二十点十五分"),
    ("12:00:30", "十二点零三十秒"),
    ("20:00-22:00", "二十点到二十二点"),
    ("晚8点", "晚八点"),
    ("凌晨2点", "凌晨两点"),
    ("12点", "十二点"),
    ("8点半", "八点半"),
    ("双11", "双十一"),
    ("双12", "双十二"),
    ("周3", "周三"),
    # years
    ("2026年", "二零二六年"),
    ("1998年", "一九九八年"),
    ("2000年", "二零零零年"),
    ("2025款", "二零二五款"),
    ("2024-2025年", "二零二四到二零二五年"),
    ("5年", "五年"),
    ("20年老店", "二十年老店"),
    # percentages, fractions, discounts, ratios
    ("50%", "百分之五十"),
    ("99.9%", "百分之九十九点九"),
    ("100%", "百分之百"),
    ("0.5%", "百分之零点五"),
    ("1/2", "二分之一"),
    ("3/4", "四分之三"),
    ("1/3杯", "三分之一杯"),
    ("1/100", "一百分之一"),
    ("½", "二分之一"),
    ("8.5折", "八五折"),
    ("5折", "五折"),
    ("7.5折", "七五折"),
    ("1:1还原", "一比一还原"),
    # digit strings
    ("13812345678", "幺三八幺二三四五六七八"),
    ("138-1234-5678", "幺三八幺二三四五六七八"),
    ("138 1234 5678", "幺三八幺二三四五六七八"),
    ("400-123-4567", "四零零幺二三四五六七"),
    ("010-12345678", "零幺零幺二三四五六七八"),
    ("订单号123456789", "订单号幺二三四五六七八九"),
    ("尾号5678", "尾号五六七八"),
    ("验证码是0371", "验证码是零三七幺"),
    ("货号：SM001", "货号：S M零零幺"),
    ("编号007", "编号零零七"),
    ("007", "零零七"),
    ("123456789", "幺二三四五六七八九"),
    ("1000000", "一百万"),
    # symbols
    ("面膜×10片", "面膜十片"),
    ("25ml×10片", "二十五毫升乘十片"),
    ("30×20×10cm", "三十乘二十乘十厘米"),
    ("3x4", "三乘四"),
    ("A&B", "A和B"),
    ("89元/瓶", "八十九元一瓶"),
    ("3次/天", "三次每天"),
    ("元/kg", "元每公斤"),
    ("现货/预售", "现货或预售"),
    ("北京-上海", "北京到上海"),
    ("宝宝们~", "宝宝们"),
    ("a=b", "a等于b"),
    ("≥18岁", "大于等于十八岁"),
    ("<5%", "小于百分之五"),
    ("@主播", "艾特主播"),
    ("#好物推荐#", "好物推荐"),
    ("No.1", "第一"),
    ("-5", "负五"),
    # punctuation, cue marks, whitespace
    ("[展示]这款很好!!!", "这款很好！"),
    ("[展示] 看这里，[上链接]快拍！", "看这里，快拍！"),
    ("限时秒杀 买一送一", "限时秒杀，买一送一"),
    ("好的。。。", "好的。"),
    ("真的吗？！", "真的吗？"),
    ("等等……马上来", "等等，马上来"),
    ("第一行\n第二行", "第一行，第二行"),
    ("“爆款”《推荐》", "爆款推荐"),
    ("【限时】秒杀", "限时秒杀"),
    ("宝宝们🎉🎉冲鸭", "宝宝们，冲鸭"),
    ("  前后空格  ", "前后空格"),
    ("Hello, world!", "Hello，world！"),
    ("ok", "ok"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "spoken"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_reads_commerce_text_like_an_anchor(text: str, spoken: str) -> None:
    assert normalize(text) == spoken


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 150
    assert len({c[0] for c in CASES}) == len(CASES), "no duplicate inputs"


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_large_numbers_and_zeros() -> None:
    assert read_int("100000001") == "一亿零一"
    assert read_int("100010000") == "一亿零一万"
    assert read_int("10010000") == "一千零一万"
    assert read_int("1000000000000") == "一万亿"
    assert read_int("9" * 17) == "九" * 17  # beyond 万亿: digit by digit
    assert read_money("0.00") == "零元"


def test_merchant_lexicon_comes_first() -> None:
    assert normalize("SK-II神仙水", lexicon={"SK-II": "SK兔"}) == "S K兔神仙水"
    assert normalize("小棕瓶", lexicon={"": "x"}) == "小棕瓶"


# -- broken, huge and hostile input -------------------------------------------------------------------
HOSTILE = [
    "\x00\x01\x02价格\x7f99元", "\u202e元99\u202c", "<script>alert(1)</script>99元", "${jndi:ldap://x}",
    "'; DROP TABLE products;--", "\ud800" if False else "\ufffd\ufffd", "9" * 5000, "1." * 3000, "-" * 4000,
    "¥" * 1000, "%" * 1000, "1/" * 1000, "1:" * 1000, "a1" * 2000, "１２３元", "Ⅻ月", "٣٤٥", "𝟗𝟗元",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_gives_one_clean_line(text: str) -> None:
    out = normalize(text)
    assert "\n" not in out and not re.search(r"[0-9\x00-\x1f<>{}$;]", out)


def test_fullwidth_and_math_digits_are_read() -> None:
    assert normalize("１２３元") == "一百二十三元"
    assert normalize("𝟗𝟗元") == "九十九元"


@pytest.mark.timeout(30)
def test_hundreds_of_kilobytes_of_junk_are_read_in_linear_time() -> None:
    rng = random.Random(3)
    alphabet = "0123456789.,-~/:%¥元件mlkgGBX ，。!？好价a×+"
    blob = "".join(rng.choice(alphabet) for _ in range(150_000))  # quadratic work would never finish
    out = normalize(blob)
    assert out and not re.search(r"[0-9]", out)


@pytest.mark.parametrize("seed", range(200))
def test_random_text_never_leaves_digits_or_breaks_lines(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "0123456789.,-~/:%¥$元块件个ml kg GB XPro年月日点号折×*+&@#\n\t，。！？《》[]（）"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300)))
    out = normalize(text)
    assert "\n" not in out and not re.search(r"[0-9]", out)
    assert normalize(out) == out
