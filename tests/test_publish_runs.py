"""Runs as the ledger and the reports see them: course info, run reports, interrupted runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from fixtures.cli_runner import run_paike
from fixtures.sandbox_env import TEST_KEY, sandbox_for
from fixtures.timetable_files import ROOM_A, ROOM_B, add_course_sheet, make_lessons, write_timetable
from openpyxl import load_workbook

from pipeline.publishing.ledger import Ledger
from sandbox.server import SandboxOptions, start_sandbox



@pytest.fixture
def box(monkeypatch):
    with sandbox_for(monkeypatch) as running:
        yield running


def process_environment(box, tmp_path, workers: int) -> dict[str, str]:
    """Return the environment for a `python -m pipeline` child process aimed at ``box``."""
    return {**os.environ, "PAIKE_BASE_URL": box.base_url, "PAIKE_PARTNER_ID": box.partner_id,
            "PAIKE_PARTNER_KEY": box.partner_key, "PAIKE_STATE_DIR": str(tmp_path / "state"),
            "PAIKE_WORKERS": str(workers)}


def test_course_info_set_once_then_only_when_changed(box, tmp_path):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 2))
    add_course_sheet(timetable, [(ROOM_A, "初二数学·春季班", "王老师")])

    assert run_paike("publish", timetable).code == 0
    assert box.course_info(ROOM_A) == {"title": "初二数学·春季班", "teacher_name": "王老师"}
    calls = box.stats()["calls"]

    assert run_paike("publish", timetable).code == 0
    assert box.stats()["by_endpoint"].get("setRoomScheduleInfo", 0) == 0
    assert box.stats()["calls"] == calls + 1  # one getAllSchedule, nothing written

    changed = write_timetable(tmp_path / "改.xlsx", make_lessons(ROOM_A, 2))
    add_course_sheet(changed, [(ROOM_A, "初二数学·提高班", "王老师")])
    assert run_paike("publish", changed).code == 0
    assert box.stats()["by_endpoint"]["setRoomScheduleInfo"] == 1
    assert box.course_info(ROOM_A)["title"] == "初二数学·提高班"


def test_run_report_lists_lessons_by_outcome(box, tmp_path):
    first = write_timetable(tmp_path / "v1.xlsx", make_lessons(ROOM_A, 2))
    assert run_paike("publish", first).code == 0
    both = write_timetable(tmp_path / "v2.xlsx", make_lessons(ROOM_A, 2) + make_lessons(ROOM_B, 3))
    reports = tmp_path / "reports"

    result = run_paike("publish", both, "--report-dir", reports, "--json")

    assert result.code == 0, result.text
    data = json.loads(result.out)
    workbook = load_workbook(data["report"])
    assert workbook.sheetnames == ["成功", "失败", "未变化"]
    done_rows = list(workbook["成功"].iter_rows(min_row=2, values_only=True))
    unchanged_rows = list(workbook["未变化"].iter_rows(min_row=2, values_only=True))
    assert [row[3] for row in done_rows] == [ROOM_B] * 3
    assert [row[3] for row in unchanged_rows] == [ROOM_A] * 2
    assert done_rows[0][0].endswith("v2.xlsx")
    assert done_rows[0][2] == 4  # Excel row of ROOM_B's first lesson: header + 2 + 1
    assert done_rows[0][4].date().isoformat() == "2027-03-01"
    assert done_rows[0][7].strftime("%H:%M") == "08:00"
    summary = json.loads((reports / f"run-{data['run_id']}.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"done": 1, "unchanged": 1}


def test_killed_run_is_interrupted_and_finished_by_rerun(tmp_path):
    options = SandboxOptions(partner_id="37102096", partner_key=TEST_KEY, latency_ms=150)
    with start_sandbox(options) as slow:
        env = process_environment(slow, tmp_path, workers=1)
        rooms = slow.rooms[:12]
        timetable = write_timetable(tmp_path / "课表.xlsx", [l for room in rooms for l in make_lessons(room, 3)])
        command = [sys.executable, "-m", "pipeline", "publish", str(timetable)]

        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while slow.stats()["writes_applied"] < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        written_before_kill = slow.stats()["writes_applied"]
        assert 3 <= written_before_kill < len(rooms)

        ledger = Ledger(tmp_path / "state")
        assert ledger.runs()[0].status == "interrupted"
        ledger.close()

        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

        assert rerun.returncode == 0, rerun.stderr
        assert slow.stats()["writes_applied"] == len(rooms)
        for room in rooms:
            assert [item["serial_number"] for item in slow.lessons(room)] == [1, 2, 3]


def test_run_report_readable_by_others(box, tmp_path):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 2))
    old_mask = os.umask(0o022)
    try:
        result = run_paike("publish", timetable, "--report-dir", tmp_path / "reports", "--json")
    finally:
        os.umask(old_mask)

    report = json.loads(result.out)["report"]
    assert os.stat(report).st_mode & 0o777 == 0o644


def test_ctrl_c_stops_soon_and_rerun_finishes(tmp_path):
    options = SandboxOptions(partner_id="37102096", partner_key=TEST_KEY, latency_ms=300)
    with start_sandbox(options) as slow:
        env = process_environment(slow, tmp_path, workers=2)
        rooms = slow.rooms[:16]
        timetable = write_timetable(tmp_path / "课表.xlsx", [l for room in rooms for l in make_lessons(room, 2)])
        command = [sys.executable, "-m", "pipeline", "publish", str(timetable)]

        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while slow.stats()["writes_applied"] < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=15)

        assert process.returncode == 2
        assert "已中断" in stderr
        assert "Traceback" not in stderr
        assert slow.stats()["writes_applied"] < len(rooms)

        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

        assert rerun.returncode == 0, rerun.stderr
        for room in rooms:
            assert len(slow.lessons(room)) == 2
