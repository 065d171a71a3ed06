"""An editable openpyxl copy of the user's input file, for the annotated workbook.

``.xlsx``/``.xlsm`` keep their styles and merged cells as far as openpyxl reads them,
with each formula replaced by its cached value. ``.xls`` is read with calamine (values
and merged cells, no styles) and a CSV becomes one sheet named after the file. No
cell of the copy is a formula, even where the user's text starts with ``=``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.workbook import Workbook
from python_calamine import CalamineWorkbook

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# Sheet titles cannot contain these characters and are at most 31 characters long.
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_TITLE = 31
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


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
    """Read ``source`` into a new workbook; raises whatever the reader raises on a bad file."""
    suffix = source.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _copy_csv(source)
    if suffix == ".xls":
        return SourceCopy(_copy_xls(source))
    return SourceCopy(_copy_xlsx(source))


def write_text_safely(cell: Cell, value: object) -> None:
    """Set ``cell`` to ``value``, keeping text that starts with ``=`` as text, not a formula."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"


def _copy_xlsx(source: Path) -> Workbook:
    with source.open("rb") as stream:
        # data_only: cached values instead of formulas, so no formula is ever written back.
        # openpyxl binds loaded text without re-reading it, so "=..." text stays text.
        return openpyxl.load_workbook(stream, data_only=True)


def _copy_xls(source: Path) -> Workbook:
    reader = CalamineWorkbook.from_path(str(source))
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name in reader.sheet_names:
        calamine_sheet = reader.get_sheet_by_name(name)
        sheet = workbook.create_sheet(name)
        # skip_empty_area=False keeps leading blank rows and columns, so row 1 stays row 1.
        for row_number, values in enumerate(calamine_sheet.to_python(skip_empty_area=False), 1):
            for column_number, value in enumerate(values, 1):
                if value != "":
                    write_text_safely(sheet.cell(row_number, column_number), value)
        for (first_row, first_column), (last_row, last_column) in (
            calamine_sheet.merged_cell_ranges or []
        ):
            sheet.merge_cells(
                start_row=first_row + 1,
                start_column=first_column + 1,
                end_row=last_row + 1,
                end_column=last_column + 1,
            )
    return workbook


def _copy_csv(source: Path) -> SourceCopy:
    text = _decode(source.read_bytes())
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = csv_sheet_title(source)
    dialect = _sniff_dialect(text)
    for row_number, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), 1):
        for column_number, value in enumerate(values, 1):
            if value != "":
                write_text_safely(sheet.cell(row_number, column_number), value)
    return SourceCopy(workbook, csv_sheet_title=sheet.title)


def csv_sheet_title(source: Path) -> str:
    """Return a valid sheet title made from the CSV file's name without its suffix."""
    title = _SHEET_TITLE_FORBIDDEN.sub("_", source.stem).strip("'")[:_MAX_SHEET_TITLE]
    return title or "CSV"


def _decode(data: bytes) -> str:
    # NOTE: tries UTF-8 (with or without BOM), then GB18030 (a superset of GBK/GB2312),
    # the encodings Chinese Excel saves CSV in; other encodings show replacement marks.
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _sniff_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        return csv.excel
