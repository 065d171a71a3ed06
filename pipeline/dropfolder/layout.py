"""The drop folder's layout under one root, which files in the inbox are taken, and
where a finished file goes.

    ROOT/待导入/   staff drop timetables here
    ROOT/已导入/   files that were published, each with its report beside it
    ROOT/未导入/   files that were refused, each with its report beside it
    ROOT/报告/     exports and batch summaries
    ROOT/.paike/   paike's own: the folder lock, reports being written, and the
                   outdated reports of earlier attempts (旧结果/)
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError, PaikeError
from pipeline.loading import SUPPORTED_SUFFIXES, is_lock_or_temp_file
from pipeline.loading.paths import REPORT_SUFFIX as CHECK_REPORT_SUFFIX

INBOX = "待导入"
PUBLISHED = "已导入"
REFUSED = "未导入"
REPORTS = "报告"
PRIVATE = ".paike"
OLD_RESULTS = "旧结果"

# Endings of the reports written beside a processed file: each report is named the
# file's stem plus one of these, so 课表.xlsx gets 课表.说明.txt and so on.
NOTE_SUFFIX = ".说明.txt"
RUN_REPORT_SUFFIX = ".发布结果.xlsx"
RUN_SUMMARY_SUFFIX = ".发布结果.json"
REPORT_SUFFIXES = (NOTE_SUFFIX, CHECK_REPORT_SUFFIX, RUN_REPORT_SUFFIX, RUN_SUMMARY_SUFFIX)

# Files a desktop or a file server leaves in every folder; never a timetable.
SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}

# Highest number tried for "name (N).xlsx" before giving up on a free name.
MAX_NUMBERED_NAMES = 9999


@dataclass(frozen=True)
class DropFolder:
    """The folders under one drop root."""

    root: Path

    @property
    def inbox(self) -> Path:
        return self.root / INBOX

    @property
    def published(self) -> Path:
        return self.root / PUBLISHED

    @property
    def refused(self) -> Path:
        return self.root / REFUSED

    @property
    def reports(self) -> Path:
        return self.root / REPORTS

    @property
    def private(self) -> Path:
        return self.root / PRIVATE

    @property
    def staging(self) -> Path:
        """Where reports are written before they are renamed beside their file.

        It is under the root, so the rename stays on one filesystem.
        """
        return self.private / "staging"

    @property
    def old_results(self) -> Path:
        """Where outdated reports of earlier attempts are moved, one subfolder per result folder."""
        return self.private / OLD_RESULTS

    @property
    def lock_file(self) -> Path:
        return self.private / "folder.lock"

    def ensure(self) -> "DropFolder":
        """Create the folders that are missing; raise ConfigError naming one that cannot be."""
        for folder in (self.inbox, self.published, self.refused, self.reports, self.staging):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ConfigError("dropfolder.cannot_create", path=str(folder), reason=describe_os_error(error)) from None
            if not folder.is_dir():
                raise ConfigError("dropfolder.not_a_folder", path=str(folder))
        return self


def resolve_root(given: str | os.PathLike[str] | None, configured: str | None) -> DropFolder:
    """Return the drop folder from the ROOT argument, else from ``drop_root`` in the settings."""
    chosen = given or configured
    if not chosen:
        raise ConfigError("dropfolder.no_root")
    return DropFolder(Path(chosen).expanduser().absolute())


def is_ignored(path: Path) -> bool:
    """Return True for files the watcher leaves alone: office lock files, temp and hidden files."""
    name = path.name
    return name.startswith(".") or name.lower() in SYSTEM_FILES or is_lock_or_temp_file(path)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def is_report_name(name: str) -> bool:
    """Return True for the name of a report paike writes beside a processed file."""
    return name.endswith(REPORT_SUFFIXES)


def owner_stems(folder: Path) -> set[str]:
    """Return the casefolded stems of the files in ``folder`` that are not paike's reports.

    Reports carry their file's stem, so a stem in this set has a file that its reports
    still describe. Casefolded because Windows shares ignore case. Raises OSError when
    the folder cannot be listed.
    """
    return {entry.stem.casefold() for entry in folder.iterdir() if not is_report_name(entry.name)}


def numbered_name(folder: Path, name: str, taken=None) -> Path:
    """Return ``folder/name``, or ``folder/stem (2).suffix`` and up when that is taken.

    ``taken(candidate)`` returns whether a candidate is in use (by default, whether it exists).
    """
    taken = taken or (lambda candidate: candidate.exists())
    original = Path(name)
    candidate = folder / name
    number = 1
    while taken(candidate):
        number += 1
        if number > MAX_NUMBERED_NAMES:
            raise PaikeError("dropfolder.no_free_name", folder=str(folder), name=name)
        candidate = folder / f"{original.stem} ({number}){original.suffix}"
    return candidate


def describe_os_error(error: OSError) -> str:
    """Return a short reason for an OSError in the user's language."""
    from pipeline.i18n import t

    reasons = {
        errno.ENOSPC: "dropfolder.reason.disk_full",
        errno.EDQUOT: "dropfolder.reason.disk_full",
        errno.EACCES: "dropfolder.reason.no_permission",
        errno.EPERM: "dropfolder.reason.no_permission",
        errno.EROFS: "dropfolder.reason.read_only",
        errno.EXDEV: "dropfolder.reason.other_disk",
        errno.ENOENT: "dropfolder.reason.missing",
    }
    key = reasons.get(error.errno)
    return t(key) if key else (error.strerror or str(error))
