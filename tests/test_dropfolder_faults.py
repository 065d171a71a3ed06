"""Faults around the drop folder: unwritable or full output folders, a file rewritten
while it is processed, and a crash between moving a file and recording it."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures.drop_folder import WatcherThread, box, names, settings, writes
from fixtures.timetable_files import ROOM_A, make_lessons, write_timetable

from pipeline.dropfolder import processor as processor_module
from pipeline.dropfolder.delivery import FileSignature, SourceChanged, Staging, choose_target, deliver
from pipeline.dropfolder.layout import DropFolder
from pipeline.dropfolder.processor import DropProcessor
from pipeline.publishing.ledger import Ledger, file_sha256

__all__ = ["box", "settings"]  # pytest fixtures used by the tests below


def _can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = Path(f"/tmp/paike-mount-probe-{os.getpid()}")
    probe.mkdir(exist_ok=True)
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                                 capture_output=True).returncode == 0
        if mounted:
            subprocess.run(["umount", str(probe)], check=True)
        return mounted
    finally:
        probe.rmdir()


@contextlib.contextmanager
def read_only(folder: Path):
    """Make ``folder`` read-only for this process: by permissions, or for root by a mount."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if not _can_mount():
        pytest.skip("running as root without mount rights: no way to make a folder read-only for root")
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@contextlib.contextmanager
def captured_log_lines():
    """Collect the drop folder's log lines, whatever the CLI did to the handlers before."""
    lines: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: lines.append(record.getMessage())
    logger = logging.getLogger("pipeline.dropfolder")
    logger.addHandler(handler)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)


def test_read_only_destination_keeps_input(box, settings, tmp_path):
    root = tmp_path / "drop"
    folder = DropFolder(root).ensure()
    data = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 3)).read_bytes()

    with read_only(folder.published), captured_log_lines() as lines:
        with WatcherThread(settings, root, retry_seconds=0.2) as watcher:
            (folder.inbox / "课表.xlsx").write_bytes(data)
            # The second attempt is the retry, which must not publish again.
            outcome, retried = watcher.wait_for_outcomes(2)[:2]
            assert outcome.status == "left"
            assert retried.status == "left"
            assert str(folder.published) in outcome.reason
            assert "文件仍留在“待导入”中" in outcome.reason
            assert names(folder.inbox) == ["课表.xlsx"]
            assert (folder.inbox / "课表.xlsx").read_bytes() == data
            assert names(folder.published) == []
            watcher.stop.set()

    assert any(line.startswith("课表.xlsx") and str(folder.published) in line for line in lines), lines
    assert writes(box) == 1

    # Once the folder is writable again, the next attempt delivers the file without
    # publishing it a second time.
    with WatcherThread(settings, root) as watcher:
        [outcome] = watcher.wait_for_outcomes(1)
    assert outcome.status == "published"
    assert "运行编号" in outcome.reason
    assert (folder.published / "课表.xlsx").read_bytes() == data
    assert writes(box) == 1


# xlsxwriter leaves its zip file unclosed when the disk is full. The garbage collector
# then reports the same ENOSPC again, which is not what this test is about.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_full_disk_keeps_input(box, settings, tmp_path):
    if not _can_mount():
        pytest.skip("needs root with mount rights to make a small full filesystem")
    root = tmp_path / "drop"
    root.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(root)], check=True)
    try:
        folder = DropFolder(root).ensure()
        data = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 3)).read_bytes()
        filler = root / "filler.bin"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:
                handle.write(b"\0" * 4096)

        with WatcherThread(settings, root) as watcher:
            [outcome] = watcher.wait_for_outcomes(1)

        assert outcome.status == "left"
        assert "磁盘空间已满" in outcome.reason
        assert names(folder.inbox) == ["课表.xlsx"]
        assert (folder.inbox / "课表.xlsx").read_bytes() == data
        assert names(folder.published) == []
        assert names(folder.staging) == []
    finally:
        subprocess.run(["umount", str(root)], check=True)


def test_report_write_failure_keeps_input(box, settings, tmp_path, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    # The same failure as a full disk, on any machine: the run report cannot be written.
    monkeypatch.setattr(processor_module, "write_run_report", disk_full)
    root = tmp_path / "drop"
    folder = DropFolder(root).ensure()
    data = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 3)).read_bytes()

    with WatcherThread(settings, root) as watcher:
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "left"
    assert "磁盘空间已满" in outcome.reason
    assert (folder.inbox / "课表.xlsx").read_bytes() == data
    assert names(folder.published) == []
    assert names(folder.staging) == []


def test_rewritten_source_is_not_moved(tmp_path):
    folder = DropFolder(tmp_path / "drop").ensure()
    source = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 2))
    signature = FileSignature.of(source)
    staging = Staging.create(folder, drop_id=1)
    note = staging.place_for(".说明.txt")
    note.write_text("note", encoding="utf-8")
    staging.add(note, ".说明.txt")
    target = choose_target(source, folder.published)
    write_timetable(source, make_lessons(ROOM_A, 5))

    with pytest.raises(SourceChanged):
        deliver(source, signature, target, staging, before_move=lambda: None)

    assert names(folder.inbox) == ["课表.xlsx"]
    assert names(folder.published) == []
    assert not staging.path.exists()


def test_move_before_crash_is_recorded_at_start(settings, tmp_path):
    folder = DropFolder(tmp_path / "drop").ensure()
    source = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 2))
    sha256 = file_sha256(source)
    ledger = Ledger(settings.state_path)
    try:
        drop, _ = ledger.begin_drop(sha256, source.name)
        target = folder.published / "课表.xlsx"
        ledger.set_drop_destination(drop.id, "published", str(target))
        os.rename(source, target)  # the process dies here, before finish_drop

        processor = DropProcessor(settings, folder, ledger, "watch")
        assert processor.finish_interrupted_moves() == 1

        [record] = ledger.drops_of_content(sha256)
        assert record.state == "published"
        assert record.destination == str(target)
        assert ledger.unfinished_drops() == []
    finally:
        ledger.close()


def test_orphan_reports_are_removed_at_start(settings, tmp_path):
    folder = DropFolder(tmp_path / "drop").ensure()
    source = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 2))
    ledger = Ledger(settings.state_path)
    try:
        drop, _ = ledger.begin_drop(file_sha256(source), source.name)
        target = folder.published / "课表.xlsx"
        ledger.set_drop_destination(drop.id, "published", str(target))
        # The process died after moving the note and before moving the file.
        orphan = folder.published / "课表.说明.txt"
        orphan.write_text("note", encoding="utf-8")

        DropProcessor(settings, folder, ledger, "watch").finish_interrupted_moves()

        assert not orphan.exists()
        assert names(folder.inbox) == ["课表.xlsx"]
        assert [record.state for record in ledger.unfinished_drops()] == ["processing"]
    finally:
        ledger.close()


def test_missing_settings_root_is_reported(tmp_path):
    from pipeline.dropfolder.layout import resolve_root
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError) as raised:
        resolve_root(None, None)
    assert "drop_root" in raised.value.message
    assert resolve_root(None, str(tmp_path)).root == tmp_path


def test_root_that_is_a_file_is_reported(tmp_path):
    from pipeline.errors import ConfigError

    (tmp_path / "待导入").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        DropFolder(tmp_path).ensure()
    assert str(tmp_path / "待导入") in raised.value.message


def test_unexpected_error_leaves_file_for_retry(box, settings, tmp_path, monkeypatch):
    real_check = processor_module.check_files
    calls = []

    def check_failing_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("simulated bug")
        return real_check(*args, **kwargs)

    monkeypatch.setattr(processor_module, "check_files", check_failing_once)
    root = tmp_path / "drop"
    folder = DropFolder(root).ensure()
    data = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 2)).read_bytes()

    with WatcherThread(settings, root, retry_seconds=0.2) as watcher:
        [outcome] = watcher.wait_for_outcomes(1)

    assert len(calls) == 2
    assert outcome.status == "published"
    assert (folder.published / "课表.xlsx").read_bytes() == data
