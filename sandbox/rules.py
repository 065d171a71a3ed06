"""The lesson (课节) rules the emulated server enforces.

A lesson arrives either as form parameters (``addSchedule``, ``updateSchedule``) or as
one element of the ``schedule`` JSON array (``setRoomSchedules``). Both go through
:func:`parse_lesson`. A malformed field is a 1001 refusal that names the field, with
the array position for ``schedule``. Two lessons with one serial number on one day in
one room are a code 1 refusal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.refusals import Refusal, general, invalid, missing

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CLOCK_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
SERIAL_NUMBER = re.compile(r"[1-9][0-9]*")
# The server stores serial numbers as signed 32-bit integers (our assumption).
MAX_SERIAL_NUMBER = 2**31 - 1
REQUIRED_FIELDS = ("date", "serial_number", "title", "start_time", "end_time")


@dataclass(frozen=True)
class LessonInput:
    """One validated lesson as a client sent it; times are ``HH:MM``."""

    date: str
    serial_number: int
    title: str
    start_time: str
    end_time: str
    teacher_name: str = ""


def parse_lesson(fields: Mapping[str, Any], prefix: str = "") -> LessonInput:
    """Check one lesson's fields and return it; ``prefix`` names its place in messages."""
    for name in REQUIRED_FIELDS:
        if fields.get(name) is None:
            raise missing(prefix + name)

    lesson = LessonInput(
        date=parse_date(prefix + "date", fields["date"]),
        serial_number=parse_serial_number(prefix + "serial_number", fields["serial_number"]),
        title=parse_title(prefix + "title", fields["title"]),
        start_time=parse_clock_time(prefix + "start_time", fields["start_time"]),
        end_time=parse_clock_time(prefix + "end_time", fields["end_time"]),
        teacher_name=parse_teacher_name(prefix + "teacher_name", fields.get("teacher_name")),
    )

    if lesson.start_time >= lesson.end_time:
        raise invalid(prefix + "end_time", f"结束时间 {lesson.end_time} 应晚于开始时间 {lesson.start_time}")
    return lesson


def parse_schedule(text: str) -> list[LessonInput]:
    """Parse the ``schedule`` parameter: a JSON array of lesson objects (it may be empty)."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError:
        raise invalid("schedule", "不是有效的 JSON") from None
    if not isinstance(items, list):
        raise invalid("schedule", "应为 JSON 数组")

    lessons = []
    for position, item in enumerate(items):
        prefix = f"schedule[{position}]."
        if not isinstance(item, dict):
            raise invalid(f"schedule[{position}]", "应为 JSON 对象")
        lessons.append(parse_lesson(item, prefix))
    return lessons


def check_unique_serials(lessons: Iterable[LessonInput]) -> None:
    """Raise a code 1 refusal when two lessons share a date and serial number."""
    seen: set[tuple[str, int]] = set()
    for lesson in lessons:
        key = (lesson.date, lesson.serial_number)
        if key in seen:
            raise duplicate_serial(lesson.date, lesson.serial_number)
        seen.add(key)


def duplicate_serial(date: str, serial_number: int) -> Refusal:
    return general(f"同一教室同一天课节编号重复：{date} 的课节编号 {serial_number} 已存在")


def parse_serial_number(name: str, value: Any) -> int:
    """Accept a positive integer sent as a JSON number or as digits: 3 and "3", not "03" or 3.5."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        raise invalid(name, f"“{value}”不是正整数")
    if not SERIAL_NUMBER.fullmatch(text) or int(text) > MAX_SERIAL_NUMBER:
        raise invalid(name, f"“{value}”不是正整数")
    return int(text)


def parse_date(name: str, value: Any) -> str:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        raise invalid(name, f"“{value}”格式错误，应为 YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise invalid(name, f"“{value}”不是存在的日期") from None
    return value


def parse_clock_time(name: str, value: Any) -> str:
    if not isinstance(value, str) or not CLOCK_TIME.fullmatch(value):
        raise invalid(name, f"“{value}”格式错误，应为 24 小时制 HH:MM")
    return value


# NOTE: the vendor documents no maximum length for a lesson's title or teacher_name, so
# none is enforced here; the real server may reject very long values.
def parse_title(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid(name, "课节标题不能为空")
    return value


def parse_teacher_name(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise invalid(name, "应为字符串")
    return value
