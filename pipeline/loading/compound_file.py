"""Reading an OLE compound file (the container of a legacy ``.xls``) defensively.

calamine reserves memory from sizes written in a compound file and in the workbook
inside it without comparing them with the file, so one corrupted field makes it request
gigabytes, and the process aborts without an exception. This module reads the
container with every size and sector number checked against the file, so that
:mod:`pipeline.loading.biff` can check the workbook stream before calamine reads it.

The layout follows the MS-CFB specification: a header that fills the first sector,
then sectors of 512 or 4096 bytes linked through the file allocation table (FAT).
Streams under 4096 bytes live in 64-byte mini sectors inside the root entry's stream,
linked through the mini FAT.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

HEADER_BYTES = 512
# Sector numbers from 0xFFFFFFFA up are markers (end of chain, free, FAT sector...).
MAX_REGULAR_SECTOR = 0xFFFFFFF9
END_OF_CHAIN = 0xFFFFFFFE
DIRECTORY_ENTRY_BYTES = 128
HEADER_DIFAT_ENTRIES = 109
MINI_SECTOR_BYTES = 64
MINI_STREAM_CUTOFF = 4096
STREAM_OBJECT = 2
ROOT_OBJECT = 5


class DamagedCompoundFile(ValueError):
    """Raised when a compound file's structure does not fit inside the file."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int
    start: int
    size: int


class CompoundFile:
    """The streams of a compound file held in memory, read with bounds checks."""

    def __init__(self, data: bytes) -> None:
        if len(data) < HEADER_BYTES:
            raise DamagedCompoundFile("compound file header cut short")
        self.data = data
        sector_shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if sector_shift not in (9, 12) or mini_shift != 6:
            raise DamagedCompoundFile("invalid sector size in compound file header")
        self.sector_size = 1 << sector_shift
        self.sectors = len(data) // self.sector_size - 1  # the header fills sector -1

        directory_start = struct.unpack_from("<I", data, 48)[0]
        mini_fat_start = struct.unpack_from("<I", data, 60)[0]
        counts = struct.unpack_from("<II", data, 40) + struct.unpack_from("<I", data, 64)
        counts += struct.unpack_from("<I", data, 72)
        if any(count > self.sectors for count in counts):
            raise DamagedCompoundFile("compound file header counts more sectors than the file has")

        self.fat = self._read_fat()
        self.entries = self._read_directory(directory_start)
        root = self.entries[0] if self.entries else None
        if root is None or root.kind != ROOT_OBJECT:
            raise DamagedCompoundFile("compound file has no root entry")
        has_mini_fat = mini_fat_start <= MAX_REGULAR_SECTOR
        self.mini_fat = _unpack_words(self._chain(mini_fat_start)) if has_mini_fat else []
        self.mini_stream = self._chain(root.start)[: root.size] if root.size else b""

    def stream(self, *names: str) -> bytes | None:
        """Return the first stream with one of ``names``, or None if there is none."""
        for entry in self.entries:
            if entry.kind == STREAM_OBJECT and entry.name in names:
                if entry.size < MINI_STREAM_CUTOFF:
                    return self._mini_chain(entry.start)[: entry.size]
                return self._chain(entry.start)[: entry.size]
        return None

    def _sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise DamagedCompoundFile("compound file points past the end of the file")
        start = (number + 1) * self.sector_size
        return self.data[start : start + self.sector_size]

    def _read_fat(self) -> list[int]:
        fat_sectors = list(struct.unpack_from(f"<{HEADER_DIFAT_ENTRIES}I", self.data, 76))
        difat_sector = struct.unpack_from("<I", self.data, 68)[0]
        for _ in range(self.sectors):  # a DIFAT chain longer than the file is a loop
            if difat_sector > MAX_REGULAR_SECTOR:
                break
            words = _unpack_words(self._sector(difat_sector))
            fat_sectors.extend(words[:-1])
            difat_sector = words[-1]

        fat: list[int] = []
        for number in fat_sectors:
            if number <= MAX_REGULAR_SECTOR:
                fat.extend(_unpack_words(self._sector(number)))
        return fat

    def _chain(self, start: int) -> bytes:
        """Return the sectors of the chain starting at ``start``, joined."""
        parts = []
        sector = start
        for _ in range(self.sectors + 1):
            if sector == END_OF_CHAIN:
                return b"".join(parts)
            if sector >= len(self.fat):
                raise DamagedCompoundFile("compound file chain points past the end of the file")
            parts.append(self._sector(sector))
            sector = self.fat[sector]
        raise DamagedCompoundFile("compound file chain does not end")

    def _mini_chain(self, start: int) -> bytes:
        parts = []
        sector = start
        for _ in range(len(self.mini_fat) + 1):
            if sector == END_OF_CHAIN:
                return b"".join(parts)
            if sector >= len(self.mini_fat):
                raise DamagedCompoundFile("compound file mini chain points past its end")
            offset = sector * MINI_SECTOR_BYTES
            parts.append(self.mini_stream[offset : offset + MINI_SECTOR_BYTES])
            sector = self.mini_fat[sector]
        raise DamagedCompoundFile("compound file mini chain does not end")

    def _read_directory(self, start: int) -> list[_Entry]:
        directory = self._chain(start)
        entries = []
        for offset in range(0, len(directory) - DIRECTORY_ENTRY_BYTES + 1, DIRECTORY_ENTRY_BYTES):
            name_bytes = struct.unpack_from("<H", directory, offset + 64)[0]
            raw_name = directory[offset : offset + min(name_bytes, 64)]
            name = raw_name.decode("utf-16-le", "replace").rstrip("\0")
            kind = directory[offset + 66]
            start_sector, size_low, size_high = struct.unpack_from("<III", directory, offset + 116)
            # Version 3 files may leave garbage in the high half of the size.
            size = size_low if self.sector_size == 512 else size_low | size_high << 32
            if size > len(self.data):
                raise DamagedCompoundFile("compound file names a stream larger than the file")
            entries.append(_Entry(name, kind, start_sector, size))
        return entries


def _unpack_words(block: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(block) // 4}I", block[: len(block) // 4 * 4]))
