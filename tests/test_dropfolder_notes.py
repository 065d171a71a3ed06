"""The note (``<stem>.说明.txt``) beside each processed file: it names the file as it is
called where the note sits, states problems with the file itself, distinguishes a
partial failure from a total one, and lists what the deletion guard kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.drop_folder import box, processor, settings
from fixtures.timetable_files import ROOM_A, ROOM_B, make_lessons, write_timetable
from openpyxl import load_workbook
from fixtures.workbooks import HEADER, lesson_row, write_csv, write_xlsx

from pipeline.dropfolder.processor import DropProcessor

__all__ = ["box", "processor", "settings"]  # pytest fixtures used by the tests below

UNKNOWN_ROOM = "99999999999999"
CELL_SENTENCE = "错误的单元格标红"


@pytest.fixture
def drop(processor):
    return processor


def process(drop: DropProcessor, name: str, write) -> tuple[object, str]:
    """Write a file into the inbox with ``write(path)``, process it; return the outcome and its note."""
    path = drop.folder.inbox / name
    write(path)
    outcome = drop.process(path)
    assert outcome.destination is not None, outcome
    note = outcome.destination.with_name(outcome.destination.stem + ".说明.txt")
    return outcome, note.read_text(encoding="utf-8-sig")


def write_encrypted(path: Path) -> Path:
    # Excel stores a password-protected .xlsx as an OLE compound file holding an
    # "EncryptedPackage" stream, which the loader recognises by its name.
    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    return path


def test_password_protected_file_note_says_why(drop):
    outcome, note = process(drop, "加密课表.xlsx", write_encrypted)

    assert outcome.status == "refused"
    assert "文件设置了打开密码" in note
    assert "取消密码" in note
    assert CELL_SENTENCE not in note
    assert "单元格" not in note
    assert "1 个错误" not in note
    assert "下一步" in note
    assert "文件设置了打开密码" in outcome.log_line()


def test_damaged_file_note_says_why(drop):
    outcome, note = process(drop, "坏文件.xlsx", lambda path: path.write_bytes(b"PK\x03\x04 cut short"))

    assert outcome.status == "refused"
    assert "文件不完整或已损坏" in note
    assert CELL_SENTENCE not in note


def test_file_without_timetable_note_says_why(drop):
    outcome, note = process(drop, "名单.csv", lambda path: write_csv(path, [["姓名", "班级"], ["张三", "一班"]]))

    assert outcome.status == "refused"
    assert "没有找到课表" in note
    assert CELL_SENTENCE not in note


def test_missing_columns_note_lists_each(drop):
    header = [column for column in HEADER if column not in ("开始时间", "结束时间")]
    row = [value for column, value in zip(HEADER, lesson_row()) if column not in ("开始时间", "结束时间")]

    outcome, note = process(drop, "缺列.xlsx", lambda path: write_xlsx(path, [header, row]))

    assert outcome.status == "refused"
    assert outcome.file_errors == 2
    assert "工作表“课表”：表头缺少“开始时间”列" in note
    assert "工作表“课表”：表头缺少“结束时间”列" in note
    assert CELL_SENTENCE not in note


def test_cell_errors_note_points_to_red_cells(drop):
    rows = [HEADER, lesson_row(start_time="25:00")]

    outcome, note = process(drop, "时间错.xlsx", lambda path: write_xlsx(path, rows))

    assert outcome.status == "refused"
    assert outcome.file_errors == 0
    assert "表格中有 1 个错误" in note
    assert CELL_SENTENCE in note


def test_mixed_errors_note_states_file_level_ones(drop):
    broken_header = [column for column in HEADER if column != "结束时间"]
    broken_row = [value for column, value in zip(HEADER, lesson_row()) if column != "结束时间"]

    def write(path: Path) -> None:
        write_xlsx(path, [HEADER, lesson_row(start_time="25:00")], extra_sheets={"周二": [broken_header, broken_row]})

    outcome, note = process(drop, "混合.xlsx", write)

    assert outcome.status == "refused"
    assert outcome.errors == 2
    assert outcome.file_errors == 1
    assert "表格中有 2 个错误" in note
    assert "工作表“周二”：表头缺少“结束时间”列" in note
    assert CELL_SENTENCE in note


def test_every_room_failed_note_says_failed(drop):
    lessons = make_lessons(UNKNOWN_ROOM, 2)

    outcome, note = process(drop, "错教室.xlsx", lambda path: write_timetable(path, lessons))

    assert outcome.status == "failed"
    assert "结果：发布失败" in note
    assert "部分发布失败" not in note
    assert UNKNOWN_ROOM in note


def test_some_rooms_failed_note_says_partly(drop):
    lessons = make_lessons(ROOM_A, 2) + make_lessons(UNKNOWN_ROOM, 2, date="2027-03-02")

    outcome, note = process(drop, "一半.xlsx", lambda path: write_timetable(path, lessons))

    assert outcome.status == "failed"
    assert "结果：部分发布失败" in note
    assert "其余 1 个" in note


def test_renamed_file_note_names_new_name(drop):
    name = "春季 课表 (最终版).xlsx"
    process(drop, name, lambda path: write_xlsx(path, [HEADER, lesson_row(start_time="25:00")]))

    outcome, note = process(drop, name, lambda path: write_xlsx(path, [HEADER, lesson_row(end_time="07:00")]))

    assert outcome.destination.name == "春季 课表 (最终版) (2).xlsx"
    first_line = note.splitlines()[0]
    assert first_line.startswith("文件：春季 课表 (最终版) (2).xlsx")
    assert "原文件名：春季 课表 (最终版).xlsx" in first_line
    assert "春季 课表 (最终版) (2).检查结果.xlsx" in note


def test_unchanged_name_note_has_no_original(drop):
    outcome, note = process(drop, "课表.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 1)))

    assert outcome.status == "published"
    assert note.splitlines()[0] == "文件：课表.xlsx"


def test_next_week_file_note_says_rejected(drop, box):
    this_week = make_lessons(ROOM_A, 5) + make_lessons(ROOM_B, 5)
    next_week = make_lessons(ROOM_A, 5, date="2027-03-08") + make_lessons(ROOM_B, 5, date="2027-03-08")
    process(drop, "本周.xlsx", lambda path: write_timetable(path, this_week))

    outcome, note = process(drop, "下周.xlsx", lambda path: write_timetable(path, next_week))

    assert outcome.status == "failed"
    assert [room.room_id for room in outcome.guarded] == [ROOM_A, ROOM_B]
    assert "结果：已拒绝，没有改动任何教室" in note
    assert "发布失败" not in note
    assert "改正教室号" not in note
    assert "--allow-deletes" not in note
    assert "替换教室里的全部课节" in note
    assert "整个学期" in note
    assert "请联系技术人员" in note
    assert f"教室 {ROOM_A}：会删除现有 5 节中的 5 节" in note
    for lesson in this_week:
        assert f"{lesson.date} 第 {lesson.serial_number} 节 {lesson.title}" in note
    assert len(box.lessons(ROOM_A)) == 5
    assert box.lessons(ROOM_A)[0]["start_time"].startswith("2027-03-01")


def test_rejected_room_run_report_names_no_flag(drop):
    process(drop, "本周.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 5)))

    outcome, _ = process(drop, "下周.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 5, "2027-03-08")))

    workbook = load_workbook(outcome.destination.with_name("下周.发布结果.xlsx"))
    cells = [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    summary = outcome.destination.with_name("下周.发布结果.json").read_text(encoding="utf-8")
    assert any("会删除这个教室现有 5 节课中的 5 节" in cell for cell in cells)
    assert not any("--allow-deletes" in cell for cell in cells)
    assert "--allow-deletes" not in summary


def test_rejected_lessons_list_stops_at_cap(drop):
    dates = [f"2027-03-{day:02d}" for day in range(1, 22)]
    term = [lesson for date in dates for lesson in make_lessons(ROOM_A, 10, date=date)]
    process(drop, "学期.xlsx", lambda path: write_timetable(path, term))

    outcome, note = process(drop, "一天.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 1, "2027-04-01")))

    assert len(outcome.guarded[0].deleted) == 210
    assert f"教室 {ROOM_A}：会删除现有 210 节中的 210 节" in note
    assert "2027-03-20 第 10 节" in note
    assert "2027-03-21 第 1 节" not in note
    assert "还有 10 节没有列出（只列出了前 200 节）" in note


def test_failed_and_rejected_rooms_note_gives_both_steps(drop):
    process(drop, "本周.xlsx", lambda path: write_timetable(path, make_lessons(ROOM_A, 5)))
    lessons = make_lessons(ROOM_A, 5, date="2027-03-08") + make_lessons(UNKNOWN_ROOM, 2, date="2027-03-08")

    outcome, note = process(drop, "下周.xlsx", lambda path: write_timetable(path, lessons))

    assert outcome.failed_rooms == 2
    assert len(outcome.guarded) == 1
    assert "结果：发布失败" in note
    assert "改正教室号" in note
    assert "下一步（被拒绝的教室）" in note
    assert f"教室 {ROOM_A}：已拒绝" in note
