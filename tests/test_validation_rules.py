"""Each validation rule and warning, with the exact row, column and code it reports."""

from __future__ import annotations

import datetime

import pytest

from fixtures.tables import lesson, make_table
from pipeline.problems import Severity
from pipeline.validation import validate

TODAY = datetime.date(2024, 3, 1)


def places(result, code):
    """Return (row, column) of every problem with ``code``, in report order."""
    return [(problem.row, problem.column) for problem in result.problems if problem.code == code]


def only_problem(result):
    assert len(result.problems) == 1, [problem.to_dict() for problem in result.problems]
    return result.problems[0]


def check(rows, **options):
    options.setdefault("today", TODAY)
    return validate(make_table(rows), **options)


def test_valid_table_has_no_problems():
    result = check([lesson(), lesson(serial_number="2", start_time="08:55", end_time="09:40")])

    assert result.problems == []
    assert result.ok
    assert len(result.lessons) == 2


@pytest.mark.parametrize(
    "field, header, column_index",
    [
        ("room_id", "教室号", 0),
        ("date", "日期", 1),
        ("serial_number", "课节编号", 2),
        ("title", "课节标题", 3),
        ("start_time", "开始时间", 4),
        ("end_time", "结束时间", 5),
    ],
)
def test_required_field_empty(field, header, column_index):
    second = lesson(serial_number="2", start_time="09:00", end_time="09:45")
    second[field] = None
    result = check([lesson(), second])

    problem = only_problem(result)
    assert problem.code == "required"
    assert problem.severity is Severity.ERROR
    assert (problem.file, problem.sheet, problem.row) == ("课表.xlsx", "课表", 3)
    assert problem.column == header
    assert problem.column_index == column_index


def test_blank_title_counts_as_empty():
    result = check([lesson(title="   ")])

    assert places(result, "required") == [(2, "课节标题")]


def test_teacher_is_optional():
    result = check([lesson(teacher_name=None)])

    assert result.problems == []
    assert result.lessons[0].teacher_name is None


@pytest.mark.parametrize(
    "room_id", ["1802079606915A", "18020796069152.0", "1.80208E+13", "１８０２", "512", "1802079606915", "1802079606915200"]
)
def test_invalid_room_id(room_id):
    result = check([lesson(room_id=room_id)])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("invalid_room_id", 2, "教室号")
    assert problem.params["value"] == room_id


@pytest.mark.parametrize("room_id", ["18020796069152", "123234567124414"])
def test_room_id_of_any_digit_count_is_valid(room_id):
    assert check([lesson(room_id=room_id)]).problems == []


@pytest.mark.parametrize(
    "date", ["2027/13/01", "2024-02-30", "2024-3-1", "1999-12-31", "20240301", "2024-03-01 08:00"]
)
def test_invalid_date(date):
    result = check([lesson(date=date)])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("invalid_date", 2, "日期")
    assert problem.params["value"] == date


def test_leap_day_is_valid():
    assert check([lesson(date="2024-02-29")], today=datetime.date(2024, 2, 1)).problems == []


@pytest.mark.parametrize("time", ["24:00", "8:00", "08:60", "08:00:00", "八点", "-1:00"])
def test_invalid_start_time(time):
    result = check([lesson(start_time=time, end_time="23:59")])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("invalid_time", 2, "开始时间")


def test_invalid_end_time():
    result = check([lesson(end_time="25:00")])

    assert places(result, "invalid_time") == [(2, "结束时间")]


@pytest.mark.parametrize("serial", ["0", "-1", "1.5", "abc", "00"])
def test_invalid_serial(serial):
    result = check([lesson(serial_number=serial)])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("invalid_serial", 2, "课节编号")


def test_serial_with_leading_zero_is_its_number():
    result = check([lesson(serial_number="007")])

    assert result.problems == []
    assert result.lessons[0].serial_number == 7


def test_end_before_start_on_end_time():
    result = check([lesson(start_time="09:00", end_time="08:15")])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("end_before_start", 2, "结束时间")
    assert problem.message_key is None


def test_zero_length_lesson_says_so():
    result = check([lesson(start_time="14:00", end_time="14:00")])

    problem = only_problem(result)
    assert problem.code == "end_before_start"
    assert problem.message_key == "problem.end_before_start.zero_length"
    assert "0" in problem.message


def test_end_before_start_skips_invalid_times():
    result = check([lesson(start_time="25:00", end_time="08:00")])

    assert [problem.code for problem in result.problems] == ["invalid_time"]


def test_duplicate_serial_reports_every_occurrence():
    rows = [
        lesson(serial_number="2"),
        lesson(serial_number="2", start_time="09:00", end_time="09:45"),
        lesson(serial_number="2", start_time="10:00", end_time="10:45"),
    ]
    result = check(rows)

    assert places(result, "duplicate_serial") == [(2, "课节编号"), (3, "课节编号"), (4, "课节编号")]
    first = result.problems[0]
    assert first.related_row == 3
    assert "3、4" in first.message


def test_same_serial_in_other_room_is_not_duplicate():
    rows = [lesson(), lesson(room_id="123234567124414", teacher_name="蔡明哲")]

    assert check(rows).problems == []


def test_duplicate_serial_counts_leading_zeros():
    rows = [lesson(serial_number="1"), lesson(serial_number="01", start_time="09:00", end_time="09:45")]

    assert places(check(rows), "duplicate_serial") == [(2, "课节编号"), (3, "课节编号")]


def test_overlap_on_later_start():
    rows = [
        lesson(serial_number="1", start_time="10:30", end_time="11:15"),
        lesson(serial_number="2", start_time="10:00", end_time="10:45"),
    ]
    result = check(rows)

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("overlap", 2, "开始时间")
    assert problem.related_row == 3
    assert problem.column_index == 4


def test_touching_lessons_do_not_overlap():
    rows = [
        lesson(serial_number="1", start_time="10:00", end_time="10:45"),
        lesson(serial_number="2", start_time="10:45", end_time="11:30"),
    ]

    assert check(rows).problems == []


def test_overlap_with_long_earlier_lesson():
    # The third lesson clashes with the first (long) one, not with the second.
    rows = [
        lesson(serial_number="1", start_time="08:00", end_time="12:00"),
        lesson(serial_number="2", start_time="09:00", end_time="09:30"),
        lesson(serial_number="3", start_time="10:00", end_time="10:30"),
    ]
    result = check(rows)

    assert places(result, "overlap") == [(3, "开始时间"), (4, "开始时间")]
    assert [problem.related_row for problem in result.problems] == [2, 2]


def test_overlap_needs_same_room_and_day():
    rows = [
        lesson(serial_number="1"),
        lesson(serial_number="2", room_id="123234567124414", teacher_name="蔡明哲"),
        lesson(serial_number="3", date="2024-03-05"),
    ]

    assert places(check(rows), "overlap") == []


def test_same_start_reports_later_row():
    rows = [lesson(serial_number="1"), lesson(serial_number="2")]

    assert places(check(rows), "overlap") == [(3, "开始时间")]


def test_serial_reuse_warns_for_replace():
    rows = [lesson(serial_number="1"), lesson(serial_number="1", date="2024-03-05")]
    result = check(rows, mode="replace")

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("serial_repeated_across_days", 3, "课节编号")
    assert problem.severity is Severity.WARNING
    assert problem.related_row == 2
    assert result.ok


def test_serial_reuse_warns_for_append():
    rows = [lesson(serial_number="1"), lesson(serial_number="1", date="2024-03-05")]

    assert check(rows, mode="append").ok


@pytest.mark.parametrize("mode", ["sync", "undo"])
def test_serial_reuse_fails_sync_and_undo(mode):
    rows = [lesson(serial_number="1"), lesson(serial_number="1", date="2024-03-05")]
    result = check(rows, mode=mode)

    problem = only_problem(result)
    assert problem.code == "serial_repeated_across_days"
    assert problem.severity is Severity.ERROR
    assert problem.message_key == "problem.serial_repeated_across_days.error"
    assert not result.ok
    assert len(result.lessons) == 1


def test_unknown_mode_is_rejected():
    with pytest.raises(ValueError, match="unknown mode"):
        check([lesson()], mode="merge")


def test_teacher_double_booked_names_both_rows():
    rows = [
        lesson(serial_number="1", start_time="10:00", end_time="10:45"),
        lesson(room_id="123234567124414", serial_number="1", start_time="10:30", end_time="11:15"),
    ]
    result = check(rows)

    assert places(result, "teacher_double_booked") == [(2, "主讲老师"), (3, "主讲老师")]
    assert [problem.related_row for problem in result.problems] == [3, 2]
    assert all(problem.severity is Severity.WARNING for problem in result.problems)


def test_teacher_in_two_rooms_at_different_times_is_fine():
    rows = [
        lesson(serial_number="1", start_time="10:00", end_time="10:45"),
        lesson(room_id="123234567124414", serial_number="1", start_time="10:45", end_time="11:30"),
    ]

    assert check(rows).problems == []


def test_different_teachers_at_same_time_are_fine():
    rows = [lesson(), lesson(room_id="123234567124414", teacher_name="蔡明哲")]

    assert check(rows).problems == []


def test_date_in_past():
    result = check([lesson(date="2024-02-29")])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == ("date_in_past", 2, "日期")
    assert problem.severity is Severity.WARNING


def test_today_and_a_year_ahead_are_fine():
    rows = [lesson(date="2024-03-01"), lesson(date="2025-03-01", serial_number="2")]

    assert check(rows).problems == []


def test_date_far_ahead():
    result = check([lesson(date="2025-03-02")])

    assert places(result, "date_far_ahead") == [(2, "日期")]


def test_today_defaults_to_system_date():
    far_past = lesson(date="2001-01-01")

    assert places(validate(make_table([far_past])), "date_in_past") == [(2, "日期")]


@pytest.mark.parametrize(
    "start, end, code",
    [("08:00", "08:09", "lesson_too_short"), ("08:00", "13:01", "lesson_too_long")],
)
def test_unlikely_lesson_length(start, end, code):
    result = check([lesson(start_time=start, end_time=end)])

    problem = only_problem(result)
    assert (problem.code, problem.row, problem.column) == (code, 2, "结束时间")
    assert problem.severity is Severity.WARNING


@pytest.mark.parametrize("start, end", [("08:00", "08:10"), ("08:00", "13:00")])
def test_lesson_length_limits_are_inclusive(start, end):
    assert check([lesson(start_time=start, end_time=end)]).problems == []
