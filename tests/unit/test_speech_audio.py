"""WAV in and out, and the AI labels every exported clip carries."""

from __future__ import annotations

import io
import json
import struct
import wave
from pathlib import Path

import numpy as np
import pytest

from cohost.speech import Audio, read_wav, write_wav
from cohost.speech.audio import concat, silence
from cohost.speech.disclosure import CUE_FREQUENCY, CUE_UNIT, aigc_label, labelled_wav, rhythm_cue


def tone(seconds: float = 0.5, rate: int = 16000, freq: float = 440.0) -> Audio:
    t = np.arange(int(seconds * rate)) / rate
    return Audio.from_samples(0.5 * np.sin(2 * np.pi * freq * t), rate, "v")


def test_wav_round_trip_is_lossless_pcm16_mono(tmp_path: Path) -> None:
    audio = tone()
    write_wav(tmp_path / "a.wav", audio)
    with wave.open(str(tmp_path / "a.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
    assert read_wav((tmp_path / "a.wav").read_bytes()).pcm == audio.pcm


def test_reads_what_engines_write() -> None:
    rate, t = 22050, np.arange(2205) / 22050
    x = 0.5 * np.sin(2 * np.pi * 300 * t)
    stereo16 = io.BytesIO()
    with wave.open(stereo16, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.repeat((x * 32767).astype("<i2"), 2).tobytes())
    assert read_wav(stereo16.getvalue()).duration == pytest.approx(0.1, abs=1e-3)
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    data = x.astype("<f4").tobytes()
    float32 = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + struct.pack("<I", 16) + fmt + \
        b"data" + struct.pack("<I", len(data)) + data
    assert abs(read_wav(float32).samples().max() - 16384) < 50
    streamed = float32[:4] + b"\xff\xff\xff\xff" + float32[8:40] + b"\xff\xff\xff\xff" + data
    assert read_wav(streamed).duration == pytest.approx(0.1, abs=1e-3)  # espeak-ng writing to a pipe


@pytest.mark.parametrize("data", [b"", b"RIFF", b"RIFF\0\0\0\0WAVE", b"not a wav at all" * 10,
                                  b"RIFF\x10\0\0\0WAVEfmt \x02\0\0\0\0\0",
                                  b"RIFF\x24\0\0\0WAVEdata\x04\0\0\0\0\0\0\0"])
def test_broken_wav_is_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError):
        read_wav(data)


def test_unsupported_encoding_is_named() -> None:
    fmt = struct.pack("<HHIIHH", 85, 1, 8000, 8000, 1, 8)  # MP3 in WAV
    data = b"RIFF" + struct.pack("<I", 40) + b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data\x04\0\0\0abcd"
    with pytest.raises(ValueError, match="format 85"):
        read_wav(data)


def test_resample_keeps_duration_and_pitch() -> None:
    audio = tone(1.0, 16000, 440).resampled(24000)
    assert audio.sample_rate == 24000 and audio.duration == pytest.approx(1.0, abs=1e-3)
    spectrum = np.abs(np.fft.rfft(audio.samples()))
    assert np.argmax(spectrum) * 24000 / audio.samples().size == pytest.approx(440, abs=2)


def test_trim_and_concat() -> None:
    padded = concat([silence(0.5, 16000), tone(0.5), silence(0.5, 16000)])
    assert padded.duration == pytest.approx(1.5, abs=1e-3)
    assert padded.trimmed().duration == pytest.approx(0.54, abs=0.02)
    assert silence(1, 16000).trimmed().duration == 0
    with pytest.raises(ValueError):
        concat([])


def test_audio_refuses_odd_bytes_and_bad_rates() -> None:
    with pytest.raises(ValueError):
        Audio(b"\0", 16000)
    with pytest.raises(ValueError):
        Audio(b"", 0)


def test_from_samples_clips_and_survives_nan() -> None:
    audio = Audio.from_samples(np.array([2.0, -2.0, np.nan, np.inf]), 8000)
    assert list(audio.samples()) == [32767, -32767, 0, 32767]


def test_write_is_atomic_and_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_wav(tmp_path / "missing" / "a.wav", tone())
    assert list(tmp_path.iterdir()) == []


def test_exported_clip_starts_with_the_short_long_short_short_cue() -> None:
    speech = tone(1.0, 16000, 200)
    audio = read_wav(labelled_wav(speech))
    s = np.abs(audio.samples().astype(float))
    frame = int(0.02 * 16000)
    loud = [s[i:i + frame].mean() > 2000 for i in range(0, int(1.4 * 16000), frame)]
    runs, current = [], 0
    for on in [*loud, False]:
        if on:
            current += 1
        elif current:
            runs.append(current)
            current = 0
    unit = CUE_UNIT / 0.02
    assert [round(r / unit) for r in runs[:4]] == [1, 3, 1, 1]  # · -  · ·  = "AI"
    first = audio.samples()[: int(CUE_UNIT * 16000)].astype(float)
    peak = np.argmax(np.abs(np.fft.rfft(first))) * 16000 / first.size
    assert peak == pytest.approx(CUE_FREQUENCY, abs=10)
    assert audio.duration == pytest.approx(rhythm_cue(16000).duration + 1.0, abs=0.01)


def test_exported_clip_carries_the_aigc_implicit_label() -> None:
    data = labelled_wav(tone())
    start = data.index(b"AIGC=") + 5
    label = json.loads(data[start:data.index(b"\0", start)])
    assert label["Label"] == "1" and label["ContentProducer"] == "Cohost"
    assert label["ProduceID"] == label["PropagateID"] and len(label["ProduceID"]) == 32
    assert all(v.isascii() and " " not in v for v in label.values())
    with wave.open(io.BytesIO(data)) as w:  # still a plain WAV for every player
        assert w.getnchannels() == 1 and w.getsampwidth() == 2


def test_aigc_label_is_stable_and_sanitised() -> None:
    audio = tone()
    assert aigc_label(audio) == aigc_label(audio)
    label = json.loads(aigc_label(audio, producer='evil "name" \\ x')["AIGC"])
    assert label["ContentProducer"] == "evilnamex"
