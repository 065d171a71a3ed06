"""The device (设备) endpoints: listing, editing and the last activation.

Choices where the vendor's document is silent:
- ``listDevice`` orders by ``device_id``; an unknown ``zone_id`` gives an empty page.
- For a device that was never activated, ``getRecentActivateRecord`` returns
  ``activate_record: []``, because that is how a PHP backend encodes an empty array.
- An unknown ``device_id`` is a code 1 refusal.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sandbox.handlers.registry import Context, endpoint, paginate
from sandbox.handlers.zones import ensure_zone
from sandbox.params import Params
from sandbox.refusals import general

DEVICE_FIELDS = (
    "device_id, device_unique, zone_id, user_role, class_name, address, create_time, install_date,"
    " first_active_date, max_user, confirm_pic, class_spot, province, city, use_type, status"
)
# updateDeviceInfo's optional fields and how each is read.
EDITABLE_TEXT_FIELDS = ("class_name", "address")
EDITABLE_CHOICE_FIELDS = {"user_role": (0, 1), "use_type": (1, 2), "status": (0, 1)}


@endpoint("listDevice", writes=False)
def list_device(context: Context, params: Params) -> dict[str, Any]:
    zone_id = params.integer("zone_id", required=False)
    page, page_size = params.page()

    where, parameters = ("WHERE zone_id = ?", (zone_id,)) if zone_id is not None else ("", ())
    with context.store.transaction() as db:
        total = db.execute(f"SELECT COUNT(*) FROM devices {where}", parameters).fetchone()[0]
        rows = paginate(
            db, f"SELECT {DEVICE_FIELDS} FROM devices {where} ORDER BY device_id", parameters, page, page_size
        )
    return {"total": total, "list": [device_to_api(row) for row in rows]}


@endpoint("updateDeviceInfo", writes=True)
def update_device_info(context: Context, params: Params) -> dict[str, int]:
    device_id = params.integer("device_id")
    changes = read_device_changes(params)

    with context.store.transaction() as db:
        ensure_device(db, device_id)
        if "zone_id" in changes:
            ensure_zone(db, changes["zone_id"])
        for column, value in changes.items():
            db.execute(f"UPDATE devices SET {column} = ? WHERE device_id = ?", (value, device_id))
    return {"device_id": device_id}


@endpoint("getRecentActivateRecord", writes=False)
def get_recent_activate_record(context: Context, params: Params) -> dict[str, Any]:
    device_id = params.integer("device_id")

    with context.store.transaction() as db:
        ensure_device(db, device_id)
        row = db.execute(
            "SELECT device_unique, last_activate_time, last_activate_length FROM devices WHERE device_id = ?",
            (device_id,),
        ).fetchone()

    record: dict[str, Any] | list = []
    if row["last_activate_time"] is not None:
        record = {"activate_time": row["last_activate_time"], "activate_length": row["last_activate_length"]}
    return {"device_id": device_id, "device_unique": row["device_unique"], "activate_record": record}


def read_device_changes(params: Params) -> dict[str, Any]:
    """Return {column: new value} for the optional fields that were sent."""
    changes: dict[str, Any] = {}
    for name in EDITABLE_TEXT_FIELDS:
        if params.has(name):
            changes[name] = params.text(name, required=name == "class_name")
    if params.has("zone_id"):
        changes["zone_id"] = params.integer("zone_id")
    for name, allowed in EDITABLE_CHOICE_FIELDS.items():
        if params.has(name):
            changes[name] = params.choice(name, allowed)
    return changes


def ensure_device(db: sqlite3.Connection, device_id: int) -> None:
    if not db.execute("SELECT 1 FROM devices WHERE device_id = ?", (device_id,)).fetchone():
        raise general(f"设备不存在：{device_id}")


def device_to_api(row: sqlite3.Row) -> dict[str, Any]:
    """Return a stored device in ``listDevice``'s shape, with ``class_spot`` as a list."""
    device = dict(row)
    device["class_spot"] = json.loads(device["class_spot"])
    return device
