"""Rule-based intent classification (formats.md §4) for messy live chat in Chinese and simple English.

Each intent has weighted cue patterns over normalised text; the highest total wins, ties go to the
intent listed first in ``_ORDER``. Rules come first because they are explainable and hold on a shop they
have never seen; nothing here names a product, brand or shop. Risks (complaint, dispute, health, …) are
detected separately in ``escalation`` and outrank these intents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cohost.knowledge.triggers import Triggers

INTENTS = ("price", "attribute", "variant", "stock", "shipping", "returns", "usage", "promotion",
           "suitability", "comparison", "purchase", "complaint", "human", "greeting", "chitchat", "other")
# tie-break order: the more specific, fact-answerable intent first
_ORDER = ("price", "stock", "shipping", "returns", "variant", "promotion", "usage", "suitability",
          "comparison", "purchase", "attribute", "greeting", "chitchat", "other")

_Q = r"(吗|么|嘛|不|没|呢|\?|$)"

# How a product is used, asked with a quantity or a time: "一天喂多少", "冻干一天喂几块", "铺多厚", "多久换一次",
# "离多远吹", "要泡吗", "怎么防倒", "开了能放多久". The 多少/几 of such a frame counts what is used, never
# money, so it outranks the bare-多少 reading as a price (see ``_MONEY`` in ``classify``).
_USE_VERB = r"(喂|吃|喝|用|放|加|倒|铺|挤|喷|涂|抹|擦|洗|冲|泡|兑|换|清|铲|剪|吹|刷|滴|撒|拌|装|开|充)"
USAGE_FRAME = (
    r"(每天|每日|[1一]天|每次|[1一]次|每顿|[1一]顿|每餐|每周|[1一]周|[1一]个?月)(要|能|可以|该|得|最多|一般)?" + _USE_VERB
    + r"(多少|几)|" + _USE_VERB + r"(多少|几)(克|g|粒|颗|根|片|勺|次|顿|滴|泵|下|ml|毫升|分钟|秒)(合适|为宜|比较好|够|呢|吗|啊|$|[?？])|"
    r"多久" + _USE_VERB + r"(一|1)?次|(多长时间|几天|隔几天)" + _USE_VERB + r"(一|1)?次|" + _USE_VERB + r"(多厚|多深|多满|多高|多远|多近)|"
    r"(离|距离|隔).{0,4}(多远|多近|几厘米|多少厘米)|(要|需要|用|得)(先)?(泡|煮|洗|晾|解冻|预热|浸泡|充电)(吗|么|嘛|一下|多久|不)|"
    r"怎么(防|避免|防止)(倒|翻|滑|漏|掉|咬|跑|挣脱|抓|掉毛)|(开了|开封|打开|拆封|开罐|开袋)(后|以后|之后)?(能|可以)?(放|保存|存放)?(多久|几天)|"
    r"(不敢|不肯|不愿意|不爱|不会)(进|用|吃|喝|上|穿|戴|坐|睡)(怎么办|咋办|呢)?$|(不敢|不肯|不愿意|不爱|不会)(进|用|吃|喝|上|穿|戴|坐|睡).{0,4}(怎么办|咋办)"
)
_USAGE_FRAME = re.compile(USAGE_FRAME)
# money asked in words: with these the 多少/几 of a question is a price after all ("一天喂多少钱的")
_MONEY = re.compile(r"钱|价|元|块钱|[¥￥]|how much|price|cost")
# "钙磷比多少", "含量多少", "承重多少": a bare 多少 after a measured quantity asks that quantity, not the price
MEASURED_MUCH = (
    r"(比|例|量|率|度|值|重|长|宽|高|厚|深|积|围|径|压|温|力|速|距|龄|寿命|时间|时长|尺寸|功率|电压|容量|水分|含水|蛋白|脂肪|热量|卡路里|"
    r"电流|噪音|分贝|耗电|电费|瓦数|转速|档位|档|层)(大概|大约|一般|是|有|能有|能到|可以|能)?(多少|几)(?![钱块元])"
    r"|(长|高|宽|深|卷|装|拉|伸|收|放)(了)?(多少|几)(个)?米")
_MEASURED_MUCH = re.compile(MEASURED_MUCH)
# washing, an appliance or a content the product is used with: "能机洗吗", "能进洗碗机吗", "能装茶吗" (usage)
APPLIANCE_USE = (
    r"机洗|手洗|水洗|干洗|(放|丢|扔|进|用|塞)(进|到|在)?(洗衣机|洗碗机|微波炉|烤箱|消毒柜|烘干机)|(洗衣机|洗碗机|烘干机)(能|可以)?(洗|烘)"
    r"|(能|可以|可不可以|能不能)(装|泡|盛|放)(茶|茶叶|牛奶|热水|开水|咖啡|果汁|汤|酒|饮料|热汤|热饮|冰水)")

_RULES: dict[str, list[tuple[float, str]]] = {
    "price": [
        # "多少钱一瓶", "多少一瓶", "多少钱瓶" ask a price; "多少斤", "多少片" ask a quantity
        (3, r"多少钱|几块钱|几钱|几块(?=$|[?？!！。,，~吗呀啊呢])|几元|啥价|什么价|价格|价钱|价位|售价|多少米|几个米|多少钱?[一1每](瓶|盒|件|个|支|包|袋|套|斤|条|双|罐|片|本|盆|箱|份)"),
        (3, r"怎么卖|卖多少|多少块|贵不贵|贵吗|贵不|便宜吗|划算吗|合算吗|原价|划线价|到手价|现价|单价|优惠价|直播价|活动价"),
        # "米多少": 米 is live-chat slang for money, as in "多少米"
        (2, r"多少(?![a-z\u4e00-\u9fff\d])|^\d+号?多少|^米多少"),
        (3, r"how much|price|\bcost"),
    ],
    "stock": [
        (3, r"还有吗|还有没有|还有货|有货吗|有没有货|有货没|没货|缺货|断货|库存|卖完|卖光|售罄|抢光|抢完|还能买|能买到吗"),
        (3, r"补货|现货|还剩|剩多少|剩几|还有几|还有多少|剩下多少|in stock|sold out|out of stock|available|any left"),
        (1.5, r"还有" + _Q),
        # restock and availability asked: "枫叶棕啥时候补", "手表什么时候有货", "M码真没了吗", "02还能拍吗"
        (4, r"(什么时候|啥时候|几时|多久|哪天)(能|会|才|再)?(有货|到货|补|上货|再上|再有|返场)|(真|都|已经)?没(了|货了)(吗|么|嘛|呀|啊|[?？]|$)"
            r"|还(能|可以)(拍|买|下单|抢)"),
    ],
    "variant": [
        (3, r"颜色|色号|什么色|几个色|几种色|哪些色|哪几个色|几色|多少色|尺码|码数|什么码|多大码|几码|几个码|选码|哪个码|穿多大|大码|小码"),
        (3, r"规格|款式|口味|味道有|香型|有几种|有哪些|有哪几|有几个|sizes?\b|colou?rs?\b|flavou?rs?\b|variants?"),
        (3, r"(几|哪些|哪几|什么|多少)(个|种|款)?(尺寸|容量|型号)(可以选|可选|选|$|[吗呀啊呢?？])"),
        (3, r"\b(come|comes|available) in\b|\bin (black|white|grey|gray|blue|red|green|pink|purple|yellow|brown|beige)\b"),
    ],
    "shipping": [
        (3, r"发货|发什么快递|快递|物流|几天到|多久到|多久能到|什么时候到|哪天到|包邮|运费|邮费|顺丰|中通|圆通|韵达|申通"),
        (3, r"(几|多少)天(能|可以|会|才|就)?(到|收到|送到)|多久(可以|会|才|就)?(到|收到|送到)|什么时候(能|可以|会)?(到|收到)"),
        (3, r"(发|寄|邮|送)(到)?(香港|澳门|台湾|港澳台?|海外|国外|境外|新疆|西藏|青海|内蒙|海南|偏远)|(香港|澳门|台湾|海外|国外)(能|可以)?(发|寄)"),
        (3, r"京东物流|ems|邮政|从哪(里)?发|发货地|哪里发|配送|送到|能寄|寄到|偏远|新疆|西藏|海外|港澳台|什么时候发|几天发|多久发"),
        (3, r"(今天|当天|明天|今晚|几点|马上)(之前|前)?(下单|拍)?.{0,4}(能|可以|会)?发(货|出|走)?(吗|么|嘛|不|$|[?？])"),
        (4, r"(今天|当天|明天|后天|周末|这周|下周)(能|可以|会)?(到|送到|收到)"),
        (3, r"(能|可以|能不能|可不可以)(发|寄|送)(到)?(吗|么|嘛|不|$|[?？])|(什么时候|啥时候|几时)(能|可以|会)?(到|收到|发)"),
        (3, r"ship|deliver|postage"),
    ],
    "returns": [
        (3, r"退货|退换|换货|无理由|售后|保修|质保|保换|能退|可以退|退吗|包退|包换|运费险|退款|坏了怎么办"),
        # "能换码吗" asks the policy; "能换滤芯吗" asks about a part of the product
        (3, r"(能|可以|可不可以|能不能)换(?=$|[吗么嘛不呢?？!！。,，~]|货|码|尺码|尺寸|规格|大|小|色|颜色|个|一|款|新)"),
        (2, r"(退|换)(货|回|的)?.{0,5}(运费|邮费)|(寄回|退回).{0,4}(运费|邮费|谁出)"),
        (3, r"质量(有)?问题|有质量问题|出(了)?问题(怎么办)?|坏了(包换|保修|能换|管吗)"),
        # "收到坏的怎么办", "碎了的管吗": what the after-sales rule says about a defect
        (3, r"(坏|破|碎|漏|错|烂)(的|了)(话)?(怎么办|咋办|怎么处理|管吗|管不管|包赔|包换|赔吗|能退|能换)"),
        # price protection is an after-sales rule: "补差价", "保价吗", "降价了能退差价吗"
        (4, r"补差价|退差价|保价|价保|差价(能|可以)?(补|退)"),
        (3, r"return|refund|warranty|exchange"),
        # repair under warranty: "坏了管修不", "包修吗", "能保修吗"
        (4, r"(坏了|出问题|故障|不转了|不亮了|不制热了)?.{0,2}(管修|包修|给修|保修|免费修|维修)(吗|么|嘛|不|没|呢|多久|几年|[?？]|$)"),
    ],
    "usage": [
        (3, r"怎么用|如何用|怎么使用|如何使用|使用方法|用法|怎么吃|怎么喝|怎么泡|怎么煮|怎么洗|怎么穿|怎么戴|怎么搭|怎么装"),
        (3, r"怎么安装|怎么充电|怎么保存|怎么储存|怎么存放|怎么清洗|怎么清洁|用量|一次用多少|多久用一次|一天几次|用几次|说明书"),
        (3, r"(能|可以)?(泡|冲)几(次|泡|遍)|(泡|冲)多少(次|泡)|耐泡|几泡|怎么冲(?![突])|咋(冲|泡|喝|用)"),
        (3, r"(加|放|装|插|倒|挂|贴)(在|到)哪|怎么(调|开|关|拆|换|设置|连接|连|清理|倒|挂|贴|固定)"),
        # how it is put on: "怎么涂", "咋抹好看", "如何敷"; "X涂还是Y涂" asks the way, not a pick of two goods
        (3, r"(怎么|咋|如何|怎样)(涂|擦|抹|敷|喷|搽)|(涂|擦|抹|敷|喷)(法|的手法)|([\u4e00-\u9fff])(涂|抹|擦|敷|喷)还是.{0,2}(涂|抹|擦|敷|喷)"),
        (3, r"how (do i|to) use|how to|directions"),
        (3, USAGE_FRAME),
        # washing and use with an appliance or a content (the live labelling convention: care is usage):
        # "能机洗吗", "可以丢洗衣机吗", "能进洗碗机吗", "能放微波炉吗", "能装茶吗"; "防水吗" stays an attribute
        (4, APPLIANCE_USE),
        # when or in what order it is used: "早上能用还是只能晚上", "用在水乳前面还是后面", "要先充满再用吗"
        (4, r"(早上|早晨|白天|晚上|夜间|睡前|饭前|饭后|空腹).{0,6}还是.{0,6}(早上|早晨|白天|晚上|夜间|睡前|饭前|饭后|空腹)"
            r"|(前面|后面|之前|之后|前|后)还是(在)?(前面|后面|之前|之后|前|后)(用|涂|抹|擦)?[吗呢?？]*$|先.{1,6}再(用|涂|抹|戴|穿|吃|喝|洗|充|装|上)"
            r"|(第一次|初次|新买的|刚买的|头一次).{0,6}(要|需要|得|用)(先)?(充满|充电|清洗|洗|泡|煮|开锅|激活)"),
    ],
    "promotion": [
        (3, r"优惠|活动|券|满减|满\d+减|赠品|送什么|有送|送不送|赠送|送吗|折扣|打折|几折|便宜点|便宜一点|能便宜|少点|降价"),
        (3, r"送(东西|点|啥|礼)|福利|秒杀|红包|买一送一|第二件|半价|特价|限时|coupon|discount|deal|promo|free gift"),
        # a gift named: "送小样吗", "送杯刷吗", "现在拍还送5ml吗" (not delivery: "送到家吗", "送货上门吗", "送人合适吗")
        (3, r"送(?![货到达去回修检人过走给上出来朋友])[^吗么嘛不?？,，]{1,6}(吗|么|嘛|不)"),
        # a deal asked by its amount or price, not the goods: "立减30还有吗", "79那个还有吗" (outranks stock's 还有)
        # a discount figure or a coupon asked if it applies: "两件9折能用吗", "八折券可以用吗", "满300减50能叠加吗"
        (5, r"((?<![\d.])\d(\.\d)?|[一二三四五六七八九])折.{0,6}(能|可以|可不可以|能不能)(用|叠加|一起)|(券|满减|折扣|优惠).{0,4}(能|可以)(用|叠加|一起用)"),
        (5, r"(秒杀|福利|赠品|活动|满减|折扣|红包|特价|半价|优惠)(价|品)?(的)?(还有|没了|结束了|还在)|(立减|直降|减\d+|优惠\d+|券).{0,4}还有|(?<![a-z\d.])([2-9]\d|\d{3,5})(\.\d+)?(元|块)?的?那个(价|价格|价钱|活动|优惠)?还有"),
    ],
    "suitability": [
        # a person, a body or a device it is used by, asked with a modal: "新生儿能用不", "孕妇能涂吗",
        # "宝宝能用这个湿巾吗" (a discount or a coupon asked so is promotion, see there)
        # Not suitability: payment ("能用花呗吗"), a count ("能坐两个人吗"), 用 as "with" naming a means rather than
        # a user ("能用开水冲吗", "能用手机控制吗"); bare "能用吗" / "能吃吗" are counted once, by the next rule.
        (3, r"(能|可以)(涂|抹|戴|喝)(吗|么|嘛)[?？]*$|(能|可以)(用(?![^吗么嘛不]{1,5}?(" + _USE_VERB[1:-1] + r"|控制|操作|连接|遥控))|穿|吃|涂|抹|戴|喝)((?!花呗|信用卡|微信|支付宝|积分|红包|券|卡)[^吗么嘛不?？,，\s\d几多两一二三]{1,6}(吗|么|嘛|不)|不)[?？]*$"),
        (3, r"适合|适用|能用吗|可以用吗|能不能用|可不可以用|能吃吗|可以吃吗|能不能吃|能穿吗|可以穿吗|合适吗|敏感肌|油皮|干皮"),
        (3, r"混油|混干|痘肌|男生|女生|男士|女士|男的|女的|老人|小孩|孩子|儿童|宝宝能|婴儿|学生|几岁|小个子"),
        (3, r"suitable|sensitive skin|for kids|oily skin|dry skin|good for"),
    ],
    "comparison": [
        (4, r"区别|不同|不一样|差别|差异|哪个好|哪个更|哪款好|哪款更|哪个划算|对比|比较(?![好合适方便快慢多少大小])|相比|比起|和.{1,12}比|跟.{1,12}比"),
        (4, r"还是.{1,12}(好|划算|合算|合适|值)|一样吗|\bvs\b|difference|compare|better"),
        (4, r"和.{1,12}哪(个|款|件)(更|比较)?[长短高矮厚薄宽窄重轻大小暖]"),
        # "梅多克和波尔多哪个贵", "IPA和白啤哪个度数高": two things, one measure
        (4, r"(和|跟|与).{1,12}哪(个|款|件|种)的?(更|比较)?([\u4e00-\u9fff]{1,3}?)?(高|低|贵|便宜|甜|酸|苦|浓|淡|多|少|强|弱|久)"),
        # two named, one to pick: "五香的跟辣的选哪个", "01和04选哪个", "一万和两万买哪个"
        (5, r"(和|跟|与|还是).{1,12}(选|买|拍|要|入)哪(个|款|种|一个|一款)"),
    ],
    "purchase": [
        (3, r"怎么买|怎么拍|在哪(里|儿)?(买|拍|下单)|哪(里|儿)(买|拍)|去哪(里|儿)?(买|拍|下单)|怎么下单|如何下单|怎么购买|哪个链接|几号链接|链接在哪|上链接|求链接|要链接"),
        # "颈枕链接几", "牙刷链接多少号", "红酒几号连结", "龙井几号来着": which link number the product has
        (5, r"(?<![\d一二三四五六七八九十零两百号个#])(链接|连结)(是|在)?第?(几|多少)(号|个)?(?!钱|元|块|毫|克|米|寸|斤|度|天|年|g|ml|mah|w)|(几|多少)号(链接|连结)|几号来着|是几号(链接)?[?？]*$"),
        # "平安扣是1号吗", "口红是几号": which link the product named is
        (4, r"是\d{1,3}号(链接)?(吗|么|嘛|不|呀|啊|[?？])*$"),
        (3, r"发链接|链接呢|有链接吗|小黄车|购物车|怎么付款|能拍吗|拍哪个|拍几号|点哪个|点几号|选哪个链接|在几号|几号$|已拍|拍了|下单了|买了|已下单|已买|付款了"),
        (2, r"蹲(?!.{0,3}(直播|福袋|开播|抽奖|红包))|想要|我要|要一(个|件|单)|下单|\+1|加1"),
        (3, r"how (to|do i|can i) (buy|order)|where (to|can i) buy|\blink\b|\bbuy\b|ordered"),
    ],
    "attribute": [
        (3, r"材质|面料|成分|配料|原料|什么做的|什么材料|保质期|过期|有效期|能放多久|产地|哪里产|哪产的|哪里生产|生产日期"),
        (3, r"容量|净含量|多少ml|多少毫升|几ml|多重|重量|几斤|多少克|多少g|多大|多长|多宽|多高|多厚|尺寸|长度|宽度|高度|厚度"),
        (3, r"功率|电池|续航|充电(?![头器宝线桩座仓盒])|电压|瓦数|品牌|牌子|型号|参数|味道|香味|气味|口感|防水|透气|起球|掉色|褪色|缩水|保暖|保温"),
        (2, r"是什么|是啥|介绍|卖点|有什么用|功效|作用|效果|好用吗|怎么样|质量|耐用|几个|多少(ml|g|kg|l|cm|mm|mah|寸|米)"),
        (3, r"ingredient|material|\bsize\b|weight|made of|capacity|battery|waterproof|\bcontent\b|protein|\bfat\b"),
        (3, MEASURED_MUCH),
        # "IPA几度" (酒精度), "梅多克是几几年的" (年份): a degree or a year asked
        (3, r"(几|多少)度(?![假])|度数|几几年|哪一?年(的|产)"),
        # "开了能放几天", "开封后存多久": how long it keeps (保质期 / 储存方法)
        (4, r"(能|可以)?(放|存|保存)(几天|多久|多长时间)"),
        # how long one unit lasts: "一瓶用多久", "一包能吃几天", "一罐够喝多久" (not "多久用一次": usage)
        (4, r"([一1每两几]|这)(瓶|盒|支|罐|包|袋|桶|管|块|片|箱|套)(能|可以|够|大概|一般)?(用|吃|喝|喂|撑)(多久|多长时间|几天|几个月|几周|多少天|多少次)"),
        # a quality asked as A-not-A: "弹不弹", "重不重", "干不干嘴", "显不显白" (not a modal or an act:
        # 是不是, 能不能, 有没有, 买不买, 发不发, 退不退 belong to the intents that ask those)
        (2, r"([^\x00-\u4dff是有能会要可行对在买拍发退换送去来走到用吃喝穿戴装])不\1(?!(?<=好不好)[看听])"),
    ],
    "greeting": [
        # "你好可爱", "你好厉害" praise the host: not a greeting
        (3, r"^(主播|大家|宝子们?|各位|家人们|老板)?((你|您)好(?!可爱|漂亮|美|帅|厉害|棒|温柔|有耐心|专业|好看|搞笑|会|甜|聪明|有趣)|好呀|好啊|晚上好|早上好|中午好|下午好|早安|晚安|哈喽|嗨)"),
        (3, r"^(hello|hi|hey)(?![a-z])|good (morning|evening|afternoon)|我来(了|啦|咯|喽)|又来(了|啦)|来了来了|报[到道]|打卡"
            r"|新人|新来的|第一次来|第(一|1)次进|刚来|来(了|啦)来(了|啦)|又来(蹲|看)(直播)?(了|啦)|^在吗(主播|宝子们?|家人们|亲)?[~～!！]*$|^(各位|大家)?(宝妈|宝爸|姐妹|家人)们?好|刚进(直播间|来)|回来了|^早(啊|呀|哦|安)?(主播|宝子们?|大家|家人们)?[~～!！]*$"),
        (1, r"^(主播|大家|宝子们?)好"),
    ],
    "chitchat": [
        (2, r"哈哈|嘿嘿|呵呵|666|好看|漂亮|好美|真美|帅|可爱|厉害|加油|辛苦|爱了|喜欢你|点赞|关注了|好听|真棒|牛(?![皮肉奶仔排骨油筋角蛙津])|绝了"),
        # "支持一下" cheers; "支持快充吗" asks a feature
        (2, r"支持(?!.{0,12}([吗么嘛不]|\?))"),
        (2, r"笑死|yyds|\blol\b|\bnice\b|\bcool\b|love (it|you)|谢谢|感谢|多谢|thank"),
        # small talk about the host: "主播吃饭了吗", "主播好有耐心" (a compliment, not a greeting)
        (2, r"(吃饭|吃了|吃晚饭|吃午饭|吃夜宵|下班|睡觉)了?(吗|没|么)|好?有耐心|好温柔|好专业|好贴心|声音好"),
    ],
}
_COMPILED = {intent: [(w, re.compile(p)) for w, p in rules] for intent, rules in _RULES.items()}
# small talk about the host, the room or the viewer's own life, even when a word of it would ask something
# ("主播家宝宝多大了", "你叫什么名字", "背景音乐叫啥", "好想去露营啊", "求个关注"): chitchat, nothing to look up.
# The host's height, size or pick stays a question no fact answers (``unknowable.ANCHOR`` is read first).
_SMALLTALK = re.compile(
    r"(你|您|主播)(的名字)?叫(什么|啥)(名字)?|^叫(什么|啥)名字|怎么称呼(你|主播)|(主播|你)(家|你家)?(也)?养(猫|狗)(了)?(吗|么|嘛)|背景音乐|\bbgm\b|这(首)?歌叫|什么歌|"
    r"主播(是|在|你)?(在)?(哪个城市|哪里人|哪的人|哪儿人|老家|哪个省)|(主播|你)(家|你家)?的?(宝宝|孩子|娃|猫|狗)(多大|几岁|叫什么)|"
    r"(主播|你|你们)(也)?(是|有)(新手)?(妈妈|宝妈|爸爸|孩子|宝宝|娃)(吗|么|嘛|呀|啊)|"
    r"(你|主播|ai)(会|能)(不会)?(唱歌|跳舞|唱首歌|讲笑话|说方言|做瑜伽|游泳|爬山|做饭|跑步)|"
    r"主播(平时|一般|周末|经常)(都)?(爬|去|玩|做|喜欢|干|练|跑)(?!.{0,3}(穿|用|戴|买|选))|求(个)?关注|点(个)?关注|互关|"
    r"我(老公|老婆|男朋友|女朋友|对象|妈|闺蜜|家那位)(也)?(在旁边|陪我|也在看|在看|看着|一起看)|"
    r"^(好|真|太)想(去)?(露营|爬山|旅游|旅行|出去玩|徒步|放假|睡觉)|"
    r"(大家|家人们|宝子们|姐妹们|宝妈们)(都)?(注意|记得|要)(保暖|身体|安全|休息|防晒|多喝水)|"
    r"第(一|1)次当(妈|爸)|沾沾喜气|有人.{0,4}(一起|约)|^(好的|嗯|ok|收到|明白|知道了)+[~～!！。.]*$|"
    # the host as a person: age, height, home town, habits, bedtime ("主播几岁了", "主播是杭州人吗", "你喝酒吗",
    # "主播晚上几点睡"); the host's pick for a size stays a question (``unknowable.ANCHOR``)
    r"^(主播|你)(你|今年)?的?(多高|几岁|年龄|多大了)(了|呀|啊|呢|吗|多少)?[?？~～!！]*$|"
    r"(主播|你)(也)?是(?!真|机器|本|人工|工作|活)[\u4e00-\u9fff]{1,3}人(吗|么|嘛|吧|呀|啊)|"
    r"^(主播|你)(平时|自己|也|会)*(喝|爱喝|喜欢喝|会喝|抽)(酒|烟|咖啡|茶|奶茶)(吗|么|嘛|不|吧)|"
    r"(主播|你)(晚上|平时|一般|每天)?几点(睡|睡觉|起床|起|吃饭)|"
    # a lottery in the room, a remark to the other viewers about the shop in general
    r"蹲.{0,3}(福袋|抽奖|红包|开奖)|(这个)?直播间(的)?(东西|产品|货)(都)?(好用|怎么样|靠谱|咋样|好不好)")
# a remark with nothing asked: a viewer's own story with the goods ("上次买的吹风机很好用 回购了", "我家宝宝也是
# 这个推车 好用", "我爸就爱喝酱香", "已下单 坐等收货", "这天气适合徒步", "我是男生也来看哈哈"): chitchat, only
# when no question word or particle is in it
_REMARK = re.compile(
    r"回购(了|啦)|(上次|之前|以前|一直)(买|用|喝|吃|穿)的.{0,8}(很|挺|超|特别|真|太)?(好用|好喝|好吃|好穿|舒服|不错|喜欢)|"
    r"(我家|我们家|我).{0,8}也(是|在用|用的|有)(这个|这款|这种)|(我|我爸|我妈|我老公|我老婆|我家那位|我婆婆)(就|最|特别|超|一直)?(爱|喜欢)(喝|吃|用|穿)|"
    r"也(来|在)看|坐等(收货|发货|到货|快递)|^(这|今天|最近)(的)?天气")
_ASKING = re.compile(r"[?？吗么嘛呢]|什么|啥|怎么|咋|多少|多久|几|哪|谁|能不能|可不可以|有没有|是不是|会不会|要不要|请问|想问|求")
# a bare quality asked with 吗 ("滋润吗", "沾杯吗"); not a modal, a state or an act ("是吗", "能吗", "真的吗",
# "到了吗", "发了吗", "拍了吗")
_BARE_QUALITY = re.compile(r"(?![是有能会要可行对在真好来去到发拍买退换送今明昨前后这那哪什怎为谁几多你我他她它])[\u4e00-\u9fff]{1,3}(?<![了的过啊呀哦嗯])(吗|么|嘛)")
# the fee of a service done to the product ("五斗柜上门安装多少钱", "安装费多少"): a shop rule, not its price
_SERVICE_FEE = re.compile(r"(安装|组装|上门|测量|搬运|上楼|送装|拆旧)(费|的费用|的话)?(要|需要|收|另外|另收|大概)?"
                          r"(多少钱|多少|几块钱|几块|怎么收费|怎么算|收费|收钱|要钱)")
_RETURN_POSTAGE = re.compile(r"(退|换)(货|回|的)?.{0,5}(运费|邮费)|(寄回|退回).{0,4}(运费|邮费)|运费险")


@dataclass(frozen=True, slots=True)
class IntentGuess:
    intent: str
    score: float
    confidence: float
    scores: dict[str, float]

    def has(self, intent: str) -> bool:
        return self.scores.get(intent, 0.0) > 0


# Live chat wraps questions in address terms and particles ("请问主播…啊", "宝子们…呀~"): the rules also
# see the core without them, since anchored rules ("^…", "…$") would otherwise miss it.
_LEAD = re.compile(
    r"^(?:(?:请问|问下|问一下|想问一?下?|主播|宝宝们|宝子们?|家人们|姐妹们|集美们|亲们?|老板|各位|那个)[\s,，~～!！。:：]*)+")
_TAIL = re.compile(r"[\s呀啊呢吧哈啦哦噢诶~～?？!！。.,，]+$")


def core_of(text: str) -> str:
    """``text`` without leading address terms and trailing particles ("" when nothing else is left)."""
    return _TAIL.sub("", _LEAD.sub("", text))


# every rule as (its intent's slot in ``_COMPILED`` order, weight, pattern), screened on trigger characters
_FLAT_RULES = [(slot, w, p) for slot, rules in enumerate(_COMPILED.values()) for w, p in rules]
_RULE_TRIGGERS = Triggers([p for _, _, p in _FLAT_RULES])
_TOTALS: dict[str, tuple[float, ...]] = {}  # form → its rule totals per intent (pure; bounded, cleared when full)
_TOTALS_SIZE = 50_000


def _totals(form: str) -> tuple[float, ...]:
    """The summed weights of the rules each intent (in ``_COMPILED`` order) has matching ``form``."""
    hit = _TOTALS.get(form)
    if hit is not None:
        return hit
    out: list[float] = [0] * len(_COMPILED)
    for index in _RULE_TRIGGERS.candidates(form):  # in rule order, so each total sums as before
        slot, weight, pattern = _FLAT_RULES[index]
        if pattern.search(form):
            out[slot] += weight
    if len(_TOTALS) >= _TOTALS_SIZE:
        _TOTALS.clear()
    result = _TOTALS[form] = tuple(out)
    return result


def classify(text: str) -> IntentGuess:
    """Score every intent on normalised text (and on its core, see ``core_of``). ``other`` when nothing matched."""
    scores: dict[str, float] = {}
    core = core_of(text)
    if _SMALLTALK.search(text) or (core and _SMALLTALK.search(core)) or (_REMARK.search(text) and not _ASKING.search(text)):
        return IntentGuess("chitchat", 3.0, 0.8, {"chitchat": 3.0})
    totals = _totals(text)
    if core and core != text:
        totals = tuple(max(a, b) for a, b in zip(totals, _totals(core), strict=True))
    for intent, total in zip(_COMPILED, totals, strict=True):
        if total:
            scores[intent] = total
    # a question that only greets or chats but also asks something is about the something
    asks = [i for i in scores if i not in ("greeting", "chitchat")]
    if asks:
        scores.pop("greeting", None)
        scores.pop("chitchat", None)
    # "拍了…发货" is about shipping, "优惠价多少" about price: purchase/promotion yield to the fact asked
    if "shipping" in scores and "purchase" in scores:
        scores["purchase"] -= 1
    # "退货运费谁出" asks the returns policy: the postage of a return is not shipping
    if "shipping" in scores and "returns" in scores and _RETURN_POSTAGE.search(text):
        del scores["shipping"]
    if "price" in scores and _SERVICE_FEE.search(text):
        del scores["price"]
        scores["usage"] = max(scores.get("usage", 0.0), 3.0)
    # "一天喂几块", "钙磷比多少": the 多少/几 counts what is used or measured, not money
    if "price" in scores and not _MONEY.search(text):
        if _USAGE_FRAME.search(text):
            del scores["price"]
            scores["usage"] = max(scores.get("usage", 0.0), 3.0)
        elif _MEASURED_MUCH.search(text):
            del scores["price"]
            scores["attribute"] = max(scores.get("attribute", 0.0), 3.0)
    if not scores and _BARE_QUALITY.fullmatch(core):
        scores["attribute"] = 1.0  # "滋润吗", "沾杯吗", "持久吗": a quality of the product, nothing else asked
    if not scores:
        return IntentGuess("other", 0.0, 0.3, {})
    best = max(scores, key=lambda i: (scores[i], -_ORDER.index(i)))
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)
    confidence = min(0.97, 0.6 + 0.06 * ranked[0] + 0.05 * margin)
    return IntentGuess(best, scores[best], round(confidence, 2), scores)
