"""Loading: spreadsheet files in, one :class:`~pipeline.lessons.LessonTable` out.

    load_files(paths)     files and folders; the tables of all files joined
    load_file(path)       one file

Supported: ``.xlsx``/``.xlsm`` and legacy ``.xls`` (read with python-calamine) and
``.csv`` in UTF-8, UTF-8 with BOM, GB18030 or UTF-16. Every visible sheet with a
recognised header row is read. A file that cannot be read never raises: its table
contains one file-level problem (no sheet, row or column) and no rows.

Modules, in the order a file passes through them:

    paths          which files a path names; lock and temp files
    container      what a file really is; zip size, ratio and XML declaration checks
    compound_file, biff    bounds checks of a legacy .xls before calamine opens it
    workbook       calamine reading of workbooks;  csv_file: CSV decoding
    sheet_xml      hidden rows and formulas without a cached value, from the sheet XML
    sheet_extent   the grid size calamine would allocate, checked before it reads
    headers        finding the header row, synonyms, unknown columns
    sheet_lessons  grid -> lesson rows, converted column by column (columns.py)
    dates, times, identifiers, cells    the cell converters
    course_info    the optional 课程信息 sheet
    file_loader    one file -> one table;  tables: joining tables
    limits         every size cap in one place
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.lessons import LessonTable
from pipeline.loading.file_loader import load_one_file
from pipeline.loading.paths import SUPPORTED_SUFFIXES, expand_path, is_lock_or_temp_file
from pipeline.loading.rejection import FileRejected
from pipeline.loading.tables import merge_tables, table_with_problem

__all__ = ["SUPPORTED_SUFFIXES", "is_lock_or_temp_file", "load_file", "load_files"]


def load_files(paths: Iterable[str | Path]) -> LessonTable:
    """Load files and folders into one table whose index is unique across files.

    A folder stands for every spreadsheet directly inside it, sorted by name, without
    lock and temp files. A file named twice is loaded once.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path given bare, not a list of its characters
    tables = []
    seen: set[Path] = set()
    for given in paths:
        files = expand_path(given)
        if files is None:
            empty_folder = FileRejected("no_timetable", "empty_folder")
            tables.append(table_with_problem(empty_folder.problem(str(given))))
            continue
        for file in files:
            identity = _identity(file)
            if identity not in seen:
                seen.add(identity)
                tables.append(load_one_file(file))
    return merge_tables(tables)


def load_file(path: str | Path) -> LessonTable:
    """Load one file; a folder, or a lock or temp file, is handled as by :func:`load_files`."""
    if Path(path).is_dir() or is_lock_or_temp_file(path):
        return load_files([path])
    return load_one_file(path)


def _identity(file: str) -> Path:
    try:
        return Path(file).resolve()
    except OSError:
        return Path(file).absolute()
