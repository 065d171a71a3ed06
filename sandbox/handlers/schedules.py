"""The schedule (排课信息) endpoints: a room's course info and its lessons.

Behaviour where the vendor's document is silent, chosen as a strict server would act:
- ``updateSchedule`` finds the lesson by room + serial number alone. When the serial
  repeats on several days, it updates the lesson created first (lowest id).
- ``updateSchedule`` and ``setRoomScheduleInfo`` replace the whole record, so a
  ``teacher_name`` that is not sent becomes "".
- ``deleteScheduleBatch`` deletes every lesson of the room with one of the serial
  numbers, on any day; serial numbers with no lesson are ignored.
- ``setRoomSchedules`` with ``[]`` deletes every lesson; ``title``/``teacher_name``
  change the course info only when sent.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sandbox.handlers.registry import Context, endpoint, ensure_room
from sandbox.params import Params
from sandbox.refusals import general, invalid
from sandbox.rules import LessonInput, check_unique_serials, duplicate_serial, parse_lesson, parse_schedule
from sandbox.store import Store, beijing_now

SELECT_ROOM_LESSONS = (
    "SELECT id, partner_id, room_id, date, title, serial_number, start_time, end_time, teacher_name,"
    " create_time, update_time FROM lessons WHERE room_id = ? ORDER BY date, start_time, id"
)


@endpoint("setRoomScheduleInfo", writes=True)
def set_room_schedule_info(context: Context, params: Params) -> None:
    room_id = params.room_id()
    title = params.text("title")
    teacher_name = params.text("teacher_name", required=False) or ""

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        db.execute("UPDATE rooms SET title = ?, teacher_name = ? WHERE room_id = ?", (title, teacher_name, room_id))


@endpoint("setRoomSchedules", writes=True)
def set_room_schedules(context: Context, params: Params) -> None:
    room_id = params.room_id()
    lessons = parse_schedule(params.text("schedule"))
    title = params.text("title", required=False)
    teacher_name = params.text("teacher_name", required=False)
    if title is not None and not title.strip():
        raise invalid("title", "不能为空")
    check_unique_serials(lessons)

    # Everything is validated above, so the replacement below either happens whole or not at all.
    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        db.execute("DELETE FROM lessons WHERE room_id = ?", (room_id,))
        for lesson in lessons:
            insert_lesson(db, context.partner_id, room_id, lesson)
        if title is not None:
            db.execute("UPDATE rooms SET title = ? WHERE room_id = ?", (title, room_id))
        if teacher_name is not None:
            db.execute("UPDATE rooms SET teacher_name = ? WHERE room_id = ?", (teacher_name, room_id))


@endpoint("addSchedule", writes=True)
def add_schedule(context: Context, params: Params) -> None:
    room_id = params.room_id()
    lesson = parse_lesson(params.values)

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        if find_lesson_on_day(db, room_id, lesson.date, lesson.serial_number) is not None:
            raise duplicate_serial(lesson.date, lesson.serial_number)
        insert_lesson(db, context.partner_id, room_id, lesson)


@endpoint("updateSchedule", writes=True)
def update_schedule(context: Context, params: Params) -> None:
    room_id = params.room_id()
    lesson = parse_lesson(params.values)

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        target = db.execute(
            "SELECT id FROM lessons WHERE room_id = ? AND serial_number = ? ORDER BY id LIMIT 1",
            (room_id, lesson.serial_number),
        ).fetchone()
        if target is None:
            raise general(f"课节不存在：教室 {room_id} 没有编号为 {lesson.serial_number} 的课节")

        clash = find_lesson_on_day(db, room_id, lesson.date, lesson.serial_number)
        if clash is not None and clash != target["id"]:
            raise duplicate_serial(lesson.date, lesson.serial_number)
        db.execute(
            "UPDATE lessons SET date = ?, title = ?, start_time = ?, end_time = ?, teacher_name = ?, update_time = ?"
            " WHERE id = ?",
            (lesson.date, lesson.title, lesson.start_time, lesson.end_time, lesson.teacher_name, beijing_now(), target["id"]),
        )


@endpoint("deleteScheduleBatch", writes=True)
def delete_schedule_batch(context: Context, params: Params) -> None:
    room_id = params.room_id()
    serial_numbers = params.id_list("serial_numbers")
    if 0 in serial_numbers:
        raise invalid("serial_numbers", "课节编号应为正整数")

    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        db.executemany(
            "DELETE FROM lessons WHERE room_id = ? AND serial_number = ?",
            [(room_id, serial_number) for serial_number in serial_numbers],
        )


@endpoint("deleteAllSchedule", writes=True)
def delete_all_schedule(context: Context, params: Params) -> None:
    room_id = params.room_id()
    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        db.execute("DELETE FROM lessons WHERE room_id = ?", (room_id,))


@endpoint("getAllSchedule", writes=False)
def get_all_schedule(context: Context, params: Params) -> dict[str, Any]:
    room_id = params.room_id()
    with context.store.transaction() as db:
        ensure_room(context, db, room_id)
        rows = db.execute(SELECT_ROOM_LESSONS, (room_id,)).fetchall()
    return {"list": [lesson_to_api(row) for row in rows]}


def find_lesson_on_day(db: sqlite3.Connection, room_id: str, date: str, serial_number: int) -> int | None:
    """Return the id of the room's lesson with this serial number on this date, if any."""
    row = db.execute(
        "SELECT id FROM lessons WHERE room_id = ? AND date = ? AND serial_number = ?", (room_id, date, serial_number)
    ).fetchone()
    return None if row is None else row["id"]


def insert_lesson(db: sqlite3.Connection, partner_id: str, room_id: str, lesson: LessonInput) -> None:
    now = beijing_now()
    db.execute(
        "INSERT INTO lessons (partner_id, room_id, date, serial_number, title, start_time, end_time, teacher_name,"
        " create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            partner_id,
            room_id,
            lesson.date,
            lesson.serial_number,
            lesson.title,
            lesson.start_time,
            lesson.end_time,
            lesson.teacher_name,
            now,
            now,
        ),
    )


def lesson_to_api(row: sqlite3.Row) -> dict[str, Any]:
    """Return a stored lesson in ``getAllSchedule``'s shape and key order."""
    return {
        "id": row["id"],
        "partner_id": int(row["partner_id"]),
        "room_id": int(row["room_id"]),
        "date": row["date"],
        "title": row["title"],
        "serial_number": row["serial_number"],
        "start_time": f"{row['date']} {row['start_time']}:00",
        "end_time": f"{row['date']} {row['end_time']}:00",
        "teacher_name": row["teacher_name"],
        "create_time": row["create_time"],
        "update_time": row["update_time"],
    }


def read_lessons(store: Store, room_id: str) -> list[dict[str, Any]]:
    """Return the room's lessons as ``getAllSchedule`` would, without the HTTP layer."""
    rows = store.fetch_all(SELECT_ROOM_LESSONS, (room_id,))
    return [lesson_to_api(row) for row in rows]
