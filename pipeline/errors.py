"""Exceptions raised by paike's library code.

    PaikeError                      base; carries a catalog key and its parameters
    ├── ConfigError                 settings missing or invalid (CLI exit 2)
    ├── InputFileError              a file cannot be read at all (CLI exit 1)
    └── ApiError                    the double_teacher API answered with code != 0
        └── ApiTransportError       no usable answer: timeout, connection, HTTP status

The CLI turns each into one translated message and an exit code; no traceback reaches
the user. Messages never contain ``partner_key``.
"""

from __future__ import annotations

from typing import Any

from pipeline.i18n import has_message, t


class PaikeError(Exception):
    """Base class: an error with a user-facing message from the catalog."""

    def __init__(self, message_key: str, **params: Any) -> None:
        self.message_key = message_key
        self.params = params
        super().__init__(message_key)

    @property
    def message(self) -> str:
        return t(self.message_key, **self.params)

    def __str__(self) -> str:
        return self.message


class ConfigError(PaikeError):
    """Raised when settings are missing or invalid."""


class InputFileError(PaikeError):
    """Raised when an input file cannot be opened or read at all."""


class ApiError(PaikeError):
    """Raised when the API returns a non-zero ``code``."""

    def __init__(self, endpoint: str, code: int, msg: str) -> None:
        self.endpoint = endpoint
        self.code = code
        self.msg = msg
        super().__init__("api.error", endpoint=endpoint, code=code, msg=msg)

    @property
    def hint(self) -> str:
        """Return what to do about this code, or an empty string for undocumented codes."""
        key = f"api.hint.{self.code}"
        return t(key) if has_message(key) else ""

    @property
    def message(self) -> str:
        text = t(self.message_key, **self.params)
        return f"{text} {self.hint}".strip()


class ApiTransportError(ApiError):
    """Raised when no usable response arrived: timeout, connection error or HTTP error status.

    ``code`` is -1 for a timeout or connection error and the HTTP status otherwise.
    ``may_have_committed`` is True when the request may have reached the server.
    """

    def __init__(self, endpoint: str, code: int, msg: str, may_have_committed: bool) -> None:
        self.may_have_committed = may_have_committed
        super().__init__(endpoint, code, msg)
        self.message_key = "api.transport_error"
