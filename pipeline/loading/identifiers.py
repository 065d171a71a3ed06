"""Room numbers and lesson serial numbers.

A room id is a 14- or 15-digit live room number. Excel keeps numbers as 64-bit floats,
which hold every integer below 10**15 exactly, so a number cell below that is safe,
unless it is six digits followed by zeros: the value ``1.80208E+13`` typed back in. A
larger number, or text Excel has already turned into scientific notation
(``1.80208E+13``), has lost its last digits and cannot be repaired.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.loading.cells import EMPTY, Converted, Issue, cell_text, normalize_structured

# Every integer below 2**53 is exact in a float; Excel shows at most 15 significant
# digits, so a 16-digit number typed into Excel is already rounded.
EXACT_NUMBER_LIMIT = 10**15

# Excel's General format shows this many significant digits in scientific notation.
ROUNDED_SIGNIFICANT_DIGITS = 6

PRECISION_LOST = Issue("room_id_precision_lost", "problem.room_id_precision_lost")

_DIGITS = re.compile(r"[0-9]+")
_WHOLE_DECIMAL = re.compile(r"(?P<digits>[0-9]+)\.0*")
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]*)?[eE]\+?[0-9]+")
_SERIAL = re.compile(r"(?:第\s*)?(?P<digits>[0-9]+)(?:\.0*)?\s*(?:节|课|讲|次)?")


def convert_room_id(value: Any) -> Converted:
    """Convert a room cell to its digits, keeping leading zeros of text cells."""
    if isinstance(value, str):
        return _room_id_from_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 0 <= value < EXACT_NUMBER_LIMIT:
            digits = str(int(value))
            return (digits, PRECISION_LOST) if _looks_rounded(digits) else (digits, None)
        if float(value).is_integer() and value >= EXACT_NUMBER_LIMIT:
            return cell_text(value), PRECISION_LOST
    return cell_text(value), None


def _looks_rounded(digits: str) -> bool:
    """Return True for a long number that is a few digits followed only by zeros.

    Excel shows a 14-digit number in a General cell as ``1.80208E+13``; typing that back
    stores 18020800000000, six significant digits and eight zeros. A real live-room
    number ending in that many zeros is far less likely than this mistake.
    """
    return len(digits) >= 14 and len(digits.rstrip("0")) <= ROUNDED_SIGNIFICANT_DIGITS


def _room_id_from_text(raw: str) -> Converted:
    # A leading apostrophe is Excel's way of forcing text; some exports keep it.
    text = normalize_structured(raw).lstrip("'").strip()
    if not text:
        return EMPTY
    if _DIGITS.fullmatch(text):
        return text, None

    whole = _WHOLE_DECIMAL.fullmatch(text)
    if whole:
        # "18020796069152.0" is a number written out by a program that read it as a float.
        digits = whole["digits"]
        return (digits, None) if len(digits) <= 15 else (cell_text(raw), PRECISION_LOST)
    if _SCIENTIFIC.fullmatch(text):
        return cell_text(raw), PRECISION_LOST
    return cell_text(raw), None


def convert_serial_number(value: Any) -> Converted:
    """Convert a lesson number (``3``, ``3.0``, ``'3``, ``第3节``) to digits without leading zeros."""
    if isinstance(value, str):
        text = normalize_structured(value).lstrip("'").strip()
        if not text:
            return EMPTY
        match = _SERIAL.fullmatch(text)
        return (str(int(match["digits"])), None) if match else (cell_text(value), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value)), None
    return cell_text(value), None
