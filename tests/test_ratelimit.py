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


def test_refusal_pauses_everyone_for_a_window():
    clock = FakeClock()
    limiter = RateLimiter(5, 10.0, clock=clock.time, sleep=clock.sleep)
    limiter.acquire()

    limiter.refused()
    limiter.acquire()

    assert clock.now == 10.0
    assert limiter.max_calls == 5


def test_refusals_in_one_burst_count_once():
    clock = FakeClock()
    limiter = RateLimiter(5, 10.0, clock=clock.time, sleep=clock.sleep)

    for _ in range(8):
        limiter.refused()

    assert limiter.max_calls == 5


def test_recurring_refusal_lowers_limit_to_what_server_took():
    clock = FakeClock()
    limiter = RateLimiter(100, 10.0, clock=clock.time, sleep=clock.sleep)
    limiter.refused()
    for _ in range(50):
        limiter.acquire()

    limiter.refused()

    assert limiter.max_calls == 45


def test_limit_never_below_one():
    clock = FakeClock()
    limiter = RateLimiter(2, 1.0, clock=clock.time, sleep=clock.sleep)

    for _ in range(10):
        limiter.refused()
        clock.now += 1.5

    assert limiter.max_calls == 1
