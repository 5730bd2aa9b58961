"""A small client for OpenAI-compatible endpoints (DeepSeek, Qwen/DashScope, Ollama, vLLM, llama.cpp
server): ``/chat/completions`` and ``/embeddings`` over httpx.

Constraints: the API key is only ever read from the environment variable the settings name (never from a
file or an argument that could be logged); an unset variable means "send no key", which local servers
accept. Every failure becomes ``ProviderError(provider, category, retryable)``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import httpx
import numpy as np

from cohost.errors import ProviderError
from cohost.providers.base import ChatRequest, ChatResult, EmbedKind, Vectors, normalise_rows

_RETRYABLE_STATUS = {408: "timeout", 409: "server", 425: "server", 429: "rate_limit"}


class OpenAICompatClient:
    """One endpoint. ``transport`` exists for hermetic tests (``httpx.MockTransport``)."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key_env: str = "COHOST_LLM_API_KEY",
        timeout: float = 10.0,
        name: str = "openai",
        environ: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ProviderError(name, "config", f"base URL must start with http:// or https://, got {base_url!r}",
                                hint="set COHOST_LLM_BASE_URL, e.g. http://127.0.0.1:11434/v1")
        if not model:
            raise ProviderError(name, "config", "no model name", hint="set COHOST_LLM_MODEL")
        self.name = name
        self.model = model
        env = os.environ if environ is None else environ
        key = env.get(api_key_env, "")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._http = httpx.Client(base_url=base_url.rstrip("/") + "/", headers=headers,
                                  timeout=httpx.Timeout(timeout), transport=transport)

    def close(self) -> None:
        self._http.close()

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self._http.post(path, json=body)
        except httpx.TimeoutException as exc:
            raise ProviderError(self.name, "timeout", f"{path} timed out", retryable=True) from exc
        except httpx.TransportError as exc:
            raise ProviderError(self.name, "network", f"{path}: {type(exc).__name__}: {exc}",
                                retryable=True) from exc
        status = response.status_code
        if status >= 400:
            detail = response.text[:200].replace("\n", " ")
            if status in (401, 403):
                raise ProviderError(self.name, "auth", f"{path} refused ({status}): {detail}",
                                    hint="check the API key variable named by COHOST_LLM_API_KEY_ENV")
            if status in _RETRYABLE_STATUS:
                raise ProviderError(self.name, _RETRYABLE_STATUS[status], f"{path} answered {status}: {detail}",
                                    retryable=True)
            if status >= 500:
                raise ProviderError(self.name, "server", f"{path} answered {status}: {detail}", retryable=True)
            raise ProviderError(self.name, "bad_request", f"{path} answered {status}: {detail}")
        try:
            data = response.json()
        except ValueError as exc:
            raise ProviderError(self.name, "protocol", f"{path} did not answer JSON") from exc
        if not isinstance(data, dict):
            raise ProviderError(self.name, "protocol", f"{path} answered {type(data).__name__}, not an object")
        return data

    def chat(self, request: ChatRequest) -> ChatResult:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
        }
        if request.stop:
            body["stop"] = list(request.stop)
        data = self._post("chat/completions", body)
        try:
            text = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ProviderError(self.name, "protocol", "chat answer has no choices[0].message.content") from exc
        if not isinstance(text, str):
            raise ProviderError(self.name, "protocol", "chat content is not text")
        return ChatResult(text=text, provider=self.name, model=str(data.get("model") or self.model))


class OpenAICompatEmbedder:
    """Embeddings from the same kind of endpoint; ``dim`` is learnt from the first answer."""

    def __init__(self, client: OpenAICompatClient, *, dim: int = 0) -> None:
        self._client = client
        self.name = client.name
        self.dim = dim

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        data = self._client._post("embeddings", {"model": self._client.model, "input": list(texts)})
        try:
            rows = sorted(data["data"], key=lambda item: int(item.get("index", 0)))
            matrix = np.asarray([row["embedding"] for row in rows], dtype=np.float32)
        except (KeyError, TypeError, ValueError) as exc:
            raise ProviderError(self.name, "protocol", "embeddings answer has no data[].embedding") from exc
        if matrix.ndim != 2 or matrix.shape[0] != len(texts):
            raise ProviderError(self.name, "protocol", f"asked for {len(texts)} embeddings, got {matrix.shape}")
        self.dim = int(matrix.shape[1])
        return normalise_rows(matrix)
