"""The anchor end to end with the real store, checker and espeak-ng: an unapproved script is refused
before any voice runs; an approved one is presented to a simulated room, answers come from the live
pipeline, the show's audio lands in a labelled WAV and every utterance in the audit log."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from cohost.catalog import read_catalog
from cohost.cli.anchor import live_show
from cohost.config import Settings
from cohost.content import ContentStudio, ShowRequest
from cohost.errors import ConflictError
from cohost.speech.audio import read_wav
from cohost.store import Store

pytestmark = pytest.mark.integration
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "shop.json"

if shutil.which("espeak-ng") is None:
    pytest.skip("espeak-ng missing: apt-get install espeak-ng (make test installs it)", allow_module_level=True)


def test_an_approved_script_is_presented_to_a_simulated_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the show loop is under test, not the voice: espeak-ng even where `make voices` built the neural one
    # (its 10 s start-up would eat the 7.5-second show at speed 12); at speed 30 the show lasted 3 s and a
    # loaded machine got no further than the opening notice
    monkeypatch.setenv("COHOST_TTS_ENV", str(tmp_path / "no-neural-voice"))
    settings = Settings(home=tmp_path)
    settings.ensure_home()
    store = Store.open(settings.resolved_database_url)
    try:
        store.catalog.import_catalog(read_catalog(EXAMPLE))
        skus = [p.sku for p in store.catalog.list()][:2]
        script = ContentStudio(store).new_script(ShowRequest.build(skus, 3, seed=2, title="测试"), actor="op")
        with pytest.raises(ConflictError):
            asyncio.run(live_show(store, tmp_path, script_id=script.id, on_duty="王五", source="simulate:rate=2",
                                  minutes=0.5, speed=20))
        assert not (tmp_path / "anchor").exists()
        store.scripts.submit(script.id, by="op")
        store.scripts.approve(script.id, by="审核员")
        summary = asyncio.run(live_show(store, tmp_path, script_id=script.id, on_duty="王五",
                                        source="simulate:rate=3", minutes=1.5, speed=12))
        entries = store.audit.entries(action="anchor.utterance", limit=10_000)
        assert entries and all(e.detail["on_duty"] == "王五" for e in entries)
        kinds = {e.detail["source"]["kind"] for e in entries}
        assert {"notice", "script", "answer"} <= kinds
        answer = next(e for e in entries if e.detail["source"]["kind"] == "answer")
        assert answer.detail["source"]["group"] and answer.detail["facts"] and answer.detail["compliance"]["ok"]
        assert store.audit.entries(action="anchor.start")[0].actor == "王五"
        wav = Path(summary["audio"]).read_bytes()
        assert b"AIGC=" in wav[:600]
        audio = read_wav(wav)
        assert audio.duration > 20 and audio.rms() > 0.01
    finally:
        store.close()
