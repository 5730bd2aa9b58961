"""Care: how a product is washed, dried, ironed and kept — "能机洗吗", "洗衣机能洗不", "能挂着晾吗", "能熨吗",
"洗了会串色吗" — is answered by the product's usage (care) text or its cautions, when that text names the
same act ("不可机洗", "平铺晾干，不可悬挂", "低温熨烫", "首次洗涤可能有轻微浮色"). The text then says yes or
no; nothing is inferred from a fabric.

    care_asked("围巾能机洗吗")                              # → ["machine"]
    care_fields("能机洗吗", {"usage": "不可机洗，平铺阴干"})  # → ["usage"]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# (act, how a viewer asks it, how a care label writes it)
_ACTS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("machine", re.compile(r"机洗|洗衣机|机器洗|机器里?洗"), re.compile(r"机洗|洗衣机")),
    ("hand", re.compile(r"手洗"), re.compile(r"手洗")),
    ("dry_clean", re.compile(r"干洗"), re.compile(r"干洗")),
    ("water", re.compile(r"水洗|(能|可以|可不可以)洗(吗|么|嘛|不|$)|能不能洗|沾水|碰水"), re.compile(r"水洗|手洗|机洗|洗涤|泡水")),
    ("hang", re.compile(r"挂着?晾|挂起来晾|晾|晾晒|晒干|挂着?晒"), re.compile(r"晾|晒|悬挂")),
    ("tumble", re.compile(r"烘干|甩干|烘"), re.compile(r"烘干|甩干|烘")),
    ("iron", re.compile(r"熨|烫平|挂烫"), re.compile(r"熨")),
    ("bleach", re.compile(r"漂白|84"), re.compile(r"漂白")),
    ("wring", re.compile(r"拧干|拧"), re.compile(r"拧")),
    ("fade", re.compile(r"串色|掉色|褪色|染色|浮色"), re.compile(r"串色|掉色|褪色|染色|浮色")),
)
_ANY = re.compile("|".join(p.pattern for _, p, _ in _ACTS))


def care_asked(text: str) -> list[str]:
    """The care acts a normalised question asks about ([] when none)."""
    if not _ANY.search(text):
        return []
    return [act for act, ask, _ in _ACTS if ask.search(text)]


def care_fields(text: str, texts: Mapping[str, str]) -> list[str]:
    """The fields (``usage``, ``cautions``…) whose text names an act the question asks, in ``texts`` order;
    [] when the question asks no care act or no text names it."""
    acts = care_asked(text)
    if not acts:
        return []
    written = {act: said for act, _, said in _ACTS}
    return [name for name, value in texts.items() if value and any(written[a].search(value) for a in acts)]
