"""Warnings: lessons that are allowed but look like typing mistakes or clashes."""

from __future__ import annotations

import datetime

import numpy as np

from pipeline.problems import Severity
from pipeline.validation.cells import CellText
from pipeline.validation.findings import Finding
from pipeline.validation.parsed import ParsedRows
from pipeline.validation.timetable import find_daily_overlaps

MAX_DAYS_AHEAD = 365
MIN_LESSON_MINUTES = 10
MAX_LESSON_MINUTES = 5 * 60


def find_unlikely_dates(rows: ParsedRows, text: CellText, today: datetime.date) -> list[Finding]:
    """Warn about dates before ``today`` or more than a year after it."""
    days = rows.numbers["date"]
    first_day = today.toordinal()
    last_day = first_day + MAX_DAYS_AHEAD

    findings = []
    for code, wrong in (("date_in_past", days < first_day), ("date_far_ahead", days > last_day)):
        for position in np.flatnonzero(wrong).tolist():
            params = {"value": text["date"][position], "today": today.isoformat()}
            findings.append(Finding(position, "date", code, Severity.WARNING, params=params))
    return findings


def find_unlikely_lengths(rows: ParsedRows, text: CellText) -> list[Finding]:
    """Warn about lessons shorter than 10 minutes or longer than 5 hours."""
    minutes = rows.numbers["end_time"] - rows.numbers["start_time"]
    too_short = rows.spans & (minutes < MIN_LESSON_MINUTES)
    too_long = rows.spans & (minutes > MAX_LESSON_MINUTES)

    findings = []
    for code, wrong in (("lesson_too_short", too_short), ("lesson_too_long", too_long)):
        for position in np.flatnonzero(wrong).tolist():
            params = {
                "start": text["start_time"][position],
                "end": text["end_time"][position],
                "minutes": int(minutes[position]),
            }
            findings.append(Finding(position, "end_time", code, Severity.WARNING, params=params))
    return findings


def find_double_booked_teachers(rows: ParsedRows, text: CellText) -> list[Finding]:
    """Warn when one teacher has overlapping lessons in two rooms on one day.

    Both rows get a warning that names the other one.
    """
    later, earlier = find_daily_overlaps(rows, "teacher_name")
    rooms = rows.values["room_id"].to_numpy(dtype=object)
    # NOTE: each lesson is compared with the earlier lesson that ends last. When that one
    # is in the same room (itself an overlap error), a clash with a third lesson in
    # another room can go unreported until the overlap is fixed.
    elsewhere = rooms[later] != rooms[earlier]

    partners: dict[int, int] = {}
    for first, second in zip(earlier[elsewhere].tolist(), later[elsewhere].tolist()):
        partners.setdefault(first, second)
        partners.setdefault(second, first)

    findings = []
    for position, other in partners.items():
        params = {
            "teacher": text["teacher_name"][position],
            "other_room_id": text["room_id"][other],
            "other_start": text["start_time"][other],
            "other_end": text["end_time"][other],
        }
        findings.append(
            Finding(
                position,
                "teacher_name",
                "teacher_double_booked",
                Severity.WARNING,
                params=params,
                related=(other,),
            )
        )
    return findings
