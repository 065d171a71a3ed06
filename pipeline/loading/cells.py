"""Single cell values: the text a cell shows, and the result of converting it.

A converter takes one raw cell value as python-calamine or the CSV reader returns it:
``str``, ``float``, ``int``, ``bool``, ``datetime.date``, ``datetime.datetime``,
``datetime.time`` or ``datetime.timedelta``, with ``''`` for an empty cell. It returns a
:data:`Converted` pair: the text for the lesson table and an :class:`Issue` or ``None``.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Issue:
    """A cell the loader judges itself instead of leaving it to validation.

    ``message_key`` is the catalog entry for the problem. A silent issue (``None``)
    reports nothing but still marks the cell as reported, because another problem on
    the same row already explains it.
    """

    code: str
    message_key: str | None


# (text for the lesson table or None for an empty cell, issue or None)
Converted = tuple[str | None, Issue | None]
Converter = Callable[[Any], Converted]

# Zero-width characters that survive str.strip() and NFKC but are invisible in Excel.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_ZERO_WIDTH}]")
EMPTY: Converted = (None, None)


def trim(text: str) -> str:
    """Strip whitespace (including NBSP and the ideographic space) and zero-width characters."""
    return text.strip().strip(_ZERO_WIDTH).strip()


def normalize_structured(text: str) -> str:
    """Return text of a structured field (room, date, time, number) in plain ASCII form.

    NFKC turns full-width digits, letters, colons and hyphens into ASCII; zero-width
    characters are removed everywhere, and surrounding whitespace is stripped.
    """
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).strip()


def number_text(number: float | int) -> str:
    """Return a number as a person would type it: ``3`` for 3.0, ``0.375`` otherwise."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    return str(number)


def cell_text(value: Any) -> str | None:
    """Return the text a cell shows, trimmed, or None for an empty cell.

    Booleans read as Excel shows them (``TRUE``); dates as ``YYYY-MM-DD``, datetimes as
    ``YYYY-MM-DD HH:MM:SS`` and times as ``HH:MM:SS``.
    """
    if isinstance(value, str):
        return trim(value) or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else number_text(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if value is None:
        return None
    return trim(str(value)) or None


def convert_free_text(value: Any) -> Converted:
    """Convert a title or teacher cell: free text, only trimmed."""
    return cell_text(value), None
