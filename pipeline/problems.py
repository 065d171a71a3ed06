"""Problems found in an input file: the one object behind the terminal list, the
``--json`` output and the annotated workbook.

A problem names its place the way the user sees it: the file, the sheet (``None`` for a
CSV and for file-level problems), the 1-based Excel row (title rows and the header
counted) and the column header as written in the file. ``code`` is stable and
documented; the message is rendered from the catalog entry ``problem.<code>`` unless a
more specific ``message_key`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pipeline.i18n import t


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


# Stable codes. Tools read these from `--json` and from the reports: never rename one.
ERROR_CODES = (
    "required",
    "invalid_room_id",
    "room_id_precision_lost",
    "invalid_date",
    "ambiguous_date",
    "invalid_time",
    "end_before_start",
    "invalid_serial",
    "overlap",
    "duplicate_serial",
    "missing_column",
    "formula_no_cached_value",
    "hidden_row",
    "unreadable_file",
    "unsafe_file",
    "file_too_large",
    "file_not_found",
    "no_timetable",
)
WARNING_CODES = (
    "unknown_column",
    "hidden_sheet_skipped",
    "teacher_double_booked",
    "date_in_past",
    "date_far_ahead",
    "lesson_too_short",
    "lesson_too_long",
    "serial_repeated_across_days",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in an input file."""

    code: str
    severity: Severity
    file: str | None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    # Values for the message template, e.g. the cell's text or the clashing row.
    params: dict[str, Any] = field(default_factory=dict)
    message_key: str | None = None
    # 0-based column position in the sheet, for the annotated workbook's cell links.
    column_index: int | None = None
    related_row: int | None = None

    @property
    def message(self) -> str:
        return t(self.message_key or f"problem.{self.code}", **self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        """Return the ``--json`` shape: ``{file, sheet, row, column, code, message}``."""
        data: dict[str, Any] = {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }
        if self.related_row is not None:
            data["related_row"] = self.related_row
        return data


def error(code: str, file: str | None, **where: Any) -> Problem:
    """Build an error problem; ``where`` takes the Problem fields after ``file``."""
    return Problem(code=code, severity=Severity.ERROR, file=file, **where)


def warning(code: str, file: str | None, **where: Any) -> Problem:
    """Build a warning problem; ``where`` takes the Problem fields after ``file``."""
    return Problem(code=code, severity=Severity.WARNING, file=file, **where)


def sort_key(problem: Problem) -> tuple:
    """Order problems as a reader scans a workbook: file, sheet, row, column."""
    return (
        problem.file or "",
        problem.sheet or "",
        problem.row or 0,
        problem.column_index if problem.column_index is not None else -1,
        problem.code,
    )
