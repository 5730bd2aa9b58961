"""Providers: one Protocol per kind (``base``), registered by name (``registry``), wrapped in fallback
chains that end in an offline implementation (``offline``)."""

from cohost.providers.base import LLM, ChatMessage, ChatRequest, ChatResult, Embedder
from cohost.providers.fallback import FallbackLLM

__all__ = ["LLM", "ChatMessage", "ChatRequest", "ChatResult", "Embedder", "FallbackLLM"]
