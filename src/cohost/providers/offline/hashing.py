"""A character n-gram hashing embedder: real, deterministic and dependency-free (numpy only).

Good at surface similarity (paraphrases that share characters, typos, traditional vs simplified once the
caller has normalised), weak at meaning. Hashing uses CRC32, never Python's salted ``hash()``, so the
same text gives the same vector in every process.
"""

from __future__ import annotations

import math
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from cohost.providers.base import EmbedKind, Vectors, normalise_rows

_NGRAM_WEIGHTS = {1: 0.4, 2: 1.0, 3: 0.8}


def _grams(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    chars = [c for c in text if not c.isspace() and unicodedata.category(c)[0] in "LN"]
    grams: Counter[str] = Counter()
    for n in _NGRAM_WEIGHTS:
        for i in range(len(chars) - n + 1):
            grams["".join(chars[i : i + n])] += 1
    return grams


class HashingEmbedder:
    """Bag of character 1–3-grams hashed into ``dim`` signed buckets, sublinear term frequency."""

    name = "hashing"

    def __init__(self, dim: int = 1024) -> None:
        if dim < 16:
            raise ValueError("dim must be at least 16")
        self.dim = dim

    def embed_one(self, text: str) -> Vectors:
        row = np.zeros(self.dim, dtype=np.float32)
        for gram, count in _grams(text).items():
            h = zlib.crc32(gram.encode("utf-8"))
            sign = 1.0 if (h >> 31) & 1 else -1.0
            row[h % self.dim] += sign * _NGRAM_WEIGHTS[len(gram)] * (1.0 + math.log(count))
        unit: Vectors = normalise_rows(row)[0]
        return unit

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out: Vectors = np.stack([self.embed_one(t) for t in texts]).astype(np.float32)
        return out
