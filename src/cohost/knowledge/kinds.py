"""Kinds of product a question names that the catalog does not sell ("防晒霜" in a sports shop, "跑步机", "露营椅"):
told by a word of the catalog inside a longer word the catalog does not hold. ``linking`` then links no product for
that word (a weak attribute form inside it says nothing) and reports the word (``Link.unsold``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from cohost.knowledge import segmenter
from cohost.knowledge.mentions import NAMING

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# characters that end the name of a kind of product ("防晒衣", "露营椅", "口水巾")
KIND_CHARS = frozenset("衣裤裙帽鞋袜包袋箱椅凳桌床柜架机器仪灯杯壶锅碗盘瓶罐霜膏乳露液油粉巾垫毯被枕笔刀剪梳镜表伞绳棒套膜贴")


def unsold_word(text: str, form: str | None, vocab: str) -> str | None:
    """A word of three or more hanzi in normalised ``text`` (holding ``form`` when given, longer than it) that
    ``vocab`` (every product's names and facts, "|"-joined) does not hold: a dictionary word, or a word the
    segmenter cut from the kind of thing it names ("防晒" + "衣"). The name of something the catalog lacks."""
    words = segmenter.cut(text)
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in KIND_CHARS and _CJK_RUN.fullmatch(word):
            word += after
        elif not segmenter.is_word(word):
            continue
        if len(word) >= 3 and _CJK_RUN.fullmatch(word) and (form is None or (form in word and form != word)) \
                and word not in vocab:
            return word
    return None


def not_inside(found: list[tuple[str, dict[str, float]]], text: str | None, raw: Mapping[str, Mapping[str, float]],
               kinds: Mapping[str, Set[str]], vocab: str) -> list[tuple[str, dict[str, float]]]:
    """``found`` forms without the weak ones (below ``NAMING`` in ``raw``) said only inside a longer word of the
    question that ``vocab`` does not hold: "防晒" of UPF防晒 is not said by "防晒霜多少钱", nor "跑步" of 适用场景:
    跑步 by "跑步机" — unless the word ends in the product's own kind (``kinds``: "加绒裤" of 加绒卫裤)."""
    weak = [f for f, _ in found if not f.startswith("en:") and max(raw.get(f, {"": NAMING}).values()) < NAMING]
    if not weak or not text:
        return found
    owners = dict(found)
    drop = {f for f in weak if (w := unsold_word(text, f, vocab)) is not None
            and not any(w[-1] in kinds.get(sku, ()) for sku in owners[f])}
    return [(f, w) for f, w in found if f not in drop] if drop else found
