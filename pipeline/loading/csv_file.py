"""Reading CSV files as Chinese Excel and WPS save them.

Excel's "CSV UTF-8" writes UTF-8 with a BOM; its plain "CSV (逗号分隔)" writes the ANSI
code page, which is GBK on Chinese Windows. GB18030 decodes everything GBK does and the
characters GBK lacks (such as U+4DAE 䶮 in names), so the order is: UTF-8 (with or
without BOM) strictly, then GB18030. UTF-16 with a BOM ("Unicode text") is read too.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from pipeline.loading.grid import SheetGrid
from pipeline.loading.limits import HEADER_SEARCH_ROWS, MAX_DATA_ROWS
from pipeline.loading.rejection import FileRejected

ENCODINGS = ("utf-8-sig", "gb18030")
_DELIMITERS = (",", "\t", ";")


def read_csv_sheets(path: Path) -> Iterator[SheetGrid]:
    """Yield the CSV file as one sheet without a name."""
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    for encoding in _candidate_encodings(head):
        try:
            rows = _read_rows(path, encoding, _choose_delimiter(head, encoding))
        except UnicodeDecodeError:
            continue
        yield SheetGrid(name=None, rows=rows)
        return
    raise FileRejected("unreadable_file", "encoding")


def _candidate_encodings(head: bytes) -> tuple[str, ...]:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    return ENCODINGS


def _choose_delimiter(head: bytes, encoding: str) -> str:
    """Return the delimiter used most in the first lines (a comma unless tabs or ; win)."""
    sample = head.decode(encoding, errors="ignore")
    counts = {delimiter: sample.count(delimiter) for delimiter in _DELIMITERS}
    return max(_DELIMITERS, key=lambda delimiter: (counts[delimiter], delimiter == ","))


def _read_rows(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    """Return every row padded to one width; raise UnicodeDecodeError on a wrong encoding."""
    row_limit = MAX_DATA_ROWS + HEADER_SEARCH_ROWS
    rows: list[list[str]] = []
    with path.open("r", encoding=encoding, errors="strict", newline="") as text:
        try:
            for row in csv.reader(text, delimiter=delimiter):
                rows.append(row)
                if len(rows) > row_limit:
                    raise FileRejected("file_too_large", "rows", limit=MAX_DATA_ROWS)
        except csv.Error as error:
            raise FileRejected("unreadable_file", "damaged", reason=str(error)[:200]) from error

    width = max(map(len, rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows
