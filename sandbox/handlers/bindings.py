"""The endpoints that bind devices to rooms (课程绑定设备) and list a room's devices.

Choices where the vendor's document is silent:
- Binding a device that is already bound to the room changes its role and keeps its
  ``bind_id``.
- The batch calls skip devices and rooms that do not exist and leave them out of
  ``succ_list``; ``setAllStudentDevice`` returns the number of student devices the
  room has afterwards.
- ``getRoomDeviceInfo`` lists devices in binding order, with the role of the binding.
- Unbinding a device that is not bound to the room is a code 1 refusal.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sandbox.handlers.devices import ensure_device
from sandbox.handlers.registry import Context, endpoint, ensure_room, paginate, room_exists
from sandbox.params import Params
from sandbox.refusals import general
from sandbox.store import beijing_now

STUDENT = 0
ROLES = (0, 1)


@endpoint("bindDevice", writes=True)
def bind_device(context: Context, params: Params) -> dict[str, int]:
    room_id = params.room_id()
    device_id = params.integer("device_id")
    user_role = params.choice("user_role", ROLES)

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        ensure_device(db, device_id)
        return {"bind_id": bind(db, room_id, device_id, user_role)}


@endpoint("bindStudentDeviceBatch", writes=True)
def bind_student_device_batch(context: Context, params: Params) -> dict[str, list[int]]:
    room_id = params.room_id()
    device_ids = params.id_list("device_ids")

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        bound = existing_devices(db, device_ids)
        for device_id in bound:
            bind(db, room_id, device_id, STUDENT)
    return {"succ_list": bound}


@endpoint("bindRoomBatch", writes=True)
def bind_room_batch(context: Context, params: Params) -> dict[str, list[int]]:
    room_ids = params.room_list("room_ids")
    device_id = params.integer("device_id")
    user_role = params.choice("user_role", ROLES)

    with context.store.transaction() as db:
        ensure_device(db, device_id)
        bound = [room_id for room_id in room_ids if room_exists(context, db, room_id)]
        for room_id in bound:
            bind(db, room_id, device_id, user_role)
    return {"succ_list": [int(room_id) for room_id in bound]}


@endpoint("unbindDevice", writes=True)
def unbind_device(context: Context, params: Params) -> dict[str, int]:
    room_id = params.room_id()
    device_id = params.integer("device_id")

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        row = db.execute(
            "SELECT bind_id FROM bindings WHERE room_id = ? AND device_id = ?", (room_id, device_id)
        ).fetchone()
        if row is None:
            raise general(f"设备 {device_id} 没有绑定教室 {room_id}")
        db.execute("DELETE FROM bindings WHERE bind_id = ?", (row["bind_id"],))
    return {"bind_id": row["bind_id"]}


@endpoint("unbindDeviceBatch", writes=True)
def unbind_device_batch(context: Context, params: Params) -> dict[str, int]:
    room_id = params.room_id()
    device_ids = params.id_list("device_ids")

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        removed = 0
        for device_id in device_ids:
            cursor = db.execute("DELETE FROM bindings WHERE room_id = ? AND device_id = ?", (room_id, device_id))
            removed += cursor.rowcount
    return {"count": removed}


@endpoint("setAllStudentDevice", writes=True)
def set_all_student_device(context: Context, params: Params) -> dict[str, int]:
    room_id = params.room_id()
    device_ids = params.id_list("device_ids")

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        db.execute("DELETE FROM bindings WHERE room_id = ? AND user_role = ?", (room_id, STUDENT))
        for device_id in existing_devices(db, device_ids):
            bind(db, room_id, device_id, STUDENT)
        count = db.execute(
            "SELECT COUNT(*) FROM bindings WHERE room_id = ? AND user_role = ?", (room_id, STUDENT)
        ).fetchone()[0]
    return {"count": count}


@endpoint("getRoomDeviceInfo", writes=False)
def get_room_device_info(context: Context, params: Params) -> dict[str, Any]:
    room_id = params.room_id()
    page, page_size = params.page()

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        total = db.execute("SELECT COUNT(*) FROM bindings WHERE room_id = ?", (room_id,)).fetchone()[0]
        rows = paginate(
            db,
            "SELECT d.device_id, d.device_unique, d.zone_id, d.class_name, d.address, b.user_role, d.use_type,"
            " d.status FROM bindings AS b JOIN devices AS d ON d.device_id = b.device_id"
            " WHERE b.room_id = ? ORDER BY b.bind_id",
            (room_id,),
            page,
            page_size,
        )
    return {"room_device_list": [dict(row) for row in rows], "total": total}


def bind(db: sqlite3.Connection, room_id: str, device_id: int, user_role: int) -> int:
    """Bind the device to the room with this role and return the binding's id."""
    db.execute(
        "INSERT INTO bindings (room_id, device_id, user_role, create_time) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (room_id, device_id) DO UPDATE SET user_role = excluded.user_role",
        (room_id, device_id, user_role, beijing_now()),
    )
    row = db.execute("SELECT bind_id FROM bindings WHERE room_id = ? AND device_id = ?", (room_id, device_id)).fetchone()
    return row["bind_id"]


def existing_devices(db: sqlite3.Connection, device_ids: list[int]) -> list[int]:
    """Return the ids among ``device_ids`` that name a device, in the order given."""
    return [
        device_id
        for device_id in device_ids
        if db.execute("SELECT 1 FROM devices WHERE device_id = ?", (device_id,)).fetchone()
    ]
