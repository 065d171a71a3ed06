"""The run report of a publish: an xlsx with the sheets 成功, 失败 and 未变化, listing
every lesson with the file, sheet and row it came from, and a JSON summary beside it."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from pathlib import Path

import xlsxwriter

from pipeline.export.files import write_atomically
from pipeline.i18n import t
from pipeline.lessons import Lesson
from pipeline.publishing.publisher import RoomResult

# Result statuses shown on each sheet; a dry run writes no run report.
SHEETS = (
    ("report.run.sheet_done", ("done",)),
    ("report.run.sheet_failed", ("failed", "refused")),
    ("report.run.sheet_unchanged", ("unchanged",)),
)
COLUMNS = ("file", "sheet", "row", "room_id", "date", "serial_number", "title", "start_time", "end_time",
           "teacher_name", "status", "code", "message")
WIDTHS = (28, 12, 6, 18, 12, 8, 30, 8, 8, 10, 10, 8, 60)


def write_run_report(
    results: list[RoomResult],
    lessons_by_room: Mapping[str, list[Lesson]],
    destination: Path,
    summary: dict,
) -> tuple[Path, Path]:
    """Write ``destination`` (xlsx) and the same name with ``.json``; return both paths."""

    def write(path: Path) -> None:
        workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                                   "strings_to_urls": False})
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "time": workbook.add_format({"num_format": "hh:mm"}),
        }
        for sheet_key, statuses in SHEETS:
            sheet = workbook.add_worksheet(t(sheet_key))
            chosen = [result for result in results if result.status in statuses]
            _write_sheet(sheet, formats, chosen, lessons_by_room)
        workbook.close()

    workbook_path = write_atomically(destination, write, overwrite=True)
    json_path = destination.with_suffix(".json")
    text = json.dumps(summary, ensure_ascii=False, indent=2, default=str)
    write_atomically(json_path, lambda path: path.write_text(text, encoding="utf-8"), overwrite=True)
    return workbook_path, json_path


def _write_sheet(sheet, formats, results: list[RoomResult], lessons_by_room: Mapping[str, list[Lesson]]) -> None:
    for column, (name, width) in enumerate(zip(COLUMNS, WIDTHS)):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, t(f"report.run.col.{name}"), formats["header"])
    sheet.freeze_panes(1, 0)
    row = 0
    for result in results:
        message = " ".join(part for part in (result.msg, result.hint) if part)
        for lesson in lessons_by_room.get(result.room_id, []):
            row += 1
            values = (lesson.file or "", lesson.sheet or "", lesson.row, lesson.room_id, lesson.date,
                      lesson.serial_number, lesson.title, lesson.start_time, lesson.end_time,
                      lesson.teacher_name or "", t(f"cli.status.{result.status}"), result.code or "", message)
            for column, value in enumerate(values):
                _write_value(sheet, row, COLUMNS[column], value, formats)
    if row:
        sheet.autofilter(0, 0, row, len(COLUMNS) - 1)


def _write_value(sheet, row: int, name: str, value, formats) -> None:
    """Write dates and times as real cells so people can sort and filter them."""
    if name == "date":
        sheet.write_datetime(row, COLUMNS.index(name), datetime.datetime.fromisoformat(value), formats["date"])
    elif name in ("start_time", "end_time"):
        sheet.write_datetime(row, COLUMNS.index(name), datetime.time.fromisoformat(value), formats["time"])
    elif isinstance(value, int):
        sheet.write_number(row, COLUMNS.index(name), value)
    else:
        sheet.write_string(row, COLUMNS.index(name), str(value))
