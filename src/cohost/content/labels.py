"""AI labels for every generated artefact (compliance.md §6): explicit and implicit, never optional.

Explicit (LBL-3/4, GB-1): text a person sees — a script footer line, the copy footer "本内容由AI生成",
the "AI生成" overlay on a poster. GB-1 asks for "AI" or "人工智能" together with "生成" or "合成";
``is_valid_label`` lints that, and every label below passes it.

Implicit (DS-16, LBL-5, GB-4): metadata a person does not see. ``aigc`` builds the GB 45438 Appendix E
object (``Label`` "1" = AI-generated, producer, produce id, propagator …); values are printable ASCII
without spaces, quotes or backslashes, as the reports of the standard require (compliance.md §6.3 marks
the field spelling ``ReservedCode1/2`` as reported, to be verified against the official text).
``generator_info`` is the richer record kept with the artefact: generator, version, provider, model,
seed and time. There is no switch that turns either off (LBL-10, DS-18).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

from cohost import __version__
from cohost.domain.script import GeneratorInfo

GENERATOR = "cohost.content"
PRODUCER = "Cohost"
SCRIPT_LABEL = "本脚本由AI生成（Cohost 内容工作台），须经具名审核人批准后方可用于直播。"
COPY_FOOTER = "本内容由AI生成"
POSTER_LABEL = "AI生成"
OFFLINE_PROVIDER = "offline-templates"


def is_valid_label(text: str) -> bool:
    """GB-1: the explicit label names AI (AI / 人工智能) and generation (生成 / 合成)."""
    return ("AI" in text or "人工智能" in text) and ("生成" in text or "合成" in text)


def _ascii(value: str) -> str:
    """Printable single-byte ASCII without spaces, quotes or backslashes (GB-4 value rule)."""
    return re.sub(r"[^!#-&(-\[\]-~]", "_", value)[:128]


def content_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def aigc(content_id: str, digest: str = "") -> dict[str, str]:
    """The GB 45438 Appendix E implicit label. On first write propagator = producer (GB-4)."""
    producer = _ascii(f"{PRODUCER}/{__version__}")
    produce_id = _ascii(content_id)
    return {
        "Label": "1",
        "ContentProducer": producer,
        "ProduceID": produce_id,
        "ReservedCode1": _ascii(digest),
        "ContentPropagator": producer,
        "PropagateID": produce_id,
        "ReservedCode2": "",
    }


def generator_info(provider: str = OFFLINE_PROVIDER, *, model: str | None = None, seed: int | None = None,
                   at: datetime | None = None) -> GeneratorInfo:
    return GeneratorInfo(name=GENERATOR, version=__version__, provider=provider, model=model, seed=seed,
                         at=at or datetime.now(UTC))


def copy_footer(info: GeneratorInfo) -> str:
    """The footer line printed under generated copy: the explicit label plus who and when."""
    return f"{COPY_FOOTER}（{info.name} {info.version} · {info.provider} · {info.at:%Y-%m-%d %H:%M}）"
