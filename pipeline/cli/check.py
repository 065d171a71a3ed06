"""``paike check``: validate timetables without sending anything."""

from __future__ import annotations

import click

from pipeline.checking import check_files, write_reports
from pipeline.cli import EXIT_INVALID_INPUT, EXIT_OK
from pipeline.cli.output import print_json, stdout
from pipeline.cli.problems_view import count_line, print_problems
from pipeline.i18n import t
from pipeline.publishing.plan import MODES


def register(cli: click.Group) -> None:
    @cli.command("check", help=t("cli.help.check"))
    @click.argument("paths", nargs=-1, required=True, type=click.Path())
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.option("--mode", type=click.Choice(MODES), default="replace", show_default=True, help=t("cli.help.check_mode"))
    @click.option("--report-dir", type=click.Path(file_okay=False), help=t("cli.help.report_dir"))
    @click.option("--no-report", is_flag=True, help=t("cli.help.no_report"))
    def check(paths, as_json, mode, report_dir, no_report) -> int:
        outcome = check_files(paths, mode=mode)
        reports = [] if no_report else write_reports(outcome, report_dir)
        if as_json:
            print_json({**outcome.summary(), "reports": [str(path) for path in reports]})
        else:
            print_check_outcome(outcome, reports)
        return EXIT_OK if outcome.ok else EXIT_INVALID_INPUT


def print_check_outcome(outcome, reports) -> None:
    """Print the problems, the counts, and where the annotated reports are."""
    problems = outcome.result.problems
    if problems:
        print_problems(problems)
        stdout.print(count_line(problems))
    summary = outcome.summary()
    key = "cli.check.ok" if outcome.ok else "cli.check.failed"
    stdout.print(t(key, lessons=summary["lessons"], rooms=summary["rooms"]))
    for path in reports:
        stdout.print(t("cli.check.report_written", path=path))
