"""Reading every page of listDevice, listZone and getRoomDeviceInfo over HTTP."""

import math

import pytest

from export_support import client_for
from pipeline.client.pagination import MAX_PASSES, Page, PaginationError, read_all_pages
from sandbox.server import SandboxOptions, start_sandbox
from sandbox_calls import call


@pytest.fixture(scope="module")
def box():
    with start_sandbox(SandboxOptions(devices=2500, seed=3)) as running:
        yield running


def listed_ids(box, zone_id=None):
    """Return every device id as the sandbox has it, read in one page each of 1000."""
    ids, page = [], 1
    while True:
        params = {"zone_id": zone_id} if zone_id is not None else {}
        data = call(box, "listDevice", page=page, page_size=1000, **params)["data"]
        ids += [device["device_id"] for device in data["list"]]
        if len(data["list"]) < 1000:
            return ids
        page += 1


def test_list_devices_reads_three_pages(box):
    before = box.stats()["by_endpoint"].get("listDevice", 0)

    with client_for(box).list_devices() as rows:
        devices = list(rows)

    assert box.stats()["by_endpoint"]["listDevice"] - before == 3
    assert rows.calls == 3
    assert len(devices) == 2500
    assert len({device["device_id"] for device in devices}) == 2500
    assert [device["device_id"] for device in devices] == listed_ids(box)


@pytest.mark.parametrize("page_size", [3, 7, 500, 1000])
def test_list_devices_of_zone_page_sizes(box, page_size):
    expected = listed_ids(box, zone_id=2)

    with client_for(box).list_devices(zone_id=2, page_size=page_size) as rows:
        devices = list(rows)

    assert [device["device_id"] for device in devices] == expected
    assert rows.calls == math.ceil(len(expected) / page_size)


def test_list_zones_reads_all(box):
    with client_for(box).list_zones() as rows:
        zones = list(rows)

    assert len(zones) == rows.total == 50
    assert rows.calls == 1


def test_room_devices_lists_bindings(box):
    devices = client_for(box).room_devices(box.rooms[0], page_size=2)

    assert len(devices) == 4
    assert sorted(device["user_role"] for device in devices) == [0, 0, 0, 1]


def test_empty_inventory_costs_one_call():
    with start_sandbox(SandboxOptions()) as empty:
        with client_for(empty).list_devices() as rows:
            assert list(rows) == []
            assert rows.calls == 1
            assert rows.total == 0


class MovingClient:
    """Changes the sandbox between the pages of listDevice, through updateDeviceInfo."""

    def __init__(self, box, changes):
        self.client = client_for(box)
        self.box = box
        # page number after which to apply a change -> (device_id, new zone_id)
        self.changes = dict(changes)
        original_call = self.client.call

        def call_and_move(endpoint, params):
            data = original_call(endpoint, params)
            change = self.changes.pop(params.get("page"), None) if endpoint == "listDevice" else None
            if change:
                device_id, zone_id = change
                call(box, "updateDeviceInfo", device_id=device_id, zone_id=zone_id)
            return data

        self.client.call = call_and_move


def test_device_leaving_mid_read_skips_nothing():
    with start_sandbox(SandboxOptions(devices=400, seed=5)) as box:
        zone = listed_ids(box, zone_id=1)
        leaving = zone[0]
        moving = MovingClient(box, {1: (leaving, 2)})

        with moving.client.list_devices(zone_id=1, page_size=3) as rows:
            ids = [device["device_id"] for device in rows]
            passes = rows.passes

    assert passes == 2
    assert ids == [device_id for device_id in zone if device_id != leaving]


def test_device_joining_mid_read_repeats_nothing():
    with start_sandbox(SandboxOptions(devices=400, seed=5)) as box:
        zone = listed_ids(box, zone_id=1)
        joining = min(listed_ids(box, zone_id=2))
        moving = MovingClient(box, {1: (joining, 1)})

        with moving.client.list_devices(zone_id=1, page_size=3) as rows:
            ids = [device["device_id"] for device in rows]

    assert sorted(ids) == sorted(zone + [joining])
    assert len(ids) == len(set(ids))


def test_list_never_settling_raises():
    with start_sandbox(SandboxOptions(devices=400, seed=5)) as box:
        zone_two = listed_ids(box, zone_id=2)
        # Every pass sees one more device join after its first page.
        moving = MovingClient(box, {})
        joins = iter(zone_two)

        original = moving.client.call

        def call_and_join(endpoint, params):
            data = original(endpoint, params)
            if endpoint == "listDevice" and params.get("page") == 1:
                call(box, "updateDeviceInfo", device_id=next(joins), zone_id=1)
            return data

        moving.client.call = call_and_join

        with pytest.raises(PaginationError) as raised:
            moving.client.list_devices(zone_id=1, page_size=3)

    assert raised.value.endpoint == "listDevice"
    assert "listDevice" in raised.value.message


# The rule itself, with pages made up in memory.

def pages_of(items, total=None):
    def fetch(page, page_size):
        start = (page - 1) * page_size
        return Page(items=items[start:start + page_size], total=len(items) if total is None else total)

    return fetch


def test_short_page_without_change_raises():
    items = [{"id": number} for number in range(5)]

    with pytest.raises(PaginationError) as raised:
        read_all_pages(pages_of(items, total=7), endpoint="listDevice", key="id", page_size=2)

    assert raised.value.params["passes"] == MAX_PASSES
    assert raised.value.params["total"] == 7


def test_repeated_id_within_pass_is_kept_once():
    repeating = [{"id": 1}, {"id": 2}, {"id": 2}, {"id": 3}]
    settled = [{"id": 1}, {"id": 2}, {"id": 3}]
    lists_by_pass = [repeating, repeating, settled]
    passes = []

    def fetch(page, page_size):
        if page == 1:
            passes.append(page)
        return pages_of(lists_by_pass[len(passes) - 1])(page, page_size)

    with read_all_pages(fetch, endpoint="listDevice", key="id", page_size=2) as rows:
        assert [item["id"] for item in rows] == [1, 2, 3]
        assert rows.passes == 3


def test_page_size_above_limit_rejected():
    with pytest.raises(ValueError):
        read_all_pages(pages_of([]), endpoint="listDevice", key="id", page_size=1001)
