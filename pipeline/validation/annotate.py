"""The annotated workbook: the user's own sheets with each problem marked on its cell.

Errors are filled light red and warnings yellow, each with a comment saying what is
wrong and how to fix it. A first sheet lists every problem with a link to its cell.
The source file is only read; the result is written atomically to ``destination``.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections import defaultdict
from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.i18n import t
from pipeline.loading.rejection import FileRejected
from pipeline.problems import Problem, sort_key
from pipeline.validation.source_copy import SourceCopy, copy_source
from pipeline.validation.summary_sheet import SEVERITY_FILLS, add_summary_sheet

logger = logging.getLogger(__name__)

COMMENT_AUTHOR = "paike"
# Codes after which the loader did not read the file; opening it here is pointless or unsafe.
UNOPENED_FILE_CODES = frozenset({"unreadable_file", "unsafe_file", "file_too_large", "file_not_found"})


def write_annotated_workbook(source: Path, problems: list[Problem], destination: Path) -> Path:
    """Write the annotated copy of ``source`` to ``destination`` and return ``destination``.

    Only problems of ``source`` (and those naming no file) are used. When ``source``
    cannot be opened, the result contains only the list of problems.
    """
    source, destination = Path(source), Path(destination)
    if destination.resolve() == source.resolve():
        raise ValueError(f"the annotated workbook would overwrite its source {source}")
    problems = sorted((p for p in problems if _concerns(p, source)), key=sort_key)

    copy = _open_copy(source, problems)
    if copy is None:
        workbook = Workbook()
        workbook.remove(workbook.active)
        copy = SourceCopy(workbook)
        note = t("report.source_unreadable")
    else:
        _mark_cells(copy, problems)
        note = None

    add_summary_sheet(copy, problems, note=note)
    _save_atomically(copy.workbook, destination)
    return destination


def _concerns(problem: Problem, source: Path) -> bool:
    """Tell whether ``problem`` belongs in the report for ``source``."""
    if problem.file is None:
        return True
    named = Path(problem.file)
    if named == source or named.resolve() == source.resolve():
        return True
    # A bare file name, as a loader might store it, matches by name alone.
    return len(named.parts) == 1 and named.name == source.name


def _open_copy(source: Path, problems: list[Problem]) -> SourceCopy | None:
    if any(problem.code in UNOPENED_FILE_CODES for problem in problems):
        return None
    try:
        return copy_source(source)
    # The loader's readers raise FileRejected, and openpyxl raises many exception types
    # on damaged files (zip, XML, KeyError, ValueError...). Any of them means "write
    # the list of problems only".
    except Exception as error:  # noqa: BLE001
        if isinstance(error, FileRejected):
            reason = error.problem(str(source)).message
        else:
            reason = str(error) or type(error).__name__
        logger.warning("cannot open %s for the annotated workbook, writing the problem list only: %s",
                       source, reason)
        return None


def _mark_cells(copy: SourceCopy, problems: list[Problem]) -> None:
    """Fill and comment the cell of every problem that names a row."""
    by_cell: dict[tuple[str, int, int], list[Problem]] = defaultdict(list)
    for problem in problems:
        title = copy.sheet_title(problem.sheet)
        if title is None or problem.row is None:
            continue
        column = problem.column_index + 1 if problem.column_index is not None else 1
        by_cell[(title, problem.row, column)].append(problem)

    for (title, row, column), cell_problems in by_cell.items():
        _mark_cell(copy.workbook[title], row, column, cell_problems)


def _mark_cell(sheet: Worksheet, row: int, column: int, problems: list[Problem]) -> None:
    cell = sheet.cell(row=row, column=column)
    moved = isinstance(cell, MergedCell)
    if moved:
        # Only the top-left cell of a merged range shows a fill or a comment.
        cell = _merged_anchor(sheet, cell)

    worst = "error" if any(problem.is_error for problem in problems) else "warning"
    cell.fill = SEVERITY_FILLS[worst]
    errors_first = sorted(problems, key=lambda problem: not problem.is_error)
    lines = [_comment_line(problem, moved) for problem in errors_first]
    if cell.comment is not None:
        lines.append(t("report.original_comment", text=cell.comment.text))
    text = "\n".join(lines)
    cell.comment = Comment(text, COMMENT_AUTHOR, width=320, height=_comment_height(text))


def _merged_anchor(sheet: Worksheet, cell: MergedCell):
    for merged in sheet.merged_cells.ranges:
        if cell.coordinate in merged:
            return sheet.cell(row=merged.min_row, column=merged.min_col)
    raise LookupError(f"{cell.coordinate} is not in a merged range")


def _comment_line(problem: Problem, with_row: bool) -> str:
    severity = t(f"report.severity.{problem.severity.value}")
    if with_row:
        return t("report.comment_line_in_row", severity=severity, row=problem.row, message=problem.message)
    return t("report.comment_line", severity=severity, message=problem.message)


def _comment_height(text: str) -> int:
    # About 20 CJK characters fit on one line of a 320-pixel-wide comment.
    lines = sum(len(line) // 20 + 1 for line in text.splitlines())
    return 24 + 18 * lines


def _save_atomically(workbook: Workbook, destination: Path) -> None:
    """Save to a new file beside ``destination`` and rename it into place.

    The temporary file is created with ``open(..., "xb")`` so it gets the usual
    permissions (those of the umask), which the renamed report then keeps.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("xb") as stream:
            workbook.save(stream)
        os.replace(temporary, destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
