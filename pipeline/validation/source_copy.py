"""An editable openpyxl copy of the user's input file, for the annotated workbook.

``.xlsx``/``.xlsm`` keep their styles and merged cells as far as openpyxl reads them,
with each formula replaced by its cached value. The loader's archive checks (size,
compression ratio, XML declarations) run before openpyxl opens the file. ``.xls`` and
CSV are read by the loader's own readers, so the copy has the rows the problems name,
and are written as plain values. No cell of the copy is a formula, even where the
user's text starts with ``=``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.workbook import Workbook

from pipeline.loading.container import WorkbookArchive
from pipeline.loading.csv_file import read_csv_sheets
from pipeline.loading.grid import SheetGrid
from pipeline.loading.workbook import read_xls_sheets

CSV_SUFFIXES = (".csv",)
# Sheet titles cannot contain these characters and are at most 31 characters long.
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_TITLE = 31


@dataclass
class SourceCopy:
    """The copy, and how the user's sheet names map to the copy's sheet titles."""

    workbook: Workbook
    # The sheet that contains a CSV file's rows (problems of a CSV name no sheet).
    csv_sheet_title: str | None = None
    # User sheets renamed in the copy because the summary sheet took their title.
    renamed: dict[str, str] = field(default_factory=dict)

    def sheet_title(self, sheet: str | None) -> str | None:
        """Return the copy's title for a problem's ``sheet``, or None if the copy lacks it."""
        if sheet is None:
            return self.csv_sheet_title
        title = self.renamed.get(sheet, sheet)
        return title if title in self.workbook.sheetnames else None


def copy_source(source: Path) -> SourceCopy:
    """Read ``source`` into a new workbook.

    Raises the loader's ``FileRejected`` for an unsafe or unreadable file, and whatever
    openpyxl raises on a damaged one.
    """
    suffix = source.suffix.lower()
    if suffix in CSV_SUFFIXES:
        title = csv_sheet_title(source)
        return SourceCopy(_workbook_from_grids(read_csv_sheets(source), csv_title=title), title)
    if suffix == ".xls":
        return SourceCopy(_workbook_from_grids(read_xls_sheets(source)))
    return SourceCopy(_copy_xlsx(source))


def write_text_safely(cell: Cell, value: object) -> None:
    """Set ``cell`` to ``value``, keeping text that starts with ``=`` as text, not a formula."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"


def csv_sheet_title(source: Path) -> str:
    """Return a valid sheet title made from the CSV file's name without its suffix."""
    title = _SHEET_TITLE_FORBIDDEN.sub("_", source.stem).strip("'")[:_MAX_SHEET_TITLE]
    return title or "CSV"


def _copy_xlsx(source: Path) -> Workbook:
    archive = WorkbookArchive(source)
    try:
        archive.check()
    finally:
        archive.close()
    with source.open("rb") as stream:
        # data_only: cached values instead of formulas, so no formula is ever written back.
        # openpyxl binds loaded text without re-reading it, so "=..." text stays text.
        return openpyxl.load_workbook(stream, data_only=True)


def _workbook_from_grids(grids: Iterable[SheetGrid], csv_title: str | None = None) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for grid in grids:
        sheet = workbook.create_sheet(grid.name if grid.name is not None else csv_title)
        for row_number, values in enumerate(grid.rows, 1):
            for column_number, value in enumerate(values, 1):
                if value != "":
                    write_text_safely(sheet.cell(row_number, column_number), value)
        for (first_row, first_column), (last_row, last_column) in grid.merged:
            sheet.merge_cells(
                start_row=first_row + 1,
                start_column=first_column + 1,
                end_row=last_row + 1,
                end_column=last_column + 1,
            )
        if grid.hidden:
            sheet.sheet_state = "hidden"
    return workbook
