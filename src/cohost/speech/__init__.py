"""Speech: commerce-aware normalisation, clause streaming, TTS providers and their fallback chain.

    normalize("¥13999")            → 一万三千九百九十九元
    split_clauses(spoken)          → clauses, the unit of streaming and interruption
    speech_chain(config, voice)    → FallbackTTS: the neural worker voice if built, then espeak-ng
    prerender(lines, tts, cache)   → a show's script synthesised before the show
"""

from cohost.speech.audio import Audio, read_wav, write_wav
from cohost.speech.cache import CachedTTS, PrerenderCache, PrerenderReport, prerender
from cohost.speech.clauses import split_clauses
from cohost.speech.fallback import FallbackTTS
from cohost.speech.normalizer import NORMALIZER_VERSION, normalize
from cohost.speech.registry import (
    SpeechConfig,
    VoiceInfo,
    default_tts_env,
    list_voices,
    make_tts,
    speech_chain,
)
from cohost.speech.tts import TTS, EngineTTS, SpeechChunk

__all__ = [
    "NORMALIZER_VERSION",
    "TTS",
    "Audio",
    "CachedTTS",
    "EngineTTS",
    "FallbackTTS",
    "PrerenderCache",
    "PrerenderReport",
    "SpeechChunk",
    "SpeechConfig",
    "VoiceInfo",
    "default_tts_env",
    "list_voices",
    "make_tts",
    "normalize",
    "prerender",
    "read_wav",
    "speech_chain",
    "split_clauses",
    "write_wav",
]
