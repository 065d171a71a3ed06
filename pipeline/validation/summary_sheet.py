"""The first sheet of the annotated workbook: counts, then one line per problem."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.i18n import t
from pipeline.problems import Problem
from pipeline.validation.source_copy import SourceCopy, write_text_safely

HEADER_KEYS = ("severity", "file", "sheet", "row", "column", "code", "message")
# Widths in characters; the file column grows with the longest name up to the maximum.
COLUMN_WIDTHS = {"severity": 7, "file": 16, "sheet": 12, "row": 6, "column": 12, "code": 26, "message": 64}
MAX_FILE_WIDTH = 40
HEADER_ROW = 3
# Points per line of 11-point text.
LINE_HEIGHT = 15
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
# The fills of Excel's built-in cell styles Bad (light red) and Neutral (light yellow).
SEVERITY_FILLS = {
    "error": PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE"),
    "warning": PatternFill(fill_type="solid", start_color="FFFFEB9C", end_color="FFFFEB9C"),
}
TOP = Alignment(vertical="top")
CELL_ALIGNMENTS = {
    "row": Alignment(horizontal="center", vertical="top"),
    "message": Alignment(wrap_text=True, vertical="top"),
}
LINK_FONT = Font(color="FF0563C1", underline="single")


def add_summary_sheet(copy: SourceCopy, problems: list[Problem], note: str | None = None) -> Worksheet:
    """Insert the problem list as the first, active sheet of ``copy``'s workbook.

    ``note`` replaces the reading hint under the counts (e.g. "the file could not be opened").
    """
    title = t("report.sheet_title")
    _rename_clashing_sheet(copy, title)
    sheet = copy.workbook.create_sheet(title, 0)
    _make_only_active_sheet(copy, sheet)

    errors = sum(problem.is_error for problem in problems)
    summary = t("report.summary", errors=errors, warnings=len(problems) - errors)
    sheet["A1"] = summary if problems else t("report.no_problems")
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = note or t("report.how_to_read")
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADER_KEYS))
    sheet.row_dimensions[2].height = LINE_HEIGHT * 3

    for column, key in enumerate(HEADER_KEYS, 1):
        cell = sheet.cell(HEADER_ROW, column, t(f"report.header.{key}"))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for row, problem in enumerate(problems, HEADER_ROW + 1):
        _write_problem(sheet, row, problem, copy)

    last_row = HEADER_ROW + len(problems)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(HEADER_KEYS))}{last_row}"
    _set_column_widths(sheet, problems)
    _fit_width_when_printed(sheet)
    return sheet


def _write_problem(sheet: Worksheet, row: int, problem: Problem, copy: SourceCopy) -> None:
    target_sheet = copy.sheet_title(problem.sheet)
    values = (
        t(f"report.severity.{problem.severity.value}"),
        problem.file or "",
        target_sheet or problem.sheet or "",
        problem.row,
        problem.column or "",
        problem.code,
        problem.message,
    )
    for column, value in enumerate(values, 1):
        cell = sheet.cell(row, column)
        write_text_safely(cell, value)
        cell.alignment = CELL_ALIGNMENTS.get(HEADER_KEYS[column - 1], TOP)
    sheet.cell(row, 1).fill = SEVERITY_FILLS[problem.severity.value]
    # Spreadsheet programs do not all grow a row to fit wrapped text, so set the height.
    lines = -(-_display_width(problem.message) // COLUMN_WIDTHS["message"])
    sheet.row_dimensions[row].height = LINE_HEIGHT * max(lines, 1)

    if target_sheet is None:
        return
    # Link from the row number to the problem's cell, or from the sheet name to the
    # sheet when the problem has no row.
    if problem.row is not None:
        column = problem.column_index + 1 if problem.column_index is not None else 1
        _link(sheet.cell(row, 4), target_sheet, f"{get_column_letter(column)}{problem.row}")
    else:
        _link(sheet.cell(row, 3), target_sheet, "A1")


def _link(cell, sheet_title: str, coordinate: str) -> None:
    quoted = sheet_title.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!{coordinate}")
    cell.font = LINK_FONT


def _rename_clashing_sheet(copy: SourceCopy, title: str) -> None:
    """Rename a user's sheet that already has the summary sheet's title."""
    if title not in copy.workbook.sheetnames:
        return
    number = 1
    while f"{title} ({number})" in copy.workbook.sheetnames:
        number += 1
    copy.workbook[title].title = f"{title} ({number})"
    copy.renamed[title] = f"{title} ({number})"


def _make_only_active_sheet(copy: SourceCopy, sheet: Worksheet) -> None:
    # Several selected tabs would make Excel open the workbook in group-edit mode.
    for other in copy.workbook.worksheets:
        other.sheet_view.tabSelected = False
    copy.workbook.active = sheet
    sheet.sheet_view.tabSelected = True


def _set_column_widths(sheet: Worksheet, problems: list[Problem]) -> None:
    file_width = max((_display_width(problem.file or "") for problem in problems), default=0) + 2
    widths = dict(COLUMN_WIDTHS, file=min(max(COLUMN_WIDTHS["file"], file_width), MAX_FILE_WIDTH))
    for column, key in enumerate(HEADER_KEYS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths[key]


def _fit_width_when_printed(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _display_width(text: str) -> int:
    # CJK characters take two columns of width in a spreadsheet.
    return sum(2 if ord(character) >= 0x2E80 else 1 for character in text)
