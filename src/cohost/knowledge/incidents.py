"""Rule groups for harm (``escalation``): a harm that happened to someone (safety), a condition of the body or
a medicine (health), ending one's life said with a means (self-harm), and a minor who is pregnant or hiding it.

Every group is a composition of word classes, not a list of sentences: a person, child or body part with a
harm verb and its result ("磕到头了", "烫红了", "咽下去了", "脸都紫了"), a near miss ("差点滑下去"), a part
of the product that failed on its own ("卡扣自己松了"), something that must not be in the goods ("发现一根
针"). Each harm is said as having happened: the same words asked before buying ("会不会烫手", "刹车怎么用",
"卡扣容易松吗") are attribute or usage questions and do not match. Parts are joined into the patterns of
``escalation`` (``_rx(…, *SAFETY_PARTS)``), so its order of reasons decides between them.
"""

from __future__ import annotations

import re

_CHILD = r"(宝宝|孩子|小孩|娃|儿子|女儿|闺女|小朋友|婴儿|孩儿)"
_BODY = r"(头|脑袋|额头|脸|嘴|嘴巴|嘴唇|舌头|牙|眼睛|眼|鼻子|手|手指|手背|脚|脚趾|腿|胳膊|屁股|背|腰|脖子|皮肤|肚子)"
_DONE = r"(?![吗么嘛])"  # said as having happened, not asked

SAFETY_PARTS = (
    # a blow, a burn, a fall that happened: "磕到头了", "烫红了", "烫到嘴了", "摔出来了", "推车直接翻了"
    r"(磕|撞)(到|着|伤|破|肿|青)(了)?" + _BODY + r"?了" + _DONE + r"|碰(到|伤|破)(了)?" + _BODY + r"了" + _DONE + r"|磕(破|伤|出血|肿)",
    r"烫(红|伤|破|肿|起泡|出泡|脱皮)|烫(到|着)(了)?" + _BODY + r"?了" + _DONE,
    r"摔(出来|出去|到头|了下来|伤|哭)|(摔|滑|跌)(了)?(下来|下去|出来|出去)了" + _DONE + r"|(直接|一下子?|突然|整个)(就)?翻(了|倒|过去)",
    # a near miss: "差点从山上滑下去", "宝宝差点滑下坡"
    r"差(一)?点(儿)?(就)?(从.{1,8})?(滑|摔|掉|跌|翻|撞|烫|噎|呛|出事|出大事|砸)",
    # swallowed or drunk what is no food: "孩子好像咽下去了", "喝了一口洗衣液", "当饮料拿着玩"
    r"(咽|吞|吃|喝)(了)?(下去|进去|下肚)了" + _DONE,
    r"(喝|吃|舔|咬|吞)(了|进|下)(一|1|几|两|半)?(口|点|些|下)?.{0,4}(洗衣液|洗涤剂|消毒液|清洁剂|清洗液|洗洁精|漂白|干燥剂|电池|磁铁|零件|螺丝)",
    # the same said object first: "孩子把清洗液喝了一口", "洗衣液被他舔了"
    r"(把|将)?(洗衣液|洗涤剂|消毒液|清洁剂|清洗液|洗洁精|漂白剂|干燥剂|纽扣电池|电池|磁铁|磁珠)(被.{1,3})?(给)?(喝|吃|舔|吞|咽)(了|下|进)",
    # a heat source laid with the goods: "电热毯能铺在床垫上用吗", "取暖器能放沙发边上吗"
    r"(电热毯|电褥子|电暖器|电暖宝|取暖器|小太阳|热水袋)(能|可以|能不能|可不可以)?(直接)?(铺|垫|放|压|盖|贴|靠)(在)?.{0,4}(这个|它|上面|下面|底下|里面|旁边|边上|床垫|被子|沙发|枕头|床上)",
    _CHILD + r".{0,6}(当|当成|当作)(饮料|水|零食|糖|果汁)",
    # choking that happened: "呛到了 脸都紫了"
    r"(呛|噎)(到|着|住)了" + _DONE + r"|(脸|嘴唇|手指|脚趾)(都|也|有点|发)?(紫|发紫|青紫|发青)",
    # jewellery or a part stuck on the body: "镯子摘不下来了", "卡手指上拿不下来了"
    r"(摘|取|拿|脱|褪|拔)不(下来|掉|出来)了" + _DONE + r"|卡(在|住)?(手指|手腕|脖子|脚趾)上",
    # a danger said as such, something sharp sticking out, fumes that hurt: "弹簧戳出来了 很危险", "熏得眼睛疼"
    r"(很|太|好|特别|非常|超|多)危险(了|啊|呀|的)?" + _DONE + r"|(弹簧|钉子|铁丝|螺丝|钢丝|铁片|钢条|刀片)[^,，。]{0,4}(戳|扎|露|冒|刺|翘)出来(了)?",
    r"熏得.{0,4}(眼睛|眼|头|嗓子|喉咙)?.{0,2}(疼|痛|睁不开|流泪|晕|咳)",
    # a part that failed on its own, or a product that moves when it must not
    r"(刹车|制动|卡扣|锁扣|安全扣|保险扣|插扣|安全带|锁)[^,，。!！?？]{0,10}(失灵|松了|松开了|脱开了|弹开了|断了|崩开|自己开了)" + _DONE,
    r"(自己|往下|往后|顺着坡)(溜|滑)(走|下|了|下去|坡)|溜坡|(?<!会)(?<!不)(晃|摇)(得|的)(很|太|特别|非常|好)?(厉害|严重)",
    r"不敢(再)?(给|让)" + _CHILD + r"(坐|用|玩|吃|喝|戴|穿|睡|躺)了",
    # what must not be in the goods: "湿巾包里发现一根针"
    r"(发现|有|里面|里|混着|夹着|掉出|扎出)(了)?(一|1)?(根|个|块|片|颗|枚)?(针|钢针|缝衣针|钉子|图钉|玻璃渣|碎玻璃|玻璃碴|铁丝|刀片|铁屑)(?![织孔脚线对头管吗么嘛])",
    # a cut, a stab or a burn that happened: "茶刀扎到手了", "手划了个大口子", "血止不住", "腿打出水泡了",
    # "打完腿上红了一片还疼" (a heat or light device on the skin)
    r"(扎|划|割|刺|戳)(到|着|伤|破)(了)?" + _BODY + r"(了)?" + _DONE + r"|(划|割|拉)(了|开|出)?(个|一个|一道|好大的?|很大的?|大)?.{0,2}口子|"
    r"血(都)?止不住|止不住(地)?(流)?血",
    r"(打|照|烫|烤|烧|灼|吹)(出|起)(了)?(个|一个|好几个|好多|一片)?(水)?泡(了)?" + _DONE + r"|红了一(大)?(片|块)(还|也|一直|都|有点)?(疼|痛|辣|烫)",
    # an electric shock felt: "充电的时候电了我一下", "被电了"
    r"(?<![充放来停断通插供用])电了(我|人|手)(一下)?|被电(了|到|着|得)|(有|漏)电(的)?感觉|麻了一下",
    # drinking and driving: "喝了酒能开车吗", "酒后驾驶", "喝了一杯还能骑电动车吗"
    r"酒驾|醉驾|酒后(开车|驾驶|驾车)|(喝|饮)(了)?(点|一点|一杯|两杯|几杯|酒|一瓶|半瓶|啤酒|白酒|红酒).{0,10}(开车|驾驶|驾车|骑车|骑电动车|骑摩托)",
)

HEALTH_PARTS = (
    # named conditions of the body and of a baby, medicines taken
    r"积液|骨刺|骨质增生|黄疸|吐奶|溢奶|呛奶|肠绞痛|胀气.{0,4}(哭|闹|难受|厉害)|血泡|磨破|磨出(血|泡)",
    r"(膝盖|膝关节|关节|心脏|腰|腰椎|颈椎|脚踝|半月板|韧带|肠胃|脾胃)(也|一直)?(不太|不怎么|不|有点不|有|受过)"
    r"(好|行|舒服|问题|毛病|伤)(?![看穿用洗买选卖说找走拿放搭装吃听玩])",
    r"头孢|阿莫西林|布洛芬|美林|泰诺|抗生素|消炎药|感冒药|退烧药|止痛药|止疼药|降压药|胰岛素|(在|正在)(吃|喝|打|用)(着)?.{0,3}药",
    r"(几|两|三|四|五|\d|好几)天(都)?(没|不)(拉|排便|大便|拉屎|拉粑粑|便便|臭臭)",
    # a baby's reaction after using it: "宝宝吃了一直哭", "用完就吐得厉害"
    r"(吃|喝|用|戴|穿|坐|睡)(了|完|过)(以后|之后|后)?.{0,6}(一直|老是|总是|总|就|又|都)(哭|哭闹|闹|吐|拉|咳|挠|抓|痒|红|肿)",
    r"吐(得)?(很|好|特别|太)?(厉害|严重)",
    # how the body reacts to a stimulant or a drink: "喝完心慌手抖", "喝了心跳好快", "胸闷"
    r"心慌|心悸|手抖|手发抖|心跳(加快|加速|很快|好快|特别快|过快)|胸闷|头晕(目眩)?|晕乎乎|喝(完|了)(以后|之后)?.{0,4}(头疼|头痛|恶心|想吐)",
)
# the pregnant or nursing body (bleeding, nipples, the stages) outranks safety words such as 出血 or 流血
HEALTH_FIRST = re.compile(r"乳头|奶头|乳房|乳晕|涨奶|堵奶|回奶|孕(早|中|晚)期|见红|宫缩|胎动|胎儿|胎心|流产|先兆|恶露|侧睡还是|左侧睡|右侧睡|"
                          # bleeding of the body's own (gums, nose) is a condition, not a wound
                          r"牙龈.{0,6}(出血|流血|红肿|肿|疼|萎缩|发炎)|牙周炎|牙(齿)?(出血|流血)|流鼻血|鼻(子)?(出血|流血)")

SELF_HARM_PARTS = (
    r"(拿|用)(刀|刀片|剪刀|玻璃|小刀|美工刀|针)[^,，。]{0,4}(划|割|捅|扎|刺)(了)?(我)?(自己|手腕|胳膊|手臂|腿)|(划|割|捅)(了|伤了?)(我)?自己(?!的)",
    r"想(要)?结束(掉)?(这一切|一切)",
    # wrists or arteries opened: "能划开手腕吗", "割开动脉"
    r"(划|割|切|拉)(开|破|断|伤)?(我的?)?(手腕|动脉|血管|颈动脉)",
    # a lethal amount asked for or an end welcomed: "喝几瓶能不再醒过来", "吃多少颗心脏会停", "能电死人吗",
    # "睡过去醒不来了 那样也挺好"
    r"(睡过去|睡着|闭上眼)(了)?(就)?(别|不要|再也不|永远不|不再)(再)?醒|(不再|再也不|永远不|就不会)醒(过来|来)|(睡过去|睡着|喝|吃|吞).{0,10}(醒不(过)?来|不会再醒)|醒不(过)?来(了)?.{0,6}(也(挺|蛮|还)?好|也行|就好了|算了|正好)",
    r"(多少|几)(颗|粒|片|瓶|杯|包|罐|次|下)?.{0,6}(心脏(就会|就|会)?(停|骤停|停跳)|会死|能死|致死|没命|死掉)|致死量|(能|会)(电|毒|撑|喝)死(人|我)(吗|么|嘛|不)?",
    # a harm tried on oneself for the feeling: "烫在手腕上会不会留疤 想试试那种感觉"
    r"(烫|割|划|电|扎|烧)(在|到)?(我的?)?(手腕|手臂|胳膊|皮肤|自己).{0,16}(想|故意)(试试|体验|感受)|(想|故意)(试试|体验|感受)(一下)?.{0,6}(烫|割|划|电|扎|烧|疼|痛)(的)?(感觉|滋味)",
    # a last purchase said as a farewell: "买这瓶酒是最后一次了 以后也用不上了 跟大家告个别"
    r"(最后一(次|单|瓶|回)|以后(都|也|再也)?用不上|以后(都|也)?不需要了).{0,16}(告(个)?别|道别|永别|再见了)|(告(个)?别|道别|永别).{0,16}(最后一(次|单|瓶)|以后(都|也)?用不上)",
)
# a minor said with a pregnancy, or a student hiding a birth from the family: minor, even though health speaks
_MINOR_SELF = re.compile(r"我(今年|才|只有|刚|刚满)?(1[0-7]|十[一二三四五六七])岁|我(是)?(初[一二三]|高[一二]|初中生?|高中生|小学生)|"
                         r"我(是|还是)?(个)?学生|未成年|(初[一二三]|高[一二])(的)?学生")
_MINOR_BODY = re.compile(r"怀孕|怀了|有了孩子|孩子生下来|生了孩子|生孩子|家里不知道|不敢告诉(家里|爸妈|父母|家人|我妈|我爸)|"
                         r"瞒着(家里|爸妈|父母|家人)|寄到学校|偷偷")


def pregnant_minor(text: str) -> str | None:
    """"我初二 怀孕了", "我是学生 孩子生下来家里不知道": the cue of a minor whose pregnancy or secret speaks."""
    m = _MINOR_SELF.search(text)
    if m and (body := _MINOR_BODY.search(text)):
        return m.group(0) + "…" + body.group(0)
    return None


# a harm that happened and a bill for it demanded: the money is the after-sales dispute
# a child whose age is its name: a newborn, an infant, one a month old (an age as good as "3岁")
NEWBORN = r"新生儿|婴儿|婴幼儿|(刚出生|满月|几个月|[1-9一二三四五六七八九十]个月)(大)?的?(宝宝|孩子|小孩|娃)"
MEDICAL_BILL = re.compile(r"医药费|医疗费|看病(的)?钱|治疗费|检查费|住院费")
