"""Loading sheets: header search, synonyms, merged cells, blank and repeated rows."""

import datetime

from pipeline.lessons import LESSON_FIELDS, ColumnRef
from pipeline.loading import load_file
from fixtures.workbooks import HEADER, OTHER_ROOM, ROOM, lesson_row, write_csv, write_xlsx

# What lesson_row() loads as.
TEMPLATE_LESSON = {
    "room_id": ROOM,
    "date": "2027-03-01",
    "serial_number": "1",
    "title": "高等数学",
    "start_time": "08:00",
    "end_time": "08:45",
    "teacher_name": "张明远",
}


def lessons(table):
    """Return the lesson fields of every row, as plain dicts."""
    return [{name: record[name] for name in LESSON_FIELDS} for record in table.frame.to_dict("records")]


def codes(table):
    return [problem.code for problem in table.problems]


def test_template_layout_loads(tmp_path):
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, lesson_row(), lesson_row(serial_number="2", teacher_name=None)])

    table = load_file(path)

    assert table.problems == []
    assert lessons(table)[0] == TEMPLATE_LESSON
    assert lessons(table)[1]["teacher_name"] is None
    assert list(table.frame["row"]) == [2, 3]
    assert list(table.frame["sheet"]) == ["课表", "课表"]
    assert list(table.frame["file"]) == [str(path), str(path)]
    assert list(table.frame.index) == [0, 1]


def test_cell_types_as_excel_saves_them(tmp_path):
    row = [
        18020796069152,
        datetime.date(2027, 3, 1),
        1,
        "高等数学",
        datetime.time(8, 0),
        datetime.time(8, 45),
        "张明远",
    ]
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, row])

    table = load_file(path)

    assert lessons(table) == [TEMPLATE_LESSON]


def test_column_refs_record_headers(tmp_path):
    header = ["直播间ID", "上课日期", "节次", "课程名称", "开始时间", "结束时间", "讲师"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, lesson_row()])

    table = load_file(path)

    refs = table.columns[(str(path), "课表")]
    assert refs["room_id"] == ColumnRef("直播间ID", 0)
    assert refs["teacher_name"] == ColumnRef("讲师", 6)
    assert table.column_ref(str(path), "课表", "title") == ColumnRef("课程名称", 3)


def test_title_rows_above_header(tmp_path):
    rows = [
        ["2027春季学期 直播课排课表"],
        ["制表：教务处    更新：2027-02-20"],
        [],
        ["日期", "直播间ID", "课节序号", "开始时间", "结束时间", "课程名称", "主讲老师"],
        ["2027-03-01", OTHER_ROOM, 1, "18:30", "19:15", "Python数据分析", "韩冬梅"],
        ["2027-03-01", OTHER_ROOM, 2, "19:25", "20:10", "Python数据分析", "韩冬梅"],
        ["2027-03-03", OTHER_ROOM, 1, "18:30", "19:15", "机器学习入门", None],
    ]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, merged=["A1:G1", "A2:G2"])

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["row"]) == [5, 6, 7]
    assert lessons(table)[0]["room_id"] == OTHER_ROOM
    assert lessons(table)[0]["start_time"] == "18:30"


def test_header_matching_ignores_noise(tmp_path):
    header = [" 教室号 ", "日\u00a0期", "课节编号*", "课节标题（必填）", "ＳＴＡＲＴ＿ＴＩＭＥ", "End Time", "Teacher\u200b"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, lesson_row()])

    table = load_file(path)

    assert table.problems == []
    assert lessons(table) == [dict(zip(LESSON_FIELDS, lesson_row()))]


def test_header_below_row_20_not_found(tmp_path):
    rows = [[f"说明 {index}"] for index in range(20)] + [HEADER, lesson_row()]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert codes(table) == ["no_timetable"]
    assert table.problems[0].sheet is None


def test_combined_time_column(tmp_path):
    header = ["教室号", "日期", "课节编号", "课节标题", "上课时间", "主讲老师"]
    rows = [
        header,
        [ROOM, "2027-03-01", 1, "高等数学", "09:00-09:45", "张明远"],
        [ROOM, "2027-03-01", 2, "高等数学", "9:55～10:40", "张明远"],
        [ROOM, "2027-03-01", 3, "高等数学", "下午2点-3点", "张明远"],
    ]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["start_time"]) == ["09:00", "09:55", "14:00"]
    assert list(table.frame["end_time"]) == ["09:45", "10:40", "15:00"]
    refs = table.columns[(str(path), "课表")]
    assert refs["start_time"] == refs["end_time"] == ColumnRef("上课时间", 4)


def test_combined_column_unreadable_cell(tmp_path):
    header = ["教室号", "日期", "课节编号", "课节标题", "时间"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, [ROOM, "2027-03-01", 1, "高等数学", "第一节"]])

    table = load_file(path)

    assert table.frame.at[0, "start_time"] == "第一节"
    assert table.frame.at[0, "end_time"] is None
    assert (0, "end_time") in table.reported_cells
    assert (0, "start_time") not in table.reported_cells


def test_上课时间_with_end_column_is_start(tmp_path):
    header = ["教室号", "日期", "课节编号", "课节标题", "上课时间", "下课时间"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, [ROOM, "2027-03-01", 1, "高等数学", "9:00", "9:45"]])

    table = load_file(path)

    assert table.problems == []
    assert lessons(table)[0]["start_time"] == "09:00"
    assert lessons(table)[0]["end_time"] == "09:45"


def test_missing_required_column(tmp_path):
    header = ["教室号", "日期", "课节编号", "课节标题", "开始时间", "主讲老师"]
    path = write_xlsx(tmp_path / "课表.xlsx", [["排课表"], header, [ROOM, "2027-03-01", 1, "数学", "9:00", "王"]])

    table = load_file(path)

    assert codes(table) == ["missing_column"]
    problem = table.problems[0]
    assert (problem.sheet, problem.row, problem.column) == ("课表", 2, "结束时间")
    assert "结束时间" in problem.message
    assert len(table.frame) == 0


def test_unknown_column_warns_with_suggestion(tmp_path):
    header = HEADER + ["备注", "教师号"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, lesson_row() + ["第一周", "T01"]])

    table = load_file(path)

    assert codes(table) == ["unknown_column", "unknown_column"]
    remark, typo = table.problems
    assert (remark.column, remark.column_index, remark.row) == ("备注", 7, 1)
    assert remark.message_key is None
    assert typo.column == "教师号"
    assert typo.params["suggestion"] in ("教室号", "教师")
    assert all(not problem.is_error for problem in table.problems)
    assert len(table.frame) == 1


def test_duplicate_column_warns(tmp_path):
    header = HEADER + ["老师"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, lesson_row() + ["别人"]])

    table = load_file(path)

    assert codes(table) == ["unknown_column"]
    assert table.problems[0].params == {"column": "老师", "used": "主讲老师"}
    assert lessons(table)[0]["teacher_name"] == "张明远"


def test_merged_cells_filled_inside_range_only(tmp_path):
    rows = [
        HEADER,
        [18020796069152, datetime.date(2027, 3, 1), 1, "有机化学", "08:00", "08:45", "钱志强"],
        [None, None, 2, "有机化学", "08:55", "09:40", None],
        [None, None, 3, "有机化学实验", "10:00", "10:45", None],
        [123234567124414, datetime.date(2027, 3, 2), 1, "分析化学", "14:00", "14:45", "冯丽娟"],
        [None, None, 2, "分析化学", "14:55", "15:40", None],
    ]
    merged = ["A2:A4", "B2:B4", "G2:G4", "A5:A6", "B5:B6"]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, merged=merged)

    table = load_file(path)

    assert list(table.frame["room_id"]) == [ROOM] * 3 + [OTHER_ROOM] * 2
    assert list(table.frame["date"]) == ["2027-03-01"] * 3 + ["2027-03-02"] * 2
    assert list(table.frame["teacher_name"]) == ["钱志强"] * 3 + ["冯丽娟", None]


def test_unmerged_empty_cell_stays_empty(tmp_path):
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, lesson_row(), lesson_row(room_id=None, serial_number="2")])

    table = load_file(path)

    assert list(table.frame["room_id"]) == [ROOM, None]
    assert table.reported_cells == set()


def test_blank_and_repeated_header_rows_skipped(tmp_path):
    rows = [HEADER, lesson_row(), [], [None, "  "], HEADER, lesson_row(serial_number="2"), []]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["row"]) == [2, 6]
    assert list(table.frame.index) == [0, 1]


def test_row_with_only_unknown_column_skipped(tmp_path):
    rows = [HEADER + ["备注"], lesson_row() + [""], [None] * 7 + ["制表：教务处"]]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert list(table.frame["row"]) == [2]


def test_every_visible_sheet_read(tmp_path):
    first = [HEADER, lesson_row()]
    second = [HEADER, lesson_row(room_id=OTHER_ROOM), lesson_row(room_id=OTHER_ROOM, serial_number="2")]
    notes = [["说明"], ["请按模板填写"]]
    path = write_xlsx(tmp_path / "课表.xlsx", first, extra_sheets={"说明": notes, "第二周": second})

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["sheet"]) == ["课表", "第二周", "第二周"]
    assert list(table.frame["row"]) == [2, 2, 3]
    assert list(table.frame.index) == [0, 1, 2]
    assert set(table.columns) == {(str(path), "课表"), (str(path), "第二周")}


def test_hidden_sheet_skipped_with_warning(tmp_path):
    path = write_xlsx(
        tmp_path / "课表.xlsx",
        [HEADER, lesson_row()],
        extra_sheets={"旧课表": [HEADER, lesson_row(serial_number="9")], "下拉选项": [["是", "否"]]},
        hidden_sheets=["旧课表", "下拉选项"],
    )

    table = load_file(path)

    assert codes(table) == ["hidden_sheet_skipped"]
    assert table.problems[0].sheet == "旧课表"
    assert not table.problems[0].is_error
    assert list(table.frame["serial_number"]) == ["1"]


def test_only_hidden_timetable_is_error(tmp_path):
    path = write_xlsx(
        tmp_path / "课表.xlsx",
        [["封面"]],
        extra_sheets={"课表": [HEADER, lesson_row()]},
        hidden_sheets=["课表"],
    )

    table = load_file(path)

    assert codes(table) == ["hidden_sheet_skipped", "no_timetable"]
    assert table.problems[1].message_key == "problem.no_timetable.only_hidden"


def test_weekday_grid_explained(tmp_path):
    rows = [["", "周一", "周二", "周三", "周四", "周五"], [1, "语文", "数学", "地理", "英语", "语文"]]
    path = write_xlsx(tmp_path / "kb.xlsx", rows)

    table = load_file(path)

    assert codes(table) == ["no_timetable"]
    assert table.problems[0].message_key == "problem.no_timetable.weekday_grid"
    assert (table.problems[0].sheet, table.problems[0].row) == (None, None)


def test_near_header_reports_missing_columns(tmp_path):
    rows = [["时间段", "教室", "日期", "时间", "课程名称", "任课教师"], [1, "512", "2019/11/9", "8:00-10:00", "管理学", "王"]]
    path = write_xlsx(tmp_path / "排课结果.xlsx", rows)

    table = load_file(path)

    assert codes(table) == ["missing_column", "missing_column"]
    assert [problem.column for problem in table.problems] == ["教室号", "课节编号"]
    assert table.problems[0].row == 1


def test_course_info_sheet(tmp_path):
    info = [
        ["教室号", "课程标题", "课程老师"],
        [ROOM, "高等数学（上）", "张明远"],
        [OTHER_ROOM, "线性代数", None],
        ["1.80208E+13", "概率论", None],
        [None, "没有教室", None],
    ]
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, lesson_row()], extra_sheets={"课程信息": info})

    table = load_file(path)

    assert set(table.course_info) == {ROOM, OTHER_ROOM}
    assert table.course_info[ROOM].title == "高等数学（上）"
    assert table.course_info[ROOM].teacher_name == "张明远"
    assert table.course_info[OTHER_ROOM].teacher_name is None
    assert [(problem.code, problem.row) for problem in table.problems] == [
        ("room_id_precision_lost", 4),
        ("required", 5),
    ]
    assert list(table.frame["sheet"]) == ["课表"]


def test_course_info_english_headers(tmp_path):
    info = [["room_id", "course_title", "course_teacher"], [ROOM, "Calculus", "Zhang"]]
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, lesson_row()], extra_sheets={"课程信息": info})

    table = load_file(path)

    assert table.course_info[ROOM].title == "Calculus"
    assert table.problems == []


def test_csv_title_row_and_merge_residue(tmp_path):
    rows = [["排课表"], HEADER, lesson_row(), ["", "", "2", "高等数学", "9:00", "9:45", ""]]
    path = write_csv(tmp_path / "课表.csv", rows)

    table = load_file(path)

    assert list(table.frame["row"]) == [3, 4]
    assert list(table.frame["sheet"]) == [None, None]
    assert table.frame.at[1, "room_id"] is None  # CSV has no merged ranges to fill
    assert table.columns[(str(path), None)]["room_id"] == ColumnRef("教室号", 0)


def test_two_row_time_header(tmp_path):
    rows = [
        ["教室号", "日期", "课节编号", "课节标题", "上课时间", None, "主讲老师"],
        [None, None, None, None, "开始", "结束", None],
        [ROOM, "2027-03-01", 1, "高等数学", "8:00", "8:45", "张明远"],
    ]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, merged=["E1:F1", "A1:A2", "B1:B2"])

    table = load_file(path)

    assert table.problems == []
    assert lessons(table) == [TEMPLATE_LESSON]
    assert list(table.frame["row"]) == [3]
    assert table.columns[(str(path), "课表")]["end_time"] == ColumnRef("结束", 5)


def test_time_row_below_combined_header_is_data(tmp_path):
    header = ["教室号", "日期", "课节编号", "课节标题", "上课时间"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, [ROOM, "2027-03-01", 1, "高等数学", "8:00-8:45"]])

    table = load_file(path)

    assert list(table.frame["row"]) == [2]
    assert table.frame.at[0, "end_time"] == "08:45"


def test_merged_section_title_row_skipped(tmp_path):
    rows = [HEADER, ["第一周"], lesson_row(), ["第二周"], lesson_row(date="2027-03-08")]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, merged=["A2:G2", "A4:G4"])

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["row"]) == [3, 5]
