"""``paike publish`` and ``paike plan``: check the files, then publish every room or
show what publishing would change."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.checking import CheckOutcome, check_files
from pipeline.cli import EXIT_INVALID_INPUT, EXIT_OK, EXIT_ROOMS_FAILED
from pipeline.cli.check import print_check_outcome
from pipeline.cli.output import print_error, print_json, stderr, stdout
from pipeline.client.api import ApiClient
from pipeline.config import Settings
from pipeline.export.plan_report import write_plan_workbook
from pipeline.export.run_report import write_run_report
from pipeline.i18n import t
from pipeline.locking import account_lock
from pipeline.publishing.ledger import Ledger
from pipeline.publishing.plan import MODES
from pipeline.publishing.publisher import PublishOptions, RoomResult
from pipeline.publishing.run import RunOutcome, run_publish


def register(cli: click.Group) -> None:
    @cli.command("publish", help=t("cli.help.publish"))
    @click.argument("paths", nargs=-1, required=True, type=click.Path())
    @click.option("--mode", type=click.Choice(MODES), default=None, help=t("cli.help.mode"))
    @click.option("--dry-run", is_flag=True, help=t("cli.help.dry_run"))
    @click.option("--allow-deletes", is_flag=True, help=t("cli.help.allow_deletes"))
    @click.option("--report-dir", type=click.Path(file_okay=False), help=t("cli.help.run_report_dir"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def publish(state, paths, mode, dry_run, allow_deletes, report_dir, as_json) -> int:
        settings = state.settings(mode=mode)
        return publish_files(settings, paths, dry_run, allow_deletes, report_dir, as_json)

    @cli.command("plan", help=t("cli.help.plan"))
    @click.argument("paths", nargs=-1, required=True, type=click.Path())
    @click.option("--mode", type=click.Choice(MODES), default=None, help=t("cli.help.mode"))
    @click.option("-o", "--output", type=click.Path(dir_okay=False), help=t("cli.help.plan_output"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def plan(state, paths, mode, output, as_json) -> int:
        settings = state.settings(mode=mode)
        return publish_files(settings, paths, True, False, None, as_json, plan_output=output)


def publish_files(settings: Settings, paths, dry_run: bool, allow_deletes: bool, report_dir,
                  as_json: bool, plan_output: str | None = None) -> int:
    """Check, then publish (or plan); print the outcome; return the exit code."""
    settings.require_credentials()
    # Output places are checked before any API call, so a typo cannot leave a run
    # published but unreported.
    if report_dir:
        Path(report_dir).mkdir(parents=True, exist_ok=True)
    if plan_output:
        Path(plan_output).parent.mkdir(parents=True, exist_ok=True)
    outcome = check_files(paths, mode=settings.mode)
    if not outcome.ok:
        if as_json:
            print_json({**outcome.summary(), "results": []})
        else:
            print_check_outcome(outcome, reports=[])
            stdout.print(t("cli.publish.nothing_sent"))
        return EXIT_INVALID_INPUT

    options = PublishOptions(
        mode=settings.mode,
        dry_run=dry_run,
        allow_deletes=allow_deletes,
        delete_guard_ratio=settings.delete_guard_ratio,
        delete_guard_min=settings.delete_guard_min,
        workers=settings.workers,
    )
    if dry_run:
        run = execute(settings, outcome, options, quiet=as_json)
    else:
        with account_lock(settings, wait=False):
            run = execute(settings, outcome, options, quiet=as_json)
    report = None
    if run.run_id is not None:
        try:
            report = _write_report(settings, outcome, run, report_dir)
        except OSError as error:
            # The rooms are published; only the report is missing, so say exactly that
            # and keep the exit code of the publishing itself.
            destination = report_path_for(settings, run, report_dir)
            stderr.print(t("cli.publish.report_failed", run=run.run_id, path=destination,
                           reason=error.strerror or str(error)), markup=False, highlight=False)
    if plan_output:
        write_plan_workbook([result.plan for result in run.results if result.plan], Path(plan_output))

    if as_json:
        print_json(_json_output(outcome, run, report))
    else:
        print_results(run.results, note="cli.publish.plan_note" if dry_run else None)
        if report:
            stdout.print(t("cli.publish.report_written", path=report))
        if plan_output:
            stdout.print(t("cli.publish.plan_written", path=plan_output))
    return EXIT_OK if all(result.ok for result in run.results) else EXIT_ROOMS_FAILED


def execute(settings: Settings, outcome: CheckOutcome, options: PublishOptions, quiet: bool) -> RunOutcome:
    """Publish the checked lessons with a progress bar and the ledger."""
    client = ApiClient(settings)
    ledger = Ledger(settings.state_path)
    try:
        label = "cli.publish.progress_reading" if options.dry_run else "cli.publish.progress"
        with RoomProgress(len(outcome.result.lessons_by_room()), quiet, label) as on_result:
            return run_publish(client, ledger, outcome.result.lessons_by_room(), options,
                               outcome.files(), outcome.table.course_info, on_result)
    finally:
        client.close()
        ledger.close()


class RoomProgress:
    """A context manager that shows rooms done, failed and remaining on stderr."""

    def __init__(self, total: int, quiet: bool, label: str = "cli.publish.progress") -> None:
        self.counts: Counter[str] = Counter()
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
            console=stderr, disable=quiet,
        )
        self.task = self.progress.add_task(t(label), total=total, detail="")

    def __enter__(self):
        self.progress.start()
        return self.advance

    def __exit__(self, *exc_info) -> None:
        self.progress.stop()

    def advance(self, result: RoomResult) -> None:
        self.counts["ok" if result.ok else "failed"] += 1
        detail = t("cli.publish.progress_detail", ok=self.counts["ok"], failed=self.counts["failed"])
        self.progress.update(self.task, advance=1, detail=detail)


def report_path_for(settings: Settings, run: RunOutcome, report_dir) -> Path:
    """Return where the run report goes: ``--report-dir`` or reports/ in the state folder."""
    folder = Path(report_dir) if report_dir else settings.state_path / "reports"
    return folder / f"run-{run.run_id}.xlsx"


def _write_report(settings: Settings, outcome: CheckOutcome, run: RunOutcome, report_dir) -> Path:
    destination = report_path_for(settings, run, report_dir)
    summary = _json_output(outcome, run, None)
    workbook, _ = write_run_report(run.results, outcome.result.lessons_by_room(), destination, summary)
    return workbook


def _json_output(outcome: CheckOutcome, run: RunOutcome, report: Path | None) -> dict:
    data = {**outcome.summary(), "results": [result.to_dict() for result in run.results]}
    data["run_id"] = run.run_id
    data["counts"] = run.counts
    if report:
        data["report"] = str(report)
    return data


def print_results(results: list[RoomResult], note: str | None = None) -> None:
    """Print a table of rooms with their status and plan counts, then one full line per
    room that needs attention (failed, refused, collisions), so long messages stay
    readable; ``note`` is a catalog key printed last (e.g. that nothing was written)."""
    table = Table(show_header=True, header_style="bold")
    for key in ("room", "status", "add", "update", "delete", "unchanged", "code"):
        table.add_column(t(f"cli.col.{key}"), no_wrap=True)
    for result in results:
        plan = result.plan.summary() if result.plan else {}
        table.add_row(
            result.room_id,
            _status_text(result.status),
            str(plan.get("add", "")),
            str(plan.get("update", "")),
            str(plan.get("delete", "")),
            str(plan.get("unchanged", "")),
            str(result.code or ""),
        )
    stdout.print(table)
    for result in results:
        message = _result_message(result)
        if message:
            stdout.print(t("cli.publish.room_note", room=result.room_id, message=escape(message)))
    statuses = Counter(result.status for result in results)
    stdout.print(t("cli.publish.summary", rooms=len(results), done=statuses["done"], unchanged=statuses["unchanged"],
                   failed=statuses["failed"], refused=statuses["refused"], planned=statuses["planned"]))
    if note:
        stdout.print(t(note))


def _result_message(result: RoomResult) -> str:
    parts = []
    if result.status == "failed":
        parts.append(f"{result.code} {result.msg}".strip())
        if result.hint:
            parts.append(t("cli.publish.hint", hint=result.hint))
    elif result.status == "refused":
        parts.append(result.msg)
        parts.append(t("cli.publish.allow_deletes_hint"))
    if result.plan and result.plan.collisions:
        collided = ", ".join(f"{lesson.date} #{lesson.serial_number}" for lesson in result.plan.collisions)
        parts.append(t("cli.publish.collisions", lessons=collided))
    return " ".join(part for part in parts if part)


def _status_text(status: str) -> str:
    style = {"done": "green", "unchanged": "dim", "planned": "cyan", "refused": "yellow", "failed": "red"}[status]
    return f"[{style}]{t('cli.status.' + status)}[/]"
