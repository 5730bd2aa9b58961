"""The one error tree of Cohost.

    CohostError                       base; ``message`` is shown to the user, ``hint`` says what to do
    ├── ConfigError                   bad settings, unreadable cohost.toml, bad --home
    ├── InputError                    bad user input in general (API body, CLI argument)
    │   └── CatalogError              a catalog file that cannot be imported; ``problems`` lists every
    │                                 bad row as ``file:row:column: reason``
    ├── NotFoundError                 a product, show or record that does not exist
    ├── ConflictError                 a write that contradicts the stored state
    ├── StoreError                    the database failed or is not migrated
    ├── AuthError                     (cohost.governance.accounts) bad login, missing or wrong role
    │   └── LockedError               too many failed logins; carries ``retry_after`` seconds
    └── ProviderError                 an external provider (LLM, TTS, …) failed;
                                      carries ``provider``, ``category`` and ``retryable``

Findings and fact-check verdicts are values, not exceptions. The API maps these classes to status codes
in one handler (``cohost.server.problems``); the CLI prints ``Error: …`` in one place (``cohost.cli.app``).
"""

from __future__ import annotations

from collections.abc import Sequence


class CohostError(Exception):
    """Base of every error Cohost raises on purpose."""

    status_code = 500
    title = "内部错误 Internal error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ConfigError(CohostError):
    status_code = 500
    title = "配置错误 Configuration error"


class InputError(CohostError):
    status_code = 422
    title = "输入无效 Invalid input"


class CatalogError(InputError):
    """A catalog file with problems. Nothing of it was imported."""

    title = "商品目录无效 Invalid catalog"

    def __init__(self, message: str, problems: Sequence[str] = (), *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = list(problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "\n" + "\n".join(self.problems)


class NotFoundError(CohostError):
    status_code = 404
    title = "未找到 Not found"


class ConflictError(CohostError):
    status_code = 409
    title = "冲突 Conflict"


class StoreError(CohostError):
    status_code = 503
    title = "存储错误 Storage error"


class ProviderError(CohostError):
    """An external provider failed. ``category`` is e.g. ``auth``, ``rate_limit``, ``timeout``, ``missing``."""

    status_code = 502
    title = "服务提供方错误 Provider error"

    def __init__(
        self,
        provider: str,
        category: str,
        message: str,
        *,
        retryable: bool = False,
        hint: str | None = None,
    ) -> None:
        super().__init__(f"{provider}: {message}", hint=hint)
        self.provider = provider
        self.category = category
        self.retryable = retryable
