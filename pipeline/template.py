"""The import template: an empty workbook laid out the way the loader reads it.

``排课导入模板.xlsx`` has three sheets. 课表 takes one lesson per row under the seven
headers the loader recognizes. Its cells are preformatted so that Excel keeps a 14–15
digit room number as text, and data validations catch a bad time, date or lesson
number while staff type. 课程信息 optionally sets each room's course title and
teacher. 说明 explains the rules and shows a worked example.

Headers and all other text come from the catalog area ``template``; the headers stay
Chinese in English mode because the loader matches them.
"""

from __future__ import annotations

import math
import os
import uuid
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.errors import PaikeError
from pipeline.i18n import t
from pipeline.lessons import LESSON_FIELDS, REQUIRED_FIELDS

TEMPLATE_FILENAME = "排课导入模板.xlsx"

# Rows below the header that get cell formats and validations. Excel also applies the
# column style to rows past this, but data validations stop here.
PREPARED_ROWS = 1000

# Per lesson field: column width (Excel character units) and number format.
LESSON_COLUMN_WIDTHS = {
    "room_id": 20,
    "date": 13,
    "serial_number": 10,
    "title": 34,
    "start_time": 10,
    "end_time": 10,
    "teacher_name": 12,
}
LESSON_NUMBER_FORMATS = {
    "room_id": "@",
    "date": "yyyy-mm-dd",
    "serial_number": "0",
    "title": "@",
    "start_time": "hh:mm",
    "end_time": "hh:mm",
    "teacher_name": "@",
}
COURSE_HEADER_KEYS = ("course_room_id", "course_title", "course_teacher")
COURSE_COLUMN_WIDTHS = (20, 34, 12)
COURSE_NUMBER_FORMATS = ("@", "@", "@")

# Bounds of the date validation. 23:59 as an Excel day fraction bounds the time
# validation, which accepts any minute of the day.
FIRST_VALID_DATE_SERIAL = 43831  # 2020-01-01
LAST_VALID_DATE_SERIAL = 73050  # 2099-12-31
LAST_MINUTE_OF_DAY = 1439 / 1440

HEADER_FONT = Font(bold=True)
REQUIRED_FILL = PatternFill("solid", fgColor="DDEBF7")
OPTIONAL_FILL = PatternFill("solid", fgColor="EDEDED")
_THIN_SIDE = Side(style="thin", color="A6A6A6")
THIN_BORDER = Border(left=_THIN_SIDE, right=_THIN_SIDE, top=_THIN_SIDE, bottom=_THIN_SIDE)

# Example lessons on the 说明 sheet. Values that are the same in every language stay
# here; titles and the teacher come from the catalog.
GUIDE_EXAMPLES = (
    ("18020796069152", "2027-03-05", "1", "math_1", "18:30", "19:15", "teacher"),
    ("18020796069152", "2027-03-05", "2", "math_2", "19:25", "20:10", "teacher"),
    ("18020796069153", "2027-03-06", "1", "coding", "09:00", "09:45", "blank"),
)
GUIDE_RULE_KEYS = (
    "rows", "headers", "room_id", "date", "time", "serial", "overlap", "teacher", "cells", "courses",
)
GUIDE_WIDTHS = (12, 10, 40, 26, 26, 26)


def write_template(directory: Path, *, force: bool = True) -> Path:
    """Write 排课导入模板.xlsx into ``directory`` and return its path.

    The workbook is saved to a temporary file in the same folder and then renamed, so
    a reader never sees a half-written template. With ``force=False`` an existing
    file is kept and PaikeError ``template.file_exists`` is raised.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / TEMPLATE_FILENAME
    if target.exists() and not force:
        raise PaikeError("template.file_exists", path=str(target))

    save_workbook_atomically(build_template(), target)
    return target


def save_workbook_atomically(workbook: Workbook, target: Path) -> None:
    """Save ``workbook`` to a temporary file beside ``target``, then rename it over ``target``."""
    # The .tmp suffix keeps a folder watcher that looks for *.xlsx from picking it up.
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        workbook.save(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def build_template() -> Workbook:
    """Build the template workbook in the current language."""
    workbook = Workbook()
    lessons = workbook.active
    lessons.title = t("template.sheet.lessons")
    _lay_out_lessons_sheet(lessons)
    _lay_out_courses_sheet(workbook.create_sheet(t("template.sheet.courses")))
    _lay_out_guide_sheet(workbook.create_sheet(t("template.sheet.guide")))
    for sheet in workbook.worksheets:
        fit_to_page_width(sheet)
    return workbook


def fit_to_page_width(sheet: Worksheet) -> None:
    """Print ``sheet`` landscape, one page wide and as many pages long as it needs."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def lesson_headers() -> list[str]:
    """Return the 课表 headers in template order, one per lesson field."""
    return [t(f"template.header.{field}") for field in LESSON_FIELDS]


def _lay_out_lessons_sheet(sheet: Worksheet) -> None:
    formats = [LESSON_NUMBER_FORMATS[field] for field in LESSON_FIELDS]
    widths = [LESSON_COLUMN_WIDTHS[field] for field in LESSON_FIELDS]
    required = [field in REQUIRED_FIELDS for field in LESSON_FIELDS]
    _write_header(sheet, lesson_headers(), widths, required)
    _format_columns(sheet, formats)

    column = {field: get_column_letter(index) for index, field in enumerate(LESSON_FIELDS, start=1)}
    _add_room_id_validation(sheet, column["room_id"])
    _add_validation(
        sheet,
        DataValidation(
            type="date",
            operator="between",
            formula1=str(FIRST_VALID_DATE_SERIAL),
            formula2=str(LAST_VALID_DATE_SERIAL),
        ),
        "date",
        [column["date"]],
    )
    _add_validation(
        sheet,
        DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1"),
        "serial",
        [column["serial_number"]],
    )
    _add_validation(
        sheet,
        DataValidation(type="time", operator="between", formula1="0", formula2=repr(LAST_MINUTE_OF_DAY)),
        "time",
        [column["start_time"], column["end_time"]],
    )


def _lay_out_courses_sheet(sheet: Worksheet) -> None:
    headers = [t(f"template.header.{key}") for key in COURSE_HEADER_KEYS]
    _write_header(sheet, headers, COURSE_COLUMN_WIDTHS, [True, True, False])
    _format_columns(sheet, COURSE_NUMBER_FORMATS)
    _add_room_id_validation(sheet, "A")


def _write_header(sheet: Worksheet, headers: list[str], widths, required: list[bool]) -> None:
    """Write a bold, frozen header row; required columns get a blue fill, optional grey."""
    for index, (header, width, is_required) in enumerate(zip(headers, widths, required), start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if is_required else OPTIONAL_FILL
        cell.border = THIN_BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = 20
    sheet.freeze_panes = "A2"


def _format_columns(sheet: Worksheet, number_formats) -> None:
    """Set each column's number format on the column and on every prepared row."""
    for index, number_format in enumerate(number_formats, start=1):
        sheet.column_dimensions[get_column_letter(index)].number_format = number_format
        for row in range(2, PREPARED_ROWS + 2):
            sheet.cell(row=row, column=index).number_format = number_format


def _add_room_id_validation(sheet: Worksheet, letter: str) -> None:
    validation = DataValidation(type="textLength", operator="between", formula1="14", formula2="15")
    _add_validation(sheet, validation, "room_id", [letter])


def _add_validation(sheet: Worksheet, validation: DataValidation, key: str, letters: list[str]) -> None:
    """Attach ``validation`` to the prepared rows of ``letters`` with catalog prompt and alert."""
    validation.allow_blank = True
    validation.showInputMessage = True
    validation.showErrorMessage = True
    validation.errorStyle = "stop"
    validation.promptTitle = t(f"template.validation.{key}.title")
    validation.prompt = t(f"template.validation.{key}.prompt")
    validation.errorTitle = t(f"template.validation.{key}.title")
    validation.error = t(f"template.validation.{key}.error")
    for letter in letters:
        validation.add(f"{letter}2:{letter}{PREPARED_ROWS + 1}")
    sheet.add_data_validation(validation)


def _lay_out_guide_sheet(sheet: Worksheet) -> None:
    for index, width in enumerate(GUIDE_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    row = _write_guide_line(sheet, 1, t("template.guide.title"), Font(bold=True, size=14))
    row = _write_guide_line(sheet, row + 1, t("template.guide.rules_heading"), Font(bold=True, size=12))
    for key in GUIDE_RULE_KEYS:
        row = _write_guide_line(sheet, row, t(f"template.guide.rule.{key}"))
    row = _write_guide_line(sheet, row + 1, t("template.guide.publish_heading"), Font(bold=True, size=12))
    for key in ("check", "plan", "publish"):
        row = _write_guide_line(sheet, row, t(f"template.guide.publish.{key}"))
    row = _write_guide_line(sheet, row + 1, t("template.guide.columns_heading"), Font(bold=True, size=12))
    _write_column_table(sheet, row)


def _write_guide_line(sheet: Worksheet, row: int, text: str, font: Font | None = None) -> int:
    """Write ``text`` across the guide's columns, wrapped, and return the next free row."""
    last_column = len(GUIDE_WIDTHS)
    cell = sheet.cell(row=row, column=1, value=text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if font:
        cell.font = font
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)

    # Neither Excel nor LibreOffice sizes a merged row to its wrapped text, so the
    # height is estimated from the text's display width (a CJK character is two units).
    # NOTE: the estimate assumes the default 11 pt font and may leave a little spare room.
    line_capacity = sum(GUIDE_WIDTHS) * 0.9
    lines = max(1, math.ceil(_display_width(text) / line_capacity))
    sheet.row_dimensions[row].height = 16 * lines + 4 if font is None else 22
    return row + 1


def _display_width(text: str) -> int:
    return sum(2 if ord(character) > 0x2E7F else 1 for character in text)


def _write_column_table(sheet: Worksheet, first_row: int) -> None:
    """Write one row per lesson field: header, required or not, rule, three examples.

    The table is transposed on purpose: a row with all seven headers side by side
    would look like a timetable to the loader, which could then read the examples
    as lessons.
    """
    header = [
        t("template.guide.column.name"),
        t("template.guide.column.required"),
        t("template.guide.column.rule"),
    ] + [t("template.guide.column.example", number=number) for number in (1, 2, 3)]
    _write_table_row(sheet, first_row, header, font=HEADER_FONT, fill=REQUIRED_FILL)

    for offset, field in enumerate(LESSON_FIELDS, start=1):
        required = t("template.guide.yes") if field in REQUIRED_FIELDS else t("template.guide.no")
        examples = [_example_value(example, offset - 1) for example in GUIDE_EXAMPLES]
        values = [t(f"template.header.{field}"), required, t(f"template.guide.need.{field}"), *examples]
        _write_table_row(sheet, first_row + offset, values)


def _example_value(example: tuple[str, ...], field_index: int) -> str:
    value = example[field_index]
    if LESSON_FIELDS[field_index] in ("title", "teacher_name"):
        return t(f"template.guide.example.{value}")
    return value


def _write_table_row(sheet: Worksheet, row: int, values: list[str], *, font=None, fill=None) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = "@"
        cell.border = THIN_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
