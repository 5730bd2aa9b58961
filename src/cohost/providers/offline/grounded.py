"""The offline LLM: a grounded writer that returns the caller's fact-built draft unchanged.

It is the last link of every LLM fallback chain, so whatever happens upstream the speaker still has a
correct sentence. It never writes anything of its own; without a draft it fails like a real provider.
"""

from __future__ import annotations

from cohost.errors import ProviderError
from cohost.providers.base import ChatRequest, ChatResult


class GroundedWriter:
    name = "offline"

    def chat(self, request: ChatRequest) -> ChatResult:
        if request.draft is None:
            raise ProviderError(self.name, "unavailable", "the offline writer only returns grounded drafts",
                                hint="configure an OpenAI-compatible endpoint (COHOST_LLM_BASE_URL)")
        return ChatResult(text=request.draft, provider=self.name, model=None)
