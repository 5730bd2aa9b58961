"""AI labels for synthetic speech (compliance.md §6: LBL-4, LBL-4b, LBL-5, GB-3, GB-4).

Constraints:

- Every audio file Cohost exports carries both labels, and no option turns them off (LBL-10, DS-18):
  the explicit one, the rhythm cue 短长短短 (Morse "AI": ·- ··) at the start (GB-3), and the implicit
  one, the GB 45438 Appendix E ``AIGC`` JSON in the WAV's LIST/INFO chunk (GB-4).
- AIGC values are printable ASCII with no spaces, quotes or backslashes; ``ProduceID`` is derived from
  the audio itself, so re-exporting the same audio gives the same id.
- The live show labels itself differently (the stage page's permanent label and spoken notices from the
  show runner); ``SPOKEN_NOTICE`` is the sentence it says.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np

from cohost.speech.audio import Audio, concat, silence

SPOKEN_NOTICE = "本直播间的主播声音由人工智能生成。"
PRODUCER = "Cohost"
CUE_FREQUENCY = 880.0
CUE_UNIT = 0.12  # seconds per Morse unit: a dot is one unit, a dash three, the gap inside a letter one
_CUE_PATTERN = ((1, 1), (3, 3), (1, 1), (1, 0))  # (tone units, gap units): · -  then  · ·
_LETTER_GAP_AFTER = 1  # after the dash ends "A", the gap widens to three units (one letter gap)


def rhythm_cue(sample_rate: int) -> Audio:
    """短长短短 at 880 Hz with 5 ms ramps, then 0.3 s of silence before the speech."""
    parts: list[Audio] = []
    ramp = max(1, int(0.005 * sample_rate))
    for tone_units, gap_units in _CUE_PATTERN:
        n = int(tone_units * CUE_UNIT * sample_rate)
        t = np.arange(n) / sample_rate
        wave = 0.4 * np.sin(2 * np.pi * CUE_FREQUENCY * t)
        envelope = np.ones(n)
        envelope[:ramp] = np.linspace(0, 1, ramp)
        envelope[-ramp:] = np.linspace(1, 0, ramp)
        parts.append(Audio.from_samples(wave * envelope, sample_rate))
        parts.append(silence(gap_units * CUE_UNIT, sample_rate))
    parts.append(silence(0.3, sample_rate))
    return concat(parts)


def aigc_label(audio: Audio, *, producer: str = PRODUCER) -> dict[str, str]:
    """The GB 45438 Appendix E implicit label for ``audio`` (Label 1: AI-generated)."""
    produce_id = hashlib.sha256(audio.pcm).hexdigest()[:32]
    safe = "".join(c for c in producer if c.isascii() and c.isprintable() and c not in " \"'\\") or PRODUCER
    label = {"Label": "1", "ContentProducer": safe, "ProduceID": produce_id, "ReservedCode1": "",
             "ContentPropagator": safe, "PropagateID": produce_id, "ReservedCode2": ""}
    return {"AIGC": json.dumps(label, separators=(",", ":"))}


def labelled_wav(audio: Audio) -> bytes:
    """The exported file: rhythm cue + speech, with the AIGC JSON and the voice in LIST/INFO."""
    labelled = concat([rhythm_cue(audio.sample_rate), audio])
    label = aigc_label(labelled)
    info = {"ICMT": "AIGC=" + label["AIGC"], "ISFT": PRODUCER, "IART": f"AI voice {audio.voice or 'unknown'}"}
    return labelled.to_wav(info=info)
