"""``paike export schedules|devices|room-devices``: live API data to Excel workbooks.

Each command checks its flags and the output file before any API call, runs one
library export, and prints where the file went. An API failure exits 3 and leaves no
file behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from pipeline.cli import EXIT_OK, EXIT_ROOMS_FAILED
from pipeline.cli.output import print_error, print_json, stderr, stdout
from pipeline.client.api import ApiClient
from pipeline.client.pagination import PaginationError
from pipeline.config import Settings
from pipeline.errors import ApiError
from pipeline.export.files import refuse_existing
from pipeline.export.summary import ExportSummary
from pipeline.i18n import t
from pipeline.publishing.ledger import Ledger

ROOM_DIGITS = (14, 15)


def register(cli: click.Group) -> None:
    @cli.group("export", help=t("export.cli.help"))
    def export() -> None:
        pass

    @export.command("schedules", help=t("export.cli.help_schedules"))
    @click.option("--room", "rooms", multiple=True, callback=_check_rooms, help=t("export.cli.help_room"))
    @click.option("--from", "from_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help=t("export.cli.help_from"))
    @_output_options
    @click.pass_obj
    def schedules(state, rooms, from_files, output, force, as_json) -> int:
        from pipeline.export.schedules import export_room_schedules

        settings = state.settings().require_credentials()
        destination = _destination(output, "schedules", force)
        room_ids, course_info = _rooms_to_export(settings, rooms, from_files)
        return _run(settings, as_json, lambda client: export_room_schedules(
            client, room_ids, destination, overwrite=force, course_info=course_info))

    @export.command("devices", help=t("export.cli.help_devices"))
    @click.option("--zone", "zone_id", type=click.IntRange(0), help=t("export.cli.help_zone"))
    @click.option("--with-activation", is_flag=True, help=t("export.cli.help_with_activation"))
    @_output_options
    @click.pass_obj
    def devices(state, zone_id, with_activation, output, force, as_json) -> int:
        from pipeline.export.devices import export_device_inventory

        settings = state.settings().require_credentials()
        destination = _destination(output, "devices", force)

        def run_export(client: ApiClient) -> ExportSummary:
            with activation_progress(enabled=with_activation) as on_progress:
                return export_device_inventory(client, destination, zone_id=zone_id, with_activation=with_activation,
                                               overwrite=force, on_progress=on_progress)

        return _run(settings, as_json, run_export)

    @export.command("room-devices", help=t("export.cli.help_room_devices"))
    @click.option("--room", "rooms", multiple=True, required=True, callback=_check_rooms,
                  help=t("export.cli.help_room_required"))
    @_output_options
    @click.pass_obj
    def room_devices(state, rooms, output, force, as_json) -> int:
        from pipeline.export.room_devices import export_room_devices

        settings = state.settings().require_credentials()
        destination = _destination(output, "room_devices", force)
        return _run(settings, as_json, lambda client: export_room_devices(client, rooms, destination, overwrite=force))


def _output_options(command: Callable) -> Callable:
    """Add -o/--output, --force and --json, the flags every export shares."""
    command = click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))(command)
    command = click.option("--force", is_flag=True, help=t("export.cli.help_force"))(command)
    return click.option("-o", "--output", type=click.Path(dir_okay=False), help=t("export.cli.help_output"))(command)


def _check_rooms(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    rooms = tuple(value.strip() for value in values)
    for room in rooms:
        if not room.isdigit() or len(room) not in ROOM_DIGITS:
            raise click.BadParameter(t("export.cli.bad_room", room=room))
    return rooms


def _destination(output: str | None, kind: str, force: bool) -> Path:
    """Return the output path, refusing an existing file unless --force, before any call."""
    if output:
        destination = Path(output)
    else:
        stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
        destination = Path(t(f"export.cli.default_name_{kind}", stamp=stamp))
    refuse_existing(destination, force)
    return destination


def _rooms_to_export(settings: Settings, rooms, from_files) -> tuple[list[str], dict]:
    """Return the rooms named by --room and --from, or every room in the ledger, and
    the course info the ledger remembers for them."""
    room_ids = list(rooms)
    for path in from_files:
        found = _rooms_in_file(path)
        if not found:
            raise click.UsageError(t("export.cli.from_unreadable", path=path))
        room_ids.extend(found)

    ledger = Ledger(settings.state_path)
    try:
        if not rooms and not from_files:
            room_ids = ledger.known_rooms()
        course_info = {room: info for room in room_ids if (info := ledger.course_info(room))}
    finally:
        ledger.close()
    if not room_ids:
        raise click.UsageError(t("export.cli.no_rooms"))
    return sorted(dict.fromkeys(room_ids)), course_info


def _rooms_in_file(path: str) -> list[str]:
    from pipeline.loading import load_files

    table = load_files([path])
    values = table.frame["room_id"].dropna() if len(table.frame) else []
    return sorted({str(value) for value in values if str(value).isdigit() and len(str(value)) in ROOM_DIGITS})


def _run(settings: Settings, as_json: bool, export: Callable[[ApiClient], ExportSummary]) -> int:
    """Run one export with a client; print the outcome; return the exit code."""
    client = ApiClient(settings)
    try:
        summary = export(client)
    except (ApiError, PaginationError) as error:
        print_error(t("export.failed", message=error.message))
        return EXIT_ROOMS_FAILED
    finally:
        client.close()

    if as_json:
        print_json(summary.to_dict())
        return EXIT_OK
    for room in summary.skipped_rooms:
        stderr.print(t("export.cli.skipped_room", room=room))
    key = "export.cli.empty" if summary.empty else "export.cli.done"
    stdout.print(t(key, rows=summary.rows, path=summary.path, calls=summary.calls))
    return EXIT_OK


@contextmanager
def activation_progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Yield an on_progress callback that drives a progress bar on stderr, or None."""
    if not enabled:
        yield None
        return
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=stderr, transient=True)
    task = progress.add_task(t("export.cli.progress_activation"), total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        yield on_progress
