"""Moving a finished file out of the inbox, with its reports beside it.

Reports are first written into a staging folder under the drop root, then renamed beside
the file's final name, and the input is renamed last. A failure at any step removes the
reports already moved and leaves the input in the inbox, so there is never a report
without its file nor a file half delivered. The input is only ever renamed: its bytes
are never rewritten.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.dropfolder.layout import DropFolder, describe_os_error, numbered_name, owner_stems


class DeliveryFailed(Exception):
    """Raised when the file could not be moved out of the inbox; it is still there."""

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(f"{folder}: {reason}")


class SourceChanged(Exception):
    """Raised when the input changed or vanished while it was being processed."""

    def __init__(self, vanished: bool) -> None:
        self.vanished = vanished
        super().__init__("vanished" if vanished else "changed")


@dataclass(frozen=True)
class FileSignature:
    """A file's size and modification time, which change when it is rewritten."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "FileSignature":
        status = path.stat()
        return cls(status.st_size, status.st_mtime_ns)


@dataclass
class Staging:
    """A private folder holding one file's reports until they are moved beside it.

    Each report is kept with the part of its final name that follows the input's stem,
    such as ``.检查结果.xlsx``, because the stem is known only once a free name is chosen.
    """

    path: Path
    reports: list[tuple[Path, str]] = field(default_factory=list)

    @classmethod
    def create(cls, folder: DropFolder, drop_id: int) -> "Staging":
        path = folder.staging / str(drop_id)
        # A folder left by an interrupted attempt contains nothing worth keeping.
        shutil.rmtree(path, ignore_errors=True)
        try:
            path.mkdir(parents=True)
        except OSError as error:
            raise DeliveryFailed(folder.staging, describe_os_error(error)) from None
        return cls(path)

    def place_for(self, name_suffix: str) -> Path:
        """Return the path to write the report that will end in ``name_suffix``."""
        return self.path / f"report{name_suffix}"

    def add(self, written: Path, name_suffix: str) -> None:
        self.reports.append((written, name_suffix))

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def choose_target(source: Path, destination_folder: Path) -> Path:
    """Return a free name in ``destination_folder`` for the input.

    A name is taken when a file other than paike's reports has its stem there: 课表.csv
    takes 课表.xlsx too, because both would get the note 课表.说明.txt. Reports left
    without their file do not take a name (see :mod:`pipeline.dropfolder.old_results`).
    Raises :class:`DeliveryFailed` when the folder cannot be listed.
    """
    try:
        owners = owner_stems(destination_folder)
    except OSError as error:
        raise DeliveryFailed(destination_folder, describe_os_error(error)) from None

    def taken(candidate: Path) -> bool:
        return candidate.stem.casefold() in owners or candidate.exists()

    return numbered_name(destination_folder, source.name, taken)


def report_name(target: Path, name_suffix: str) -> Path:
    return target.with_name(target.stem + name_suffix)


def deliver(
    source: Path,
    signature: FileSignature,
    target: Path,
    staging: Staging,
    before_move: Callable[[], None],
) -> list[Path]:
    """Move the staged reports beside ``target`` and then ``source`` to ``target``.

    Returns the reports' new paths. ``before_move()`` runs just before anything moves
    (the ledger records the target there). Raises :class:`SourceChanged` when the input
    no longer matches ``signature`` and :class:`DeliveryFailed` when a rename fails.
    Either way the input stays where it was and the staging folder is emptied.
    """
    try:
        _check_unchanged(source, signature)
        before_move()
        return _move_all(source, signature, target, staging)
    finally:
        staging.discard()


def _move_all(source: Path, signature: FileSignature, target: Path, staging: Staging) -> list[Path]:
    moved: list[Path] = []
    try:
        for staged, suffix in staging.reports:
            report = report_name(target, suffix)
            os.rename(staged, report)
            moved.append(report)
        _check_unchanged(source, signature)
        os.rename(source, target)
    except (OSError, SourceChanged) as error:
        for report in moved:
            with suppress(OSError):
                report.unlink()
        if isinstance(error, SourceChanged):
            raise
        if isinstance(error, FileNotFoundError) and not source.exists():
            raise SourceChanged(vanished=True) from None
        raise DeliveryFailed(target.parent, describe_os_error(error)) from None
    return moved


def _check_unchanged(source: Path, signature: FileSignature) -> None:
    try:
        current = FileSignature.of(source)
    except FileNotFoundError:
        raise SourceChanged(vanished=True) from None
    if current != signature:
        raise SourceChanged(vanished=False)
