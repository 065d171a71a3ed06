"""Validation of a whole lesson table: every rule in one pass, problems as data."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from pipeline.lessons import LESSON_FIELDS, REQUIRED_FIELDS, Lesson, LessonTable
from pipeline.problems import Severity, sort_key
from pipeline.validation.cells import CellText, cell_text, normalize_cells, sheet_names
from pipeline.validation.findings import Finding, Placer
from pipeline.validation.plausibility import (
    find_double_booked_teachers,
    find_unlikely_dates,
    find_unlikely_lengths,
)
from pipeline.validation.result import ValidationResult
from pipeline.validation.schema import check_cells, parse_fields
from pipeline.validation.timetable import (
    find_duplicate_serials,
    find_end_before_start,
    find_room_overlaps,
    find_serials_repeated_across_days,
    usable,
)

MODES = ("replace", "append", "sync", "undo")
# These modes update or delete single lessons, which the API finds by room_id and
# serial_number alone, so a serial number reused on another day could hit the wrong lesson.
SINGLE_LESSON_MODES = ("sync", "undo")


def validate(
    table: LessonTable, *, mode: str = "replace", today: datetime.date | None = None
) -> ValidationResult:
    """Check every row of ``table`` and return all problems and the valid lessons.

    ``mode`` is the publishing mode the table is meant for. It decides whether a serial
    number reused on another day is an error or a warning. ``today`` (default: the
    system date) is the reference for the past and far-future date warnings.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    today = today or datetime.date.today()

    # Single cells: required fields and formats, through the pandera schema.
    cells = normalize_cells(table.frame)
    reported = _reported_positions(table)
    findings = [
        finding
        for finding in check_cells(cells)
        if (finding.position, finding.field) not in reported
    ]

    # Rows compared with each other, using only cells that parsed and were not reported.
    parsed = parse_fields(cells, reported)
    text = cell_text(cells)
    findings += _compare_rows(parsed, text, mode)
    findings += _find_warnings(parsed, text, today)

    placer = Placer(table)
    problems = table.problems + [placer.problem(finding) for finding in findings]
    problems.sort(key=sort_key)
    lessons = _build_lessons(table, parsed, text, findings, reported)
    return ValidationResult(problems=problems, lessons=lessons)


def _reported_positions(table: LessonTable) -> set[tuple[int, str]]:
    """Translate the loader's reported (index label, field) cells into row positions."""
    if not table.reported_cells:
        return set()
    labels, fields = zip(*table.reported_cells)
    positions = table.frame.index.get_indexer(list(labels))
    return {
        (int(position), name)
        for position, name in zip(positions, fields)
        if position >= 0 and name in LESSON_FIELDS
    }


def _compare_rows(parsed: pd.DataFrame, text: CellText, mode: str) -> list[Finding]:
    reuse_severity = Severity.ERROR if mode in SINGLE_LESSON_MODES else Severity.WARNING
    return [
        *find_end_before_start(parsed, text),
        *find_duplicate_serials(parsed, text),
        *find_serials_repeated_across_days(parsed, text, reuse_severity),
        *find_room_overlaps(parsed, text),
    ]


def _find_warnings(
    parsed: pd.DataFrame, text: CellText, today: datetime.date
) -> list[Finding]:
    return [
        *find_double_booked_teachers(parsed, text),
        *find_unlikely_dates(parsed, text, today),
        *find_unlikely_lengths(parsed, text),
    ]


def _build_lessons(
    table: LessonTable,
    parsed: pd.DataFrame,
    text: CellText,
    findings: list[Finding],
    reported: set[tuple[int, str]],
) -> list[Lesson]:
    """Return a lesson for each row that has every required field and no error."""
    good = usable(parsed, *REQUIRED_FIELDS) & ~_rows_with_loader_errors(table)
    rejected = {finding.position for finding in findings if finding.severity is Severity.ERROR}
    rejected |= {position for position, _ in reported}
    good[list(rejected)] = False
    positions = np.flatnonzero(good)

    frame = table.frame
    columns = [
        text["room_id"][positions],
        text["date"][positions],
        text["start_time"][positions],
        text["end_time"][positions],
        parsed["serial_number"].to_numpy(dtype=object)[positions],
        text["title"][positions],
        text["teacher_name"][positions],
        frame["file"].to_numpy(dtype=object)[positions],
        sheet_names(frame)[positions],
        frame["row"].to_numpy(dtype=object)[positions],
    ]
    return [Lesson(*values[:-1], row=int(values[-1])) for values in zip(*columns)]


def _rows_with_loader_errors(table: LessonTable) -> np.ndarray:
    """Return a mask of rows named by an error the loader reported (e.g. a hidden row)."""
    places = {
        (problem.file, problem.sheet, problem.row)
        for problem in table.problems
        if problem.is_error and problem.row is not None
    }
    if not places:
        return np.zeros(len(table.frame), dtype=bool)
    frame = table.frame
    return np.array(
        [
            (file, sheet, int(row)) in places
            for file, sheet, row in zip(frame["file"], sheet_names(frame), frame["row"])
        ],
        dtype=bool,
    )
