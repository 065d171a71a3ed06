"""A sheet as the readers hand it over: rows of raw cell values from cell A1 on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.loading.sheet_xml import SheetMarks

# ((first row, first column), (last row, last column)), 0-based and inclusive.
MergedRange = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class SheetGrid:
    """One sheet's cells: ``rows[i][j]`` is row i+1, column j+1; ``''`` is an empty cell."""

    name: str | None  # None for a CSV file
    rows: list[list[Any]]
    merged: list[MergedRange] = field(default_factory=list)
    hidden: bool = False
    # What the sheet XML shows beyond the values; None where the format cannot tell
    # (CSV, legacy .xls).
    marks: SheetMarks | None = None


def last_nonempty_row(rows: list[list[Any]]) -> int:
    """Return the index of the last row with any value, or -1 when there is none.

    Walks back from the end, so a used range inflated by trailing empty cells costs
    one quick C-level count per empty row. Readers give ``''`` for every empty cell.
    """
    for index in range(len(rows) - 1, -1, -1):
        row = rows[index]
        if row.count("") != len(row):
            return index
    return -1


def fill_merged_ranges(rows: list[list[Any]], merged: list[MergedRange], first_row: int) -> None:
    """Copy each merged range's top-left value into the range's other cells, in place.

    Only ranges that start at or below ``first_row`` are filled, so a title or header
    merged over the data area never leaks into lesson cells. Cells outside every range
    are left alone: an empty cell that is not merged stays empty.
    """
    for (top, left), (bottom, right) in merged:
        if top < first_row or top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else ""
        for row in rows[top : min(bottom, len(rows) - 1) + 1]:
            for column in range(left, min(right, len(row) - 1) + 1):
                row[column] = value
