"""Finding complete files in the inbox, by watching it (``paike watch``) or by listing
it once (``paike batch``), and handing them to the processor one at a time.

File events come from watchdog: the native observer (inotify on Linux), or its polling
observer with ``--poll SECONDS`` for network shares, where change events do not arrive.
Events only tell where to look. The inbox is also listed at start and every
``RESCAN_SECONDS``, so a lost event delays a file and never loses it.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from pipeline.dropfolder.delivery import FileSignature
from pipeline.dropfolder.layout import DropFolder, is_ignored, is_supported
from pipeline.dropfolder.outcome import FileOutcome
from pipeline.dropfolder.processor import DropProcessor
from pipeline.dropfolder.stability import UNREADABLE_GRACE_SECONDS, StabilityTracker
from pipeline.i18n import t

logger = logging.getLogger(__name__)

# Seconds between full listings of the inbox, the safety net for lost events.
RESCAN_SECONDS = 30.0
# Seconds before a file that could not be moved (or whose publishing was stopped) is
# tried again, unless it changes first.
RETRY_SECONDS = 60.0
# Maximum pause between two looks at the candidates, in seconds.
MAX_TICK_SECONDS = 0.5
# Outcomes after which the file is still in the inbox and is tried again later.
RETRIED_OUTCOMES = ("left", "stopped")


class InboxEvents(FileSystemEventHandler):
    """Collects the paths that watchdog reports as created, written or moved into the inbox."""

    def __init__(self, inbox: Path) -> None:
        self.inbox = inbox
        self._paths: queue.SimpleQueue[Path] = queue.SimpleQueue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in ("created", "modified", "closed", "moved"):
            return
        raw = event.dest_path if event.event_type == "moved" else event.src_path
        path = Path(os.fsdecode(raw))
        if path.parent == self.inbox:
            self._paths.put(path)

    def drain(self) -> set[Path]:
        paths = set()
        while True:
            try:
                paths.add(self._paths.get_nowait())
            except queue.Empty:
                return paths


def start_observer(inbox: Path, handler: InboxEvents, poll_seconds: float | None) -> BaseObserver:
    """Start watching ``inbox`` (not its subfolders) with events, or by polling."""
    observer = PollingObserver(timeout=poll_seconds) if poll_seconds else Observer()
    observer.schedule(handler, str(inbox), recursive=False)
    observer.daemon = True
    observer.start()
    return observer


class InboxScanner:
    """Lists the inbox's candidate files, warning once about each subfolder."""

    def __init__(self, inbox: Path) -> None:
        self.inbox = inbox
        self._warned_folders: set[str] = set()

    def list(self) -> list[Path]:
        try:
            entries = sorted(self.inbox.iterdir())
        except OSError as error:
            logger.error(t("dropfolder.log.cannot_list", folder=str(self.inbox), reason=error.strerror or str(error)))
            return []
        files = []
        for entry in entries:
            if is_ignored(entry):
                continue
            if entry.is_dir():
                self._warn_folder(entry)
            elif entry.is_file():
                files.append(entry)
        return files

    def _warn_folder(self, folder: Path) -> None:
        if folder.name not in self._warned_folders:
            self._warned_folders.add(folder.name)
            logger.warning(t("dropfolder.log.subfolder_skipped", folder=str(folder)))


class RetryList:
    """Files left in the inbox after a failure, with when to try each again."""

    def __init__(self, retry_seconds: float = RETRY_SECONDS) -> None:
        self.retry_seconds = retry_seconds
        self._waiting: dict[Path, tuple[FileSignature | None, float]] = {}

    def add(self, path: Path) -> None:
        try:
            signature: FileSignature | None = FileSignature.of(path)
        except OSError:
            signature = None
        self._waiting[path] = (signature, time.monotonic() + self.retry_seconds)

    def filter(self, paths: Iterable[Path]) -> list[Path]:
        """Return the paths that are not waiting; a file that changed waits no longer."""
        now = time.monotonic()
        allowed = []
        for path in paths:
            waiting = self._waiting.get(path)
            if waiting is not None:
                signature, retry_at = waiting
                if now < retry_at and signature == _signature_or_none(path):
                    continue
                del self._waiting[path]
            allowed.append(path)
        return allowed


    def due(self) -> list[Path]:
        """Return, and stop waiting for, the files whose time has come or that changed."""
        ready = self.filter(list(self._waiting))
        return [path for path in ready if path.exists()]


def _signature_or_none(path: Path) -> FileSignature | None:
    try:
        return FileSignature.of(path)
    except OSError:
        return None


def tick_seconds(settle_seconds: float) -> float:
    return max(0.05, min(MAX_TICK_SECONDS, settle_seconds / 4))


def watch(
    folder: DropFolder,
    processor: DropProcessor,
    settle_seconds: float,
    poll_seconds: float | None,
    stop: threading.Event,
    retry_seconds: float = RETRY_SECONDS,
) -> int:
    """Process files as they arrive until ``stop`` is set; return how many were processed.

    A file being processed when ``stop`` is set is finished first.
    """
    events = InboxEvents(folder.inbox)
    observer = start_observer(folder.inbox, events, poll_seconds)
    scanner = InboxScanner(folder.inbox)
    tracker = StabilityTracker(settle_seconds)
    retries = RetryList(retry_seconds)
    if poll_seconds:
        event_source = t("dropfolder.log.by_polling", seconds=poll_seconds)
    else:
        event_source = t("dropfolder.log.by_events")
    logger.info(t("dropfolder.log.watch_started", folder=str(folder.inbox), how=event_source))

    processed = 0
    next_rescan = 0.0
    try:
        while not stop.is_set():
            if time.monotonic() >= next_rescan:
                tracker.note(retries.filter(scanner.list()))
                next_rescan = time.monotonic() + RESCAN_SECONDS
            arrived = [path for path in events.drain() if not is_ignored(path) and path.is_file()]
            tracker.note(retries.filter(arrived))
            tracker.note(retries.due())

            for path in tracker.ready(needs_opening=is_supported):
                if stop.is_set():
                    break
                tracker.forget(path)
                outcome = process_guarded(processor, path)
                processed += 1
                _after(outcome, path, tracker, retries)
            stop.wait(tick_seconds(settle_seconds))
    finally:
        observer.stop()
        observer.join(timeout=5)
        logger.info(t("dropfolder.log.watch_stopped", processed=processed))
    return processed


def process_inbox_once(
    folder: DropFolder,
    processor: DropProcessor,
    settle_seconds: float,
    stop: threading.Event,
    max_wait_seconds: float | None = None,
) -> list[FileOutcome]:
    """Process every file in the inbox now, waiting for each to be complete.

    A file still changing after ``max_wait_seconds`` (by default long enough for an
    unreadable file to be taken anyway) is left in the inbox for the next run.
    """
    if max_wait_seconds is None:
        max_wait_seconds = settle_seconds + UNREADABLE_GRACE_SECONDS + 5
    tracker = StabilityTracker(settle_seconds)
    pending = InboxScanner(folder.inbox).list()
    tracker.note(pending)
    deadline = time.monotonic() + max_wait_seconds
    outcomes = []
    while pending and not stop.is_set():
        for path in tracker.ready(needs_opening=is_supported):
            if stop.is_set():
                break
            tracker.forget(path)
            pending.remove(path)
            outcomes.append(process_guarded(processor, path))
        pending = [path for path in pending if path in tracker]
        if not pending or time.monotonic() > deadline:
            break
        stop.wait(tick_seconds(settle_seconds))

    reason = t("dropfolder.reason.stopped") if stop.is_set() else t("dropfolder.reason.still_changing")
    for path in pending:
        outcome = FileOutcome(path.name, "left", reason=reason)
        logger.warning(outcome.log_line())
        outcomes.append(outcome)
    return outcomes


def process_guarded(processor: DropProcessor, path: Path) -> FileOutcome:
    """Process one file; an unexpected error is logged and leaves the file in the inbox."""
    try:
        return processor.process(path)
    except Exception as error:  # noqa: BLE001 - the service must outlive one bad file
        logger.exception(t("dropfolder.log.unexpected", name=path.name, error=type(error).__name__))
        return FileOutcome(path.name, "left", reason=t("dropfolder.reason.unexpected", error=type(error).__name__))


def _after(outcome: FileOutcome, path: Path, tracker: StabilityTracker, retries: RetryList) -> None:
    """Decide what happens next to a file that is still in the inbox."""
    if outcome.status in RETRIED_OUTCOMES:
        retries.add(path)
    elif outcome.status == "changed":
        tracker.note([path])
