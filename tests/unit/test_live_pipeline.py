"""The pipeline machinery: pass-through stages, failing stages, observers, fail-closed masking."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cohost.events import Comment, ErrorEvent, RoomEvent
from cohost.live.pipeline import LivePipeline, Stage
from cohost.live.screening import REDACTED, MaskStage, NormalizeStage


class Upper(Stage):
    name = "upper"
    accepts = (Comment,)

    def process(self, event: Comment) -> Iterable[Any]:
        return (Comment(**{**{k: getattr(event, k) for k in Comment.__slots__}, "text": event.text.upper()}),)


class Boom(Stage):
    name = "boom"
    accepts = (Comment,)

    def process(self, event: Comment) -> Iterable[Any]:
        if "boom" in event.text.lower():
            raise RuntimeError("kaboom")
        return (event,)


def comment(text: str, ref: int = 1) -> Comment:
    return Comment(ref=ref, ts=1.0, room="r1", user_id="u1", text=text)


def test_stages_handle_what_they_accept_and_pass_the_rest_on() -> None:
    seen: list[Any] = []
    pipeline = LivePipeline([Upper()], observers=[seen.append])
    stats = RoomEvent(ref=2, ts=1.0, room="r1", type="stats", meta={"online": 3})
    assert pipeline.push(comment("abc"))[0].text == "ABC"
    assert pipeline.push(stats) == [stats]
    assert [type(e).__name__ for e in seen] == ["Comment", "RoomEvent"]


def test_a_failing_stage_becomes_an_error_event_and_the_stream_goes_on() -> None:
    pipeline = LivePipeline([Boom(), Upper()])
    out = pipeline.push(comment("boom!", ref=7))
    errors = [e for e in out if isinstance(e, ErrorEvent)]
    assert errors and errors[0].ref == 7 and errors[0].stage == "boom" and "kaboom" in errors[0].message
    assert [e.text for e in out if isinstance(e, Comment)] == ["BOOM!"]  # passed on by the fallback
    assert pipeline.push(comment("fine", ref=8))[0].text == "FINE"
    assert pipeline.errors == 1


def test_mask_failure_never_leaks_raw_text() -> None:
    class BrokenMask(MaskStage):
        def _mask(self, text: str) -> tuple[str, tuple[str, ...]]:
            raise ValueError("regex engine on fire")

    out = LivePipeline([NormalizeStage(), BrokenMask()]).push(comment("电话13812345678"))
    masked = [e for e in out if isinstance(e, Comment)]
    assert masked[0].text == REDACTED and "redacted" in masked[0].flags
    assert all("13812345678" not in str(e) for e in out)


def test_normalize_strips_invisible_characters_that_would_hide_a_phone_number() -> None:
    out = LivePipeline([NormalizeStage(), MaskStage()]).push(comment("电话138\u200b1234\u200b5678 多少錢"))
    c = out[0]
    assert c.text == "电话138****5678 多少錢" and c.pii == ("mobile",)
    assert "多少钱" in c.norm and "1234" not in c.norm  # matching never sees the masked digits either


def test_stage_names_must_be_unique() -> None:
    try:
        LivePipeline([Upper(), Upper()])
    except ValueError as exc:
        assert "unique" in str(exc)
    else:
        raise AssertionError("duplicate stage names were accepted")
