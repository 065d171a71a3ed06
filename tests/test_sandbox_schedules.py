"""The schedule endpoints of the sandbox, over real HTTP."""

import itertools
import json

import pytest

from sandbox.seed import SEEDED_ROOMS
from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call

LESSON_KEYS = [
    "id",
    "partner_id",
    "room_id",
    "date",
    "title",
    "serial_number",
    "start_time",
    "end_time",
    "teacher_name",
    "create_time",
    "update_time",
]


@pytest.fixture(scope="module")
def sandbox():
    with start_sandbox(SandboxOptions()) as running:
        yield running


_unused_rooms = itertools.cycle(SEEDED_ROOMS)


@pytest.fixture
def room(sandbox):
    """Return a seeded room with no lessons, so tests sharing the sandbox do not meet."""
    room_id = next(_unused_rooms)
    assert call(sandbox, "deleteAllSchedule", room_id=room_id)["code"] == 0
    return room_id


def lesson(date="2025-03-03", serial=1, start="09:00", end="09:45", title="数学", **extra):
    return {"date": date, "serial_number": serial, "title": title, "start_time": start, "end_time": end, **extra}


def set_schedules(sandbox, room_id, lessons, **params):
    return call(sandbox, "setRoomSchedules", room_id=room_id, schedule=json.dumps(lessons, ensure_ascii=False), **params)


def get_lessons(sandbox, room_id):
    envelope = call(sandbox, "getAllSchedule", room_id=room_id)
    assert envelope["code"] == 0, envelope
    return envelope["data"]["list"]


def test_set_schedules_then_get_all_shape(sandbox, room):
    lessons = [lesson(serial=2, date="2025-03-04", teacher_name="王老师"), lesson(serial=1)]

    assert set_schedules(sandbox, room, lessons)["code"] == 0
    listed = get_lessons(sandbox, room)

    assert [item["serial_number"] for item in listed] == [1, 2]
    first = listed[0]
    assert list(first) == LESSON_KEYS
    assert first["room_id"] == int(room)
    assert first["partner_id"] == int(sandbox.partner_id)
    assert first["date"] == "2025-03-03"
    assert first["start_time"] == "2025-03-03 09:00:00"
    assert first["end_time"] == "2025-03-03 09:45:00"
    assert first["teacher_name"] == ""
    assert listed[1]["teacher_name"] == "王老师"
    assert len(first["create_time"]) == len("2025-03-03 09:00:00")


def test_get_all_orders_by_date_then_start(sandbox, room):
    lessons = [
        lesson(date="2025-03-05", serial=1, start="08:00", end="08:45"),
        lesson(date="2025-03-04", serial=3, start="14:00", end="14:45"),
        lesson(date="2025-03-04", serial=2, start="10:00", end="10:45"),
    ]
    set_schedules(sandbox, room, lessons)

    listed = get_lessons(sandbox, room)

    assert [(item["date"], item["serial_number"]) for item in listed] == [
        ("2025-03-04", 2),
        ("2025-03-04", 3),
        ("2025-03-05", 1),
    ]


def test_set_schedules_replaces_all_lessons(sandbox, room):
    set_schedules(sandbox, room, [lesson(serial=1), lesson(serial=2, start="10:00", end="10:45")])

    set_schedules(sandbox, room, [lesson(serial=7, title="英语")])

    assert [(item["serial_number"], item["title"]) for item in get_lessons(sandbox, room)] == [(7, "英语")]


def test_set_schedules_bad_lesson_changes_nothing(sandbox, room):
    set_schedules(sandbox, room, [lesson(serial=1)])
    before = sandbox.lessons(room)

    envelope = set_schedules(sandbox, room, [lesson(serial=5), lesson(serial=6, start="25:00")])

    assert envelope["code"] == 1001
    assert "schedule[1].start_time" in envelope["msg"]
    assert sandbox.lessons(room) == before


def test_set_schedules_duplicate_serial_is_code_1(sandbox, room):
    set_schedules(sandbox, room, [lesson(serial=1)])

    envelope = set_schedules(sandbox, room, [lesson(serial=4), lesson(serial=4, start="10:00", end="10:45")])

    assert envelope["code"] == 1
    assert "同一教室同一天课节编号重复" in envelope["msg"]
    assert [item["serial_number"] for item in sandbox.lessons(room)] == [1]


def test_set_schedules_same_serial_other_day_is_accepted(sandbox, room):
    envelope = set_schedules(sandbox, room, [lesson(serial=1), lesson(serial=1, date="2025-03-04")])

    assert envelope["code"] == 0
    assert len(sandbox.lessons(room)) == 2


def test_set_schedules_empty_list_clears_room(sandbox, room):
    set_schedules(sandbox, room, [lesson(serial=1)])

    assert set_schedules(sandbox, room, [])["code"] == 0
    assert sandbox.lessons(room) == []


@pytest.mark.parametrize("schedule", ["not json", '{"date": "2025-03-03"}', "[1, 2]"])
def test_set_schedules_malformed_json_is_1001(sandbox, room, schedule):
    envelope = call(sandbox, "setRoomSchedules", room_id=room, schedule=schedule)

    assert envelope["code"] == 1001
    assert "schedule" in envelope["msg"]


def test_set_schedules_accepts_serial_as_text(sandbox, room):
    assert set_schedules(sandbox, room, [lesson(serial="3")])["code"] == 0
    assert sandbox.lessons(room)[0]["serial_number"] == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("serial_number", "0"),
        ("serial_number", "-1"),
        ("serial_number", "3.5"),
        ("serial_number", 3.5),
        ("serial_number", "abc"),
        ("serial_number", 0),
        ("serial_number", True),
        ("date", "2025-02-30"),
        ("date", "2025/03/03"),
        ("date", "20250303"),
        ("start_time", "9:00"),
        ("start_time", "09:00:00"),
        ("start_time", "24:00"),
        ("end_time", "08:00"),  # before the start
        ("end_time", "09:00"),  # equal to the start
        ("title", ""),
        ("title", "   "),
        ("teacher_name", 5),
    ],
)
def test_set_schedules_bad_field_is_1001(sandbox, room, field, value):
    bad = lesson()
    bad[field] = value

    envelope = set_schedules(sandbox, room, [bad])

    assert envelope["code"] == 1001
    assert f"schedule[0].{field}" in envelope["msg"]


@pytest.mark.parametrize("field", ["date", "serial_number", "title", "start_time", "end_time"])
def test_set_schedules_missing_field_is_1001(sandbox, room, field):
    incomplete = lesson()
    del incomplete[field]

    envelope = set_schedules(sandbox, room, [incomplete])

    assert envelope["code"] == 1001
    assert f"schedule[0].{field}" in envelope["msg"]


def test_set_schedules_sets_course_info_when_sent(sandbox, room):
    set_schedules(sandbox, room, [lesson()], title="高一数学", teacher_name="李老师")
    set_schedules(sandbox, room, [lesson()], title="高一物理")

    assert sandbox.course_info(room) == {"title": "高一物理", "teacher_name": "李老师"}


def test_set_room_schedule_info_sets_course_info(sandbox, room):
    assert call(sandbox, "setRoomScheduleInfo", room_id=room, title="高一数学", teacher_name="王老师")["code"] == 0
    assert sandbox.course_info(room) == {"title": "高一数学", "teacher_name": "王老师"}

    assert call(sandbox, "setRoomScheduleInfo", room_id=room, title="高一数学")["code"] == 0
    assert sandbox.course_info(room) == {"title": "高一数学", "teacher_name": ""}


def test_set_room_schedule_info_requires_title(sandbox, room):
    assert call(sandbox, "setRoomScheduleInfo", room_id=room)["code"] == 1001
    assert call(sandbox, "setRoomScheduleInfo", room_id=room, title="")["code"] == 1001


def test_add_update_delete_round_trip(sandbox, room):
    assert call(sandbox, "addSchedule", room_id=room, **lesson(serial=1))["code"] == 0
    assert call(sandbox, "addSchedule", room_id=room, **lesson(serial=2, start="10:00", end="10:45"))["code"] == 0

    updated = lesson(serial=2, date="2025-03-06", start="13:00", end="13:50", title="物理", teacher_name="赵老师")
    assert call(sandbox, "updateSchedule", room_id=room, **updated)["code"] == 0
    listed = get_lessons(sandbox, room)
    assert [(item["serial_number"], item["date"], item["title"]) for item in listed] == [
        (1, "2025-03-03", "数学"),
        (2, "2025-03-06", "物理"),
    ]
    assert listed[1]["start_time"] == "2025-03-06 13:00:00"
    assert listed[1]["teacher_name"] == "赵老师"

    assert call(sandbox, "deleteScheduleBatch", room_id=room, serial_numbers="1")["code"] == 0
    assert [item["serial_number"] for item in get_lessons(sandbox, room)] == [2]

    assert call(sandbox, "deleteAllSchedule", room_id=room)["code"] == 0
    assert get_lessons(sandbox, room) == []


def test_add_duplicate_serial_is_code_1(sandbox, room):
    call(sandbox, "addSchedule", room_id=room, **lesson(serial=1))

    envelope = call(sandbox, "addSchedule", room_id=room, **lesson(serial=1, start="15:00", end="15:45"))

    assert envelope["code"] == 1
    assert "课节编号重复" in envelope["msg"]
    assert len(sandbox.lessons(room)) == 1


def test_add_schedule_bad_serial_is_1001(sandbox, room):
    envelope = call(sandbox, "addSchedule", room_id=room, **lesson(serial="03x"))

    assert envelope["code"] == 1001
    assert "serial_number" in envelope["msg"]


def test_add_schedule_to_unknown_room_is_3001(sandbox):
    assert call(sandbox, "addSchedule", room_id="18020796069999", **lesson())["code"] == 3001


def test_update_unknown_serial_is_code_1(sandbox, room):
    call(sandbox, "addSchedule", room_id=room, **lesson(serial=1))

    assert call(sandbox, "updateSchedule", room_id=room, **lesson(serial=9))["code"] == 1


def test_update_repeated_serial_changes_first_created(sandbox, room):
    set_schedules(sandbox, room, [lesson(serial=1, date="2025-03-10"), lesson(serial=1, date="2025-03-03")])
    first_created = min(sandbox.lessons(room), key=lambda item: item["id"])

    call(sandbox, "updateSchedule", room_id=room, **lesson(serial=1, date="2025-03-10", title="改过"))

    changed = [item for item in sandbox.lessons(room) if item["title"] == "改过"]
    assert [item["id"] for item in changed] == [first_created["id"]]


def test_update_onto_taken_day_is_code_1(sandbox, room):
    set_schedules(sandbox, room, [lesson(serial=1, date="2025-03-03"), lesson(serial=2, date="2025-03-04")])
    set_schedules(sandbox, room, [lesson(serial=1, date="2025-03-03"), lesson(serial=1, date="2025-03-04")])
    before = sandbox.lessons(room)

    # The first-created lesson with serial 1 is on 03-03; moving it onto 03-04 clashes.
    envelope = call(sandbox, "updateSchedule", room_id=room, **lesson(serial=1, date="2025-03-04"))

    assert envelope["code"] == 1
    assert sandbox.lessons(room) == before


def test_update_without_teacher_clears_it(sandbox, room):
    call(sandbox, "addSchedule", room_id=room, **lesson(serial=1, teacher_name="王老师"))

    call(sandbox, "updateSchedule", room_id=room, **lesson(serial=1))

    assert sandbox.lessons(room)[0]["teacher_name"] == ""


def test_delete_batch_removes_serial_on_every_day(sandbox, room):
    lessons = [lesson(serial=1), lesson(serial=1, date="2025-03-04"), lesson(serial=2, start="11:00", end="11:45")]
    set_schedules(sandbox, room, lessons)

    assert call(sandbox, "deleteScheduleBatch", room_id=room, serial_numbers="1, 5")["code"] == 0

    assert [item["serial_number"] for item in sandbox.lessons(room)] == [2]


@pytest.mark.parametrize("serial_numbers", ["", "1,abc", "0", "1,,2"])
def test_delete_batch_bad_list_is_1001(sandbox, room, serial_numbers):
    assert call(sandbox, "deleteScheduleBatch", room_id=room, serial_numbers=serial_numbers)["code"] == 1001


def test_any_room_mode_accepts_new_rooms():
    with start_sandbox(SandboxOptions(rooms="any")) as sandbox:
        new_room = "99999999999999"

        assert call(sandbox, "addSchedule", room_id=new_room, **lesson())["code"] == 0
        assert len(sandbox.lessons(new_room)) == 1
        assert call(sandbox, "getAllSchedule", room_id="123456789012")["code"] == 3001
        assert call(sandbox, "getAllSchedule", room_id="1234567890123456")["code"] == 3001
