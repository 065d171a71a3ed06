"""A check of the workbook stream inside a legacy ``.xls`` before calamine reads it.

A legacy workbook is a sequence of BIFF records. calamine sizes a sheet's grid from
its DIMENSIONS record and its cell records, and its shared string table from the SST
record's count, without comparing them with anything. Those fields are checked here:
a flipped byte in DIMENSIONS alone makes calamine request a terabyte and abort the
process. Record layouts follow Microsoft's [MS-XLS] specification.
"""

from __future__ import annotations

import struct
from pathlib import Path

from pipeline.loading.compound_file import CompoundFile, DamagedCompoundFile
from pipeline.loading.limits import MAX_SHEET_CELLS
from pipeline.loading.rejection import FileRejected

BOF = 0x0809
EOF = 0x000A
DIMENSIONS = 0x0200
SST = 0x00FC
BOUNDSHEET = 0x0085
# Records of one cell, which start with its row and column (two 16-bit numbers):
# FORMULA, LABELSST, RSTRING, BLANK, NUMBER, LABEL, BOOLERR, RK.
SINGLE_CELL_RECORDS = frozenset({0x0006, 0x00FD, 0x00D6, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E})
# MULRK and MULBLANK: row, first column, ..., last column in the record's last 2 bytes.
MULTIPLE_CELL_RECORDS = frozenset({0x00BD, 0x00BE})


def check_legacy_workbook(path: Path) -> None:
    """Raise :class:`FileRejected` when the workbook would make calamine overreach."""
    try:
        stream = CompoundFile(path.read_bytes()).stream("Workbook", "Book")
        if stream is None:
            raise DamagedCompoundFile("no workbook stream in the file")
        _check_records(stream)
    except (DamagedCompoundFile, struct.error) as error:
        raise FileRejected("unreadable_file", "damaged", reason=str(error)) from error


_RECORD_START = struct.Struct("<HHHH")  # type, length, then a cell's row and column


def _check_records(stream: bytes) -> None:
    """Walk every record once; the loop is kept plain because sheets have many cells."""
    sheet_names: dict[int, str] = {}  # offset of a sheet's BOF record -> sheet name
    sheet = ""
    rows = columns = 0
    offset = 0
    end = len(stream) - _RECORD_START.size
    while offset <= end:
        kind, length, row, column = _RECORD_START.unpack_from(stream, offset)
        if offset + 4 + length > len(stream):
            raise DamagedCompoundFile("workbook record cut short")
        if kind in SINGLE_CELL_RECORDS:
            if row >= rows:
                rows = row + 1
            if column >= columns:
                columns = column + 1
        elif kind in MULTIPLE_CELL_RECORDS and length >= 6:
            last_column = struct.unpack_from("<H", stream, offset + 2 + length)[0]
            rows, columns = max(rows, row + 1), max(columns, last_column + 1)
        elif kind == BOF:
            sheet = sheet_names.get(offset, "")
            rows = columns = 0
        elif kind == EOF:
            _check_cells(sheet, rows, columns)
        elif kind == BOUNDSHEET:
            _read_sheet_name(stream[offset + 4 : offset + 4 + length], sheet_names)
        elif kind == DIMENSIONS:
            _check_dimensions(sheet, stream[offset + 4 : offset + 4 + length])
        elif kind == SST and length >= 8:
            # Every string takes at least 3 bytes, so a count beyond that is false.
            unique_strings = struct.unpack_from("<I", stream, offset + 8)[0]
            if unique_strings * 3 > len(stream):
                raise FileRejected("unreadable_file", "damaged", reason="shared string count exceeds the file")
        offset += 4 + length
    _check_cells(sheet, rows, columns)


def _read_sheet_name(body: bytes, sheet_names: dict[int, str]) -> None:
    """Note a BOUNDSHEET record's sheet name under the offset of the sheet's records."""
    if len(body) < 8:
        return
    position, characters, wide = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
    raw = body[8 : 8 + characters * (2 if wide else 1)]
    sheet_names[position] = raw.decode("utf-16-le" if wide else "latin-1", "replace")


def _check_dimensions(sheet: str, body: bytes) -> None:
    """Check a sheet's declared used range: BIFF8 has 32-bit rows, BIFF5 16-bit."""
    if len(body) >= 14:
        first_row, last_row, first_column, last_column = struct.unpack_from("<IIHH", body)
    elif len(body) >= 10:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", body)
    else:
        return
    if first_row > last_row or first_column > last_column:
        raise FileRejected("unreadable_file", "damaged", reason="sheet dimensions are inverted")
    _check_cells(sheet, last_row, last_column)


def _check_cells(sheet: str, rows: int, columns: int) -> None:
    if rows * columns > MAX_SHEET_CELLS:
        raise FileRejected(
            "file_too_large", "cells", sheet=sheet, rows=rows, columns=columns, limit=MAX_SHEET_CELLS
        )
