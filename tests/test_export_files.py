"""Cells that stay text, text Excel can store, and output files written whole or not at all."""

import openpyxl
import pytest

from export_support import formula_cells
from pipeline.errors import PaikeError
from pipeline.export.cells import MAX_CELL_CHARACTERS, SheetWriter, Styles, WriteCounts, clean_text, open_workbook
from pipeline.export.files import write_atomically

FORMULA_LIKE = ["=1+1", "+86 10 1234", "-5", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "=="]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("a\x00b\x08c\x0bd\x1fe", "abcde"),
        ("windows\r\nline", "windows\nline"),
        ("old mac\rline", "old mac\nline"),
        ("del\x7f c1\x85", "del c1"),
        ("non\ufffechar\uffff", "nonchar"),
    ],
)
def test_clean_text(raw, expected):
    cleaned, changed = clean_text(raw)

    assert cleaned == expected
    assert changed == (raw != expected)


def test_clean_text_cuts_long_text():
    cleaned, changed = clean_text("长" * (MAX_CELL_CHARACTERS + 5))

    assert len(cleaned) == MAX_CELL_CHARACTERS
    assert changed


def write_texts(path, texts):
    def write(temp):
        workbook = open_workbook(str(temp))
        writer = SheetWriter.add_sheet(Styles(workbook), "s", WriteCounts())
        for row, text in enumerate(texts):
            writer.text(row, 0, text)
        workbook.close()

    write_atomically(path, write)


def test_formula_like_text_round_trips(tmp_path):
    path = tmp_path / "t.xlsx"

    write_texts(path, FORMULA_LIKE)
    sheet = openpyxl.load_workbook(path)["s"]

    assert [sheet.cell(row, 1).value for row in range(1, len(FORMULA_LIKE) + 1)] == FORMULA_LIKE
    assert formula_cells(path) == []


def test_escape_like_text_round_trips(tmp_path):
    # xlsxwriter escapes a literal "_x0041_" so Excel does not decode it; calamine, which
    # the loader uses, reads it back unchanged (openpyxl 3.1 does not undo the escape).
    from python_calamine import CalamineWorkbook

    path = tmp_path / "t.xlsx"

    write_texts(path, ["_x0041_", "a_x000D_b"])
    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("s").to_python()

    assert values == [["_x0041_"], ["a_x000D_b"]]


def test_formula_like_text_gets_quote_prefix(tmp_path):
    path = tmp_path / "t.xlsx"

    write_texts(path, ["=1+1", "plain"])
    sheet = openpyxl.load_workbook(path)["s"]

    assert sheet["A1"].quotePrefix
    assert not sheet["A2"].quotePrefix


def test_existing_file_not_replaced(tmp_path):
    path = tmp_path / "out.xlsx"
    path.write_text("keep")

    with pytest.raises(PaikeError) as raised:
        write_atomically(path, lambda temp: temp.write_text("new"))

    assert raised.value.message_key == "export.exists"
    assert path.read_text() == "keep"


def test_file_appearing_during_write_not_replaced(tmp_path):
    path = tmp_path / "out.xlsx"

    def write(temp):
        temp.write_text("new")
        path.write_text("someone else's")

    with pytest.raises(PaikeError):
        write_atomically(path, write)

    assert path.read_text() == "someone else's"
    assert sorted(item.name for item in tmp_path.iterdir()) == ["out.xlsx"]


def test_crash_while_writing_leaves_nothing(tmp_path):
    path = tmp_path / "out.xlsx"

    def write(temp):
        temp.write_text("half")
        raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        write_atomically(path, write)

    assert list(tmp_path.iterdir()) == []


def test_overwrite_replaces(tmp_path):
    path = tmp_path / "out.xlsx"
    path.write_text("old")

    write_atomically(path, lambda temp: temp.write_text("new"), overwrite=True)

    assert path.read_text() == "new"


def test_links_past_excel_limit_become_text(tmp_path):
    from pipeline.export.cells import MAX_LINKS_PER_SHEET

    path = tmp_path / "links.xlsx"
    counts = WriteCounts()

    def write(temp):
        workbook = open_workbook(str(temp))
        writer = SheetWriter.add_sheet(Styles(workbook), "s", counts)
        # Pretend the sheet already holds all the links Excel allows but one.
        writer._links_on_sheet = MAX_LINKS_PER_SHEET - 1
        writer.link(0, 0, "https://img.example.com/a.jpg", "查看照片")
        writer.link(1, 0, "https://img.example.com/b.jpg", "查看照片")
        writer.link(2, 0, "javascript:alert(1)", "查看照片")
        workbook.close()

    write_atomically(path, write)
    sheet = openpyxl.load_workbook(path)["s"]

    assert sheet["A1"].hyperlink.target == "https://img.example.com/a.jpg"
    assert sheet["A2"].hyperlink is None
    assert sheet["A2"].value == "https://img.example.com/b.jpg"
    assert sheet["A3"].value == "javascript:alert(1)"
    assert counts.links == 1
    assert counts.links_as_text == 1
