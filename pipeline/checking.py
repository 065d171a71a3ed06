"""Load and validate input files, and write the annotated report for each: the steps
shared by ``paike check``, ``paike publish`` and the drop folder."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.lessons import LessonTable
from pipeline.loading import load_files
from pipeline.loading.paths import REPORT_SUFFIX, expand_path
from pipeline.problems import Problem, error, sort_key
from pipeline.validation import ValidationResult, validate
from pipeline.validation.annotate import write_annotated_workbook



@dataclass
class CheckOutcome:
    """A loaded table and what validation found in it."""

    table: LessonTable
    result: ValidationResult

    @property
    def ok(self) -> bool:
        return self.result.ok

    def files(self) -> list[str]:
        names = set(self.table.frame["file"].dropna().unique()) if len(self.table.frame) else set()
        names |= {problem.file for problem in self.result.problems if problem.file}
        return sorted(names)

    def summary(self) -> dict:
        """Return the fields every ``--json`` output starts with."""
        return {
            "ok": self.ok,
            "lessons": self.result.lesson_count,
            "rooms": self.result.room_count,
            "errors": [problem.to_dict() for problem in self.result.errors],
            "warnings": [problem.to_dict() for problem in self.result.warnings],
        }


def check_files(
    paths: Iterable[str | Path], mode: str = "replace", today: datetime.date | None = None
) -> CheckOutcome:
    """Load every path (files or folders) and validate the rows for ``mode``."""
    paths = list(paths)
    table = load_files(paths)
    result = validate(table, mode=mode, today=today)
    result.problems.extend(_files_without_lessons(paths, table, result))
    result.problems.sort(key=sort_key)
    return CheckOutcome(table=table, result=result)


def _files_without_lessons(paths: list, table: LessonTable, result: ValidationResult) -> list[Problem]:
    """Return an error for each readable file that holds a header but not one lesson row.

    Such a file would otherwise pass the check and publish nothing; a blank template
    dropped by mistake is the usual case.
    """
    with_rows = set(table.frame["file"].unique()) if len(table.frame) else set()
    with_errors = {problem.file for problem in result.problems if problem.is_error}
    files = [file for given in paths for file in (expand_path(given) or [])]
    return [
        error("no_timetable", file, message_key="problem.no_timetable.no_lessons")
        for file in files
        if file not in with_rows and file not in with_errors
    ]


def report_path(source: str | Path, report_dir: str | Path | None = None) -> Path:
    """Return where the annotated copy of ``source`` goes: beside it or in ``report_dir``."""
    source = Path(source)
    folder = Path(report_dir) if report_dir else source.parent
    return folder / f"{source.stem}{REPORT_SUFFIX}"


def is_report_file(path: str | Path) -> bool:
    """Return True for paike's own annotated reports, which are never read as input."""
    return Path(path).name.endswith(REPORT_SUFFIX)


def write_reports(outcome: CheckOutcome, report_dir: str | Path | None = None) -> list[Path]:
    """Write an annotated workbook for each input file that has problems; return their paths.

    A clean file gets none: copying a large workbook cell by cell costs far more than
    checking it, and there would be nothing to mark.
    """
    written = []
    for file in outcome.files():
        problems = [problem for problem in outcome.result.problems if problem.file == file]
        # A missing file or an empty folder has nothing to annotate, and the terminal reports it.
        if not problems or not Path(file).is_file():
            continue
        destination = report_path(file, report_dir)
        destination.parent.mkdir(parents=True, exist_ok=True)
        written.append(write_annotated_workbook(Path(file), problems, destination))
    return written
