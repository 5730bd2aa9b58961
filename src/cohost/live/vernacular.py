"""The vernacular: everyday words viewers use for one product property, and spoken forms of numbers and
durations, that the Q&A core's reading leaves apart.

Three precompiled tiers over the matching form (``Comment.norm``), no model call:

- ``spoken(text)`` rewrites what the core is asked (``understanding.canonical``): a link number in the
  old numerals rooms use ("卅一号" → "31号", "廿八号" → "28号"; the normaliser leaves "卅1号", which then
  reads as shade 01), and a duration asked as a length ("保温时间多长", "保质期多长" → "保温多久", "保质期多久":
  how long it keeps, not how long it measures).
- ``concept_of(norm)`` names the property a line asks in everyday words when the core found no concept:
  lipstick transfer while eating or drinking ("沾杯吗", "喝水会不会掉") is ``cup_stain``, the core's concept for "沾杯";
  "拔干吗" / "干不干嘴" / "滋润吗" one ``moisturising``; "显白吗" ``flattering`` (not the colour list); "弹不弹" is ``elastic`` like "有弹力吗"; "啥料子"
  is ``material``; "登机能带吗" / "能带上飞机吗" one ``flight``; "闷不闷" is ``breathable``; "能同时充两个
  手机吗" is ``ports``; washing, tea, a dishwasher, a microwave, sterilising, each its own; and the viewers a
  product suits named in words: an old parent's teeth ("我妈牙口不好能嚼动吗" is ``elderly`` like
  "老人能吃吗"), a figure ("腿粗穿这个显胖不", ``figure``), sensitive skin ("我皮肤敏感 会不会泛红",
  ``sensitive``), a newborn (``child``). The names are the core's concept names or the grouping's
  suitability sub-topics, so a line read as ``other`` meets the line the core read as ``attribute`` or
  ``suitability``.
- ``lineup(norm)``: a question about what the show sells ("今晚上啥货啊", "今儿个卖点啥", "卸妆油啥时候上"):
  about the show (or the one product it names), not the product on screen.

Constraints: sub-questions with different answers keep different names (a dishwasher is not a microwave,
elderly is not a child, sensitive skin is not oily skin, fading in the wash is not lipstick transfer, which
needs eating or drinking named); only the first matching rule applies; a line with none stays keyed by its
words. Cost: ``spoken`` two ``re.sub`` per new text (the reader caches), about 0.1 µs; ``concept_of`` one
combined ``re.search`` (a few µs), then one per rule only when a rule matched, once per (intent, topic, text)
(``grouping.asked`` caches); ``lineup`` one ``re.search`` per new text.
"""

from __future__ import annotations

import re

_OLD_TENS = {"卅": "3", "廿": "2"}
# "卅1号" / "廿8号" as the normaliser leaves them; "卅号" alone is 30
_OLD_NUMERAL = re.compile(r"([卅廿])(\d)?(?=\s*[号#])")
# a duration asked as a length: "保温时间多长" / "保质期多长" / "能放多长时间" ask 多久 (other "多长时间" the core reads)
_DURATION = re.compile(r"(?:时间|时长)(?:有|是)?多长|(?<=期)(?:有|是)?多长|(?<=[放存])多长时间")

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(cue)) for name, cue in (
    # a lipstick's transfer: eating or drinking named (a hoodie's "会不会掉色" is fading, not this)
    ("cup_stain", r"沾杯|(?:喝水|喝东西|喝咖啡|喝奶茶|吃饭|吃东西|吃完|喝完|戴口罩).{0,5}掉"),
    ("moisturising", r"拔干|干不干|干吗嘴|干嘴|(?:嘴|唇)(?:巴|唇)?(?:容易|会)?(?:干|起皮)|起皮|滋润|润不润"),
    ("flattering", r"显白|显黑|显不显白|显气色|提气色|衬肤色"),
    ("elastic", r"弹力|弹性|(?<![子炸])弹(?:不弹|吗|么|嘛)|有弹"),
    ("material", r"料子|布料|啥料|什么料"),
    ("flight", r"飞机|登机|安检|托运|航班"),
    ("breathable", r"闷(?:不闷|吗|么|嘛|热)|捂汗|透不透气"),
    ("ports", r"几个口|(?:同时|一起)(?:充|冲)|(?:充|冲)(?:两|2|几|多)个"),
    ("dishwasher", r"洗碗机"),
    ("microwave", r"微波炉"),
    ("sterilise", r"消毒|(?:能|可以)煮(?:吗|么|嘛|不|$)|开水烫"),
    ("tea", r"泡茶|装茶|茶叶|茶水|热茶"),
    ("washing", r"怎么洗|先洗|洗(?:的时候|之前|前|后|完|几次)|(?:手|机|水|干)洗|能洗|可以洗|过水"),
    ("elderly", r"老人|老年|长辈|牙口|嚼(?:得|的)?动|咬(?:得|的)?动|[六七八九]十多?岁?了|俺(?:爹|娘)"),
    ("sensitive", r"敏感|敏肌|泛红|刺痛|刺激|湿疹|红疹|疹子|起疹|红屁|皮肤过敏|过敏肌"),
    ("figure", r"胯|梨形|苹果型|腿粗|大腿|微胖|小个子|个子矮|显胖|遮肉"),
    ("child", r"刚出生|初生|新生儿|满月"),
))
# what the show sells tonight, or when a product named comes on ("今晚上啥货啊", "卸妆油啥时候上")
_LINEUP = re.compile(r"(?:今晚|今天|今儿个?|晚上|明天|啥时候|什么时候|几点|等会儿?|待会儿?|一会儿?)(?:都|还|会|能)*"
                     r"(?:上|卖|有|播)(?:点|些)?(?:(?:啥|什么|哪些)(?:货|链接|产品|东西|宝贝|福利品)?)?"
                     r"[\s啊呀哦呢吗么嘛不没?？]*$")


def _old_tens(m: re.Match[str]) -> str:
    return _OLD_TENS[m.group(1)] + (m.group(2) or "0")


def spoken(text: str) -> str:
    """``text`` with old numerals of link numbers and durations asked as lengths in the core's words."""
    if "卅" in text or "廿" in text:
        text = _OLD_NUMERAL.sub(_old_tens, text)
    if "多长" in text:
        text = _DURATION.sub("多久", text)
    return text


# settings sharper than any concept the core reads in the same line ("可以放洗碗机洗吗" is not "怎么洗", "这个色号显白吗"
# is not the colour list)
SHARP = frozenset({"cup_stain", "flattering", "flight", "dishwasher", "microwave", "sterilise"})


# all rules in one pattern: most lines name none and cost one search
_ANY = re.compile("|".join(cue.pattern for _, cue in _RULES))
_ANY_SHARP = re.compile("|".join(cue.pattern for name, cue in _RULES if name in SHARP))


def concept_of(norm: str, *, sharp: bool = False) -> str | None:
    """The property ``norm`` asks about in everyday words (see the module doc), else None; with ``sharp``
    only one of the ``SHARP`` settings, which replace a concept the core read."""
    if (_ANY_SHARP if sharp else _ANY).search(norm) is None:
        return None
    for name, cue in _RULES:
        if (not sharp or name in SHARP) and cue.search(norm) is not None:
            return name
    return None


def lineup(norm: str) -> bool:
    """Whether ``norm`` asks what the show sells, or when a product comes on."""
    return _LINEUP.search(norm) is not None


__all__ = ["SHARP", "concept_of", "lineup", "spoken"]
