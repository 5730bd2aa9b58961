"""Word lists the normaliser reads from: units, measure words, Latin words and letter names.

Constraints:

- Latin units are case-sensitive (``g`` is 克, ``G`` is the letter G as in 5G/256G; ``W`` is 瓦, ``w`` is
  万), and match only right after a number and before a non-letter.
- Adding a word here is the whole change needed to teach the normaliser a new unit or measure word.
"""

from __future__ import annotations

# Unit spellings after a number → spoken form. Longest spellings are tried first. Celsius is said the way
# anchors and shoppers say it, 度 (零下二十度), not the written 摄氏度; Fahrenheit keeps 华氏度.
UNITS: dict[str, str] = {
    "km/h": "公里每小时", "m/s": "米每秒", "mAh": "毫安时", "Ah": "安时", "Wh": "瓦时", "kWh": "千瓦时",
    "mmHg": "毫米汞柱", "kPa": "千帕", "Pa": "帕", "bar": "巴", "kcal": "千卡", "cal": "卡", "kHz": "千赫兹", "MHz": "兆赫兹", "GHz": "吉赫兹",
    "Hz": "赫兹", "kW": "千瓦", "W": "瓦", "mV": "毫伏", "kV": "千伏", "V": "伏", "mA": "毫安",
    "ml": "毫升", "mL": "毫升", "ML": "毫升", "L": "升", "l": "升",
    "mg": "毫克", "kg": "公斤", "KG": "公斤", "Kg": "公斤", "g": "克", "t": "吨",
    "mm": "毫米", "cm": "厘米", "km": "公里", "nm": "纳米", "um": "微米", "μm": "微米", "m": "米",
    "TB": "T", "GB": "G", "MB": "兆", "KB": "K", "Mbps": "兆", "Gbps": "G",
    "ms": "毫秒", "min": "分钟", "h": "小时", "s": "秒",
    "dB": "分贝", "lm": "流明", "fps": "帧", "oz": "盎司", "lb": "磅", "lbs": "磅", "pcs": "件",
    "inch": "英寸", '"': "英寸", "°C": "度", "℃": "度", "°F": "华氏度", "℉": "华氏度",
    "°": "度", "x": "倍", "X": "倍",
}

# Area and volume units, handled before NFKC would turn ² into a plain 2.
SUPERSCRIPT_UNITS: dict[str, str] = {
    "㎡": "平方米", "m²": "平方米", "m2": "平方米", "cm²": "平方厘米", "㎠": "平方厘米",
    "m³": "立方米", "㎥": "立方米", "cm³": "立方厘米", "㎤": "立方厘米",
}

# Measure words (量词) and time words after which a bare 2 is read 两 (两件, 两天, 两点).
MEASURE_WORDS = frozenset(
    "个件瓶盒支片包袋箱套只双条张罐斤台部本杯次天年周岁位名款色种块根颗粒束份对副把枚层"
    "米吨升克点刻遍桶扎听提卷板贴轮场单步页行首棵株头匹间座辆架艘百千万亿"
)
MEASURE_PHRASES = ("小时", "分钟", "公斤", "千克", "毫升", "毫克", "厘米", "毫米", "公里", "个月", "星期",
                   "周年", "英寸", "平方", "立方", "秒钟")

# Words before a number that make it an identifier read digit by digit, with 幺 for 1.
ID_KEYWORDS = ("电话", "手机", "手机号", "热线", "客服电话", "订单号", "订单", "单号", "快递单号", "运单号",
               "编号", "尾号", "货号", "工号", "房间号", "验证码", "邮编", "号码", "QQ", "qq", "微信号",
               "卡号", "批号", "批次号", "序列号", "条码", "条形码", "ID", "id")

# Words before a number that make it an ordinal, so 2 stays 二 even before a measure word (第二件).
# Set phrases need nothing: 买2送1 has no measure word after the 2, so it is read 买二送一.
ORDINAL_PREFIXES = frozenset("第初")

# Latin words read as words, not spelled, even when written in capitals (canonical casing).
WORDS: dict[str, str] = {w.lower(): w for w in (
    "Pro", "Max", "Plus", "Mini", "Ultra", "Air", "Lite", "Note", "Mate", "Nova", "Pad", "Book", "Watch",
    "Buds", "Phone", "Pura", "Reno", "Find", "Ace", "Turbo", "Neo", "Edge", "Fold", "Flip", "Go", "Top",
    "New", "Hot", "Sale", "Super", "Vivo", "Oppo", "Nike", "Apple", "Huawei", "Xiaomi", "Redmi", "Honor",
    "Dyson", "Sony", "Canon", "Nikon", "Adidas", "Puma", "Lining", "Anta", "Oral", "Philips", "Braun",
    "Type", "Wifi", "Bluetooth", "Mac", "Galaxy", "Pixel", "Switch", "Kindle", "Lego", "Zara", "Uniqlo",
    "Dior", "Chanel", "Gucci", "Prada", "Lancome", "Olay", "Loreal", "Estee", "Lauder", "Shiseido",
    "Clinique", "Kiehl", "Guerlain", "Armani", "Coach", "Casio", "Seiko", "Swatch", "Tesla", "Intel",
    "Nvidia", "Xbox", "iPad", "iPhone", "AirPods", "MacBook", "Home", "Smart", "Cool", "Baby", "Wow", "Yes",
)}

# Letter names for Chinese-only voices (they cannot say Latin): the usual Mandarin approximations.
LETTER_NAMES: dict[str, str] = {
    "A": "诶", "B": "必", "C": "西", "D": "迪", "E": "伊", "F": "艾弗", "G": "吉", "H": "艾尺", "I": "艾",
    "J": "杰", "K": "开", "L": "艾勒", "M": "艾姆", "N": "恩", "O": "欧", "P": "批", "Q": "丘", "R": "阿",
    "S": "艾斯", "T": "踢", "U": "优", "V": "维", "W": "达不溜", "X": "艾克斯", "Y": "歪", "Z": "贼德",
}

# How a Chinese-only voice says common Latin words (transliterations shoppers recognise).
WORD_READINGS: dict[str, str] = {
    "iphone": "爱疯", "ipad": "爱派", "pro": "普若", "max": "麦克斯", "plus": "普拉斯", "mini": "迷你",
    "ultra": "奥特拉", "air": "艾尔", "lite": "莱特", "note": "诺特", "mate": "麦特", "nova": "诺瓦",
    "pad": "派德", "book": "布克", "watch": "沃奇", "buds": "巴兹", "phone": "疯", "ok": "欧凯",
    "apple": "苹果", "huawei": "华为", "xiaomi": "小米", "redmi": "红米", "honor": "荣耀", "vivo": "维沃",
    "oppo": "欧珀", "nike": "耐克", "adidas": "阿迪达斯", "dyson": "戴森", "sony": "索尼", "philips": "飞利浦",
    "dior": "迪奥", "chanel": "香奈儿", "lancome": "兰蔻", "olay": "玉兰油", "loreal": "欧莱雅",
    "estee": "雅诗", "lauder": "兰黛", "shiseido": "资生堂", "uniqlo": "优衣库", "lego": "乐高",
    "type": "泰普", "wifi": "歪法艾", "bluetooth": "蓝牙", "mac": "麦克", "galaxy": "盖乐世", "top": "套普",
    "new": "纽", "hot": "哈特", "sale": "塞欧", "super": "苏波", "baby": "贝比", "wow": "哇哦", "yes": "耶斯",
    "turbo": "涡轮", "neo": "尼欧", "ace": "艾斯", "home": "霍姆", "smart": "斯马特",
    "airpods": "艾尔波兹", "macbook": "麦克布克", "tesla": "特斯拉", "intel": "英特尔", "switch": "斯威奇",
}
