"""The sample workbooks: regenerated from samples/generate.py, loaded and validated."""

from __future__ import annotations

import datetime
import functools
import importlib.util
import sys
from pathlib import Path

import openpyxl
import pytest

from pipeline.lessons import LESSON_FIELDS
from pipeline.loading import load_files
from pipeline.validation import validate

REPOSITORY = Path(__file__).resolve().parent.parent
SAMPLES = REPOSITORY / "samples"
SAMPLE_NAMES = ("春季班排课.xlsx", "暑期集训课表.xlsx", "常见错误示例.xlsx")
SPRING_ROOMS = {str(room) for room in range(18020796069152, 18020796069176)}
CAMP_ROOMS = {str(room) for room in range(123234567124414, 123234567124422)}
# Before every sample date and less than a year ahead of them all, so the past-date and
# far-ahead warnings stay quiet whenever the suite runs.
TODAY = datetime.date(2027, 2, 1)


def import_generator():
    """Import samples/generate.py, which is a script and not part of a package."""
    spec = importlib.util.spec_from_file_location("samples_generate", SAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    # dataclasses look the module up in sys.modules while the module runs.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("samples")
    import_generator().generate(folder)
    return folder


@functools.cache
def load_sample(name: str):
    """Load a committed sample once for all the tests that only read it."""
    return load_files([SAMPLES / name])


def sheet_values(path: Path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def lesson_rows(table) -> list[tuple]:
    """Return the lesson fields and the sheet and row of every loaded row, in order."""
    columns = [*LESSON_FIELDS, "sheet", "row"]
    return [tuple(row) for row in table.frame[columns].itertuples(index=False)]


def error_places(result) -> set[tuple[int, str, str]]:
    return {(problem.row, problem.column, problem.code) for problem in result.errors}


def test_generator_writes_same_bytes_twice(regenerated: Path, tmp_path: Path):
    import_generator().generate(tmp_path)

    for name in SAMPLE_NAMES:
        assert (tmp_path / name).read_bytes() == (regenerated / name).read_bytes(), name


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_committed_sample_matches_generator(regenerated: Path, name: str):
    assert sheet_values(SAMPLES / name) == sheet_values(regenerated / name)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_committed_sample_loads_same_rows(regenerated: Path, name: str):
    committed = load_sample(name)
    fresh = load_files([regenerated / name])

    assert lesson_rows(committed) == lesson_rows(fresh)
    assert len(committed.problems) == len(fresh.problems)


def test_spring_sample_clean():
    result = validate(load_sample("春季班排课.xlsx"), today=TODAY)

    assert result.errors == []
    assert result.warnings == []
    assert len(result.lessons) >= 300
    assert {lesson.room_id for lesson in result.lessons} == SPRING_ROOMS


def test_spring_sample_spans_two_weeks():
    result = validate(load_sample("春季班排课.xlsx"), today=TODAY)
    dates = {datetime.date.fromisoformat(lesson.date) for lesson in result.lessons}

    assert max(dates) - min(dates) >= datetime.timedelta(days=12)
    assert {day.weekday() for day in dates} == {0, 1, 2, 3, 4, 5}


def test_spring_sample_sets_course_info():
    table = load_sample("春季班排课.xlsx")

    assert set(table.course_info) == SPRING_ROOMS
    assert table.course_info["18020796069152"].title == "初二数学·函数入门（春季班）"


def test_camp_sample_valid():
    result = validate(load_sample("暑期集训课表.xlsx"), today=TODAY)

    assert result.errors == []
    assert len(result.lessons) >= 200
    assert {lesson.room_id for lesson in result.lessons} == CAMP_ROOMS


def test_camp_sample_rows_counted_below_title():
    table = load_sample("暑期集训课表.xlsx")
    first = table.frame.iloc[0]

    # Title, note and blank rows sit above the header in row 4.
    assert first["row"] == 5
    assert first["room_id"] == "123234567124414"
    assert first["date"] == "2027-04-12"
    assert first["start_time"] == "08:30"
    # Row 6 has its room and date only through the merged cells above it.
    second = table.frame.iloc[1]
    assert second["room_id"] == "123234567124414"
    assert second["date"] == "2027-04-12"


def test_camp_sample_uses_merges_and_time_cells():
    sheet = openpyxl.load_workbook(SAMPLES / "暑期集训课表.xlsx").active

    merged_columns = {cell_range.min_col for cell_range in sheet.merged_cells.ranges if cell_range.min_row > 4}
    assert merged_columns == {1, 2}
    assert isinstance(sheet["E5"].value, datetime.time)
    assert sheet["E5"].number_format == "hh:mm"
    assert isinstance(sheet["A5"].value, datetime.datetime)


def test_valid_samples_use_different_rooms():
    # Replace mode rewrites every lesson of a room, so the two files must not share one.
    spring = sheet_values(SAMPLES / "春季班排课.xlsx")["课表"][1:]
    camp = sheet_values(SAMPLES / "暑期集训课表.xlsx")["直播课表"][4:]

    assert {row[0] for row in spring if row[0]} == SPRING_ROOMS
    assert {row[1] for row in camp if row[1]} == CAMP_ROOMS


def test_mistakes_sample_reports_each_mistake():
    result = validate(load_sample("常见错误示例.xlsx"), today=TODAY)

    assert error_places(result) == {
        (4, "课节编号", "duplicate_serial"),
        (5, "课节编号", "duplicate_serial"),
        (6, "日期", "ambiguous_date"),
        (8, "开始时间", "overlap"),
        (9, "日期", "invalid_date"),
        (10, "课节标题", "required"),
        (12, "结束时间", "end_before_start"),
        (13, "开始时间", "invalid_time"),
        (14, "教室号", "required"),
        (16, "教室号", "room_id_precision_lost"),
    }
    assert result.warnings == []
