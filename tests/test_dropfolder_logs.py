"""Log lines around the drop folder read as plain messages, never as the repr of an
internal object such as ``FileRejected('problem.unreadable_file.incomplete')``."""

from __future__ import annotations

import logging

from fixtures.drop_folder import box, settings

from pipeline.checking import check_files, write_reports
from pipeline.dropfolder.layout import DropFolder
from pipeline.dropfolder.processor import DropProcessor
from pipeline.publishing.ledger import Ledger

__all__ = ["box", "settings"]  # pytest fixtures used by the tests below

# Signs of an internal object in a log line: a repr, or a catalog key instead of its text.
INTERNAL_MARKERS = ("FileRejected(", "Error(", "problem.unreadable_file", "problem.no_timetable")


def internal_lines(records: list[logging.LogRecord]) -> list[str]:
    lines = [record.getMessage() for record in records]
    return [line for line in lines if any(marker in line for marker in INTERNAL_MARKERS)]


def test_unreadable_files_log_plain_lines(settings, tmp_path, caplog):
    folder = DropFolder(tmp_path / "drop").ensure()
    (folder.inbox / "空文件.xlsx").write_bytes(b"")
    (folder.inbox / "坏文件.xlsx").write_bytes(b"PK\x03\x04 cut short")
    ledger = Ledger(settings.state_path)
    processor = DropProcessor(settings, folder, ledger, "watch")

    with caplog.at_level(logging.INFO):
        try:
            outcomes = [processor.process(path) for path in sorted(folder.inbox.iterdir())]
        finally:
            processor.close()
            ledger.close()

    assert [outcome.status for outcome in outcomes] == ["refused", "refused"]
    assert internal_lines(caplog.records) == []
    assert any("文件不完整或已损坏" in record.getMessage() for record in caplog.records)


def test_checking_empty_inbox_folder_logs_plain_line(tmp_path, caplog):
    inbox_folder = DropFolder(tmp_path / "drop").ensure().inbox / "emptydir"
    inbox_folder.mkdir()

    with caplog.at_level(logging.INFO):
        outcome = check_files([inbox_folder])
        write_reports(outcome, tmp_path / "reports")

    assert [problem.code for problem in outcome.result.errors] == ["no_timetable"]
    assert internal_lines(caplog.records) == []
