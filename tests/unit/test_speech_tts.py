"""The TTS interface, the fallback chain and pre-rendering, on the fake voice (no engine needed)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from cohost.errors import InputError, ProviderError
from cohost.speech import CachedTTS, FallbackTTS, PrerenderCache, normalize, prerender, split_clauses
from cohost.speech.audio import Audio
from cohost.speech.tts import TTS
from cohost.testing.fake_tts import FakeTTS
from cohost.testing.tts_contract import TTSContract

LINE = "欢迎来到直播间！这款保温杯只要99元，买1送1，库存有限。"


class TestFakeTTS(TTSContract):
    @pytest.fixture
    def tts(self) -> TTS:
        return FakeTTS()


class TestFallbackChain(TTSContract):
    @pytest.fixture
    def tts(self) -> TTS:
        return FallbackTTS([FakeTTS(name="dead", voices=("dead-1",), fail_after=0, sample_rate=24000),
                            FakeTTS(name="last", voices=("last-1",))])

    def test_every_voice_speaks(self, tts: TTS) -> None:
        pytest.skip("a dead voice falls back to the last one: checked below")


class TestCachedTTS(TTSContract):
    @pytest.fixture
    def tts(self, tmp_path: Path) -> TTS:
        return CachedTTS(FakeTTS(), PrerenderCache(tmp_path))


def test_engine_receives_normalised_clauses() -> None:
    fake = FakeTTS()
    fake.synthesize("今晚8点开抢，¥13999！", voice="fake-b")
    assert fake.calls == [("今晚八点开抢，", "fake-b"), ("一万三千九百九十九元！", "fake-b")]


def test_stream_is_lazy_but_validates_at_once() -> None:
    fake = FakeTTS()
    chunks = fake.stream(LINE)
    assert fake.calls == []
    first = next(chunks)
    assert first.index == 0 and len(fake.calls) == 1
    with pytest.raises(InputError):
        fake.stream("")  # no iteration needed to learn that


def test_fallback_moves_on_and_logs_once(caplog: pytest.LogCaptureFixture) -> None:
    dead = FakeTTS(name="neural", voices=("n-1",), fail_after=0, sample_rate=24000)
    chain = FallbackTTS([dead, FakeTTS(name="espeak", voices=("e-1",))])
    with caplog.at_level(logging.WARNING):
        first = chain.synthesize(LINE)
        chain.synthesize(LINE)
    assert first.voice == "e-1" and first.sample_rate == 24000  # the chain's rate, whoever spoke
    assert chain.failures == {"neural": 2}
    warnings = [r for r in caplog.records if "neural" in r.getMessage()]
    assert len(warnings) == 1 and "espeak speaks instead" in warnings[0].getMessage()


def test_fallback_mid_stream_continues_from_the_failed_clause() -> None:
    neural = FakeTTS(name="neural", voices=("n-1",), fail_after=2)
    last = FakeTTS(name="espeak", voices=("e-1",))
    chunks = list(FallbackTTS([neural, last]).stream(LINE))
    clauses = split_clauses(normalize(LINE))
    assert [c.text for c in chunks] == clauses, "nothing repeated, nothing skipped"
    assert [c.voice for c in chunks] == ["n-1", "n-1"] + ["e-1"] * (len(clauses) - 2)
    assert [c.index for c in chunks] == list(range(len(clauses)))
    assert chunks[-1].final


def test_input_errors_do_not_fall_back() -> None:
    last = FakeTTS(name="espeak", voices=("e-1",))
    with pytest.raises(InputError):
        FallbackTTS([FakeTTS(), last]).synthesize("🎉")
    assert last.calls == []


def test_every_link_failing_raises_the_last_error() -> None:
    chain = FallbackTTS([FakeTTS(name="a", voices=("a",), fail_after=0),
                         FakeTTS(name="b", voices=("b",), fail_after=0, category="timeout")])
    with pytest.raises(ProviderError) as info:
        chain.synthesize(LINE)
    assert info.value.provider == "b" and info.value.category == "timeout"


def test_requested_voice_goes_first_then_the_others() -> None:
    a, b = FakeTTS(name="a", voices=("a-1",)), FakeTTS(name="b", voices=("b-1", "b-2"))
    chain = FallbackTTS([a, b])
    assert chain.synthesize(LINE, voice="b-2").voice == "b-2"
    assert a.calls == []
    with pytest.raises(InputError, match="unknown voice"):
        chain.synthesize(LINE, voice="zz")
    with pytest.raises(ValueError):
        FallbackTTS([])


def test_prerender_then_the_show_reads_from_the_cache(tmp_path: Path) -> None:
    script = [LINE, "今晚8点准时开抢！", "[展示]", "今晚8点准时开抢！"]
    fake = FakeTTS()
    cache = PrerenderCache.in_home(tmp_path)
    report = prerender(script, fake, cache)
    assert (report.rendered, report.cached, report.failed) == (2, 1, [])
    assert report.voices == {"fake-a"} and report.seconds_of_audio > 5
    rendered = len(fake.calls)
    show = CachedTTS(fake, cache)
    streamed = list(show.stream(LINE))
    assert len(fake.calls) == rendered, "scripted lines cost no synthesis on air"
    assert [c.text for c in streamed] == split_clauses(normalize(LINE)), "still interruptible by clause"
    assert show.synthesize("今晚八点准时开抢！").pcm == fake.synthesize("今晚8点准时开抢！").pcm
    show.synthesize("这是一个观众的新问题，现场回答。")
    assert (show.hits, show.misses) == (2, 1)
    assert prerender(script, fake, cache).cached == 3


def test_cache_is_keyed_by_the_voice_that_spoke(tmp_path: Path) -> None:
    cache = PrerenderCache(tmp_path)
    chain = FallbackTTS([FakeTTS(name="neural", voices=("n-1",), fail_after=0), FakeTTS(name="e", voices=("e-1",))])
    prerender(["你好，欢迎光临！"], chain, cache)
    assert cache.get("你好，欢迎光临！", "e-1") is not None
    assert cache.get("你好，欢迎光临！", "n-1") is None, "espeak audio is never served as the neural voice"


def test_unreadable_cache_entry_is_a_miss_and_is_rewritten(tmp_path: Path) -> None:
    cache = PrerenderCache(tmp_path)
    fake = FakeTTS()
    prerender(["你好，欢迎光临！"], fake, cache)
    path = cache.path("你好，欢迎光临！", "fake-a")
    path.write_bytes(b"garbage")
    assert cache.get("你好，欢迎光临！", "fake-a") is None
    report = prerender(["你好，欢迎光临！"], fake, cache)
    assert report.rendered == 1 and cache.get("你好，欢迎光临！", "fake-a") is not None


def test_prerender_reports_failures_and_goes_on(tmp_path: Path) -> None:
    fake = FakeTTS(fail_on="坏")
    report = prerender(["好的句子在这里", "坏的句子在这里", "又一个好句子"], fake, PrerenderCache(tmp_path))
    assert report.rendered == 2 and [line for line, _ in report.failed] == ["坏的句子在这里"]


def test_cache_key_ignores_spelling_but_not_voice(tmp_path: Path) -> None:
    cache = PrerenderCache(tmp_path)
    assert cache.key("只要¥99", "a") == cache.key("只要九十九元", "a") != cache.key("只要¥99", "b")
    assert isinstance(cache.put("只要¥99", Audio(b"\0\0" * 10, 16000, "a")), Path) and len(cache) == 1
