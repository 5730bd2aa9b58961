"""Fakes with failure knobs (not mocks): a scripted LLM. (The manual clock is ``cohost.clock.ManualClock``.)"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from cohost.errors import ProviderError
from cohost.providers.base import ChatRequest, ChatResult


class FakeLLM:
    """Answers from a script, in order; ``echo`` returns the draft when the script runs out.

    Failure knobs: ``fail_times`` raises that many ``ProviderError`` first (``category``/``retryable`` as
    given); ``fail_always`` never answers. ``requests`` records every request, so tests can check what a
    model was shown (e.g. that a viewer's words never reach it)."""

    def __init__(self, replies: Iterable[str] = (), *, name: str = "fake", echo: bool = True, fail_times: int = 0,
                 fail_always: bool = False, category: str = "server", retryable: bool = True) -> None:
        self.name = name
        self.replies: deque[str] = deque(replies)
        self.echo = echo
        self.fail_times = fail_times
        self.fail_always = fail_always
        self.category = category
        self.retryable = retryable
        self.requests: list[ChatRequest] = []

    def chat(self, request: ChatRequest) -> ChatResult:
        self.requests.append(request)
        if self.fail_always or self.fail_times > 0:
            self.fail_times = max(0, self.fail_times - 1)
            raise ProviderError(self.name, self.category, "scripted failure", retryable=self.retryable)
        if self.replies:
            return ChatResult(self.replies.popleft(), self.name, "fake-model")
        if self.echo and request.draft is not None:
            return ChatResult(request.draft, self.name, "fake-model")
        raise ProviderError(self.name, "unavailable", "script exhausted")
