"""Publishing end to end: the CLI against the sandbox as a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from fixtures.cli_runner import run_paike
from fixtures.sandbox_env import TEST_KEY, sandbox_for
from fixtures.timetable_files import ROOM_A, ROOM_B, ROOM_C, make_lessons, write_timetable


WRITE_ENDPOINTS = ("setRoomSchedules", "addSchedule", "updateSchedule", "deleteScheduleBatch",
                   "deleteAllSchedule", "setRoomScheduleInfo")


@pytest.fixture
def box(monkeypatch):
    with sandbox_for(monkeypatch) as running:
        yield running


def writes(box) -> int:
    by_endpoint = box.stats()["by_endpoint"]
    return sum(by_endpoint.get(name, 0) for name in WRITE_ENDPOINTS)


def live(box, room_id):
    return [(item["date"], item["serial_number"], item["title"]) for item in box.lessons(room_id)]


def test_publish_then_read_back(box, tmp_path):
    lessons = make_lessons(ROOM_A, 4) + make_lessons(ROOM_C, 3, date="2027-03-02")
    timetable = write_timetable(tmp_path / "课表.xlsx", lessons)

    result = run_paike("publish", timetable, "--json")

    assert result.code == 0, result.text
    data = json.loads(result.out)
    assert data["ok"] is True
    assert data["lessons"] == 7
    assert data["rooms"] == 2
    assert {item["room_id"]: item["status"] for item in data["results"]} == {ROOM_A: "done", ROOM_C: "done"}
    assert len(box.lessons(ROOM_A)) == 4
    assert len(box.lessons(ROOM_C)) == 3


@pytest.mark.parametrize("mode", ["replace", "append", "sync"])
def test_republish_makes_no_write_calls(box, tmp_path, mode):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 5))
    assert run_paike("publish", timetable, "--mode", mode).code == 0
    before = writes(box)

    again = run_paike("publish", timetable, "--mode", mode, "--json")

    assert again.code == 0, again.text
    assert writes(box) == before
    assert [item["status"] for item in json.loads(again.out)["results"]] == ["unchanged"]


def test_invalid_file_sends_nothing(box, tmp_path):
    lessons = make_lessons(ROOM_A, 3)
    lessons[2] = replace(lessons[2], serial_number=1)
    timetable = write_timetable(tmp_path / "课表.xlsx", lessons)

    result = run_paike("publish", timetable, "--json")

    assert result.code == 1
    assert box.stats()["calls"] == 0
    codes = {error["code"] for error in json.loads(result.out)["errors"]}
    assert "duplicate_serial" in codes


def test_dry_run_writes_nothing(box, tmp_path):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 3))

    result = run_paike("publish", timetable, "--dry-run", "--json")

    assert result.code == 0, result.text
    assert writes(box) == 0
    assert json.loads(result.out)["results"][0]["status"] == "planned"


def test_plan_writes_workbook(box, tmp_path):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 3))
    output = tmp_path / "plan.xlsx"

    result = run_paike("plan", timetable, "-o", output)

    assert result.code == 0, result.text
    assert output.exists()
    assert writes(box) == 0


def test_append_adds_only_new_lessons(box, tmp_path):
    first = write_timetable(tmp_path / "第一周.xlsx", make_lessons(ROOM_A, 2))
    assert run_paike("publish", first).code == 0
    second = write_timetable(tmp_path / "第二周.xlsx", make_lessons(ROOM_A, 2, date="2027-03-08"))

    result = run_paike("publish", second, "--mode", "append")

    assert result.code == 0, result.text
    assert box.stats()["by_endpoint"]["addSchedule"] == 2
    assert len(box.lessons(ROOM_A)) == 4


def test_sync_single_change_is_one_update(box, tmp_path):
    lessons = make_lessons(ROOM_A, 4)
    assert run_paike("publish", write_timetable(tmp_path / "v1.xlsx", lessons), "--mode", "sync").code == 0
    lessons[1] = replace(lessons[1], title="改过的标题")

    result = run_paike("publish", write_timetable(tmp_path / "v2.xlsx", lessons), "--mode", "sync")

    assert result.code == 0, result.text
    assert box.stats()["by_endpoint"].get("updateSchedule") == 1
    assert ("2027-03-01", 2, "改过的标题") in live(box, ROOM_A)


def test_deletion_guard_refuses_then_allows(box, tmp_path):
    lessons = make_lessons(ROOM_A, 10)
    assert run_paike("publish", write_timetable(tmp_path / "full.xlsx", lessons)).code == 0
    shorter = write_timetable(tmp_path / "short.xlsx", lessons[:6])

    refused = run_paike("publish", shorter, "--json")

    assert refused.code == 3
    assert json.loads(refused.out)["results"][0]["status"] == "refused"
    assert len(box.lessons(ROOM_A)) == 10

    allowed = run_paike("publish", shorter, "--allow-deletes")

    assert allowed.code == 0, allowed.text
    assert len(box.lessons(ROOM_A)) == 6


def test_unknown_room_fails_with_hint(box, tmp_path):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons("99999999999999", 2) + make_lessons(ROOM_B, 2))

    result = run_paike("publish", timetable)

    assert result.code == 3
    assert "3001" in result.out
    assert "教室号不存在" in result.out
    assert len(box.lessons(ROOM_B)) == 2


def test_wrong_key_shows_signature_hint(box, tmp_path, monkeypatch):
    monkeypatch.setenv("PAIKE_PARTNER_KEY", "not-the-key")
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 2))

    result = run_paike("publish", timetable)

    assert result.code == 2
    assert "1002" in result.err
    assert "PAIKE_PARTNER_KEY" in result.err
    assert "Traceback" not in result.text
    assert box.stats()["by_endpoint"] == {"getAllSchedule": 1}


def test_server_not_running_stops_once(tmp_path, monkeypatch):
    monkeypatch.setenv("PAIKE_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("PAIKE_PARTNER_ID", "1")
    monkeypatch.setenv("PAIKE_PARTNER_KEY", TEST_KEY)
    lessons = make_lessons(ROOM_A, 1) + make_lessons(ROOM_B, 1)

    result = run_paike("publish", write_timetable(tmp_path / "课表.xlsx", lessons))

    assert result.code == 2
    assert "http://127.0.0.1:9" in result.err
    assert "Traceback" not in result.text


def test_undo_warns_about_later_runs_and_keeps_guard(box, tmp_path):
    assert run_paike("publish", write_timetable(tmp_path / "v1.xlsx", make_lessons(ROOM_A, 2))).code == 0
    assert run_paike("publish", write_timetable(tmp_path / "v2.xlsx", make_lessons(ROOM_A, 10))).code == 0

    refused = run_paike("undo", "2", "--yes")

    assert "运行 2 之后" not in refused.err
    assert refused.code == 3
    assert len(box.lessons(ROOM_A)) == 10

    first = run_paike("undo", "1", "--yes", "--allow-deletes")

    assert "之后，运行 2" in first.err
    assert first.code == 0, first.text
    assert box.lessons(ROOM_A) == []


def test_clear_rejects_invalid_room_number(box):
    result = run_paike("clear", "--room", "abc", "--yes")

    assert result.code == 2
    assert "abc" in result.err
    assert box.stats()["calls"] == 0


def test_history_and_undo_restore_the_room(box, tmp_path):
    original = make_lessons(ROOM_A, 3)
    assert run_paike("publish", write_timetable(tmp_path / "v1.xlsx", original)).code == 0
    changed = [replace(lesson, title="新标题") for lesson in original]
    assert run_paike("publish", write_timetable(tmp_path / "v2.xlsx", changed)).code == 0

    history = run_paike("history", "--json")
    runs = json.loads(history.out)["runs"]
    assert [run["status"] for run in runs] == ["done", "done"]
    latest = runs[0]["id"]

    undone = run_paike("undo", str(latest), "--yes")

    assert undone.code == 0, undone.text
    assert [title for _, _, title in live(box, ROOM_A)] == [lesson.title for lesson in original]


def test_clear_needs_confirmation_or_yes(box, tmp_path):
    assert run_paike("publish", write_timetable(tmp_path / "v1.xlsx", make_lessons(ROOM_A, 3))).code == 0

    cleared = run_paike("clear", "--room", ROOM_A, "--yes")

    assert cleared.code == 0, cleared.text
    assert box.lessons(ROOM_A) == []


def test_missing_credentials_exit_2(tmp_path):
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 1))

    result = run_paike("publish", timetable)

    assert result.code == 2
    assert "PAIKE_PARTNER_ID" in result.err


def test_faults_end_with_the_room_equal_to_the_file(tmp_path, monkeypatch):
    with sandbox_for(monkeypatch, fail_rate=0.2, drop_after_commit_rate=0.1, seed=7) as faulty:
        lessons = [lesson for room in faulty.rooms[:6] for lesson in make_lessons(room, 5)]
        timetable = write_timetable(tmp_path / "课表.xlsx", lessons)

        for mode in ("append", "sync", "replace"):
            result = run_paike("publish", timetable, "--mode", mode)
            assert result.code == 0, result.text

        for room in faulty.rooms[:6]:
            serials = [item["serial_number"] for item in faulty.lessons(room)]
            assert serials == [1, 2, 3, 4, 5]


def test_server_limit_lower_than_ours_slows_down(tmp_path, monkeypatch):
    with sandbox_for(monkeypatch, rate_limit=10, rate_window=1.0) as strict:
        monkeypatch.setenv("PAIKE_RATE_LIMIT_CALLS", "40")
        monkeypatch.setenv("PAIKE_RATE_LIMIT_SECONDS", "1")
        lessons = [lesson for room in strict.rooms[:12] for lesson in make_lessons(room, 3)]

        result = run_paike("publish", write_timetable(tmp_path / "课表.xlsx", lessons), "--json")

        assert result.code == 0, result.text
        assert strict.stats()["refused"] > 0
        for room in strict.rooms[:12]:
            assert len(strict.lessons(room)) == 3


def test_header_only_file_is_an_error(box, tmp_path):
    timetable = write_timetable(tmp_path / "空表.xlsx", [])

    result = run_paike("publish", timetable, "--json")

    assert result.code == 1
    assert [error["code"] for error in json.loads(result.out)["errors"]] == ["no_timetable"]
    assert box.stats()["calls"] == 0
