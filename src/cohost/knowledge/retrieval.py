"""Retrieval over fact *ids*: which facts of a product (or of the shop) answer a question.

Hybrid scoring, all of it explainable: BM25 over jieba terms (+ CJK bigrams), the embedder's cosine
between the question and an FAQ question or a fact text, and two rule signals: the question names the
fact's label ("保质期多久" ↔ 保质期) or asks for its concept ("能放多久" ↔ 保质期 via ``lexicon``), or it
names one of the fact's values ("有白色吗" ↔ 颜色: 白色/黑色). The index holds words and vectors, never
values to speak: answers read the facts again from the source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cohost.domain import ProductFact
from cohost.knowledge import segmenter
from cohost.knowledge.lexicon import concepts_asked, label_matches
from cohost.knowledge.text import Question, compact, normalize
from cohost.providers.base import Embedder

# fact fields that can answer an open question (prices, stock and titles are answered by intent)
_SEARCHABLE = re.compile(r"^(attr:|selling_point:|faq:|evidence:|promotion:|usage$|cautions$|brand$|category$|"
                         r"policy:)")
_VALUE_SPLIT = re.compile(r"[/、,，;；|+\s]+|和|及|或")
_K1, _B = 1.2, 0.75
# label words too general to say a question is about this label
_GENERIC_LABEL_WORDS = frozenset(["时间", "方式", "类型", "范围", "建议", "方法", "规格", "主要", "信息", "说明", "数量", "标准", "执行", "适用", "产品", "商品"])


@dataclass(frozen=True, slots=True)
class Hit:
    fact_id: str
    score: float
    why: str


@dataclass(slots=True)
class _Doc:
    fact_id: str
    sku: str | None
    field: str
    label: str  # compact label (for an FAQ: its question)
    values: tuple[str, ...]  # compact value parts worth matching in a question
    words: tuple[str, ...]  # words of the label ("耐热温度" → 耐热, 温度) minus generic ones
    length: int


class FactIndex:
    """Built from every searchable fact of a catalog version; ``search`` ranks one product's facts."""

    def __init__(self, facts: Iterable[ProductFact], embedder: Embedder | None = None) -> None:
        self._docs: list[_Doc] = []
        self._by_sku: dict[str | None, list[int]] = defaultdict(list)
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        texts: list[str] = []
        for fact in facts:
            if not _SEARCHABLE.match(fact.field):
                continue
            label = fact.context if fact.field.startswith("faq:") and fact.context else fact.label
            value = str(fact.value)
            text = normalize(f"{label} {value}")
            terms = Counter(segmenter.terms(text))
            i = len(self._docs)
            parts = tuple(p for p in (compact(x) for x in _VALUE_SPLIT.split(normalize(value))) if 2 <= len(p) <= 12)
            words = () if fact.field.startswith("faq:") else tuple(
                w for w in segmenter.subwords(normalize(label)) if len(w) >= 2 and w not in _GENERIC_LABEL_WORDS)
            self._docs.append(_Doc(fact.id, fact.sku, fact.field, compact(label), parts, words, sum(terms.values())))
            self._by_sku[fact.sku].append(i)
            for term, tf in terms.items():
                self._postings[term].append((i, tf))
            texts.append(normalize(label) if fact.field.startswith("faq:") else text)
        n = max(len(self._docs), 1)
        self._avg = sum(d.length for d in self._docs) / n if self._docs else 1.0
        self._idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self._postings.items()}
        self._embedder = embedder
        self._vectors = embedder.embed(texts, kind="passage") if embedder is not None and texts else None

    def __len__(self) -> int:
        return len(self._docs)

    def _bm25(self, terms: Sequence[str], allowed: set[int]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        for term in set(terms):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i, tf in self._postings[term]:
                if i in allowed:
                    norm = tf + _K1 * (1 - _B + _B * self._docs[i].length / self._avg)
                    scores[i] += idf * tf * (_K1 + 1) / norm
        return scores

    def search(self, q: Question, sku: str | None, *, shop: bool = False, limit: int = 5) -> list[Hit]:
        """Rank the facts of ``sku`` (and the shop's policies when ``shop``) for the question."""
        allowed = set(self._by_sku.get(sku, [])) if sku else set()
        if shop:
            allowed |= set(self._by_sku.get(None, []))
        if not allowed:
            return []
        terms = segmenter.terms(q.text)
        bm25 = self._bm25(terms, allowed)
        concepts = concepts_asked(q.text)
        cosine: dict[int, float] = {}
        if self._embedder is not None and self._vectors is not None:
            try:
                qv = self._embedder.embed([q.text], kind="query")[0]
            except Exception:  # an embedder failure only removes this signal; BM25 and rules remain
                qv = None
            if qv is not None:
                idx = sorted(allowed)
                sims = self._vectors[idx] @ qv
                cosine = {i: float(s) for i, s in zip(idx, sims, strict=True)}
        hits: list[Hit] = []
        for i in allowed:
            doc = self._docs[i]
            score, why = 0.0, []
            if doc.field.startswith("faq:"):
                sim = cosine.get(i, 0.0)
                dice = _dice(q.key, doc.label)
                if sim >= 0.45 or dice >= 0.5:
                    score += 6.0 * max(sim, dice)
                    why.append(f"faq~{max(sim, dice):.2f}")
            elif len(doc.label) >= 2 and doc.label in q.key:
                score += 4.0
                why.append("label")
            elif any(w in q.key for w in doc.words):
                score += 3.0
                why.append("label-word")
            if any(label_matches(c, doc.label) for c in concepts):
                score += 3.0
                why.append("concept")
            if any(part in q.key for part in doc.values):
                score += 2.0
                why.append("value")
            if i in bm25:
                score += min(bm25[i], 6.0) * 0.4
                why.append(f"bm25={bm25[i]:.1f}")
            if score > 0:
                hits.append(Hit(doc.fact_id, round(score, 3), ",".join(why)))
        hits.sort(key=lambda h: (-h.score, h.fact_id))
        return hits[:limit]


def _dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity of two compact strings."""
    if len(a) < 2 or len(b) < 2:
        return 1.0 if a and a == b else 0.0
    x = Counter(a[i : i + 2] for i in range(len(a) - 1))
    y = Counter(b[i : i + 2] for i in range(len(b) - 1))
    overlap = sum((x & y).values())
    return 2.0 * overlap / (sum(x.values()) + sum(y.values()))
