"""Rule groups for grievances and for words that try to steer the AI (``escalation``): a defect reported
(complaint), a promise or a payment not honoured (dispute), a person asked for in other words (human
request), and instruction forms that dictate, relay or relabel what the AI says (injection).

The writers' convention (``escalation``): a *complaint* reports a problem with the goods ("咯吱响 才用一
周", "全是划痕", "一股怪味", "根本不保温", "杆断了 刚买的", "计数不准"); a *dispute* is about money or a
promise — a gift promised and not received, money paid and nothing seen, postage promised and charged,
returns failing again and again, a warranty refused, an invoice refused. Defects are statements: asked
before buying ("会不会有异味", "有划痕吗", "计数准吗") they are attribute questions and do not match.
"""

from __future__ import annotations

import re

_DONE = r"(?![吗么嘛])"

COMPLAINT_PARTS = (
    # a noise, a stain, a smell, a lump reported about the goods in hand
    r"(咯吱|嘎吱|吱吱|吱呀|咔咔|咔哒)(咯吱|嘎吱|吱吱)?(的|地)?(响|叫)|(有|一直|老是|总是)(异响|杂音)" + _DONE,
    r"(收到|到手|拆开|打开|全是|都是|好多|一堆|很多|满是)(的)?.{0,4}(划痕|刮痕|划伤|污渍|脏东西|黑点|小黑点|斑点|霉点|毛刺|裂纹|裂痕|线头|胶水印)" + _DONE,
    r"(里面|里边|里头|里)(有|发现|混着|全是)(了)?(小)?(黑点|黑色颗粒|虫子?|飞虫|异物|头发|杂质|霉|毛发)" + _DONE,
    r"一股(子)?(怪|臭|刺鼻|霉|馊|酸|异|焦|塑料|胶|化学|难闻|很大的|浓浓的|刺激)|(拆开|打开|收到|到手).{0,4}(刺鼻|臭|霉|馊|怪味|异味)",
    r"根本(就)?(不|没|没有)(保温|保冷|保暖|防水|防滑|透气|管用|好用|起作用|能用|亮|准|计数|制热|制冷|防风|合身)|水(就|全|都|已经)?(凉|冷)了" + _DONE,
    r"(吸力|电量|续航|亮度|声音|风力|力度|水压|弹性|保温|拉力)(越来越|变得?)(小|弱|差|短|暗|低)" + _DONE,
    r"(?<![会易怕防])(起坨|起团|结块|成坨|断层)" + _DONE + r"|(计数|计时|显示|读数|测量|温度显示)(也|一直|老是)?(不准|不对|错了|乱跳)" + _DONE,
    r"(断|裂|坏|漏|掉)了(一根|一个|一节|一块|两根)?.{0,3}(刚买的|才买的|刚到|刚收到|才用|新买的)",
    r"是不是(坏了|有质量问题|质量有问题|过期了)",
)
# a third party's complaint, not the viewer's: "楼下会不会投诉", "邻居投诉"
NOT_COMPLAINT_PARTS = (r"(楼下|楼上|邻居|隔壁|物业|家里人)(会|要|来|都)?(不会)?投诉",)

DISPUTE_PARTS = (
    # money paid and nothing seen; charged what was promised free; returns failing again and again
    r"((钱|款)(都|也|早)?(已经)?(付|交|给|转)(了|过)?|(付|交|给)(了)?(钱|款))(了)?.{0,12}(没|不)(见|收到|看到)",
    r"(让|要|叫)我自己(付|出|掏|补|交)",
    r"(退|换)了(几|两|三|四|\d|好几)次|(退|换)(货|款)?(都|也|还)?没(成功|通过|退成|换成)|(就是)?不想(给我)?(退|换|赔|修)",
    r"(说|判|定|认定)(是|成|为)?人为(损坏)?|(保修|修|换).{0,8}凭什么|凭什么.{0,6}(保修|修)",
    r"发票.{0,6}(开错|不给开|开不了|没开|没给|不开)|(开错|开不了)(了)?.{0,4}发票",
)
# a promise kept only in words: "说好送凉席 一个都没收到", "直播间说的送补充袋 到手没有", "运费说好你们出 结果…"
PROMISE = re.compile(r"(说好|承诺|答应|讲好|保证|说了|直播间说|主播说)(的|了|过)?.{0,10}(送|赠|返|包|补|出|退|免|给)")
NOT_KEPT = re.compile(r"没(有)?(收到|给|送|发|到|见|看到)|不(给|送|认|算)|结果|却|到手没有|活动结束|一个都没|没有(了)?$")

HUMAN_PARTS = (
    r"私信(你|给你|主播|客服)?了|看(一下|看)?(我的)?私信|回(一下|复)?(我的)?私信",
    r"(打|拨)(个|一个)?电话给我|给我(打|回)(个|一个)?电话|电话(联系|沟通|打给)我|(语音|视频)(通话|聊|连线)",
    r"(让|叫|请|要|换|来)(个|一个)?(真人|活人|人工)|(真人|活人)(主播|客服)?(来)?(念|读|回答|看|帮)",
    r"(让|叫|请|找)(你们)?(的)?(场控|客服|运营|店长|老板|主播)(小哥|小姐姐|姐姐|哥哥|妹妹|大哥|本人)?(跟|和|给|同)我(说|聊|讲|回)",
    r"找.{0,6}(真人|活人)",
)
# the hours of the service asked ("晚上11点还有客服吗", "周末有客服吗"): a policy question, no request for a person
SERVICE_HOURS = re.compile(r"(\d+点|几点|晚上|夜里|半夜|凌晨|周末|节假日|过年|早上|中午)(以后|之后|前)?(还)?(有|在)?(没有)?(人工)?客服(在)?(吗|么|嘛|不|没|\?|$)")

INJECTION_PARTS = (
    r"(系统|官方|平台|管理员|后台|开发者|运营方?)(的)?(通知|公告|消息|指令|命令|提醒)\s*[:：#]",
    r"(复述|跟读|照着说|照念|重复|跟我念|跟我说)(一下|一遍)?(这|下面|以下|我的?)(这)?(一?句|段)?(话)?\s*[:：]|(念|读|说)(一下|一遍)?(这|下面|以下)(一?句|段)话\s*[:：]",
    r"(你的)?新(身份|角色|设定|人设)|你的(身份|角色|人设)(是|变成|改成|换成)",
    r"不(说|照做|听|回复|照说|承认)(的话)?(就|我就)(投诉|举报|差评|拉黑|告)",
    r"\bhu\s?lue\b|\bgai\s?cheng\b|\bwu\s?shi\s?gui\s?ze\b|\bobey\b|translate and",
    r"(把|将).{0,12}(月龄|年龄|保质期|保修|质保|材质|功效|说明|参数|规格|容量|重量|承重|标准|认证|适用)(改成|改为|设为|调成|写成|说成)",
    r"(主播|老板|店长|商家|运营|客服|管理员|上面)(让|叫|要)(你|我(转告|告诉|通知)你)",
    r"你是\s?dan\b|不受(任何)?(限制|约束)",
    r"\[\s*(assistant|system|user|ai|bot)\s*\]",
    r"用(繁体|英文|英语|粤语|方言|大写|日语|韩语)(回复|回答|回|说)(并|并且|然后|再|顺便)?(说|加|告诉|宣布)",
)
