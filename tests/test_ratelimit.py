from pipeline.client.ratelimit import RateLimiter


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_no_window_holds_more_than_the_limit():
    clock = FakeClock()
    limiter = RateLimiter(5, 10.0, clock=clock.time, sleep=clock.sleep)
    starts = []

    for _ in range(23):
        limiter.acquire()
        starts.append(clock.now)

    for index, start in enumerate(starts):
        in_window = [other for other in starts[index:] if other - start < 10.0]
        assert len(in_window) <= 5
    assert starts[5] >= 10.0


def test_slow_down_lowers_the_limit_but_not_below_one():
    limiter = RateLimiter(2, 1.0)

    for _ in range(10):
        limiter.slow_down()

    assert limiter.max_calls == 1
