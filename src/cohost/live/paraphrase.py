"""Paraphrases: the forms in which viewers ask one question that the reading alone keeps apart.

Two tiers, both precompiled regular expressions over the matching form (``Comment.norm``), no model call:

- ``tag_question(text)`` rewrites a tag question into the form the Q&A core reads ("华为手机能用不" →
  "华为手机能用吗", "有弹性没" → "有弹性吗", "坏了管修不" → "坏了管修吗"): a trailing 不 / 没 after a verb
  phrase asks what 吗 asks. It runs on the canonical text before the core is asked (once per new text).
- ``recast(intent, topic, norm)`` gives the (intent, topic) a group key should use when the wording names a
  question the reading split, else None:

  - "N号是X吗" ("1号是精华吗", "45#是牛仔裤吗") asks which link to buy: the purchase question ("链接在哪",
    "怎么拍"); "1号是正品吗", "2号是红色吗" (a property or a version) are not.
  - A bare "N号多少", "N号链接多少", "米多少" (米 = money in chat) asks the price; "裤长多少", "多少毫升" do
    not (a concept word is named).
  - A size choice with a body figure ("腰围70穿什么码", "165 110斤选哪个码", "宝宝75cm拍73还是80",
    "孩子两岁穿哪个", "180 170斤能穿吗", "尺码表发一下") is one question, the size chart, whatever the figures and whichever
    intent the reading chose; a shade choice for a skin tone ("黄皮选哪个色", "黄黑皮适合哪个号") is another.
    Availability of one size ("M码还有吗"), the size worn on screen and whether the cut suits a figure
    ("小个子能穿吗 155", no weight, no choice) are not size choices.
  - One colour asked, or "only this one?" ("有黑色的吗", "只有浅蓝的吗", "就这一个色吗"), asks the colours on
    offer: the colour list ("有几个颜色"). A colour the catalog names is a variant (its stock) and never
    reaches here; "有蓝牙吗", "只有30ml吗" name no colour.

Constraints: only the first matching rule applies; a named variant ("variant:…" topic) is never recast
(its own answer: stock or price of that version). Cost: at most seven ``re.search`` per distinct
(intent, topic, text), cached by the caller (``grouping.asked``).
"""

from __future__ import annotations

import re

FIT = "fit"  # the size chart: the topic the grouping already gives "穿什么码" / "身高体重"
SHADE_FIT = "shade_fit"

# a link number as rooms write it: 1号, 幺号, 三十八号, 叁捌号, 卅一号, ④号, 45#, no.1
_LINK = r"(?:(?:no\.?\s*)\d{1,3}|\d{1,3}\s*[#号]|[①-⑳]号?|[零〇幺一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾卅廿]{1,4}号)"
_TAIL = r"[\s,，。.!！~～呀啊哈哦呢吧]*(?:老铁们?|主播|宝宝们?|家人们|姐妹们|快说|谢谢)?[\s,，。.!！~～呀啊哈哦呢吧?？]*"
# "1号是精华吗": the thing after 是 is a product noun, not a property ("正品") nor a version (码, 色, 味, 号, 款, 的)
_WHICH_LINK = re.compile(rf"^(?:请问)?{_LINK}(?:链接)?(?:是不是|是)(?P<x>[\u4e00-\u9fffa-z]{{1,8}}?)(?:吗|嘛|么|不|没|吧|呢)?{_TAIL}$")
_NOT_PRODUCT = re.compile(r"正品|真|假|新|旧|现货|包邮|进口|国产|原装|纯|全棉|棉|官方|同款|旗舰|特价|秒杀|赠品|"
                          r"什么|啥|哪|多少|几|码|色|味|号|款|的|这|那|刚才|上次|同一")
# "31号多少", "叁捌号链接多少", "米多少 老铁": nothing but a link (or 米) and 多少
_BARE_PRICE = re.compile(rf"^(?:{_LINK}(?:链接)?|链接|米)(?:多少|几多|好多)(?:钱|米|块|元)?{_TAIL}$")
# a body figure a size is chosen by: girths, height and weight, a waist in 尺, the usual size, a child's age
_BODY = re.compile(r"腰围|臀围|胸围|身高|体重|腰\s*\d|[\d一二两三]尺[\d一二三四五六七八九]?|刚出生|\d+(?:\.\d+)?\s*(?:斤|公斤|kg|cm|厘米)|平时穿|"
                   r"(?<!\d)1[4-9]\d(?!\d)\s+\d{2,3}(?!\d)|[\d一二两三四五六七八九十半]+(?:个)?(?:岁|个月|月龄)|新生儿")
_SIZE_CHOICE = re.compile(r"(?:选|拍|穿|用|买|要|挑|推荐)(?:哪个|哪一?个|哪款|啥|什么|几|多大)|(?:哪个|什么|啥|几|多大)码|"
                          r"码(?:数|子)?(?:怎么|咋|如何)选|(?<![a-z\d])(?:[sml]|x{1,3}l|\d?xl|\d{2,3})\s*还是\s*(?:[sml]|x{1,3}l|\d?xl|\d{2,3})(?![a-z\d])")
# "180 170斤能穿吗": a weight with "can I wear it" asks the size chart too; "155能穿吗", "小个子能穿吗" (no weight)
# ask whether the cut suits a figure
_WEIGHT = re.compile(r"\d+(?:\.\d+)?\s*(?:斤|公斤|kg)|体重")
_WEARS = re.compile(r"能穿|穿得下|能不能穿|可以穿")
_SIZE_CHART = re.compile(r"尺码表|尺码推荐|码数推荐|尺码参考|尺码建议|选码建议")
_SKIN_TONE = re.compile(r"黄皮|黄黑皮|黑皮|白皮|黄一白|黄二白|冷白皮|暖皮|冷皮|皮肤(?:偏)?[黄黑白]|肤色")
_SHADE_CHOICE = re.compile(r"(?:选|涂|推荐|适合|买|拍|入)(?:哪个|哪一?个|哪支|啥|什么)|哪个(?:色|号|颜色)")
# the colours on offer asked as one colour or "only this one?" ("有黑色的吗", "只有浅蓝的吗", "就这一个色吗"):
# one answer, the colour list; a colour the catalog names is a variant and never reaches here
_COLOUR = r"(?:(?:浅|深|纯|奶|雾|藏|军|酒|玫|天|宝|墨)?[白黑灰蓝红绿粉紫黄橙棕银金青咖杏驼]|卡其|米白|米)(?:色)?"
_COLOUR_OPTIONS = re.compile(rf"^(?:有没有|有木有|有)(?:别的|其他|其它)(?:颜)?色|^(?:有没有|有木有|有)(?:个|款)?{_COLOUR}的?(?:款|呢|吗|嘛|么|没|不)|"
                             rf"^(?:就|只)(?:只)?有?(?:这)?(?:{_COLOUR}的?|[一1](?:个|种|款)(?:颜)?色)(?:吗|嘛|么)")
# a character every size choice, size chart or body figure above has: lines without one skip those patterns
_SIZE_GATE = frozenset("码尺围腰身体斤公kgc厘岁月生穿 ")
_RECAST_INTENTS = frozenset({"attribute", "variant", "suitability", "usage", "purchase", "other"})

_COLOUR_INTENTS = frozenset({"attribute", "variant", "other"})
_TAG = re.compile(r"(?<=[\u4e00-\u9fffa-z0-9])(?:不|没)$")
_HAS_ASK = re.compile(r"[吗么嘛?？]|什么|啥|怎么|咋|哪|多少|几|([\u4e00-\u9fff])不\1|有没有|是不是|能不能|可不可以|还是")
_TAG_VERB = re.compile(r"能|可以|会|有|是|要|适合|合适|行|让|够|好|管|包|带|送|退|换|穿|用|吃|喝|显|掉|怕")


def tag_question(text: str) -> str:
    """``text`` with a trailing tag 不 / 没 read as 吗 ("能用不" → "能用吗"), else unchanged."""
    if len(text) < 3 or _TAG.search(text) is None or _HAS_ASK.search(text) is not None:
        return text
    if _TAG_VERB.search(text[:-1]) is None:
        return text  # "我也不", "我还没": a remark, no verb phrase to ask about
    return text[:-1] + "吗"


def recast(intent: str, topic: str | None, norm: str) -> tuple[str, str | None] | None:
    """The (intent, topic) one of the module's paraphrases names, else None."""
    if intent not in _RECAST_INTENTS or (topic is not None and topic.startswith("variant:")):
        return None
    m = _WHICH_LINK.match(norm)
    if m is not None and _NOT_PRODUCT.search(m.group("x")) is None:
        return "purchase", None
    if _BARE_PRICE.match(norm) is not None:
        return "price", None
    chars = set(norm)
    if not chars.isdisjoint(_SIZE_GATE) and (_SIZE_CHART.search(norm) is not None or (
            _BODY.search(norm) is not None and _SIZE_CHOICE.search(norm) is not None) or (
            _WEIGHT.search(norm) is not None and _WEARS.search(norm) is not None)):
        return "info", FIT
    if (intent in _COLOUR_INTENTS and (topic is None or topic == "colour" or topic[:5] == "text:")
            and _COLOUR_OPTIONS.search(norm) is not None):
        return "info", "colour"
    if not chars.isdisjoint("皮肤白") and _SKIN_TONE.search(norm) is not None and _SHADE_CHOICE.search(norm) is not None:
        return "info", SHADE_FIT
    return None


__all__ = ["recast", "tag_question"]
