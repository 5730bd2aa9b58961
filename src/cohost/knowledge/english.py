"""English words a viewer uses for products and colours, mapped to the Chinese a catalog writes: generic commerce
vocabulary only (no shop's words). Re-exported by ``lexicon``."""

from __future__ import annotations

import re

# --- English product nouns ---------------------------------------------------------------------------
# How an English-speaking viewer names a product, mapped to the Chinese head nouns a catalog title uses.
# Generic commerce vocabulary only (clothing, beauty, food, digital, home, baby, pets, kitchen, sports,
# outdoor, stationery, music, car, garden); a title or alias containing the noun is a mention.
_EN_NOUNS: dict[str, tuple[str, ...]] = {
    # clothing and accessories
    "t-shirt": ("t恤",), "tshirt": ("t恤",), "tee": ("t恤",), "shirt": ("衬衫", "t恤"), "hoodie": ("卫衣",),
    "sweatshirt": ("卫衣",), "sweater": ("毛衣", "针织衫"), "jacket": ("外套", "夹克", "冲锋衣", "羽绒服"),
    "down jacket": ("羽绒服",), "puffer": ("羽绒服",), "coat": ("外套", "大衣"), "raincoat": ("雨衣",),
    "jeans": ("牛仔裤",), "pants": ("裤",), "trousers": ("裤",), "leggings": ("打底裤", "瑜伽裤"), "shorts": ("短裤",),
    "skirt": ("裙",), "dress": ("连衣裙", "裙"), "socks": ("袜",), "underwear": ("内裤",), "panties": ("内裤",),
    "bra": ("内衣", "文胸"), "pajamas": ("睡衣",), "scarf": ("围巾",), "hat": ("帽",), "cap": ("帽",),
    "gloves": ("手套",), "shoes": ("鞋",), "sneakers": ("运动鞋", "鞋"), "running shoes": ("跑鞋",),
    "slippers": ("拖鞋",), "sandals": ("凉鞋",), "boots": ("靴",), "bag": ("包",), "handbag": ("包",),
    "backpack": ("背包", "双肩包"), "wallet": ("钱包",), "belt": ("腰带", "皮带"), "sunglasses": ("墨镜", "太阳镜"),
    "umbrella": ("伞",), "trench coat": ("风衣",), "trench": ("风衣",), "cardigan": ("开衫", "针织衫"),
    "blazer": ("西装",), "suit": ("西装",), "beret": ("贝雷帽",), "beanie": ("毛线帽",), "bucket hat": ("渔夫帽",),
    "loafers": ("乐福鞋",), "loafer": ("乐福鞋",), "heels": ("高跟鞋",), "flats": ("平底鞋",), "mules": ("穆勒鞋",),
    "tote": ("托特包",), "tote bag": ("托特包",), "crossbody": ("斜挎包",), "clutch": ("手拿包",), "vest": ("马甲", "背心"),
    "blouse": ("衬衫",), "polo": ("polo衫",), "parka": ("派克服",), "windbreaker": ("冲锋衣", "风衣"),
    "sweatpants": ("卫裤",), "joggers": ("卫裤", "束脚裤"), "overalls": ("背带裤",), "pajama": ("睡衣",),
    "earrings": ("耳环", "耳钉"), "necklace": ("项链",), "bracelet": ("手链", "手镯"), "ring": ("戒指",),
    # beauty and personal care
    "serum": ("精华",), "essence": ("精华",), "face cream": ("面霜",), "cream": ("霜",), "moisturizer": ("面霜", "乳液"),
    "cleanser": ("洁面", "洗面奶"), "face wash": ("洗面奶", "洁面"), "facial mask": ("面膜",), "face mask": ("面膜",),
    "sheet mask": ("面膜",), "lipstick": ("口红",), "lip balm": ("润唇膏",), "sunscreen": ("防晒",), "sunblock": ("防晒",),
    "makeup remover": ("卸妆",), "cleansing oil": ("卸妆油",), "toner": ("爽肤水", "化妆水"), "lotion": ("乳液",),
    "perfume": ("香水",), "foundation": ("粉底",), "shampoo": ("洗发",), "conditioner": ("护发素",),
    "body wash": ("沐浴露",), "shower gel": ("沐浴露",), "toothpaste": ("牙膏",), "toothbrush": ("牙刷",),
    "electric toothbrush": ("电动牙刷",), "brush head": ("刷头",), "brush heads": ("刷头",), "razor": ("剃须刀",),
    "shaver": ("剃须刀",), "hair dryer": ("吹风机",), "hairdryer": ("吹风机",), "blow dryer": ("吹风机",),
    "straightener": ("直发", "夹板"), "curling iron": ("卷发",), "comb": ("梳",), "epilator": ("脱毛",),
    "hair removal": ("脱毛",), "water flosser": ("冲牙器",), "oral irrigator": ("冲牙器",), "massager": ("按摩",),
    "scale": ("秤",), "body fat scale": ("体脂秤",), "beauty device": ("美容仪",), "trimmer": ("理发器", "修剪器"),
    # food and drink
    "nuts": ("坚果",), "walnuts": ("核桃",), "pecans": ("山核桃", "碧根果"), "oats": ("燕麦",), "oatmeal": ("燕麦",),
    "green tea": ("绿茶",), "black tea": ("红茶",), "oolong": ("乌龙",), "tea": ("茶",), "coffee": ("咖啡",),
    "honey": ("蜂蜜",), "noodles": ("面",), "beef jerky": ("牛肉干",), "jerky": ("肉干",), "milk": ("奶",),
    "chocolate": ("巧克力",), "snacks": ("零食",), "cherries": ("车厘子", "樱桃"), "cherry": ("车厘子", "樱桃"),
    "fruit": ("水果", "果"), "fish": ("鱼",), "rice": ("米",), "cookies": ("饼干",), "candy": ("糖",),
    # digital
    "power bank": ("充电宝",), "powerbank": ("充电宝",), "charger": ("充电器",), "cable": ("数据线", "线"),
    "earphones": ("耳机",), "earbuds": ("耳机",), "headphones": ("耳机",), "headset": ("耳机",), "smartwatch": ("手表",),
    "watch": ("手表", "表"), "phone stand": ("支架",), "stand": ("支架",), "holder": ("支架",), "speaker": ("音箱",),
    "keyboard": ("键盘",), "mouse": ("鼠标",), "mouse pad": ("鼠标垫",), "mousepad": ("鼠标垫",),
    "monitor": ("显示器",), "display": ("显示器",), "tripod": ("三脚架", "支架"), "card reader": ("读卡器",),
    "hard drive": ("硬盘",), "hard disk": ("硬盘",),
    "docking station": ("扩展坞",), "dock": ("扩展坞",), "hub": ("扩展坞", "集线器"), "microphone": ("麦克风",),
    "webcam": ("摄像头",), "router": ("路由器",), "printer": ("打印机",), "projector": ("投影仪",),
    "phone case": ("手机壳",), "screen protector": ("钢化膜", "贴膜"), "desk lamp": ("台灯",), "camera": ("相机", "摄像头"), "tablet": ("平板",), "laptop": ("笔记本电脑",),
    # home
    "thermos": ("保温杯", "保温壶"), "vacuum flask": ("保温杯", "保温壶"), "tumbler": ("杯",), "water bottle": ("水杯", "杯"),
    "mug": ("杯",), "cup": ("杯",), "kettle": ("壶",), "bedding": ("四件套", "床品"), "bed sheets": ("四件套", "床单"),
    "duvet": ("被",), "quilt": ("被",), "pillow": ("枕",), "blanket": ("毯",), "electric blanket": ("电热毯",),
    "towel": ("毛巾",), "towels": ("毛巾",), "diffuser": ("香薰",), "storage box": ("收纳箱",), "lamp": ("灯",),
    # baby
    "diapers": ("纸尿裤",), "nappies": ("纸尿裤",), "pull-ups": ("拉拉裤",), "wipes": ("湿巾",), "baby bottle": ("奶瓶",),
    "feeding bottle": ("奶瓶",), "onesie": ("连体衣",), "romper": ("连体衣",), "stroller": ("推车",), "pram": ("推车",),
    "buggy": ("推车",), "breast pump": ("吸奶器",), "sippy cup": ("吸管杯", "学饮杯"), "pacifier": ("安抚奶嘴",),
    "pregnancy pillow": ("孕妇枕",), "rice cereal": ("米粉",), "baby cereal": ("米粉",),
    # pets
    "cat food": ("猫粮",), "dog food": ("狗粮",), "cat litter": ("猫砂",), "litter": ("猫砂",),
    "water fountain": ("饮水机",), "pet fountain": ("饮水机",),
    # kitchen
    "blender": ("料理机", "破壁机"), "air fryer": ("空气炸锅",), "rice cooker": ("电饭煲",), "pan": ("锅",), "wok": ("锅",),
    "knife": ("刀",),
    # sports and outdoor
    "yoga mat": ("瑜伽垫",), "tent": ("帐篷",), "camping chair": ("椅",), "chair": ("椅",),
    "sleeping bag": ("睡袋",), "dumbbell": ("哑铃",), "dumbbells": ("哑铃",), "jump rope": ("跳绳",), "bike": ("自行车",),
    "bicycle": ("自行车",), "helmet": ("头盔",), "flashlight": ("手电",), "torch": ("手电",), "headlamp": ("头灯",),
    "headlight": ("头灯",), "trekking pole": ("登山杖",), "hiking pole": ("登山杖",), "walking stick": ("登山杖", "手杖"),
    "hiking shoes": ("登山鞋",), "hiking boots": ("登山鞋",), "skipping rope": ("跳绳",),
    # stationery and books
    "gel pen": ("中性笔",), "pen": ("笔",), "pens": ("笔",), "pencil": ("铅笔",), "notebook": ("笔记本", "本子", "手账"),
    "journal": ("手账",), "picture book": ("绘本",), "picture books": ("绘本",), "book": ("书",), "books": ("书",),
    # music, car, garden
    "guitar": ("吉他",), "ukulele": ("尤克里里",), "piano": ("钢琴",), "keyboard piano": ("电子琴",),
    "drill": ("电钻", "钻"), "electric drill": ("电钻",), "screwdriver": ("螺丝刀", "起子"), "hammer": ("锤",),
    "mop": ("拖把",), "laundry pods": ("凝珠",), "laundry detergent": ("洗衣液", "凝珠", "洗衣粉"), "detergent": ("洗衣液", "洗洁精"),
    "building blocks": ("积木",), "blocks": ("积木",), "lego": ("积木",), "toy": ("玩具",), "toys": ("玩具",),
    "glasses": ("眼镜",), "eyeglasses": ("眼镜",), "lunch box": ("饭盒", "保鲜盒"), "food container": ("保鲜盒",),
    "flour": ("面粉", "粉"), "wine": ("酒",), "rice wine": ("黄酒", "米酒"), "red wine": ("红酒", "葡萄酒"),
    "beer": ("啤酒",), "liquor": ("白酒",), "baijiu": ("白酒",), "oat milk": ("燕麦奶",), "tea set": ("茶具",),
    "longjing": ("龙井",), "puer": ("普洱",), "pu-erh": ("普洱",), "drip coffee": ("挂耳",),
    "dash cam": ("记录仪",), "dashcam": ("记录仪",), "car seat": ("安全座椅", "座椅"), "child seat": ("安全座椅",),
    "booster seat": ("安全座椅",), "tire inflator": ("充气泵", "打气泵"), "tyre inflator": ("充气泵",), "inflator": ("充气泵", "打气泵"),
    "air pump": ("充气泵", "打气泵"), "pump": ("泵",), "sunshade": ("遮阳",), "sun shade": ("遮阳",), "car wash": ("洗车",),
    "car shampoo": ("洗车",), "floor mats": ("脚垫",), "floor mat": ("脚垫",), "car mats": ("脚垫",), "headrest": ("头枕",),
    "neck pillow": ("头枕", "护颈"), "lumbar": ("腰靠",), "car charger": ("车充", "车载充电"), "washer fluid": ("玻璃水",),
    "air freshener": ("香薰", "香氛"), "car freshener": ("香薰", "香氛"), "seat cover": ("座套", "坐垫"), "steering wheel cover": ("方向盘套",),
    "vacuum": ("吸尘器",), "vacuum cleaner": ("吸尘器",), "car vacuum": ("吸尘器",), "plant": ("绿植", "盆栽"),
    "potted plant": ("盆栽",), "flowers": ("花",),
}
_EN_RE = re.compile(r"(?<![a-z])(" + "|".join(sorted(map(re.escape, _EN_NOUNS), key=len, reverse=True)) + r")(?:e?s)?(?![a-z])")


_EN_COLOURS = {
    "black": "黑色", "white": "白色", "grey": "灰色", "gray": "灰色", "blue": "蓝色", "navy": "藏青", "red": "红色",
    "green": "绿色", "pink": "粉色", "purple": "紫色", "yellow": "黄色", "orange": "橙色", "brown": "棕色",
    "beige": "米色", "khaki": "卡其", "camel": "驼色", "silver": "银色", "gold": "金色", "apricot": "杏色",
}
_EN_COLOUR_RE = re.compile(r"(?<![a-z])(" + "|".join(_EN_COLOURS) + r")(?![a-z])")


def english_colours(text: str) -> list[str]:
    """Chinese colour words for the English ones in normalised ``text`` ("black" → 黑色)."""
    return [_EN_COLOURS[m.group(1)] for m in _EN_COLOUR_RE.finditer(text)]


def english_nouns(text: str) -> list[str]:
    """Chinese head nouns for the English product nouns in normalised ``text`` ("the scarf" → 围巾)."""
    if not re.search(r"[a-z]{3}", text):
        return []
    out: list[str] = []
    for m in _EN_RE.finditer(text):
        for noun in _EN_NOUNS[m.group(1)]:
            if noun not in out:
                out.append(noun)
    return out
