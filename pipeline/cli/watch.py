"""``paike watch`` and ``paike batch``: the drop folder as a service and as a weekly job."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Iterator

import click

from pipeline.cli import EXIT_OK, EXIT_ROOMS_FAILED
from pipeline.cli.output import stdout
from pipeline.config import Settings
from pipeline.dropfolder.batch import run_batch
from pipeline.dropfolder.layout import DropFolder, resolve_root
from pipeline.dropfolder.processor import DropProcessor
from pipeline.dropfolder.watcher import watch as watch_inbox
from pipeline.i18n import t
from pipeline.locking import folder_lock
from pipeline.logs import file_log
from pipeline.publishing.ledger import Ledger

logger = logging.getLogger("pipeline.dropfolder")

DEFAULT_SETTLE_SECONDS = 3.0


def register(cli: click.Group) -> None:
    @cli.command("watch", help=t("dropfolder.help.watch"))
    @click.argument("root", required=False, type=click.Path(file_okay=False))
    @click.option("--poll", "poll_seconds", type=click.FloatRange(min=0.1), metavar="SECONDS",
                  help=t("dropfolder.help.poll"))
    @click.option("--settle", "settle_seconds", type=click.FloatRange(min=0), default=DEFAULT_SETTLE_SECONDS,
                  metavar="SECONDS", show_default=True, help=t("dropfolder.help.settle"))
    @click.pass_obj
    def watch(state, root, poll_seconds, settle_seconds) -> int:
        settings = state.settings().require_credentials()
        folder = resolve_root(root, settings.drop_root).ensure()
        with _serving(settings, folder, "watch") as stop:
            ledger = Ledger(settings.state_path)
            processor = DropProcessor(settings, folder, ledger, "watch", stop)
            try:
                processor.finish_interrupted_moves()
                watch_inbox(folder, processor, settle_seconds, poll_seconds, stop)
            finally:
                processor.close()
                ledger.close()
        return EXIT_OK

    @cli.command("batch", help=t("dropfolder.help.batch"))
    @click.argument("root", required=False, type=click.Path(file_okay=False))
    @click.option("--settle", "settle_seconds", type=click.FloatRange(min=0), default=DEFAULT_SETTLE_SECONDS,
                  metavar="SECONDS", show_default=True, help=t("dropfolder.help.settle"))
    @click.pass_obj
    def batch(state, root, settle_seconds) -> int:
        settings = state.settings().require_credentials()
        folder = resolve_root(root, settings.drop_root).ensure()
        with _serving(settings, folder, "batch") as stop:
            ledger = Ledger(settings.state_path)
            try:
                report = run_batch(settings, folder, ledger, settle_seconds, stop)
            finally:
                ledger.close()
        stdout.print(report.summary_text, markup=False)
        if report.summary_path:
            stdout.print(t("dropfolder.summary_written", path=report.summary_path), markup=False)
        else:
            logger.error(t("dropfolder.log.summary_unwritten", folder=str(folder.reports)))
        return EXIT_ROOMS_FAILED if report.failed or report.summary_path is None else EXIT_OK


@contextlib.contextmanager
def _serving(settings: Settings, folder: DropFolder, command: str) -> Iterator[threading.Event]:
    """Open the log file, take the folder lock and route stop signals, for one command."""
    with file_log(settings.state_path), folder_lock(folder.lock_file, folder.root, command), \
            stop_on_signals() as stop:
        yield stop


@contextlib.contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """Turn the first SIGTERM or Ctrl-C into a stop request; the second one interrupts.

    The work in progress checks the event between files, so the current file is finished.
    Outside the main thread (tests running the command in a thread) signals stay as they are.
    """
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def request_stop(number: int, _frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        logger.warning(t("dropfolder.log.stopping", signal=signal.Signals(number).name))

    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, request_stop) for number in handled}
    try:
        yield stop
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
