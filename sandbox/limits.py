"""The per-account rate limit: at most ``limit`` accepted calls in any ``window`` seconds."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """Admit a call when fewer than ``limit`` calls of its key were admitted in the last ``window`` s.

    Refused calls are not recorded, so a client that keeps calling while refused is
    admitted again as soon as the oldest admitted call leaves the window.
    """

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.peak = 0
        self._admitted: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def try_admit(self, key: str) -> bool:
        """Record and admit one call for ``key``, or return False when the window is full."""
        with self._lock:
            now = self.clock()
            admitted = self._admitted.setdefault(key, deque())
            while admitted and admitted[0] <= now - self.window:
                admitted.popleft()

            if len(admitted) >= self.limit:
                return False
            admitted.append(now)
            self.peak = max(self.peak, len(admitted))
            return True
