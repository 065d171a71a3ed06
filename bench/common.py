"""Helpers shared by the benchmark scripts: measured child processes and generated inputs."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
HEADERS = ("教室号", "日期", "课节编号", "课节标题", "开始时间", "结束时间", "主讲老师")


def measure(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Run ``command`` in a child process; return its seconds, peak_mb and exit code."""
    output = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *command],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, check=True,
    )
    return json.loads(output.stdout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def room_number(index: int) -> str:
    return str(18_020_796_000_000 + index)


def write_timetable(path: Path, rooms: int, lessons_per_room: int, per_day: int = 4) -> int:
    """Write a valid timetable with real date cells and text times; return the row count."""
    import datetime

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("课表")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for column, header in enumerate(HEADERS):
        sheet.write_string(0, column, header)
    first_day = datetime.date(2027, 3, 1)
    row = 0
    for room in range(rooms):
        for lesson in range(lessons_per_room):
            row += 1
            day, slot = divmod(lesson, per_day)
            start = 8 * 60 + slot * 50
            sheet.write_string(row, 0, room_number(room))
            sheet.write_datetime(row, 1, datetime.datetime.combine(first_day + datetime.timedelta(days=day),
                                                                   datetime.time()), date_format)
            # Serials run through the term per room, as the template recommends.
            sheet.write_number(row, 2, lesson + 1)
            sheet.write_string(row, 3, f"课程{room % 50} 第{lesson + 1}讲")
            sheet.write_string(row, 4, f"{start // 60:02d}:{start % 60:02d}")
            sheet.write_string(row, 5, f"{(start + 45) // 60:02d}:{(start + 45) % 60:02d}")
            sheet.write_string(row, 6, f"老师{room}")
    workbook.close()
    return row
