"""Offers of a kind: a question may ask about an offer by how it buys or pays — several pieces ("买两条怎么算",
"多买有优惠吗"), by instalments ("能分期吗", "花呗免息吗") — and only a promotion that is an offer of that kind
answers it ("第二件半价", "支持花呗分3期免息").

    promotion_kind("大衣能分期吗")                        # → "instalment"
    offers_of("instalment", ["满299减30", "花呗分3期免息"])  # → [1]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# kinds of offer a question asks by how it buys or pays: several pieces ("买两条怎么算"), by instalments ("能分期吗")
_OFFER_ASKED = {
    "multi": re.compile(r"买(两|2|三|3|几|多)(件|条|个|双|瓶|盒|份|套|只|包)|(两|2|三|3)(件|条|双|个|套)(一起|怎么|有|能|便宜|优惠)|"
                        r"第(二|2)件|多买|多件|一起买|凑单"),
    "instalment": re.compile(r"分期|花呗|白条|免息|信用卡"),
}
_OFFER_SAID = {
    "multi": re.compile(r"第[二2]件|[两2三3]件|\d+件|买\d送\d|多件|任选|凑单|跨款"),
    "instalment": re.compile(r"分期|花呗|白条|免息"),
}


def promotion_kind(text: str) -> str | None:
    """The kind of offer a question asks about ("multi", "instalment"), or None."""
    return next((kind for kind, cue in _OFFER_ASKED.items() if cue.search(text)), None)


def offers_of(kind: str, promotions: Sequence[str]) -> list[int]:
    """Indexes of the promotions that are offers of that kind."""
    return [i for i, text in enumerate(promotions) if _OFFER_SAID[kind].search(text)]
