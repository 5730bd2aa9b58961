"""Generic commerce vocabulary: attribute *concepts* that connect how viewers ask ("多重", "能放多久")
with how merchants label facts ("净含量", "保质期"), the variant *dimensions* a question can name
(colour, size, capacity…), and a small English → Chinese map of product nouns.

Constraint: nothing here is about one shop or product. A concept has question cues (regex over the
normalised question) and label cues (substrings of a fact's label, of an FAQ's question, or — for
evidence, whose label says nothing — of the claim itself). Anything product-specific comes from the
catalog at index time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cohost.knowledge.english import english_colours as english_colours  # re-exported (linking)
from cohost.knowledge.english import english_nouns as english_nouns  # re-exported
from cohost.knowledge.text import with_a_not_a
from cohost.knowledge.triggers import Triggers


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    ask: re.Pattern[str]
    labels: tuple[str, ...]
    units: re.Pattern[str] | None = None  # a value with such a unit is about the concept ("90℃" ↔ 水温)
    words: re.Pattern[str] | None = None  # merchant words for it in any fact's text ("太阳" ↔ 阳光直射)


def _c(name: str, ask: str, labels: str, units: str | None = None) -> Concept:
    return Concept(name, re.compile(with_a_not_a(ask)), tuple(labels.split("|")), re.compile(units) if units else None)


def _syn(name: str, ask: str, words: str) -> Concept:
    """A viewer's word and the words a merchant writes for it anywhere (usage, cautions, FAQ answers)."""
    return Concept(name, re.compile(with_a_not_a(ask)), (), None, re.compile(words))


# what names a span of time: a length asked right after it is a duration
_NOT_DURATION = r"(?<!时间)(?<!时间有)(?<!时间是)(?<!期)(?<!期有)(?<!期是)(?<!时长)(?<!寿命)(?<!寿命有)"
# "能放多长时间", "保存多长时间": how long it keeps, asked with the duration word
_KEEPS = r"(能|可以)?(放|存|保存|存放|储存)(多久|多长时间|几天|几个月)"

# Cues are written for *normalised* questions: traditional → simplified, lower case, and "X不X" → "X吗".
CONCEPTS: tuple[Concept, ...] = (
    _c("capacity", r"容量|多少ml|多少毫升|几ml|几毫升|多大(瓶|罐|杯|支|桶|盒|仓)|(瓶|罐|杯|桶|盒|仓|壶|锅)子?多大|装多少|能装(?!吗|么|不)(?!.{0,4}(吗|么|嘛|不))|多少l\b|几升|多少升|capacity|how big", "容量|净含量|体积|规格|毫升"),
    _c("weight", r"多重|重量|几斤|多少斤|多少克|多少g|几克|几g(?![a-z])|几两|多少两|几公斤|多少公斤|净重|分量|份量|有多沉|重吗|沉吗|轻吗|重不重|weigh|heavy", "重量|净重|净含量|克重|毛重|规格|车重|自重|称重|总重|单重|机重|金重|银重|料重"),
    _c("size", r"尺寸|(?<!功率)多大(?!的?(孩子|宝宝|小孩|年龄|岁|月))|多宽|多高|宽度|高度|大小|几寸|多少寸|多少cm|多少厘米|直径|口径|size|dimension",
       "尺寸|长度|宽度|高度|大小|直径|口径|径|株高|规格|尺码|最高|最宽"),
    # "袖子多长", "有多长": a length label (袖长, 带长, 线长…) before a size chart
    # a time's length is a duration ("保温时间多长", "保质期多长", "时长多少"), never the thing's length
    _c("length", _NOT_DURATION + r"(多长(?!时间)|长度|有多长|多少米长|多少cm长|(?<![时期])长(是|有)?(多少|几)(米|cm|厘米|公分)?)|(卷|根|条)(多少|几)(米|cm|厘米)|how long|length",
       "长度|衣长|裙长|裤长|袖长|线长|杆长|全长|绳长|带长|身长|总长|最长|尺寸|规格"),
    # measurement nouns a label names and the question forms that ask them (重量↔多重, 承重↔能承受, 数量↔几根 …)
    _c("body_weight", r"多重的|多沉的|(几|多少)(斤|公斤|kg|千克)(的|以内|以下|以上)(猫|狗|宠物|宝宝|孩子|小孩|人|大人)|体重",
       "体重"),
    _c("load", r"承重|载重|能承受|承受(多|几)|能扛|扛得住|撑得住|受得住|吃得消|能坐(多|几)|能站(多|几)|(坐|站|躺|趴)(得)?(住|下)(多|几)",
       "承重|载重|承载"),
    _c("moisture", r"含水量|水分|含水|水含量|moisture|water content", "水分|含水|湿度"),
    _c("protein", r"蛋白|protein", "蛋白"),
    _c("fat", r"脂肪|油脂|(?<![a-z])fat(?![a-z])", "脂肪"),
    _c("meals", r"(几|多少)(顿|餐)|定时|定几|设(置)?几", "定时|餐数|顿数|喂食次数|出粮", r"\d\s*(餐|顿)"),
    _c("noise", r"噪音|噪声|声音|分贝|吵|响不响|静音|安静|noise|quiet|loud", "噪音|噪声|声音|分贝|静音", r"\d\s*db"),
    _c("reflective", r"反光|夜光|晚上.{0,6}(看|显眼|安全)|reflect", "反光|夜光"),
    _c("dissolve", r"溶解|溶化|化开|融化|化不开|能化|dissolve", "溶解|溶化|溶"),
    _c("body_measure", r"头围|腰围|胸围|臀围|脚长|脚宽|肩宽|腕围|手腕", "尺码|码数|尺码建议|尺寸|头围|腰围|胸围|脚长"),
    _c("folded", r"收起来|折起来|叠起来|收起|折叠后|收纳后|折叠起来|folded", "收纳|折叠"),
    _c("unfolded", r"展开|打开后|撑开|搭起来|unfolded", "展开"),
    _c("material", r"材质|面料|材料|含棉量|什么做的|什么料|用料|纯棉|是棉|真皮|不锈钢|塑料|玻璃|陶瓷|硅胶|什么木|木头|material|made of|cotton", "材质|面料|材料|用料|内胆|成分|含量|外壳|鞋面|帮面|里料|内里|滤材|板材|材"),
    _c("ingredients", r"成分|配料|原料|添加|含不含|含有|有没有添加|防腐剂|香精|酒精|糖|ingredient|"
       r"(什么|啥|哪种|哪些)(肉|鱼|粮|料|东西)(做|制|作)|(是)?(什么|啥|哪种)肉|肉源|纯肉|里面(是|有|装的?是?)(啥|什么)",
       "成分|配料|原料|配方|添加|主要成分"),
    _c("shelf_life", r"保质期|过期|有效期|" + _KEEPS + r"|多久过期|生产日期|新鲜|shelf life|expire", "保质期|有效期|生产日期|保存期"),
    _c("origin", r"产地|哪里产|哪产|哪里生产|哪生产|哪里的货|(哪里|哪儿|哪国|什么地方|哪个国家)(的|来的|进口)|国产|进口|原产|哪里做的|[\u4e00-\u9fff]国(的|产|进口)(吗|么|嘛|呀|$)|made in|origin",
       "产地|原产地|生产地|产区|国别|原产国"),
    _c("year", r"哪年|哪一年|年份|几几年|多少年的|年代|vintage", "年份|年代|生产日期"),
    _c("colour", r"颜色|什么色|色号|几个色|哪些色|色系|colou?r", "颜色|色号|色系|颜色分类"),
    _c("taste", r"味道|口味|好吃|甜不甜|甜吗|辣吗|咸吗|酸吗|口感|香味|气味|香型|什么味|taste|flavou?r|smell", "口味|味道|口感|香型|香调|气味|甜度|辣度|风味"),
    _c("skin", r"肤质|敏感肌|油皮|干皮|混油|混干|痘肌|油性|干性|什么皮肤|skin", "适用肤质|肤质|适合肤质|肌肤"),
    _c("audience", r"(猫|狗|猫咪|狗狗|幼猫|成猫|老猫|奶猫|小奶猫|幼犬|成犬|老狗|大狗|小狗|[大中小]型犬|宠物|猫狗)(能|可以|也能|也可以)(吃|用|穿|戴|玩|喝)|"
       r"适合|适用|谁用|什么人|男女同款|情侣款|男生|女生|男士|女士|老人|小孩|孩子|儿童|学生|几岁|年龄|几个月|新生儿|suitable|for (kids|men|women)",
       "适用人群|适用年龄|适合人群|适用对象|适用|适合|年龄|人群|阶段"),
    _c("runtime", r"充满电?(能|可以)?.{0,2}(用|吸|跑|玩|听|开|工作)|续航|能用多久|用多久|(听|玩|用)几个?小时|用多长时间|待机|充一次(电)?.{0,2}用|用几天|battery life", "续航|待机|使用时间|使用时长|工作时间"),
    _c("charge_time", r"充满(?!电?(能|可以)?.{0,2}(用|吸|跑|玩|听|开|工作))|充电(要|需要)?多久|充电时间|多久充满|充多久|charging time", "充电时间|充电时长|充满"),
    _c("battery", r"电池|电量|毫安|mah|battery", "电池|毫安|电量", r"\d\s*mah"),
    _c("charging", r"充电口|充电接口|充电头|什么充电|怎么充电|充电方式|type-?c|usb|pd(快充|充电)?(?![a-z])", "充电接口|充电方式|充电|接口"),
    _c("ethernet", r"网口|网线|有线网|以太网|rj45|ethernet", "网口|网卡|网络", r"rj45|千兆|百兆|网口|网线"),
    _c("microphone", r"麦克风|话筒|带麦|有麦|麦(能|可以|可不可以|是|有|会)|(?<![a-z])mic(rophone)?(?![a-z])", "麦克风|话筒|麦"),
    _c("level", r"几档|几个档|档位|几个挡|挡位", "档位|档|挡"),
    _c("ports", r"几个口|几个接口|什么接口|接口|插口|port", "接口|插口"),
    _c("lasting", r"留香|香味能?留|能留多久|持久|持妆|(香|香味|味道)能?(持续|保持|维持)|lasting", "留香|持久|持妆"),
    # everyday words a viewer uses for what merchants write otherwise (world knowledge, no shop's words)
    _syn("sun", r"太阳|晒|阳光|日照", r"阳光|日晒|暴晒|晒|直射"),
    _syn("driving", r"开车|行车|驾驶|开的时候|路上", r"行驶|驾驶|开车|行车"),
    _syn("continuous", r"一直|连续|(?<!多)长时间|很久|一整天|不停", r"连续|长时间|持续"),
    _syn("pet_hair", r"[猫狗]毛|宠物毛|[猫狗]的毛", r"宠物毛|宠物|毛发"),
    _syn("ebike", r"电瓶车|电动车|电驴|摩托", r"电动车|电瓶车"),
    _syn("winter", r"冬天|冬季|零下|结冰|北方|冻", r"防冻|冬季|零下|严寒|-\d+℃"),
    _syn("filter", r"滤芯|滤网|过滤", r"滤芯|滤网|过滤"),
    _syn("pregnancy", r"怀孕|孕期|妊娠|怀崽|怀宝宝|哺乳|喂奶", r"孕|妊娠|哺乳"),
    _syn("power_cut", r"停电|断电|没电了|拔了电|拔掉电|不插电", r"断电|停电|电池|不插电"),
    _syn("dilute", r"兑|稀释|加多少水|配比|比例", r"稀释|兑水|比例|1\s*[:：比]\s*\d+"),
    # spec words of electronics, tools and car goods: how viewers ask ↔ how spec sheets label
    _c("resolution", r"分辨率|清晰度|清不清楚|清楚吗|清晰吗|高清|像素|画质|多少p|几p|\d{3,4}p|[248]k(?![a-z])|resolution|megapixel",
       "分辨率|像素|画质|清晰度|画面"),
    _c("night", r"夜视|晚上|夜间|夜里|天黑|黑天|night", "夜视|夜间|夜光|照明|灯"),
    _c("lamp", r"(有|带|开|亮)(个|的)?灯|灯光|照明|照亮|亮不亮|(?<![a-z])light(?![a-z])", "照明|灯光|亮度"),
    _c("view_angle", r"视角|广角|角度|拍多宽|viewing angle", "视角|角度|广角"),
    _c("suction", r"吸力|多少帕|几帕|(?<![a-z])pa(?![a-z])|吸得?(干净|动|起)|suction", "吸力|气压|功率"),
    _c("pressure", r"气压|压力|psi|(?<![a-z])bar(?![a-z])|胎压|打多少压|pressure", "气压|压力|胎压|压强"),
    _c("speed", r"多快|速度|快吗|快不快|要多久|(?<!放)(?<!存)(?<!期)多长时间|几分钟|speed|how fast", "速度|时间|时长|效率"),
    _c("connect", r"wifi|无线连接|连手机|手机(上)?(看|连|控制|查看)|app|蓝牙|联网|连接|bluetooth", "连接|wifi|app|蓝牙|互联|无线"),
    _c("fits", r"通用|我的车|什么车|哪些车|车型|装得上|能装吗|能不能装|(?<![a-z])model ?[a-z0-9]|款(的)?车|适配|fit my",
       "适用车型|适用机型|适用型号|适用|通用|兼容|适配|安装"),
    _c("contents", r"包括|包含|有哪些东西|一套(有|是|包括)|配什么|带什么|配件|全套|清单|都有啥|都有什么|送什么配件|in the box|includes?|"
       r"(送|配|带|附)(个|一个|的)?(碗|盆|盘|勺|铲|垫|刷|工具|电池|充电器|充电线|说明书|配件|收纳袋|袋子)|"
       r"(碗|盆|勺|铲|工具|电池|充电器|充电线|配件)(送|配|带|附)",
       "配件|包含|清单|套装|覆盖|范围|组成|内容|配置"),
    _c("odour", r"味道|异味|气味|臭|刺鼻|难闻|有味|(?<!香)味大|smell", "气味|异味|味道|香型"),
    _c("rotate", r"旋转|转动|能转|可以转|转吗|转不转|rotate", "旋转|转动|转向"),
    _c("install", r"怎么装|安装|固定|(正|反|倒)着?装|装在|装到|装上|装哪|上门装|帮(我|忙)?装|来装|负责装|install|mount", "安装|固定|安装方式|安装方向"),
    _c("power", r"功率|瓦数|多少瓦|几瓦|电压|插电|(支持|有|带|是)快充|快充(多少|几)|闪充|费电|耗电|省电|power|watt|volt", "功率|额定功率|电压|电源|耗电|能耗", r"\d\s*(w|瓦)(?![a-z])"),
    _c("alcohol", r"多少度|几度的?酒|度数|酒精度|酒精含量|度高吗|abv", "酒精度|度数|酒精含量|酒精浓度"),
    _c("temperature", r"水温|温度|多少度|几度|耐热|耐高温|耐温|temperature", "温度|水温|耐热|耐温", r"℃|°|\d\s*度"),
    _c("flush", r"冲(马桶|厕所|下水道)|马桶|厕所|flush", "冲厕|可冲|马桶|厕所"),
    _c("abroad", r"出国|国外|境外|(\d{3}v|其他|别的)的?国家|带(去|到)[\u4e00-\u9fff]{1,3}国|110v|abroad|overseas",
       "电压|出国|国外|境外"),
    _c("waterproof", r"防水|进水|泡水|淋雨|出汗|下雨|下水|水洗|冲洗|洗澡|淋浴|ipx|waterproof", "防水|防水等级"),
    _c("warmth", r"保温|保冷|保暖|暖和|冷不冷|热不热|keep (warm|hot|cold)", "保温|保冷|保暖|保温时长|保温效果|填充|充绒"),
    _c("brand", r"品牌|牌子|什么牌|哪个牌|哪家|brand", "品牌|牌子"),
    _c("model", r"型号|款号|货号|model", "型号|货号|款号"),
    _c("thickness", r"厚|薄|加绒|thick|thin", "厚度|厚薄|面料|克重"),
    # breathing is its own property: a fabric or a thickness does not say it
    _c("breathable", r"透气|闷不闷|闷脚|闷汗|捂汗|捂脚|breathab", "透气|透湿"),  # 透湿量: how breathing is measured
    _c("fit", r"版型|宽松|修身|偏大|偏小|正码|尺码偏|偏码|码偏|显瘦|fit", "版型|尺码建议|尺码|码数|建议"),
    # a dishwasher or microwave is a setting of its own (cautions and usage answer it), not laundering
    _c("washing", r"(?<!碗)机洗|手洗|怎么洗|洗涤|干洗|能洗(?!碗)|(?<!dish)wash(?!er)", "洗涤|洗护|洗涤方式|保养|水洗"),
    _c("pilling", r"起球|起毛|pilling", "起球"),
    _c("fading", r"掉色|褪色|串色|染色", "掉色|褪色|色牢度"),
    _c("shrink", r"缩水|shrink", "缩水"),
    _c("storage", r"怎么保存|冷藏|冷冻|常温|储存|存放|贮存|放冰箱|(竖|躺|平|倒|立)着放|怎么放(?!心)|store", "储存|贮存|保存|储藏|存放|储存方式"),
    _c("light", r"晒|阳光|光照|日照|见光|太阳|光线|喜阴|耐阴|sunlight", "光照|日照|光线|遮光"),
    _c("count", r"几个装|几片|几包|一盒几|多少片|多少粒|多少支|几支|几粒|几袋|多少袋|几只|有几个|多少个|多少包|几本|多少本|几册|几页|多少页|几张|多少张|"
       r"几颗|多少颗|几块(?!钱)|多少块(?!钱)|几条|几双|几瓶|几罐|几根|多少根|几卷|多少卷|几对|多少对|几份|多少份|几枚|多少枚|how many",
       "包装|规格|数量|装量|片数|件数|粒数|入数|册|页|张数|本数|配件",
       r"\d\s*(颗|粒|片|支|包|袋|个(?!月|小时|工作日)|只|条|双|册|本|张|抽|卷|块|瓶|罐|根|对|枚)"),
    _c("spec", r"规格|参数|配置|spec", "规格|参数|配置"),
    _c("elastic", r"弹性|弹力|有弹|回弹|弹不弹|stretch", "弹性|弹力|回弹|面料"),
    _c("cup_stain", r"沾杯|粘杯|蹭杯|掉色在杯", "沾杯|粘杯|持妆"),
    _c("anc", r"降噪|隔音|noise cancel", "降噪|隔音"),
    _c("effect", r"功效|作用|效果|有什么用|干嘛用|用途|功能|好用|effect|what (is it|does it) (for|do)", "功效|作用|用途|功能|效果"),
    _c("compat", r"兼容|适配|支持.{0,6}(手机|苹果|安卓|华为|系统)|能连|配对|接口|compatible", "兼容|适配|接口|支持|连接|适用型号|适用设备|适用机型"),
    _c("shipping", r"发货|快递|物流|几天到|多久到|包邮|运费|邮费|顺丰|配送|预售|ship|deliver", "发货|快递|物流|配送|运费|预售|邮费"),
    _c("usage", r"怎么用|如何用|用法|使用方法|怎么吃|怎么喝|怎么泡|怎么煮|用量|一次用多少|how to use", "用法|使用方法|用量|食用方法|冲泡|使用|吃法"),
    _c("warranty", r"保修|质保|坏了|维修|warranty|repair", "保修|质保|售后|维修"),
    _c("invoice", r"发票|开票|抬头|专票|普票|增票|报销|invoice|receipt", "invoice|发票|开票"),
    _c("service_hours", r"客服.{0,4}(几点|时间|什么时候|上班|下班|在线)|几点.{0,3}(下班|上班)|联系客服|customer service hours",
       "customer_service|客服"),
    # what a claim must say to answer these: a sales ranking says nothing about authenticity
    _c("authentic", r"正品|真的吗|真货|假的|假货|是不是真|是真的|授权|专柜|authentic|genuine|fake", "正品|授权|专柜|防伪|品牌方|官方"),
    _c("report", r"检测|报告|认证|证书|资质|质检|certif", "检测|报告|认证|证书|ccc|合格"),
    _c("award", r"获奖|得奖|奖项|什么奖|拿过.{0,2}奖|榜|排名|第几|award|rank", "奖|榜|名"),
    _c("proof", r"证明|证据|凭什么|依据|proof", "证明"),
    # added last: a question that names an older concept as well keeps that one first (live grouping)
    _c("distance", r"多远|(照|射|打|传|扔|投)得?(多远|远吗|远不远)|距离|射程|how far|range", "距离|射程|照射|射距"),
    _c("filling", r"填充|含绒量|充绒量|(填|塞|装|充)的?(是)?(什么|啥)|里面(是|有)?(什么|啥)(棉|绒|料)|什么(棉|绒)", "填充|充绒|内芯|芯材"),
    _c("leak", r"漏水|漏不漏|会漏|漏吗|不漏|防漏|侧漏|洒出|撒出|leak", "防漏|密封|漏"),
    _c("package", r"(罐|袋|瓶|盒|桶|箱|听|散|礼盒|简|独立)装(的|吗|还是|么|呢|$)|包装|packag", "包装|包装方式|外包装"),
    _syn("switch_on", r"打开|开启|启动|开机", r"开启|打开|启动|开机"),
    _c("abv", r"几度", "酒精度|酒精含量|酒精浓度"),
    # how a device works and what it measures: "什么原理" ↔ 技术, "能测什么" ↔ 测量指标, "有定时吗" ↔ 智能计时
    _c("principle", r"原理|什么技术|啥技术|怎么测出|怎么测的|靠什么测|how (does it|it) works?", "原理|技术|工作原理|测量原理"),
    _c("metrics", r"(能|可以)测(什么|啥|哪些|几项)|测(什么|啥|哪些)(数据|指标)|测几项", "测量指标|测量项目|检测项目|指标"),
    _c("timer", r"定时|计时|倒计时|timer", "计时|定时"),  # "红酒几度": of a drink with an alcohol label, its strength
)
_BY_NAME = {c.name: c for c in CONCEPTS}


# "开了能放多久", "开封后放几天": how long it keeps once opened is a usage instruction, not the shelf life
_OPENED = re.compile(r"(开了|开封|打开|拆封|开罐|开袋|拆开)(了)?(后|以后|之后)?.{0,3}(多久|几天|多长时间)")


# the concepts whose ``ask`` can match a text (a pre-screen on trigger characters; it never decides a match)
_ASK_TRIGGERS = Triggers([c.ask for c in CONCEPTS])


def concepts_asked(text: str) -> list[Concept]:
    found = [c for c in map(CONCEPTS.__getitem__, _ASK_TRIGGERS.candidates(text)) if c.ask.search(text)]
    if _OPENED.search(text):
        found = [c for c in found if c.name != "shelf_life"]
    return found


def concept(name: str) -> Concept:
    return _BY_NAME[name]


def label_matches(concept: Concept, label: str) -> bool:
    """``label`` is compact (letters and digits only), so cues are compared without underscores."""
    return any(cue.replace("_", "") in label for cue in concept.labels)


# --- variant dimensions ------------------------------------------------------------------------------
# A question that names a dimension ("有什么颜色") is answered by the variants only when the variants
# really are that dimension; otherwise by an attribute of it, or not at all. Taste and scent are one
# dimension ("几种味道" of a diffuser asks its scents).
DIMENSION_ASK: dict[str, re.Pattern[str]] = {
    "colour": re.compile(r"颜色|什么色|啥色|哪个色|色号|几个色|几种色|哪些色|哪几个色|哪几种色|色系|colou?rs?\b"),
    "size": re.compile(r"尺码|码数|(什么|啥|哪些|哪几个?|几个?|多少个?|多大|哪个)码|大码|小码|尺寸|sizes?\b"),
    "flavour": re.compile(r"口味|什么味|几种味|哪些味|香型|香味|香调|什么香|flavou?rs?\b|scents?\b"),
    "capacity": re.compile(r"容量|多少ml|几ml|多大(瓶|罐|杯)|capacity"),
}
DIMENSION_LABELS: dict[str, tuple[str, ...]] = {
    "colour": ("颜色", "色号", "色系", "配色"),
    "size": ("尺码", "码数", "尺寸"),
    "flavour": ("口味", "味道", "风味", "香型", "香调", "香味", "气味"),
    "capacity": ("容量", "净含量", "规格"),
    "weight": ("重量", "净重", "净含量", "规格"),
}
# "有白色的吗", "有没有粉的": one colour named and asked for. The colour attribute answers when it names that colour,
# or when it is the one colour there is ("黑色", "深空灰（单一配色）"); a list without it ("黑色、灰色" for 红色)
# may not be every colour, so it says nothing of the one asked.
COLOUR_NAMED_ASK = re.compile(r"有(没有)?(个|款)?(?P<c>[白黑灰蓝红绿粉紫黄橙棕银金青])(色|的)(的|款)?(吗|嘛|么|没|不|呢|$)|"
                              r"(有|出)(?P<d>[白黑灰蓝红绿粉紫黄橙棕银金青])色(款|的)?(吗|嘛|么|没|不|呢)?$")
_ONLY_COLOUR = re.compile(r"单一|仅|只有|唯一|单色")
_LIST_SEP = re.compile(r"[、,，/;；|]|和|或|及|可选")


def colour_settled(text: str, value: str) -> bool:
    """Does a colour attribute's ``value`` say whether the colour ``text`` asks for is there?"""
    m = COLOUR_NAMED_ASK.search(text)
    if m is None:
        return False
    if (m.group("c") or m.group("d")) in value:
        return True
    return bool(_ONLY_COLOUR.search(value)) or not _LIST_SEP.search(value)


_COLOUR_NAME = re.compile(
    r"色|[白黑灰蓝红绿粉紫黄橙棕褐银金青咖驼]|卡其|藏青|米白|奶白|奶油|雾霾|曜石|透明|彩虹|"
    r"\b(black|white|grey|gray|blue|red|green|pink|purple|yellow|orange|brown|silver|gold|beige)\b")
_SIZE_NAME = re.compile(
    r"^(x{0,3}[sml]|\d?x{1,3}l|\d{1,2}xl|nb|均码|free|one ?size)(码|号)?([（(].*)?$|^\d{2,3}(码|号)?([（(].*)?$|^\d{2}-\d{2}(码)?$|"
    r"^\d+(\.\d+)?\s*(cm|厘米|m|米)(床)?([（(].*)?$|码|尺码|大号|中号|小号|加大|"
    r"^\d+(\.\d+)?\s*[x×*]\s*\d+(\.\d+)?\s*(mm|cm|m|厘米|毫米)?$")  # "1200x600mm"
_CAPACITY_NAME = re.compile(r"^\d+(\.\d+)?\s*(ml|毫升|l|升|mah|tb?|gb|mb)(?![a-z])")
_WEIGHT_NAME = re.compile(r"^\d+(\.\d+)?\s*(g|kg|克|千克|公斤|斤)(?![a-z])")
_FLAVOUR_NAME = re.compile(r"味$|味[（(]")


def dimension_of(names: list[str]) -> str | None:
    """The dimension most variant names are (colour, size, capacity, weight, flavour), or None when unclear."""
    if not names:
        return None
    votes: dict[str, int] = {}
    for raw in names:
        name = raw.lower().strip()
        kind = None
        if _CAPACITY_NAME.search(name):
            kind = "capacity"
        elif _WEIGHT_NAME.search(name):
            kind = "weight"
        elif _SIZE_NAME.search(name):
            kind = "size"
        elif _FLAVOUR_NAME.search(name):
            kind = "flavour"
        elif _COLOUR_NAME.search(name):
            kind = "colour"
        if kind:
            votes[kind] = votes.get(kind, 0) + 1
    if not votes:
        return None
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] * 2 > len(names) else None


# --- size advice ---------------------------------------------------------------------------------------
# "身高170体重130斤穿什么码", "平时穿40码选哪个码", "我165 110斤 m还是l": the numbers are the viewer's body (not
# link numbers, not variants), and the question asks which size fits: only a size chart or the merchant's
# FAQ answers it.
_SIZE = r"(?:[sml]|x{1,3}l|\d?xl|\d{2,3})"
SIZE_ADVICE = re.compile(
    r"身高|体重|(我|宝宝|孩子|小孩)\d+(\.\d+)?\s*(斤|kg|公斤)|\d+(\.\d+)?\s*斤(?![装的/一])|"
    r"(腰围|胸围|臀围|脚长|肩宽|头围)\s*(是|有)?\d+|平时(穿|穿的|买)\d*|偏胖|偏瘦|微胖|"
    r"(穿|选|拍|买)(什么|哪个|哪一个|几|多大的?)(码|号|尺码)|(尺码|码数|尺寸|大小)(怎么|如何|咋)选|(怎么|如何|咋)(选|挑|拍)(码|尺码|号|尺寸)|"
    r"(猫|狗|犬|猫咪|狗狗)[^\d]{0,3}\d+(\.\d+)?\s*(斤|kg|公斤)|穿多大|拍多大|选多大|多大码|(什么|哪个)码(合适|好)|码合适|"
    rf"(?<![a-z0-9]){_SIZE}码?还是{_SIZE}码?(?![a-z0-9])")
SIZE_CHART_LABELS = ("尺码建议", "建议尺码", "尺码表", "尺码参考", "尺码推荐", "尺码对照", "尺码说明", "选码", "码数建议", "选码建议")
_CHART_VALUE = re.compile(r"身高|体重|斤|kg|腰围|胸围|脚长|\d+\s*(cm|厘米)")


_BODY_LABEL = re.compile(r"胸围|腰围|臀围|头围|颈围|脚长|身高|体重")
_SIZE_KEYED = re.compile(r"(?<![a-z])(x{0,3}[sml]|\d?x{1,3}l)\s*[:：]|\d{2,3}码", re.I)


def is_size_chart(label: str, value: str) -> bool:
    """A fact that says which size fits whom: labelled so ("尺码建议"), a size fact whose value maps
    bodies to sizes ("尺码: L（身高170-178cm）…"), or a body measure keyed by size ("适用胸围: S:35-45cm；M:…")."""
    if any(cue in label for cue in SIZE_CHART_LABELS):
        return True
    if _BODY_LABEL.search(label) and _SIZE_KEYED.search(value):
        return True
    return ("码" in label or "尺寸" in label) and _CHART_VALUE.search(value) is not None


def has_size_info(labels_values: list[tuple[str, str]], variant_names: list[str], faq: list[str]) -> bool:
    """Can size advice be given at all: a size chart, sizes to choose from, or an FAQ about sizes."""
    return (any(is_size_chart(label, value) for label, value in labels_values)
            or dimension_of(variant_names) == "size"
            or any(re.search(r"[sml]码|[a-z0-9]码|尺码|身高|体重|斤", q.lower()) for q in faq))


def dimension_asked(text: str) -> str | None:
    for name, pattern in DIMENSION_ASK.items():
        if pattern.search(text):
            return name
    return None
