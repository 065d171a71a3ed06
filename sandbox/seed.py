"""The sandbox's starting data: fixed room numbers and generated zones and devices.

The sample workbooks use :data:`SEEDED_ROOMS`, so those numbers must never change.
Zones and devices are generated from a seed, so the same ``devices`` and ``seed``
always give the same rows. Photo URLs point at a made-up host under example.com.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from sandbox.store import Store, beijing_now

SEEDED_ROOMS: tuple[str, ...] = tuple(str(18020796069152 + offset) for offset in range(24)) + tuple(
    str(123234567124414 + offset) for offset in range(8)
)

DEVICES_PER_ZONE = 50
MIN_ZONES = 3
PHOTO_HOST = "https://img.example.com/double_teacher"
# Each seeded room gets one teacher device and this many student devices, when there are enough.
STUDENTS_PER_ROOM = 3


@dataclass(frozen=True)
class City:
    province: str
    name: str
    # The six-digit administrative division code, used as the zone's ``area_id``.
    area_id: int
    districts: tuple[str, ...]


CITIES = (
    City("北京", "北京", 110100, ("海淀区", "朝阳区", "东城区", "丰台区")),
    City("上海", "上海", 310100, ("浦东新区", "徐汇区", "静安区", "杨浦区")),
    City("湖北", "武汉", 420100, ("洪山区", "武昌区", "江汉区", "汉阳区")),
    City("广东", "广州", 440100, ("天河区", "越秀区", "海珠区", "番禺区")),
    City("广东", "深圳", 440300, ("南山区", "福田区", "龙岗区", "宝安区")),
    City("四川", "成都", 510100, ("武侯区", "锦江区", "青羊区", "高新区")),
    City("浙江", "杭州", 330100, ("西湖区", "滨江区", "拱墅区", "余杭区")),
    City("陕西", "西安", 610100, ("雁塔区", "碑林区", "未央区", "长安区")),
)
STREETS = ("中山路", "人民路", "解放大道", "建设路", "学府路", "文化路", "科技路", "光明街")
TEACHER_CLASS_NAMES = ("主讲室", "名师直播间", "录播教室", "双师主讲教室")
STUDENT_CLASS_NAMES = ("{floor}0{number}教室", "双师{number}班", "多功能厅", "阶梯教室{number}", "{floor}楼小班教室")
MAX_USERS = (10, 20, 30, 40, 50, 60)
# NOTE: the vendor does not give the unit of activate_length; these values assume days.
ACTIVATE_LENGTHS = (30, 90, 180, 365, 730)
# Share of generated devices that are teachers, disabled, never activated, etc.
TEACHER_SHARE = 0.12
DISABLED_SHARE = 0.05
NEVER_ACTIVATED_SHARE = 0.1
NO_SCHEDULING_SHARE = 0.15
NO_SPOT_PHOTOS_SHARE = 0.2
FIRST_DAY = dt.datetime(2018, 3, 1, 8, 0, 0)


@dataclass(frozen=True)
class ZoneRow:
    zone_id: int
    zone_unique: int
    area_id: int
    name: str
    address: str
    create_time: dt.datetime
    city: City


class DeviceRow(NamedTuple):
    """One ``devices`` row, fields in the table's column order."""

    device_id: int
    device_unique: str
    zone_id: int
    user_role: int
    class_name: str
    address: str
    create_time: str
    install_date: str
    first_active_date: str | None
    max_user: int
    confirm_pic: str
    class_spot: str
    province: str
    city: str
    use_type: int
    status: int
    last_activate_time: str | None
    last_activate_length: int | None


def seed_rooms(store: Store) -> None:
    """Create the fixed rooms; existing rooms and their course info are kept."""
    with store.transaction() as db:
        db.executemany("INSERT OR IGNORE INTO rooms (room_id) VALUES (?)", [(room,) for room in SEEDED_ROOMS])


def seed_devices(store: Store, count: int, seed: int) -> bool:
    """Generate ``count`` devices in about count/50 zones and bind some to seeded rooms.

    Does nothing and returns False when the store already has zones or devices, so a
    state file keeps the devices it was first seeded with.
    """
    if count <= 0 or store.fetch_value("SELECT EXISTS (SELECT 1 FROM zones UNION ALL SELECT 1 FROM devices)"):
        return False

    rng = random.Random(seed)
    zones = make_zones(rng, max(MIN_ZONES, round(count / DEVICES_PER_ZONE)))
    devices = [make_device(rng, device_id, rng.choice(zones)) for device_id in range(1, count + 1)]

    with store.transaction() as db:
        insert_zones(db, zones)
        placeholders = ", ".join("?" * len(DeviceRow._fields))
        db.executemany(f"INSERT INTO devices ({', '.join(DeviceRow._fields)}) VALUES ({placeholders})", devices)
        insert_bindings(db, devices)
    return True


def make_zones(rng: random.Random, count: int) -> list[ZoneRow]:
    zones = []
    for zone_id in range(1, count + 1):
        city = CITIES[(zone_id - 1) % len(CITIES)]
        district = rng.choice(city.districts)
        zones.append(
            ZoneRow(
                zone_id=zone_id,
                zone_unique=1000 + zone_id,
                area_id=city.area_id,
                name=f"{city.name}{district}第{(zone_id - 1) // len(CITIES) + 1}校区",
                address=street_address(rng, city, district),
                create_time=FIRST_DAY + dt.timedelta(days=rng.randrange(1500), minutes=rng.randrange(600)),
                city=city,
            )
        )
    return zones


def street_address(rng: random.Random, city: City, district: str) -> str:
    region = f"{city.name}市" if city.province == city.name else f"{city.province}省{city.name}市"
    return f"{region}{district}{rng.choice(STREETS)}{rng.randrange(1, 400)}号"


def insert_zones(db: sqlite3.Connection, zones: list[ZoneRow]) -> None:
    db.executemany(
        "INSERT INTO zones (zone_id, zone_unique, area_id, name, address, create_time) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (zone.zone_id, zone.zone_unique, zone.area_id, zone.name, zone.address, format_time(zone.create_time))
            for zone in zones
        ],
    )


def make_device(rng: random.Random, device_id: int, zone: ZoneRow) -> DeviceRow:
    device_unique = f"{rng.getrandbits(128):032X}"
    user_role = 1 if rng.random() < TEACHER_SHARE else 0
    floor = rng.randrange(1, 9)
    created = zone.create_time + dt.timedelta(days=rng.randrange(900), minutes=rng.randrange(900))
    installed = created.date() + dt.timedelta(days=rng.randrange(15))
    first_active, last_activate_time, activate_length = make_activation(rng, installed)
    photo_stem = f"{PHOTO_HOST}/{device_unique[:12].lower()}"

    return DeviceRow(
        device_id=device_id,
        device_unique=device_unique,
        zone_id=zone.zone_id,
        user_role=user_role,
        class_name=make_class_name(rng, user_role, floor),
        address=f"{zone.address}{floor}楼",
        create_time=format_time(created),
        install_date=installed.isoformat(),
        first_active_date=first_active,
        max_user=rng.choice(MAX_USERS),
        confirm_pic=f"{photo_stem}_confirm.jpg",
        class_spot=json.dumps(make_spot_photos(rng, photo_stem)),
        province=zone.city.province,
        city=zone.city.name,
        use_type=2 if rng.random() < NO_SCHEDULING_SHARE else 1,
        status=1 if rng.random() < DISABLED_SHARE else 0,
        last_activate_time=last_activate_time,
        last_activate_length=activate_length,
    )


def make_class_name(rng: random.Random, user_role: int, floor: int) -> str:
    if user_role == 1:
        return f"{rng.choice(TEACHER_CLASS_NAMES)}{rng.randrange(1, 6)}"
    return rng.choice(STUDENT_CLASS_NAMES).format(floor=floor, number=rng.randrange(1, 10))


def make_activation(rng: random.Random, installed: dt.date) -> tuple[str | None, str | None, int | None]:
    """Return (first_active_date, last activation time, activation length) or all None."""
    if rng.random() < NEVER_ACTIVATED_SHARE:
        return None, None, None
    first_active = installed + dt.timedelta(days=rng.randrange(21))
    last_activation = dt.datetime.combine(first_active, dt.time(8)) + dt.timedelta(
        days=rng.randrange(400), minutes=rng.randrange(720)
    )
    return first_active.isoformat(), format_time(last_activation), rng.choice(ACTIVATE_LENGTHS)


def make_spot_photos(rng: random.Random, photo_stem: str) -> list[str]:
    if rng.random() < NO_SPOT_PHOTOS_SHARE:
        return []
    return [f"{photo_stem}_spot{number}.jpg" for number in range(1, rng.randrange(2, 5))]


def insert_bindings(db: sqlite3.Connection, devices: list[DeviceRow]) -> None:
    """Bind one teacher and a few student devices (enabled ones) to each seeded room."""
    enabled = [device for device in devices if device.status == 0]
    teachers = [device.device_id for device in enabled if device.user_role == 1]
    students = [device.device_id for device in enabled if device.user_role == 0]
    now = beijing_now()

    bindings = []
    for position, room in enumerate(SEEDED_ROOMS):
        if teachers:
            bindings.append((room, teachers[position % len(teachers)], 1, now))
        if students:
            first = position * STUDENTS_PER_ROOM
            picked = {students[(first + step) % len(students)] for step in range(STUDENTS_PER_ROOM)}
            bindings.extend((room, device_id, 0, now) for device_id in sorted(picked))
    db.executemany(
        "INSERT OR IGNORE INTO bindings (room_id, device_id, user_role, create_time) VALUES (?, ?, ?, ?)", bindings
    )


def format_time(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")
