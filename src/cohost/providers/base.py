"""Provider protocols: one ``Protocol`` per kind, so a vendor is a small class and a fake is smaller.

Constraints every implementation keeps:

- Failures leave the provider as ``ProviderError(provider, category, retryable)``; nothing else escapes
  (categories: ``auth``, ``rate_limit``, ``timeout``, ``network``, ``server``, ``bad_request``,
  ``protocol``, ``missing``, ``config``, ``unavailable``).
- An LLM is never the source of a fact. It may only rephrase a draft that was built from facts; callers
  re-check what comes back (``cohost.knowledge.guard``).
- Embeddings are float32 rows, L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Role = Literal["system", "user", "assistant"]
EmbedKind = Literal["query", "passage"]
Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """One chat completion. ``draft`` is the grounded text the caller already has: an offline model
    that cannot write returns it unchanged, so a fallback chain always ends in something correct."""

    messages: Sequence[ChatMessage]
    draft: str | None = None
    max_tokens: int = 200
    temperature: float = 0.7
    stop: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class ChatResult:
    text: str
    provider: str
    model: str | None = None


@runtime_checkable
class LLM(Protocol):
    """A chat model. ``name`` identifies the provider in errors and audit records."""

    name: str

    def chat(self, request: ChatRequest) -> ChatResult: ...


@runtime_checkable
class Embedder(Protocol):
    """Text → unit vectors. ``kind`` lets asymmetric models (E5) prefix queries and passages."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> Vectors: ...


def normalise_rows(matrix: npt.NDArray[np.floating]) -> Vectors:
    """L2-normalise each row (zero rows stay zero) and return float32."""
    out = np.asarray(matrix, dtype=np.float32)
    if out.ndim == 1:
        out = out.reshape(1, -1)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: Vectors = (out / norms).astype(np.float32, copy=False)
    return result
