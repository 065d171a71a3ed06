from dataclasses import replace

import pytest

from pipeline.lessons import Lesson
from pipeline.publishing.plan import plan_room

ROOM = "18020796069152"


def lesson(serial, date="2027-03-01", start="09:00", end="09:45", title="数学", teacher="张老师"):
    return Lesson(ROOM, date, start, end, serial, title, teacher)


A, B, C, D = (lesson(1), lesson(2, start="10:00", end="10:45"), lesson(3, start="11:00", end="11:45"),
              lesson(4, start="13:00", end="13:45"))


@pytest.mark.parametrize("mode", ["replace", "append", "sync"])
def test_equal_room_needs_no_call(mode):
    plan = plan_room(ROOM, [A, B], [B, A], mode)

    assert plan.is_noop
    assert plan.summary()["unchanged"] == 2


def test_replace_sends_one_call_with_every_lesson():
    plan = plan_room(ROOM, [A, B, C], [A], "replace")

    assert [call.endpoint for call in plan.calls] == ["setRoomSchedules"]
    assert plan.calls[0].lessons == (A, B, C)
    assert plan.summary()["add"] == 2


def test_append_adds_only_new_lessons_and_reports_collisions():
    changed_b = replace(B, title="物理")

    plan = plan_room(ROOM, [A, changed_b, C], [A, B, D], "append")

    assert [call.endpoint for call in plan.calls] == ["addSchedule"]
    assert plan.calls[0].lessons == (C,)
    assert plan.collisions == [changed_b]
    assert plan.to_delete == []


def test_sync_single_change_uses_one_granular_call():
    plan = plan_room(ROOM, [A, replace(B, title="物理")], [A, B], "sync")

    assert [call.endpoint for call in plan.calls] == ["updateSchedule"]


def test_sync_deletes_in_one_batch():
    plan = plan_room(ROOM, [A], [A, B, C], "sync")

    assert [call.endpoint for call in plan.calls] == ["deleteScheduleBatch"]
    assert plan.calls[0].serial_numbers == (2, 3)


def test_sync_prefers_one_full_replace_over_many_calls():
    plan = plan_room(ROOM, [A, C, D], [A, B], "sync")

    assert [call.endpoint for call in plan.calls] == ["setRoomSchedules"]


def test_sync_moves_a_lesson_by_serial_with_update():
    moved = replace(B, date="2027-03-02")

    plan = plan_room(ROOM, [A, moved], [A, B], "sync")

    assert [call.endpoint for call in plan.calls] == ["updateSchedule"]
    assert plan.to_delete == []


def test_sync_falls_back_to_replace_when_live_repeats_a_serial():
    repeated = replace(A, date="2027-03-02")

    plan = plan_room(ROOM, [A], [A, repeated], "sync")

    assert [call.endpoint for call in plan.calls] == ["setRoomSchedules"]


def test_deletion_guard_threshold():
    live = [lesson(serial, start=f"{8 + serial:02d}:00", end=f"{8 + serial:02d}:30") for serial in range(1, 11)]

    keeps_eight = plan_room(ROOM, live[:8], live, "replace")
    keeps_seven = plan_room(ROOM, live[:7], live, "replace")

    assert not keeps_eight.deletion_guard_trips(0.2, 3)
    assert keeps_seven.deletion_guard_trips(0.2, 3)


def test_deletion_guard_needs_a_minimum_count():
    plan = plan_room(ROOM, [A], [A, B], "replace")

    assert not plan.deletion_guard_trips(0.2, 3)


def test_teacher_blank_left_out_of_api_json():
    assert "teacher_name" not in lesson(1, teacher=None).to_api()
    assert "teacher_name" not in lesson(1, teacher="").to_api()
