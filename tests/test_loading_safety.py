"""Hostile and oversized files: rejected before anything parses them."""

import zipfile

import xlsxwriter

import pipeline.loading.biff as biff
import pipeline.loading.container as container
import pipeline.loading.csv_file as csv_file
import pipeline.loading.file_loader as file_loader
import pipeline.loading.sheet_xml as sheet_xml
import pipeline.loading.workbook as workbook_module
from pipeline.loading import load_file
from fixtures.workbooks import HEADER, lesson_row, rewrite_part, write_csv, write_xls, write_xlsx

SHEET = "xl/worksheets/sheet1.xml"


def file_problem(table):
    assert len(table.frame) == 0
    assert len(table.problems) == 1
    assert table.problems[0].sheet is None
    return table.problems[0]


def timetable(tmp_path, name="课表.xlsx"):
    return write_xlsx(tmp_path / name, [HEADER, lesson_row(), lesson_row(serial_number="2")])


def test_doctype_in_sheet_rejected(tmp_path):
    path = rewrite_part(
        timetable(tmp_path),
        SHEET,
        lambda xml: b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY boom "boom">]>' + xml,
    )

    problem = file_problem(load_file(path))

    assert problem.code == "unsafe_file"
    assert problem.params == {"part": SHEET}


def test_entity_in_any_part_rejected(tmp_path):
    path = rewrite_part(
        timetable(tmp_path),
        "docProps/core.xml",
        lambda xml: b'<!DOCTYPE x SYSTEM "file:///etc/passwd">' + xml,
    )

    assert file_problem(load_file(path)).code == "unsafe_file"


def test_long_prolog_rejected(tmp_path):
    path = rewrite_part(timetable(tmp_path), SHEET, lambda xml: b"<!--" + b" " * 20_000 + b"-->" + xml)

    assert file_problem(load_file(path)).code == "unsafe_file"


def test_zip_bomb_ratio_rejected(tmp_path):
    path = timetable(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (2 * 1024 * 1024))

    problem = file_problem(load_file(path))

    assert problem.code == "unsafe_file"
    assert problem.message_key == "problem.unsafe_file.compression_ratio"


def test_uncompressed_size_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(container, "MAX_UNCOMPRESSED_BYTES", 1000)

    problem = file_problem(load_file(timetable(tmp_path)))

    assert problem.code == "file_too_large"
    assert problem.message_key == "problem.file_too_large.bytes"


def test_file_size_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(file_loader, "MAX_UNCOMPRESSED_BYTES", 100)
    path = write_csv(tmp_path / "课表.csv", [HEADER, lesson_row()])

    assert file_problem(load_file(path)).code == "file_too_large"


def test_member_count_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(container, "MAX_ZIP_MEMBERS", 3)

    problem = file_problem(load_file(timetable(tmp_path)))

    assert problem.message_key == "problem.unsafe_file.too_many_parts"


def test_data_rows_capped_across_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(file_loader, "MAX_DATA_ROWS", 3)
    rows = [HEADER, lesson_row(), lesson_row(serial_number="2")]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, extra_sheets={"第二周": rows})

    problem = file_problem(load_file(path))

    assert problem.code == "file_too_large"
    assert problem.params == {"limit": 3}


def test_csv_rows_capped_while_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_file, "MAX_DATA_ROWS", 5)
    path = write_csv(tmp_path / "课表.csv", [HEADER] + [lesson_row(serial_number=str(n)) for n in range(1, 40)])

    assert file_problem(load_file(path)).code == "file_too_large"


def test_inflated_used_range_costs_little(tmp_path):
    path = tmp_path / "课表.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    worksheet = workbook.add_worksheet("课表")
    worksheet.write_row(0, 0, HEADER)
    worksheet.write_row(1, 0, lesson_row())
    # An empty text cell on Excel's last row stretches the used range to it.
    worksheet.write_string(200_000, 6, "")
    workbook.close()

    table = load_file(path)

    assert table.problems == []
    assert list(table.frame["row"]) == [2]


def test_far_cell_rejected_before_calamine(tmp_path):
    # Two values at A1 and XFD1048576 would make calamine allocate 17 billion cells.
    path = tmp_path / "课表.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    worksheet = workbook.add_worksheet("课表")
    worksheet.write_row(0, 0, HEADER)
    worksheet.write_string(1_048_575, 16_383, "x")
    workbook.close()

    problem = file_problem(load_file(path))

    assert problem.code == "file_too_large"
    assert problem.message_key == "problem.file_too_large.cells"
    assert (problem.params["rows"], problem.params["columns"]) == (1_048_576, 16_384)


def test_cell_reference_beyond_its_row_measured(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_module, "MAX_SHEET_CELLS", 10_000)
    path = rewrite_part(
        timetable(tmp_path),
        SHEET,
        lambda xml: xml.replace(b'<c r="B3"', b'<c r="B90000"'),
    )

    problem = file_problem(load_file(path))

    assert problem.params["rows"] == 90_000


def test_far_formatting_without_values_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_module, "MAX_SHEET_CELLS", 10_000)
    styled = b'<row r="1000000" s="1" customFormat="1"/><row r="1000001"><c r="XFD1000001" s="1"/></row>'
    path = rewrite_part(timetable(tmp_path), SHEET, lambda xml: xml.replace(b"</sheetData>", styled + b"</sheetData>"))

    table = load_file(path)

    assert table.problems == []
    assert len(table.frame) == 2


def test_far_cell_in_later_chunk_measured(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_xml, "SHEET_SCAN_CHUNK_BYTES", 256)
    monkeypatch.setattr(workbook_module, "MAX_SHEET_CELLS", 10_000)
    rows = [HEADER] + [lesson_row(serial_number=str(number)) for number in range(1, 40)]
    path = rewrite_part(
        write_xlsx(tmp_path / "课表.xlsx", rows),
        SHEET,
        lambda xml: xml.replace(b'<c r="B38"', b'<c r="B90000"'),
    )

    problem = file_problem(load_file(path))

    assert problem.message_key == "problem.file_too_large.cells"


def test_small_chunks_read_honest_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_xml, "SHEET_SCAN_CHUNK_BYTES", 256)
    monkeypatch.setattr(workbook_module, "MAX_SHEET_CELLS", 1_000)
    rows = [HEADER] + [lesson_row(serial_number=str(number)) for number in range(1, 40)]

    table = load_file(write_xlsx(tmp_path / "课表.xlsx", rows))

    assert table.problems == []
    assert len(table.frame) == 39


def legacy_workbook(tmp_path):
    return write_xls(tmp_path / "课表.xls", [HEADER, lesson_row(), lesson_row(serial_number="2")])


def test_legacy_inverted_dimensions_rejected(tmp_path):
    path = legacy_workbook(tmp_path)
    data = bytearray(path.read_bytes())
    # DIMENSIONS record: type 0x0200, 14 bytes, first row as a 32-bit number.
    record = data.find(b"\x00\x02\x0e\x00")
    data[record + 4 : record + 8] = (0x4E00).to_bytes(4, "little")
    path.write_bytes(bytes(data))

    problem = file_problem(load_file(path))

    assert problem.message_key == "problem.unreadable_file.damaged"


def test_legacy_header_counts_checked(tmp_path):
    path = legacy_workbook(tmp_path)
    data = bytearray(path.read_bytes())
    data[44:48] = (0x7FFFFFFF).to_bytes(4, "little")  # number of FAT sectors
    path.write_bytes(bytes(data))

    assert file_problem(load_file(path)).message_key == "problem.unreadable_file.damaged"


def test_legacy_far_cell_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(biff, "MAX_SHEET_CELLS", 100)
    path = write_xls(tmp_path / "课表.xls", [HEADER, lesson_row()] + [[None]] * 20 + [[None] * 9 + ["x"]])

    problem = file_problem(load_file(path))

    assert problem.message_key == "problem.file_too_large.cells"
