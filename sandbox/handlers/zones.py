"""The zone (校区) endpoints.

``listZone`` lists the newest zone first, as the vendor's example response does. Unknown
zone ids and a repeated ``zone_unique`` are code 1 refusals (the document names no code).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sandbox.handlers.registry import Context, endpoint, paginate
from sandbox.params import Params
from sandbox.refusals import general
from sandbox.store import beijing_now

MAX_NAME_LENGTH = 100
MAX_ADDRESS_LENGTH = 255


@endpoint("addZone", writes=True)
def add_zone(context: Context, params: Params) -> dict[str, int]:
    zone_unique = params.integer("zone_unique")
    area_id, name, address = read_zone_fields(params)

    with context.store.transaction() as db:
        if db.execute("SELECT 1 FROM zones WHERE zone_unique = ?", (zone_unique,)).fetchone():
            raise general(f"校区唯一编码 {zone_unique} 已存在")
        cursor = db.execute(
            "INSERT INTO zones (zone_unique, area_id, name, address, create_time) VALUES (?, ?, ?, ?, ?)",
            (zone_unique, area_id, name, address, beijing_now()),
        )
    return {"zone_id": cursor.lastrowid}


@endpoint("listZone", writes=False)
def list_zone(context: Context, params: Params) -> dict[str, Any]:
    page, page_size = params.page()
    with context.store.transaction() as db:
        total = db.execute("SELECT COUNT(*) FROM zones").fetchone()[0]
        rows = paginate(
            db,
            "SELECT zone_id, zone_unique, name, address, create_time FROM zones ORDER BY zone_id DESC",
            (),
            page,
            page_size,
        )
    return {"total": total, "list": [dict(row) for row in rows]}


@endpoint("updateZone", writes=True)
def update_zone(context: Context, params: Params) -> dict[str, int]:
    zone_id = params.integer("zone_id")
    area_id, name, address = read_zone_fields(params)

    with context.store.transaction() as db:
        ensure_zone(db, zone_id)
        db.execute(
            "UPDATE zones SET area_id = ?, name = ?, address = ? WHERE zone_id = ?", (area_id, name, address, zone_id)
        )
    return {"zone_id": zone_id}


@endpoint("deleteZone", writes=True)
def delete_zone(context: Context, params: Params) -> dict[str, int]:
    zone_id = params.integer("zone_id")

    with context.store.transaction() as db:
        ensure_zone(db, zone_id)
        device_count = db.execute("SELECT COUNT(*) FROM devices WHERE zone_id = ?", (zone_id,)).fetchone()[0]
        if device_count:
            raise general(f"校区 {zone_id} 下还有 {device_count} 台设备，不能删除")
        db.execute("DELETE FROM zones WHERE zone_id = ?", (zone_id,))
    return {"zone_id": zone_id}


def read_zone_fields(params: Params) -> tuple[int, str, str]:
    """Return the ``area_id``, ``name`` and ``address`` that addZone and updateZone both require."""
    area_id = params.integer("area_id")
    name = params.text("name", max_length=MAX_NAME_LENGTH)
    address = params.text("address", max_length=MAX_ADDRESS_LENGTH)
    return area_id, name, address


def ensure_zone(db: sqlite3.Connection, zone_id: int) -> None:
    if not db.execute("SELECT 1 FROM zones WHERE zone_id = ?", (zone_id,)).fetchone():
        raise general(f"校区不存在：{zone_id}")
