"""Processing one dropped file: fingerprint, decide, check, publish, report, move.

The steps, each recorded in the ledger's ``dropped_files`` table:

1. Hash the file (sha256) and open its row, or resume the row an interrupted process
   left for the same bytes.
2. Decide without sending anything: not a timetable file, the same bytes already
   published, or errors in the table all end here.
3. Publish as ``paike publish`` does, holding the account lock. A resumed row whose run
   had already finished is not published again.
4. Write the reports into the staging folder, then move them and the file to 已导入 or
   未导入 by rename (see :mod:`pipeline.dropfolder.delivery`).

Publishing plans against each room's live lessons, so processing the same file again
after a crash writes only what is still missing.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from xlsxwriter.exceptions import XlsxWriterException

from pipeline.checking import REPORT_SUFFIX, CheckOutcome, check_files, is_report_file, write_reports
from pipeline.client.api import ApiClient
from pipeline.config import Settings
from pipeline.dropfolder.delivery import (
    DeliveryFailed,
    FileSignature,
    SourceChanged,
    Staging,
    choose_target,
    deliver,
    report_name,
)
from pipeline.dropfolder.layout import (
    NOTE_SUFFIX,
    REPORT_SUFFIXES,
    RUN_REPORT_SUFFIX,
    RUN_SUMMARY_SUFFIX,
    DropFolder,
    describe_os_error,
    is_supported,
)
from pipeline.dropfolder.old_results import retire_old_reports
from pipeline.dropfolder.outcome import PUBLISHED_OUTCOMES, FileOutcome, note_text
from pipeline.dropfolder.reasons import (
    failed_rooms_reason,
    file_problems_reason,
    guarded_room,
    is_file_level,
    room_failure_reason,
)
from pipeline.errors import PaikeError
from pipeline.export.run_report import write_run_report
from pipeline.i18n import t
from pipeline.locking import LockWaitCancelled, account_lock
from pipeline.publishing.ledger import DropRecord, Ledger, file_sha256
from pipeline.publishing.publisher import PublishOptions, RoomResult
from pipeline.publishing.run import RunOutcome, run_publish

logger = logging.getLogger(__name__)


class _Decided(Exception):
    """Raised inside :meth:`DropProcessor._decide` to end it with an outcome."""

    def __init__(self, outcome: FileOutcome) -> None:
        self.outcome = outcome
        super().__init__(outcome.status)


class DropProcessor:
    """Processes dropped files one at a time for one drop folder and one account."""

    def __init__(
        self,
        settings: Settings,
        folder: DropFolder,
        ledger: Ledger,
        command: str,
        stop: threading.Event | None = None,
    ) -> None:
        self.settings = settings
        self.folder = folder
        self.ledger = ledger
        self.command = command
        self.stop = stop or threading.Event()
        self._client: ApiClient | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> ApiClient:
        if self._client is None:
            self._client = ApiClient(self.settings)
        return self._client

    def process(self, path: Path) -> FileOutcome:
        """Process one file from the inbox.

        A problem with the file, the folders or the API ends in an outcome, not an
        exception; the watcher still guards against the unexpected.
        """
        try:
            signature = FileSignature.of(path)
            sha256 = file_sha256(path)
        except FileNotFoundError:
            return self._logged(FileOutcome(path.name, "vanished"))
        except OSError as error:
            return self._logged(FileOutcome(path.name, "left", reason=describe_os_error(error)))

        drop, resumed = self.ledger.begin_drop(sha256, path.name)
        if resumed:
            logger.info(t("dropfolder.log.resumed", name=path.name, drop_id=drop.id))
        work = _Work(path, signature, sha256, drop, resumed)
        try:
            self._decide(work)
        except _Decided as decided:
            work.outcome = decided.outcome
        except LockWaitCancelled:
            return self._logged(FileOutcome(path.name, "stopped", reason=t("dropfolder.reason.stopped")))
        return self._logged(self._deliver(work))

    def finish_interrupted_moves(self) -> int:
        """Close the rows of files that were moved just before a crash; return how many.

        Such a row is still ``processing`` but names a destination that now contains
        the same bytes.
        """
        finished = 0
        for drop in self.ledger.unfinished_drops():
            if not drop.destination or not drop.outcome:
                continue
            destination = Path(drop.destination)
            try:
                moved = destination.is_file() and file_sha256(destination) == drop.sha256
            except OSError:
                moved = False
            if moved:
                self.ledger.finish_drop(drop.id, drop.outcome, drop.destination)
                logger.info(t("dropfolder.log.move_recovered", name=drop.name, where=drop.destination))
                finished += 1
            elif not destination.exists():
                _remove_orphan_reports(destination)
        return finished

    # ---- deciding ------------------------------------------------------------

    def _decide(self, work: "_Work") -> None:
        """Fill in ``work.outcome`` (and the check and run behind it), or raise _Decided."""
        path = work.path
        if not is_supported(path):
            raise _Decided(FileOutcome(path.name, "unsupported",
                                       reason=t("dropfolder.reason.unsupported", suffix=path.suffix or "-")))
        if is_report_file(path):
            raise _Decided(FileOutcome(path.name, "unsupported", reason=t("dropfolder.reason.report_file")))
        earlier = self._earlier_publication(work.sha256)
        if earlier:
            raise _Decided(FileOutcome(path.name, "duplicate", reason=earlier))

        # NOTE: the reports name each row's file by this path in 待导入, where it was read;
        # by the time staff open them the file has moved beside them.
        try:
            work.check = check_files([path], mode=self.settings.mode)
        except PaikeError as error:
            raise _Decided(FileOutcome(path.name, "refused", reason=error.message)) from None
        result = work.check.result
        counts = {
            "rooms": len(result.lessons_by_room()),
            "lessons": result.lesson_count,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
        }
        if not work.check.ok:
            file_errors = [problem for problem in result.errors if is_file_level(problem)]
            reason = file_problems_reason(file_errors) if file_errors else ""
            raise _Decided(FileOutcome(path.name, "refused", file_errors=len(file_errors), reason=reason, **counts))

        if work.resumed and work.drop.run_status == "done":
            # The earlier process finished publishing and stopped before moving the file.
            # Publishing again could undo a later file's changes to the same rooms.
            reason = t("dropfolder.reason.recovered", run_id=work.drop.run_id)
            raise _Decided(FileOutcome(path.name, "published", run_id=work.drop.run_id, reason=reason, **counts))

        work.run = self._publish(work)
        failed = [room for room in work.run.results if not room.ok]
        status = "published" if not failed else "failed"
        reason = failed_rooms_reason(failed) if failed else ""
        guarded = [guarded_room(room) for room in failed if room.status == "refused"]
        work.outcome = FileOutcome(path.name, status, run_id=work.run.run_id, failed_rooms=len(failed),
                                   reason=reason, guarded=guarded, **counts)

    def _earlier_publication(self, sha256: str) -> str | None:
        """Return a sentence saying when these bytes were published, or None if never."""
        earlier_drop = self.ledger.published_drop(sha256)
        if earlier_drop:
            return t("dropfolder.reason.duplicate", when=readable_time(earlier_drop.finished_at),
                     run_id=earlier_drop.run_id, name=earlier_drop.name)
        earlier_run = self.ledger.published_before(sha256)
        if earlier_run:
            run_id, finished_at = earlier_run
            return t("dropfolder.reason.duplicate_publish", when=readable_time(finished_at), run_id=run_id)
        return None

    def _publish(self, work: "_Work") -> RunOutcome:
        settings = self.settings
        options = PublishOptions(
            mode=settings.mode,
            delete_guard_ratio=settings.delete_guard_ratio,
            delete_guard_min=settings.delete_guard_min,
            workers=settings.workers,
        )
        check = work.check
        assert check is not None

        def log_room(result: RoomResult) -> None:
            logger.log(logging.INFO if result.ok else logging.WARNING, room_log_line(work.path.name, result))

        with account_lock(settings, wait=True, command=self.command, stop=self.stop):
            run = run_publish(self.client, self.ledger, check.result.lessons_by_room(), options, [work.path],
                              check.table.course_info, on_result=log_room, command=self.command)
        if run.run_id is not None:
            self.ledger.set_drop_run(work.drop.id, run.run_id)
        return run

    # ---- reporting and moving ------------------------------------------------

    def _deliver(self, work: "_Work") -> FileOutcome:
        outcome = work.outcome
        assert outcome is not None
        folder = self.folder.published if outcome.status in PUBLISHED_OUTCOMES else self.folder.refused
        staging: Staging | None = None
        try:
            staging = Staging.create(self.folder, work.drop.id)
            target = choose_target(work.path, folder)
            outcome.old_reports = retire_old_reports(self.folder, [work.path.stem, target.stem])
            self._write_reports(work, staging, target)
            outcome.reports = deliver(
                work.path, work.signature, target, staging,
                before_move=lambda: self.ledger.set_drop_destination(work.drop.id, outcome.status, str(target)),
            )
        except DeliveryFailed as failure:
            if staging is not None:
                staging.discard()
            # The row stays open, so the next attempt resumes it instead of starting over.
            reason = t("dropfolder.reason.cannot_move", folder=str(failure.folder), reason=failure.reason)
            return FileOutcome(outcome.name, "left", rooms=outcome.rooms, lessons=outcome.lessons,
                               run_id=outcome.run_id, reason=reason)
        except SourceChanged as change:
            status = "vanished" if change.vanished else "changed"
            self.ledger.finish_drop(work.drop.id, status)
            return FileOutcome(outcome.name, status, run_id=outcome.run_id)

        outcome.destination = target
        self.ledger.finish_drop(work.drop.id, outcome.status, str(target))
        return outcome

    def _write_reports(self, work: "_Work", staging: Staging, target: Path) -> None:
        """Write the check report, the run report and the note into ``staging``."""
        outcome = work.outcome
        assert outcome is not None
        names: dict[str, str] = {}
        try:
            if work.check is not None and work.check.result.problems:
                for written in write_reports(work.check, staging.path):
                    staging.add(written, REPORT_SUFFIX)
                names["check"] = report_name(target, REPORT_SUFFIX).name
            if work.run is not None:
                workbook, summary = write_run_report(
                    _for_staff(work.run.results), work.check.result.lessons_by_room(),
                    staging.place_for(RUN_REPORT_SUFFIX), self._run_summary(work),
                )
                staging.add(workbook, RUN_REPORT_SUFFIX)
                staging.add(summary, RUN_SUMMARY_SUFFIX)
                names["run"] = report_name(target, RUN_REPORT_SUFFIX).name
            note = staging.place_for(NOTE_SUFFIX)
            note.write_text(note_text(outcome, names, target), encoding="utf-8-sig", newline="")
            staging.add(note, NOTE_SUFFIX)
        except (OSError, XlsxWriterException) as error:
            raise DeliveryFailed(target.parent, describe_os_error(_os_error_of(error))) from None

    def _run_summary(self, work: "_Work") -> dict:
        assert work.check is not None and work.run is not None
        return {
            **work.check.summary(),
            "file": work.path.name,
            "sha256": work.sha256,
            "run_id": work.run.run_id,
            "counts": work.run.counts,
            "results": [result.to_dict() for result in _for_staff(work.run.results)],
        }

    def _logged(self, outcome: FileOutcome) -> FileOutcome:
        level = logging.WARNING if outcome.failed or outcome.status in ("changed", "vanished") else logging.INFO
        logger.log(level, outcome.log_line())
        return outcome


@dataclass
class _Work:
    """One file on its way through the processor."""

    path: Path
    signature: FileSignature
    sha256: str
    drop: DropRecord
    resumed: bool
    check: CheckOutcome | None = None
    run: RunOutcome | None = None
    outcome: FileOutcome | None = None


def room_log_line(file_name: str, result: RoomResult) -> str:
    """Return the one log line for one room of one file."""
    plan = result.plan.summary() if result.plan else {}
    status = t(f"cli.status.{result.status}")
    counts = {"add": plan.get("add", 0), "update": plan.get("update", 0), "delete": plan.get("delete", 0)}
    if result.ok:
        return t("dropfolder.log.room", name=file_name, room=result.room_id, status=status, **counts)
    return t("dropfolder.log.room_failed", name=file_name, room=result.room_id, status=status, code=result.code,
             message=room_failure_reason(result), **counts)


def _for_staff(results: list[RoomResult]) -> list[RoomResult]:
    """Return the results with the deletion guard's message reworded for the drop folder.

    Staff cannot override the guard, so their reports explain instead that a file
    replaces a room's whole timetable and must contain every lesson to keep.
    """
    return [dataclasses.replace(result, msg=room_failure_reason(result)) if result.status == "refused" else result
            for result in results]


def readable_time(iso_time: str | None) -> str:
    """Return a ledger timestamp as ``YYYY-MM-DD HH:MM`` in local time, for staff."""
    if not iso_time:
        return "-"
    try:
        moment = datetime.datetime.fromisoformat(iso_time)
    except ValueError:
        return iso_time
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _remove_orphan_reports(destination: Path) -> None:
    """Remove reports moved beside ``destination`` by a process that died before moving the file."""
    for suffix in REPORT_SUFFIXES:
        orphan = report_name(destination, suffix)
        try:
            orphan.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            logger.warning(t("dropfolder.log.orphan_not_removed", path=str(orphan), reason=describe_os_error(error)))


def _os_error_of(error: Exception) -> OSError:
    """Return the OSError behind ``error``; xlsxwriter wraps the one it hits."""
    if isinstance(error, OSError):
        return error
    inner = error.args[0] if error.args else None
    return inner if isinstance(inner, OSError) else OSError(str(error))
