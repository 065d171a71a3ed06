"""Counters of what the sandbox received and did, for tests and benchmarks.

``snapshot()`` returns (and ``GET /_sandbox/stats`` sends) this shape:

    calls                 requests to /openapi/double_teacher/<name>, whatever the outcome
    by_endpoint           {name: calls}; unknown names are counted under "(unknown)"
    write_calls           calls to endpoints that change state, whatever the outcome
    writes_applied        write calls that changed state, including those cut afterwards
    refused               calls rejected with HTTP 429 by the rate limit
    injected_failures     calls given HTTP 5xx by fail_rate
    dropped_after_commit  write calls applied and then cut by drop_after_commit_rate
    errors_by_code        {"<envelope code>": count} for responses with a non-zero code
    peak_window_calls     most admitted calls of one account within one rate window
    peak_concurrency      most calls in progress at the same time
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

UNKNOWN_ENDPOINT = "(unknown)"


class Stats:
    """Thread-safe counters; the event loop writes them and tests read them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._by_endpoint: Counter[str] = Counter()
        self._errors_by_code: Counter[str] = Counter()
        self._in_progress = 0
        self._peak_concurrency = 0

    def call_started(self, endpoint: str) -> None:
        with self._lock:
            self._counts["calls"] += 1
            self._by_endpoint[endpoint] += 1
            self._in_progress += 1
            self._peak_concurrency = max(self._peak_concurrency, self._in_progress)

    def call_finished(self) -> None:
        with self._lock:
            self._in_progress -= 1

    def count(self, name: str) -> None:
        """Add one to a top-level counter such as ``refused`` or ``writes_applied``."""
        with self._lock:
            self._counts[name] += 1

    def count_error(self, code: int) -> None:
        with self._lock:
            self._errors_by_code[str(code)] += 1

    def snapshot(self, peak_window_calls: int) -> dict[str, Any]:
        with self._lock:
            return {
                "calls": self._counts["calls"],
                "by_endpoint": dict(self._by_endpoint),
                "write_calls": self._counts["write_calls"],
                "writes_applied": self._counts["writes_applied"],
                "refused": self._counts["refused"],
                "injected_failures": self._counts["injected_failures"],
                "dropped_after_commit": self._counts["dropped_after_commit"],
                "errors_by_code": dict(self._errors_by_code),
                "peak_window_calls": peak_window_calls,
                "peak_concurrency": self._peak_concurrency,
            }
