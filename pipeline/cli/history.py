"""``paike history``, ``paike undo`` and ``paike clear``: the ledger of runs, putting
rooms back as they were before a run, and emptying a room."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import click
from rich.table import Table

from pipeline.cli import EXIT_OK, EXIT_ROOMS_FAILED, EXIT_USAGE
from pipeline.cli.output import print_error, print_json, stdout
from pipeline.cli.publish import print_results, RoomProgress
from pipeline.client.api import ApiClient
from pipeline.errors import ApiError
from pipeline.i18n import t
from pipeline.locking import account_lock
from pipeline.publishing.ledger import Ledger
from pipeline.publishing.publisher import PublishOptions
from pipeline.publishing.run import run_publish


def register(cli: click.Group) -> None:
    @cli.command("history", help=t("cli.help.history"))
    @click.option("--limit", default=20, show_default=True, type=click.IntRange(1), help=t("cli.help.history_limit"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def history(state, limit, as_json) -> int:
        ledger = Ledger(state.settings().state_path)
        try:
            runs = ledger.runs(limit)
        finally:
            ledger.close()
        if as_json:
            print_json({"runs": [run.__dict__ for run in runs]})
            return EXIT_OK
        table = Table(show_header=True, header_style="bold")
        for key in ("run", "time", "command", "mode", "files", "rooms", "result"):
            table.add_column(t(f"cli.history.col.{key}"), overflow="fold")
        for run in runs:
            counts = ", ".join(f"{t('cli.status.' + status)} {count}" for status, count in run.summary.items())
            started = run.started_at[:19].replace("T", " ")
            names = "\n".join(Path(path).name for path in run.files)
            table.add_row(str(run.id), started, run.command, run.mode, names, str(run.rooms),
                          f"{t('cli.run_status.' + run.status)} {counts}".strip())
        stdout.print(table)
        return EXIT_OK

    @cli.command("undo", help=t("cli.help.undo"))
    @click.argument("run_id", type=int)
    @click.option("--yes", is_flag=True, help=t("cli.help.yes"))
    @click.option("--allow-deletes", is_flag=True, help=t("cli.help.allow_deletes"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def undo(state, run_id, yes, allow_deletes, as_json) -> int:
        settings = state.settings()
        settings.require_credentials()
        ledger = Ledger(settings.state_path)
        client = ApiClient(settings)
        try:
            if ledger.run(run_id) is None:
                print_error(t("cli.undo.no_such_run", run=run_id))
                return EXIT_USAGE
            snapshots = ledger.snapshots(run_id)
            if not snapshots:
                stdout.print(t("cli.undo.nothing", run=run_id))
                return EXIT_OK
            options = PublishOptions(
                mode="replace",
                allow_deletes=allow_deletes,
                delete_guard_ratio=settings.delete_guard_ratio,
                delete_guard_min=settings.delete_guard_min,
                workers=settings.workers,
            )
            preview = run_publish(client, ledger, snapshots, _dry(options), [])
            if not as_json:
                print_results(preview.results, note="cli.undo.preview_note")
            later = ledger.later_runs_touching(run_id, list(snapshots))
            if later:
                print_error(t("cli.undo.later_runs", run=run_id, later=", ".join(str(number) for number in later)))
            if not yes and not confirmed(t("cli.undo.confirm", run=run_id, rooms=len(snapshots))):
                stdout.print(t("cli.aborted"))
                return EXIT_USAGE
            with account_lock(settings, wait=False, command="undo"), RoomProgress(len(snapshots), as_json) as on_result:
                run = run_publish(client, ledger, snapshots, options, [], on_result=on_result, command=f"undo {run_id}")
        finally:
            client.close()
            ledger.close()
        if as_json:
            print_json({"run_id": run.run_id, "undone_run": run_id,
                        "results": [result.to_dict() for result in run.results]})
        else:
            print_results(run.results)
        return EXIT_OK if run.ok else EXIT_ROOMS_FAILED

    @cli.command("clear", help=t("cli.help.clear"))
    @click.option("--room", "rooms", multiple=True, required=True, help=t("cli.help.clear_room"))
    @click.option("--yes", is_flag=True, help=t("cli.help.yes"))
    @click.pass_obj
    def clear(state, rooms, yes) -> int:
        settings = state.settings()
        settings.require_credentials()
        invalid = [room for room in rooms if not ROOM_ID.fullmatch(room)]
        if invalid:
            raise click.BadParameter(t("cli.clear.invalid_room", rooms=", ".join(invalid)), param_hint="--room")
        if not yes and not confirmed(t("cli.clear.confirm", rooms=", ".join(rooms))):
            stdout.print(t("cli.aborted"))
            return EXIT_USAGE
        ledger = Ledger(settings.state_path)
        client = ApiClient(settings)
        failed = 0
        try:
            with account_lock(settings, wait=False, command="clear"):
                run_id = ledger.start_run("clear", "replace", [])
                for room_id in rooms:
                    failed += not _clear_room(client, ledger, run_id, room_id)
                counts = {"done": len(rooms) - failed, "failed": failed}
                ledger.finish_run(run_id, "failed" if failed else "done", counts)
        finally:
            client.close()
            ledger.close()
        if failed < len(rooms):
            stdout.print(t("cli.clear.done", run=run_id))
        return EXIT_ROOMS_FAILED if failed else EXIT_OK


def confirmed(question: str) -> bool:
    """Ask a yes/no question on stderr; no answer (end of input, Ctrl-C) counts as no."""
    try:
        return click.confirm(question, err=True)
    except click.Abort:
        return False


# A live-room number: 14 or 15 digits.
ROOM_ID = re.compile(r"[0-9]{14,15}")


def _clear_room(client: ApiClient, ledger: Ledger, run_id: int, room_id: str) -> bool:
    try:
        live = client.get_all_schedule(room_id)
        ledger.record_before(run_id, room_id, live)
        client.delete_all_schedule(room_id)
    except ApiError as error:
        ledger.record_result(run_id, room_id, "failed", error.code, error.msg, None)
        print_error(t("cli.clear.failed", room=room_id, message=error.message))
        return False
    ledger.record_result(run_id, room_id, "done", 0, "", {"delete": len(live)})
    stdout.print(t("cli.clear.room_done", room=room_id, count=len(live)))
    return True


def _dry(options: PublishOptions) -> PublishOptions:
    return replace(options, dry_run=True)
