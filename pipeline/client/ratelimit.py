"""A sliding-window limit on calls per account, shared by every worker thread.

The account may make at most 200 calls in any 10 seconds (from one server IP); past
that the server refuses calls. :class:`RateLimiter` keeps the send times of the last
``max_calls`` calls and makes a caller wait until the oldest one leaves the window, so
no window ever holds more than ``max_calls`` calls. When the server still refuses (its
limit is lower than ours, or another program shares the account), :meth:`slow_down`
lowers our own limit for the rest of the run.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """Blocks callers so that at most ``max_calls`` start in any ``window`` seconds."""

    def __init__(
        self,
        max_calls: int,
        window: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if max_calls < 1 or window <= 0:
            raise ValueError("max_calls must be >= 1 and window > 0")
        self.max_calls = max_calls
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Wait until one more call fits in the window, then count it as sent."""
        while True:
            with self._lock:
                now = self._clock()
                while self._sent and now - self._sent[0] >= self.window:
                    self._sent.popleft()
                if len(self._sent) < self.max_calls:
                    self._sent.append(now)
                    return
                wait = self.window - (now - self._sent[0])
            self._sleep(max(wait, 0.001))

    def slow_down(self, factor: float = 0.8) -> None:
        """Lower the limit after the server refused a call (never below one call)."""
        with self._lock:
            self.max_calls = max(1, int(self.max_calls * factor))
