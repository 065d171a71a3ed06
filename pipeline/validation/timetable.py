"""Rules that compare lessons with each other: times, serial numbers and overlaps.

Each rule takes the parsed rows and the cell text, both by row position, and judges
only rows whose fields involved are usable, so a bad date never also shows up as a
clash.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.problems import Severity
from pipeline.validation.cells import CellText
from pipeline.validation.findings import Finding
from pipeline.validation.intervals import find_overlaps
from pipeline.validation.parsed import ParsedRows


def find_end_before_start(rows: ParsedRows, text: CellText) -> list[Finding]:
    """Report lessons that end before or when they start, on the end time."""
    timed = rows.usable("start_time", "end_time")
    start, end = rows.numbers["start_time"], rows.numbers["end_time"]

    findings = []
    for position in np.flatnonzero(timed & (end <= start)).tolist():
        zero_length = end[position] == start[position]
        findings.append(
            Finding(
                position,
                "end_time",
                "end_before_start",
                Severity.ERROR,
                params=_times_of(text, position),
                message_key="problem.end_before_start.zero_length" if zero_length else None,
            )
        )
    return findings


def find_duplicate_serials(rows: ParsedRows, text: CellText) -> list[Finding]:
    """Report every row whose (room, date, serial number) another row also has."""
    key = ["room_id", "date", "serial_number"]
    candidates = rows.values.loc[rows.usable(*key), key]
    repeated = candidates[candidates.duplicated(key, keep=False)]

    findings = []
    for group in repeated.groupby(key, sort=False).indices.values():
        positions = repeated.index[group].tolist()
        for position in positions:
            others = tuple(other for other in positions if other != position)
            findings.append(
                Finding(
                    position,
                    "serial_number",
                    "duplicate_serial",
                    Severity.ERROR,
                    params=_lesson_key_of(text, position),
                    related=others,
                )
            )
    return findings


def find_serials_repeated_across_days(
    rows: ParsedRows, text: CellText, severity: Severity
) -> list[Finding]:
    """Report rows reusing a room's serial number from an earlier day.

    Each such row names the first row that used the number, on the earliest day. The
    API's single-lesson calls find a lesson by room and serial number alone.
    """
    positions = np.flatnonzero(rows.usable("room_id", "serial_number", "date"))
    candidates = rows.values.iloc[positions]
    room_serial = candidates.groupby(["room_id", "serial_number"], sort=False).ngroup()
    days = rows.numbers["date"][positions].astype(np.int64)

    # Rows on the group's earliest day are fine; the first of them is the one to name.
    first_day = pd.Series(days).groupby(room_serial.to_numpy()).transform("min").to_numpy()
    on_first_day = days == first_day
    first_row = np.where(on_first_day, positions, len(rows))
    first_position = pd.Series(first_row).groupby(room_serial.to_numpy()).transform("min").to_numpy()

    message_key = None
    if severity is Severity.ERROR:
        message_key = "problem.serial_repeated_across_days.error"
    findings = []
    later_day = ~on_first_day
    for position, first in zip(positions[later_day].tolist(), first_position[later_day].tolist()):
        params = _lesson_key_of(text, position)
        params["first_date"] = text["date"][first]
        findings.append(
            Finding(
                position,
                "serial_number",
                "serial_repeated_across_days",
                severity,
                params=params,
                message_key=message_key,
                related=(first,),
            )
        )
    return findings


def find_daily_overlaps(rows: ParsedRows, owner: str) -> tuple[np.ndarray, np.ndarray]:
    """Pair lessons of one ``owner`` (room or teacher) that overlap on one day.

    Returns row positions ``later`` and ``earlier`` as :func:`find_overlaps` does. Only
    rows with a usable owner, room, date and times, ending after they start, take part.
    """
    positions = np.flatnonzero(rows.spans & rows.usable(owner, "room_id", "date"))
    owner_codes, _ = pd.factorize(rows.values[owner].to_numpy()[positions])
    later, earlier = find_overlaps(
        [owner_codes, rows.numbers["date"][positions].astype(np.int64)],
        rows.numbers["start_time"][positions],
        rows.numbers["end_time"][positions],
    )
    return positions[later], positions[earlier]


def find_room_overlaps(rows: ParsedRows, text: CellText) -> list[Finding]:
    """Report lessons that start before an earlier lesson of the same room and day ends."""
    later, earlier = find_daily_overlaps(rows, "room_id")

    findings = []
    for position, other in zip(later.tolist(), earlier.tolist()):
        params = _times_of(text, position)
        params["other_start"] = text["start_time"][other]
        params["other_end"] = text["end_time"][other]
        findings.append(
            Finding(position, "start_time", "overlap", Severity.ERROR, params=params, related=(other,))
        )
    return findings


def _times_of(text: CellText, position: int) -> dict[str, object]:
    return {"start": text["start_time"][position], "end": text["end_time"][position]}


def _lesson_key_of(text: CellText, position: int) -> dict[str, object]:
    return {
        "room_id": text["room_id"][position],
        "date": text["date"][position],
        "serial": text["serial_number"][position],
    }
