"""Exporting live schedules in the import-template layout, and publishing them back."""

import datetime as dt

import openpyxl
import pytest

from export_support import client_for, formula_cells
from fixtures.cli_runner import run_paike
from pipeline.checking import check_files
from pipeline.errors import ApiError
from pipeline.export.schedules import export_room_schedules
from pipeline.lessons import CourseInfo, Lesson
from pipeline.loading import load_files
from sandbox.server import SandboxOptions, start_sandbox

MISSING_ROOM = "99999999999999"


def lessons_for(room):
    return [
        Lesson(room, "2027-03-05", "08:00", "08:45", 1, "=1+1", None),
        Lesson(room, "2027-03-05", "09:00", "09:45", 2, "@home -x", "王老师"),
        Lesson(room, "2027-03-06", "19:30", "20:15", 3, "-5 数学", "+86"),
        Lesson(room, "2027-03-07", "13:00", "13:45", 4, "语文：古诗 «静夜思» 第1讲", "李 老师"),
    ]


@pytest.fixture
def box(monkeypatch):
    with start_sandbox(SandboxOptions()) as running:
        monkeypatch.setenv("PAIKE_PARTNER_KEY", running.partner_key)
        client = client_for(running)
        for room in running.rooms[:3]:
            client.set_room_schedules(room, lessons_for(room))
        yield running


def paike(box, *args):
    return run_paike("--base-url", box.base_url, "--partner-id", box.partner_id, *args)


def write_calls(box):
    return box.stats()["write_calls"]


def test_export_loads_back_to_same_lessons(box, tmp_path):
    path = tmp_path / "课表.xlsx"
    rooms = box.rooms[:3]

    summary = export_room_schedules(client_for(box), rooms, path)
    outcome = check_files([path], mode="sync")
    loaded = {room: sorted(lessons) for room, lessons in outcome.result.lessons_by_room().items()}

    assert summary.rows == 12
    assert summary.calls_by_endpoint == {"getAllSchedule": 3}
    assert outcome.ok
    assert outcome.result.errors == []
    assert loaded == {room: client_for(box).get_all_schedule(room) for room in rooms}


def test_export_uses_template_cells(box, tmp_path):
    path = tmp_path / "课表.xlsx"

    export_room_schedules(client_for(box), box.rooms[:1], path)
    sheet = openpyxl.load_workbook(path)["课表"]
    header = [cell.value for cell in sheet[1]]
    room, date, serial, title, start, end, teacher = sheet[2]

    assert header == ["教室号", "日期", "课节编号", "课节标题", "开始时间", "结束时间", "主讲老师"]
    assert room.value == box.rooms[0]
    assert room.data_type == "s"
    assert date.value == dt.datetime(2027, 3, 5)
    assert date.number_format == "yyyy-mm-dd"
    assert serial.value == 1
    assert title.value == "=1+1"
    assert title.data_type == "s"
    assert start.value == dt.time(8, 0)
    assert end.value == dt.time(8, 45)
    assert teacher.value is None
    assert formula_cells(path) == []


def test_publish_sync_of_export_makes_no_writes(box, tmp_path):
    path = tmp_path / "课表.xlsx"
    export_room_schedules(client_for(box), box.rooms[:3], path)
    before = write_calls(box)

    result = paike(box, "publish", str(path), "--mode", "sync")

    assert result.code == 0, result.text
    assert write_calls(box) == before


def test_every_ledger_room_round_trips(box, tmp_path):
    first = tmp_path / "first.xlsx"
    export_room_schedules(client_for(box), box.rooms[:2], first)
    assert paike(box, "publish", str(first)).code == 0
    exported = tmp_path / "ledger.xlsx"

    result = paike(box, "export", "schedules", "-o", str(exported))
    before = write_calls(box)
    republished = paike(box, "publish", str(exported), "--mode", "sync")

    assert result.code == 0, result.text
    assert sorted(load_files([exported]).frame["room_id"].unique()) == box.rooms[:2]
    assert republished.code == 0, republished.text
    assert write_calls(box) == before


def test_from_file_takes_its_rooms(box, tmp_path):
    source = tmp_path / "source.xlsx"
    export_room_schedules(client_for(box), box.rooms[1:3], source)
    exported = tmp_path / "again.xlsx"

    result = paike(box, "export", "schedules", "--from", str(source), "-o", str(exported))

    assert result.code == 0, result.text
    assert sorted(load_files([exported]).frame["room_id"].unique()) == box.rooms[1:3]


def test_course_info_sheet_loads_back(box, tmp_path):
    path = tmp_path / "课表.xlsx"
    room = box.rooms[0]
    info = CourseInfo(room, "=高一数学", "张老师")

    export_room_schedules(client_for(box), [room], path, course_info={room: info, "18020796069999": info})
    table = load_files([path])

    assert table.course_info == {room: info}


def test_missing_room_skipped(box, tmp_path):
    path = tmp_path / "课表.xlsx"

    summary = export_room_schedules(client_for(box), [box.rooms[0], MISSING_ROOM], path)

    assert summary.skipped_rooms == [MISSING_ROOM]
    assert summary.rows == 4


def test_api_refusal_leaves_no_file(box, tmp_path):
    path = tmp_path / "课表.xlsx"

    with pytest.raises(ApiError):
        export_room_schedules(client_for(box), ["0"], path)

    assert list(tmp_path.iterdir()) == []


def test_room_without_lessons_gives_header_only(box, tmp_path):
    path = tmp_path / "课表.xlsx"

    summary = export_room_schedules(client_for(box), [box.rooms[5]], path)
    rows = list(openpyxl.load_workbook(path)["课表"].iter_rows(values_only=True))

    assert summary.rows == 0
    assert len(rows) == 1
