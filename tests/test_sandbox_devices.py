"""The sandbox's zone, device and binding endpoints, and the generated devices."""

import pytest

from sandbox.seed import SEEDED_ROOMS
from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call

DEVICE_KEYS = [
    "device_id",
    "device_unique",
    "zone_id",
    "user_role",
    "class_name",
    "address",
    "create_time",
    "install_date",
    "first_active_date",
    "max_user",
    "confirm_pic",
    "class_spot",
    "province",
    "city",
    "use_type",
    "status",
]
ROOM_DEVICE_KEYS = ["device_id", "device_unique", "zone_id", "class_name", "address", "user_role", "use_type", "status"]
DEVICE_COUNT = 230


@pytest.fixture(scope="module")
def sandbox():
    # Shared by the read-only tests; tests that write start their own sandbox.
    with start_sandbox(SandboxOptions(devices=DEVICE_COUNT, seed=7)) as running:
        yield running


@pytest.fixture(scope="module")
def empty_sandbox():
    with start_sandbox(SandboxOptions()) as running:
        yield running


def list_all_devices(sandbox, page_size, **params):
    devices, page = [], 1
    while True:
        data = call(sandbox, "listDevice", page=page, page_size=page_size, **params)["data"]
        devices += data["list"]
        if not data["list"]:
            return devices, data["total"]
        page += 1


def test_list_device_pages_cover_all_once(sandbox):
    devices, total = list_all_devices(sandbox, page_size=100)

    assert total == DEVICE_COUNT
    assert len(devices) == DEVICE_COUNT
    assert len({device["device_id"] for device in devices}) == DEVICE_COUNT


def test_list_device_last_page_is_partial(sandbox):
    data = call(sandbox, "listDevice", page=3, page_size=100)["data"]

    assert data["total"] == DEVICE_COUNT
    assert len(data["list"]) == DEVICE_COUNT - 200


def test_list_device_shape(sandbox):
    device = call(sandbox, "listDevice", page=1, page_size=1)["data"]["list"][0]

    assert list(device) == DEVICE_KEYS
    assert isinstance(device["device_id"], int)
    assert isinstance(device["device_unique"], str)
    assert isinstance(device["class_spot"], list)
    assert device["user_role"] in (0, 1)
    assert device["use_type"] in (1, 2)
    assert device["status"] in (0, 1)
    assert device["confirm_pic"].startswith("https://img.example.com/")


def test_generated_devices_are_varied(sandbox):
    devices, _ = list_all_devices(sandbox, page_size=1000)

    assert {device["user_role"] for device in devices} == {0, 1}
    assert {device["status"] for device in devices} == {0, 1}
    assert any(device["first_active_date"] is None for device in devices)
    assert any(device["class_spot"] == [] for device in devices)
    assert len({device["city"] for device in devices}) > 2
    assert len({device["zone_id"] for device in devices}) >= 3


def test_generated_devices_repeat_with_seed(sandbox):
    with start_sandbox(SandboxOptions(devices=DEVICE_COUNT, seed=7)) as again:
        first = call(sandbox, "listDevice", page=1, page_size=50)["data"]["list"]
        second = call(again, "listDevice", page=1, page_size=50)["data"]["list"]

    assert first == second


def test_list_device_filters_by_zone(sandbox):
    zones = call(sandbox, "listZone", page=1, page_size=1000)["data"]["list"]
    zone_id = zones[0]["zone_id"]

    devices, total = list_all_devices(sandbox, page_size=1000, zone_id=zone_id)

    assert total == len(devices)
    assert {device["zone_id"] for device in devices} == {zone_id}


def test_list_device_unknown_zone_is_empty(sandbox):
    data = call(sandbox, "listDevice", zone_id=999999, page=1, page_size=10)["data"]

    assert data == {"total": 0, "list": []}


@pytest.mark.parametrize(("page", "page_size"), [(0, 10), (1, 0), (1, 1001), ("a", 10), (1, "")])
def test_list_device_bad_paging_is_1001(sandbox, page, page_size):
    assert call(sandbox, "listDevice", page=page, page_size=page_size)["code"] == 1001


def test_list_device_max_page_size_is_accepted(sandbox):
    assert call(sandbox, "listDevice", page=1, page_size=1000)["code"] == 0


def test_list_zone_shape_and_total(sandbox):
    data = call(sandbox, "listZone", page=1, page_size=2)["data"]

    assert data["total"] >= 3
    assert len(data["list"]) == 2
    assert list(data["list"][0]) == ["zone_id", "zone_unique", "name", "address", "create_time"]


def test_seeded_rooms_have_bound_devices(sandbox):
    data = call(sandbox, "getRoomDeviceInfo", room_id=SEEDED_ROOMS[0], page=1, page_size=10)["data"]

    assert data["total"] == len(data["room_device_list"])
    assert data["total"] >= 2
    assert list(data["room_device_list"][0]) == ROOM_DEVICE_KEYS
    assert {device["user_role"] for device in data["room_device_list"]} == {0, 1}


def test_room_device_info_unknown_room_is_3001(sandbox):
    assert call(sandbox, "getRoomDeviceInfo", room_id="18020796069999", page=1, page_size=10)["code"] == 3001


def test_recent_activate_record(sandbox):
    devices, _ = list_all_devices(sandbox, page_size=1000)
    active = next(device for device in devices if device["first_active_date"])
    never = next(device for device in devices if device["first_active_date"] is None)

    record = call(sandbox, "getRecentActivateRecord", device_id=active["device_id"])["data"]
    empty = call(sandbox, "getRecentActivateRecord", device_id=never["device_id"])["data"]

    assert record["device_unique"] == active["device_unique"]
    assert set(record["activate_record"]) == {"activate_time", "activate_length"}
    assert empty["activate_record"] == []
    assert call(sandbox, "getRecentActivateRecord", device_id=99999999)["code"] == 1


def test_zone_lifecycle():
    with start_sandbox(SandboxOptions()) as sandbox:
        added = call(sandbox, "addZone", zone_unique=131, area_id=110100, name="北京网校", address="北京海淀区")
        zone_id = added["data"]["zone_id"]

        assert call(sandbox, "addZone", zone_unique=131, area_id=110100, name="重复", address="北京")["code"] == 1
        assert call(sandbox, "updateZone", zone_id=zone_id, area_id=110100, name="北京总校", address="北京")["code"] == 0
        assert call(sandbox, "listZone", page=1, page_size=10)["data"]["list"][0]["name"] == "北京总校"
        assert call(sandbox, "deleteZone", zone_id=zone_id)["data"] == {"zone_id": zone_id}
        assert call(sandbox, "listZone", page=1, page_size=10)["data"] == {"total": 0, "list": []}
        assert call(sandbox, "deleteZone", zone_id=zone_id)["code"] == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("zone_unique", "A131"), ("name", "校" * 101), ("address", "路" * 256), ("name", ""), ("area_id", "北京")],
)
def test_add_zone_bad_field_is_1001(empty_sandbox, field, value):
    params = {"zone_unique": 131, "area_id": 110100, "name": "北京网校", "address": "北京海淀区", field: value}

    envelope = call(empty_sandbox, "addZone", **params)

    assert envelope["code"] == 1001
    assert field in envelope["msg"]


def test_add_zone_accepts_length_limits(empty_sandbox):
    envelope = call(empty_sandbox, "addZone", zone_unique=1, area_id=1, name="校" * 100, address="路" * 255)

    assert envelope["code"] == 0


def test_delete_zone_with_devices_is_refused():
    with start_sandbox(SandboxOptions(devices=10)) as sandbox:
        zone_id = call(sandbox, "listDevice", page=1, page_size=1)["data"]["list"][0]["zone_id"]

        envelope = call(sandbox, "deleteZone", zone_id=zone_id)

    assert envelope["code"] == 1
    assert "设备" in envelope["msg"]


def test_update_device_changes_only_sent_fields():
    with start_sandbox(SandboxOptions(devices=10)) as sandbox:
        before = call(sandbox, "listDevice", page=1, page_size=1)["data"]["list"][0]

        envelope = call(sandbox, "updateDeviceInfo", device_id=before["device_id"], class_name="新教室", status=1)
        after = call(sandbox, "listDevice", page=1, page_size=1)["data"]["list"][0]

        assert envelope["data"] == {"device_id": before["device_id"]}
        assert after == {**before, "class_name": "新教室", "status": 1}
        assert call(sandbox, "updateDeviceInfo", device_id=before["device_id"], status=2)["code"] == 1001
        assert call(sandbox, "updateDeviceInfo", device_id=before["device_id"], zone_id=9999)["code"] == 1
        assert call(sandbox, "updateDeviceInfo", device_id=99999)["code"] == 1


def test_bindings_lifecycle():
    # In "any" mode these rooms exist but, not being seeded, start with no devices.
    room, other_rooms = "99999999999901", ["99999999999902", "999999999999003"]
    with start_sandbox(SandboxOptions(devices=20, rooms="any")) as sandbox:
        bound = call(sandbox, "setAllStudentDevice", room_id=room, device_ids="1, 2, 3, 99999")
        assert bound["data"] == {"count": 3}

        assert call(sandbox, "bindDevice", room_id=room, device_id=4, user_role=1)["code"] == 0
        batch = call(sandbox, "bindStudentDeviceBatch", room_id=room, device_ids="5,6,88888")
        assert batch["data"] == {"succ_list": [5, 6]}

        listed = call(sandbox, "getRoomDeviceInfo", room_id=room, page=1, page_size=100)["data"]
        assert listed["total"] == 6
        assert sorted(device["device_id"] for device in listed["room_device_list"]) == [1, 2, 3, 4, 5, 6]

        assert call(sandbox, "unbindDeviceBatch", room_id=room, device_ids="1,2,77")["data"] == {"count": 2}
        assert call(sandbox, "unbindDevice", room_id=room, device_id=4)["code"] == 0
        assert call(sandbox, "unbindDevice", room_id=room, device_id=4)["code"] == 1

        rooms = ",".join(other_rooms + ["123"])
        envelope = call(sandbox, "bindRoomBatch", room_ids=rooms, device_id=7, user_role=0)
        assert envelope["data"] == {"succ_list": [int(room_id) for room_id in other_rooms]}
        assert call(sandbox, "bindDevice", room_id=room, device_id=7, user_role=2)["code"] == 1001
        assert call(sandbox, "bindDevice", room_id="123", device_id=7, user_role=0)["code"] == 3001
