"""Reading single lesson cells: normalising their text and parsing it into values.

Each parser takes one cell's text and returns the parsed value, or ``None`` when the
text breaks the field's rule. Validation applies a parser to each distinct value of a
column once (timetables repeat the same dates, times and rooms thousands of times), so
the parsers can stay plain Python.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from pipeline.lessons import LESSON_FIELDS

EARLIEST_YEAR = 2000

_DIGITS = re.compile(r"[0-9]+")
_ROOM_ID = re.compile(r"[0-9]{14,15}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CLOCK_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


# Cell text by lesson field, indexed by row position; None where the cell is empty.
CellText = dict[str, np.ndarray]


def normalize_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the lesson fields as stripped text, with empty and blank cells as ``None``.

    The result is indexed by row position (0, 1, 2, ...) whatever ``frame``'s index is.
    A field missing from ``frame`` becomes a column of ``None``, so a hand-built table
    without ``teacher_name`` still validates.
    """
    positions = pd.RangeIndex(len(frame))
    columns = {}
    for name in LESSON_FIELDS:
        if name in frame.columns:
            columns[name] = map_distinct(frame[name], _strip_to_none).set_axis(positions)
        else:
            columns[name] = pd.Series(None, index=positions, dtype=object)
    return pd.DataFrame(columns, index=positions)


def cell_text(cells: pd.DataFrame) -> CellText:
    """Return the columns of normalised ``cells`` as arrays for fast lookups by position."""
    return {name: cells[name].to_numpy(dtype=object) for name in LESSON_FIELDS}


def sheet_names(frame: pd.DataFrame) -> np.ndarray:
    """Return the frame's ``sheet`` column with ``None`` for CSV rows, whatever pandas stored."""
    sheets = frame["sheet"].astype(object)
    return sheets.where(sheets.notna(), None).to_numpy(dtype=object)


def map_distinct(values: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """Apply ``function`` to each distinct value of ``values`` once and spread the results.

    Missing values map to ``None`` without calling ``function``.
    """
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    # The last slot stays None and is the result for missing values, whose code is -1.
    lookup = np.empty(len(distinct) + 1, dtype=object)
    lookup[: len(distinct)] = [function(value) for value in distinct]
    return pd.Series(lookup[codes], index=values.index, dtype=object)


def _strip_to_none(value: Any) -> str | None:
    text = str(value).strip()
    return text or None


def parse_room_id(text: str) -> str | None:
    """Return the room id when it is a live-room number: 14 or 15 ASCII digits.

    A classroom's door number (``512``) in this column is a common mistake, and the API
    would reject it with code 3001 only at publishing time.
    """
    return text if _ROOM_ID.fullmatch(text) else None


def parse_date(text: str) -> int | None:
    """Return a ``YYYY-MM-DD`` calendar date from 2000 on as its proleptic ordinal."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    return day.toordinal() if day.year >= EARLIEST_YEAR else None


def parse_clock_time(text: str) -> int | None:
    """Return a 24-hour ``HH:MM`` time as minutes after midnight."""
    match = _CLOCK_TIME.fullmatch(text)
    if match is None:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def parse_serial(text: str) -> int | None:
    """Return a positive integer written in digits; leading zeros are allowed."""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number > 0 else None


def parse_text(text: str) -> str:
    """Return free text (title, teacher) unchanged: any non-blank text is valid."""
    return text
