"""The aggregate stage: comments asking the same thing within a sliding window become one question group.

"The same thing" is the same intent about the same product and topic (a named variant or the attribute
concept asked), so "3号多少钱", "这个啥价" (with 3号 on screen) and "卫衣多少米" fall into one group while
"有M码吗" and "有L码吗" do not. A named variant asked about without a sharper intent ("有M码吗",
"M码还有吗") is one availability question. An ambiguous product keeps its candidates in the key.

What else makes two wordings one question, or two:

- One concept asked about one product is one question whether the reading said ``attribute``, ``variant``,
  ``suitability``, ``usage`` or ``other`` ("成分是啥" / "主要成分有哪些", "多重" / "重不重"); the group reports
  its first comment's intent.
- Paraphrases the reading split are recast first (:mod:`cohost.live.paraphrase`): "N号是X吗" is the
  purchase question, a bare "N号多少" the price, a size choice with any body figure the size chart
  ("fit"), one colour asked the colour list.
- A property asked in everyday words the core read no concept in takes the concept those words name
  (:mod:`cohost.live.vernacular`: "弹不弹" is "elastic", "我妈牙口不好能嚼动吗" the elderly question); a
  setting sharper than the concept the core read replaces it ("可以放洗碗机洗吗" is "dishwasher", not "washing").
- Sub-questions with different answers split a group: shipping to remote regions vs abroad vs postage,
  courier, arrival, dispatch; return cost vs warranty vs policy; the size worn on screen vs the size to
  pick; stock of a deal vs stock; flash sales vs other promotions; suitability for pregnancy, blood sugar,
  sensitive skin (a rash, eczema) vs food allergies, a child's age, elderly, safety, illness, skin type, a
  body figure ("figure": whether the cut suits it, not the size chart).
- A price, stock or promotion question naming a version that understanding did not resolve to a variant
  ("2万毫安的多少钱", "240的", "2斤装", "大的那个") is not the plain question; link numbers, counts,
  prices and thresholds are not versions.
- A question about no product is keyed to the product on screen: the same words later in the show, about
  another product, are another question ("拆了能退吗" vs "定制款可以退吗").
- Questions known only by their words ("text:…") join an open group of the same product worded nearly the
  same: at least two content tokens shared and half of all ("能带上飞机吗" / "坐飞机能带吗"), not
  "有黑色的吗" / "有白色的吗". At most ``_RECENT_TEXTS`` open worded groups per product are compared.

Constraints:

- A group stays open while the same question keeps coming: it closes ``window`` seconds (stream time)
  after its last comment. A later comment opens a new group (new viewers, new answer).
- Group ids are ``g1, g2, …`` in order of creation, so a replay gives the same ids.
- A ``QuestionGroup`` is emitted when the group opens, when its count reaches a milestone
  (2, 5, 10, 20, 50, 100, 200, 500, …) and once more when it closes if it grew since; a flood of 100,000
  identical comments therefore gives ~20 group lines, not 100,000.
- Memory is bounded: at most ``max_groups`` open groups (the stalest close first) and ``max_examples``
  distinct example texts per group.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cohost.events import ClassifiedComment, End, QuestionGroup, Tick
from cohost.knowledge.text import key_of
from cohost.live.equivalence import equivalent
from cohost.live.paraphrase import recast
from cohost.live.pipeline import Stage
from cohost.live.vernacular import concept_of

_AVAILABILITY = frozenset({"other", "variant", "stock"})
# sub-questions that get different answers although intent and product are the same
_SUBTOPICS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "shipping": (("abroad", re.compile(r"港澳台|香港|澳门|台湾|海外|国外|出国|美国|日本|新加坡|马来")),
                 ("remote", re.compile(r"新疆|西藏|青海|内蒙|宁夏|甘肃|偏远|海南")),
                 ("region", re.compile(r"包邮|运费|邮费|哪些地区|能寄|农村|乡镇")),
                 ("courier", re.compile(r"快递|顺丰|中通|圆通|韵达|申通|邮政|ems|京东物流")),
                 ("arrival", re.compile(r"几天到|多久到|多久能到|什么时候到|哪天到|到货|能到")),
                 ("dispatch", re.compile(r"发货|发出|寄出|能发|几天发|多久发|什么时候发"))),
    "returns": (("warranty", re.compile(r"保修|质保|维修|坏了")),
                ("return_cost", re.compile(r"运费险|运费|邮费|谁出")),
                ("policy", re.compile(r"退|换|无理由"))),
    "variant": (("worn", re.compile(r"主播(穿|身上|试穿|戴|用)的?|模特(穿|身上)")),
                ("fit", re.compile(r"穿什么码|穿多大|穿几码|选什么码|选哪个码|什么码合适|用什么码|多大码|(尺码|码数|码子|尺寸)(怎么|咋|如何)选|"
                                   r"身高|体重|\d+斤|\d+公斤|\d+kg|一米"))),
    "stock": (("deal", re.compile(r"立减|优惠|券|秒杀|赠品|送的|活动|折扣|半价|福利")),),
    "promotion": (("flash", re.compile(r"秒杀|限时|抢购|几点(开|结束|截止)|倒计时|限量")),),
    "suitability": (("pregnancy", re.compile(r"孕妇|怀孕|孕期|哺乳|备孕|坐月子|月子")),
                    ("sugar", re.compile(r"糖尿病|血糖|控糖|减肥|减脂|控卡")),
                    ("sensitive", re.compile(r"敏感|敏肌|泛红|刺痛|刺激|湿疹|红疹|疹子|起疹|红屁|皮肤过敏|过敏肌")),
                    ("allergy", re.compile(r"过敏|花生|坚果过敏|乳糖")),
                    ("child", re.compile(r"\d+岁|几岁|\d+个月|几个月|新生儿|刚出生|初生|满月|(宝宝|婴儿|孩子|小孩|儿童|学生)(能|可以)(吃|喝|用|穿)")),
                    ("elderly", re.compile(r"老人|老年|爸妈|长辈|牙口|嚼(得|的)?动|咬(得|的)?动")),
                    ("safety", re.compile(r"安全|着火|起火|爆炸|辐射|漏电|整晚|一夜|通宵|烫伤")),
                    ("health", re.compile(r"治|咳嗽|感冒|高血压|胃|失眠|病")),
                    ("skin", re.compile(r"敏感肌|干皮|油皮|痘|混油|混干|肤质|皮肤")),
                    ("figure", re.compile(r"\d+斤|\d+cm|身高|体重|胖|瘦|个子|腿长|腿粗|大腿|胯|梨形|苹果型|拖地|\d{3}(?!\d)")),
                    ("bed", re.compile(r"单人床|双人床|\d米\d?的?床|床"))),
}
# what names one version of the product in a price, stock or promotion question that understanding did not
# resolve to a variant: a size or capacity figure ("2万毫安的", "240的", "2斤装") or a bigger / smaller one ("大的那个"). Link numbers, counts, prices and thresholds are not versions.
_SPEC = re.compile(
    r"(?<![\d.a-z号第满减买送])(?P<num>\d+(?:\.\d+)?)(?P<wan>万)?"
    r"(?=的|装|毫安|mah|ml|毫升|克|g(?![a-z])|升|l(?![a-z])|瓦|w(?![a-z])|寸|米|cm|码|斤|公斤|kg)|"
    r"(?<![\d.a-z号第满减买送])(?P<long>\d{3,})(?![\d.]|号|件|个|元|块|减|折)|"
    r"(?P<big>大瓶|大号|大杯|大包|大的|大容量|大份|大袋|大盒)|(?P<small>小瓶|小号|小杯|小包|小的|小容量|小份|小袋|小盒)"
)
# a difference asked between two things, or which to pick, that the reading left as "other"
_COMPARE = re.compile(r"差在哪|差别|区别|有啥不同|有什么不同|不一样在哪|(?:推荐|选)(?:哪个|哪一?款|哪种)|哪个(?:好|更|划算|合算)")
_SPEC_INTENTS = frozenset({"price", "stock", "promotion"})
_INFO = frozenset({"attribute", "variant", "suitability", "usage"})
_VERNACULAR = _INFO | {"other"}
INFO = "info"  # the key's intent for those four; a group reports the intent of its first comment


def spec_of(norm: str) -> str | None:
    """The version a question names, canonical ("20000", "2", "大"), or None."""
    found: list[str] = []
    for m in _SPEC.finditer(norm):
        if m.group("num"):
            found.append(f"{float(m.group('num')) * (10_000 if m.group('wan') else 1):g}")
        elif m.group("long"):
            found.append(str(int(m.group("long"))))
        else:
            found.append("大" if m.group("big") else "小")
    return "+".join(sorted(set(found))) if found else None


_SUBTOPIC_NAMES = frozenset(name for cues in _SUBTOPICS.values() for name, _ in cues)
GroupKey = tuple[str, str | None, str | None, tuple[str, ...]]


def group_key(item: ClassifiedComment) -> GroupKey:
    """What makes two comments the same question: intent, product, the topic asked (see the module doc)."""
    intent, topic = asked(item.intent, item.topic, item.comment.norm)
    sku = item.sku
    if sku is None and not item.candidates and item.context_sku is not None:
        # no product named: the same words while another product is on screen are another moment of the
        # show ("拆了能退吗" about the nappies is not "定制款可以退吗" about the flask)
        sku = "@" + item.context_sku
    return (intent, sku, topic, item.candidates)


@lru_cache(maxsize=16_384)
def asked(intent: str, topic: str | None, norm: str) -> tuple[str, str | None]:
    """The (intent, topic) part of the key for one reading of one text (cached: rooms repeat themselves)."""
    same = recast(intent, topic, norm)
    if same is not None:  # a paraphrase the reading split ("31号多少" is the price; size choices; "1号是精华吗")
        return same
    if intent == "other" and (topic is None or topic[:5] == "text:") and _COMPARE.search(norm) is not None:
        return "comparison", None  # "pro和普通版差在哪", "推荐哪个味" ask what "X和Y有啥区别" asks
    if topic and topic.startswith("variant:"):
        if intent in _AVAILABILITY:
            intent = "stock"  # "有M码吗" / "M码还有吗" / "M码呢": one question about one size
    else:
        for name, cue in _SUBTOPICS.get(intent, ()):
            if cue.search(norm):
                topic = name
                break
        if intent in _VERNACULAR and (topic is None or topic[:5] == "text:"):
            # a property asked in everyday words the core read no concept in ("沾杯吗", "弹不弹", "我妈牙口不好能嚼动吗"),
            # or the same fact asked in other words ("能听几个小时" is the runtime, "安卓能用吗" compatibility)
            topic = concept_of(norm) or equivalent(norm) or topic
        elif intent in _VERNACULAR and topic is not None and ":" not in topic and topic not in _SUBTOPIC_NAMES:
            # a setting sharper than the concept the core read ("可以放洗碗机洗吗" is not "怎么洗", "第一次用要充满吗"
            # is not how long it runs)
            topic = concept_of(norm, sharp=True) or equivalent(norm, topic) or topic
    if intent in _SPEC_INTENTS and (topic is None or topic in _SUBTOPIC_NAMES):
        spec = spec_of(norm)
        if spec is not None:  # "2万毫安的多少钱" is not "充电宝多少钱"; "两斤装参加半价吗" is not "第二件半价吗"
            topic = "spec:" + spec if topic is None else f"{topic}:{spec}"
    if intent == "other" and topic is None:
        topic = "text:" + key_of(norm)  # nothing known about it: only the same words are the same question
    if (intent in _INFO or intent == "other") and topic is not None and ":" not in topic:
        # one concept asked about one product is one question, whichever of these the reading chose
        # ("成分是啥" attribute, "主要成分有哪些" variant; "160穿什么码" variant, "180 170斤能穿吗" suitability;
        # "重不重" other, read as "weight" like "多重")
        intent = INFO
    return intent, topic


_OPEN_WORDING = frozenset({"other", "attribute", "variant", "suitability", "usage"})
_FILLER = frozenset("能可以吗不呢啊呀是的有没这个那主播请问一下了么嘛吧还会用")
_TOKENS = re.compile(r"\d+(?:\.\d+)?|[a-z]+|[^\da-z]")
_SIMILAR = 0.5  # Jaccard of the content tokens
_RECENT_TEXTS = 32  # open worded groups compared per product: bounded work per comment


@lru_cache(maxsize=8_192)
def wording(topic: str) -> frozenset[str]:
    """The content tokens of a worded topic ("text:能带上飞机吗" → {带, 上, 飞, 机}): numbers and Latin words
    whole, other characters one by one, question scaffolding out."""
    return frozenset(t for t in _TOKENS.findall(topic[5:]) if t not in _FILLER)


def same_wording(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two worded questions ask the same thing when most of their content is shared ("能带上飞机吗" /
    "坐飞机能带吗"); one word apart is not enough ("有黑色的吗" / "有白色的吗", "是316的吗" / "是304的吗")."""
    shared = len(a & b)
    return shared >= 2 and shared >= _SIMILAR * len(a | b)


def milestone(count: int) -> bool:
    if count < 2:
        return False
    if count in (2, 5):
        return True
    scale = 10
    while scale <= count:
        if count in (scale, 2 * scale, 5 * scale):
            return True
        scale *= 10
    return False


@dataclass(slots=True)
class _Open:
    id: str
    key: GroupKey
    intent: str
    room: str
    context_sku: str | None
    first_ts: float
    last_ts: float
    first_ref: int
    last_ref: int
    count: int = 0
    emitted: int = 0
    examples: list[str] = field(default_factory=list)

    def snapshot(self) -> QuestionGroup:
        _, sku, topic, _ = self.key
        intent = self.intent
        if sku is not None and sku[:1] == "@":
            sku = None  # the product on screen only separated moments of the show; no product was asked about
        return QuestionGroup(id=self.id, room=self.room, intent=intent, sku=sku, topic=topic, count=self.count,
                             examples=tuple(self.examples), first_ts=self.first_ts, last_ts=self.last_ts,
                             first_ref=self.first_ref, last_ref=self.last_ref, context_sku=self.context_sku,
                             candidates=self.key[3])


class AggregateStage(Stage):
    name = "aggregate"
    accepts = (ClassifiedComment, Tick, End)

    def __init__(self, *, window: float = 120.0, max_groups: int = 5_000, max_examples: int = 5) -> None:
        self.window = window
        self.max_groups = max_groups
        self.max_examples = max_examples
        self._open: OrderedDict[GroupKey, _Open] = OrderedDict()  # least recently asked first
        # per (product, candidates): the latest worded keys and their content tokens, for near-same wording
        self._worded: dict[tuple[str | None, tuple[str, ...]], list[tuple[GroupKey, frozenset[str]]]] = {}
        self._next = 1

    @property
    def open_groups(self) -> int:
        return len(self._open)

    def _close_before(self, horizon: float, out: list[Any]) -> None:
        while self._open:
            key, group = next(iter(self._open.items()))
            if group.last_ts >= horizon and len(self._open) <= self.max_groups:
                break
            del self._open[key]
            if group.count > group.emitted:
                out.append(group.snapshot())
        if not self._open:
            self._worded.clear()

    def _near(self, key: GroupKey) -> GroupKey:
        """An open group worded nearly the same for the same product, else ``key`` (remembered)."""
        bucket = self._worded.setdefault((key[1], key[3]), [])
        tokens = wording(key[2] or "")
        live = [(k, t) for k, t in bucket if k in self._open]
        for other, other_tokens in reversed(live):
            if same_wording(tokens, other_tokens):
                return other
        live.append((key, tokens))
        self._worded[(key[1], key[3])] = live[-_RECENT_TEXTS:]
        return key

    def process(self, event: Any) -> Iterable[Any]:
        if isinstance(event, (Tick, End)):
            out: list[Any] = []
            self._close_before(float("inf") if isinstance(event, End) else event.ts - self.window, out)
            out.append(event)
            return out
        item: ClassifiedComment = event
        if not item.question:
            return (item,)
        comment = item.comment
        out = []
        if self._open and next(iter(self._open.values())).last_ts < comment.ts - self.window:
            self._close_before(comment.ts - self.window, out)
        key = group_key(item)
        group = self._open.get(key)
        if group is None and key[2] is not None and key[2][:5] == "text:" and key[0] in _OPEN_WORDING:
            key = self._near(key)
            group = self._open.get(key)
        if group is None:
            group = _Open(id=f"g{self._next}", key=key, intent=item.intent if key[0] == INFO else key[0], room=comment.room, context_sku=item.context_sku,
                          first_ts=comment.ts, last_ts=comment.ts, first_ref=comment.ref, last_ref=comment.ref)
            self._next += 1
            self._open[key] = group
        else:
            self._open.move_to_end(key)
        group.count += 1
        group.last_ts, group.last_ref = comment.ts, comment.ref
        if len(group.examples) < self.max_examples and comment.text not in group.examples:
            group.examples.append(comment.text)
        out.append(ClassifiedComment(item.comment, item.intent, item.sku, item.confidence, item.question, item.topic,
                                     item.candidates, item.context_sku, group.id, item.escalate))
        if group.count == 1 or milestone(group.count):
            group.emitted = group.count
            out.append(group.snapshot())
        if len(self._open) > self.max_groups:
            self._close_before(comment.ts - self.window, out)
        return out
