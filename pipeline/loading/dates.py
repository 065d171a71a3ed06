"""Date cells: real date cells, Excel serial numbers and the text forms people type.

Only year-first text is read. A date without a year (``3月1日``) or with the day or
month first (``01/03/2027``) is reported as ambiguous, because ``01/03`` is 1 March in
China and 3 January in the US. Dates before 2000 are written out unchanged and left to
validation, which rejects them.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from pipeline.loading.cells import EMPTY, Converted, Issue, cell_text, normalize_structured

# Excel's 1900 date system counts days from 1899-12-30 for every serial after 60 (Excel
# wrongly treats 1900 as a leap year, so serial 60 is the phantom 1900-02-29).
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial numbers of 2000-01-01 and 9999-12-31: anything outside is not a usable date.
FIRST_SERIAL = 36526
LAST_SERIAL = 2958465

AMBIGUOUS_NO_YEAR = Issue("ambiguous_date", "problem.ambiguous_date.no_year")
AMBIGUOUS_ORDER = Issue("ambiguous_date", "problem.ambiguous_date.order")
WEEKDAY_MISMATCH = Issue("ambiguous_date", "problem.ambiguous_date.weekday")

_YEAR_FIRST = re.compile(
    r"(?P<year>\d{4})\s*(?P<sep>[-/.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<day>\d{1,2})"
)
_YEAR_FIRST_CHINESE = re.compile(
    r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NO_YEAR = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[-/.]\s*\d{1,2}")
# Day or month first (01/03/2027, 3/1/27), or a two-digit year first (27/3/1).
_UNCLEAR_ORDER = re.compile(r"\d{1,2}\s*([-/.])\s*\d{1,2}\s*\1\s*(?:\d{1,2}|\d{4})")
# A time of day after the date, as Excel writes a datetime turned into text.
_TIME_TAIL = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_WEEKDAY_TAIL = re.compile(r"\s*[(\[]?\s*(?:星期|周|礼拜)([一二三四五六日天])\s*[)\]]?$")
_WEEKDAY_NUMBERS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def convert_date(value: Any) -> Converted:
    """Convert a date cell to ``YYYY-MM-DD``, or keep its text for validation to judge."""
    if isinstance(value, str):
        return _convert_date_text(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat(), None
    if isinstance(value, datetime.date):
        return value.isoformat(), None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _convert_date_number(value), None
    return cell_text(value), None


def _convert_date_number(number: float | int) -> str:
    """Read a number as an Excel serial date or as digits ``YYYYMMDD``."""
    if float(number).is_integer() and 19000101 <= number <= 99991231:
        day = _compact_date(str(int(number)))
        if day is not None:
            return day
    if FIRST_SERIAL <= number <= LAST_SERIAL:
        # A serial with a fraction is a date and time; the date is its whole part.
        return (EXCEL_EPOCH + datetime.timedelta(days=int(number))).isoformat()
    return cell_text(number)


def _compact_date(digits: str) -> str | None:
    match = _COMPACT.fullmatch(digits)
    return _iso_date(*match.groups()) if match else None


def _convert_date_text(raw: str) -> Converted:
    text = normalize_structured(raw)
    if not text:
        return EMPTY
    original = cell_text(raw)

    weekday = None
    weekday_match = _WEEKDAY_TAIL.search(text)
    if weekday_match and weekday_match.start() > 0:
        weekday = _WEEKDAY_NUMBERS[weekday_match.group(1)]
        text = text[: weekday_match.start()]
    text = _TIME_TAIL.sub("", text).strip()

    iso = _year_first_date(text)
    if iso is None:
        if _NO_YEAR.fullmatch(text):
            return original, AMBIGUOUS_NO_YEAR
        if _UNCLEAR_ORDER.fullmatch(text):
            return original, AMBIGUOUS_ORDER
        return original, None
    if weekday is not None and datetime.date.fromisoformat(iso).weekday() != weekday:
        return original, WEEKDAY_MISMATCH
    return iso, None


def _year_first_date(text: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a real calendar date written year first, else None."""
    for pattern in (_YEAR_FIRST, _YEAR_FIRST_CHINESE):
        match = pattern.fullmatch(text)
        if match:
            return _iso_date(match["year"], match["month"], match["day"])
    return _compact_date(text)


def _iso_date(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
