"""The annotated workbook: marked cells, comments, the problem list and its links."""

from __future__ import annotations

import datetime
import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.comments import Comment

from fixtures.tables import lesson, make_table
from pipeline.i18n import set_language
from pipeline.problems import Severity, error, warning
from pipeline.validation import validate
from pipeline.validation.annotate import write_annotated_workbook

HEADERS = ["教室号", "日期", "课节编号", "课节标题", "开始时间", "结束时间", "主讲老师"]
TODAY = datetime.date(2024, 3, 1)
RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"


def write_source(path: Path) -> None:
    """Write a title row, the header and three lessons; C5 is a formula with a cached 2."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("课表")
    sheet.write_string(0, 0, "2024 春季课表")
    sheet.write_row(1, 0, HEADERS)
    sheet.write_row(2, 0, ["18020796069152", "2024/13/01", "1", "软件工程", "08:00", "08:45", "叶子豪"])
    sheet.write_row(3, 0, ["18020796069152", "2024-03-04", "1", "软件工程", "09:00", "09:45", "叶子豪"])
    sheet.write_row(4, 0, ["18020796069152", "2024-03-04", "", "", "10:00", "10:45", "叶子豪"])
    sheet.write_formula(4, 2, "=1+1", None, 2)
    sheet.write_string(4, 3, "=不是公式")
    book.close()


def problems_for(file: str) -> list:
    """Return the problems validation finds in the rows ``write_source`` writes."""
    rows = [
        lesson(date="2024/13/01"),
        lesson(start_time="09:00", end_time="09:45", date="2024-02-26"),
        lesson(serial_number="2", title="=不是公式", start_time="10:00", end_time="10:45", date="2024-02-26"),
    ]
    return validate(make_table(rows, file=file, first_row=3), today=TODAY).problems


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def annotated(tmp_path):
    """Return (source, output workbook) for the xlsx written by ``write_source``."""
    source = tmp_path / "课表.xlsx"
    write_source(source)
    before = digest(source)
    destination = write_annotated_workbook(source, problems_for(str(source)), tmp_path / "out" / "课表.检查结果.xlsx")

    assert digest(source) == before
    return source, openpyxl.load_workbook(destination)


def test_problem_list_is_first_sheet(annotated):
    _, book = annotated

    assert book.sheetnames == ["检查结果", "课表"]
    assert book.active.title == "检查结果"


def test_problem_list_layout(annotated):
    _, book = annotated
    sheet = book["检查结果"]
    header = [cell.value for cell in sheet[3]]

    assert sheet["A1"].value == "共发现 1 个错误、2 个警告。"
    assert header == ["级别", "文件", "工作表", "行", "列", "代码", "说明"]
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:G6"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["A"].width


def test_problem_list_rows_and_links(annotated):
    _, book = annotated
    sheet = book["检查结果"]
    rows = [[cell.value for cell in row][:6] for row in sheet.iter_rows(min_row=4)]

    assert [row[0] for row in rows] == ["错误", "警告", "警告"]
    assert [(row[3], row[4], row[5]) for row in rows] == [
        (3, "日期", "invalid_date"),
        (4, "日期", "date_in_past"),
        (5, "日期", "date_in_past"),
    ]
    assert sheet["D4"].hyperlink.location == "'课表'!B3"
    assert sheet["D6"].hyperlink.location == "'课表'!B5"
    assert sheet["A4"].fill.fgColor.rgb == RED


def test_error_cell_red_with_comment(annotated):
    _, book = annotated
    cell = book["课表"]["B3"]

    assert cell.fill.fgColor.rgb == RED
    assert cell.comment.author == "paike"
    assert cell.comment.text.startswith("【错误】日期“2024/13/01”无效")


def test_warning_cell_yellow(annotated):
    _, book = annotated
    cell = book["课表"]["B4"]

    assert cell.fill.fgColor.rgb == YELLOW
    assert cell.comment.text.startswith("【警告】日期 2024-02-26 早于今天")


def test_cells_without_problems_untouched(annotated):
    _, book = annotated
    sheet = book["课表"]

    assert sheet["A3"].comment is None
    assert sheet["A3"].fill.fgColor.rgb != RED
    assert sheet["A1"].value == "2024 春季课表"


def test_formula_keeps_cached_value(annotated):
    _, book = annotated

    assert book["课表"]["C5"].value == 2


def test_equals_text_stays_text(annotated):
    _, book = annotated
    formulas = [
        cell.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]

    assert book["课表"]["D5"].value == "=不是公式"
    assert formulas == []


def test_several_problems_share_one_comment(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    problems = [
        error("invalid_date", str(source), sheet="课表", row=3, column="日期", column_index=1, params={"value": "x"}),
        warning("date_in_past", str(source), sheet="课表", row=3, column="日期", column_index=1,
                params={"value": "x", "today": "2024-03-01"}),
    ]
    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))
    cell = book["课表"]["B3"]

    assert cell.fill.fgColor.rgb == RED
    assert cell.comment.text.splitlines()[0].startswith("【错误】")
    assert cell.comment.text.splitlines()[1].startswith("【警告】")


def test_problem_without_column_marks_first_cell(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    problems = [error("hidden_row", str(source), sheet="课表", row=4)]
    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert book["课表"]["A4"].fill.fgColor.rgb == RED
    assert book["检查结果"]["D4"].hyperlink.location == "'课表'!A4"


def test_problem_without_row_links_sheet(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    problems = [warning("date_in_past", str(source), sheet="课表", params={"value": "x", "today": "y"})]
    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert book["检查结果"]["C4"].hyperlink.location == "'课表'!A1"
    assert book["检查结果"]["D4"].hyperlink is None


def test_other_files_problems_left_out(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    problems = [
        error("invalid_date", "别的.xlsx", sheet="课表", row=3, column_index=1, params={"value": "x"}),
        error("no_timetable", None),
    ]
    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))
    codes = [row[5] for row in book["检查结果"].iter_rows(min_row=4, values_only=True)]

    assert codes == ["no_timetable"]
    assert book["课表"]["B3"].comment is None


def test_bare_file_name_matches_source(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    problems = [error("invalid_date", "课表.xlsx", sheet="课表", row=3, column_index=1, params={"value": "x"})]
    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert book["课表"]["B3"].fill.fgColor.rgb == RED


def test_merged_cell_problem_marks_anchor(tmp_path):
    source = tmp_path / "合并.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "课表"
    sheet.append(HEADERS)
    for _ in range(3):
        sheet.append(["18020796069152", "2024-03-04", "1", "软件工程", "08:00", "08:45", "叶子豪"])
    sheet.merge_cells("A2:A4")
    book.save(source)
    problems = [error("invalid_room_id", str(source), sheet="课表", row=3, column_index=0, params={"value": "x"})]

    result = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))
    anchor = result["课表"]["A2"]

    assert anchor.fill.fgColor.rgb == RED
    assert anchor.comment.text.startswith("【错误】第 3 行：")
    assert "A2:A4" in {str(merged) for merged in result["课表"].merged_cells.ranges}


def test_user_comment_kept(tmp_path):
    source = tmp_path / "批注.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "课表"
    sheet["B2"] = "2024/13/01"
    sheet["B2"].comment = Comment("教务处：待确认", "王老师")
    book.save(source)
    problems = [error("invalid_date", str(source), sheet="课表", row=2, column_index=1, params={"value": "2024/13/01"})]

    cell = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))["课表"]["B2"]

    assert cell.comment.text.startswith("【错误】")
    assert cell.comment.text.endswith("（原批注）教务处：待确认")


def test_user_sheet_named_like_summary(tmp_path):
    source = tmp_path / "重名.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "检查结果"
    book.active["B2"] = "bad"
    book.save(source)
    problems = [error("invalid_date", str(source), sheet="检查结果", row=2, column_index=1, params={"value": "bad"})]

    result = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert result.sheetnames == ["检查结果", "检查结果 (1)"]
    assert result["检查结果 (1)"]["B2"].fill.fgColor.rgb == RED
    assert result["检查结果"]["D4"].hyperlink.location == "'检查结果 (1)'!B2"


def test_csv_becomes_sheet_named_after_file(tmp_path):
    source = tmp_path / "二班课表.csv"
    text = "教室号,日期,课节编号,课节标题,开始时间,结束时间,主讲老师\n" \
           "018020796069152,2024/13/01,1,=SUM(A1),08:00,08:45,叶子豪\n"
    source.write_bytes(text.encode("gb18030"))
    problems = [error("invalid_date", str(source), row=2, column="日期", column_index=1, params={"value": "2024/13/01"})]

    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))
    sheet = book["二班课表"]

    assert book.sheetnames == ["检查结果", "二班课表"]
    assert sheet["A2"].value == "018020796069152"
    assert sheet["D2"].value == "=SUM(A1)"
    assert sheet["D2"].data_type == "s"
    assert sheet["B2"].fill.fgColor.rgb == RED
    assert book["检查结果"]["C4"].value == "二班课表"
    assert book["检查结果"]["D4"].hyperlink.location == "'二班课表'!B2"


def test_unreadable_source_gives_list_only(tmp_path):
    source = tmp_path / "坏.xlsx"
    source.write_bytes(b"PK\x03\x04 not really a zip")
    problems = [error("invalid_date", str(source), sheet="课表", row=3, column_index=1, params={"value": "x"})]

    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert book.sheetnames == ["检查结果"]
    assert book["检查结果"]["A2"].value == "原文件无法打开，这里只列出问题，没有标注副本。"
    assert book["检查结果"]["D4"].hyperlink is None


def test_unsafe_source_is_not_opened(tmp_path):
    source = tmp_path / "炸弹.xlsx"
    write_source(source)
    problems = [error("unsafe_file", str(source))]

    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert book.sheetnames == ["检查结果"]


def test_source_never_overwritten(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    before = digest(source)

    with pytest.raises(ValueError, match="overwrite"):
        write_annotated_workbook(source, [], source)
    assert digest(source) == before


def test_zip_bomb_not_opened(tmp_path):
    source = tmp_path / "压缩.xlsx"
    write_source(source)
    with zipfile.ZipFile(source, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", b"<a>" + b" " * 50_000_000 + b"</a>")
    problems = [error("invalid_date", str(source), sheet="课表", row=3, column_index=1, params={"value": "x"})]

    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))

    assert book.sheetnames == ["检查结果"]


def test_no_problems_says_so(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)

    book = openpyxl.load_workbook(write_annotated_workbook(source, [], tmp_path / "out.xlsx"))

    assert book["检查结果"]["A1"].value == "没有发现问题。"
    assert book["检查结果"].auto_filter.ref == "A3:G3"


def test_destination_replaced_without_leftovers(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    destination = tmp_path / "out.xlsx"
    destination.write_bytes(b"old report")

    write_annotated_workbook(source, problems_for(str(source)), destination)

    assert openpyxl.load_workbook(destination).sheetnames[0] == "检查结果"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.xlsx", "课表.xlsx"]


def test_english_report(tmp_path):
    source = tmp_path / "课表.xlsx"
    write_source(source)
    set_language("en")

    book = openpyxl.load_workbook(write_annotated_workbook(source, problems_for(str(source)), tmp_path / "out.xlsx"))
    sheet = book.worksheets[0]

    assert sheet.title == "Check results"
    assert [cell.value for cell in sheet[3]] == ["Severity", "File", "Sheet", "Row", "Column", "Code", "Message"]
    assert book["课表"]["B3"].comment.text.startswith("[Error] Date '2024/13/01' is invalid")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to write an .xls file")
def test_xls_source_read_with_calamine(tmp_path):
    xlsx = tmp_path / "旧格式.xlsx"
    write_source(xlsx)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    source = tmp_path / "旧格式.xls"
    problems = [
        problem
        for problem in problems_for("旧格式.xls")
        if problem.severity is Severity.ERROR
    ]

    book = openpyxl.load_workbook(write_annotated_workbook(source, problems, tmp_path / "out.xlsx"))
    sheet = book["课表"]

    assert sheet["A3"].value == "18020796069152"
    assert sheet["C5"].value == 2
    assert sheet["D5"].value == "=不是公式"
    assert sheet["D5"].data_type == "s"
    assert sheet["B3"].fill.fgColor.rgb == RED
