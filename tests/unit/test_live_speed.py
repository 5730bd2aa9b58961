"""The live path's speed mechanisms change costs, never results: two-generation caches, the moderator's
fast verdict, positional event construction and the pipeline's tuple pass-through."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from cohost.events import Comment, ErrorEvent
from cohost.live import pii
from cohost.live.metrics import MetricsStage
from cohost.live.moderation import _LEXICON_HALF, Moderator, Verdict
from cohost.live.pipeline import LivePipeline, Stage
from cohost.live.screening import MaskStage, ModerateStage, _Cache, clean_display, match_form

HOSTILE = ["好" * 5000, "手机号13812345678", "ｑｑ：１２３４５６７８９", "加微信ａｂｃｄｅｆ１２３", "這個多少錢？還有貨嗎",
           "主播好漂亮😍😍😍😍😍😍😍😍", "我的电话是一三八一二三四五六七八", "\u200b138\u200b1234\u200b5678", "傻*逼", "s b 主播",
           "哈" * 30, "质量太差 退钱", "去拼多多搜同款只要9.9", "兼职刷单日结有意者私", "邮箱 abc@qq.com 发我", "\x00\x7f",
           "收货地址浙江省杭州市西湖区文三路100号2栋301室", "多少钱", "多少钱", "多少钱", "多少钱", "多少钱", "ok", "?"]


def _comment(text: str, ref: int = 1, user: str = "u1", ts: float = 100.0) -> Comment:
    clean = clean_display(text) or "?"
    return Comment(ref, ts, "r", user, clean, "nick", "douyin", match_form(clean))


def test_two_generation_cache_is_bounded_and_keeps_recent_entries() -> None:
    cache = _Cache(size=10)
    for i in range(100):
        cache.put(str(i), i)
        assert len(cache) <= 10
    assert cache.get("99") == 99 and cache.get("95") == 95  # the young and the old generation
    assert cache.get("0") is None
    cache.get("95")  # a hit in the old generation is carried over to the young one
    for i in range(100, 104):
        cache.put(str(i), i)
    assert cache.get("95") == 95


def _reference_judge(moderator: Moderator, text: str, norm: str, user_id: str, ts: float,
                     found_pii: tuple[str, ...]) -> Verdict:
    """The verdict written out in full, without the fast path (as before the fast path existed)."""
    found = moderator._scan(text, norm)
    flags: list[str] = ["negative"] if "negative" in found else []
    label = "ok"
    if "abuse" in found:
        label, flags = "abuse", [*flags, "insult"]
    elif "scam" in found:
        label, flags = "spam", [*flags, "ad"]
    elif found_pii and {"wechat", "qq", "email"} & set(found_pii) and not __import__(
            "cohost.live.moderation", fromlist=["_own_contact"])._own_contact(norm, found_pii):
        label, flags = "diversion", [*flags, "contact"]
    elif "divert" in found:
        label, flags = "diversion", [*flags, "offsite"]
    elif "promo" in found:
        label, flags = "spam", [*flags, "ad"]
    elif "flood" in found:
        label, flags = "spam", [*flags, "flood"]
    repeated = moderator._repeats(user_id, norm, ts)
    if repeated and label == "ok":
        label = "spam"
    if repeated:
        flags.append(repeated)
    return Verdict(label, tuple(flags))  # type: ignore[arg-type]


def test_fast_verdict_agrees_with_the_full_chain_on_hostile_inputs() -> None:
    fast, slow = Moderator(), Moderator()
    for i, raw in enumerate(HOSTILE * 3):
        masked, kinds = pii.mask(clean_display(raw) or "?")
        norm = match_form(masked)
        ts = 100.0 + i
        assert fast.judge(masked, norm, user_id="u1", ts=ts, pii=kinds) == _reference_judge(
            slow, masked, norm, "u1", ts, kinds), raw[:40]


def test_lexicon_memo_is_bounded_and_a_rotated_text_scans_the_same() -> None:
    moderator = Moderator()
    first = moderator._scan("傻逼主播", "傻逼主播")
    for i in range(_LEXICON_HALF * 2 + 10):
        moderator._scan(f"text {i}", f"text {i}")
    assert len(moderator._lexicon) + len(moderator._lexicon_old) <= 2 * _LEXICON_HALF
    assert moderator._scan("傻逼主播", "傻逼主播") == first == Moderator()._scan("傻逼主播", "傻逼主播")


def test_positional_events_equal_dataclasses_replace() -> None:
    mask, moderate = MaskStage(), ModerateStage()
    for i, text in enumerate(HOSTILE):
        event = _comment(text, ref=i, ts=100.0 + i)
        (masked,) = mask.process(event)
        kinds = pii.mask(event.text)[1]
        if kinds:
            assert masked == replace(event, text=pii.mask(event.text)[0], norm=match_form(masked.text), pii=kinds)
        (judged,) = ModerateStage().process(masked)
        verdict = Moderator().judge(masked.text, masked.norm, user_id=masked.user_id, ts=masked.ts, pii=masked.pii)
        assert judged == replace(masked, moderation=verdict.label, flags=(*masked.flags, *verdict.flags))
        moderate.process(masked)


class _Tuple(Stage):
    name = "tuple"
    accepts = (Comment,)

    def process(self, event: Any) -> tuple[Any, ...]:
        return (event,)


class _Tuple2(_Tuple):
    name = "tuple2"


class _HalfGenerator(Stage):
    name = "half"
    accepts = (Comment,)

    def process(self, event: Any) -> Iterator[Any]:
        yield event
        raise ValueError("half-way")


def test_pipeline_takes_tuples_as_they_are_and_drains_generators_as_before() -> None:
    event = _comment("多少钱")
    out = LivePipeline([_Tuple(), MetricsStage()]).push(event)
    assert type(out) is list and out[0] == event
    out = LivePipeline([_Tuple(), _HalfGenerator(), _Tuple2()]).push(event)  # yielded, error, fallback
    assert type(out) is list and len(out) == 3 and isinstance(out[1], ErrorEvent) and out[0] == out[2] == event
