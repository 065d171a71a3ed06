"""Build the ``schedule`` parameter of ``setRoomSchedules`` from lessons.

The vendor document's shape: a JSON array of
``{date, serial_number, title, start_time, end_time, teacher_name?}`` with the date as
``YYYY-MM-DD``, times as ``HH:MM`` and ``serial_number`` an integer. Lessons are sorted
by date and start time, a blank teacher is left out, and Chinese text is sent as UTF-8
rather than ``\\u`` escapes. The string is signed exactly as it is sent.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pipeline.lessons import Lesson


def group_by_room(lessons: Iterable[Lesson]) -> dict[str, list[Lesson]]:
    """Return each room's lessons sorted by date and start time, rooms in order."""
    rooms: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        rooms[lesson.room_id].append(lesson)
    return {room_id: sorted(rooms[room_id]) for room_id in sorted(rooms)}


def schedule_items(lessons: Iterable[Lesson]) -> list[dict[str, Any]]:
    """Return the ``schedule`` array for one room's lessons."""
    return [lesson.to_api() for lesson in sorted(lessons)]


def schedule_json(lessons: Iterable[Lesson]) -> str:
    """Return the ``schedule`` parameter as compact UTF-8 JSON."""
    return json.dumps(schedule_items(lessons), ensure_ascii=False, separators=(",", ":"))
