"""The optional 课程信息 sheet: each room's course title and teacher.

The sheet is not a lesson sheet. Its rows become :class:`~pipeline.lessons.CourseInfo`
entries, which publishing sends with ``setRoomScheduleInfo``.
"""

from __future__ import annotations

from typing import Any

from pipeline.lessons import CourseInfo
from pipeline.loading.cells import cell_text
from pipeline.loading.grid import SheetGrid, fill_merged_ranges, last_nonempty_row
from pipeline.loading.headers import HEADER_SYNONYMS, HeaderMatch, build_vocabulary, header_key, match_header_row
from pipeline.loading.identifiers import convert_room_id
from pipeline.loading.limits import HEADER_SEARCH_ROWS
from pipeline.problems import Problem, error

COURSE_INFO_SHEET_NAMES = ("课程信息", "course_info")
COURSE_INFO_SYNONYMS = {
    "room_id": HEADER_SYNONYMS["room_id"],
    "title": ("课程标题", "课程名称", "课程", "course_title", "title"),
    "teacher_name": ("课程老师", "主讲老师", "老师", "教师", "course_teacher", "teacher"),
}
COURSE_INFO_LABELS = {"room_id": "教室号", "title": "课程标题", "teacher_name": "课程老师"}
COURSE_INFO_VOCABULARY = build_vocabulary(COURSE_INFO_SYNONYMS)
_SHEET_KEYS = {header_key(name) for name in COURSE_INFO_SHEET_NAMES}


def is_course_info_sheet(name: str | None) -> bool:
    return name is not None and header_key(name) in _SHEET_KEYS


def read_course_info(file: str, grid: SheetGrid) -> tuple[dict[str, CourseInfo], list[Problem]]:
    """Return room_id -> course info from the sheet, and the problems found in it.

    NOTE: when a room appears on two rows, the later row wins without a problem.
    """
    header = _find_course_header(grid.rows)
    if "room_id" not in header.columns or "title" not in header.columns:
        return {}, [
            error(
                "missing_column",
                file,
                sheet=grid.name,
                row=header.row,
                column=COURSE_INFO_LABELS[name],
                params={"column": COURSE_INFO_LABELS[name], "accepted": "、".join(COURSE_INFO_SYNONYMS[name])},
            )
            for name in ("room_id", "title")
            if name not in header.columns
        ]

    first = header.row_index + 1
    fill_merged_ranges(grid.rows, grid.merged, first)
    courses: dict[str, CourseInfo] = {}
    problems: list[Problem] = []
    for position, row in enumerate(grid.rows[first : last_nonempty_row(grid.rows) + 1]):
        entry = _read_course_row(file, grid.name, header, row, first + position + 1, problems)
        if entry is not None:
            courses[entry.room_id] = entry
    return courses, problems


def _find_course_header(rows: list[list[Any]]) -> HeaderMatch:
    """Return the first row naming room and title, else the row naming the most fields."""
    best = HeaderMatch(0)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        match = match_header_row(row, index, COURSE_INFO_VOCABULARY)
        if "room_id" in match.columns and "title" in match.columns:
            return match
        if len(match.columns) > len(best.columns):
            best = match
    return best


def _read_course_row(
    file: str, sheet: str | None, header: HeaderMatch, row: list[Any], row_number: int, problems: list[Problem]
) -> CourseInfo | None:
    cells = {name: row[index] if index < len(row) else "" for name, index in header.columns.items()}
    room_id, issue = convert_room_id(cells["room_id"])
    title = cell_text(cells["title"])
    teacher = cell_text(cells.get("teacher_name", ""))
    if room_id is None and title is None and teacher is None:
        return None
    if isinstance(cells["room_id"], str) and COURSE_INFO_VOCABULARY.get(header_key(cells["room_id"])) == "room_id":
        return None  # the header repeated inside the data

    def place(name: str, code: str, message_key: str | None, **params: Any) -> None:
        written = header.headers[header.columns[name]]
        problems.append(
            error(
                code,
                file,
                sheet=sheet,
                row=row_number,
                column=written,
                column_index=header.columns[name],
                params={"column": written, **params},
                message_key=message_key,
            )
        )

    if room_id is None:
        place("room_id", "required", "problem.required.course_info")
    elif issue is not None:
        place("room_id", issue.code, issue.message_key, value=room_id)
    elif not room_id.isdigit() or not room_id.isascii():
        place("room_id", "invalid_room_id", "problem.invalid_room_id.course_info", value=room_id)
    if title is None:
        place("title", "required", "problem.required.course_info")
    if room_id is None or title is None or issue is not None or not (room_id.isdigit() and room_id.isascii()):
        return None
    return CourseInfo(room_id=room_id, title=title, teacher_name=teacher)
