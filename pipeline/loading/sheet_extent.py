"""The size of the grid calamine will allocate for a sheet, measured from the sheet XML.

calamine keeps a sheet as a dense grid from its first to its last cell with a value,
about 30 bytes per cell (python-calamine 0.9.1, measured on 100 million cells). A few
KB of XML with values in A1 and XFD1048576 therefore requests 17 billion cells, and
the process dies without an exception. The extent is measured here, before calamine
reads the sheet, so the loader can reject such a file.

The measure is cheap for the XML office programs write, where every cell tag starts
with its ``r`` reference: each chunk is checked with one regular expression that
matches only a cell beyond the widest column of the first rows or with a row number
longer than the chunk's last row tag. Without such a cell the chunk's extent is bounded
by that column and the largest number of that many digits. A chunk with such a cell
(an unusual writer or a crafted file) has all its references read one by one instead,
and so does the whole sheet when the bound alone would reject it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

@dataclass
class SheetExtent:
    """The largest row and column numbers (1-based) a sheet's tags name."""

    rows: int = 0
    columns: int = 0
    # False when rows and columns are an upper bound taken from row tags, which may
    # count rows whose cells have no value.
    exact: bool = True

    @property
    def cells(self) -> int:
        return self.rows * self.columns


class ExtentMeter:
    """Measure a sheet's extent chunk by chunk; chunks must end after a complete row."""

    def __init__(self, prefix: bytes, exact: bool = False) -> None:
        p = re.escape(prefix + b":") if prefix else b""
        self.extent = SheetExtent()
        self._always_exact = exact
        self._prefix = p
        # The widest column of the first chunk, when it is a single letter; None sends
        # every chunk of a wider sheet down the exact path.
        self._widest: int | None = None
        self._first_chunk = True
        self._row_start = b"<" + (prefix + b":" if prefix else b"") + b"row"
        self._row_tag = re.compile(b"<" + p + rb"row\b[^>]*?\br\s*=\s*[\"']([0-9]+)[\"'][^>]*>")
        # Every cell reference of a cell with content, in any attribute order: the exact
        # path. Self-closing cells are left out because calamine ignores cells without a
        # value.
        self._cell_reference = re.compile(
            b"<" + p + rb"c(?=[\s>])[^>]*?\br\s*=\s*[\"']([A-Za-z]{1,3})([0-9]+)[\"'][^>]*(?<!/)>"
        )
        # A cell without a reference takes its row from the row tag.
        self._cell_without_reference = re.compile(b"<" + p + rb"c(?=[\s>])(?![^>]*\br\s*=)")
        self._any_row_tag = re.compile(b"<" + p + rb"row(?=[\s>])[^>]*?\br\s*=\s*[\"']([0-9]+)[\"']")

    def measure(self, chunk: bytes) -> None:
        if self._always_exact:
            self._grow(*self._exact(chunk))
            return
        if self._first_chunk:
            self._first_chunk = False
            rows, columns = self._exact(chunk)
            self._grow(rows, columns)
            self._widest = columns if 0 < columns <= 26 else None
            return

        last_row = self._last_row_number(chunk)
        fast = last_row is not None and self._widest is not None
        digits = len(str(last_row))
        if fast and not _beyond(self._prefix, digits, self._widest).search(chunk):
            # Every cell names a row of at most as many digits as the last row tag.
            self._grow(10**digits - 1, self._widest)
            self.extent.exact = False
        else:
            self._grow(*self._exact(chunk))

    def _last_row_number(self, chunk: bytes) -> int | None:
        """Return the row number of the chunk's last row tag, if it is an ordinary one."""
        start = chunk.rfind(self._row_start)
        match = self._row_tag.match(chunk, start) if start >= 0 else None
        if match is None or match[0].endswith(b"/>"):
            return None
        return int(match[1])

    def _exact(self, chunk: bytes) -> tuple[int, int]:
        rows = columns = 0
        references = self._cell_reference.findall(chunk)
        if references:
            letters, digits = zip(*references)
            rows = max(map(int, digits))
            columns = max(map(column_number, set(letters)))
        if self._cell_without_reference.search(chunk):
            # NOTE: the row bound then comes from row tags, but the column of such a
            # cell (its position in the row) is not counted.
            rows = max([rows, *map(int, self._any_row_tag.findall(chunk))])
        return rows, columns

    def _grow(self, rows: int, columns: int) -> None:
        self.extent.rows = max(self.extent.rows, rows)
        self.extent.columns = max(self.extent.columns, columns)


def column_number(letters: str | bytes) -> int:
    """Return the 1-based number of a column such as ``A`` (1) or ``AA`` (27)."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


@functools.lru_cache(maxsize=64)
def _beyond(prefix: bytes, digits: int, widest: int) -> re.Pattern[bytes]:
    """Return a pattern for any cell tag not of the form ``r="<column><row>"`` with a
    column up to ``widest`` (1 to 26) and a row of at most ``digits`` digits.

    Row tags need no check: a cell with its own reference ignores its row's number.
    """
    column = chr(ord("A") + widest - 1).encode()
    row = f"[1-9][0-9]{{0,{digits - 1}}}".encode()
    return re.compile(b"<" + prefix + rb"c(?=[\s>/])(?! r=\"[A-" + column + rb"]" + row + rb"\")")
