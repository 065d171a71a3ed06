"""Whole tables: one-pass collection, the loader's findings, lessons and messages."""

from __future__ import annotations

import datetime

import pandas as pd

from fixtures.tables import lesson, make_table
from pipeline.lessons import LessonTable
from pipeline.problems import error, sort_key, warning
from pipeline.validation import validate

TODAY = datetime.date(2024, 3, 1)
ROOM_A = "18020796069152"
ROOM_B = "123234567124414"


def summary(result):
    """Return (row, column, code) of every error, in report order."""
    return [(problem.row, problem.column, problem.code) for problem in result.errors]


def test_duplicate_serial_and_blank_room_table():
    # Header in row 1. Serial 2 repeats in room A on 03-04 (rows 3 and 4). The same
    # number in room B (row 5) or on 03-05 (row 6) is no duplicate. Row 7 lacks a room.
    rows = [
        lesson(),
        lesson(serial_number="2", start_time="08:55", end_time="09:40"),
        lesson(serial_number="2", title="软件测试", start_time="10:00", end_time="10:45"),
        lesson(room_id=ROOM_B, serial_number="2", title="操作系统", start_time="08:55", end_time="09:40", teacher_name="蔡明哲"),
        lesson(date="2024-03-05", serial_number="2", start_time="08:55", end_time="09:40"),
        lesson(room_id=None, date="2024-03-05", serial_number="3", title="软件测试", start_time="10:00", end_time="10:45"),
    ]
    result = validate(make_table(rows, first_row=2), today=TODAY)

    assert summary(result) == [
        (3, "课节编号", "duplicate_serial"),
        (4, "课节编号", "duplicate_serial"),
        (7, "教室号", "required"),
    ]
    assert not result.ok


def test_time_conflicts_table_counts_title_row():
    # Title in row 1, header in row 2: the first lesson is row 3.
    teacher = "唐振宇"
    rows = [
        lesson(date="2024-03-11", teacher_name=teacher),
        lesson(date="2024-03-11", serial_number="2", start_time="09:00", end_time="08:15", teacher_name=teacher),
        lesson(date="2024-03-11", serial_number="3", start_time="10:00", end_time="10:45", teacher_name=teacher),
        lesson(date="2024-03-11", serial_number="4", start_time="10:30", end_time="11:15", teacher_name=teacher),
        lesson(date="2024-03-11", serial_number="5", start_time="11:15", end_time="12:00", teacher_name=teacher),
        lesson(room_id=ROOM_B, date="2024-03-11", start_time="10:00", end_time="10:45", teacher_name="谢雨桐"),
        lesson(date="2024-03-12", start_time="14:00", end_time="14:00", teacher_name=teacher),
    ]
    result = validate(make_table(rows, first_row=3), today=TODAY)

    assert summary(result) == [
        (4, "结束时间", "end_before_start"),
        (6, "开始时间", "overlap"),
        (9, "结束时间", "end_before_start"),
    ]
    overlap = result.errors[1]
    assert overlap.related_row == 5
    assert result.errors[2].message_key == "problem.end_before_start.zero_length"


def test_five_faults_reported_in_one_pass():
    rows = [
        lesson(room_id="18020796069X52"),
        lesson(serial_number="2", date="2024/03/04"),
        lesson(serial_number="3", start_time="8点", end_time="09:00"),
        lesson(serial_number="4", title=None, start_time="10:00", end_time="10:45"),
        lesson(serial_number="5", start_time="12:00", end_time="11:00"),
    ]
    result = validate(make_table(rows), today=TODAY)

    assert summary(result) == [
        (2, "教室号", "invalid_room_id"),
        (3, "日期", "invalid_date"),
        (4, "开始时间", "invalid_time"),
        (5, "课节标题", "required"),
        (6, "结束时间", "end_before_start"),
    ]


def test_reported_cells_are_not_reported_again():
    table = make_table([lesson(date="2024年3月4日", room_id="1.80208E+13")])
    table.problems.append(error("room_id_precision_lost", "课表.xlsx", sheet="课表", row=2, column="教室号"))
    table.reported_cells.add((0, "room_id"))
    result = validate(table, today=TODAY)

    assert [problem.code for problem in result.problems] == ["room_id_precision_lost", "invalid_date"]
    assert result.lessons == []


def test_reported_cell_that_parses_still_blocks_its_row():
    table = make_table([lesson(), lesson(serial_number="2", start_time="09:00", end_time="09:45")])
    table.reported_cells.add((1, "room_id"))
    result = validate(table, today=TODAY)

    assert result.problems == []
    assert [lesson_.row for lesson_ in result.lessons] == [2]


def test_reported_cells_use_index_labels():
    table = make_table([lesson(room_id="x"), lesson(room_id="y", serial_number="2")])
    table.frame.index = pd.Index([10, 20])
    table.reported_cells.add((20, "room_id"))
    result = validate(table, today=TODAY)

    assert summary(result) == [(2, "教室号", "invalid_room_id")]


def test_loader_problems_merge_in_sheet_order():
    table = make_table([lesson(date="bad"), lesson(serial_number="2", start_time="09:00", end_time="09:45")])
    table.problems.extend([
        warning("unknown_column", "课表.xlsx", sheet="课表", row=1, column="备注", column_index=7),
        error("hidden_row", "课表.xlsx", sheet="课表", row=3),
    ])
    result = validate(table, today=TODAY)

    assert [problem.code for problem in result.problems] == ["unknown_column", "invalid_date", "hidden_row"]
    assert result.problems == sorted(result.problems, key=sort_key)
    assert result.lessons == []


def test_lessons_keep_valid_rows_only():
    rows = [
        lesson(serial_number="2", start_time="09:00", end_time="09:45", teacher_name=" 叶子豪 "),
        lesson(serial_number="x"),
        lesson(room_id=ROOM_B, title=" 操作系统 ", teacher_name=None),
    ]
    result = validate(make_table(rows), today=TODAY)

    assert [lesson_.row for lesson_ in result.lessons] == [2, 4]
    first = result.lessons[0]
    assert (first.room_id, first.date, first.serial_number) == (ROOM_A, "2024-03-04", 2)
    assert (first.start_time, first.end_time, first.teacher_name) == ("09:00", "09:45", "叶子豪")
    assert (first.file, first.sheet) == ("课表.xlsx", "课表")
    assert result.lessons[1].title == "操作系统"
    assert result.lessons[1].teacher_name is None


def test_warnings_do_not_drop_lessons():
    result = validate(make_table([lesson(date="2024-02-01")]), today=TODAY)

    assert result.ok
    assert [problem.code for problem in result.warnings] == ["date_in_past"]
    assert len(result.lessons) == 1


def test_lessons_by_room_sorted_by_date_and_time():
    rows = [
        lesson(date="2024-03-05", serial_number="3"),
        lesson(room_id=ROOM_B, teacher_name="蔡明哲"),
        lesson(serial_number="2", start_time="10:00", end_time="10:45"),
        lesson(serial_number="1"),
    ]
    rooms = validate(make_table(rows), today=TODAY).lessons_by_room()

    assert sorted(rooms) == [ROOM_B, ROOM_A]
    assert [(item.date, item.start_time) for item in rooms[ROOM_A]] == [
        ("2024-03-04", "08:00"),
        ("2024-03-04", "10:00"),
        ("2024-03-05", "08:00"),
    ]


def test_duplicate_in_other_file_names_that_file():
    rows = [lesson(file="一班.xlsx", sheet="课表", row=2), lesson(file="二班.csv", sheet=None, row=5)]
    result = validate(make_table(rows), today=TODAY)

    by_file = {problem.file: problem for problem in result.errors}
    assert by_file["一班.xlsx"].related_row is None
    assert "二班.csv 第 5 行" in by_file["一班.xlsx"].message
    assert "二班.csv" not in by_file["二班.csv"].message
    assert by_file["二班.csv"].sheet is None


def test_long_duplicate_list_is_cut_with_count():
    rows = [lesson(start_time=f"{8 + hour:02d}:00", end_time=f"{8 + hour:02d}:45") for hour in range(8)]
    result = validate(make_table(rows), today=TODAY)

    first = result.problems[0]
    assert first.code == "duplicate_serial"
    assert "第 3、4、5、6、7 行等共 7 处" in first.message


def test_empty_table_validates():
    result = validate(LessonTable.empty(), today=TODAY)

    assert result.problems == []
    assert result.lessons == []
    assert result.ok


def test_string_dtype_frame_validates():
    table = make_table([lesson(), lesson(serial_number="2", date="2024-13-01")])
    for name in ("room_id", "date", "serial_number", "title", "start_time", "end_time", "teacher_name"):
        table.frame[name] = table.frame[name].astype("string")
    result = validate(table, today=TODAY)

    assert summary(result) == [(3, "日期", "invalid_date")]


def test_english_messages(monkeypatch):
    monkeypatch.setenv("PAIKE_LANG", "en")
    rows = [lesson(date="2027/13/01"), lesson(serial_number="1", start_time="09:00", end_time="09:45")]
    result = validate(make_table(rows), today=TODAY)
    messages = [problem.message for problem in result.problems]

    assert messages == [
        "Date '2027/13/01' is invalid: write it as year-month-day like 2027-03-01, "
        "a real calendar date from 2000 on.",
    ]


def test_row_list_follows_language_when_shown(monkeypatch):
    rows = [lesson(), lesson(start_time="09:00", end_time="09:45")]
    result = validate(make_table(rows), today=TODAY)

    monkeypatch.setenv("PAIKE_LANG", "en")
    assert "(see also row 3)" in result.problems[0].message


def test_chinese_message_quotes_value_and_fix():
    result = validate(make_table([lesson(date="2027/13/01")]), today=TODAY)

    assert result.problems[0].message == (
        "日期“2027/13/01”无效：请写成 2027-03-01 这样的年-月-日格式，并且是 2000 年以后真实存在的日期。"
    )


def test_to_dict_carries_related_row():
    rows = [lesson(), lesson(start_time="09:00", end_time="09:45")]
    data = validate(make_table(rows), today=TODAY).problems[1].to_dict()

    assert data["related_row"] == 2
    assert data["column"] == "课节编号"
