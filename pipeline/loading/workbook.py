"""Reading ``.xlsx``/``.xlsm`` and legacy ``.xls`` workbooks through python-calamine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from xml.parsers import expat

import python_calamine
from python_calamine import CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from pipeline.loading.container import ZIP_ERRORS, WorkbookArchive
from pipeline.loading.limits import MAX_SHEET_CELLS
from pipeline.loading.grid import SheetGrid
from pipeline.loading.rejection import FileRejected
from pipeline.loading.sheet_xml import SheetMarks, UnsafeSheetXml, scan_sheet_part

T = TypeVar("T")

# Sheets up to this many cells are read whole with to_python(), which is faster than
# iter_rows() but builds every row, even thousands of empty ones below the data.
WHOLE_READ_CELLS = 4_000_000


def read_xlsx_sheets(path: Path) -> Iterator[SheetGrid]:
    """Yield the worksheets of a zip-based workbook after the archive passes its checks.

    Each sheet's XML is scanned before calamine reads the sheet, so a sheet whose grid
    would be too large is rejected before calamine allocates it.
    """
    archive = WorkbookArchive(path)
    try:
        archive.check()
        parts = archive.sheet_parts()

        def scan(name: str) -> SheetMarks:
            if name not in parts:
                raise FileRejected("unreadable_file", "damaged", reason=f"sheet {name!r} has no XML part")
            marks = _scan_sheet(archive, parts[name])
            if marks.extent.cells > MAX_SHEET_CELLS and not marks.extent.exact:
                marks = _scan_sheet(archive, parts[name], exact_extent=True)
            if marks.extent.cells > MAX_SHEET_CELLS:
                raise FileRejected(
                    "file_too_large",
                    "cells",
                    sheet=name,
                    rows=marks.extent.rows,
                    columns=marks.extent.columns,
                    limit=MAX_SHEET_CELLS,
                )
            return marks

        with path.open("rb") as handle:
            yield from _read_sheets(handle, scan)
    finally:
        archive.close()


def _scan_sheet(archive: WorkbookArchive, part: str, exact_extent: bool = False) -> SheetMarks:
    try:
        return scan_sheet_part(archive.zip, part, exact_extent)
    except UnsafeSheetXml as error:
        raise FileRejected("unsafe_file", "xml_declaration", part=part) from error
    except (*ZIP_ERRORS, expat.ExpatError) as error:
        raise FileRejected("unreadable_file", "damaged", reason=_short_reason(error)) from error


def read_xls_sheets(path: Path) -> Iterator[SheetGrid]:
    """Yield the worksheets of a legacy BIFF workbook (``.xls``).

    NOTE: a legacy workbook has no sheet XML to scan, so hidden rows and formulas
    saved without a result are not detected. A hidden row loads like any other, and a
    formula without a result reads as an empty cell. The size of each sheet's grid is
    not checked before calamine allocates it either.
    """
    with path.open("rb") as handle:
        yield from _read_sheets(handle, lambda name: None)


def _read_sheets(handle: BinaryIO, scan: Callable[[str], SheetMarks | None]) -> Iterator[SheetGrid]:
    """Yield each worksheet; ``scan`` runs first and may reject the file."""
    book = _calamine(lambda: CalamineWorkbook.from_filelike(handle))
    for sheet in _calamine(lambda: book.sheets_metadata):
        if sheet.typ != SheetTypeEnum.WorkSheet:
            continue
        marks = scan(sheet.name)
        grid = _read_grid(book, sheet.name)
        grid.hidden = sheet.visible != SheetVisibleEnum.Visible
        grid.marks = marks
        yield grid


def _read_grid(book: CalamineWorkbook, name: str) -> SheetGrid:
    def read() -> tuple[list[list[Any]], list]:
        sheet = book.get_sheet_by_name(name)
        if sheet.height * sheet.width <= WHOLE_READ_CELLS:
            # skip_empty_area=False keeps row i of the list at Excel row i+1.
            rows = sheet.to_python(skip_empty_area=False)
        else:
            rows = _rows_from_a1(sheet)
        return rows, sheet.merged_cell_ranges or []

    rows, merged = _calamine(read)
    return SheetGrid(name=name, rows=rows, merged=merged)


def _rows_from_a1(sheet: CalamineSheet) -> list[list[Any]]:
    """Return the sheet's rows from A1 down to the last row that has a value.

    Some tools write cells of empty text far below the data, which stretches the sheet's
    range to a million rows. Those rows are counted here but never stored.
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

    # python-calamine 0.9.1 starts iter_rows at row 1 but at the first used column.
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
    except (python_calamine.CalamineError, ValueError, OSError) as error:
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
