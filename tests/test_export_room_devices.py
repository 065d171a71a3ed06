"""The devices bound to rooms, exported from the sandbox over HTTP."""

import openpyxl
import pytest

from export_support import client_for, formula_cells
from pipeline.export.room_devices import export_room_devices
from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call

MISSING_ROOM = "99999999999999"


@pytest.fixture(scope="module")
def box():
    with start_sandbox(SandboxOptions(devices=200, seed=4)) as running:
        yield running


def export(box, tmp_path, rooms):
    path = tmp_path / "教室设备.xlsx"
    summary = export_room_devices(client_for(box), rooms, path)
    return summary, list(openpyxl.load_workbook(path)["教室设备"].iter_rows(values_only=True)), path


def test_bound_devices_listed(box, tmp_path):
    room = box.rooms[0]
    bound = call(box, "getRoomDeviceInfo", room_id=room, page=1, page_size=100)["data"]["room_device_list"]
    zones = {zone["zone_id"]: zone["name"] for zone in call(box, "listZone", page=1, page_size=100)["data"]["list"]}

    summary, rows, path = export(box, tmp_path, [room])

    assert rows[0] == ("教室号", "设备ID", "设备码", "校区ID", "校区名称", "教室名称", "安装地址", "身份", "排课系统",
                       "状态")
    assert summary.rows == len(bound) == 4
    assert [row[1] for row in rows[1:]] == [device["device_id"] for device in bound]
    assert all(row[0] == room for row in rows[1:])
    assert [row[4] for row in rows[1:]] == [zones[device["zone_id"]] for device in bound]
    assert sorted(row[7] for row in rows[1:]) == ["学生", "学生", "学生", "老师"]
    assert formula_cells(path) == []


def test_room_without_devices_noted(box, tmp_path):
    room = box.rooms[1]
    bound = call(box, "getRoomDeviceInfo", room_id=room, page=1, page_size=100)["data"]["room_device_list"]
    call(box, "unbindDeviceBatch", room_id=room, device_ids=",".join(str(device["device_id"]) for device in bound))

    summary, rows, _ = export(box, tmp_path, [room])

    assert summary.rows == 0
    assert rows[1] == (room, "该教室没有绑定设备。") + (None,) * 8


def test_missing_room_noted_and_skipped(box, tmp_path):
    summary, rows, _ = export(box, tmp_path, [MISSING_ROOM, box.rooms[2]])
    missing = [row for row in rows if row[0] == MISSING_ROOM]

    assert summary.skipped_rooms == [MISSING_ROOM]
    assert len(missing) == 1
    assert missing[0][1].startswith("教室不存在或已删除")
    assert summary.rows == 4
