"""Deciding when a dropped file is complete: its size and modification time have stayed
the same for a few seconds and it opens as a workbook.

A copy over a network share arrives in pieces, and an xlsx is a zip archive whose
directory is written last, so a half-copied xlsx does not open. A file that is stable
but still does not open after a grace period is taken anyway, so the check reports it
as unreadable instead of leaving it in the inbox for ever.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# Seconds a stable file that does not open is waited for before it is taken anyway.
UNREADABLE_GRACE_SECONDS = 30.0

# First bytes of an Office 97-2003 (.xls) compound file, and of a zip archive (an
# xlsx saved with an .xls name, which the loader also reads).
OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass
class _Observation:
    size: int
    mtime_ns: int
    # Clock reading when the size or mtime last changed (or when first seen).
    changed_at: float


class StabilityTracker:
    """Candidate files and how long each has stayed unchanged."""

    def __init__(
        self,
        settle_seconds: float,
        grace_seconds: float = UNREADABLE_GRACE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settle_seconds = settle_seconds
        self.grace_seconds = grace_seconds
        self.clock = clock
        self._seen: dict[Path, _Observation] = {}

    def __contains__(self, path: Path) -> bool:
        return path in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def note(self, paths: Iterable[Path]) -> None:
        """Start watching these paths; a path already watched keeps its history."""
        for path in paths:
            if path not in self._seen:
                self._observe(path)

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def ready(self, needs_opening: Callable[[Path], bool]) -> list[Path]:
        """Return the watched files that are complete, oldest change first.

        ``needs_opening(path)`` returns whether the file must also open as a workbook.
        Files that vanished are forgotten.
        """
        now = self.clock()
        complete = []
        for path in list(self._seen):
            observation = self._observe(path)
            if observation is None:
                continue
            quiet_for = now - observation.changed_at
            if quiet_for < self.settle_seconds:
                continue
            if not needs_opening(path) or opens_completely(path) or quiet_for >= self.settle_seconds + self.grace_seconds:
                complete.append((observation.changed_at, path.name, path))
        return [path for _, _, path in sorted(complete)]

    def _observe(self, path: Path) -> _Observation | None:
        try:
            status = path.stat()
        except OSError:
            self._seen.pop(path, None)
            return None
        previous = self._seen.get(path)
        if previous and (previous.size, previous.mtime_ns) == (status.st_size, status.st_mtime_ns):
            return previous
        observation = _Observation(status.st_size, status.st_mtime_ns, self.clock())
        self._seen[path] = observation
        return observation


def opens_completely(path: Path) -> bool:
    """Return True when the file can be opened and looks whole for its type.

    Only the container is checked (the zip directory of an xlsx, the header of an xls);
    the loader reads the cells.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            with zipfile.ZipFile(path) as archive:
                return "[Content_Types].xml" in archive.namelist()
        with path.open("rb") as handle:
            head = handle.read(len(OLE2_SIGNATURE))
    except (OSError, zipfile.BadZipFile):
        return False
    if suffix == ".xls":
        return head == OLE2_SIGNATURE or head.startswith(ZIP_SIGNATURE)
    return True
