"""Questions no catalog fact answers, whatever words they share with one: a future price or restock, a
discount for buying several that no promotion counts, the anchor's own height or pick, an effect on the viewer's
own looks no fact names (显黑, 挑肤色), and a bare 多少 that
asks for a named thing rather than the price. The engine holds these for a person instead of answering a
different question with today's price, stock or promotion; a delivery day the viewer chooses and a
restock date (``time_bound``) are held before any intent is read."""

from __future__ import annotations

import re

from cohost.knowledge.escalation import Risk
from cohost.knowledge.retrieval import FactIndex
from cohost.knowledge.text import Question

# what no catalog fact can say: a future price or promotion, a wholesale or bulk deal
UNKNOWABLE = re.compile(r"(双十一|双十二|双11|双12|618|年货节|年底|下次|以后|过几天|过两天|下周|下个月|明天|明年).{0,8}"
                         r"(便宜|降价|优惠|活动|更低|打折|折扣)|批发|团购价|代理价|拿货价|出厂价|量大|批量|"
                         r"(下次|下一场|下场|明天|下周)(还)?(有)?(直播|开播)|什么时候(再|还)?(直播|开播)|几点(开|直)播|"
                         r"补货|(什么时候|啥时候|何时|哪天|下次|还会|会不会|能不能)(再|还)?补|返场|"
                         r"上新|(还|会|再|以后|之后)(会)?出(别的|其他|新的?)(颜色|色|款|口味|尺码)?|"
                         # a restock date: "啥时候有货", "什么时候上架", "还会上吗" (sold out or not, no fact says when)
                         r"(什么时候|啥时候|何时|哪天|多久|几时)(才|能|会|可以)?(有货|到货|上架|有现货|上货|再上(?![班课学线]))|还(会|能)?(再)?上(架)?(吗|么|嘛|不)")
# a discount for buying several ("买两把能便宜点吗"): only a promotion that counts pieces can answer it
BULK = re.compile(r"(买|拍|下单|要|拿)(两|三|四|五|六|七|八|九|十|几|多|\d+)(个|件|把|条|套|双|只|盒|瓶|张|台|份|块|组|对|箱|包|罐)?.{0,8}"
                   r"(便宜|优惠|打折|折扣|少点|减|送|打.{0,2}折)|"
                   # "两个帐篷一起买能便宜多少": pieces counted before the goods, bought together
                   r"(两|三|四|五|几|\d+)(个|件|把|条|套|双|只|盒|瓶|台|箱|包|罐).{0,6}一起(买|拍|下单|要).{0,6}(便宜|优惠|打折|折扣|少|减)")
PIECES = re.compile(r"(买|拍|满|第|任选|任意)\s*[\d一二两三四五六七八九十]+\s*(件|个|包|盒|瓶|袋|条|双|只|套|份|把|支)|"
                     r"[两三四五六七八九十\d]\s*件|(买|拍)\s*[\d一二两三四五]+\s*送|多买|多件")
# the anchor's body as a measure to size by ("主播身高体重多少", "主播多重") and the anchor's own pick ("主播穿的什么
#码", "主播用的是哪个颜色"; not "主播穿的这件多少钱"). The anchor's age or height asked as small talk ("主播多高啊",
# "主播几岁了") is chitchat (``intents``), as the independent writers label it
ANCHOR = re.compile(r"主播(你|自己|本人|今年)?的?(身高|体重|多重|几斤|多少斤|三围)|"
                     r"主播(你|自己|本人|今年)?的?(多高|多大|几岁|年龄).{0,8}(穿|用|戴|选|码|号|尺码|合适)|"
                     r"主播.{0,6}(穿|用|戴|涂|擦|试|背|拿|选)(的|了|着)(是)?(什么|啥|哪个|哪款|哪种|几号|多大|几码)")


# an effect on the viewer's own looks ("这个颜色显黑吗", "显老吗", "挑肤色吗"): said only when a fact says it. The
# effects a merchant claims (显白, 显瘦, 提气色) are left to the facts' own words
VIEWER_EFFECT = re.compile(r"显(黑|老|胖|矮)|挑(肤色|人)")


def effect_unstated(text: str, facts: list[str]) -> bool:
    """"这个颜色显黑吗" when no fact of the product names that effect: no fact answers it."""
    m = VIEWER_EFFECT.search(text)
    return m is not None and not any(m.group(0) in f for f in facts)


# bargaining: a price below the one offered asked for ("能便宜点吗", "老粉了能再少点吗", "300卖不卖", "砍个价",
# "抹个零"). No fact answers it, whatever promotion runs: the offer is what the promotions already say
HAGGLE = re.compile(r"(再|还能|还可以|能再|可以再|能不能再|可不可以再)(便宜|少|优惠|打折|让)(点|一点|些|一些|几块|\d+|[一二两三五十几]+块|个|吗|么|不|$)|"
                    r"(再|能再|可以再|能不能再)(减|降)(点|一点|些|一些|几块|[一二两三五十几]+块)|"
                    r"老粉.{0,8}(便宜|少点|优惠|打折|折扣|减)|抹(个|掉)?零|砍(个|一)?(价|刀)|讲(个|讲)?价|议价|"
                    r"(?<![\d.])\d+(\.\d+)?(块|元|米)?(钱)?(卖不卖|出不出|行不行|行不|可以不|能卖吗|卖吗|行吗|可以吗)|"
                    r"便宜(点|一点|些)(呗|吧|嘛|行不行|行吗|可以吗)")
# "能便宜点吗", "可以少点吗": a plain ask for less; with a count of pieces ("买三包能便宜点不") a promotion that
# counts pieces may answer it (``bulk_unanswered``)
SOFT_HAGGLE = re.compile(r"(能|可以|能不能|可不可以|给)(便宜|少|优惠)(点|一点|些|一些)")
_COUNTED = re.compile(r"(买|拍|要|拿|下单)?[两三四五六七八九十几\d]+(个|件|把|条|套|双|只|盒|瓶|张|台|份|块|组|对|包|箱|罐|袋|支)")


def bulk_unanswered(text: str, promotions: list[str]) -> bool:
    """"买两把能便宜点吗" with no promotion that counts pieces ("第二件半价", "拍3包送1包"), and bargaining
    ("能便宜点吗", "老粉再少点", "300卖不卖"), which no promotion answers."""
    if HAGGLE.search(text) or (SOFT_HAGGLE.search(text) and not _COUNTED.search(text)):
        return True
    return BULK.search(text) is not None and not any(PIECES.search(p) for p in promotions)


def subject_words(index: FactIndex, q: Question, sku: str) -> list[str]:
    """The words a question asks about besides the product's own names and price words ("显色指数多少" →
    显色指数): a bare 多少 with such a word asks for that thing, not the price."""
    title = index.title(sku)  # a word mostly made of the title's characters names it ("键盆" for 键盘, a typo)
    return [t.text for t in index.asked(q, sku).specific()
            if not _PRICE_WORD.search(t.text) and not any(c.isdigit() for c in t.text)  # "5米4": a size, no subject
            and 2 * sum(c in title for c in t.text) < len(t.text)]


_PRICE_WORD = re.compile(r"钱|价|元|块|米|费|贵|便宜|折|券|优惠|单价|一共|总共")


# a day chosen by the viewer for the goods to leave or arrive ("能指定下周发货吗", "沙发能指定哪天送吗"), and a
# restock asked with no noun after it ("56圈口什么时候有"): the facts speak of today, never of a chosen day
_CHOSEN_DAY = re.compile(r"(指定|约|预约|选)(个|一个)?(在)?(哪天|日期|时间|下周|下个?星期|周[一二三四五六日末天]|星期[一二三四五六日天]|几号|明天|后天|"
                         r"\d{1,2}(号|日)|[一二三四五六七八九十]{1,3}号|\d{1,2}月).{0,6}(发货|发|送|到|配送|上门)")
_WHEN_BACK = re.compile(r"(什么时候|啥时候|何时|哪天|几时)(才|能|会|可以|还)?(再)?有(吗|么|呢|啊|呀|了)?$")


def time_bound(text: str) -> Risk | None:
    """A ``no_fact`` hold for a chosen delivery day or a restock date, which no fact of today says, or None."""
    if m := _CHOSEN_DAY.search(text):
        return Risk("no_fact", "shipping", m.group(0))
    if m := _WHEN_BACK.search(text):
        return Risk("no_fact", "stock", m.group(0))
    return None
