"""Conformance suite for TTS providers: every voice (espeak-ng, the neural worker, a cloud plug-in, the
fake) passes the same class. Subclass it and provide a ``tts`` fixture::

    class TestMyVoice(TTSContract):
        @pytest.fixture
        def tts(self) -> TTS: ...

What it holds a provider to: valid PCM16 mono WAV at the advertised rate; audible speech; a sane duration
per character; streaming by clause that matches ``synthesize``; prices actually read out; clear
``InputError`` for empty, unspeakable, over-long text and unknown voices; and no crash, hang or leak of
markup on hostile text.
"""

from __future__ import annotations

import io
import wave

import pytest

from cohost.errors import InputError
from cohost.speech.clauses import split_clauses
from cohost.speech.normalizer import normalize
from cohost.speech.tts import MAX_TEXT_CHARS, TTS

SENTENCE = "欢迎来到直播间，今天这款保温杯只要九十九元！"
HOSTILE = [
    "<speak><audio src='http://x/evil.wav'/>你好</speak>",
    "$(rm -rf /) `reboot` ; 你好",
    "-v en --stdout 你好",
    "你\x00好\x1b[31m红色\u202e反转\u200b字",
    '{"id": 1, "text": "注入"}\n{"cmd": "quit"}',
    "🎉🔥" * 50 + "上新啦",
    "甲" * 300,
    "a" * 300,
]


class TTSContract:
    """What every TTS provider must do."""

    max_seconds_per_char = 0.7
    min_seconds_per_char = 0.08

    def test_satisfies_the_protocol(self, tts: TTS) -> None:
        assert isinstance(tts, TTS)
        assert tts.voices, "a provider has at least one voice"
        assert tts.sample_rate in (8000, 16000, 22050, 24000, 32000, 44100, 48000)

    def test_synthesize_gives_valid_pcm16_mono_wav(self, tts: TTS) -> None:
        audio = tts.synthesize(SENTENCE)
        with wave.open(io.BytesIO(audio.to_wav())) as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, tts.sample_rate)
            assert w.getnframes() == len(audio.pcm) // 2 > 0

    def test_speech_is_audible(self, tts: TTS) -> None:
        audio = tts.synthesize(SENTENCE)
        samples = abs(audio.samples().astype(float))
        assert audio.rms() > 300, "speech should be well above silence"
        assert (samples > 1000).mean() > 0.1, "sound throughout, not one click"

    def test_duration_per_character_is_sane(self, tts: TTS) -> None:
        audio = tts.synthesize(SENTENCE)
        chars = len(normalize(SENTENCE).strip("，。！"))
        assert self.min_seconds_per_char * chars <= audio.duration <= self.max_seconds_per_char * chars

    def test_prices_are_read_out(self, tts: TTS) -> None:
        short = tts.synthesize("只要¥1")
        long = tts.synthesize("只要¥13999")
        assert long.duration > short.duration + 0.5, "一万三千九百九十九元 takes longer to say than 一元"

    def test_stream_yields_clauses_that_add_up_to_synthesize(self, tts: TTS) -> None:
        text = "欢迎来到直播间！今天这款保温杯只要99元，买1送1，库存有限。"
        chunks = list(tts.stream(text))
        assert [c.text for c in chunks] == split_clauses(normalize(text))
        assert [c.index for c in chunks] == list(range(len(chunks)))
        assert [c.final for c in chunks] == [False] * (len(chunks) - 1) + [True]
        assert {c.sample_rate for c in chunks} == {tts.sample_rate}
        assert all(c.pcm and len(c.pcm) % 2 == 0 for c in chunks)
        whole = tts.synthesize(text)
        streamed = sum(c.duration for c in chunks)
        assert abs(streamed - whole.duration) <= 0.1 * whole.duration

    @pytest.mark.parametrize("text", ["", "   ", "\n\t", "！？。，", "🎉🎉🎉", "[展示]"])
    def test_nothing_to_say_is_an_input_error(self, tts: TTS, text: str) -> None:
        with pytest.raises(InputError, match="nothing to say"):
            tts.synthesize(text)
        with pytest.raises(InputError):
            tts.stream(text)

    def test_over_long_text_is_refused_before_any_work(self, tts: TTS) -> None:
        with pytest.raises(InputError, match="too long") as info:
            tts.stream("好" * (MAX_TEXT_CHARS + 1))
        assert info.value.hint and "split" in info.value.hint

    def test_unknown_voice_is_an_input_error(self, tts: TTS) -> None:
        with pytest.raises(InputError, match="unknown voice"):
            tts.synthesize(SENTENCE, voice="no-such-voice")

    def test_every_voice_speaks(self, tts: TTS) -> None:
        for voice in tts.voices:
            audio = tts.synthesize("你好，欢迎光临！", voice=voice)
            assert audio.duration > 0.3 and audio.rms() > 300

    @pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
    def test_hostile_text_is_spoken_or_refused_cleanly(self, tts: TTS, text: str) -> None:
        try:
            chunks = list(tts.stream(text))
        except InputError:
            return
        assert chunks and all(c.pcm for c in chunks)
        for chunk in chunks:
            assert len(chunk.text) <= 40, "clauses stay short, whatever the input"
            assert not set(chunk.text) & set("<>{}$`\\\x00\x1b"), "markup and control characters are never spoken"
