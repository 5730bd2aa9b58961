"""Signals that take a question away from the answerer: risks (self-harm, prompt injection, safety,
health, minors, complaints, after-sales disputes, requests for a person) and the holding replies.

Order matters and is a constraint: self-harm outranks everything, injection outranks any answer, and a
health or safety question escalates even when an FAQ seems to answer it (a human confirms). Patterns run
on normalised text (``cohost.knowledge.text``), so they are written in simplified Chinese, lower case.
Holding replies promise nothing (no time, no refund, no outcome) and contain no number or product fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REASONS = ("no_fact", "ambiguous_product", "complaint", "dispute", "health", "safety", "minor", "self_harm",
           "human_request", "injection", "other")


@dataclass(frozen=True, slots=True)
class Risk:
    reason: str
    intent: str  # the formats.md §4 intent reported with the escalation
    cue: str


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts))


_SELF_HARM = _rx(r"不想活|想死(?!你|我了)|自杀|轻生|割腕|跳楼|跳河|结束(自己的?)?生命|活着没(意思|意义)|活不下去",
                 r"不如死了|寻死|kill myself|suicide|end my life|want to die")
_INJECTION = _rx(
    r"(忽略|无视|忘记|忘掉|不要管|别管)(掉)?.{0,8}(规则|指令|设定|提示|要求|限制|约束|之前|上面|以上|前面)",
    r"(你|您)现在(是|扮演|变成|作为|就是)", r"从现在(开始|起)(你|您)", r"(扮演|假装|装作)(你是|成为?|一个)",
    r"system\s*[:：]|\[system\]|<\|?(system|im_start)|assistant\s*[:：]|系统(提示|指令|消息|设定|命令|通知|公告)",
    r"[【\[(（]\s*(系统|官方|平台|管理员|后台)", r"(请|给我|帮我|跟我)?(复述|跟读|跟着我说|照着说|照念|重复)(一下|一遍|一句)?\s*[:：]", r"(跟我|给我|帮我|对大家)(念|读|说|喊)(一下|一遍|一句)?\s*[:：]", r"暗号",
    r"提示词|prompt|越狱|jailbreak|开发者模式|developer mode|dan模式|管理员模式|调试模式",
    r"ignore (all |any )?(the |your |of )?(previous|prior|above|earlier|preceding)?\s*(instructions|rules|prompts?)",
    r"you are now|act as|pretend (to be|you are)|disregard|new instructions|override",
    r"(把|将)?(价格|价钱|售价|库存|原价|优惠)(改成|改为|设为|设置为|调成|变成|写成|改到)",
    r"(说|承认|告诉大家)(你|自己)是(真人|人类|人)(?!工)",
    r"(跟我|给我|对大家|和大家|帮我)?(说|念|读|复述|重复|喊)(一句|一遍|出来|一下)?\s*[:：]?\s*[\"“'「『].{1,60}[\"”'」』]",
    r"(输出|告诉我|显示|打印|泄露|重复|说出)(你的|你们的)?(系统|初始|原始|全部)?(提示|指令|设定|prompt|规则)",
    r"我是(这个直播间的|你们的|本店的?)?(管理员|开发者|程序员|商家|店长|运营|官方|工程师)",
)
_SAFETY = _rx(r"车祸|交通事故|出事故|撞车|追尾的时候|抱着(孩子|宝宝|娃|小孩).{0,6}(坐|开车|副驾)|爆炸|爆燃|起火|着火|自燃|漏电|触电|电到|短路|冒烟|烫伤|烧伤|有毒|毒性|中毒|甲醛|致癌|误食|误吃|误服|误喝|吞(下|了|进)",
              r"噎(住|到)|窒息|辐射|安全吗|安不安全|安全不|危险吗|会不会炸|炸了|划伤|割伤|伤到|夹(到|伤|住)(手|脚|孩子|宝宝|小孩|皮肤|肉)?|夹手|烫手",
              r"explode|fire hazard|toxic|poison|is it safe|dangerous")
_HEALTH = _rx(r"哮喘|鼻炎|早产|呼吸道|咽炎|(溅|进|弄|喷)(到|进)?(了)?眼|眼睛(里|疼|痛|红)|孕妇|怀孕|孕期|备孕|孕妈|准妈妈|哺乳|喂奶|月子|过敏|湿疹|皮炎|糖尿病|高血压|血糖|血压|心脏病|癌|肿瘤",
              r"红屁屁|尿布疹|起疹|皮疹|拉肚子|腹泻|呕吐|吐了|便秘|发烧|发热(?!档|温度|功率|片|丝|时间|面积|效果|均匀|快)|咳嗽|(有|得了?|患).{0,4}病|疾病|病人|生病|得了.{0,4}病|吃药|用药|药物|治疗|治好|疗效|能治|治病|医生|医院|手术|伤口|发炎",
              r"腰椎|颈椎|腰间盘|椎间盘|抑郁|减肥|瘦身|降脂|降压|降糖|排毒|壮阳|补肾|副作用|激素|处方|痛风|胃病|脱发能|长高",
              r"pregnan|breastfeed|allerg|diabet|medical|medicine|\bcure\b|side effect|disease|lose weight")
_MINOR = _rx(r"(?<!给)我(今年|才|只有|刚|刚满)?(1[0-7]|[6-9])岁(?!的)|未成年|初中生|小学生|初[一二三]的?学生|我(在)?(上|读)(初中|小学)",
             r"我(是)?初[一二三]|我(是)?高[一二]|我还(是学生|在上学|没成年)|用(我)?(妈妈|爸爸|爸妈|家长|我妈|我爸)的(钱|手机|支付宝|微信|卡)",
             r"偷偷(买|下单|拍)|零花钱|压岁钱|家长不(让|同意|知道)|爸妈不(让|同意|知道)|i am 1[0-7]\b|i'?m 1[0-7]\b|under ?18")
_COMPLAINT = _rx(r"投诉|举报|差评|骗子|骗人|欺骗|坑人|坑爹|割韭菜|智商税|山寨|三无|垃圾(?!袋|桶|分类|篓|箱|处理)",
                 r"太差|质量差|质量太|质量不好|什么破|破玩意|烂货|虚假|忽悠|黑心|无良|12315|消协|工商|市场监管|维权",
                 r"太坑|被坑|上当|不要脸|无耻|(是|卖)假货|假货(?!吗)|scam|fraud|terrible|worst|complain|rip ?off")
_NOT_COMPLAINT = _rx(r"(是不是|会不会|是否|不会是|有没有).{0,3}(假|山寨)", r"(假货|假的|正品)吗")
_DISPUTE = _rx(
    r"(我|我的|已经|已)(要|想|申请|想要)?退(款|货|钱)", r"申请(退|售后|换)", r"退款(还|怎么|为什么|没|不)",
    r"(给|帮)我(退|换|改)", r"没收到|还没(收到|到|发|寄)|没到货|怎么还(没|不)|还不(发|到|寄)|没(有)?发货|不发货|迟迟",
    r"催.{0,2}(发货|快递|物流|单)|少发|漏发|发错|错发|少了(一|1)|破损|(收到|到手|拆开|到了|到货|寄到|寄来|刚到).{0,8}(坏|破|碎|裂|断了|漏|错|(?<!多)少|不一样|不对|脏|旧|烂|霉|臭|变质|化了|化冻|蔫|死了)",
    r"(已经|刚|就)?(坏了|碎了|漏了|漏液|不能用了|用不了)(?!.{0,4}(怎么办|吗|么|呢|包换|保修|能换|可以换|管吗))", r"物流.{0,4}(不动|没更新|停了|不更新|没动)|快递.{0,4}(丢|不动|没更新|没动)",
    r"开不了机|开不开机|不开机|打不开了|黑屏|没反应了|充不(进|上)电|不出风|(用|收到)了?.{0,4}(天|次|周|个月)就.{0,3}(坏|不|没|黑|响|漏)",
    r"改地址|修改地址|取消订单|退不了|换不了|仅退款|拒收|售后(不|没)|订单(号|有问题)",
    r"refund my|never arrived|not (yet )?received|hasn'?t arrived|broken|damaged|wrong item|where is my order",
)
_HYPOTHETICAL = _rx(r"万一|如果|要是|假如|的话")
_HUMAN = _rx(r"人工|真人客服|客服(?!.{0,4}(几点|时间|什么时候|上班|下班|在线时))|找(个)?人(?!用|穿|吃)|工作人员|负责人|(叫|找)(你们|你家|一下)?(老板|店长|主播|运营|经理)|主播(回|理|看)(一下)?我",
             r"找.{0,2}真人|真人(跟|和|来|回|聊)|活人|有人吗|有没有人在|human|real person|agent|customer service|talk to (a )?(person|someone)|operator")
_IDENTITY = _rx(r"(你|您|主播|回复的|客服)是(不是)?(真人|真的人|机器人|机器|ai|人工智能|程序|bot)",
                r"真人还是|是人还是|你是人吗|你是谁|你是什么|是ai吗|是机器人吗|are you (a )?(bot|robot|human|real|ai)")


def is_identity_question(text: str) -> bool:
    """"你是真人吗": answered truthfully (an AI) rather than escalated as a request for a person."""
    return _IDENTITY.search(text) is not None


def detect_risk(text: str) -> Risk | None:
    """The highest-priority risk in normalised text, or None."""
    if m := _SELF_HARM.search(text):
        return Risk("self_harm", "other", m.group(0))
    if m := _INJECTION.search(text):
        return Risk("injection", "other", m.group(0))
    if m := _SAFETY.search(text):
        return Risk("safety", "suitability", m.group(0))
    if m := _HEALTH.search(text):
        return Risk("health", "suitability", m.group(0))
    if m := _MINOR.search(text):
        return Risk("minor", "purchase", m.group(0))
    if (m := _COMPLAINT.search(text)) and not _NOT_COMPLAINT.search(text):
        return Risk("complaint", "complaint", m.group(0))
    if (m := _DISPUTE.search(text)) and not _HYPOTHETICAL.search(text):
        cue = m.group(0)
        late = re.search(r"没收到|还没|还不|发货|不发|寄|物流|快递|没到|催|迟迟|arrived|received|where", cue)
        broken = re.search(r"坏|破|碎|裂|断|漏|错|退|换|不对|不一样|用不了|不能用|烂|霉|臭|变质|化|蔫|死|damaged|broken|wrong|refund", cue)
        return Risk("dispute", "shipping" if late and not broken else "returns", cue)
    if not is_identity_question(text) and (m := _HUMAN.search(text)):
        return Risk("human_request", "human", m.group(0))
    return None
