"""Formulas saved without a result and hidden rows, found in the sheet XML."""

import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.loading.sheet_xml as sheet_xml
from pipeline.loading import load_file
from pipeline.loading.sheet_xml import ERROR_VALUE, NO_CACHED_VALUE, scan_sheet_part
from fixtures.workbooks import HEADER, lesson_row, write_xlsx, write_xlsx_with_cached_formulas


def test_formula_without_cached_value_reported(tmp_path):
    rows = [HEADER, lesson_row(), lesson_row(serial_number="2", end_time="=E3+TIME(0,45,0)")]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert [problem.code for problem in table.problems] == ["formula_no_cached_value"]
    problem = table.problems[0]
    assert (problem.sheet, problem.row, problem.column, problem.column_index) == ("课表", 3, "结束时间", 5)
    assert "保存" in problem.message
    assert table.frame.at[1, "end_time"] is None
    assert table.reported_cells == {(1, "end_time")}


def test_formula_with_cached_value_read_through(tmp_path):
    rows = [HEADER, lesson_row(title=None, end_time=None)]
    formulas = {(1, 3): ('="微积分"&"（一）"', "微积分（一）"), (1, 5): ("=E2+TIME(0,45,0)", 0.364583333333333)}
    path = write_xlsx_with_cached_formulas(tmp_path / "课表.xlsx", rows, formulas)

    table = load_file(path)

    assert table.problems == []
    assert table.frame.at[0, "title"] == "微积分（一）"
    assert table.frame.at[0, "end_time"] == "08:45"


def test_formula_error_value_reported(tmp_path):
    rows = [HEADER, lesson_row(title=None)]
    path = write_xlsx_with_cached_formulas(tmp_path / "课表.xlsx", rows, {(1, 3): ("=1/0", "#DIV/0!")})

    table = load_file(path)

    assert [problem.message_key for problem in table.problems] == ["problem.formula_no_cached_value.error_value"]


def test_formula_only_row_not_dropped_as_blank(tmp_path):
    rows = [HEADER, lesson_row(), [None, None, None, "=D2"]]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert [(problem.code, problem.row) for problem in table.problems] == [("formula_no_cached_value", 3)]
    assert list(table.frame["row"]) == [2, 3]


def test_formula_outside_lesson_columns_ignored(tmp_path):
    rows = [HEADER + ["备注"], lesson_row() + ["=A2"]]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert [problem.code for problem in table.problems] == ["unknown_column"]


def test_combined_time_formula_reports_once(tmp_path):
    header = ["教室号", "日期", "课节编号", "课节标题", "上课时间"]
    path = write_xlsx(tmp_path / "课表.xlsx", [header, ["18020796069152", "2027-03-01", 1, "数学", '="9:00-9:45"']])

    table = load_file(path)

    assert [problem.code for problem in table.problems] == ["formula_no_cached_value"]
    assert table.reported_cells == {(0, "start_time"), (0, "end_time")}


def test_hidden_row_reported_and_dropped(tmp_path):
    rows = [HEADER, lesson_row(), lesson_row(serial_number="2"), lesson_row(serial_number="3")]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, hidden_rows=[3])

    table = load_file(path)

    assert [(problem.code, problem.row, problem.column) for problem in table.problems] == [("hidden_row", 3, None)]
    assert "取消隐藏" in table.problems[0].message
    assert list(table.frame["row"]) == [2, 4]


def test_hidden_rows_outside_data_ignored(tmp_path):
    rows = [["说明：隐藏的标题行"], HEADER, lesson_row(), []]
    path = write_xlsx(tmp_path / "课表.xlsx", rows, hidden_rows=[1, 4])

    table = load_file(path)

    assert table.problems == []


def test_reported_cells_follow_dropped_rows(tmp_path):
    rows = [HEADER, lesson_row(), [], lesson_row(room_id="1.80208E+13")]
    path = write_xlsx(tmp_path / "课表.xlsx", rows)

    table = load_file(path)

    assert list(table.frame["row"]) == [2, 4]
    assert table.reported_cells == {(1, "room_id")}
    assert table.problems[0].row == 4
    assert table.problems[0].params["value"] == "1.80208E+13"


# --- the fast scan and the expat parse agree -----------------------------------------

CELL_KINDS = st.sampled_from(
    [
        "number",
        "shared_string",
        "inline_string",
        "formula_cached",
        "formula_no_value",
        "formula_empty_value",
        "formula_text_empty",
        "formula_error",
        "formula_text_hash",
        "shared_formula",
        "formula_inline_string",
        "styled_empty",
    ]
)


# Cells calamine reads as having no value.
NO_VALUE_KINDS = {"formula_no_value", "styled_empty"}


def cell_xml(kind: str, reference: str, p: str) -> str:
    """Return one <c> element of the given kind, with namespace prefix ``p``."""
    formula = f"<{p}f>A1&amp;&quot;x&quot;&gt;1</{p}f>"
    return {
        "number": f'<{p}c r="{reference}"><{p}v>1.5</{p}v></{p}c>',
        "shared_string": f'<{p}c r="{reference}" t="s"><{p}v>0</{p}v></{p}c>',
        "inline_string": f'<{p}c r="{reference}" t="inlineStr"><{p}is><{p}t>f</{p}t></{p}is></{p}c>',
        "formula_cached": f'<{p}c r="{reference}" s="1">{formula}<{p}v>0.5</{p}v></{p}c>',
        "formula_no_value": f'<{p}c r="{reference}">{formula}</{p}c>',
        "formula_empty_value": f'<{p}c r="{reference}">{formula}<{p}v /></{p}c>',
        "formula_text_empty": f'<{p}c r="{reference}" t="str">{formula}<{p}v></{p}v></{p}c>',
        "formula_error": f'<{p}c r="{reference}" t="e">{formula}<{p}v>#REF!</{p}v></{p}c>',
        "formula_text_hash": f'<{p}c r="{reference}" t="str">{formula}<{p}v>#1</{p}v></{p}c>',
        "shared_formula": f'<{p}c r="{reference}"><{p}f t="shared" si="0"/><{p}v>2</{p}v></{p}c>',
        "formula_inline_string": f'<{p}c r="{reference}" t="inlineStr">{formula}<{p}is><{p}t>x</{p}t></{p}is></{p}c>',
        "styled_empty": f'<{p}c r="{reference}" s="2"/>',
    }[kind]


def sheet_xml_text(rows, prefix: str) -> bytes:
    p = f"{prefix}:" if prefix else ""
    namespace = f"xmlns{':' + prefix if prefix else ''}"
    body = []
    for number, (hidden, kinds) in enumerate(rows, start=1):
        hidden_attribute = ' hidden="1"' if hidden else ""
        cells = "".join(cell_xml(kind, f"{chr(ord('A') + column)}{number}", p) for column, kind in enumerate(kinds))
        body.append(f'<{p}row r="{number}"{hidden_attribute}>{cells}</{p}row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {namespace}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<{p}cols><{p}col min="1" max="1" hidden="1"/></{p}cols><{p}sheetData>{"".join(body)}</{p}sheetData>'
        f'<{p}autoFilter ref="A1:C1"><{p}filterColumn colId="0"/></{p}autoFilter></{p}worksheet>'
    ).encode()


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.tuples(st.booleans(), st.lists(CELL_KINDS, max_size=6)), max_size=12),
    prefix=st.sampled_from(["", "x"]),
    chunk_size=st.sampled_from([64, 300, 1 << 20]),
)
def test_fast_scan_matches_expat(rows, prefix, chunk_size):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sheet.xml", sheet_xml_text(rows, prefix))
    archive = zipfile.ZipFile(buffer)
    original_chunk = sheet_xml.SHEET_SCAN_CHUNK_BYTES
    sheet_xml.SHEET_SCAN_CHUNK_BYTES = chunk_size
    try:
        fast = scan_sheet_part(archive, "sheet.xml")
    finally:
        sheet_xml.SHEET_SCAN_CHUNK_BYTES = original_chunk
    exact = sheet_xml._parse_whole_sheet(archive, "sheet.xml")

    assert fast.formula_cells == exact.formula_cells
    assert fast.hidden_rows == exact.hidden_rows
    # The fast extent may count cells without a value, never fewer than have one.
    assert fast.extent.rows >= exact.extent.rows
    assert fast.extent.columns >= exact.extent.columns
    assert exact.extent.rows == max(
        (number for number, (_, kinds) in enumerate(rows, start=1) if set(kinds) - NO_VALUE_KINDS), default=0
    )
    expected_cells = {
        (number, column): ERROR_VALUE if kind == "formula_error" else NO_CACHED_VALUE
        for number, (_, kinds) in enumerate(rows, start=1)
        for column, kind in enumerate(kinds)
        if kind in ("formula_no_value", "formula_empty_value", "formula_error")
    }
    assert fast.formula_cells == expected_cells
    assert fast.hidden_rows == {number for number, (hidden, _) in enumerate(rows, start=1) if hidden}


def test_scan_falls_back_for_comments():
    text = sheet_xml_text([(True, ["formula_no_value"])], "").replace(b"<sheetData>", b"<sheetData><!-- <f> -->")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sheet.xml", text)

    marks = scan_sheet_part(zipfile.ZipFile(buffer), "sheet.xml")

    assert marks.formula_cells == {(1, 0): NO_CACHED_VALUE}
    assert marks.hidden_rows == {1}
