"""Expansion of the paths a user gives into files: folders become their spreadsheets,
and lock and temp files are left out."""

from __future__ import annotations

from pathlib import Path

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")

# paike's own annotated copies (``<name>.检查结果.xlsx``) sit beside the inputs; a folder
# never loads them as timetables.
REPORT_SUFFIX = ".检查结果.xlsx"

# Partial downloads and editor temp files, which vanish or change while being read.
TEMP_SUFFIXES = (".tmp", ".temp", ".part", ".crdownload", ".download")


def is_lock_or_temp_file(path: str | Path) -> bool:
    """Return True for files an office program or a copy leaves beside the real one.

    Covers Excel and WPS lock files (``~$name.xlsx``), LibreOffice lock files
    (``.~lock.name#``), macOS resource forks (``._name.xlsx``), names starting or ending
    with ``~`` and temp suffixes such as ``.tmp``.
    """
    name = Path(path).name
    if name.startswith(("~", ".~lock.", "._")) or name.endswith("~"):
        return True
    return name.lower().endswith(TEMP_SUFFIXES)


def expand_path(given: str | Path) -> list[str] | None:
    """Return the files to load for one path as the caller gave it.

    A folder gives its spreadsheets (not its subfolders) sorted by name, each joined onto
    the folder as given, or None when it has none. A lock or temp file gives nothing.
    Any other path is returned as given, so the loader reports a missing or wrong file.
    """
    path = Path(given)
    if path.is_dir():
        files = sorted(
            child for child in path.iterdir() if child.is_file() and _is_spreadsheet(child)
        )
        return [str(child) for child in files] or None
    if is_lock_or_temp_file(path):
        return []
    return [str(given)]


def _is_spreadsheet(path: Path) -> bool:
    if path.name.endswith(REPORT_SUFFIX):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not is_lock_or_temp_file(path)
