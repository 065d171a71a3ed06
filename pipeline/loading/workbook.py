"""Reading ``.xlsx``/``.xlsm`` and legacy ``.xls`` workbooks through python-calamine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import python_calamine
from python_calamine import CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from pipeline.loading.container import WorkbookArchive
from pipeline.loading.grid import SheetGrid
from pipeline.loading.rejection import FileRejected
from pipeline.loading.sheet_xml import SheetMarks, scan_sheet_part

T = TypeVar("T")


def read_xlsx_sheets(path: Path) -> Iterator[SheetGrid]:
    """Yield the worksheets of a zip-based workbook after the archive passes its checks."""
    archive = WorkbookArchive(path)
    try:
        archive.check()
        parts = archive.sheet_parts()

        def marks_of(name: str) -> Callable[[], SheetMarks | None]:
            part = parts.get(name)
            return (lambda: scan_sheet_part(archive.zip, part)) if part else (lambda: None)

        with path.open("rb") as handle:
            yield from _read_sheets(handle, marks_of)
    finally:
        archive.close()


def read_xls_sheets(path: Path) -> Iterator[SheetGrid]:
    """Yield the worksheets of a legacy BIFF workbook (``.xls``).

    NOTE: a legacy workbook has no sheet XML to scan, so hidden rows and formulas
    saved without a result are not detected; such cells read as calamine returns them.
    """
    with path.open("rb") as handle:
        yield from _read_sheets(handle, lambda name: (lambda: None))


def _read_sheets(handle: BinaryIO, marks_of: Callable[[str], Callable[[], SheetMarks | None]]) -> Iterator[SheetGrid]:
    book = _calamine(lambda: CalamineWorkbook.from_filelike(handle))
    for sheet in _calamine(lambda: book.sheets_metadata):
        if sheet.typ != SheetTypeEnum.WorkSheet:
            continue
        grid = _read_grid(book, sheet.name)
        grid.hidden = sheet.visible != SheetVisibleEnum.Visible
        grid.scan_marks = marks_of(sheet.name)
        yield grid


def _read_grid(book: CalamineWorkbook, name: str) -> SheetGrid:
    def read() -> tuple[list[list[Any]], list]:
        sheet = book.get_sheet_by_name(name)
        return _rows_from_a1(sheet), sheet.merged_cell_ranges or []

    rows, merged = _calamine(read)
    return SheetGrid(name=name, rows=rows, merged=merged)


def _rows_from_a1(sheet: CalamineSheet) -> list[list[Any]]:
    """Return the sheet's rows from A1 down to the last row that has a value.

    A cell holding empty text far below the data (some tools write them) stretches the
    sheet's range to a million rows; those rows are counted here, never stored.
    """
    if sheet.start is None:
        return []
    first_row, first_column = sheet.start
    rows: list[list[Any]] = []
    empty_run = 0
    yielded = 0
    for row in sheet.iter_rows():
        yielded += 1
        if row.count("") == len(row):
            empty_run += 1
            continue
        if empty_run:
            rows.extend([""] * len(row) for _ in range(empty_run))
            empty_run = 0
        rows.append(row)

    # python-calamine 0.9 starts iter_rows at row 1 but at the first used column.
    # Pad so that rows[i][j] is always Excel row i+1, column j+1.
    if yielded == sheet.height and first_row > 0:
        width = len(rows[0]) if rows else 0
        rows[:0] = [[""] * width for _ in range(first_row)]
    if first_column > 0:
        padding = [""] * first_column
        rows = [padding + row for row in rows]
    return rows


def _calamine(call: Callable[[], T]) -> T:
    """Run a calamine call, turning its failures into a rejected file."""
    try:
        return call()
    except python_calamine.PasswordError as error:
        raise FileRejected("unreadable_file", "encrypted") from error
    except (python_calamine.CalamineError, ValueError, TypeError, OSError) as error:
        raise FileRejected("unreadable_file", "damaged", reason=_short_reason(error)) from error
    except BaseException as error:
        # A Rust panic inside calamine arrives as pyo3's PanicException, which derives
        # from BaseException; a damaged file must not stop the caller.
        if type(error).__name__ == "PanicException":
            raise FileRejected("unreadable_file", "damaged", reason=_short_reason(error)) from error
        raise


def _short_reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:200]
