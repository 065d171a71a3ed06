"""Print validation problems to the terminal, grouped by file and by kind, with counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import islice

from rich.markup import escape
from rich.table import Table

from pipeline.cli.output import stdout
from pipeline.i18n import t
from pipeline.problems import Problem

# Past this many problems of one kind in one file, the terminal shows a count and
# points to the annotated workbook, which lists them all.
SHOWN_PER_KIND = 20


def print_problems(problems: list[Problem]) -> None:
    """Print every file's problems as a table per file, errors before warnings."""
    by_file: dict[str | None, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.file].append(problem)
    for file, items in by_file.items():
        stdout.print(t("cli.check.file_heading", file=file or "-"), style="bold")
        stdout.print(_problem_table(items))


def _problem_table(problems: list[Problem]) -> Table:
    table = Table(show_header=True, header_style="bold", show_lines=False)
    table.add_column(t("cli.col.level"))
    table.add_column(t("cli.col.place"))
    table.add_column(t("cli.col.code"))
    table.add_column(t("cli.col.message"), overflow="fold")
    by_code: dict[str, list[Problem]] = defaultdict(list)
    for problem in sorted(problems, key=lambda item: (not item.is_error)):
        by_code[problem.code].append(problem)
    for code, items in by_code.items():
        for problem in islice(items, SHOWN_PER_KIND):
            level = t("cli.level.error") if problem.is_error else t("cli.level.warning")
            style = "red" if problem.is_error else "yellow"
            table.add_row(f"[{style}]{level}[/]", escape(place(problem)), code, escape(problem.message))
        hidden = len(items) - SHOWN_PER_KIND
        if hidden > 0:
            table.add_row("", "", code, t("cli.check.more_of_kind", count=hidden))
    return table


def place(problem: Problem) -> str:
    """Return where a problem is, as the user would look for it: sheet, row, column."""
    parts = []
    if problem.sheet:
        parts.append(t("cli.place.sheet", sheet=problem.sheet))
    if problem.row:
        parts.append(t("cli.place.row", row=problem.row))
    if problem.column:
        parts.append(t("cli.place.column", column=problem.column))
    return " ".join(parts) or t("cli.place.whole_file")


def count_line(problems: list[Problem]) -> str:
    """Return a one-line count such as '3 errors, 1 warning (2 duplicate_serial, ...)'."""
    errors = sum(1 for problem in problems if problem.is_error)
    warnings = len(problems) - errors
    kinds = Counter(problem.code for problem in problems)
    detail = ", ".join(f"{code} × {count}" for code, count in kinds.most_common())
    return t("cli.check.counts", errors=errors, warnings=warnings, detail=detail)
