"""The current schedule of rooms as a workbook in the import-template layout, so an
exported file can be edited and published again.

The 课表 sheet has the template's headers and cell types: the room number as text,
the date as a date cell, the serial number as a number, the times as time cells and
the titles as text. Read back by :func:`pipeline.loading.load_files` it gives exactly
the lessons it was written from, so publishing it unchanged (in any mode) makes no
write call. The 课程信息 sheet lists the course title and teacher that paike last set
for a room, when its ledger has them, because the API has no call that reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pipeline.client.api import ApiClient
from pipeline.errors import ApiError
from pipeline.export.cells import SheetWriter, Styles, WriteCounts, open_workbook, parse_clock, parse_date
from pipeline.export.files import refuse_existing, write_atomically
from pipeline.export.summary import CallCounter, ExportSummary
from pipeline.i18n import t
from pipeline.lessons import LESSON_FIELDS, CourseInfo, Lesson

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
COURSE_HEADERS = ("教室号", "课程标题", "课程老师")
COLUMN_WIDTHS = {"room_id": 18, "date": 12, "serial_number": 9, "title": 32, "start_time": 9, "end_time": 9,
                 "teacher_name": 12}
COURSE_WIDTHS = (18, 32, 12)
# getAllSchedule codes for a room that does not exist or was deleted: such a room is skipped.
MISSING_ROOM_CODES = (3001, 3002)


def export_room_schedules(
    client: ApiClient,
    room_ids: Iterable[str],
    destination: Path,
    *,
    overwrite: bool = False,
    course_info: Mapping[str, CourseInfo] | None = None,
) -> ExportSummary:
    """Read each room's lessons with ``getAllSchedule`` and write them to ``destination``.

    Rooms the API reports as missing or deleted are left out and listed in
    ``skipped_rooms``; any other API failure raises and leaves no file.
    """
    destination = Path(destination)
    refuse_existing(destination, overwrite)
    calls = CallCounter(client)
    rooms = sorted(dict.fromkeys(str(room_id).strip() for room_id in room_ids))

    skipped: list[str] = []
    counts = WriteCounts()

    def lessons_by_room() -> Iterable[tuple[str, list[Lesson]]]:
        for room_id in rooms:
            try:
                yield room_id, client.get_all_schedule(room_id)
            except ApiError as error:
                if error.code not in MISSING_ROOM_CODES:
                    raise
                skipped.append(room_id)

    courses = {room: info for room, info in (course_info or {}).items() if room in rooms}
    written = write_atomically(
        destination, lambda path: _write_workbook(path, lessons_by_room(), courses, counts), overwrite
    )
    return ExportSummary(
        path=written,
        rows=counts.rows,
        calls=calls.total(),
        calls_by_endpoint=calls.by_endpoint(),
        cleaned_cells=counts.cleaned,
        skipped_rooms=skipped,
    )


def write_schedules_workbook(
    lessons_by_room: Mapping[str, list[Lesson]], destination: Path, overwrite: bool = False
) -> Path:
    """Write lessons already in hand, sorted by room, date and start time."""
    rooms = ((room_id, lessons_by_room[room_id]) for room_id in sorted(lessons_by_room))
    return write_atomically(destination, lambda path: _write_workbook(path, rooms, {}, WriteCounts()), overwrite)


def _write_workbook(
    path: Path,
    rooms: Iterable[tuple[str, list[Lesson]]],
    courses: Mapping[str, CourseInfo],
    counts: WriteCounts,
) -> None:
    workbook = open_workbook(str(path))
    styles = Styles(workbook)
    lessons_sheet = SheetWriter.add_sheet(styles, t("export.schedules.sheet"), counts)
    lessons_sheet.header(0, [TEMPLATE_HEADERS[name] for name in LESSON_FIELDS],
                         [COLUMN_WIDTHS[name] for name in LESSON_FIELDS])
    text_format = styles.get("text", num_format="@")
    row = 0
    for _room_id, lessons in rooms:
        for lesson in sorted(lessons):
            row += 1
            _write_lesson(lessons_sheet, row, lesson, text_format)
    counts.rows = row
    lessons_sheet.sheet.autofilter(0, 0, max(row, 1), len(LESSON_FIELDS) - 1)

    if courses:
        course_sheet = SheetWriter.add_sheet(styles, t("export.schedules.courses_sheet"), counts)
        course_sheet.header(0, COURSE_HEADERS, COURSE_WIDTHS)
        for course_row, room_id in enumerate(sorted(courses), start=1):
            info = courses[room_id]
            for column, value in enumerate((info.room_id, info.title, info.teacher_name)):
                course_sheet.text(course_row, column, value, text_format)
    workbook.close()


def _write_lesson(writer: SheetWriter, row: int, lesson: Lesson, text_format) -> None:
    writer.text(row, 0, lesson.room_id, text_format)
    writer.date(row, 1, parse_date(lesson.date), raw=lesson.date)
    writer.number(row, 2, lesson.serial_number)
    writer.text(row, 3, lesson.title, text_format)
    for column, clock in ((4, lesson.start_time), (5, lesson.end_time)):
        moment = parse_clock(clock)
        if moment is None:
            writer.text(row, column, clock, text_format)
        else:
            writer.time(row, column, moment)
    writer.text(row, 6, lesson.teacher_name, text_format)
