"""The error responses of the emulated server: an envelope ``code`` and a Chinese ``msg``.

The messages imitate the vendor's, which are always Chinese, so they are wire data and
not paike console text: they do not go through the message catalog.
"""

from __future__ import annotations

# Envelope codes from Baijiayun's public OpenAPI documentation.
GENERAL_ERROR = 1
NO_SUCH_PATH = 404
BAD_PARAMETER = 1001
BAD_SIGN = 1002
NO_SUCH_ACCOUNT = 2001
NO_SUCH_ROOM = 3001
# The vendor does not document the code of a rate-limit refusal; the HTTP status is 429.
RATE_LIMITED = 429


class Refusal(Exception):
    """Raised by a check or handler to respond with envelope ``code`` and ``msg``."""

    def __init__(self, code: int, msg: str) -> None:
        super().__init__(f"{code}: {msg}")
        self.code = code
        self.msg = msg


def missing(name: str) -> Refusal:
    return Refusal(BAD_PARAMETER, f"缺少参数 {name}")


def invalid(name: str, reason: str) -> Refusal:
    return Refusal(BAD_PARAMETER, f"参数 {name} 无效：{reason}")


def general(msg: str) -> Refusal:
    return Refusal(GENERAL_ERROR, msg)
