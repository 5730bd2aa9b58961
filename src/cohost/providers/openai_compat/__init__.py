"""OpenAI-compatible chat and embeddings over httpx (no vendor SDK)."""

from cohost.providers.openai_compat.client import OpenAICompatClient, OpenAICompatEmbedder

__all__ = ["OpenAICompatClient", "OpenAICompatEmbedder"]
