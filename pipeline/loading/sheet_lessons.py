"""One sheet with a known header -> lesson rows, column references and problems.

The work is column-wise: each lesson column is cut out of the grid, converted per
distinct value and put into the frame whole. Only the few cells with a problem are
visited one by one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipeline.lessons import LESSON_FIELDS, TABLE_COLUMNS, ColumnRef, LessonTable
from pipeline.loading.cells import Converter, convert_free_text
from pipeline.loading.columns import ConvertedColumn, convert_column
from pipeline.loading.dates import convert_date
from pipeline.loading.grid import MergedRange, SheetGrid, fill_merged_ranges, last_nonempty_row
from pipeline.loading.headers import (
    FIELD_LABELS,
    HEADER_SYNONYMS,
    LESSON_VOCABULARY,
    HeaderMatch,
    header_key,
    suggest_header,
)
from pipeline.loading.identifiers import convert_room_id, convert_serial_number
from pipeline.loading.sheet_xml import ERROR_VALUE, SheetMarks
from pipeline.loading.times import convert_range_end, convert_range_start, convert_time
from pipeline.problems import Problem, error, warning

CONVERTERS: dict[str, Converter] = {
    "room_id": convert_room_id,
    "date": convert_date,
    "serial_number": convert_serial_number,
    "title": convert_free_text,
    "start_time": convert_time,
    "end_time": convert_time,
    "teacher_name": convert_free_text,
}
COMBINED_CONVERTERS: dict[str, Converter] = {
    "start_time": convert_range_start,
    "end_time": convert_range_end,
}


@dataclass
class SheetLessons:
    """The lesson rows of one sheet, indexed 0, 1, 2, ... within the sheet."""

    frame: pd.DataFrame
    columns: dict[str, ColumnRef]
    problems: list[Problem] = field(default_factory=list)
    # (position in frame, field) of cells the loader reported itself.
    reported_cells: set[tuple[int, str]] = field(default_factory=set)


def data_row_count(grid: SheetGrid, header: HeaderMatch) -> int:
    """Return how many rows lie between the header and the last non-empty row."""
    return max(last_nonempty_row(grid.rows) + 1 - header.first_data_index, 0)


def read_lesson_sheet(file: str, grid: SheetGrid, header: HeaderMatch) -> SheetLessons:
    """Read the rows below ``header`` into lessons; ``grid.rows`` is modified in place."""
    columns = {name: ColumnRef(header.headers[index], index) for name, index in header.columns.items()}
    problems = header_problems(file, grid.name, header)
    if header.missing_fields():
        return SheetLessons(LessonTable.empty().frame, columns, problems)

    first = header.first_data_index
    marks = grid.marks
    last = _last_lesson_row(grid, header, marks)
    data = grid.rows[first : last + 1]
    fill_merged_ranges(grid.rows, grid.merged, first)
    rows = _SheetRows(file, grid.name, data, first_row=first + 1, header=header)
    rows.skip_banners(grid.merged)
    rows.convert()
    rows.apply_marks(marks)
    frame = rows.frame()
    return SheetLessons(frame, columns, problems + rows.problems, rows.reported_cells)


def _last_lesson_row(grid: SheetGrid, header: HeaderMatch, marks: SheetMarks | None) -> int:
    """Return the index of the last row to read, padding ``grid.rows`` up to it.

    calamine leaves out trailing rows whose only cells are formulas without a value,
    but those cells must still be reported.
    """
    last = last_nonempty_row(grid.rows)
    if marks is not None:
        lesson_columns = set(header.columns.values())
        formula_rows = [row - 1 for row, column in marks.formula_cells if column in lesson_columns]
        last = max([last, *formula_rows])
    width = len(grid.rows[0]) if grid.rows else 0
    while len(grid.rows) <= last:
        grid.rows.append([""] * width)
    return last


class _SheetRows:
    """The data rows of one sheet while they are converted and filtered."""

    def __init__(
        self, file: str, sheet: str | None, data: list[list[Any]], first_row: int, header: HeaderMatch
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.data = data
        self.first_row = first_row  # Excel row number of data[0]
        self.header = header
        self.converted: dict[str, ConvertedColumn] = {}
        self.raw_rooms: list[Any] = []
        # Rows that must stay although their lesson cells read as empty.
        self.forced = np.zeros(len(data), dtype=bool)
        self.banners = np.zeros(len(data), dtype=bool)
        self.hidden_positions: list[int] = []
        self.problems: list[Problem] = []
        self.reported_cells: set[tuple[int, str]] = set()
        # (position, field, problem or None for a silent issue)
        self._cell_problems: list[tuple[int, str, Problem | None]] = []

    def skip_banners(self, merged: list[MergedRange]) -> None:
        """Mark rows merged across the room column and another lesson column.

        Such a row is a section title ("第二周", "高一年级") spread over the table, since
        no lesson has the same value in its room and another field.
        """
        room = self.header.columns["room_id"]
        others = set(self.header.columns.values()) - {room}
        first_index = self.first_row - 1  # grid index of data[0]
        for (top, left), (bottom, right) in merged:
            if bottom < first_index or not left <= room <= right:
                continue
            if any(left <= index <= right for index in others):
                self.banners[max(top - first_index, 0) : bottom - first_index + 1] = True

    def convert(self) -> None:
        raw_by_column: dict[int, list[Any]] = {}
        for name in LESSON_FIELDS:
            index = self.header.columns.get(name)
            if index is None:
                self.converted[name] = ConvertedColumn([None] * len(self.data))
                continue
            if index not in raw_by_column:
                # Readers give rectangular grids, so every row has this column.
                raw_by_column[index] = [row[index] for row in self.data]
            converter = CONVERTERS[name]
            if index == self.header.combined_time_column:
                converter = COMBINED_CONVERTERS[name]
            self.converted[name] = convert_column(raw_by_column[index], converter)
        self.raw_rooms = raw_by_column[self.header.columns["room_id"]]

    def apply_marks(self, marks: SheetMarks | None) -> None:
        """Note formula cells without a value and hidden rows found in the sheet XML."""
        if marks is None:
            return
        fields_by_column: dict[int, list[str]] = {}
        for name, index in self.header.columns.items():
            fields_by_column.setdefault(index, []).append(name)

        for (row_number, index), kind in sorted(marks.formula_cells.items()):
            position = row_number - self.first_row
            if not 0 <= position < len(self.data) or index not in fields_by_column:
                continue
            self.forced[position] = True
            key = "problem.formula_no_cached_value.error_value" if kind == ERROR_VALUE else None
            problem = self._cell_problem("formula_no_cached_value", row_number, index, {}, key)
            for name in fields_by_column[index]:
                self._cell_problems.append((position, name, problem))

        self.hidden_positions = [
            row_number - self.first_row
            for row_number in sorted(marks.hidden_rows)
            if 0 <= row_number - self.first_row < len(self.data)
        ]

    def frame(self) -> pd.DataFrame:
        """Build the frame, drop blank, hidden and repeated header rows, and place problems."""
        count = len(self.data)
        columns = {name: self.converted[name].texts for name in LESSON_FIELDS}
        columns["file"] = [self.file] * count
        columns["sheet"] = [self.sheet] * count
        columns["row"] = list(range(self.first_row, self.first_row + count))
        frame = pd.DataFrame(columns, columns=list(TABLE_COLUMNS), dtype=object)

        blank = frame[list(LESSON_FIELDS)].isna().all(axis=1).to_numpy() & ~self.forced
        drop = blank | self.banners | self._repeated_header_rows()
        for position in self.hidden_positions:
            if not drop[position]:
                self.problems.append(
                    error("hidden_row", self.file, sheet=self.sheet, row=self.first_row + position)
                )
                drop[position] = True

        self._place_cell_problems(drop)
        if drop.any():
            frame = frame.loc[~drop].reset_index(drop=True)
        return frame

    def _repeated_header_rows(self) -> np.ndarray:
        """Return a mask of rows that repeat the header (a room cell saying 教室号)."""
        mask = np.zeros(len(self.data), dtype=bool)
        header_texts = {
            value
            for value in set(self.raw_rooms)
            if isinstance(value, str) and LESSON_VOCABULARY.get(header_key(value)) == "room_id"
        }
        if header_texts:
            for position, value in enumerate(self.raw_rooms):
                if value in header_texts:
                    mask[position] = True
        return mask

    def _place_cell_problems(self, drop: np.ndarray) -> None:
        """Turn conversion issues and formula marks of kept rows into problems."""
        new_positions = np.cumsum(~drop) - 1
        for name in LESSON_FIELDS:
            index = self.header.columns.get(name)
            for position, issue in self.converted[name].issues.items():
                params = {"value": self.converted[name].texts[position]}
                problem = None
                if issue.message_key is not None:
                    row_number = self.first_row + position
                    problem = self._cell_problem(issue.code, row_number, index, params, issue.message_key)
                self._cell_problems.append((position, name, problem))

        seen: set[int] = set()
        for position, name, problem in sorted(self._cell_problems, key=lambda item: item[0]):
            if drop[position]:
                continue
            self.reported_cells.add((int(new_positions[position]), name))
            if problem is not None and id(problem) not in seen:
                seen.add(id(problem))
                self.problems.append(problem)

    def _cell_problem(
        self, code: str, row_number: int, index: int, params: dict[str, Any], message_key: str | None
    ) -> Problem:
        written = self.header.headers[index]
        return error(
            code,
            self.file,
            sheet=self.sheet,
            row=row_number,
            column=written,
            column_index=index,
            params={"column": written, **params},
            message_key=message_key,
        )


def header_problems(file: str, sheet: str | None, header: HeaderMatch) -> list[Problem]:
    """Return the warnings about unknown and repeated columns and the missing-column errors."""

    def column_warning(index: int, params: dict[str, str], message_key: str | None) -> Problem:
        written = header.headers[index]
        return warning(
            "unknown_column",
            file,
            sheet=sheet,
            row=header.row,
            column=written,
            column_index=index,
            params={"column": written, **params},
            message_key=message_key,
        )

    problems = []
    for index in header.unknown:
        suggestion = suggest_header(header.headers[index])
        if suggestion:
            problems.append(
                column_warning(index, {"suggestion": suggestion}, "problem.unknown_column.suggest")
            )
        else:
            problems.append(column_warning(index, {}, None))
    for index, used in header.duplicates:
        problems.append(
            column_warning(index, {"used": header.headers[used]}, "problem.unknown_column.duplicate")
        )
    return problems + missing_column_problems(file, sheet, header)


def missing_column_problems(file: str, sheet: str | None, header: HeaderMatch) -> list[Problem]:
    return [
        error(
            "missing_column",
            file,
            sheet=sheet,
            row=header.row,
            column=FIELD_LABELS[name],
            params={"column": FIELD_LABELS[name], "accepted": "、".join(HEADER_SYNONYMS[name])},
        )
        for name in header.missing_fields()
    ]
