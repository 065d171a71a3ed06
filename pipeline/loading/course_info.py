"""The optional 课程信息 sheet: each room's course title and teacher.

The sheet is not a lesson sheet. Its rows become :class:`~pipeline.lessons.CourseInfo`
entries, which publishing sends with ``setRoomScheduleInfo``.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.lessons import CourseInfo
from pipeline.loading.cells import cell_text
from pipeline.loading.grid import SheetGrid, fill_merged_ranges, last_nonempty_row
from pipeline.loading.headers import (
    HEADER_SYNONYMS,
    HeaderMatch,
    build_vocabulary,
    header_key,
    match_header_row,
)
from pipeline.loading.identifiers import convert_room_id
from pipeline.loading.limits import HEADER_SEARCH_ROWS
from pipeline.problems import Problem, error

COURSE_INFO_SHEET_NAMES = ("课程信息", "course_info")
COURSE_INFO_SYNONYMS = {
    "room_id": HEADER_SYNONYMS["room_id"],
    "title": ("课程标题", "课程名称", "课程", "course_title", "title"),
    "teacher_name": ("课程老师", "主讲老师", "老师", "教师", "course_teacher", "teacher"),
}
# The template's header for each field, which messages about a missing column use.
COURSE_INFO_LABELS = {name: synonyms[0] for name, synonyms in COURSE_INFO_SYNONYMS.items()}
COURSE_INFO_VOCABULARY = build_vocabulary(COURSE_INFO_SYNONYMS)
_SHEET_KEYS = {header_key(name) for name in COURSE_INFO_SHEET_NAMES}
_ROOM_DIGITS = re.compile(r"[0-9]+")


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
                params={
                    "column": COURSE_INFO_LABELS[name],
                    "accepted": "、".join(COURSE_INFO_SYNONYMS[name]),
                },
            )
            for name in ("room_id", "title")
            if name not in header.columns
        ]

    first = header.first_data_index
    fill_merged_ranges(grid.rows, grid.merged, first)
    courses: dict[str, CourseInfo] = {}
    problems: list[Problem] = []
    for position, row in enumerate(grid.rows[first : last_nonempty_row(grid.rows) + 1]):
        entry, row_problems = _read_course_row(file, grid.name, header, row, first + position + 1)
        problems += row_problems
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
    file: str, sheet: str | None, header: HeaderMatch, row: list[Any], row_number: int
) -> tuple[CourseInfo | None, list[Problem]]:
    """Return the row's course info, or None and the problems that keep it out."""
    cells = {name: row[index] for name, index in header.columns.items()}
    room_id, room_issue = convert_room_id(cells["room_id"])
    title = cell_text(cells["title"])
    teacher = cell_text(cells.get("teacher_name", ""))
    if room_id is None and title is None and teacher is None:
        return None, []
    room_cell = cells["room_id"]
    if isinstance(room_cell, str) and COURSE_INFO_VOCABULARY.get(header_key(room_cell)) == "room_id":
        return None, []  # the header repeated inside the data

    # (field, code, message key, message parameters)
    faults: list[tuple[str, str, str | None, dict[str, Any]]] = []
    if room_id is None:
        faults.append(("room_id", "required", "problem.required.course_info", {}))
    elif room_issue is not None:
        faults.append(("room_id", room_issue.code, room_issue.message_key, {"value": room_id}))
    elif not _ROOM_DIGITS.fullmatch(room_id):
        invalid_key = "problem.invalid_room_id.course_info"
        faults.append(("room_id", "invalid_room_id", invalid_key, {"value": room_id}))
    if title is None:
        faults.append(("title", "required", "problem.required.course_info", {}))
    if faults:
        return None, [_course_problem(file, sheet, header, row_number, *fault) for fault in faults]
    return CourseInfo(room_id=room_id, title=title, teacher_name=teacher), []


def _course_problem(
    file: str,
    sheet: str | None,
    header: HeaderMatch,
    row_number: int,
    name: str,
    code: str,
    message_key: str | None,
    params: dict[str, Any],
) -> Problem:
    index = header.columns[name]
    written = header.headers[index]
    return error(
        code,
        file,
        sheet=sheet,
        row=row_number,
        column=written,
        column_index=index,
        params={"column": written, **params},
        message_key=message_key,
    )
