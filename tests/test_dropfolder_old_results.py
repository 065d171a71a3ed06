"""Reports left by an earlier attempt at a file. They do not take its name in a result
folder, and they move to .paike/旧结果 when the file is delivered again. Files that staff
put in the result folders stay where they are."""

from __future__ import annotations

import os

import pytest
from fixtures.drop_folder import box, names, processor, settings
from fixtures.timetable_files import ROOM_A, make_lessons, write_timetable
from fixtures.workbooks import HEADER, lesson_row, write_xlsx

from pipeline.dropfolder.processor import DropProcessor

__all__ = ["box", "processor", "settings"]  # pytest fixtures used by the tests below

BAD_ROWS = [HEADER, lesson_row(start_time="25:00")]




def drop_file(processor: DropProcessor, name: str, write):
    path = processor.folder.inbox / name
    write(path)
    return processor.process(path)


def take_back(processor: DropProcessor, name: str, tmp_path) -> None:
    """Move a refused file out of 未导入, as staff do before fixing it."""
    os.rename(processor.folder.refused / name, tmp_path / name)


def test_fixed_file_keeps_name_and_retires_notes(processor, tmp_path):
    folder = processor.folder
    drop_file(processor, "课表.xlsx", lambda path: write_xlsx(path, BAD_ROWS))
    take_back(processor, "课表.xlsx", tmp_path)

    outcome = drop_file(processor, "课表.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 2)))

    assert outcome.status == "published"
    assert outcome.destination == folder.published / "课表.xlsx"
    assert names(folder.refused) == []
    assert names(folder.old_results / "未导入") == ["课表.检查结果.xlsx", "课表.说明.txt"]
    note = (folder.published / "课表.说明.txt").read_text(encoding="utf-8-sig")
    assert note.splitlines()[0] == "文件：课表.xlsx"
    assert "已过期" in note
    assert ".paike/旧结果" in note


def test_refused_again_replaces_old_reports(processor, tmp_path):
    folder = processor.folder
    drop_file(processor, "课表.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 5)))
    drop_file(processor, "下周.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 5, "2027-03-08")))
    take_back(processor, "下周.xlsx", tmp_path)

    outcome = drop_file(processor, "下周.xlsx", lambda path: write_xlsx(path, BAD_ROWS))

    assert outcome.destination == folder.refused / "下周.xlsx"
    assert names(folder.refused) == ["下周.xlsx", "下周.检查结果.xlsx", "下周.说明.txt"]
    assert names(folder.old_results / "未导入") == ["下周.发布结果.json", "下周.发布结果.xlsx", "下周.说明.txt"]


def test_retired_notes_keep_every_attempt(processor, tmp_path):
    for _ in range(2):
        drop_file(processor, "课表.xlsx", lambda path: write_xlsx(path, [HEADER, lesson_row(end_time="07:00")]))
        take_back(processor, "课表.xlsx", tmp_path)

    drop_file(processor, "课表.xlsx", lambda path: write_xlsx(path, BAD_ROWS))

    retired = names(processor.folder.old_results / "未导入")
    assert "课表.说明.txt" in retired
    assert "课表.说明 (2).txt" in retired


def test_notes_beside_their_file_stay(processor):
    folder = processor.folder
    drop_file(processor, "课表.xlsx", lambda path: write_xlsx(path, BAD_ROWS))

    drop_file(processor, "课表.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 2)))

    assert names(folder.refused) == ["课表.xlsx", "课表.检查结果.xlsx", "课表.说明.txt"]
    assert not folder.old_results.exists()


def test_other_file_with_same_stem_takes_name(processor):
    folder = processor.folder
    outcome = drop_file(processor, "课表.pdf", lambda path: path.write_bytes(b"%PDF-1.4"))
    assert outcome.destination == folder.refused / "课表.pdf"

    outcome = drop_file(processor, "课表.xlsx", lambda path: write_xlsx(path, BAD_ROWS))

    assert outcome.destination == folder.refused / "课表 (2).xlsx"
    pdf_note = (folder.refused / "课表.说明.txt").read_text(encoding="utf-8-sig")
    assert "课表.pdf" in pdf_note
    assert (folder.refused / "课表.pdf").read_bytes() == b"%PDF-1.4"
    assert not folder.old_results.exists()
