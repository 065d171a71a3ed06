"""Print validation problems to the terminal, grouped by file and by kind, with counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import islice

from rich.markup import escape

from pipeline.cli.output import stdout
from pipeline.i18n import t
from pipeline.problems import Problem

# Past this many problems of one kind in one file, the terminal shows a count and
# points to the annotated workbook, which lists them all.
SHOWN_PER_KIND = 20


def print_problems(problems: list[Problem]) -> None:
    """Print every file's problems grouped by kind, errors first, each with its place.

    A list rather than a table, so long Chinese messages stay readable in a narrow
    terminal.
    """
    by_file: dict[str | None, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.file].append(problem)
    for file, items in by_file.items():
        errors = sum(1 for problem in items if problem.is_error)
        stdout.print(t("cli.check.file_heading", file=file or "-", errors=errors, warnings=len(items) - errors),
                     style="bold", highlight=False)
        for code, group in _by_kind(items).items():
            _print_kind(code, group)


def _by_kind(problems: list[Problem]) -> dict[str, list[Problem]]:
    groups: dict[str, list[Problem]] = defaultdict(list)
    for problem in sorted(problems, key=lambda item: not item.is_error):
        groups[problem.code].append(problem)
    return groups


def _print_kind(code: str, problems: list[Problem]) -> None:
    is_error = problems[0].is_error
    level = t("cli.level.error") if is_error else t("cli.level.warning")
    style = "red" if is_error else "yellow"
    stdout.print(f"  [{style}]{level}[/] {code} × {len(problems)}")
    for problem in islice(problems, SHOWN_PER_KIND):
        stdout.print(f"    · {escape(place(problem))}：{escape(problem.message)}", highlight=False)
    hidden = len(problems) - SHOWN_PER_KIND
    if hidden > 0:
        stdout.print("    " + t("cli.check.more_of_kind", count=hidden))


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
