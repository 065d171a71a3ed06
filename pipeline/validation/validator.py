"""Validation of a whole lesson table: every rule in one pass, problems as data."""

from __future__ import annotations

import contextlib
import datetime
import gc
from collections.abc import Iterator

import numpy as np

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
from pipeline.validation.parsed import ParsedRows, parse_rows
from pipeline.validation.schema import check_cells
from pipeline.validation.timetable import (
    find_duplicate_serials,
    find_end_before_start,
    find_room_overlaps,
    find_serials_repeated_across_days,
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
    with _garbage_collector_paused():
        return _validate(table, mode, today)


def _validate(table: LessonTable, mode: str, today: datetime.date) -> ValidationResult:
    # Single cells: required fields and formats, through the pandera schema.
    cells = normalize_cells(table.frame)
    reported = _reported_positions(table)
    findings = [
        finding
        for finding in check_cells(cells)
        if (finding.position, finding.field) not in reported
    ]

    # Rows compared with each other, using only cells that parsed and were not reported.
    rows = parse_rows(cells, reported)
    text = cell_text(cells)
    findings += _compare_rows(rows, text, mode)
    findings += _find_warnings(rows, text, today)

    placer = Placer(table)
    problems = table.problems + [placer.problem(finding) for finding in findings]
    problems.sort(key=sort_key)
    positions = _lesson_positions(table, rows, findings, reported)
    rooms = len(set(text["room_id"][positions])) if len(positions) else 0
    return ValidationResult(
        problems=problems,
        lesson_count=len(positions),
        room_count=rooms,
        build_lessons=lambda: _build_lessons(table, rows, text, positions),
    )


def _build_lessons(table: LessonTable, rows: ParsedRows, text: CellText, positions: np.ndarray) -> list[Lesson]:
    """Return a lesson for each row at ``positions``."""
    with _garbage_collector_paused():
        return _make_lessons(table, rows, text, positions)


@contextlib.contextmanager
def _garbage_collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, which validation would keep busy for nothing.

    Validation creates hundreds of thousands of small objects without reference cycles
    (findings, problems, lessons), and each batch of them triggers a scan. For 200,000
    rows, pausing cut 0.75 s to 0.59 s without problems and 3.0 s to 1.4 s with a
    warning on every row (best of 3 on a 2-core AMD EPYC, Python 3.11).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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


def _compare_rows(rows: ParsedRows, text: CellText, mode: str) -> list[Finding]:
    reuse_severity = Severity.ERROR if mode in SINGLE_LESSON_MODES else Severity.WARNING
    return [
        *find_end_before_start(rows, text),
        *find_duplicate_serials(rows, text),
        *find_serials_repeated_across_days(rows, text, reuse_severity),
        *find_room_overlaps(rows, text),
    ]


def _find_warnings(rows: ParsedRows, text: CellText, today: datetime.date) -> list[Finding]:
    return [
        *find_double_booked_teachers(rows, text),
        *find_unlikely_dates(rows, text, today),
        *find_unlikely_lengths(rows, text),
    ]


def _lesson_positions(
    table: LessonTable,
    rows: ParsedRows,
    findings: list[Finding],
    reported: set[tuple[int, str]],
) -> np.ndarray:
    """Return the positions of rows that have every required field and no error."""
    good = rows.usable(*REQUIRED_FIELDS) & ~_rows_with_loader_errors(table)
    rejected = {finding.position for finding in findings if finding.severity is Severity.ERROR}
    rejected |= {position for position, _ in reported}
    good[list(rejected)] = False
    return np.flatnonzero(good)


def _make_lessons(table: LessonTable, rows: ParsedRows, text: CellText, positions: np.ndarray) -> list[Lesson]:
    frame = table.frame
    columns = [
        text["room_id"][positions],
        text["date"][positions],
        text["start_time"][positions],
        text["end_time"][positions],
        rows.values["serial_number"].to_numpy(dtype=object)[positions],
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
