"""Injected faults: HTTP 5xx responses before anything is applied, and connections cut
after a write was committed.

A cut connection is how a client learns nothing about a write that did happen, which
is the case a safe retry has to handle. The response headers promise the full body
(``Content-Length``) but only half of it is sent; the ASGI app then returns and uvicorn
closes the connection, so ``requests`` raises ``ChunkedEncodingError`` or
``ConnectionError`` instead of returning a response.
"""

from __future__ import annotations

import logging
import random
import threading

from starlette.types import Send

FAILURE_STATUSES = (500, 502, 503)
# The error page of a gateway in front of the real server: HTML, not the JSON envelope.
FAILURE_PAGE = "<html><head><title>{status}</title></head><body><h1>{status}</h1></body></html>"
# uvicorn logs this error whenever an app returns before finishing its response. For a
# cut injected on purpose it is noise.
UNFINISHED_RESPONSE_MESSAGE = "ASGI callable returned without completing response."


class FaultInjector:
    """Decide, with a seeded random generator, which calls fail and which get cut."""

    def __init__(self, fail_rate: float, drop_after_commit_rate: float, seed: int) -> None:
        self.fail_rate = fail_rate
        self.drop_after_commit_rate = drop_after_commit_rate
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def pick_failure_status(self) -> int | None:
        """Return an HTTP 5xx status for a call that must fail, or None."""
        if self.fail_rate <= 0:
            return None
        with self._lock:
            if self._random.random() >= self.fail_rate:
                return None
            return self._random.choice(FAILURE_STATUSES)

    def should_cut_after_commit(self) -> bool:
        if self.drop_after_commit_rate <= 0:
            return False
        with self._lock:
            return self._random.random() < self.drop_after_commit_rate


def failure_page(status: int) -> bytes:
    return FAILURE_PAGE.format(status=status).encode("ascii")


async def send_truncated(send: Send, body: bytes, content_type: str) -> None:
    """Send headers announcing ``body`` in full, then only its first half, and stop."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", content_type.encode("latin-1")),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})


class _IgnoreInjectedCuts(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != UNFINISHED_RESPONSE_MESSAGE


def quiet_uvicorn_about_cuts() -> None:
    """Stop uvicorn from logging an error for each connection the sandbox cuts on purpose."""
    uvicorn_logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(item, _IgnoreInjectedCuts) for item in uvicorn_logger.filters):
        uvicorn_logger.addFilter(_IgnoreInjectedCuts())
