"""The field's everyday vocabulary, family by family, written from domain knowledge (广告法 banned-word
lists, 化妆品/保健食品/婴配 rules, the usual live-room 话术) rather than from failing cases. Each family has
lines that must be found (with the rule that must report them) and near misses in the same words that
must not be found at all."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from cohost.compliance import Checker
from cohost.domain import Product

CHECKER = Checker.default()
EVENING = datetime.fromisoformat("2026-11-21T21:00:00+08:00")


def _product(category: str, title: str, **data: Any) -> Product:
    base: dict[str, Any] = {"sku": "V-1", "title": title, "category": category, "price": 99, "stock": 300}
    base.update(data)
    return Product.model_validate(base)


PRODUCTS = {
    "": None,
    "cos": _product("美妆护肤", "保湿面霜50g"),
    "food": _product("食品", "黑芝麻丸"),
    "tea": _product("茶叶", "安吉白茶250g"),
    "hf": _product("保健食品", "维生素C咀嚼片"),
    "milk": _product("母婴", "婴儿配方奶粉1段800g"),
    "home": _product("家居", "四件套"),
    "digital": _product("数码", "蓝牙耳机"),
}


def _rules(text: str, where: str = "", mode: str = "text") -> set[str]:
    product = PRODUCTS[where]
    return {f.rule for f in CHECKER.check(text, product=product, now=EVENING if product else None, mode=mode)}


# (rule id, text, product key, mode)
FOUND: list[tuple[str, str, str, str]] = [
    # 极限词: the well-known families
    ("AD-09-3", "这是今年最具性价比的一款", "", "text"),
    ("AD-09-3", "最赚的一单就是现在", "", "text"),
    ("AD-09-3", "采用最先进的生产工艺", "", "text"),
    ("AD-09-3", "最优的配方比例", "", "text"),
    ("AD-09-3", "同价位音质No.1", "digital", "text"),
    ("AD-09-3", "TOP1的爆款面霜", "cos", "text"),
    ("AD-09-3", "国内首个做这种工艺的品牌", "", "text"),
    ("AD-09-3", "宝宝辅食首选", "", "text"),
    ("AD-09-3", "全国首家线上旗舰", "", "text"),
    ("AD-09-3", "全网首发，只有我们有", "", "text"),
    ("AD-09-3", "独家秘方，别处买不到", "", "text"),
    ("AD-09-3", "这是唯一一款做到的", "", "text"),
    ("AD-09-3", "世界级工艺，国家级品质", "", "text"),
    ("AD-09-3", "宇宙级好用", "", "text"),
    ("AD-09-3", "顶级面料，极致体验", "home", "text"),
    ("AD-09-3", "绝无仅有的好价", "", "text"),
    ("AD-09-3", "史无前例的力度", "", "text"),
    ("AD-09-3", "万能清洁膏，什么都能擦", "home", "text"),
    ("AD-09-3", "这是我们的王牌产品", "", "text"),
    ("AD-09-3", "行业领袖，品质保障", "", "text"),
    ("AD-09-3", "领导品牌，值得信赖", "", "text"),
    ("AD-09-3", "连续三年销量冠军", "", "text"),
    ("AD-09-3", "天猫排名第一的面霜", "cos", "text"),
    ("AD-09-3", "续航遥遥领先", "digital", "text"),
    ("AD-09-3", "这就是国货天花板", "", "text"),
    ("AD-09-3", "口碑断层领先", "", "text"),
    ("AD-09-3", "一流的品质，一流的服务", "", "text"),
    ("AD-09-3", "超一流做工", "", "text"),
    ("AD-09-3", "同类产品中首屈一指", "", "text"),
    ("AD-09-3", "在行业里独占鳌头", "", "text"),
    ("AD-09-3", "空前绝后的优惠", "", "text"),
    ("AD-09-3", "前无古人的设计", "", "text"),
    ("AD-09-3", "无可替代的经典款", "", "text"),
    ("AD-09-3", "效果无可比拟", "", "text"),
    ("AD-09-3", "这款品质堪称完美", "", "text"),
    ("AD-09-3", "全球独家专利配方", "", "text"),
    ("AD-09-3", "顶尖科研团队打造", "", "text"),
    ("AD-09-3", "极品好茶，入口回甘", "tea", "text"),
    ("AD-09-3", "金牌品质，王者之选", "", "text"),
    ("AD-09-3", "抖音爆款榜冠军", "", "text"),
    ("AD-09-3", "同价位无敌的存在", "digital", "text"),
    ("AD-09-3", "品质碾压同价位", "", "text"),
    ("AD-09-3", "100%纯天然无添加", "food", "text"),
    ("AD-09-3", "百分百好用", "", "text"),
    ("AD-09-3", "永久保色不褪", "home", "text"),
    ("AD-09-3", "终身受益的好习惯就从这瓶开始", "", "text"),
    ("AD-09-3", "这款是回购王", "", "text"),
    ("AD-09-3", "保湿界的yyds", "cos", "text"),
    ("AD-09-3", "军工级品质，航天级材料", "", "text"),
    # price absolutes
    ("PRICE-19", "全网最低价，闭眼入", "", "text"),
    ("PRICE-19", "这是全年最低价", "", "text"),
    ("PRICE-19", "今天是史低，错过不再有", "", "text"),
    ("AD-09-3", "最低价给到大家", "", "text"),
    ("PRICE-19", "直接击穿底价", "", "text"),
    ("PRICE-19", "骨折价，真的是骨折价", "", "text"),
    ("PRICE-19", "地板价给你们", "", "text"),
    ("PRICE-19", "破价了，全网都找不到这个价", "", "text"),
    ("PRICE-19", "年度最低价就在今晚", "", "text"),
    ("PRICE-19", "价格低到离谱，全网没有更低的", "", "text"),
    ("PRICE-19", "买贵了退差价，保证最低", "", "text"),
    ("PRICE-19", "今天给到员工价", "", "live"),
    ("PRICE-19", "内部价，不对外", "", "live"),
    # medical, cosmetics
    ("SEC-COS-2", "这款面霜能抗炎舒缓", "cos", "text"),
    ("SEC-COS-2", "精华有消炎作用", "cos", "text"),
    ("SEC-COS-2", "祛疤膏涂一个月疤就淡了", "cos", "text"),
    ("SEC-COS-2", "生发液坚持用头发长出来了", "cos", "text"),
    ("SEC-COS-1", "防脱洗发水，掉发少了", "cos", "text"),
    ("SEC-COS-2", "修复受损肌肤，专治烂脸", "cos", "text"),
    ("SEC-COS-2", "抗敏舒缓，敏感肌救星", "cos", "text"),
    ("SEC-COS-2", "脱敏效果很好", "cos", "text"),
    ("SEC-COS-2", "沐浴露还能除螨", "cos", "text"),
    ("SEC-COS-2", "面膜能排毒", "cos", "text"),
    ("SEC-COS-2", "瘦脸霜，涂了脸小一圈", "cos", "text"),
    ("SEC-COS-2", "丰胸精油，一个疗程升一个罩杯", "cos", "text"),
    ("SEC-COS-1", "美白祛斑，一抹就白", "cos", "text"),
    ("SEC-COS-2", "这是药妆，医学护肤品牌", "cos", "text"),
    ("SEC-COS-2", "械字号面膜，医院同款", "cos", "text"),
    ("SEC-COS-2", "激活毛囊，让头发重新长出来", "cos", "text"),
    ("SEC-COS-2", "能杀菌抑菌，痘痘不再长", "cos", "text"),
    ("SEC-COS-2", "淡化妊娠纹，产后必备", "cos", "text"),
    ("SEC-COS-2", "溶脂纤体霜", "cos", "text"),
    ("SEC-COS-2", "促进细胞再生", "cos", "text"),
    # food and ordinary goods claiming health functions
    ("SEC-FOOD-1", "喝了能降三高", "food", "text"),
    ("SEC-FOOD-1", "这款茶能调理肠胃", "tea", "text"),
    ("SEC-FOOD-1", "每天吃提高免疫力", "food", "text"),
    ("SEC-FOOD-1", "排毒养颜，女生必备", "food", "text"),
    ("SEC-FOOD-1", "常喝能抗癌", "tea", "text"),
    ("SEC-FOOD-1", "治失眠特别好", "food", "text"),
    ("SEC-FOOD-1", "黑芝麻丸能乌发养发，白头发变黑", "food", "text"),
    ("SEC-FOOD-1", "补钙长个子，孩子吃了长得高", "food", "text"),
    ("SEC-FOOD-1", "喝了降血糖，糖友放心喝", "tea", "text"),
    ("SEC-FOOD-1", "清肝明目，熬夜党必备", "tea", "text"),
    ("SEC-FOOD-1", "能补肾壮阳", "food", "text"),
    ("SEC-FOOD-1", "暖宫调经，痛经的姐妹喝", "tea", "text"),
    ("SEC-FOOD-1", "养胃护胃，胃不好的喝", "food", "text"),
    ("SEC-FOOD-1", "有助于降低胆固醇", "food", "text"),
    ("SEC-FOOD-1", "增强抵抗力，少生病", "food", "text"),
    ("SEC-FOOD-1", "吃了不长肉还掉秤", "food", "text"),
    ("SEC-FOOD-1", "一个月瘦8斤", "food", "text"),
    ("SEC-FOOD-1", "燃脂瘦身，躺着就能瘦", "food", "text"),
    ("SEC-FOOD-1", "清热去火，嗓子疼喝它", "tea", "text"),
    ("SEC-FOOD-1", "补气血，改善气色", "food", "text"),
    ("AD-17", "降血压效果明显", "home", "text"),
    ("AD-17", "这个按摩仪能治颈椎病", "home", "text"),
    ("AD-17", "睡这个枕头失眠都好了", "home", "text"),
    ("AD-17", "鞋垫能矫正扁平足", "home", "text"),
    ("AD-17", "牙膏能抗幽", "cos", "text"),
    ("AD-17", "能抑制幽门螺杆菌", "", "text"),
    ("AD-17", "磁疗床垫，睡着就能理疗", "home", "text"),
    # health food: no disease, no drug comparison (AD-17 applies to every non-medical category)
    ("AD-17", "吃了这个维生素，感冒都不用吃药了", "hf", "text"),
    ("AD-17", "可以代替药物，比吃药管用", "hf", "text"),
    ("AD-17", "保健品也能治病，糖尿病人吃了血糖稳", "hf", "text"),
    # baby formula: breast-milk comparisons (AD-20); health functions are the food rule's
    ("AD-20", "这款奶粉接近母乳，营养更全面", "milk", "text"),
    ("SEC-FOOD-1", "喝了增强宝宝免疫力，少生病", "milk", "text"),
    ("SEC-FOOD-1", "添加DHA，益智健脑，宝宝更聪明", "milk", "text"),
    ("SEC-FOOD-1", "宝宝喝了长得高、不生病", "milk", "text"),
    # guarantees
    ("AD-04", "保证有效，没效果全额退", "", "text"),
    ("AD-24", "报我们的班，包过", "", "text"),
    ("AD-04", "无效退款，放心买", "", "text"),
    ("AD-25", "零风险，稳赚", "", "text"),
    ("AD-04", "100%有效", "", "text"),
    ("AD-04", "绝对没有副作用", "", "text"),
    ("AD-04", "用了保证不过敏", "cos", "text"),
    ("AD-04", "三天见效，七天变白", "cos", "text"),
    ("AD-04", "效果看得见，用了就有效", "cos", "text"),
    ("AD-04", "安全无毒，放心吃", "food", "text"),
    ("AD-04", "纯植物提取，无任何刺激", "cos", "text"),
    ("AD-25", "跟着我投，一年回本", "", "text"),
    ("AD-24", "一次通过，不过退费", "", "text"),
    ("AD-04", "腰围小了3厘米", "", "text"),
    ("AD-25", "收益稳定，保本保收益", "", "text"),
    # urgency without facts
    ("PRICE-ZJ", "库存见底了，抓紧", "", "live"),
    ("PRICE-ZJ", "最后3件了", "", "live"),
    ("PRICE-ZJ", "马上涨价，要买的快", "", "live"),
    ("PRICE-19", "错过再等一年", "", "live"),
    ("PRICE-ZJ", "仅限今天这个价", "", "live"),
    ("PRICE-ZJ", "这是最后一批货了", "", "live"),
    ("PRICE-ZJ", "下播就恢复原价", "", "live"),
    ("PRICE-ZJ", "手慢无，秒没", "", "live"),
    ("PRICE-ZJ", "库存告急，只剩几十单", "", "live"),
    ("PRICE-ZJ", "这个价格随时会涨回去", "", "live"),
    # invented metrics
    ("LSE-34", "已经卖了100万单", "", "text"),
    ("LSE-34", "回购率高达80%", "", "text"),
    ("LSE-34", "好评率99.8%", "", "text"),
    ("LSM-18", "直播间3万人在抢", "", "live"),
    ("LSE-34", "万人抢购的爆款", "", "text"),
    ("LSE-34", "全网卖爆了，几十万人都在买", "", "text"),
    ("LSE-34", "每秒卖出3瓶", "", "text"),
    ("LSE-34", "月销十万加", "", "text"),
    ("LSE-34", "卖断货好几次了", "", "text"),
    ("LSE-34", "一上架就秒光", "", "live"),
    # fabricated testimonials
    ("PR-LSE34", "某明星同款", "", "text"),
    ("AD-11", "医生推荐的牌子", "", "text"),
    ("AD-11", "专家推荐，放心用", "", "text"),
    ("ECL-17", "用户说用了一周皮肤就变好了", "cos", "text"),
    ("ECL-17", "买过的都说好", "", "text"),
    ("PR-LSE34", "好多网红都在推", "", "text"),
    ("AD-11", "皮肤科医生都推荐", "cos", "text"),
    ("PR-LSE34", "明星都在用的面霜", "cos", "text"),
    # disparagement
    ("AD-13", "某品牌的都是智商税", "", "text"),
    ("AD-13", "隔壁卖的都是假货", "", "text"),
    ("AD-13", "大牌的用了会烂脸", "cos", "text"),
    ("AD-13", "别家的都是科技与狠活", "food", "text"),
    ("AD-13", "外面的都是垃圾", "", "text"),
    ("AD-13", "其他家的都是添加剂勾兑的", "food", "text"),
    ("AD-13", "别的主播卖的都是假货", "", "live"),
    # superstition
    ("AD-09-8", "开光的貔貅手串", "", "text"),
    ("AD-09-8", "戴上能转运", "", "text"),
    ("AD-09-8", "招财又旺夫", "", "text"),
    ("AD-09-8", "辟邪挡煞", "", "text"),
    ("AD-09-8", "风水摆件，旺财", "home", "text"),
    ("AD-09-8", "本命年戴上保平安", "", "text"),
    ("AD-09-8", "带来好运，事业顺利", "", "text"),
    ("AD-09-8", "时来运转，万事亨通", "", "text"),
    # AI identity and personal use
    ("ANTH-1", "我是真人哦", "", "live"),
    ("AD-38", "本人亲测，真的好用", "", "live"),
    ("AD-38", "我自己也在用", "", "live"),
    ("AD-38", "我家宝宝在用这款", "", "live"),
    ("AD-38", "我每天都在喝", "", "live"),
    ("AD-38", "我用完一整瓶了", "", "live"),
    ("AD-38", "主播自用款", "", "live"),
    ("AD-38", "我亲自试过，不刺激", "", "live"),
    ("ANTH-1", "我不是AI，是真人在播", "", "live"),
    ("AD-38", "我也是敏感肌，用着不刺激", "cos", "live"),
    ("AD-38", "我是油皮，用着很清爽", "cos", "live"),
    ("AD-38", "我也是宝妈，懂你们", "", "live"),
    # minors
    ("AD-40", "小朋友快让妈妈下单", "", "live"),
    ("AD-40", "小朋友们赶紧去抢", "", "live"),
    ("AD-40", "让爸爸妈妈给你买", "", "live"),
    ("AD-40", "小朋友喜欢就叫爸妈来拍", "", "live"),
    # privacy
    ("DATA-4", "加我微信私下交易更便宜", "", "live"),
]

CLEAN: list[tuple[str, str, str]] = [
    # absolute terms: the ordinary senses
    ("这是我第一次播这个品牌", "", "text"),
    ("第一步先洁面，第二步上精华", "cos", "text"),
    ("最近天气干，多补水", "", "text"),
    ("用之前最好先在耳后试一下", "cos", "text"),
    ("满300最高可减50", "", "text"),
    ("广告法不让说最好，我们就说说成分", "", "text"),
    ("我们不说第一，只说配料表", "", "text"),
    ("这款比我们家老款更轻", "digital", "text"),
    ("新款比上一代续航更长", "digital", "text"),
    ("首次下单的宝宝有新人券", "", "text"),
    ("首先看一下面料", "home", "text"),
    ("唯一的区别是颜色不一样", "", "text"),
    ("直播间独家福利，下单送小样", "", "text"),
    ("最后一步，轻拍吸收", "cos", "text"),
    ("天花板有点矮，挂灯要注意", "home", "text"),
    ("最低气温零下五度，记得加衣服", "", "text"),
    ("我们会以最快的速度发货", "", "live"),
    ("这个月的最低目标完成了", "", "live"),
    ("第一名下单的宝宝送小样", "", "live"),
    ("这个价格是直播间专享价", "", "text"),
    ("航空级铝合金车架，很轻", "", "text"),
    ("补货了，大家可以拍了", "", "live"),
    ("王老吉凉茶一箱24罐", "food", "text"),
    ("一流水线？不，我们是手工做的", "", "text"),
    ("王牌对王牌那个节目你们看了吗", "", "live"),
    ("终身会员可以免运费", "", "text"),
    ("永久链接在购物车第一个", "", "live"),
    ("百分百纯棉面料", "home", "text"),
    ("面料是100%桑蚕丝", "home", "text"),
    ("这款和我们家经典款比哪个更好？", "", "live"),
    # price
    ("今天直播间价格99元", "", "text"),
    ("骨折了不能做运动", "", "live"),
    ("地板要防潮", "home", "text"),
    # medical near misses
    ("本品不能代替药物", "food", "text"),
    ("滋养发膜，头发更顺", "", "text"),
    ("一流汗耳机也不会往下滑", "digital", "text"),
    ("吸油纸一盒100张", "", "text"),
    ("醒酒器是水晶玻璃的", "", "text"),
    ("除螨仪吸力很大", "home", "text"),
    ("质地清爽，吸收快", "cos", "text"),
    ("孕期请先咨询医生", "cos", "text"),
    ("过敏体质请先在耳后试用", "cos", "text"),
    ("口感软糯，配料只有黑芝麻和蜂蜜", "food", "text"),
    ("茶汤清亮，回甘明显", "tea", "text"),
    ("这款面霜不是药妆，就是普通护肤品", "cos", "text"),
    ("有糖尿病的朋友请先咨询医生再吃", "food", "text"),
    ("排骨炖汤很香", "food", "text"),
    ("修复好的订单会重新发货", "", "text"),
    ("枕头高度可以调节", "home", "text"),
    ("奶粉冲泡水温40度左右", "milk", "text"),
    ("母乳是婴儿最理想的食品", "milk", "text"),
    ("这个茶适合下午喝，口感清爽", "tea", "text"),
    # guarantees
    ("7天无理由退货", "", "text"),
    ("保证正品，假一赔三", "", "text"),
    ("效果因人而异", "cos", "text"),
    ("投资有风险，加盟需谨慎", "", "text"),
    ("包邮到家", "", "text"),
    # urgency and metrics near misses
    ("每人限购2件", "", "live"),
    ("现货充足，放心拍", "", "live"),
    ("这一款有三个颜色", "", "live"),
    ("评论区可以看真实买家的评价", "", "live"),
    # testimonials
    ("有宝宝问敏感肌能不能用", "cos", "live"),
    ("具体情况请咨询医生", "", "live"),
    ("明星款式的设计灵感来自复古风", "home", "text"),
    # disparagement
    ("我们不评价别家，只说这款的成分", "", "text"),
    ("垃圾袋加厚款，不容易破", "home", "text"),
    ("隔壁小区的宝宝也来问过", "", "live"),
    # superstition
    ("招财猫摆件，造型可爱", "home", "text"),
    ("快递到了转运中心", "", "live"),
    ("老粉都说这个颜色好看吗？", "", "live"),
    ("好评率可以在详情页看到", "", "live"),
    ("下播前再给大家讲一遍用法", "", "live"),
    ("上万人的直播间要注意秩序", "", "live"),
    # identity
    ("我是AI虚拟主播", "", "live"),
    ("如果你是油皮，建议先试用小样", "cos", "live"),
    ("你是敏感肌吗？可以先看看成分", "cos", "live"),
    ("我们是宝妈团队选品", "", "live"),
    ("你是真人吗？", "", "comment"),
    ("我来给大家展示一下质地", "cos", "live"),
    ("我们家宝宝们都很喜欢这个颜色", "", "live"),
    # minors
    ("未成年人请在家长陪同下观看", "", "live"),
    ("这款适合三岁以上的小朋友", "", "live"),
]


@pytest.mark.parametrize(("rule", "text", "where", "mode"), FOUND)
def test_found(rule: str, text: str, where: str, mode: str) -> None:
    assert rule in _rules(text, where, mode), f"{rule} not found in {text!r}: {sorted(_rules(text, where, mode))}"


@pytest.mark.parametrize(("text", "where", "mode"), CLEAN)
def test_clean(text: str, where: str, mode: str) -> None:
    assert _rules(text, where, mode) == set()
