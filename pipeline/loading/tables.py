"""Joining per-sheet and per-file results into one :class:`LessonTable`."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.lessons import LessonTable
from pipeline.problems import Problem


def table_with_problem(problem: Problem) -> LessonTable:
    """Return an empty table that carries one file-level problem."""
    table = LessonTable.empty()
    table.problems.append(problem)
    return table


def concat_frames(frames: list[pd.DataFrame]) -> tuple[pd.DataFrame, list[int]]:
    """Stack frames with a fresh 0..n-1 index; return it and where each frame starts."""
    offsets = []
    start = 0
    for frame in frames:
        offsets.append(start)
        start += len(frame)
    non_empty = [frame for frame in frames if len(frame)]
    if not non_empty:
        return LessonTable.empty().frame, offsets
    if len(non_empty) == 1:
        return non_empty[0].reset_index(drop=True), offsets
    return pd.concat(non_empty, ignore_index=True), offsets


def merge_tables(tables: Iterable[LessonTable]) -> LessonTable:
    """Join tables from several files; row indexes stay unique and reported cells follow them."""
    tables = list(tables)
    frame, offsets = concat_frames([table.frame for table in tables])
    merged = LessonTable(frame=frame)
    for table, offset in zip(tables, offsets):
        merged.columns.update(table.columns)
        merged.problems.extend(table.problems)
        merged.reported_cells.update((index + offset, name) for index, name in table.reported_cells)
        merged.course_info.update(table.course_info)
    return merged
