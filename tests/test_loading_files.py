"""Loading files: formats, encodings, folders, lock files and files that cannot be read."""

import datetime
import shutil

import pytest

from pipeline.i18n import set_language
from pipeline.loading import SUPPORTED_SUFFIXES, is_lock_or_temp_file, load_file, load_files
from fixtures.workbooks import (
    HEADER,
    OTHER_ROOM,
    ROOM,
    lesson_row,
    write_csv,
    write_xls,
    write_xlsx,
)

GB18030_ONLY_NAME = "王䶮"  # U+4DAE exists in GB18030 but not in GBK


def file_problem(table):
    """Return the one problem of a table without rows."""
    assert len(table.frame) == 0
    assert len(table.problems) == 1
    problem = table.problems[0]
    assert (problem.sheet, problem.row, problem.column) == (None, None, None)
    return problem


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    rows = [HEADER, lesson_row(date="2027/3/1", start_time="8:00", teacher_name=GB18030_ONLY_NAME)]
    path = write_csv(tmp_path / "课表.csv", rows, encoding=encoding, delimiter="\t" if encoding == "utf-16" else ",")

    table = load_file(path)

    assert table.problems == []
    assert table.frame.at[0, "teacher_name"] == GB18030_ONLY_NAME
    assert table.frame.at[0, "date"] == "2027-03-01"
    assert table.frame.at[0, "start_time"] == "08:00"


def test_csv_gbk_would_fail():
    with pytest.raises(UnicodeEncodeError):
        GB18030_ONLY_NAME.encode("gbk")


def test_csv_undecodable_rejected(tmp_path):
    path = tmp_path / "课表.csv"
    path.write_bytes(b"\xff\xff\x81\x20\xfe\x30" * 10)

    problem = file_problem(load_file(path))

    assert problem.code == "unreadable_file"
    assert problem.message_key == "problem.unreadable_file.encoding"


def test_csv_multiline_quoted_cell(tmp_path):
    path = write_csv(tmp_path / "课表.csv", [HEADER, lesson_row(title="高等数学\n第1讲")])

    table = load_file(path)

    assert table.frame.at[0, "title"] == "高等数学\n第1讲"


def test_xlsm_suffix_reads(tmp_path):
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, lesson_row()])
    macro_path = path.rename(tmp_path / "课表.xlsm")

    table = load_file(macro_path)

    assert len(table.frame) == 1
    assert table.problems == []


def test_legacy_xls_with_merged_cells(tmp_path):
    rows = [
        ["2027春季 课表"],
        HEADER,
        [ROOM, datetime.date(2027, 3, 1), 1, "数学", datetime.time(8, 0), "8:45", "张"],
        [None, None, 2, "数学", datetime.time(9, 0), "9:45", None],
        [18020796069153.0, 46448, 1.0, "语文", 0.375, 0.40625, "李"],
    ]
    path = write_xls(tmp_path / "课表.xls", rows, merged=[(2, 3, 0, 0), (2, 3, 1, 1)])

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["room_id"]) == [ROOM, ROOM, "18020796069153"]
    assert list(table.frame["date"]) == ["2027-03-01", "2027-03-01", "2027-03-02"]
    assert list(table.frame["start_time"]) == ["08:00", "09:00", "09:00"]
    assert list(table.frame["row"]) == [3, 4, 5]


def test_content_decides_reader_not_suffix(tmp_path):
    xlsx_named_xls = write_xlsx(tmp_path / "a.xlsx", [HEADER, lesson_row()]).rename(tmp_path / "a.xls")
    xls_named_xlsx = write_xls(tmp_path / "b.xls", [HEADER, lesson_row()]).rename(tmp_path / "b.xlsx")

    assert len(load_file(xlsx_named_xls).frame) == 1
    assert len(load_file(xls_named_xlsx).frame) == 1


@pytest.mark.parametrize(
    "name",
    ["~$课表.xlsx", ".~lock.课表.xlsx#", "._课表.xlsx", "课表.xlsx~", "~课表.xlsx", "课表.tmp", "课表.xlsx.crdownload"],
)
def test_lock_and_temp_files_recognised(name):
    assert is_lock_or_temp_file(name)


@pytest.mark.parametrize("name", ["课表.xlsx", "课表~1.xlsx", "课表.csv"])
def test_ordinary_files_not_temp(name):
    assert not is_lock_or_temp_file(name)


def test_folder_loads_spreadsheets_sorted(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    write_xlsx(folder / "b.xlsx", [HEADER, lesson_row(room_id=OTHER_ROOM)])
    write_csv(folder / "a.csv", [HEADER, lesson_row()])
    (folder / "~$b.xlsx").write_bytes(b"owner")
    (folder / "readme.txt").write_text("not a timetable")
    (folder / "sub").mkdir()
    write_xlsx(folder / "sub" / "c.xlsx", [HEADER, lesson_row(serial_number="3")])

    table = load_files([folder])

    assert table.problems == []
    assert list(table.frame["file"]) == [str(folder / "a.csv"), str(folder / "b.xlsx")]
    assert list(table.frame.index) == [0, 1]


def test_files_merged_with_unique_index(tmp_path):
    first = write_xlsx(tmp_path / "a.xlsx", [HEADER, lesson_row(), lesson_row(room_id="1.80208E+13", serial_number="2")])
    second = write_xlsx(tmp_path / "b.xlsx", [HEADER, lesson_row(room_id="1.80208E+13")])

    table = load_files([first, second, str(first)])

    assert list(table.frame.index) == [0, 1, 2]
    assert table.reported_cells == {(1, "room_id"), (2, "room_id")}
    assert [problem.file for problem in table.problems] == [str(first), str(second)]
    assert set(table.columns) == {(str(first), "课表"), (str(second), "课表")}


def test_empty_folder_reported(tmp_path):
    problem = file_problem(load_files([tmp_path]))

    assert problem.code == "no_timetable"
    assert problem.message_key == "problem.no_timetable.empty_folder"


def test_lock_file_given_directly_skipped(tmp_path):
    lock = tmp_path / "~$课表.xlsx"
    lock.write_bytes(b"owner")

    table = load_files([lock])

    assert table.problems == []
    assert len(table.frame) == 0


def test_missing_file_reported(tmp_path):
    problem = file_problem(load_file(tmp_path / "没有这个文件.xlsx"))

    assert problem.code == "file_not_found"
    assert problem.file == str(tmp_path / "没有这个文件.xlsx")


def test_unsupported_suffix_names_supported_types(tmp_path):
    path = tmp_path / "课表.numbers"
    path.write_bytes(b"whatever")

    problem = file_problem(load_file(path))

    assert problem.code == "unreadable_file"
    assert ".numbers" in problem.message
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in problem.message


def test_truncated_workbook_says_try_again(tmp_path):
    whole = write_xlsx(tmp_path / "whole.xlsx", [HEADER] + [lesson_row(serial_number=str(n)) for n in range(1, 50)])
    path = tmp_path / "课表.xlsx"
    path.write_bytes(whole.read_bytes()[: int(whole.stat().st_size * 0.55)])

    problem = file_problem(load_file(path))

    assert problem.code == "unreadable_file"
    assert problem.message_key == "problem.unreadable_file.incomplete"
    assert "稍等" in problem.message


def test_empty_file_is_incomplete(tmp_path):
    path = tmp_path / "课表.xlsx"
    path.write_bytes(b"")

    assert file_problem(load_file(path)).message_key == "problem.unreadable_file.incomplete"


def test_encrypted_workbook_rejected(tmp_path):
    # Excel stores a password-protected .xlsx as an OLE compound file holding an
    # "EncryptedPackage" stream; the name is enough for the check.
    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504
    path = tmp_path / "课表.xlsx"
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)

    problem = file_problem(load_file(path))

    assert problem.message_key == "problem.unreadable_file.encrypted"
    assert "密码" in problem.message


def test_damaged_compound_file_rejected(tmp_path):
    path = tmp_path / "课表.xls"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x01" * 2000)

    problem = file_problem(load_file(path))

    assert problem.code == "unreadable_file"


def test_html_saved_as_xls_rejected(tmp_path):
    path = tmp_path / "课表.xls"
    path.write_text("<html><body><table><tr><td>教室号</td></tr></table></body></html>", encoding="gbk")

    problem = file_problem(load_file(path))

    assert problem.message_key == "problem.unreadable_file.disguised"


def test_plain_zip_is_not_a_workbook(tmp_path):
    archive = shutil.make_archive(str(tmp_path / "notes"), "zip", root_dir=tmp_path, base_dir=".")
    path = tmp_path / "课表.xlsx"
    shutil.move(archive, path)

    problem = file_problem(load_file(path))

    assert problem.message_key == "problem.unreadable_file.not_a_workbook"


def test_messages_in_english(tmp_path):
    set_language("en")

    problem = file_problem(load_file(tmp_path / "missing.xlsx"))

    assert problem.message.startswith("File ")
    assert "not found" in problem.message


def test_load_file_skips_lock_file(tmp_path):
    lock = tmp_path / "~$课表.xlsx"
    lock.write_bytes(b"owner")

    table = load_file(lock)

    assert table.problems == []
    assert len(table.frame) == 0


def test_load_files_accepts_single_path(tmp_path):
    path = write_xlsx(tmp_path / "课表.xlsx", [HEADER, lesson_row()])

    assert len(load_files(str(path)).frame) == 1
    assert len(load_files(path).frame) == 1


def test_folder_skips_paike_reports(tmp_path):
    from fixtures.timetable_files import ROOM_A, make_lessons, write_timetable

    from pipeline.loading import load_files

    write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 2))
    write_timetable(tmp_path / "课表.检查结果.xlsx", make_lessons(ROOM_A, 5))

    table = load_files([tmp_path])

    assert len(table.frame) == 2
