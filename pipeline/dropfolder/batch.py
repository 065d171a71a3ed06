"""The weekly job, ``paike batch``: process the inbox once, then export the device
inventory and the current schedule of every known room to 报告/, and write a one-page
summary there. Every file name carries the date of the run."""

from __future__ import annotations

import datetime
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.client.api import ApiClient
from pipeline.config import Settings
from pipeline.dropfolder.layout import DropFolder, describe_os_error, numbered_name
from pipeline.dropfolder.outcome import FileOutcome
from pipeline.dropfolder.processor import DropProcessor
from pipeline.dropfolder.summary import write_summary
from pipeline.dropfolder.watcher import process_inbox_once
from pipeline.errors import PaikeError
from pipeline.i18n import t
from pipeline.locking import account_lock
from pipeline.publishing.ledger import Ledger

logger = logging.getLogger(__name__)

DEVICES_NAME = "设备清单-{date}.xlsx"
SCHEDULES_NAME = "教室课表-{date}.xlsx"
SUMMARY_NAME = "批处理摘要-{date}.txt"


@dataclass
class ExportResult:
    """One export of the batch: the file written, or why there is none."""

    kind: str  # "devices" or "schedules"
    path: Path | None = None
    rows: int = 0
    rooms: int = 0
    error: str = ""

    @property
    def failed(self) -> bool:
        return self.path is None


@dataclass
class BatchReport:
    """Everything one batch run did."""

    started: datetime.datetime
    finished: datetime.datetime | None = None
    root: Path | None = None
    files: list[FileOutcome] = field(default_factory=list)
    exports: list[ExportResult] = field(default_factory=list)
    summary_path: Path | None = None
    summary_text: str = ""
    # True when a stop signal cut the run short, so some work was not done.
    stopped: bool = False

    @property
    def failed(self) -> bool:
        if self.stopped:
            return True
        return any(outcome.failed for outcome in self.files) or any(export.failed for export in self.exports)


def run_batch(
    settings: Settings,
    folder: DropFolder,
    ledger: Ledger,
    settle_seconds: float,
    stop: threading.Event,
) -> BatchReport:
    """Process the inbox once, export, and write the summary; return what happened."""
    report = BatchReport(started=datetime.datetime.now().astimezone(), root=folder.root)
    date = report.started.date().isoformat()
    processor = DropProcessor(settings, folder, ledger, "batch", stop)
    try:
        processor.finish_interrupted_moves()
        report.files = process_inbox_once(folder, processor, settle_seconds, stop)
        if not stop.is_set():
            with account_lock(settings, wait=True, command="batch", stop=stop):
                report.exports = export_all(processor.client, folder, ledger, date)
    finally:
        processor.close()

    report.stopped = stop.is_set()
    report.finished = datetime.datetime.now().astimezone()
    destination = numbered_name(folder.reports, SUMMARY_NAME.format(date=date))
    report.summary_path, report.summary_text = write_summary(report, destination)
    return report


def export_all(client: ApiClient, folder: DropFolder, ledger: Ledger, date: str) -> list[ExportResult]:
    """Write the device inventory and the schedules of every room in the ledger."""
    return [
        _export("devices", lambda path: _export_devices(client, path), folder, DEVICES_NAME.format(date=date)),
        _export("schedules", lambda path: _export_schedules(client, ledger, path), folder,
                SCHEDULES_NAME.format(date=date)),
    ]


def _export_devices(client: ApiClient, path: Path) -> ExportResult:
    # Imported here so the drop folder works even where the export modules cannot load.
    from pipeline.export.devices import export_device_inventory

    summary = export_device_inventory(client, path)
    return ExportResult("devices", summary.path, rows=summary.rows)


def _export_schedules(client: ApiClient, ledger: Ledger, path: Path) -> ExportResult:
    from pipeline.export.schedules import export_room_schedules

    rooms = ledger.known_rooms()
    # The API cannot read back a room's course title, so the ledger's last one is used.
    course_info = {room: info for room in rooms if (info := ledger.course_info(room))}
    summary = export_room_schedules(client, rooms, path, course_info=course_info)
    return ExportResult("schedules", summary.path, rows=summary.rows, rooms=len(rooms) - len(summary.skipped_rooms))


def _export(kind: str, write, folder: DropFolder, name: str) -> ExportResult:
    """Run one export into a free name in 报告/; turn its failure into a result."""
    started = time.monotonic()
    try:
        result = write(numbered_name(folder.reports, name))
    except PaikeError as error:
        return _failed_export(kind, error.message)
    except OSError as error:
        return _failed_export(kind, describe_os_error(error))
    logger.info(t("dropfolder.log.export_done", kind=t(f"dropfolder.export.{kind}"), path=str(result.path),
                  rows=result.rows, seconds=round(time.monotonic() - started, 1)))
    return result


def _failed_export(kind: str, reason: str) -> ExportResult:
    logger.error(t("dropfolder.log.export_failed", kind=t(f"dropfolder.export.{kind}"), reason=reason))
    return ExportResult(kind, error=reason)
