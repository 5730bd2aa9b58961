"""Fallback chains: try providers in order; a ``ProviderError`` moves on to the next one.

Chains end in an offline provider, so the caller always gets something correct (for chat: the grounded
draft). The last error is raised only if every link failed, which cannot happen when the chain ends in
``GroundedWriter`` and the request carries a draft.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from cohost.errors import ProviderError
from cohost.providers.base import LLM, ChatRequest, ChatResult

log = logging.getLogger(__name__)


class FallbackLLM:
    """An LLM made of other LLMs. ``failures`` counts errors per provider name (for metrics/tests)."""

    def __init__(self, chain: Sequence[LLM]) -> None:
        if not chain:
            raise ValueError("a fallback chain needs at least one provider")
        self.chain = list(chain)
        self.name = "fallback(" + ",".join(p.name for p in self.chain) + ")"
        self.failures: dict[str, int] = {}

    def chat(self, request: ChatRequest) -> ChatResult:
        last: ProviderError | None = None
        for provider in self.chain:
            try:
                return provider.chat(request)
            except ProviderError as exc:
                self.failures[provider.name] = self.failures.get(provider.name, 0) + 1
                log.warning("LLM %s failed (%s, retryable=%s): %s", provider.name, exc.category,
                            exc.retryable, exc.message)
                last = exc
        assert last is not None
        raise last
