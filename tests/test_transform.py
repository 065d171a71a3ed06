import json

from pipeline.lessons import Lesson
from pipeline.transform import group_by_room, schedule_json

ROOM = "123234567124414"


def test_schedule_json_sorted_utf8_and_typed():
    late = Lesson(ROOM, "2027-03-02", "08:00", "08:45", 1, "高一英语", "王芳")
    early = Lesson(ROOM, "2027-03-01", "10:00", "10:45", 2, "初二数学", None)
    earliest = Lesson(ROOM, "2027-03-01", "09:00", "09:45", 1, "初二数学", "李雷")

    text = schedule_json([late, early, earliest])

    assert "初二数学" in text
    assert "\\u" not in text
    items = json.loads(text)
    assert [(item["date"], item["start_time"]) for item in items] == [
        ("2027-03-01", "09:00"),
        ("2027-03-01", "10:00"),
        ("2027-03-02", "08:00"),
    ]
    assert items[0] == {
        "date": "2027-03-01",
        "serial_number": 1,
        "title": "初二数学",
        "start_time": "09:00",
        "end_time": "09:45",
        "teacher_name": "李雷",
    }
    assert "teacher_name" not in items[1]


def test_group_by_room_keeps_room_id_text():
    first = Lesson("018020796069152", "2027-03-01", "09:00", "09:45", 1, "课")
    second = Lesson(ROOM, "2027-03-01", "09:00", "09:45", 1, "课")

    rooms = group_by_room([second, first])

    assert list(rooms) == ["018020796069152", ROOM]
