"""The wordings each kind of claim is recognised by: compiled patterns and word lists, read by
:func:`cohost.compliance.claims.extract`.

Constraints:

- Patterns run on the normalised text (see :mod:`cohost.compliance.text`).
- Money: 元 inside a word (一元硬币) and 块 as a classifier (一块肥皂) are not money.
- Every pattern gated in ``_NEEDS`` lists substrings without which it cannot match; a pattern whose
  wording changes must keep its entry true, or lines it should match are skipped.
"""

from __future__ import annotations

import re

from cohost.compliance.numbers import NUMBER

N = NUMBER
_CUT = r"[^,。!?;\n|]"
_QTY_UNITS = "件|瓶|盒|罐|袋|包|支|套|双|条|个|份|箱|只|台|张|组|片|单|斤|副|根|颗|粒|卷|枚|提|桶|顶|饼|床"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# 元 inside a noun (一元硬币, 元素, 元旦) and 块 as a classifier (一块肥皂, 两块饼干, 一块儿) are not money: 块 is money
# only before a number (59块9), punctuation, the end, or a word that goes on about the price.
_NOT_YUAN = r"硬币|钢镚|钱币|纸币|素|旦|宵|件|老|帅|首|月|朝|次方|宝|气"
# a measure after the figure that follows 元 (59.9元5公斤): that figure is the pack size, not 角
_MEASURE = r"公斤|千克|kg|克|g|斤|升|l|ml|毫升|两|米|cm|厘米"
_BLOCK_OK = (r"$|[\d一二三四五六七八九两十,。!?;、~\s)\]」”\"'/]|钱|左右|多|包邮|到手|就|吧|啦|呀|哦|哈|嘛|了|的|都|也|还|而已|起"
             r"|拿下|带走|入手|买|拍|每|能|可以|即可|搞定|秒杀|抢|下单|呢|噢|喔|哟|啊|米|不到|以内|以下|出头|封顶|一[件个瓶盒支袋包套只双条份罐箱片]")
# Three patterns, each starting with a character class or literal words so the regex engine skips to
# the few places they can start; their matches are merged left to right like one alternation.
_MONEY = (
    _c(rf"[¥$]\s*(?P<a>{N})"),
    _c(rf"(?P<b>{N})\s*(?:元(?!{_NOT_YUAN})|块钱|块(?={_BLOCK_OK})|rmb)"
       rf"(?P<j>[一二三四五六七八九\d](?![\d万千百十元块.]|{_QTY_UNITS}|{_MEASURE}|[个斤毛角]))?"),
    _c(rf"(?:到手价?|只要|只需|仅需|仅要|现价|售价|直播价|活动价|秒杀价|专场价|专享价|限时价|抢购价|宠粉价|特价|券后价?|折后价?|优惠价|一口价|福利价"
            rf"|团购价|价格是|价钱是|价格|到手只要|原价|划线价|日常价|专柜价|市场价|吊牌价|零售价|官方价|官网价|门店价"
            rf"|建议零售价|指导价|平时卖|以前卖|之前卖|平时要|日常要)\s*[:是为]?\s*(?:(?:都|也)?(?:至少|起码|最少|少说|差不多|大概))?(?P<c>{N})(?:块(?P<cj>[一二三四五六七八九\d])(?![\d万千百十元块.]))?(?![\d.%万千ｗw]|\s*(?:{_QTY_UNITS}|ml|g|kg|mah|w|折|%))"
            # a numeral inside a word is not a figure (价格一样, 价格一致, 价格一般, 价格一直)
            r"(?!(?<=[一两])[样致般直定些下律起点])"),
)
# a bare figure the viewer pays to take it home (今天298就能到手, 199带走): the price, though no 元 is said
_MONEY_BARE = _c(r"(?<![\d.第前满减省送差超过])(?P<d>\d{2,6}(?:\.\d{1,2})?)(?![\d.%])\s*(?:就能|就可以|就|即可|便能|能)?(?:到手|带走|拿下|抱回家|入手)")
# a bare figure closing the clause right after the live room (项链今天直播间159, 直播间到手价就这个数): the room's price
_MONEY_ROOM = _c(r"(?:今天|今晚|现在|这会儿)?(?:直播间|直播间里|直播间价)(?:只要|只需|仅需|就|才|价)?(?P<d>\d{2,6}(?:\.\d{1,2})?)(?=$|[,。!?;~\s]|哦|啦|呀|了|吧)")
_PRICE_WORD = _c(r"(?:到手价?|到手只要|券后价?|折后价?|只要|只需|仅需|仅要|现价|售价|直播价|活动价|秒杀价|专场价|专享价|限时价|抢购价|宠粉价|特价|优惠价|一口价|福利价|团购价)"
                 r"\s*[:是为]?\s*[\d一二两三四五六七八九十百千]")
_REF_CUE = _c(r"(?:原价|定价|划线价|日常价|专柜价|市场价|零售价|吊牌价|官方价|官网价|门店价|建议零售价|指导价|平时|平常|以前|之前"
              r"|往常|外面|别家|线下|专柜|商场|超市|日常|原来)[^,。!?]{0,4}$"
              # 平时在我们店里卖79块: the place between the time word and 卖 (a shop, a counter) keeps it a reference
              r"|(?:平时|平常|以前|之前|往常|日常)[^,。!?\d]{0,6}?(?:卖|售|标价|要价)(?:到|要)?$")
# English reference prices (the list price is ¥699, was ¥499, RRP ¥299)
_REF_CUE_EN = _c(r"(?:list price|original price|regular price|retail price|rrp|\bwas|usually|normally)(?:\s+(?:is|of|at))?\s*[¥$]?\s*$")
_PROMO_CUE = _c(r"(?:立减|直降|减|优惠|省|便宜|返|券|红包|补贴|抵|满|差价|多花|降|少|加|再减|领)[^,。!?]{0,2}$")
_GIFT_CUE = _c(r"价值[^,。!?]{0,2}$")
_SKIP_CUE = _c(r"(?:每天|一天|每片|每袋|每包|每支|每瓶|每次|平均|合|单价|一[克斤两片袋包条盒瓶支件个次杯粒颗只双]|均价|折合|运费|邮费|快递费|算下来|相当于|"
               r"不到|低于|高于|以上|以下|超过|起步|相差|差(?!价)|"  # 差二十块: the gap between two prices
               # a running cost over time (一年大概多花80块, 每个月也就花20块): what upkeep costs, not an offer or the price
               r"(?:一年|每年|一个月|每个月|每月|每周|一周|半年|一季度?)(?:下来)?(?:大概|大约|也就|差不多|总共|一共)?(?:多花|要花|得花|花费|花))"
               r"[^,。!?]{0,2}$")
_QTY_BEFORE = _c(rf"(?P<q>{N})\s*(?:{_QTY_UNITS}){_CUT}{{0,4}}$")
_DISCOUNT = _c(rf"(?:打)?(?P<n>{N})折|(?P<half>半价)")
# 送 + a person is giving the product away as a present (送长辈, 送女朋友, 送人), not a gift with the order
_RECIPIENTS = (r"长辈|老人|父母|爸妈|爸爸|妈妈|老爸|老妈|公婆|岳父|岳母|爷爷|奶奶|外公|外婆|姥姥|姥爷|男朋友|女朋友|男友|女友|"
               r"对象|老公|老婆|爱人|闺蜜|朋友|同事|领导|老师|客户|孩子|小孩|亲戚|亲友|家人|人(?![手气])|礼|谁|哪位|任何人")
_GIFT = _c(rf"买(?P<x>{N})(?:{_QTY_UNITS})?送(?P<y>{N})"
           rf"|(?:(?:下单|拍下?|购买|买|加购|现在拍|现在下单|付款){_CUT}{{0,8}}?|(?<![^,。!?;\s]))(?:就|即|再|还|额外|加|都)?"
           rf"(?:加赠|另赠|赠送|再送|赠|送)(?![到货达出回去]|品(?!鉴)|{_RECIPIENTS})(?P<g>{_CUT}{{1,14}})")
# a reduction said without its currency (满300减40, 最高减50, 立减30): an amount the listing's promotions must bear out (S3f)
# a threshold in money or in items (满300减40, 满两件减20, 满2饼减40) and a coupon's cut (券能减50) are reductions too
_REDUCTION = _c(rf"(?:满\s*(?P<t>{N})\s*(?:元|块|件|饼|盒|瓶|袋|罐|箱|份|套|支|包)?\s*(?:立减|再减|减)|(?:最高|最多)(?:可|能)?(?:立减|减|抵|优惠)"
                rf"|(?<![满直])(?:立减|直降)|(?<=券)(?:能|可以|可|就能|直接)?(?:立减|减|抵))"
                rf"\s*(?P<n>{N})\s*(?:元|块钱?)?(?![\d.%折件单次倍])")
_FIRST_N = _c(rf"(?<![目之以提当面跟眼从先日事饭睡生空])前(?P<n>{N})(?:名|位|单|个)(?!次)")
_GIFT_VALUE = _c(rf"价值\s*(?P<n>{N})\s*(?:多|来)?\s*(?:元|块|(?=$|[,。!?;~]|的|呢|哦|啊|呀|左右))")
_STOCK_COUNT = _c(rf"(?:仅剩|只剩|还剩|就剩|剩下|剩|(?<![页册栏])(?<!图片)最后|库存只有|库存仅|库存就|只有|仅有|限量|只备了|就备了|(?:只|就|仅)(?:放|上|开)了?)(?:最后)?\s*"
                  rf"(?P<n>{N})(?P<approx>几|多|来)?\s*(?:{_QTY_UNITS})(?!链接|环节|(?<=个)品|问题|步|款式|颜色|福利|话题|宝宝|朋友|家人|多?小时|多?钟头|多?分钟|多?天|多?月|多?星期|多?礼拜|上架|出场|登场|要讲|介绍|是[^,。!?;]{0,3}?(?:号|链接|款))")
# "还有两件" said as what is left (S码还有两件, 黑色还有3件了): only when the count closes the clause, so 还有两件事 and
# 还有3个颜色 stay ordinary speech
_STOCK_HAVE = _c(rf"(?:还有|只有|就有|仅有)(?:最后)?\s*(?P<n>{N})\s*(?:件|个|套|双|条|份|盒|瓶|单|台|支|罐|只|箱|部)(?:了|啦|哦|喔|呀|库存|现货)?(?=$|[,。!?;~\s])")
# the remainder pointed at or bounded (就这二十盒, 就剩这三十来盒, 剩不到一百台, 全国就剩不到两百台): a count of what is
# left, checked against stock like 只剩20盒; a pack's own content (一盒就这二十包) is not a remainder
_STOCK_THIS = _c(rf"(?<!一[盒袋箱包瓶罐套提])(?:(?:就|只|仅|还)(?:剩下?)?这(?:么)?|(?:就|只|仅|还)?剩(?:下)?不到)(?:最后)?\s*"
                 rf"(?P<n>{N})\s*(?:来|多)?\s*(?:{_QTY_UNITS})(?!链接|环节|问题|步|款式|颜色|福利|话题|小时|分钟|天)"
                 r"(?![\u4e00-\u9fff](?<![了啦哦喔呀啊哈嘛呢吧库现货在的卖拍抢没给送都就可够]))")
# a one-of-a-kind piece (全国仅此一只, 孤品): a stock count of one, checked like 仅剩1件
_STOCK_ONE = _c(r"(?:仅此|只此)一(?:只|件|个|条|块|枚|对|套|台)|(?:全国|全网|全世界|全球|世上|天下)(?:就|只有|仅有)?这?一(?:只|件|条|块|枚|对|套|台)|孤品")
_STOCK_LOW = _c(r"(?<!差)不多了|所剩无几|库存告急|库存紧张|快没了|快抢光了|快卖光了|马上售罄|即将售罄|要断货了|快断货|手慢无|"
                r"随时下架|最后几件|最后一批|最后一波库存|数量有限|库存有限|限量|(?:只|就|仅)?剩(?:下)?(?:个位数|没几|不到十)|个位数了|"
                r"库存见底|见底了|库存不多|库存没多少|货不多了|马上抢光|马上卖完|快卖完了|快售罄|即将断货|仅剩少量|最后一点库存|"
                # a vague remainder (只剩最后几双, 没剩几件) and sizes running out (快断码了, 码数快断完了, 码不全了)
                r"(?:只|就|仅)剩(?:下)?(?:最后)?(?:几|没几|最后几)[件个双套条份盒瓶单台只箱]|没剩几[件个双套条份盒瓶单台只]|"
                r"快断码|断码了|快断完了|码数不全|码不全了|快没码了|尺码快没了|码数快没了|快卖断了")
# 已售罄 said of an earlier batch (第一批到货已售罄, 上一批早就卖完了): history, not the stock on sale now
_PAST_BATCH = _c(r"(?:第[一二两三四1-4]|上一?|首|前[一两几]|头)批|上次(?:到的|那批|的货)|之前(?:那|的)批")
_STOCK_OUT = _c(r"已售罄|售罄了|卖完了|没货了|断货了|抢光了|秒光了|卖光了|已经售罄|已抢完")
_STOCK_IN = _c(r"有现货|现货|库存充足|不限量|管够|随便拍|大量现货|货很多|库存很多|有货")
_SOON_FILL = r"(?:一到|一过|过后|之后|以后)?(?:就|便|会|要|马上|立刻|准时|都|就会|就要|就得|会被)?(?:要|会)?"
_WINDOW = (
    ("generic", _c(r"限时(?:优惠|特价|秒杀|折扣|抢购|福利|活动|价|特惠|专享|直降|折)?|仅此一次|错过就没(?:有)?了|再不抢就没了|"
                   r"下次就没(?:有)?了|过时不候|最后(?:的)?机会|最后一次(?:机会|福利|活动)|机不可失")),
    ("today", _c(r"(?:今天|今晚|今日|当天|本场)(?:晚上)?(?:\d{1,2}点|[零一二两三四五六七八九十]{1,3}点)?(?:整|前)?"
                 rf"{_SOON_FILL}(?:截止|结束|为止|下架|恢复原价|恢复|涨价|就没了|就没有了|最后一天)")),
    # 今晚最后一个链接 / 今天最后一款 is the running order of the show (its last item), not a deadline; 今晚最后一单,
    # 最后一个小时, 最后一个名额 stay claims
    ("today", _c(r"最后一天|仅限今天|仅限今晚|仅限今日|只有今天|只有今晚|就今天|就今晚|只限今天|"
                 r"(?:今天|今晚)最后(?!(?:要|再)?(?:上|讲|介绍|播|说|聊)|一?(?:个|款|样|位|道|项|首|件产品|个产品)(?!单|批|波|次|天|小时|钟头|名额|机会|库存|件|套|份))")),
    ("minutes", _c(rf"(?:还有|还剩|仅剩|只剩|最后|倒计时|剩下|剩)(?:最后)?\s*(?P<n>{N})\s*(?P<u>分钟|分|秒钟|秒|个小时|小时)"
                   rf"(?:零?(?P<m2>{N})\s*分钟?)?")),  # 还有一个小时二十分钟: the minutes after the hour count too
    ("hour", _c(r"(?:(?P<h>\d{1,2}|[零一二两三四五六七八九十]{1,3})点(?:整|半|准时)?|(?<=今晚|今天|今日|晚上|当晚|本场)\s?(?P<hc>[01]?\d|2[0-3]):[0-5]\d(?![\d:]))(?:前)?(?:准时)?"
                rf"{_SOON_FILL}(?:截止|结束|下架|恢复原价|恢复|涨价|停止|没了|没有了|不送了|停送|取消)")),
    # a gift or offer that runs "until" a time (赠品只送到今晚十点, 优惠到12点)
    ("hour", _c(r"(?:(?:只|仅|就)(?:送|赠|优惠|特价)(?:到|至)(?:今晚|今天|晚上|今日)?|(?:送|赠|优惠|特价)(?:到|至)(?:今晚|今天|今日))"
                r"(?P<h>\d{1,2}|[零一二两三四五六七八九十]{1,3})点")),
    ("soon", _c(r"(?:马上|即将|立刻|很快|随时)(?:就)?(?:要|会)?(?:结束|截止|下架|恢复原价|涨价|恢复|没了|停止|涨回去|涨回来|调价|改价)")),
    # the stream's end as a deadline (下播就恢复原价, 下播后涨价, 关播就没了)
    ("today", _c(r"(?:下播|关播|播完|直播结束)(?:之后|以后|后)?(?:就|马上|立刻)?(?:要|会)?(?:恢复原价|恢复|涨价|涨回去|下架|没了|没有了|没这个价|不是这个价)")),
    ("today", _c(r"(?:过了|错过)(?:今天|今晚|今日|这场|本场|这次|这波)[^,。!?]{0,4}(?:就)?(?:没有|恢复|涨|不是|再等)")),
    ("today", _c(r"明天(?:一早|早上|一早上|一开门)?(?:就)?(?:恢复原价|涨价|没有这个价|不是这个价|恢复)")),
)
_WINDOW_EN = (
    ("minutes", _c(r"ends? in (?P<n>\d+) ?(?P<u>minutes?|mins?|hours?|seconds?|secs?)")),
    ("today", _c(r"today only|ends (?:tonight|today)|last day|only today|tonight only")),
    ("generic", _c(r"limited[- ]time")),
    # a countdown in words or left on the deal (five minutes left on this deal, two more minutes to go), and a deadline
    # at midnight or the stream's end (this price disappears at midnight, gone when the live ends)
    ("minutes", _c(r"(?<![\w-])(?P<n>\d+|one|two|three|four|five|ten|fifteen|twenty|thirty) (?:more )?(?P<u>minutes?|mins?|seconds?|secs?"
                   r"|hours?) (?:left|to go|remaining)\b")),
    ("soon", _c(r"\b(?:a )?few (?:more )?(?:minutes?|mins?) (?:left|to go|remaining)\b|(?<![a-z0-9] )(?:minutes?|mins?|seconds?) left (?:on|for) (?:this|the)"
                r" (?:deal|offer|price|sale)")),
    ("today", _c(r"(?:disappears?|ends?|expires?|gone|goes away|over|goes up|changes?) (?:at|by|after) (?:midnight|tonight|the end of"
                 r" (?:the|this|our) (?:stream|live|show|broadcast))(?! on\b)|(?:once|when|after) (?:the|this) (?:stream|live|show) ends")),
)
_STOCK_EN = _c(r"(?:only|just) (?P<n>\d+) (?:[a-z]+ )?left|(?P<m>\d+) left in stock|last (?P<k>\d+) (?:items|pieces|units|pairs|sets|boxes)")
_RANKING = _c(rf"(?:销量|排名|排行|榜单?|类目|品类|热销榜|新品榜|好评榜|人气榜){_CUT}{{0,6}}?"
              rf"(?:第(?P<n>{N})名?|top\s?(?P<t>\d+)|no\.?\s?(?P<o>\d+)|冠军|榜首|前(?P<f>{N})名?)"
              rf"|第(?P<m>{N})名(?!下单|拍|付款|进来|抢到|的宝宝|的朋友|的家人)|销冠|销量冠军|榜首")
_AWARD = _c(rf"(?:荣获|获得|斩获|摘得|拿下|拿过|拿了|拿到|得过|得了|赢得|夺得|捧回|获评|入选|入围|荣膺|获过){_CUT}{{0,16}}?(?:(?<!抽)奖(?![励品池券])|称号|荣誉)"
            rf"|{_CUT}{{0,10}}?(?:金奖|银奖|铜奖|大奖|一等奖|特等奖|优秀奖|推荐奖|设计奖|创新奖|红点奖|if奖)")
_TEST = _c(rf"(?:经过?|通过了?|已通过|经第三方|第三方){_CUT}{{0,12}}?(?:检测|测试|测定|检验|认证|实验|试验|质检)"
           r"|(?:检测|检验|测试|实验|临床|测评)(?:报告|结果|数据)?(?:显示|证明|表明|证实)"
           r"|(?:sgs|ccc|cma|cnas|fda)(?:认证|检测|报告)?|人体法测定|人体功效测试|功效测试"
           # a measured rate is a test result (刺激率为零, 过敏率0%, 有效率95%)
           r"|(?:刺激率|过敏率|致敏率|不良反应率|有效率|治愈率|见效率|合格率|抑菌率|除菌率|杀菌率|除螨率|去污率)(?:为|是|仅|只有|低至|高达|达|达到)?\s*(?:零|百分之[零一二三四五六七八九十百点]*|\d+(?:\.\d+)?%?)"
           r"|实验室(?:测试|检测|验证|数据|实测)"
           # a study or a lab named as the proof (经过哈佛大学研究验证, 中科院研究过的, 实验室测过)
           r"|研究(?:验证|证明|表明|发现|证实)|(?:大学|研究院|研究所|科学院|中科院|实验室)(?:里)?(?:专门)?(?:研究过|测过|验证过|检测过|测试过|实测过|证实过?)")
_SALES = (
    _c(rf"(?:销量|已售(?!罄)|卖了|卖出|售出|月销|年销|累计销售|累计卖出|热卖|狂卖|爆卖|销售){_CUT}{{0,4}}?"
       rf"(?:超过|突破|破|达|过|了|超)?\s*(?<!第)(?P<n>{N})\s*\+?(?:多)?(?:万)?(?:{_QTY_UNITS})?"),
    # the buyers named by what they do (跑者, 使用者, 车主, 铲屎官, 茶友): a head count of buyers all the same
    _c(rf"(?P<n>{N})\s*(?:多|\+)?(?:万)?(?:个|位|名)?(?:人|宝宝|姐妹|家人|用户|顾客|粉丝|消费者|宝妈|家庭|"
       r"[\u4e00-\u9fff]{1,2}者|玩家|车主|铲屎官|猫奴|宝爸|家长|学员|女生|男生|妈妈|爸爸|老铁|网友|客户|会员|[\u4e00-\u9fff]友)(?:都)?"
       r"(?:买了|买过|在用|回购|选择|下单过|好评|推荐|种草|复购|的共同选择|的选择|的信赖|共同选择|信赖|认可|入手|拍了|囤了|下单了|在穿|在吃|用上了)"),
    _c(rf"(?:好评率|满意度|复购率|回购率|好评度|回头率)(?:高达|达到|达|超过|是|都|也|特别|非常|超级)?\s*(?:(?P<n>{N})\s*%?|"
       r"(?:超)?高|很高|极高|爆表|惊人|逆天|满分|第一|百分百|拉满)"),
    _c(rf"每(?P<n>{N})?\s*(?:秒|分钟)(?:就)?(?:卖出|售出|卖掉|卖)"),
    _c(rf"(?P<n>{N})\s*万?\+?条?好评|好评[^,。!?]{{0,4}}?(?:超过|突破|破|达|有)\s*(?P<m>{N})\s*万?\+?条?"),
    # sold out again and again (卖断货好几次, 一上架就秒光, 补货了好几次): a sales claim without a figure
    _c(r"卖断货|断货(?:了)?(?:好几|几|多|无数|n)次|一直断货|一上架就(?:断货|卖光|抢光|秒光|售罄|没了)|上架即(?:售罄|秒光|断货)|"
       r"补货(?:了)?(?:好几|几|多|无数|n)次|(?:回头客|老客户?)(?:特别|非常|超级)?多"),
    # a crowd said without a count (万人抢购, 全民疯抢, 几十万人都在买, 成千上万的人回购)
    _c(r"(?:万人|千人|百万人|十万人|几十万人|几百万人|几万人|上万人|数万人|数十万人|成千上万(?:的)?人|全民|全网都|所有人都)"
       r"(?:都|都在|在|正在)?(?:疯抢|抢购|抢疯了|抢|在买|买了|买过|购买|在用|用过|回购|复购|选择|好评|种草|推荐|追捧|排队)"),
)
_AUDIENCE = (
    # 十万加宝宝都在看, 10w+人在线: 加 and w are the shorthand's plus and ten-thousand
    ("online", _c(rf"(?P<n>{N})\s*(?:多|\+|加)?(?P<w>w|万)?\s*(?:多|\+|加)?(?:个)?(?:人|位|宝宝|家人|姐妹)(?:同时|都|也|正|一起)?(?:在线|在看|在抢|在拍|正在抢|正在看|在直播间|围观)")),
    # a threshold instead of a count (在线人数破万, 观看人数突破十万): the threshold is the figure claimed
    ("online", _c(rf"(?:在线人数|在线|观看人数|直播间人数|同时在线)(?:已经|马上|就要|都)?(?:破|过|突破|超过|上)(?P<n>{N}|万)(?:人)?")),
    # a head count with its unit in shorthand (在线人数10w+, 观看人数3万+)
    ("online", _c(rf"(?:在线人数|观看人数|直播间人数|同时在线)(?:已经|都|有|达到)?\s*(?P<n>{N})\s*(?P<w>w|万)\s*\+?")),
    # likes, follows and shares are live-room data too (点赞马上破百万, 关注数已经突破十万)
    ("likes", _c(rf"(?:点赞|点赞数|点赞量|赞|关注|粉丝数|关注数|分享数?)(?:已经|马上|就要|快|都)?(?:要)?(?:破|过|突破|超过|上)(?P<n>{N}|百万|千万|十万|万)")),
    # a crowd in the room said as a head count (现在直播间两万多人, 直播间已经有3000人了)
    ("online", _c(rf"(?:直播间|直播间里|现在|此刻|这会儿)(?:里)?(?:已经|都|一共|足足)?(?:有)?(?P<n>{N})\s*(?:多|\+)?(?:万)?(?:个)?(?:人|位|家人)(?:了|啦|在|同时)?(?=$|[,。!?;~\s]|在|同时|围观)")),
    ("orders", _c(rf"(?:已经|刚刚|已|刚才|又)(?:又)?(?:有)?\s*(?P<n>{N})\s*(?:多)?(?:个)?(?:人|位|宝宝|宝子|家人|姐妹|朋友|粉丝|老铁)?(?:拍|下单|抢|付款|买|加购|收藏|抢购)(?:下|到)?了")),
    ("orders", _c(rf"(?:刚刚|刚才|直播间|这一场|本场|现在)(?:[^,。!?]{{0,4}}?(?:就|已经))?(?:已经)?(?:拍了|卖了|下单|成交|抢了|卖出去?|卖掉)(?:了)?\s*(?P<n>{N})\s*(?:多)?(?:单|件|份)")),
    # the viewers greeted by their head count (在线三千多的朋友们, 直播间2000多位家人): the count is the claim
    ("online", _c(rf"(?:在线|直播间里?|正在看)(?:的)?(?P<n>{N})\s*(?:多|\+)?(?:万)?(?:个|位)?(?:的)?(?:朋友|宝宝|家人|姐妹|老铁|观众|小伙伴|兄弟)(?:们)")),
    # a crowd said as a vague count (几千人在围观, 上万人在线, 好几百个宝宝在抢): the count's lower bound is the figure
    # claimed (几 = at least two of the unit, 上/成/数 = at least one), never a number guessed
    ("online", _c(r"(?P<v>好几|几|上|成|数|大几|小几)(?P<u>十|百|千|万)(?:多)?(?:个)?(?:人|位|宝宝|家人|姐妹|老铁|朋友|观众)"
                  r"(?:同时|都|正|一起)?(?:在线|在看|在抢|在拍|正在抢|正在看|在直播间|围观|在围观|蹲着|守着|挤在|(?:在)?看着|盯着)")),
)
_ORIGIN = _c(r"(?:产地|原产地|产自|产于|出产于|来自|原装进口自?|进口自|采自|源自|发源于|生产于|产区)(?:是|为|:|在)?"
             r"(?P<loc>[\u4e00-\u9fffa-z]{2,10})|(?P<loc2>[\u4e00-\u9fff]{2,5})(?:原装)?进口")
_PERSON_AFTER = _c(r"(?:的)?(?:[\u4e00-\u9fff]{0,2}?)(?:宝宝|朋友|家人|阿姨|叔叔|大姐|大哥|姐姐|哥哥|姐妹|粉丝|观众|用户|买家|顾客|网友|"
                   r"小伙伴|老铁|宝妈|先生|女士|同学|老师|奶奶|爷爷|妈妈|爸爸)")
_COMPONENT = _c(r"原料|原材料|材料|面料|配料|辅料|用料|料(?:子)?是|成分|零件|部件|配件|芯片|机芯|电芯|种子|菌种|原液|原浆|"
                r"香精|奶源|羽绒(?:原料)?|布料|皮料|木料|滤芯|镜片|电池")
# Only a prefilter gate now: numbers with units are read as whole tokens by cohost.compliance.units.
_NUMERIC = _c(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<u>mah|毫安时|毫安|ml|毫升|kg|公斤|千克|mm|毫米|cm|厘米|gb|tb|hz|"
              r"英寸|寸|℃|(?<=\d)l(?![a-z])|升|(?<=\d)g(?![a-z])|克|(?<=\d)w(?![a-z])|瓦|片|抽)")
# Specification values said without their attribute's name, compared with every attribute value of the same
# kind (attributes._spec): a grade code (IP68 against 防水等级 IP55), a counted part (6根天线 against 4根外置天线) and
# a material of a named part (316不锈钢锅身 against 铝合金锅身).
MATERIALS = ("316不锈钢", "304不锈钢", "201不锈钢", "不锈钢", "铝合金", "铸铁", "熟铁", "生铁", "碳钢", "钛合金", "纯钛",
             "黄铜", "紫铜", "铜", "陶瓷", "玻璃", "硅胶", "ppsu", "tritan", "实木", "竹", "真皮", "牛皮", "pu皮",
             "纯棉", "涤纶", "锦纶", "羊绒", "羊毛", "蚕丝", "亚麻")
GRADED = "白鹅绒|白鸭绒|灰鹅绒|灰鸭绒|鹅绒|鸭绒|桑蚕丝|蚕丝|羊绒|羊毛|长绒棉|纯棉|棉"
_PARTS = "锅身|锅体|锅底|内胆|机身|杯身|壶身|外壳|表带|表壳|涂层|面料|外层|里料|框架|支架|刀身|材质|材料"
SPEC_PATTERNS = (
    # a precious-metal fineness mark is a grade code too (S925 against 材质 S925银, pt950): s/pt before 9xx only
    ("code", _c(r"(?<![a-z0-9])(?P<fam>ipx|ip|spf|upf|s(?=9\d\d)|pt(?=9\d\d))\s?(?P<v>\d{1,4})\+*")),
    ("count", _c(r"(?<![\d.])(?P<v>\d{1,2}|[一二两三四五六七八九十])(?P<cl>根|颗|块|层|档|口|核|路)(?P<noun>[\u4e00-\u9fff]{1,4})")),
    ("material", _c("(?P<v>" + "|".join(MATERIALS) + r")(?:的)?(?P<noun>" + _PARTS + ")")),
    # a grade number fused to its material (95白鹅绒, 90鸭绒, 100桑蚕丝): the fill or fibre content the goods are sold on
    ("grade", _c(r"(?<![\d.])(?P<v>\d{2,3})%?(?:的)?(?P<noun>" + GRADED + ")")),
)


# Substrings without which a pattern cannot match: checked first, so most patterns never run on a line.
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _WINDOW[0][1]: ("限时", "仅此", "错过", "再不抢", "下次", "过时", "最后", "机不可失"), _WINDOW[1][1]: ("今", "当天", "本场"), _WINDOW[2][1]: ("最后", "今", "就今"),
    _WINDOW[3][1]: ("分", "秒", "小时"), _WINDOW[4][1]: ("点", ":"), _WINDOW[5][1]: ("到", "至"), _WINDOW[6][1]: ("马上", "即将", "立刻", "很快", "随时"), _WINDOW[7][1]: ("下播", "关播", "播完", "直播结束"),
    _WINDOW[8][1]: ("过了", "错过"), _WINDOW[9][1]: ("明天",), _WINDOW_EN[0][1]: ("end",),
    _WINDOW_EN[1][1]: ("today", "tonight", "last"), _WINDOW_EN[2][1]: ("limited",),
    _WINDOW_EN[3][1]: ("left", "to go", "remaining"), _WINDOW_EN[4][1]: ("left", "to go", "remaining"),
    _WINDOW_EN[5][1]: ("midnight", "tonight", "stream", "live", "show", "broadcast"), _STOCK_EN: ("left", "last"),
    _AUDIENCE[0][1]: ("在线", "在看", "在抢", "在拍", "正在", "在直播间", "围观"), _AUDIENCE[1][1]: ("在线", "人数"),
    _AUDIENCE[2][1]: ("人数", "在线"), _AUDIENCE[3][1]: ("赞", "关注", "粉丝数", "分享"), _AUDIENCE[4][1]: ("直播间", "现在", "此刻", "这会儿"),
    _AUDIENCE[5][1]: ("了",), _AUDIENCE[6][1]: ("刚", "直播间", "这一场", "本场", "现在"),
    _AUDIENCE[7][1]: ("们",),
    _AUDIENCE[8][1]: ("在线", "在看", "在抢", "在拍", "正在", "在直播间", "围观", "蹲着", "守着", "挤在", "看着", "盯着"),
    _SALES[0]: ("销", "售", "卖"),
    _SALES[1]: ("买了", "买过", "在用", "回购", "选择", "下单过", "好评", "推荐", "种草", "复购", "信赖", "认可", "入手", "拍了",
                "囤了", "下单了", "在穿", "在吃", "用上了"),
    _SALES[2]: ("率", "满意度", "好评度"), _SALES[3]: ("每",), _SALES[4]: ("好评",),
    _SALES[5]: ("断货", "上架", "补货", "回头客", "老客"),
    _SALES[6]: ("万人", "千人", "百万人", "十万人", "万人", "成千上万", "全民", "全网都", "所有人都"),
    _RANKING: ("名", "榜", "冠军", "销冠", "top", "no.", "销量第", "排行第", "类目第", "品类第"), _AWARD: ("奖", "称号", "荣誉"),
    _TEST: ("检", "测", "验", "认证", "sgs", "ccc", "cma", "cnas", "fda", "临床", "率", "研究"),
    _ORIGIN: ("产", "来自", "进口", "采自", "源自", "发源"), _DISCOUNT: ("折", "半价"), _FIRST_N: ("前",), _REDUCTION: ("减", "直降", "最高", "最多"),
    _GIFT_VALUE: ("价值",), _NUMERIC: tuple("0123456789"), _GIFT: ("送", "赠"),
    SPEC_PATTERNS[0][1]: ("ip", "spf", "upf", "s9", "pt9"), SPEC_PATTERNS[1][1]: ("根", "颗", "块", "层", "档", "口", "核", "路"),
    SPEC_PATTERNS[2][1]: tuple(_PARTS.split("|")), SPEC_PATTERNS[3][1]: ("绒", "丝", "羊", "棉"),
}

