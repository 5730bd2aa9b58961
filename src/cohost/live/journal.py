"""Resumable outputs: the exactly-once boundary of the live room after a crash.

A restart replays the sealed event log through a fresh pipeline. The pipeline is deterministic (event
time, ordered ids, no wall clock), so it produces the same output sequence again; each output file
knows how many complete lines it already holds and skips that many, cutting a torn last line first.
What the Q&A core answered, and the guard's verdict on it, are journalled per group *before* the answer
goes out (``AnswerMemo``), and a replay reuses them instead of asking again: an answer is never produced
twice, and its text (whose wording rotates) and verdict stay the same, which keeps the replay aligned.
Answers to groups first seen after the crash may be worded differently than in an uninterrupted run
(the Q&A core's phrasing rotation restarts with the process); their facts, routes and verdicts do not.

Constraints: a journal is appended with whole lines only; the memo is written with one ``os.write`` per
answer; JSON is UTF-8 with ``ensure_ascii=False`` (Chinese stays readable in the files).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any


def _unserialisable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# the C encoder of ``json.dumps(record, ensure_ascii=False)``, built once: ``json.dumps`` with arguments
# builds a new one per call, which is a tenth of the cost of writing a record. Records are plain and
# acyclic, so the circular-reference check is off.
_make_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODER = (_make_encoder(None, _unserialisable, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
              if _make_encoder is not None else None)
_PY_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def dumps(record: dict[str, Any]) -> str:
    """One record as a JSON line (no newline); the same text as ``json.dumps(record, ensure_ascii=False)``."""
    if _C_ENCODER is not None:
        chunks: tuple[str, ...] = _C_ENCODER(record, 0)
        return "".join(chunks)
    return _PY_ENCODER.encode(record)


def complete_lines(path: Path) -> int:
    """Count whole lines, cutting an unterminated last one (a write torn by a crash)."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    count = 0
    last_newline = -1
    offset = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            count += chunk.count(b"\n")
            pos = chunk.rfind(b"\n")
            if pos >= 0:
                last_newline = offset + pos
            offset += len(chunk)
    if last_newline + 1 < size:
        os.truncate(path, last_newline + 1)
    return count


class LineJournal:
    """A JSON Lines output that a resumed run appends to without repeating itself."""

    def __init__(self, path: Path | None, *, resume: bool, stream: IO[str] | None = None) -> None:
        self.path = path
        self.skip = 0
        self.seen = 0
        self.written = 0
        self._fh: IO[str] | None = stream
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            if resume:
                self.skip = complete_lines(path)
            self._fh = path.open("a" if resume else "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> bool:
        return self.write_line(dumps(record))

    def write_line(self, line: str) -> bool:
        """Write one already-encoded record (no newline); False when skipped on a resumed run."""
        self.seen += 1
        if self.seen <= self.skip or self._fh is None:
            return False
        self._fh.write(line + "\n")
        self.written += 1
        return True

    def flush(self) -> None:
        if self._fh is not None:
            self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            if self.path is not None:
                self._fh.close()
            self._fh = None


class AnswerMemo:
    """What the Q&A core answered and what the guard found, per question group of one session
    (``answers.jsonl``; keys ``g12`` and ``guard:g12``).

    Each key is asked for once per process (a group opens once, its answer is guarded once), and only a
    replay after a restart can find one: so only the entries read back from the file are held, each until
    it is used, and what this process writes goes to the file alone. Memory stays flat however long the
    show."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._replies: dict[str, dict[str, Any]] = {}
        self._fd = -1
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        complete_lines(path)
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    try:
                        doc = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(doc, dict) and isinstance(doc.get("group"), str) and isinstance(doc.get("reply"), dict):
                        self._replies[doc["group"]] = doc["reply"]
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def __len__(self) -> int:
        return len(self._replies)

    def get(self, group: str) -> dict[str, Any] | None:
        return self._replies.pop(group, None)

    def put(self, group: str, reply: dict[str, Any]) -> None:
        if self._fd >= 0:
            os.write(self._fd, (dumps({"group": group, "reply": reply}) + "\n").encode("utf-8"))

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
