"""The import template: layout, cell formats, data validations, 说明 text, writing."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from pipeline.errors import PaikeError
from pipeline.i18n import set_language
from pipeline.loading import load_files
from pipeline.template import PREPARED_ROWS, TEMPLATE_FILENAME, write_template

REPOSITORY = Path(__file__).resolve().parent.parent
COMMITTED_TEMPLATE = REPOSITORY / "templates" / TEMPLATE_FILENAME
LESSON_HEADERS = ["教室号", "日期", "课节编号", "课节标题", "开始时间", "结束时间", "主讲老师"]
COURSE_HEADERS = ["教室号", "课程标题", "课程老师"]
LAST_ROW = PREPARED_ROWS + 1


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> openpyxl.Workbook:
    """The Chinese template, written once for the tests that only read it."""
    set_language("zh")
    try:
        return openpyxl.load_workbook(write_template(tmp_path_factory.mktemp("template")))
    finally:
        set_language(None)


def header_row(sheet) -> list[str]:
    return [cell.value for cell in sheet[1] if cell.value is not None]


def guide_text(workbook: openpyxl.Workbook) -> str:
    sheet = workbook["说明"]
    return "\n".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row if value)


def validations_by_range(sheet) -> dict[str, object]:
    return {
        str(cell_range): validation
        for validation in sheet.data_validations.dataValidation
        for cell_range in validation.sqref.ranges
    }


def test_template_written_with_fixed_name(tmp_path: Path):
    path = write_template(tmp_path)

    assert path == tmp_path / "排课导入模板.xlsx"
    assert path.is_file()


def test_template_sheets_in_order(template):
    assert template.sheetnames == ["课表", "课程信息", "说明"]


def test_lesson_headers_exact(template):
    assert header_row(template["课表"]) == LESSON_HEADERS


def test_course_headers_exact(template):
    assert header_row(template["课程信息"]) == COURSE_HEADERS


def test_header_bold_and_frozen(template):
    sheet = template["课表"]

    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert template["课程信息"].freeze_panes == "A2"


def test_columns_wide_enough(template):
    widths = template["课表"].column_dimensions

    assert widths["A"].width >= 16  # 15 digits must show in full
    assert widths["D"].width >= 25  # titles are the longest values


def test_room_column_formatted_as_text(template):
    lessons = template["课表"]

    assert lessons["A2"].number_format == "@"
    assert lessons[f"A{LAST_ROW}"].number_format == "@"
    assert lessons.column_dimensions["A"].number_format == "@"
    assert template["课程信息"]["A2"].number_format == "@"


def test_date_and_time_columns_formatted(template):
    sheet = template["课表"]

    assert sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["E2"].number_format == "hh:mm"
    assert sheet[f"F{LAST_ROW}"].number_format == "hh:mm"


def test_time_columns_validated(template):
    validations = validations_by_range(template["课表"])

    for letter in "EF":
        validation = validations[f"{letter}2:{letter}{LAST_ROW}"]
        assert validation.type == "time"
        assert validation.operator == "between"
        assert float(validation.formula1) == 0
        assert float(validation.formula2) == pytest.approx(1439 / 1440)
        assert validation.showErrorMessage
        assert validation.showInputMessage
        assert "00:00 到 23:59" in validation.error
        assert "HH:MM" in validation.prompt


def test_serial_column_validated(template):
    validation = validations_by_range(template["课表"])[f"C2:C{LAST_ROW}"]

    assert validation.type == "whole"
    assert validation.operator == "greaterThanOrEqual"
    assert validation.formula1 == "1"
    assert "大于等于 1" in validation.error


def test_date_column_validated(template):
    validation = validations_by_range(template["课表"])[f"B2:B{LAST_ROW}"]

    assert validation.type == "date"
    assert validation.error
    assert validation.prompt


def test_room_column_validated_as_14_to_15_characters(template):
    validation = validations_by_range(template["课表"])[f"A2:A{LAST_ROW}"]

    assert validation.type == "textLength"
    assert (validation.formula1, validation.formula2) == ("14", "15")


def test_validation_texts_fit_excel_limits(template):
    # Excel's limits for these strings (MS-XLS, record DValStrings).
    for sheet in template.worksheets:
        for validation in sheet.data_validations.dataValidation:
            assert len(validation.promptTitle) <= 32
            assert len(validation.errorTitle) <= 32
            assert len(validation.prompt) <= 255
            assert len(validation.error) <= 225


def test_guide_states_the_rules(template):
    text = guide_text(template)

    for expected in (
        "必填列：教室号、日期、课节编号、课节标题、开始时间、结束时间",
        "14–15 位数字",
        "1.80208E+13",
        "2027年3月5日",
        "「3月5日」无法识别",
        "HH:MM",
        "同一教室同一天内不能重复",
        "不能重叠",
        "主讲老师可以不填",
        "不要隐藏行",
        "公式",
        "paike check",
        "paike plan",
        "paike publish",
        "检查结果.xlsx",
        "英文界面下列名也保持中文",
    ):
        assert expected in text, expected


def test_guide_example_is_not_a_header_row(template):
    # A row holding several lesson headers would look like a timetable to the loader.
    for row in template["说明"].iter_rows(values_only=True):
        assert len(set(row) & set(LESSON_HEADERS)) <= 1


def test_guide_example_has_three_lessons(template):
    rows = {row[0]: row[3:6] for row in template["说明"].iter_rows(values_only=True) if row[0]}

    assert rows["教室号"] == ("18020796069152", "18020796069152", "18020796069153")
    assert rows["开始时间"] == ("18:30", "19:25", "09:00")


def test_english_template_keeps_chinese_headers(tmp_path: Path):
    set_language("en")
    workbook = openpyxl.load_workbook(write_template(tmp_path))

    assert workbook.sheetnames == ["课表", "课程信息", "说明"]
    assert header_row(workbook["课表"]) == LESSON_HEADERS
    assert header_row(workbook["课程信息"]) == COURSE_HEADERS
    text = guide_text(workbook)
    assert "How to fill in this timetable template" in text
    assert "Keep the Chinese column headers" in text
    assert "填写规则" not in text
    time_validation = validations_by_range(workbook["课表"])[f"E2:E{LAST_ROW}"]
    assert time_validation.error == "Type a time between 00:00 and 23:59, e.g. 08:00."


def test_writing_twice_replaces_file(tmp_path: Path):
    path = write_template(tmp_path)
    path.write_bytes(b"not a workbook")

    assert write_template(tmp_path) == path
    assert openpyxl.load_workbook(path).sheetnames == ["课表", "课程信息", "说明"]
    assert sorted(tmp_path.iterdir()) == [path]


def test_no_force_keeps_existing_file(tmp_path: Path):
    path = write_template(tmp_path)
    path.write_bytes(b"staff's own copy")

    with pytest.raises(PaikeError) as raised:
        write_template(tmp_path, force=False)

    assert raised.value.message_key == "template.file_exists"
    assert str(path) in raised.value.message
    assert path.read_bytes() == b"staff's own copy"


def test_missing_folder_created(tmp_path: Path):
    path = write_template(tmp_path / "new" / "folder")

    assert path.is_file()


def test_committed_template_matches_code(tmp_path: Path):
    fresh = openpyxl.load_workbook(write_template(tmp_path))
    committed = openpyxl.load_workbook(COMMITTED_TEMPLATE)

    assert committed.sheetnames == fresh.sheetnames
    for name in fresh.sheetnames:
        committed_values = list(committed[name].iter_rows(values_only=True))
        assert committed_values == list(fresh[name].iter_rows(values_only=True)), name
        assert validations_by_range(committed[name]).keys() == validations_by_range(fresh[name]).keys()


def test_filled_template_loads_one_lesson(tmp_path: Path):
    path = write_template(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["课表"]
    lesson = [
        "123234567124414",
        datetime.date(2027, 3, 5),
        1,
        "高一英语阅读 第1讲",
        datetime.time(18, 30),
        datetime.time(19, 15),
        None,
    ]
    for column, value in enumerate(lesson, start=1):
        sheet.cell(row=2, column=column, value=value)
    workbook.save(path)

    table = load_files([path])

    assert table.problems == []
    assert len(table.frame) == 1
    row = table.frame.iloc[0]
    assert row["room_id"] == "123234567124414"
    assert row["date"] == "2027-03-05"
    assert row["start_time"] == "18:30"
    assert row["sheet"] == "课表"
    assert row["row"] == 2
