"""Findings: problems located by row position, and their translation into sheet places.

The rules work on the frame and know rows only by position. :class:`Placer` turns a
finding into a :class:`~pipeline.problems.Problem` that names the file, sheet, Excel
row and column header as the user wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


from pipeline.i18n import t
from pipeline.lessons import ColumnRef, LessonTable
from pipeline.problems import Problem, Severity
from pipeline.validation.cells import sheet_names

# Other rows named in one message; a serial number repeated 500 times lists 5 and a count.
MAX_ROWS_NAMED = 5


@dataclass(frozen=True)
class Finding:
    """One problem in one row of the frame, before it is placed in the sheet."""

    # Row position in the frame (0 for its first row), not the index label.
    position: int
    # Lesson field the problem sits in; None marks the row's first cell.
    field: str | None
    code: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict)
    message_key: str | None = None
    # Positions of the other rows involved (duplicates, overlaps).
    related: tuple[int, ...] = ()


@dataclass(frozen=True)
class RowPlace:
    file: str
    sheet: str | None
    row: int


class Placer:
    """Translates row positions and lesson fields into places as the user wrote them."""

    def __init__(self, table: LessonTable) -> None:
        frame = table.frame
        self._table = table
        self._files = frame["file"].tolist()
        self._sheets = sheet_names(frame).tolist()
        self._rows = [int(row) for row in frame["row"].tolist()]
        self._column_refs: dict[tuple[str, str | None, str], ColumnRef | None] = {}

    def place(self, position: int) -> RowPlace:
        return RowPlace(self._files[position], self._sheets[position], self._rows[position])

    def problem(self, finding: Finding) -> Problem:
        """Build the user-facing problem for ``finding`` (its params dict is reused)."""
        position = finding.position
        file, sheet = self._files[position], self._sheets[position]
        params = finding.params
        header = column_index = None
        if finding.field is not None:
            reference = self._column_ref(file, sheet, finding.field)
            header = reference.header if reference else finding.field
            column_index = reference.index if reference else None
            params.setdefault("column", header)

        related_row = None
        if finding.related:
            params["others"] = RowList(self, finding.related, seen_from=position)
            other = finding.related[0]
            if (self._files[other], self._sheets[other]) == (file, sheet):
                related_row = self._rows[other]

        return Problem(
            code=finding.code,
            severity=finding.severity,
            file=file,
            sheet=sheet,
            row=self._rows[position],
            column=header,
            params=params,
            message_key=finding.message_key,
            column_index=column_index,
            related_row=related_row,
        )

    def _column_ref(self, file: str, sheet: str | None, field_name: str) -> ColumnRef | None:
        key = (file, sheet, field_name)
        if key not in self._column_refs:
            self._column_refs[key] = self._table.column_ref(*key)
        return self._column_refs[key]


@dataclass(frozen=True, eq=False)
class RowList:
    """Other rows named in a message, e.g. ``第 3、4 行``; rows elsewhere get their file
    and sheet. It renders in the language current when the message is shown, and names
    at most ``MAX_ROWS_NAMED`` rows followed by the total.
    """

    placer: Placer
    positions: tuple[int, ...]
    seen_from: int

    def __str__(self) -> str:
        rows_by_sheet: dict[tuple[str, str | None], list[int]] = {}
        for position in self.positions[:MAX_ROWS_NAMED]:
            place = self.placer.place(position)
            rows_by_sheet.setdefault((place.file, place.sheet), []).append(place.row)

        seen_from = self.placer.place(self.seen_from)
        parts = [
            _describe_sheet_rows(file, sheet, rows, seen_from)
            for (file, sheet), rows in rows_by_sheet.items()
        ]
        text = t("problem.place.group_separator").join(parts)
        if len(self.positions) > MAX_ROWS_NAMED:
            text += t("problem.place.more", count=len(self.positions))
        return text

    def __format__(self, format_spec: str) -> str:
        return format(str(self), format_spec)


def _describe_sheet_rows(
    file: str, sheet: str | None, rows: list[int], seen_from: RowPlace
) -> str:
    numbers = t("problem.place.separator").join(str(row) for row in rows)
    rows_text = t("problem.place.rows" if len(rows) > 1 else "problem.place.row", rows=numbers)
    if file != seen_from.file:
        if sheet is None:
            return t("problem.place.in_file", file=file, rows=rows_text)
        return t("problem.place.in_file_sheet", file=file, sheet=sheet, rows=rows_text)
    if sheet != seen_from.sheet:
        return t("problem.place.in_sheet", sheet=sheet, rows=rows_text)
    return rows_text
