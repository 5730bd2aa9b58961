"""The aggregate stage: comments asking the same thing within a sliding window become one question group.

"The same thing" is the same intent about the same product and topic (a named variant or the attribute
concept asked), so "3号多少钱", "这个啥价" (with 3号 on screen) and "卫衣多少米" fall into one group while
"有M码吗" and "有L码吗" do not. A named variant asked about without a sharper intent ("有M码吗",
"M码还有吗") is one availability question. An ambiguous product keeps its candidates in the key.

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
from typing import Any

from cohost.events import ClassifiedComment, End, QuestionGroup, Tick
from cohost.knowledge.text import key_of
from cohost.live.pipeline import Stage

_AVAILABILITY = frozenset({"other", "variant", "stock"})
# sub-questions that get different answers although intent and product are the same
_SUBTOPICS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "shipping": (("region", re.compile(r"包邮|运费|邮费|新疆|西藏|青海|内蒙|偏远|港澳台|海外|国外|哪些地区|能寄")),
                 ("courier", re.compile(r"快递|顺丰|中通|圆通|韵达|申通|邮政|ems|京东物流")),
                 ("arrival", re.compile(r"几天到|多久到|多久能到|什么时候到|哪天到|到货|能到")),
                 ("dispatch", re.compile(r"发货|发出|寄出|能发|几天发|多久发|什么时候发"))),
    "returns": (("warranty", re.compile(r"保修|质保|维修|坏了")),
                ("return_cost", re.compile(r"运费险|运费|邮费|谁出")),
                ("policy", re.compile(r"退|换|无理由"))),
    "variant": (("fit", re.compile(r"穿什么码|穿多大|穿几码|选什么码|选哪个码|什么码合适|用什么码|多大码|身高|体重|\d+斤|\d+公斤|\d+kg|一米")),),
}
GroupKey = tuple[str, str | None, str | None, tuple[str, ...]]


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
        intent, sku, topic, _ = self.key
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
        intent = item.intent
        if item.topic and item.topic.startswith("variant:") and intent in _AVAILABILITY:
            intent = "stock"  # "有M码吗" / "M码还有吗" / "M码呢": one question about one size
        topic = item.topic
        if not (topic and topic.startswith("variant:")):
            for name, cue in _SUBTOPICS.get(intent, ()):
                if cue.search(comment.norm):
                    topic = name
                    break
        if intent == "other" and topic is None:
            topic = "text:" + key_of(comment.norm)  # nothing known about it: only the same words are the same question
        key: GroupKey = (intent, item.sku, topic, item.candidates)
        group = self._open.get(key)
        if group is None:
            group = _Open(id=f"g{self._next}", key=key, room=comment.room, context_sku=item.context_sku,
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
