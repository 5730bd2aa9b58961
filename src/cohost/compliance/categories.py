"""What a product's free-text category means to the rules: a set of kinds (``rules/categories.toml``).

Constraints: a merchant writes "美妆护肤", "个护/洗发", "OTC药品" or "母婴"; kinds come from substrings
of the category and, for a few kinds that a category often hides (奶粉 under 母婴, 面霜 under 母婴,
电子烟 under 数码), of the title. An ad-review approval is read from an attribute whose name holds
批准文号/广审/审查 or from an extra ``ad_approval`` field (compliance.md AD-46).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from cohost.compliance.text import normalize_term
from cohost.domain import Product
from cohost.errors import ConfigError

_APPROVAL_KEYS = ("批准文号", "广审", "审查", "注册证")


@dataclass(frozen=True, slots=True)
class CategoryMap:
    by_category: tuple[tuple[str, str], ...]  # (normalised keyword, kind)
    by_title: tuple[tuple[str, str], ...]
    by_hint: tuple[tuple[str, str], ...] = ()  # words that name a kind of goods in a line checked without a product

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(k for _, k in self.by_category) | frozenset(k for _, k in self.by_title)

    def kinds_of(self, product: Product) -> frozenset[str]:
        category = normalize_term(product.category)
        title = normalize_term(product.title)
        found = {kind for word, kind in self.by_category if word in category}
        found |= {kind for word, kind in self.by_title if word in title}
        return frozenset(found)

    def hints_of(self, text: str) -> frozenset[str]:
        """Kinds the (normalised) line names when no product is given: 黑苦荞茶 → food, 这个精华 → cosmetics.
        In a compound the last noun is the head (绿茶洗面奶 is a cleanser, 蜂蜜面膜 a mask): a hint word directly
        followed by another one only modifies it."""
        if not self.by_hint:
            return frozenset()
        found = sorted((end - len(word) + 1, end + 1, kind) for end, (word, kind) in _hint_automaton(self.by_hint).iter(text))
        kinds = set()
        for i, (_, end, kind) in enumerate(found):
            if any(end <= s0 <= end + 1 and k != kind for s0, _, k in found[i + 1:i + 4]):
                continue
            kinds.add(kind)
        return frozenset(kinds)

    @classmethod
    def load(cls, path: Path | None = None) -> CategoryMap:
        try:
            if path is None:
                source = resources.files("cohost.compliance").joinpath("rules/categories.toml")
                doc = tomllib.loads(source.read_text(encoding="utf-8"))
            else:
                doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"无法读取类目表 / cannot read categories.toml: {exc}") from None
        by_category: list[tuple[str, str]] = []
        by_title: list[tuple[str, str]] = []
        by_hint: list[tuple[str, str]] = []
        kinds = doc.get("kinds")
        if not isinstance(kinds, dict) or not kinds:
            raise ConfigError("categories.toml: [kinds.*] tables are required")
        for kind, table in kinds.items():
            if not isinstance(table, dict) or set(table) - {"category", "title", "hint"}:
                raise ConfigError(f"categories.toml: kinds.{kind} may only have category, title and hint lists")
            for field, out in (("category", by_category), ("title", by_title), ("hint", by_hint)):
                words = table.get(field, [])
                if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                    raise ConfigError(f"categories.toml: kinds.{kind}.{field} must be a list of strings")
                out.extend((normalize_term(w), kind) for w in words)
        return cls(tuple(by_category), tuple(by_title), tuple(by_hint))


@lru_cache(maxsize=8)
def _hint_automaton(by_hint: tuple[tuple[str, str], ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word, kind in by_hint:
        automaton.add_word(word, (word, kind))
    automaton.make_automaton()
    return automaton


def has_ad_approval(product: Product) -> bool:
    """True when the product carries an ad-review approval number (广告审查批准文号)."""
    extra = product.model_extra or {}
    if isinstance(extra.get("ad_approval"), str) and extra["ad_approval"].strip():
        return True
    return any(any(k in name for k in _APPROVAL_KEYS) and value.strip() for name, value in product.attributes.items())
