"""Finding the header row and mapping its columns to lesson fields.

Headers are compared by a key that ignores what people add without meaning to: spaces
(including NBSP and zero-width ones), full-width forms, ``_`` and ``-``, letter case,
a ``*`` marking a required column and a trailing note in brackets (``日期(YYYY-MM-DD)``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.lessons import REQUIRED_FIELDS
from pipeline.loading.cells import normalize_structured, trim
from pipeline.loading.limits import HEADER_SEARCH_ROWS

HEADER_SYNONYMS = {
    "room_id": (
        "教室号", "直播间ID", "直播间号", "直播间", "房间号", "房间ID", "教室ID", "room_id", "room",
    ),
    "date": ("日期", "上课日期", "date"),
    "serial_number": ("课节编号", "课节序号", "节次", "课节号", "序号", "serial_number", "serial"),
    "title": ("课节标题", "课程名称", "课程", "课节名称", "标题", "title"),
    "start_time": ("开始时间", "上课时间", "start_time"),
    "end_time": ("结束时间", "下课时间", "end_time"),
    "teacher_name": (
        "主讲老师", "老师", "讲师", "教师", "主讲", "任课老师", "任课教师", "授课老师", "授课教师",
        "teacher_name", "teacher",
    ),
}

# The first synonym of each field is the template's header; messages about a missing
# column name the column with it.
FIELD_LABELS = {name: synonyms[0] for name, synonyms in HEADER_SYNONYMS.items()}

# Headers of a column holding both times ("09:00-09:45"). It is read as one only when
# the sheet has no separate end time column.
COMBINED_TIME_HEADERS = ("上课时间", "时间", "起止时间", "time")

# A second header row under a merged 上课时间 cell, splitting it into start and end.
TIME_SUB_HEADER_SYNONYMS = {
    "start_time": ("开始", "开始时间", "起", "start", "start_time"),
    "end_time": ("结束", "结束时间", "止", "end", "end_time"),
}

# A row is the header when it names this many lesson fields, room_id among them.
HEADER_MIN_FIELDS = 4
# With no header anywhere, a row naming this many fields is reported as a header with
# columns missing, which helps more than "no timetable found".
PARTIAL_HEADER_MIN_FIELDS = 3
# Weekday names across a row mark a weekly grid, a layout paike cannot read.
WEEKDAY_GRID_MIN_NAMES = 3

_ANNOTATION = re.compile(r"(?<=.)\s*[(\[【].*[)\]】]\s*$")
_IGNORED_CHARACTERS = re.compile(r"[\s_\-*:]")
_WEEKDAYS = {
    prefix + day
    for prefix in ("星期", "周", "礼拜")
    for day in ("一", "二", "三", "四", "五", "六", "日", "天")
} | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def header_key(text: str) -> str:
    """Return the form in which header texts are compared."""
    key = _ANNOTATION.sub("", normalize_structured(text))
    return _IGNORED_CHARACTERS.sub("", key).lower()


def build_vocabulary(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Return header key -> field for every synonym."""
    return {header_key(name): field_name for field_name, names in synonyms.items() for name in names}


LESSON_VOCABULARY = build_vocabulary(HEADER_SYNONYMS)
_COMBINED_KEYS = {header_key(name) for name in COMBINED_TIME_HEADERS}
_SUB_HEADER_VOCABULARY = build_vocabulary(TIME_SUB_HEADER_SYNONYMS)
# Every known header, by key, as it should be written: the suggestions for typos.
_SUGGESTIONS = {header_key(name): name for names in HEADER_SYNONYMS.values() for name in names}


@dataclass
class HeaderMatch:
    """The columns one row names: those of known fields and those of everything else."""

    row_index: int  # 0-based position in the sheet
    header_rows: int = 1  # 2 when a row below splits a merged time header
    columns: dict[str, int] = field(default_factory=dict)  # field -> 0-based column
    headers: dict[int, str] = field(default_factory=dict)  # column -> header as written
    combined_time_column: int | None = None
    unknown: list[int] = field(default_factory=list)
    # (column, column already used for the same field)
    duplicates: list[tuple[int, int]] = field(default_factory=list)

    @property
    def row(self) -> int:
        """Return the 1-based row number, as Excel shows it."""
        return self.row_index + 1

    @property
    def first_data_index(self) -> int:
        """Return the 0-based position of the first row below the header."""
        return self.row_index + self.header_rows

    @property
    def is_header(self) -> bool:
        return len(self.columns) >= HEADER_MIN_FIELDS and "room_id" in self.columns

    def missing_fields(self) -> list[str]:
        return [name for name in REQUIRED_FIELDS if name not in self.columns]


@dataclass
class HeaderSearch:
    """The header of a sheet, or what helps explain why there is none."""

    header: HeaderMatch | None
    partial: HeaderMatch | None = None
    weekday_grid: bool = False


def find_header(rows: list[list[Any]]) -> HeaderSearch:
    """Find the first header row among the top rows of a sheet."""
    partial = None
    weekday_grid = False
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        match = match_header_row(row, index)
        if match.is_header:
            if match.combined_time_column is not None and index + 1 < len(rows):
                _read_time_sub_header(match, rows[index + 1])
            return HeaderSearch(match)
        if len(match.columns) >= PARTIAL_HEADER_MIN_FIELDS and (
            partial is None or len(match.columns) > len(partial.columns)
        ):
            partial = match
        weekday_grid = weekday_grid or _count_weekdays(row) >= WEEKDAY_GRID_MIN_NAMES
    return HeaderSearch(None, partial, weekday_grid)


def match_header_row(
    row: list[Any], row_index: int, vocabulary: dict[str, str] = LESSON_VOCABULARY
) -> HeaderMatch:
    """Map the text cells of ``row`` to the fields of ``vocabulary``."""
    match = HeaderMatch(row_index)
    combined_candidates = []
    for index, cell in enumerate(row):
        written = trim(cell) if isinstance(cell, str) else ""
        if not written:
            continue
        match.headers[index] = written
        key = header_key(written)
        if vocabulary is LESSON_VOCABULARY and key in _COMBINED_KEYS:
            combined_candidates.append(index)

        field_name = vocabulary.get(key)
        if field_name is None:
            if index not in combined_candidates:
                match.unknown.append(index)
        elif field_name in match.columns:
            match.duplicates.append((index, match.columns[field_name]))
        else:
            match.columns[field_name] = index

    if combined_candidates:
        _use_combined_time_column(match, combined_candidates)
    return match


def _use_combined_time_column(match: HeaderMatch, candidates: list[int]) -> None:
    """Let one column fill both times when the sheet has no end time column."""
    if "end_time" in match.columns:
        return
    start = match.columns.get("start_time")
    if start is None:
        combined = candidates[0]
    elif start in candidates:
        combined = start
    else:
        return
    match.columns["start_time"] = match.columns["end_time"] = combined
    match.combined_time_column = combined


def _read_time_sub_header(match: HeaderMatch, row: list[Any]) -> None:
    """Take start and end columns from a row like ``开始 | 结束`` below the header.

    The row counts as a second header row only when its text cells are all start or
    end labels, both are present, and it has no other value.
    """
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        written = trim(cell) if isinstance(cell, str) else cell
        if written in ("", None):
            continue
        field_name = _SUB_HEADER_VOCABULARY.get(header_key(written)) if isinstance(written, str) else None
        if field_name is None or field_name in found:
            return
        found[field_name] = index
    if set(found) != {"start_time", "end_time"}:
        return

    match.columns.update(found)
    match.headers.update({index: trim(row[index]) for index in found.values()})
    match.unknown = [index for index in match.unknown if index not in found.values()]
    match.combined_time_column = None
    match.header_rows = 2


def suggest_header(written: str) -> str | None:
    """Return the known header closest to an unknown one, if any is close."""
    close = difflib.get_close_matches(header_key(written), list(_SUGGESTIONS), n=1, cutoff=0.6)
    return _SUGGESTIONS[close[0]] if close else None


def _count_weekdays(row: list[Any]) -> int:
    return sum(1 for cell in row if isinstance(cell, str) and header_key(cell) in _WEEKDAYS)
