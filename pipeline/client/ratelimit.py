"""A sliding-window limit on calls per account, shared by every worker thread.

The account may make at most 200 calls in any 10 seconds (from one server IP); past
that the server refuses calls. :class:`RateLimiter` keeps the send times of the last
``max_calls`` calls and makes a caller wait until the oldest one leaves the window, so
no window ever holds more than ``max_calls`` calls.

The server can still refuse: calls of an earlier run in the last seconds count against
the same account, and the server's own limit may be lower than ours. A refusal pauses
every worker for one whole window, which clears the server's count. Only when refusals
recur soon after a pause is the server's limit lower than ours; the limit then drops to
90% of what was sent in the window before the refusal.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

# A refusal this soon after the previous one (in windows) means our limit is too high.
RECURRING_WITHIN_WINDOWS = 3


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
        self._paused_until = float("-inf")
        self._last_refusal = float("-inf")

    def acquire(self) -> None:
        """Wait until one more call fits in the window, then count it as sent."""
        while True:
            with self._lock:
                now = self._clock()
                wait = self._paused_until - now
                if wait <= 0:
                    while self._sent and now - self._sent[0] >= self.window:
                        self._sent.popleft()
                    if len(self._sent) < self.max_calls:
                        self._sent.append(now)
                        return
                    wait = self.window - (now - self._sent[0])
            self._sleep(max(wait, 0.001))

    def refused(self) -> None:
        """Record a refusal by the server: pause everyone for a window, and lower the
        limit when refusals recur. Refusals during a pause belong to the same burst."""
        with self._lock:
            now = self._clock()
            if now < self._paused_until:
                return
            if now - self._last_refusal < RECURRING_WITHIN_WINDOWS * self.window:
                sent_recently = sum(1 for sent in self._sent if now - sent < self.window)
                self.max_calls = max(1, min(self.max_calls - 1, int(sent_recently * 0.9)))
            self._last_refusal = now
            self._paused_until = now + self.window
