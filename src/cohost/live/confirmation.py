"""Confirmations: "是316吗", "是内蒙的吗", "500ml是吧" ask for a product's attribute by naming its value.

The reading finds no concept in such a line (only the value is named), so alone it would be keyed by its
words and never meet "什么材质", "哪里产的", "多大容量". ``Confirmations`` indexes, per product, the values of
its catalog attributes with the one concept each attribute's label names (``lexicon.label_matches``: 内胆材质
→ material, 产地 → origin, 容量 → capacity); ``concept(sku, norm)`` gives that concept when ``norm``
confirms a value of exactly one concept.

Constraints:

- Only the confirming form: an optional 是 / 是不是, the value, an optional 的, then 吗 / 嘛 / 么 / 吧 /
  是吧 / 对吧 and nothing else ("是316吗", "PPSU的吗"); at least two characters of value.
- A label that names no concept or several (净含量: capacity or weight; 接口: charging, ports…) gives
  none, nor does a value found under two concepts: "30袋吗" stays keyed by its words.
- A value the catalog does not hold ("是304的吗" of a cup whose values say 316 only) gives none: the
  answer differs ("no, 316") and the line stays apart.
- Built once per catalog version (the caller's), one entry per product; a lookup scans that product's
  attribute values (a handful), only for a line the reader has not read before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cohost.knowledge.lexicon import CONCEPTS, label_matches

_CONFIRM = re.compile(r"^(?:这个|这款)?(?:是不是|是)?(?P<x>[a-z0-9\u4e00-\u9fff+\-.]{2,12}?)的?"
                      r"(?:吗|嘛|么|吧|是吧|对吧)[\s?？!！~～。.]*$")
_ASKS = re.compile(r"什么|啥|哪|多少|几|怎么|咋|([\u4e00-\u9fff])不\1|没|能|可以|会|有")
_COMPACT = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")


def _concept_of(label: str) -> str | None:
    compact = _COMPACT.sub("", label.lower())
    names = [c.name for c in CONCEPTS if label_matches(c, compact)]
    return names[0] if len(names) == 1 else None


class Confirmations:
    """Per product: (attribute value in matching form, the concept its label names)."""

    def __init__(self, products: Iterable[Any]) -> None:
        self._values: dict[str, tuple[tuple[str, str], ...]] = {}
        for p in products:
            values = []
            for label, value in (getattr(p, "attributes", None) or {}).items():
                name = _concept_of(label)
                if name is not None:
                    values.append((_COMPACT.sub("", str(value).lower()), name))
            if values:
                self._values[p.sku] = tuple(values)

    def concept(self, sku: str, norm: str) -> str | None:
        """The concept whose value ``norm`` confirms for ``sku``, else None."""
        values = self._values.get(sku)
        if values is None:
            return None
        m = _CONFIRM.match(norm)
        if m is None:
            return None
        value = _COMPACT.sub("", m.group("x"))
        if len(value) < 2 or _ASKS.search(value) is not None:
            return None
        found = {name for text, name in values if value in text}
        return found.pop() if len(found) == 1 else None


__all__ = ["Confirmations"]
