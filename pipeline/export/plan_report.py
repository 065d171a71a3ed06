"""The plan of a publish as a workbook: one row per lesson and what would happen to it."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from pipeline.export.files import write_atomically
from pipeline.i18n import t
from pipeline.publishing.plan import RoomPlan

ACTIONS = ("to_add", "to_update", "to_delete", "collisions", "unchanged")
COLUMNS = ("room_id", "action", "date", "serial_number", "title", "start_time", "end_time", "teacher_name")
WIDTHS = (18, 10, 12, 8, 30, 8, 8, 10)


def write_plan_workbook(plans: list[RoomPlan], destination: Path) -> Path:
    """Write every room's planned changes, changed lessons first."""

    def write(path: Path) -> None:
        workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False,
                                                   "strings_to_urls": False})
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        sheet = workbook.add_worksheet(t("report.plan.sheet"))
        for column, (name, width) in enumerate(zip(COLUMNS, WIDTHS)):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, t(f"report.plan.col.{name}"), bold)
        sheet.freeze_panes(1, 0)
        row = 0
        for plan in sorted(plans, key=lambda item: item.room_id):
            for action in ACTIONS:
                for lesson in getattr(plan, action):
                    row += 1
                    values = (plan.room_id, t(f"report.plan.action.{action}"), lesson.date, str(lesson.serial_number),
                              lesson.title, lesson.start_time, lesson.end_time, lesson.teacher_name or "")
                    for column, value in enumerate(values):
                        sheet.write_string(row, column, value)
        if row:
            sheet.autofilter(0, 0, row, len(COLUMNS) - 1)
        workbook.close()

    return write_atomically(destination, write, overwrite=True)
