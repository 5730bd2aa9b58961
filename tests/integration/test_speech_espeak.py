"""espeak-ng for real: the offline voice at the end of every chain passes the TTS contract."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from cohost.errors import ProviderError
from cohost.speech.espeak import EspeakTTS, espeak_problem, to_ssml
from cohost.speech.tts import TTS
from cohost.testing.tts_contract import TTSContract
from tests.unit.cli_helpers import run

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(espeak_problem() is not None, reason="espeak-ng is not installed (make debs)")]


class TestEspeak(TTSContract):
    @pytest.fixture
    def tts(self) -> TTS:
        return EspeakTTS()


def test_hanzi_never_reach_espeak_and_latin_is_english() -> None:
    ssml = to_ssml("iPhone 十五 Pro到手价五千九百九十九元，")
    assert ssml.startswith("<speak>") and ssml.endswith("</speak>")
    assert '<voice name="en">iPhone</voice>' in ssml and "shi2 wu3" in ssml and "yuan2" in ssml
    assert not any("\u4e00" <= c <= "\u9fff" for c in ssml)


def test_tone_sandhi_is_applied() -> None:
    assert "ni2 hao3" in to_ssml("你好")


def test_a_missing_binary_is_a_missing_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    from cohost.speech import espeak

    monkeypatch.setattr(espeak, "espeak_binary", lambda: None)
    with pytest.raises(ProviderError) as info:
        EspeakTTS().synthesize("你好你好")
    assert info.value.category == "missing" and "apt-get install espeak-ng" in (info.value.hint or "")


def test_cohost_say_writes_real_speech(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COHOST_TTS_ENV", str(tmp_path / "no-neural-env"))
    out = tmp_path / "hello.wav"
    r = run(capsys, "--home", str(tmp_path), "say", "欢迎来到直播间！今天这款保温杯只要99元", "--out", str(out),
            "--voice", "espeak-f")
    assert r.code == 0, r.err
    assert "espeak-f" in r.out
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        assert 3.0 < w.getnframes() / 22050 < 15.0
