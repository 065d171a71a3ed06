"""The sandbox's rate limit, injected failures, cut connections and latency."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call, post, signed

ROOM = "18020796069152"
LESSON = {"date": "2025-03-03", "serial_number": 1, "title": "数学", "start_time": "09:00", "end_time": "09:45"}


def test_rate_limit_refuses_call_past_limit():
    # A long window so that no admitted call can leave it during the test.
    with start_sandbox(SandboxOptions(rate_limit=5, rate_window=3600)) as sandbox:
        answers = [post(sandbox, "getAllSchedule", signed(sandbox, room_id=ROOM)) for _ in range(5)]
        refused = post(sandbox, "addSchedule", signed(sandbox, room_id=ROOM, **LESSON))

        assert [answer.status_code for answer in answers] == [200] * 5
        assert refused.status_code == 429
        assert refused.json()["code"] != 0
        assert refused.json()["data"] is None
        assert refused.json()["msg"]
        assert sandbox.lessons(ROOM) == []
        stats = sandbox.stats()
        assert stats["refused"] == 1
        assert stats["peak_window_calls"] == 5
        assert stats["writes_applied"] == 0


def test_rate_limit_is_per_partner_id():
    with start_sandbox(SandboxOptions(rate_limit=2, rate_window=3600)) as sandbox:
        for _ in range(2):
            post(sandbox, "getAllSchedule", signed(sandbox, room_id=ROOM))

        other_account = post(sandbox, "getAllSchedule", signed(sandbox, room_id=ROOM, partner_id="11111111"))

        assert other_account.status_code == 200
        assert other_account.json()["code"] == 2001


def test_fail_rate_one_never_applies():
    with start_sandbox(SandboxOptions(fail_rate=1.0)) as sandbox:
        statuses = set()
        for serial in range(1, 11):
            response = post(sandbox, "addSchedule", signed(sandbox, room_id=ROOM, **{**LESSON, "serial_number": serial}))
            statuses.add(response.status_code)

        assert statuses <= {500, 502, 503}
        assert sandbox.lessons(ROOM) == []
        assert sandbox.stats()["injected_failures"] == 10
        assert sandbox.stats()["writes_applied"] == 0


def test_fail_rate_answer_is_not_json():
    with start_sandbox(SandboxOptions(fail_rate=1.0)) as sandbox:
        response = post(sandbox, "getAllSchedule", signed(sandbox, room_id=ROOM))

        assert response.headers["content-type"].startswith("text/html")
        with pytest.raises(ValueError):
            response.json()


def test_drop_after_commit_applies_but_cuts_connection():
    with start_sandbox(SandboxOptions(drop_after_commit_rate=1.0)) as sandbox:
        with pytest.raises((requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)):
            post(sandbox, "addSchedule", signed(sandbox, room_id=ROOM, **LESSON))

        assert [item["serial_number"] for item in sandbox.lessons(ROOM)] == [1]
        assert sandbox.stats()["dropped_after_commit"] == 1
        assert sandbox.stats()["writes_applied"] == 1


def test_drop_after_commit_spares_reads_and_refusals():
    with start_sandbox(SandboxOptions(drop_after_commit_rate=1.0)) as sandbox:
        read = call(sandbox, "getAllSchedule", room_id=ROOM)
        refused = call(sandbox, "addSchedule", room_id=ROOM, **{**LESSON, "date": "bad"})

        assert read["code"] == 0
        assert refused["code"] == 1001
        assert sandbox.stats()["dropped_after_commit"] == 0


def test_drop_after_commit_applies_full_replace():
    with start_sandbox(SandboxOptions(drop_after_commit_rate=1.0)) as sandbox:
        params = signed(sandbox, room_id=ROOM, schedule=json.dumps([LESSON]))

        with pytest.raises((requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)):
            post(sandbox, "setRoomSchedules", params)

        assert len(sandbox.lessons(ROOM)) == 1


def test_latency_does_not_serialize_callers():
    with start_sandbox(SandboxOptions(latency_ms=300)) as sandbox:

        def read(_):
            return call(sandbox, "getAllSchedule", room_id=ROOM)["code"]

        with ThreadPoolExecutor(max_workers=10) as pool:
            codes = list(pool.map(read, range(10)))

        assert codes == [0] * 10
        # With calls served one after another, at most one would ever be in progress.
        assert sandbox.stats()["peak_concurrency"] > 1


def test_stats_count_writes_and_errors():
    with start_sandbox(SandboxOptions()) as sandbox:
        call(sandbox, "addSchedule", room_id=ROOM, **LESSON)
        call(sandbox, "addSchedule", room_id=ROOM, **LESSON)
        call(sandbox, "getAllSchedule", room_id=ROOM)

        stats = sandbox.stats()

        assert stats["calls"] == 3
        assert stats["by_endpoint"] == {"addSchedule": 2, "getAllSchedule": 1}
        assert stats["write_calls"] == 2
        assert stats["writes_applied"] == 1
        assert stats["errors_by_code"] == {"1": 1}
