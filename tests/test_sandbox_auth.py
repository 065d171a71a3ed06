"""The checks every sandbox call passes: account, timestamp, signature and body format."""

import time

import pytest
import requests

from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call, post, sign, signed

ROOM = "18020796069152"


OPTIONS = dict(partner_id="37102096", partner_key="test-key+/=")


@pytest.fixture(scope="module")
def sandbox():
    # Shared by the tests of this module: they only read, or write the course info.
    with start_sandbox(SandboxOptions(**OPTIONS)) as running:
        yield running


def test_valid_call_succeeds(sandbox):
    envelope = call(sandbox, "getAllSchedule", room_id=ROOM)

    assert envelope["code"] == 0
    assert envelope["msg"] == ""
    assert envelope["data"] == {"list": []}
    assert abs(envelope["ts"] - time.time()) < 60


def test_missing_partner_id_is_1001(sandbox):
    params = signed(sandbox, room_id=ROOM)
    del params["partner_id"]

    envelope = post(sandbox, "getAllSchedule", params).json()

    assert envelope["code"] == 1001
    assert "partner_id" in envelope["msg"]
    assert envelope["data"] is None


def test_unknown_partner_id_is_2001(sandbox):
    envelope = call(sandbox, "getAllSchedule", room_id=ROOM, partner_id="99999999")

    assert envelope["code"] == 2001


def test_wrong_sign_is_1002(sandbox):
    params = signed(sandbox, room_id=ROOM)
    params["sign"] = sign(params, "another-key")

    envelope = post(sandbox, "getAllSchedule", params).json()

    assert envelope["code"] == 1002


def test_sign_over_changed_param_is_1002(sandbox):
    params = signed(sandbox, room_id=ROOM)
    params["room_id"] = "18020796069153"

    assert post(sandbox, "getAllSchedule", params).json()["code"] == 1002


def test_missing_sign_is_1001(sandbox):
    params = signed(sandbox, room_id=ROOM)
    del params["sign"]

    envelope = post(sandbox, "getAllSchedule", params).json()

    assert envelope["code"] == 1001
    assert "sign" in envelope["msg"]


@pytest.mark.parametrize(
    "make_timestamp",
    [
        lambda: str(int(time.time() * 1000)),  # milliseconds
        lambda: str(int(time.time()) - 400),  # too old
        lambda: str(int(time.time()) + 400),  # too far ahead
        lambda: "abc",
        lambda: "",
    ],
    ids=["milliseconds", "too-old", "too-far-ahead", "letters", "empty"],
)
def test_bad_timestamp_is_1001(sandbox, make_timestamp):
    # The value is made when the test runs: made at collection, a suite slower than
    # 100 s would bring "400 s ahead" back inside the 5-minute window.
    envelope = call(sandbox, "getAllSchedule", room_id=ROOM, timestamp=make_timestamp())

    assert envelope["code"] == 1001
    assert "timestamp" in envelope["msg"]


def test_missing_timestamp_is_1001(sandbox):
    params = signed(sandbox, room_id=ROOM)
    del params["timestamp"]
    params["sign"] = sign(params, sandbox.partner_key)

    assert post(sandbox, "getAllSchedule", params).json()["code"] == 1001


def test_unknown_room_is_3001(sandbox):
    envelope = call(sandbox, "getAllSchedule", room_id="18020796069999")

    assert envelope["code"] == 3001
    assert "18020796069999" in envelope["msg"]


@pytest.mark.parametrize("room_id", ["1.80208E+13", "18020796069152.0", "018020796069152", "abc", ""])
def test_malformed_room_is_1001(sandbox, room_id):
    envelope = call(sandbox, "getAllSchedule", room_id=room_id)

    assert envelope["code"] == 1001
    assert "room_id" in envelope["msg"]


def test_missing_room_is_1001(sandbox):
    envelope = call(sandbox, "getAllSchedule")

    assert envelope["code"] == 1001
    assert "room_id" in envelope["msg"]


def test_unknown_endpoint_is_http_404(sandbox):
    response = post(sandbox, "noSuchEndpoint", signed(sandbox))

    assert response.status_code == 404
    assert response.json()["code"] == 404


def test_get_request_is_refused(sandbox):
    response = requests.get(f"{sandbox.base_url}/openapi/double_teacher/getAllSchedule", timeout=10)

    assert response.status_code == 405
    assert response.json()["code"] == 1001


def test_json_body_is_1001(sandbox):
    url = f"{sandbox.base_url}/openapi/double_teacher/getAllSchedule"

    response = requests.post(url, json=signed(sandbox, room_id=ROOM), timeout=10)

    assert response.json()["code"] == 1001


def test_repeated_param_is_1001(sandbox):
    params = list(signed(sandbox, room_id=ROOM).items()) + [("room_id", ROOM)]
    url = f"{sandbox.base_url}/openapi/double_teacher/getAllSchedule"

    envelope = requests.post(url, data=params, timeout=10).json()

    assert envelope["code"] == 1001
    assert "room_id" in envelope["msg"]


def test_multipart_body_is_accepted(sandbox):
    url = f"{sandbox.base_url}/openapi/double_teacher/getAllSchedule"
    fields = {name: (None, value) for name, value in signed(sandbox, room_id=ROOM).items()}

    envelope = requests.post(url, files=fields, timeout=10).json()

    assert envelope["code"] == 0


def test_chinese_params_are_signed_as_utf8(sandbox):
    envelope = call(sandbox, "setRoomScheduleInfo", room_id=ROOM, title="高一数学 & 物理", teacher_name="王老师")

    assert envelope["code"] == 0


def test_stats_endpoint_counts_calls():
    with start_sandbox(SandboxOptions(**OPTIONS)) as sandbox:
        call(sandbox, "getAllSchedule", room_id=ROOM)
        call(sandbox, "getAllSchedule", room_id="18020796069999")

        stats = requests.get(f"{sandbox.base_url}/_sandbox/stats", timeout=10).json()

        assert stats["calls"] == 2
        assert stats["by_endpoint"] == {"getAllSchedule": 2}
        assert stats["errors_by_code"] == {"3001": 1}
        assert stats == sandbox.stats()


def test_repr_hides_partner_key(sandbox):
    assert "test-key" not in repr(sandbox)
