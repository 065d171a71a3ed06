"""Validation: a loaded lesson table -> every problem in it, and the valid lessons.

    cells.py         normalise cell text and parse single values
    schema.py        the pandera schema: required fields and each field's format
    parsed.py        every row's parsed values, for the rules below
    timetable.py     rules across rows: end before start, duplicates, overlaps
    plausibility.py  warnings: dates far off, odd lengths, double-booked teachers
    intervals.py     vectorised overlap search used by both
    findings.py      findings located by frame index -> problems located in the sheet
    validator.py     :func:`validate`, which runs all of the above in one pass
    annotate.py      the annotated copy of the user's workbook, built from
    source_copy.py   an editable copy of the input (xlsx, xls or CSV) and
    summary_sheet.py its first sheet, the list of problems with links

Problem codes are the contract; messages come from ``pipeline.i18n.catalog.problems``.
"""

from pipeline.validation.result import ValidationResult
from pipeline.validation.validator import MODES, validate

__all__ = ["MODES", "ValidationResult", "validate"]
