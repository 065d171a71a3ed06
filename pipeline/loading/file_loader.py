"""One file -> one :class:`LessonTable`: choosing the reader and reading each sheet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.lessons import LessonTable
from pipeline.loading.biff import check_legacy_workbook
from pipeline.loading.container import is_encrypted_package, sniff_container
from pipeline.loading.course_info import is_course_info_sheet, read_course_info
from pipeline.loading.csv_file import read_csv_sheets
from pipeline.loading.grid import SheetGrid
from pipeline.loading.headers import HeaderMatch, HeaderSearch, find_header
from pipeline.loading.limits import MAX_DATA_ROWS, MAX_UNCOMPRESSED_BYTES
from pipeline.loading.paths import SUPPORTED_SUFFIXES
from pipeline.loading.rejection import FileRejected
from pipeline.loading.sheet_lessons import (
    SheetLessons,
    data_row_count,
    missing_column_problems,
    read_lesson_sheet,
)
from pipeline.loading.tables import concat_frames, table_with_problem
from pipeline.loading.workbook import read_xls_sheets, read_xlsx_sheets
from pipeline.problems import Problem, error, warning


def load_one_file(path: str | Path) -> LessonTable:
    """Read every lesson sheet of one file; a file that cannot be read gives one problem."""
    file = str(path)
    builder = _TableBuilder(file)
    try:
        for grid in open_sheets(Path(path), file):
            builder.add(grid)
    except FileRejected as rejection:
        return table_with_problem(rejection.problem(file))
    except OSError as failure:
        reason = failure.strerror or str(failure)
        return table_with_problem(FileRejected("unreadable_file", "os_error", reason=reason).problem(file))
    return builder.finish()


def open_sheets(path: Path, file: str) -> Iterator[SheetGrid]:
    """Return the sheets of ``path``; its first bytes, not its suffix, choose the reader."""
    if not path.exists():
        raise FileRejected("file_not_found", path=file)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = "、".join(SUPPORTED_SUFFIXES)
        raise FileRejected("unreadable_file", "unsupported_type", suffix=path.suffix or path.name, supported=supported)

    size = path.stat().st_size
    if size == 0:
        raise FileRejected("unreadable_file", "incomplete")
    if size > MAX_UNCOMPRESSED_BYTES:
        limit = round(MAX_UNCOMPRESSED_BYTES / 2**20)
        raise FileRejected("file_too_large", "bytes", size_mb=round(size / 2**20), limit_mb=limit)

    container = sniff_container(path)
    if container == "zip":
        return read_xlsx_sheets(path)
    if container == "cfb":
        return _read_compound_file(path)
    if suffix == ".csv":
        return read_csv_sheets(path)
    if container == "markup":
        raise FileRejected("unreadable_file", "disguised")
    raise FileRejected("unreadable_file")


def _read_compound_file(path: Path) -> Iterator[SheetGrid]:
    """Read a legacy workbook; an encrypted .xlsx is a compound file too."""
    if is_encrypted_package(path):
        raise FileRejected("unreadable_file", "encrypted")
    check_legacy_workbook(path)
    yield from read_xls_sheets(path)


class _TableBuilder:
    """Collects the sheets of one file and what explains a file without lessons."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.table = LessonTable.empty()
        self.sheets: list[SheetLessons] = []
        self.data_rows = 0
        self.found_timetable = False
        self.hidden_timetable = False
        self.read_course_info = False
        self.near_miss: tuple[str | None, HeaderMatch] | None = None
        self.weekday_grid = False

    def add(self, grid: SheetGrid) -> None:
        if is_course_info_sheet(grid.name):
            self._add_course_info(grid)
            return

        search = find_header(grid.rows)
        if search.header is None:
            self._remember_near_miss(grid.name, search)
        elif grid.hidden:
            self.hidden_timetable = True
            self.table.problems.append(self._hidden_sheet_warning(grid.name))
        else:
            self.found_timetable = True
            self._add_lessons(grid, search.header)

    def _add_lessons(self, grid: SheetGrid, header: HeaderMatch) -> None:
        self.data_rows += data_row_count(grid, header)
        if self.data_rows > MAX_DATA_ROWS:
            raise FileRejected("file_too_large", "rows", limit=MAX_DATA_ROWS)
        lessons = read_lesson_sheet(self.file, grid, header)
        self.table.columns[(self.file, grid.name)] = lessons.columns
        self.table.problems.extend(lessons.problems)
        self.sheets.append(lessons)

    def _add_course_info(self, grid: SheetGrid) -> None:
        if grid.hidden:
            self.table.problems.append(self._hidden_sheet_warning(grid.name))
            return
        courses, problems = read_course_info(self.file, grid)
        self.read_course_info = True
        self.table.course_info.update(courses)
        self.table.problems.extend(problems)

    def _remember_near_miss(self, sheet: str | None, search: HeaderSearch) -> None:
        if search.partial is not None and (
            self.near_miss is None or len(search.partial.columns) > len(self.near_miss[1].columns)
        ):
            self.near_miss = (sheet, search.partial)
        self.weekday_grid = self.weekday_grid or search.weekday_grid

    def _hidden_sheet_warning(self, sheet: str | None) -> Problem:
        return warning("hidden_sheet_skipped", self.file, sheet=sheet, params={"sheet": sheet})

    def finish(self) -> LessonTable:
        if not self.found_timetable and not self.read_course_info:
            self.table.problems.extend(self._no_timetable_problems())

        frame, offsets = concat_frames([sheet.frame for sheet in self.sheets])
        self.table.frame = frame
        for sheet, offset in zip(self.sheets, offsets):
            self.table.reported_cells.update(
                (position + offset, name) for position, name in sheet.reported_cells
            )
        return self.table

    def _no_timetable_problems(self) -> list[Problem]:
        """Explain a file without a lesson header as helpfully as its contents allow."""
        if self.hidden_timetable:
            return [error("no_timetable", self.file, message_key="problem.no_timetable.only_hidden")]
        if self.near_miss is not None:
            sheet, header = self.near_miss
            return missing_column_problems(self.file, sheet, header)
        if self.weekday_grid:
            return [error("no_timetable", self.file, message_key="problem.no_timetable.weekday_grid")]
        return [error("no_timetable", self.file)]
