"""Writing cells that a spreadsheet shows exactly as the data was, and never runs.

Every text goes through :meth:`SheetWriter.text`, which writes a string cell, so a
value such as ``=1+1`` or ``@SUM(A1)`` stays that text (no cell is ever a formula).
Such text also gets a quote-prefix format, so Excel keeps it as text even after
someone edits the cell and presses Enter.

Excel cannot store most control characters (the XML of a sheet may not hold them) and
caps a cell at 32,767 characters. :func:`clean_text` removes the former, turns a
carriage return into a line break and cuts the latter; the writer counts the cells it
changed so the report can mention them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

MAX_CELL_CHARACTERS = 32767
# Excel's limit of hyperlinks on one worksheet.
MAX_LINKS_PER_SHEET = 65530
# Maximum link length that xlsxwriter (3.x) accepts, in characters.
MAX_LINK_LENGTH = 2079

# C0 controls other than tab and line feed, DEL, the C1 controls, lone surrogates and
# the two noncharacters U+FFFE/U+FFFF: none can be stored in a sheet's XML as-is.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
WHITESPACE = re.compile(r"\s")
FORMULA_LEADS = ("=", "+", "-", "@")
LINK_SCHEMES = ("http://", "https://")
WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "remove_timezone": True,
}
HEADER_STYLE = {"bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "vcenter", "text_wrap": True}
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
TIME_FORMAT = "hh:mm"


def open_workbook(path: str, *, streaming: bool = True) -> xlsxwriter.Workbook:
    """Return a workbook that writes text as text; ``streaming`` writes rows to disk as they come."""
    return xlsxwriter.Workbook(path, {**WORKBOOK_OPTIONS, "constant_memory": streaming})


def clean_text(value: str) -> tuple[str, bool]:
    """Return text that a sheet can store and whether anything had to change."""
    cleaned = value
    if "\r" in cleaned:
        cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = UNSTORABLE.sub("", cleaned)
    if len(cleaned) > MAX_CELL_CHARACTERS:
        cleaned = cleaned[:MAX_CELL_CHARACTERS]
    return cleaned, cleaned != value


@dataclass
class WriteCounts:
    """Counts of what the writers of one workbook wrote and changed."""

    # Data rows, as the exporter counts them (not headers or notes).
    rows: int = 0
    cleaned: int = 0
    links: int = 0
    links_as_text: int = 0


class Styles:
    """The formats of one workbook, each made once and shared by its sheets."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self._formats: dict[str, Any] = {}

    def get(self, name: str, **properties: Any) -> Any:
        """Return the format called ``name``, creating it from ``properties`` the first time."""
        if name not in self._formats:
            self._formats[name] = self.workbook.add_format(properties)
        return self._formats[name]


@dataclass
class SheetWriter:
    """Typed cell writing for one worksheet."""

    styles: Styles
    sheet: Worksheet
    counts: WriteCounts = field(default_factory=WriteCounts)
    _links_on_sheet: int = 0

    @classmethod
    def add_sheet(cls, styles: Styles, name: str, counts: WriteCounts) -> "SheetWriter":
        return cls(styles, styles.workbook.add_worksheet(name), counts)

    @property
    def workbook(self) -> xlsxwriter.Workbook:
        return self.styles.workbook

    def style(self, name: str, **properties: Any) -> Any:
        return self.styles.get(name, **properties)

    def header(self, row: int, titles: Iterable[str], widths: Iterable[float]) -> None:
        """Write a bold header row, set the column widths, and freeze the rows above and it."""
        bold = self.style("header", **HEADER_STYLE)
        for column, (title, width) in enumerate(zip(titles, widths)):
            self.sheet.set_column(column, column, width)
            self.text(row, column, title, bold)
        self.sheet.freeze_panes(row + 1, 0)

    def text(self, row: int, column: int, value: Any, cell_format: Any = None) -> None:
        """Write ``value`` as a string cell; None and empty text leave the cell blank."""
        if value is None:
            return
        text, changed = clean_text(str(value))
        self.counts.cleaned += changed
        if not text:
            return
        if text.startswith(FORMULA_LEADS) and cell_format is None:
            cell_format = self.style("quoted", quote_prefix=True)
        self.sheet.write_string(row, column, text, cell_format)

    def number(self, row: int, column: int, value: Any) -> None:
        """Write an integer or a float as a number; anything else is written as text."""
        if isinstance(value, bool) or value is None:
            self.text(row, column, value)
        elif isinstance(value, (int, float)):
            self.sheet.write_number(row, column, value)
        elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 15:
            # Up to 15 digits survive as a spreadsheet number; longer ids stay text.
            self.sheet.write_number(row, column, int(value.strip()))
        else:
            self.text(row, column, value)

    def date(self, row: int, column: int, value: dt.date | dt.datetime | None, raw: Any = None) -> None:
        """Write a real date (or date and time) cell; without one, write ``raw`` as text."""
        if isinstance(value, dt.datetime):
            self.sheet.write_datetime(row, column, value, self.style("datetime", num_format=DATETIME_FORMAT))
        elif isinstance(value, dt.date):
            self.sheet.write_datetime(row, column, value, self.style("date", num_format=DATE_FORMAT))
        else:
            self.text(row, column, raw)

    def time(self, row: int, column: int, value: dt.time) -> None:
        self.sheet.write_datetime(row, column, value, self.style("time", num_format=TIME_FORMAT))

    def link(self, row: int, column: int, url: Any, label: str | None = None) -> None:
        """Write a clickable link showing ``label`` (or the address) with the address as its tip.

        Past Excel's limits (links per sheet, link length) or for an address that is not
        http(s), the address itself is written as text, so nothing is lost.
        """
        if url is None:
            return
        address, changed = clean_text(str(url).strip())
        self.counts.cleaned += changed
        if not address:
            return
        linkable = (
            address.lower().startswith(LINK_SCHEMES)
            and not WHITESPACE.search(address)
            and len(address) <= MAX_LINK_LENGTH
            and self._links_on_sheet < MAX_LINKS_PER_SHEET
        )
        if not linkable:
            self.counts.links_as_text += address.lower().startswith(LINK_SCHEMES)
            self.text(row, column, address)
            return
        self._links_on_sheet += 1
        self.counts.links += 1
        link_format = self.style("link", font_color="blue", underline=1)
        self.sheet.write_url(row, column, address, link_format, label or address, address if label else None)


def parse_date(value: Any) -> dt.date | dt.datetime | None:
    """Return the date or date-time in ``YYYY-MM-DD[ HH:MM[:SS]]`` text, or None.

    Slashes for dashes and a ``T`` between date and time are accepted too. Empty text,
    ``0000-00-00`` (a zero date some backends send for "none"), dates before 1900
    (Excel has none) and text that is not a real date give None, so the caller can keep
    the original text.
    """
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip().replace("/", "-")
    try:
        # fromisoformat is the fast path: the API sends ISO dates and date-times.
        parsed = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.year < 1900:
        return None
    if isinstance(parsed, dt.datetime) and parsed.tzinfo is not None:
        return None
    return parsed


def parse_clock(value: str) -> dt.time | None:
    """Return the time of day in ``HH:MM`` text, or None when it is not one."""
    try:
        return dt.datetime.strptime(value.strip(), "%H:%M").time()
    except (AttributeError, ValueError):
        return None
