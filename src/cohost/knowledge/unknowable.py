"""Questions no catalog fact answers, whatever words they share with one: a future price or restock, a
discount for buying several that no promotion counts, the anchor's own height or pick, an effect on the viewer's
own looks no fact names (显黑, 挑肤色), and a bare 多少 that
asks for a named thing rather than the price. The engine holds these for a person instead of answering a
different question with today's price, stock or promotion."""

from __future__ import annotations

import re

from cohost.knowledge.retrieval import FactIndex
from cohost.knowledge.text import Question

# what no catalog fact can say: a future price or promotion, a wholesale or bulk deal
UNKNOWABLE = re.compile(r"(双十一|双十二|双11|双12|618|年货节|年底|下次|以后|过几天|过两天|下周|下个月|明天|明年).{0,8}"
                         r"(便宜|降价|优惠|活动|更低|打折|折扣)|批发|团购价|代理价|拿货价|出厂价|量大|批量|"
                         r"(下次|下一场|下场|明天|下周)(还)?(有)?(直播|开播)|什么时候(再|还)?(直播|开播)|几点(开|直)播|"
                         r"补货|(什么时候|啥时候|何时|哪天|下次|还会|会不会|能不能)(再|还)?补|返场|"
                         r"上新|(还|会|再|以后|之后)(会)?出(别的|其他|新的?)(颜色|色|款|口味|尺码)?")
# a discount for buying several ("买两把能便宜点吗"): only a promotion that counts pieces can answer it
BULK = re.compile(r"(买|拍|下单|要|拿)(两|三|四|五|六|七|八|九|十|几|多|\d+)(个|件|把|条|套|双|只|盒|瓶|张|台|份|块|组|对)?.{0,8}"
                   r"(便宜|优惠|打折|折扣|少点|减|送)")
PIECES = re.compile(r"(买|拍|满|第|任选|任意)\s*[\d一二两三四五六七八九十]+\s*(件|个|包|盒|瓶|袋|条|双|只|套|份|把|支)|"
                     r"[两三四五六七八九十\d]\s*件|(买|拍)\s*[\d一二两三四五]+\s*送|多买|多件")
# about the anchor as a person: "主播多高", "主播穿的什么码", "主播用的是哪个颜色" (not "主播穿的这件多少钱")
ANCHOR = re.compile(r"主播(你|自己|本人|今年)?的?(身高|体重|多高|多重|几斤|多少斤|多大|几岁|年龄|三围)|"
                     r"主播.{0,6}(穿|用|戴|涂|擦|试|背|拿|选)(的|了|着)(是)?(什么|啥|哪个|哪款|哪种|几号|多大|几码)")


# an effect on the viewer's own looks ("这个颜色显黑吗", "显老吗", "挑肤色吗"): said only when a fact says it. The
# effects a merchant claims (显白, 显瘦, 提气色) are left to the facts' own words
VIEWER_EFFECT = re.compile(r"显(黑|老|胖|矮)|挑(肤色|人)")


def effect_unstated(text: str, facts: list[str]) -> bool:
    """"这个颜色显黑吗" when no fact of the product names that effect: no fact answers it."""
    m = VIEWER_EFFECT.search(text)
    return m is not None and not any(m.group(0) in f for f in facts)


def bulk_unanswered(text: str, promotions: list[str]) -> bool:
    """"买两把能便宜点吗" with no promotion that counts pieces ("第二件半价", "拍3包送1包")."""
    return BULK.search(text) is not None and not any(PIECES.search(p) for p in promotions)


def subject_words(index: FactIndex, q: Question, sku: str) -> list[str]:
    """The words a question asks about besides the product's own names and price words ("显色指数多少" →
    显色指数): a bare 多少 with such a word asks for that thing, not the price."""
    title = index.title(sku)  # a word mostly made of the title's characters names it ("键盆" for 键盘, a typo)
    return [t.text for t in index.asked(q, sku).specific()
            if not _PRICE_WORD.search(t.text) and not any(c.isdigit() for c in t.text)  # "5米4": a size, no subject
            and 2 * sum(c in title for c in t.text) < len(t.text)]


_PRICE_WORD = re.compile(r"钱|价|元|块|米|费|贵|便宜|折|券|优惠|单价|一共|总共")
