"""The OpenAI-compatible client against an in-process fake server (httpx.MockTransport)."""

from __future__ import annotations

import json

import httpx
import numpy as np
import pytest

from cohost.errors import ProviderError
from cohost.providers import ChatMessage, ChatRequest
from cohost.providers.openai_compat import OpenAICompatClient, OpenAICompatEmbedder

REQ = ChatRequest([ChatMessage("system", "s"), ChatMessage("user", "u")], draft="d", stop=("\n",))


def _client(handler, **kw) -> OpenAICompatClient:  # type: ignore[no-untyped-def]
    return OpenAICompatClient("http://llm.test/v1", "qwen", transport=httpx.MockTransport(handler), **kw)


def test_chat_sends_the_model_messages_and_key_from_the_named_variable() -> None:
    seen: dict[str, object] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["url"] = str(request.url)
        seen["auth"] = request.headers.get("authorization")
        seen["body"] = json.loads(request.content)
        return httpx.Response(200, json={"model": "qwen", "choices": [{"message": {"content": "你好"}}]})

    client = _client(handler, api_key_env="MY_KEY", environ={"MY_KEY": "sk-test"})
    result = client.chat(REQ)
    assert result.text == "你好" and result.provider == "openai"
    assert seen["url"] == "http://llm.test/v1/chat/completions" and seen["auth"] == "Bearer sk-test"
    body = seen["body"]
    assert isinstance(body, dict) and body["model"] == "qwen" and body["stop"] == ["\n"]
    assert body["messages"][1] == {"role": "user", "content": "u"}


def test_no_key_variable_means_no_authorization_header() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert "authorization" not in request.headers
        return httpx.Response(200, json={"choices": [{"message": {"content": "ok"}}]})

    assert _client(handler, environ={}).chat(REQ).text == "ok"


@pytest.mark.parametrize(("status", "category", "retryable"), [
    (401, "auth", False), (403, "auth", False), (429, "rate_limit", True), (500, "server", True),
    (503, "server", True), (400, "bad_request", False), (408, "timeout", True)])
def test_http_errors_become_provider_errors(status: int, category: str, retryable: bool) -> None:
    client = _client(lambda _: httpx.Response(status, text="nope"))
    with pytest.raises(ProviderError) as err:
        client.chat(REQ)
    assert (err.value.category, err.value.retryable, err.value.provider) == (category, retryable, "openai")


def test_transport_failures_and_bad_answers() -> None:
    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    for handler, category in [(timeout, "timeout"), (refused, "network"),
                              (lambda _: httpx.Response(200, text="<html>"), "protocol"),
                              (lambda _: httpx.Response(200, json={"choices": []}), "protocol"),
                              (lambda _: httpx.Response(200, json=[1, 2]), "protocol")]:
        with pytest.raises(ProviderError) as err:
            _client(handler).chat(REQ)
        assert err.value.category == category


def test_config_errors() -> None:
    with pytest.raises(ProviderError) as err:
        OpenAICompatClient("ftp://x", "m")
    assert err.value.category == "config"
    with pytest.raises(ProviderError):
        OpenAICompatClient("http://x", "")


def test_embeddings_are_ordered_and_normalised() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert json.loads(request.content)["input"] == ["a", "b"]
        return httpx.Response(200, json={"data": [{"index": 1, "embedding": [0, 2]}, {"index": 0, "embedding": [3, 4]}]})

    emb = OpenAICompatEmbedder(_client(handler))
    v = emb.embed(["a", "b"])
    assert emb.dim == 2 and np.allclose(v, [[0.6, 0.8], [0.0, 1.0]])
    with pytest.raises(ProviderError):
        OpenAICompatEmbedder(_client(lambda _: httpx.Response(200, json={"data": [{"embedding": [1]}]}))).embed(["a", "b"])
