"""``cohost say``: speak a line to a WAV file, or print it exactly as it would be spoken.

Contract (shared/specs/formats.md §3): ``cohost say TEXT --out FILE.wav [--voice NAME]`` writes 16-bit
PCM mono WAV; ``cohost say --normalize TEXT`` prints the normalised text on one line and nothing else.
The file always starts with the AI rhythm cue and carries the AIGC label (no flag removes them, LBL-10).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cohost.cli.context import HomeOption, app_state
from cohost.errors import InputError

if TYPE_CHECKING:
    from cohost.speech import SpeechConfig, VoiceInfo


def register(app: typer.Typer) -> None:
    @app.command("say")
    def say(
        ctx: typer.Context,
        text: Annotated[str | None, typer.Argument(help="要说的话 / the line to speak ('-' reads stdin)")] = None,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="WAV file to write (16-bit PCM mono)")] = None,
        voice: Annotated[str | None, typer.Option("--voice", help="voice or engine name (see --list-voices)")] = None,
        normalize_only: Annotated[bool, typer.Option("--normalize", help="print the text as it would be spoken")] = False,
        list_voices_: Annotated[bool, typer.Option("--list-voices", help="list voices and whether they can run")] = False,
        home: HomeOption = None,
    ) -> None:
        """朗读 / speak a line with the offline voices, or show how it would be read."""
        from cohost.speech import SpeechConfig, default_tts_env, list_voices, normalize

        settings = app_state(ctx).settings(home)
        config = SpeechConfig(home=settings.home, tts_env=default_tts_env())
        if list_voices_:
            _print_voices(list_voices(config))
            return
        line = _read_text(text)
        if normalize_only:
            spoken = normalize(line)
            if not spoken:
                raise InputError(f"nothing to say: {line[:40]!r} has no speakable words")
            print(spoken)
            return
        if out is None:
            raise InputError("say needs --out FILE.wav (or --normalize to print the spoken text)",
                             hint="cohost say '今天只要¥99' --out line.wav")
        _speak(line, out, voice, config)


def _read_text(text: str | None) -> str:
    if text == "-":
        text = sys.stdin.read()
    if text is None or not text.strip():
        raise InputError("nothing to say: the text is empty", hint="cohost say '欢迎来到直播间' --out hello.wav")
    return text


def _check_out(out: Path) -> None:
    if out.suffix.lower() != ".wav":
        raise InputError(f"{out}: the output must be a .wav file")
    if out.is_dir():
        raise InputError(f"{out}: is a folder, not a file")
    if not out.parent.is_dir():
        raise InputError(f"{out}: folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError(f"{out}: not writable", hint="choose a writable path")


def _speak(line: str, out: Path, voice: str | None, config: SpeechConfig) -> None:
    from cohost.speech import read_wav, speech_chain
    from cohost.speech.disclosure import labelled_wav
    from cohost.speech.registry import find_engine, has_voice

    _check_out(out)
    tts = speech_chain(config, voice)
    audio = tts.synthesize(line, voice if voice and has_voice(tts, voice) else None)
    data = labelled_wav(audio)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{out}: cannot write: {exc.strerror}", hint="choose a writable path") from exc
    if voice and audio.voice not in find_engine(voice).voices:
        print(f"Note: voice {voice} is not available here; spoke with {audio.voice}", file=sys.stderr)
    print(f"{out} · {read_wav(data).duration:.1f} s · {audio.voice}")


def _print_voices(voices: list[VoiceInfo]) -> None:
    for info in voices:
        state = "ready" if info.problem is None else f"unavailable: {info.problem}"
        print(f"{info.name:16} {info.engine:7} {state}")
        print(f"{'':16} {info.description}")
