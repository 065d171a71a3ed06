"""The current schedule of rooms as a workbook in the import-template layout, so an
exported file can be edited and published again."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import xlsxwriter

from pipeline.export.files import write_atomically
from pipeline.i18n import t
from pipeline.lessons import LESSON_FIELDS, Lesson

# The loader recognises these Chinese headers in every language, so they stay Chinese.
TEMPLATE_HEADERS = {
    "room_id": "教室号",
    "date": "日期",
    "serial_number": "课节编号",
    "title": "课节标题",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "teacher_name": "主讲老师",
}
COLUMN_WIDTHS = {"room_id": 18, "date": 12, "serial_number": 9, "title": 32, "start_time": 9, "end_time": 9, "teacher_name": 12}


def write_schedules_workbook(
    lessons_by_room: Mapping[str, list[Lesson]], destination: Path, overwrite: bool = False
) -> Path:
    """Write every room's lessons, sorted by room, date and start time."""

    def write(path: Path) -> None:
        workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                   "strings_to_numbers": False, "strings_to_urls": False})
        sheet = workbook.add_worksheet(t("export.schedules.sheet"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        text = workbook.add_format({"num_format": "@"})
        for column, name in enumerate(LESSON_FIELDS):
            sheet.set_column(column, column, COLUMN_WIDTHS[name], text)
            sheet.write_string(0, column, TEMPLATE_HEADERS[name], bold)
        sheet.freeze_panes(1, 0)
        row = 0
        for room_id in sorted(lessons_by_room):
            for lesson in sorted(lessons_by_room[room_id]):
                row += 1
                values = (lesson.room_id, lesson.date, str(lesson.serial_number), lesson.title,
                          lesson.start_time, lesson.end_time, lesson.teacher_name or "")
                for column, value in enumerate(values):
                    sheet.write_string(row, column, value)
        sheet.autofilter(0, 0, max(row, 1), len(LESSON_FIELDS) - 1)
        workbook.close()

    return write_atomically(destination, write, overwrite=overwrite)
