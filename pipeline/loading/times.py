"""Time cells: real time cells, day fractions, Excel's epoch datetimes and typed text.

Every time is rounded to the nearest minute, because Excel stores times as binary
fractions of a day and ``15:15`` often comes back as ``15:14:59.994``. Text may carry a
Chinese or English period (``下午2点``, ``9:30 pm``): afternoon and evening add 12 hours
to hours before 12.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from pipeline.loading.cells import EMPTY, Converted, Issue, cell_text, normalize_structured

MINUTES_PER_DAY = 24 * 60

# Dates Excel puts in front of a bare time: serial 0 reads as 1899-12-30 or as
# 1899-12-31 depending on the reader, and a time typed after "1900-01-01" keeps that date.
EXCEL_TIME_EPOCHS = frozenset(
    {datetime.date(1899, 12, 30), datetime.date(1899, 12, 31), datetime.date(1900, 1, 1)}
)

# A combined time column whose cell could not be split: the start time carries the
# cell's text to validation, so the empty end time must not add a second problem.
END_EXPLAINED_BY_START = Issue("invalid_time", None)

_AFTERNOON = {"下午", "傍晚", "晚上", "晚间", "晚", "pm", "p.m."}
_NOON = {"中午"}
_ENGLISH_MORNING = {"am", "a.m."}
_CHINESE_MORNING = {"上午", "早上", "早晨", "清晨", "凌晨"}
_PERIOD = r"上午|早上|早晨|清晨|凌晨|中午|下午|傍晚|晚上|晚间|晚|a\.m\.|p\.m\.|am|pm"

_CLOCK = re.compile(
    rf"(?P<period>{_PERIOD})?\s*"
    r"(?P<hour>\d{1,2})\s*"
    r"(?:"
    r":\s*(?P<minute>\d{2})(?:\s*:\s*(?P<second>\d{2}(?:\.\d+)?))?"
    r"|[点时]\s*(?:(?P<cn_minute>\d{1,2})\s*分?|(?P<half>半)|整)?"
    r")"
    rf"\s*(?P<suffix>{_PERIOD})?",
    re.IGNORECASE,
)
_EPOCH_PREFIX = re.compile(r"(?:1899-12-3[01]|1900-0?1-0?1)(?:\s+|T)")
_RANGE_SEPARATOR = re.compile(r"\s*(?:-+|~+|〜|—+|–|―|至|到)\s*")


def convert_time(value: Any) -> Converted:
    """Convert a time cell to ``HH:MM``, or keep its text for validation to judge."""
    if isinstance(value, str):
        text = normalize_structured(value)
        if not text:
            return EMPTY
        minutes, _ = parse_clock(text)
        return (format_minutes(minutes), None) if minutes is not None else (cell_text(value), None)

    minutes = _minutes_of_cell(value)
    if minutes is None:
        return cell_text(value), None
    return format_minutes(minutes), None


def convert_range_start(value: Any) -> Converted:
    """Convert a combined ``09:00-09:45`` cell to its start time."""
    return split_time_range(value)[0]


def convert_range_end(value: Any) -> Converted:
    """Convert a combined ``09:00-09:45`` cell to its end time."""
    return split_time_range(value)[1]


def split_time_range(value: Any) -> tuple[Converted, Converted]:
    """Split a combined time cell into start and end.

    A single time fills only the start, so validation reports the missing end. Text
    that is neither a time nor a range of two parts goes to the start unchanged.
    """
    if not isinstance(value, str):
        return convert_time(value), EMPTY
    text = normalize_structured(value)
    if not text:
        return EMPTY, EMPTY

    minutes, _ = parse_clock(text)
    if minutes is not None:
        return (format_minutes(minutes), None), EMPTY

    parts = _RANGE_SEPARATOR.split(text)
    if len(parts) != 2 or not all(parts):
        return (cell_text(value), None), (None, END_EXPLAINED_BY_START)

    start, period = parse_clock(parts[0])
    # "下午2:00-3:30": the end takes the start's period when it has none of its own.
    end, _ = parse_clock(parts[1], default_period=period)
    return _time_or_text(start, parts[0]), _time_or_text(end, parts[1])


def _time_or_text(minutes: int | None, text: str) -> Converted:
    return (format_minutes(minutes), None) if minutes is not None else (text, None)


def parse_clock(text: str, default_period: str | None = None) -> tuple[int | None, str | None]:
    """Return (minutes after midnight, the period written in ``text``) for a typed time.

    ``text`` must already be NFKC-normalised. Minutes are None when ``text`` is not a
    time of day; the period is None when ``text`` names none.
    """
    epoch = _EPOCH_PREFIX.match(text)
    if epoch:
        text = text[epoch.end() :]
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None, None

    written = match["period"] or match["suffix"]
    if match["period"] and match["suffix"]:
        return None, None
    hour = _apply_period(int(match["hour"]), (written or default_period or "").lower())
    second = 0.0
    if match["minute"] is not None:
        minute, second = int(match["minute"]), float(match["second"] or 0)
    elif match["cn_minute"]:
        minute = int(match["cn_minute"])
    elif match["half"]:
        minute = 30
    else:
        minute = 0
    if hour is None or hour > 23 or minute > 59 or second >= 60:
        return None, None

    minutes = _round_minutes(hour * 3600 + minute * 60 + second)
    return (minutes if minutes < MINUTES_PER_DAY else None), written


def _apply_period(hour: int, period: str) -> int | None:
    if period in _AFTERNOON:
        return hour + 12 if hour < 12 else hour
    if period in _NOON:
        return hour + 12 if 1 <= hour <= 5 else hour
    if period in _ENGLISH_MORNING:
        return None if hour > 12 else hour % 12
    if period in _CHINESE_MORNING and hour > 12:
        return None
    return hour


def _minutes_of_cell(value: Any) -> int | None:
    """Return minutes after midnight for a non-text time cell, or None if it is not one."""
    if isinstance(value, datetime.datetime):
        if value.date() not in EXCEL_TIME_EPOCHS:
            return None
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    elif isinstance(value, datetime.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    elif isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        # A plain number is a fraction of a day: 0.375 is 09:00.
        seconds = value * 86400 if 0 <= value < 1 else -1
    else:
        return None
    if seconds < 0:
        return None
    minutes = _round_minutes(seconds)
    return minutes if minutes < MINUTES_PER_DAY else None


def _round_minutes(seconds: float) -> int:
    """Round to the nearest minute, halves up (Python's round() would round 30 s to even)."""
    return math.floor(seconds / 60 + 0.5)


def format_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
