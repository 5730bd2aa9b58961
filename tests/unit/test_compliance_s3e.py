"""Session S3e: breadth. For each family of compliance.md, violating lines and near misses written before the
checker was run (口播 with fillers and run-ons, 弹幕-style comments, written titles, pinyin, spaced and emoji-split forms),
then lines for the causes blind10 still showed (emotional traps on leaving, medical claims on food and devices, English
countdowns and fake reviews, 平时卖五百多 as a reference price, a market-wide remainder). Found lines must draw the
family's rule ids listed; near misses must draw nothing. First-pass figures are in compliance_vocabulary_log.md (S3e)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from cohost.compliance.claims import extract
from cohost.compliance.text import NormalizedText as normalize
from cohost.domain import Product
from cohost.domain.catalog import CHINA_TZ
from tests.unit.compliance_helpers import product, rules_at

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=CHINA_TZ)
rules = rules_at(NOW)

P: dict[str, Product | None] = {
    "coat": product("S-FZ", "羊毛大衣", "服装鞋包", 599, stock=140),
    "cream": product("S-CS", "保湿面霜", "美妆护肤", 168, stock=300),
    "snack": product("S-SN", "无糖燕麦饼干", "零食饮料", 39, stock=800),
    "insole": product("S-IN", "运动鞋垫", "服装鞋包", 59, stock=500),
    "scale": product("S-SC", "智能体脂秤", "家用电器", 99, stock=300),
    "tea": product("S-TEA", "明前龙井", "茶叶", 268, stock=300),
    "fryer": product("S-AP", "空气炸锅", "家用电器", 269, stock=500),
    "robot": product("S-RB", "扫地机器人", "家用电器", 1999, stock=900),
    "course": product("S-KC", "教资备考课", "课程/虚拟商品", 299, stock=9999),
    "none": None,
}

# (family, text, mode, product, rule ids that must be reported) — written before the checker was run
FOUND = [
    # absolute
    ('absolute', '家人们我跟你说这个锅啊，就是，怎么说呢，天花板级别的存在，同价位里没有谁能打得过它', 'live', 'fryer', {'AD-09-3'}),
    ('absolute', '这面料绝了，放眼整个行业都找不出第二件', 'live', 'coat', {'AD-09-3'}),
    ('absolute', '【断层第一】冬季羊毛大衣 全网销冠 巅峰之作', 'text', 'coat', {'AD-09-3'}),
    ('absolute', '这款面霜保湿力 d i 一 名，z u i 强没有之一', 'live', 'cream', {'AD-09-3'}),
    ('absolute', '最🔥好🔥用的空气炸锅，闭眼入', 'text', 'fryer', {'AD-09-3'}),
    ('absolute', '说句不夸张的，这就是目前市面上能买到的最顶的一款扫地机', 'live', 'robot', {'AD-09-3'}),
    ('absolute', 'YYDS！羊毛大衣里的king，谁穿谁知道，封神之作', 'text', 'coat', {'AD-09-3'}),
    # medical
    ('medical', '糖尿病的家人也能放心吃，不升糖的，吃完血糖稳稳的', 'live', 'snack', {'AD-17', 'SEC-FOOD-1'}),
    ('medical', '这饼干每天两片，一个月掉十斤没问题，还能刮油', 'live', 'snack', {'SEC-FOOD-1'}),
    ('medical', '这鞋垫能矫正足弓，扁平足的孩子垫上半年脚型就正过来了', 'live', 'insole', {'AD-17'}),
    ('medical', '医院同款 足弓支撑鞋垫 缓解足底筋膜炎', 'text', 'insole', {'AD-17', 'AD-04'}),
    ('medical', '脸上长痘痘、闭口的，用它三天就消下去了，还能消 yan', 'live', 'cream', {'AD-17', 'SEC-COS-2'}),
    ('medical', '这茶喝了降三gao，我邻居大爷血压都正常了', 'live', 'tea', {'AD-17', 'SEC-FOOD-1'}),
    ('medical', '这体脂秤测体脂准确率100%，跟医院体检的仪器一个水平', 'live', 'scale', {'AD-04'}),
    ('medical', '睡前来一杯，助眠安神，失眠的朋友福音', 'live', 'tea', {'AD-17', 'SEC-FOOD-1'}),
    # guarantee
    ('guarantee', '放心拍，穿不坏的，我敢打包票十年都不起球', 'live', 'coat', {'AD-04'}),
    ('guarantee', '这锅涂层终身不掉，掉了我直接赔你一台新的', 'live', 'fryer', {'AD-04'}),
    ('guarantee', '报我们的课，教资稳过，不过全额退，这都写进合同了', 'live', 'course', {'AD-24'}),
    ('guarantee', '零基础30天拿证 不过包退', 'text', 'course', {'AD-24'}),
    ('guarantee', '百分之一百不会过敏，敏感肌随便造', 'live', 'cream', {'AD-04'}),
    ('guarantee', '加盟咱们门店，一年回本，躺着赚钱，亏了算我的', 'live', 'none', {'AD-25'}),
    ('guarantee', 'bao 过！通过不了学费全退', 'live', 'course', {'AD-24'}),
    # urgency
    ('urgency', '还剩最后十件了啊宝子们，手慢无', 'live', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', '库存告急！！只剩个位数了', 'text', 'fryer', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', 'Last chance!! Only 5 left in stock, sale ends in 5 minutes', 'live', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', '全国就剩不到一百台了，厂家都停产了', 'live', 'robot', {'EU-UCP-A7', 'PRICE-ZJ', 'AD-11'}),
    ('urgency', '后台显示就剩二十几件了，拍完今年就没了', 'live', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', 'Hurry — this price disappears at midnight, never coming back', 'live', 'coat', {'PRICE-19', 'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', '倒计时三分钟，三分钟后链接直接下架，恢复三百九十九', 'live', 'fryer', {'PRICE-19', 'PRICE-ZJ', 'EU-UCP-A7'}),
    # refprice
    ('refprice', '平时卖五百多的，今天直播间两百六十九', 'live', 'fryer', {'PRICE-19', 'PRICE-16'}),
    ('refprice', '专柜价一千二，咱们这里只要五百九十九', 'live', 'coat', {'PRICE-19', 'PRICE-16'}),
    ('refprice', '吊牌价1299 直降700', 'text', 'coat', {'PRICE-19', 'PRICE-16'}),
    ('refprice', '外面都卖三四百，我们这里一百六十八', 'live', 'cream', {'PRICE-19', 'PRICE-16'}),
    ('refprice', 'Was $199, now just $59!', 'live', 'coat', {'PRICE-19', 'PRICE-16'}),
    ('refprice', '日常价399，今天砍到269', 'live', 'fryer', {'PRICE-19', 'PRICE-16'}),
    # metrics
    ('metrics', '这款上架三天卖了二十万单，仓库都发疯了', 'live', 'fryer', {'LSE-34', 'AD-04'}),
    ('metrics', '现在直播间十万人在线，大家都在抢', 'live', 'none', {'LSE-34', 'LSM-18', 'LSM-18(4)'}),
    ('metrics', '好评率99.8%，几乎零差评', 'text', 'cream', {'LSE-34', 'AD-04'}),
    ('metrics', '回购率高达80%，十个人里八个都会再买', 'live', 'cream', {'LSE-34', 'AD-04'}),
    ('metrics', '据权威机构检测，除螨率高达99.99%', 'live', 'robot', {'AD-11', 'AD-04'}),
    ('metrics', '某音同款爆款 月销10w+', 'text', 'coat', {'LSE-34', 'AD-04'}),
    ('metrics', '上一场光这一个链接就卖了五千多单', 'live', 'coat', {'LSE-34', 'AD-04'}),
    # testimonial
    ('testimonial', '我们家那口子天天喝这个茶，半年了，胃都养好了', 'live', 'tea', {'LSE-34', 'AD-38'}),
    ('testimonial', '主播我自己回家就是用这口锅，三年没换过', 'live', 'fryer', {'LSE-34', 'AD-38'}),
    ('testimonial', '上次有个宝妈私信说用完孩子湿疹全好了', 'live', 'cream', {'LSE-34', 'ECL-17', 'AD-17', 'SEC-COS-2'}),
    ('testimonial', '底下这些好评是我们员工帮忙写的，你们看看就好', 'live', 'cream', {'ECL-17'}),
    ('testimonial', 'Five-star reviews from real customers — we just asked our team to post a few to get it going', 'live', 'cream', {'ECL-17'}),
    ('testimonial', '我本人每天早晚各一次，用到现在皮肤状态超稳定', 'live', 'cream', {'LSE-34', 'AD-38'}),
    # disparagement
    ('disparagement', '某宝上那些九块九的都是三无产品，吃了拉肚子', 'live', 'snack', {'AD-13'}),
    ('disparagement', '别买XX家的锅，涂层一刮就掉，全是有毒的', 'live', 'fryer', {'AD-13'}),
    ('disparagement', '隔壁直播间卖的那个是高仿，便宜没好货', 'live', 'coat', {'AD-13'}),
    ('disparagement', '大牌那个面霜就是交智商税，成分还不如我们一半', 'live', 'cream', {'AD-13'}),
    ('disparagement', '有些主播卖的茶叶都是陈年老茶渣子染色的', 'live', 'tea', {'AD-13'}),
    ('disparagement', '其他品牌的扫地机都是垃圾，半年就坏', 'live', 'robot', {'AD-13'}),
    # superstition
    ('superstition', '这串手链戴上能挡煞，本命年必备', 'live', 'none', {'AD-09-8'}),
    ('superstition', '茶宠摆在办公桌，聚财又旺运', 'live', 'tea', {'AD-09-8'}),
    ('superstition', '大师开过光的，保佑你考试顺顺利利', 'live', 'none', {'AD-09-8'}),
    ('superstition', '穿红色大衣过年，转运一整年', 'live', 'coat', {'AD-09-8'}),
    ('superstition', '床头放一个，睡得安稳，小人退散', 'live', 'none', {'AD-09-8'}),
    ('superstition', '招 财 进 宝 貔貅摆件 催财旺铺', 'text', 'none', {'AD-09-8'}),
    # ai
    ('ai', '哈哈当然是真人呀，不信你看我眨眼', 'live', 'none', {'ANTH-1'}),
    ('ai', '我不是AI哦，我就是店里的小美', 'live', 'none', {'ANTH-1'}),
    ('ai', '把右下角那个AI生成的标关掉，看着像假人', 'text', 'none', {'LBL-10'}),
    ('ai', "I'm a real person, not a bot, I promise", 'live', 'none', {'ANTH-1'}),
    ('ai', '我跟你们一样也是普通消费者，也是下单自己买的', 'live', 'none', {'EU-UCP-A22', 'ANTH-1'}),
    ('ai', '数字人的水印调小一点，放到角落别让人看出来', 'text', 'none', {'LBL-10'}),
    # minors
    ('minors', '小朋友让妈妈帮你付款就好啦，密码问爸爸要', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('minors', '零花钱攒一攒就够了，小朋友们冲', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('minors', '初中生也可以拍，偷偷下单爸妈不会发现的', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('minors', '小学生们，回家跟爸妈闹，不给买就不吃饭', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('minors', '宝贝你几年级啦？三年级也可以自己下单的哦，用爸爸手机就行', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('minors', '未成年的小妹妹也可以化个妆，这款粉底最适合学生', 'live', 'cream', {'AD-40', 'ANTH-6'}),
    # discrimination
    ('discrimination', '胖子穿什么都丑，买这件遮遮肉', 'live', 'coat', {'AD-09-9'}),
    ('discrimination', '黑人穿这个颜色就显脏', 'live', 'coat', {'AD-09-9'}),
    ('discrimination', '女人嘛，脑子不如男的，这种电器越简单越好', 'live', 'fryer', {'AD-09-9'}),
    ('discrimination', '东北人素质低，别给他们发货', 'text', 'none', {'AD-09-9'}),
    ('discrimination', '老年人学不会的，这个课只适合年轻人，老了就别浪费钱', 'live', 'course', {'AD-09-9'}),
    ('discrimination', '残疾人也配穿这么好的大衣？', 'live', 'coat', {'AD-09-9'}),
    # manipulation
    ('manipulation', '退出直播间券就作废了哦，别走别走', 'live', 'none', {'ANTH-4', 'ANTH-3'}),
    ('manipulation', '宝宝们救救我吧，今天业绩不达标我要被开除了', 'live', 'none', {'ANTH-4'}),
    ('manipulation', '我就是您闺女，闺女卖的东西您还不放心吗', 'live', 'none', {'ANTH-7'}),
    ('manipulation', '你要是走了我会很难过的，陪我聊五分钟嘛', 'live', 'none', {'ANTH-4'}),
    ('manipulation', '不买就是不爱我，我哭给你看😭', 'live', 'none', {'ANTH-4'}),
    ('manipulation', '姐姐你不下单我今晚就不下播，一直等你', 'live', 'none', {'ANTH-4'}),
    # diversion
    ('diversion', '拍之前先加下V，V上价格更低', 'live', 'none', {'DATA-4'}),
    ('diversion', '评论区扣群，拉你进粉丝福利群，群里直接转账更便宜', 'live', 'none', {'DATA-4'}),
    ('diversion', 'q群：678123459 进群领红包', 'text', 'none', {'PII-QQ', 'DATA-4'}),
    ('diversion', '平台抽成太高了，咱们走微店下单', 'live', 'none', {'DATA-4'}),
    ('diversion', '私❤我发你淘口令', 'live', 'none', {'DATA-4'}),
    ('diversion', 'wei xin 搜 abc123kefu', 'comment', 'none', {'DATA-4'}),
    # privacy
    ('privacy', '恭喜138 1234 5678这位宝子中奖啦', 'live', 'none', {'PI-25', 'PII-MOB', 'AD-09-6'}),
    ('privacy', '张丽华姐姐，你住在杭州市拱墅区湖墅南路123号对吧，明天就到', 'live', 'none', {'PI-25', 'PII-ADDR', 'AD-09-6'}),
    ('privacy', '这位宝子把身份证号发出来，我帮你查一下订单', 'live', 'none', {'PI-25', 'AD-09-6'}),
    ('privacy', '我电话13912345678，加急发货', 'comment', 'none', {'PI-25', 'PII-MOB'}),
    ('privacy', '把昨天下单的客户手机号导出来，做个群发', 'text', 'none', {'AD-43'}),
    ('privacy', '后台能看到你的收货地址，你是住在上海浦东那个小区吧', 'live', 'none', {'PI-25', 'AD-09-6'}),
    # pricing
    ('pricing', '老顾客后台看得到，给老粉的价格调高二十', 'text', 'none', {'PI-24'}),
    ('pricing', '用苹果手机下单的价格会高一点', 'live', 'none', {'PI-24'}),
    ('pricing', '根据每个人的消费记录，看到的价格不一样', 'live', 'none', {'PI-24'}),
    ('pricing', '看谁平时买得多，就给谁少发点券', 'text', 'none', {'PI-24'}),
    ('pricing', '新人价29，老客户看到的是39，这个正常', 'live', 'none', {'PI-24'}),
    ('pricing', 'vip等级高的，价格就得给他们显示贵一点，他们不在乎', 'text', 'none', {'PI-24'}),
]

# the blind10 leftover causes, in other words than its cases
CAUSES = [
    ('manipulation', '你一退出，刚领的满减券就直接失效了哦', 'live', 'none', {'ANTH-4', 'ANTH-3'}),
    ('manipulation', '这个季度考核不达标我就要被平台换掉了', 'live', 'none', {'ANTH-4'}),
    ('manipulation', '叔叔，把我当您亲孙女，孙女推荐的您还不放心吗', 'live', 'none', {'ANTH-7'}),
    ('medical', '孩子的O型腿穿这双鞋半年就能变直了', 'live', 'insole', {'AD-17'}),
    ('medical', '电子血压计准确率百分之百，跟医院的设备一个水平', 'text', 'scale', {'AD-04'}),
    ('refprice', '药店里都卖三百多的，我们这只要九十九', 'live', 'scale', {'PRICE-19', 'PRICE-16'}),
    ('refprice', '商场起码卖到一千多，今天五百九十九', 'live', 'coat', {'PRICE-19', 'PRICE-16'}),
    ('urgency', 'Two more minutes to go on this offer!', 'live', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', '市面上只剩几百件了，厂里不做了', 'live', 'coat', {'AD-11'}),
    ('urgency', 'The price goes up once the stream ends', 'live', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('guarantee', '考不上的话学费全退，我们敢这么说', 'live', 'course', {'AD-24'}),
    ('superstition', '这串珠子戴上避避邪，霉运都跑了', 'live', 'none', {'AD-09-8'}),
    ('absolute', '市面上找不到比这更新鲜的茶了', 'live', 'tea', {'AD-09-3'}),
    ('testimonial', '这些买家秀都是同事帮忙拍了发的', 'live', 'coat', {'ECL-17'}),
    ('ai', 'AI标识透明度调低点，别让观众发现是数字人', 'text', 'none', {'LBL-10'}),
    ('diversion', '加个薇，价格私下给你更便宜', 'live', 'none', {'DATA-4'}),
    ('privacy', '验证码打在公屏上我帮你登录', 'live', 'none', {'PI-25', 'AD-09-6'}),
    ('pricing', '安卓用户的价格要给他们定高一点', 'text', 'none', {'PI-24'}),
    ('minors', '初二的同学也都能自己下单，不用问大人', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('discrimination', '农村人嘛，穿这个也是浪费衣服', 'live', 'coat', {'AD-09-9'}),
    ('guarantee', '这包怎么摔都摔不坏，用坏了算我的', 'live', 'none', {'AD-04'}),
    ('guarantee', '保证一丝划痕都没有，跟全新的一样', 'live', 'none', {'AD-04'}),
    ('guarantee', '我自己一次就考过了，跟着学准没错', 'live', 'course', {'AD-24'}),
    ('medical', '这个代糖放心吃，不会升高血糖', 'live', 'snack', {'AD-17', 'SEC-FOOD-1'}),
    ('medical', '控制住血压全靠它', 'live', 'tea', {'AD-17', 'SEC-FOOD-1'}),
    ('absolute', '今天全网zuidijia，冲', 'live', 'none', {'AD-09-3'}),
    ('metrics', '去开几十个假号进来刷刷热度，在线人数做上去', 'text', 'none', {'LSM-18', 'LSM-18(4)'}),
    ('authority', 'zf专供的茶叶，外面买不到', 'live', 'tea', {'AD-09-2'}),
    ('sector', '冲泡后营养比妈妈的奶还丰富', 'live', 'none', {'AD-20'}),
    ('urgency', 'Only a few minutes left on this price!', 'live', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
]

# a second round written after the fixes, before running the checker on it (19 of 26 found, 1 of 12 near misses
# flagged on that first run), then its causes fixed
ROUND2 = [
    ('absolute', '姐妹们这个粉底液我跟你讲，同类里面它就是天 花 板，别的都不用看了', 'live', 'cream', {'AD-09-3'}),
    ('absolute', '行业标杆级别的炸锅，谁用谁说好', 'text', 'fryer', {'AD-09-3'}),
    ('medical', '这茶对那个胃胀气啊特别管用，喝两天就不胀了', 'live', 'tea', {'AD-17', 'SEC-FOOD-1'}),
    ('medical', '鞋垫垫上以后膝盖疼都缓解了，走路不瘸了', 'live', 'insole', {'AD-17'}),
    ('medical', '血糖高的喝这个，比吃药还稳', 'live', 'snack', {'AD-17', 'SEC-FOOD-1'}),
    ('guarantee', '这锅我拍胸脯跟你们说，用十年不带坏的', 'live', 'fryer', {'AD-04'}),
    ('guarantee', '学不会我们一直教，教到你拿证为止，拿不到证全额退', 'text', 'course', {'AD-24'}),
    ('urgency', '最后五件！！！拍完下架', 'text', 'coat', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('urgency', 'Only 2 left, grab it now', 'live', 'fryer', {'PRICE-ZJ', 'EU-UCP-A7'}),
    ('refprice', '专柜要卖八百多，主播这给你们一个三百九十九', 'live', 'coat', {'PRICE-19', 'PRICE-16'}),
    ('metrics', '刚才那一波三分钟卖了一万件', 'live', 'coat', {'LSE-34', 'AD-04'}),
    ('metrics', '直播间两万人同时在抢', 'live', 'none', {'LSE-34', 'LSM-18', 'LSM-18(4)'}),
    ('testimonial', '我闺女用了半年了，脸上一颗痘都没长过', 'live', 'cream', {'LSE-34', 'AD-38'}),
    ('testimonial', '评论区那些五星是我让店员去刷的', 'text', 'cream', {'ECL-17'}),
    ('disparagement', '某多多上卖的那种便宜货，全是回收料做的', 'live', 'coat', {'AD-13'}),
    ('superstition', '这个手串开过光的哦，戴着保平安', 'live', 'none', {'AD-09-8'}),
    ('ai', '我是真人主播，不是什么AI', 'live', 'none', {'ANTH-1'}),
    ('ai', '把AI生成那几个字挪到角落，调小一点', 'text', 'none', {'LBL-10'}),
    ('minors', '初一的小妹妹也能自己下单，用妈妈手机就可以', 'live', 'none', {'AD-40', 'ANTH-6'}),
    ('discrimination', '你们胖子啊，穿什么都丑，就这件还能看', 'live', 'coat', {'AD-09-9'}),
    ('manipulation', '你走了我今天就白播了，陪我一会嘛', 'live', 'none', {'ANTH-4'}),
    ('manipulation', '现在离开直播间的话，抽奖资格就作废啦', 'live', 'none', {'ANTH-4', 'ANTH-3'}),
    ('diversion', '想要更便宜的加下微，私下给你们价', 'live', 'none', {'DATA-4'}),
    ('diversion', '下单走我们微店，比这里便宜二十', 'live', 'none', {'DATA-4'}),
    ('privacy', '李秀英姐姐，您留的手机号13912345678，我给您登记上了', 'live', 'none', {'PI-25', 'PII-MOB', 'AD-09-6'}),
    ('pricing', '新粉看到的价格要比老粉低，老粉的价格给他们调高点', 'text', 'none', {'PI-24'}),
]

# near misses: written with the lines above, then grown while probing each new pattern
NEAR = [
    ('absolute', '这个问题啊，最关键的是先看面料成分', 'live', 'coat'),
    ('absolute', '第一锅先别放太多，薯条铺一层就行', 'live', 'fryer'),
    ('absolute', '我们今年最大的目标就是把售后做好', 'live', 'none'),
    ('absolute', '这是店里卖得最好的一个颜色，驼色', 'live', 'coat'),
    ('medical', '无糖配方，用的是赤藓糖醇，控糖期间的朋友可以看看配料表', 'live', 'snack'),
    ('medical', '鞋垫有足弓支撑的设计，走久了脚没那么累', 'live', 'insole'),
    ('medical', '糖尿病人能不能吃请先问医生，我们不做建议', 'live', 'snack'),
    ('medical', '这体脂秤的数据仅供参考，不能用来诊断', 'live', 'scale'),
    ('guarantee', '质保一年，一年内非人为损坏免费换新', 'live', 'fryer'),
    ('guarantee', '课程不保证通过，但有答疑和模考', 'live', 'course'),
    ('guarantee', '过敏的话立刻停用，支持七天无理由', 'live', 'cream'),
    ('urgency', '库存还很充足，大家不用着急，慢慢挑', 'live', 'coat'),
    ('urgency', '现在下单48小时内发货', 'live', 'coat'),
    ('urgency', 'Plenty in stock, no rush — take your time', 'live', 'coat'),
    ('refprice', '到手价269，这个价格详情页可以看', 'live', 'fryer'),
    ('refprice', '满300减30，下单自动减', 'live', 'coat'),
    ('refprice', '价格是599，包邮', 'live', 'coat'),
    ('metrics', '已经卖了多少单你们可以点进商品页看看', 'live', 'coat'),
    ('metrics', '今天在线人数我不清楚，感谢大家来', 'live', 'none'),
    ('metrics', '这个链接的销量以页面显示为准', 'live', 'coat'),
    ('testimonial', '宝子们用完可以在评论区分享感受', 'live', 'cream'),
    ('testimonial', '我是AI主播，没法自己用，给大家读一下成分', 'live', 'cream'),
    ('testimonial', '买家秀在详情页，可以自己去看', 'live', 'coat'),
    ('disparagement', '每个品牌都有自己的特点，适合自己就好', 'live', 'cream'),
    ('disparagement', '跟我们之前的老款比，这款电池大了一倍', 'live', 'robot'),
    ('disparagement', '市面上同类的我没都用过，不好评价', 'live', 'fryer'),
    ('superstition', '这是招财猫造型的冰箱贴，纯装饰', 'live', 'none'),
    ('superstition', '过年穿红色喜庆，图个好彩头', 'live', 'coat'),
    ('superstition', '风水这个我不懂，我们只卖茶', 'live', 'tea'),
    ('ai', '我是AI主播小美，有问题随时问我', 'live', 'none'),
    ('ai', '右下角的AI生成标识一直保留', 'text', 'none'),
    ('ai', '真人客服在工作时间在线，可以私信', 'live', 'none'),
    ('minors', '未成年人请在监护人陪同下观看', 'live', 'none'),
    ('minors', '给孩子买的家长可以看看这款', 'live', 'none'),
    ('minors', '本直播间不向未成年人销售', 'live', 'none'),
    ('discrimination', '微胖的宝子可以选大一码', 'live', 'coat'),
    ('discrimination', '女生男生都能用，操作很简单', 'live', 'fryer'),
    ('discrimination', '老年人用的话建议开大字版', 'live', 'course'),
    ('manipulation', '有事先去忙，回放也能看', 'live', 'none'),
    ('manipulation', '谢谢大家陪伴，我们明晚八点见', 'live', 'none'),
    ('manipulation', '券在直播结束后仍可以在卡包里使用', 'live', 'none'),
    ('diversion', '有问题点击小黄车里的客服', 'live', 'none'),
    ('diversion', '下单请在直播间链接里拍，别私下转账', 'live', 'none'),
    ('diversion', '关注一下店铺，开播有提醒', 'live', 'none'),
    ('privacy', '中奖的宝子请私信客服，不要在公屏发手机号', 'live', 'none'),
    ('privacy', '订单号20241118000123456查一下物流', 'comment', 'none'),
    ('privacy', '地址填错的私信客服修改', 'live', 'none'),
    ('pricing', '新人首单立减5元，所有新用户都一样', 'live', 'none'),
    ('pricing', '会员价所有会员都一样，88折', 'live', 'none'),
    ('pricing', '价格所有人都一样，不看手机型号', 'live', 'none'),
    ('manipulation', '救救我的选择困难症，到底选哪个色', 'live', 'none'),
    ('manipulation', '领完券再走也不迟，券七天内有效', 'live', 'none'),
    ('diversion', 'v领价格更低的意思是会员价', 'live', 'none'),
    ('diversion', '私信我发你尺码表', 'live', 'none'),
    ('diversion', '加个购物车先，等会一起付', 'live', 'none'),
    ('guarantee', '医院同款面料的护士服，耐洗', 'live', 'coat'),
    ('guarantee', '运输途中坏了我们包赔运费', 'live', 'fryer'),
    ('guarantee', '终身保修，人为损坏除外', 'live', 'fryer'),
    ('absolute', '平时卖得最好的是黑色款', 'live', 'coat'),
    ('absolute', '没有比这更新的版本了吗', 'live', 'none'),
    ('urgency', 'The sale ends at midnight on Nov 30 as shown on the page', 'live', 'none'),
    ('urgency', '全国一共有三百家门店，都能自提', 'live', 'none'),
    ('refprice', '以前卖过这款的朋友都知道', 'live', 'coat'),
    ('refprice', '外面在下雨，大家注意安全', 'live', 'none'),
    ('price', 'never again will you have to iron a shirt', 'live', 'none'),
    ('superstition', '防灾减灾知识要记牢', 'live', 'none'),
    ('superstition', '避风挡雨的好外套', 'live', 'coat'),
    ('superstition', '本命年穿红色的袜子图个喜庆', 'live', 'none'),
    ('disparagement', '有些主播讲得挺好的，各有各的风格', 'live', 'none'),
    ('testimonial', '好评都是真实买家写的，可以点进去看', 'live', 'coat'),
    ('testimonial', '我每天都会在直播间给大家讲成分', 'live', 'cream'),
    ('minors', '跟爸妈商量一下再决定', 'live', 'none'),
    ('minors', '苹果手机也能用这个充电器', 'live', 'none'),
    ('discrimination', '胖子也能穿，版型显瘦', 'live', 'coat'),
    ('discrimination', '残疾人也能用，无障碍设计', 'live', 'none'),
    ('privacy', '后台看到你的订单了，马上发', 'live', 'none'),
    ('privacy', '你住在上海的话次日达', 'live', 'none'),
    ('pricing', '看谁手速快就给谁发券', 'live', 'none'),
    ('pricing', '老粉们价格都一样', 'live', 'none'),
    ('medical', '这双鞋足弓支撑做得好，走一天脚不累', 'live', 'insole'),
    ('guarantee', '怎么穿都好看，百搭', 'live', 'coat'),
    ('metrics', '扫地机器人放在客厅就行', 'live', 'robot'),
    ('guarantee', '空调温度调高两度更省电', 'live', 'none'),
    ('absolute', '全网同步上新', 'live', 'none'),
    ('urgency', "I'll be back in five minutes with the next item", 'live', 'none'),
    ('absolute', '这个型号是我们店里最新的一款', 'live', 'fryer'),
    ('medical', '胀气的话建议去医院看看，我们这是普通茶叶', 'live', 'tea'),
    ('guarantee', '质保期内坏了免费换新，质保期外收维修费', 'live', 'fryer'),
    ('urgency', '库存还有好几百件，不着急', 'live', 'coat'),
    ('refprice', '这个价格是店铺统一价', 'live', 'coat'),
    ('testimonial', '评论区的五星都是真实买家留的，可以点开看', 'live', 'cream'),
    ('ai', '我是AI数字人主播，由真人团队审核', 'live', 'none'),
    ('minors', '给孩子买的家长请注意尺码', 'live', 'none'),
    ('manipulation', '离开直播间也能在店铺里找到这款', 'live', 'none'),
    ('diversion', '下单请在直播间小黄车里拍', 'live', 'none'),
    ('pricing', '新粉老粉都是同一个价', 'live', 'none'),
    ('disparagement', '别家的我没用过，不好说', 'live', 'none'),
]


@pytest.mark.parametrize(("family", "text", "mode", "key", "expected"), FOUND + CAUSES + ROUND2)
def test_found(family: str, text: str, mode: str, key: str, expected: set[str]) -> None:
    got = rules(text, P[key], mode=mode)
    assert expected <= got, f"{family}: {text}: missing {sorted(expected - got)}, got {sorted(got)}"


@pytest.mark.parametrize(("family", "text", "mode", "key"), NEAR)
def test_near_miss_clean(family: str, text: str, mode: str, key: str) -> None:
    assert not rules(text, P[key], mode=mode), family


def test_vague_remainder_is_read_at_its_widest() -> None:
    """二十几件 means at most 29: true when 25 are in stock, a fake scarcity when 140 are."""
    few = product("S-FZ3", "羊毛大衣", "服装鞋包", 599, stock=25)
    assert "PRICE-ZJ" not in rules("就剩二十几件了", few)
    assert "PRICE-ZJ" in rules("就剩二十几件了", P["coat"])
    counts = [c.value for c in extract(normalize("只剩一百多台了")) if c.kind == "stock"]
    assert counts == [Decimal(199)]


def test_market_remainder_needs_a_source_and_is_still_checked_against_stock() -> None:
    got = rules("这种相机全国就剩不到一百台了", P["robot"])
    assert {"AD-11", "AD-04", "PRICE-ZJ"} <= got


def test_price_elsewhere_said_with_sell_is_a_reference_price() -> None:
    refs = [c.value for c in extract(normalize("外面都卖三四百，我们这里一百六十八")) if c.kind == "reference_price"]
    assert refs == [Decimal(300)]
    assert {"PRICE-16", "LSE-32"} <= rules("平时卖五百多的，今天二百六十九", P["fryer"])
    assert not [c for c in extract(normalize("以前卖过这款的朋友都知道")) if c.kind == "reference_price"]


def test_customer_numbers_taken_for_marketing() -> None:
    assert {"AD-43", "PI-13/14"} <= rules("把下过单的客户电话整理出来，挨个打推销电话", mode="text")
