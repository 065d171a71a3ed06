"""Starting, stopping and restarting the sandbox, its settings and its banner."""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.i18n import t
from sandbox.banner import render_banner
from sandbox.seed import SEEDED_ROOMS
from sandbox.server import SandboxOptions, start_sandbox
from sandbox.state import create_state
from sandbox_calls import call

ROOM = SEEDED_ROOMS[0]
LESSON = {"date": "2025-03-03", "serial_number": 1, "title": "数学", "start_time": "09:00", "end_time": "09:45"}
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_seeded_rooms_are_fixed():
    assert len(SEEDED_ROOMS) == 32
    assert SEEDED_ROOMS[0] == "18020796069152"
    assert SEEDED_ROOMS[23] == "18020796069175"
    assert SEEDED_ROOMS[24] == "123234567124414"
    assert SEEDED_ROOMS[31] == "123234567124421"


def test_state_file_survives_restart(tmp_path):
    state = str(tmp_path / "sandbox.sqlite3")

    with start_sandbox(SandboxOptions(state=state, devices=30)) as first:
        assert call(first, "addSchedule", room_id=ROOM, **LESSON)["code"] == 0
        assert call(first, "setRoomScheduleInfo", room_id=ROOM, title="高一数学")["code"] == 0
        credentials = (first.partner_id, first.partner_key)
        devices = call(first, "listDevice", page=1, page_size=1000)["data"]

    with start_sandbox(SandboxOptions(state=state, devices=30, seed=99)) as second:
        assert (second.partner_id, second.partner_key) == credentials
        assert [item["title"] for item in second.lessons(ROOM)] == ["数学"]
        assert second.course_info(ROOM)["title"] == "高一数学"
        # The devices of the first start are kept, not generated again with the new seed.
        assert call(second, "listDevice", page=1, page_size=1000)["data"] == devices


def test_credentials_come_from_environment(monkeypatch):
    monkeypatch.setenv("PAIKE_PARTNER_ID", "37102096")
    monkeypatch.setenv("PAIKE_PARTNER_KEY", "key-from-env")

    with start_sandbox(SandboxOptions()) as sandbox:
        assert sandbox.partner_id == "37102096"
        assert sandbox.partner_key == "key-from-env"
        assert call(sandbox, "getAllSchedule", room_id=ROOM)["code"] == 0


def test_options_win_over_environment(monkeypatch):
    monkeypatch.setenv("PAIKE_PARTNER_ID", "37102096")

    with start_sandbox(SandboxOptions(partner_id="12345678")) as sandbox:
        assert sandbox.partner_id == "12345678"


def test_generated_credentials_are_usable(monkeypatch):
    monkeypatch.delenv("PAIKE_PARTNER_ID", raising=False)
    monkeypatch.delenv("PAIKE_PARTNER_KEY", raising=False)

    with start_sandbox(SandboxOptions()) as sandbox:
        assert sandbox.partner_id.isdigit()
        assert len(sandbox.partner_key) >= 32
        assert call(sandbox, "getAllSchedule", room_id=ROOM)["code"] == 0


@pytest.mark.parametrize(
    "options",
    [
        SandboxOptions(host="0.0.0.0"),
        SandboxOptions(host="example.com"),
        SandboxOptions(rooms="all"),
        SandboxOptions(fail_rate=1.5),
        SandboxOptions(drop_after_commit_rate=-0.1),
        SandboxOptions(rate_limit=0),
        SandboxOptions(devices=-1),
        SandboxOptions(partner_id="abc"),
    ],
)
def test_invalid_options_raise_config_error(options):
    with pytest.raises(ConfigError):
        start_sandbox(options)


def test_port_in_use_raises_config_error():
    with start_sandbox(SandboxOptions()) as running:
        port = int(running.base_url.rsplit(":", 1)[1])

        with pytest.raises(ConfigError) as raised:
            start_sandbox(SandboxOptions(port=port))

    assert str(port) in raised.value.message


def test_banner_shows_generated_key_and_rooms(monkeypatch):
    monkeypatch.delenv("PAIKE_PARTNER_KEY", raising=False)
    state = create_state(SandboxOptions())
    try:
        banner = render_banner(state, "http://127.0.0.1:8000")
    finally:
        state.store.close()

    assert "http://127.0.0.1:8000" in banner
    assert state.partner_id in banner
    assert f"export PAIKE_PARTNER_KEY='{state.partner_key}'" in banner
    assert "export PAIKE_BASE_URL='http://127.0.0.1:8000'" in banner
    assert all(room in banner for room in SEEDED_ROOMS)


def test_banner_hides_key_from_environment(monkeypatch):
    monkeypatch.setenv("PAIKE_PARTNER_KEY", "secret-from-env")
    state = create_state(SandboxOptions())
    try:
        banner = render_banner(state, "http://127.0.0.1:8000")
    finally:
        state.store.close()

    assert "secret-from-env" not in banner
    assert "PAIKE_PARTNER_KEY" in banner


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_banner_and_stops_on_signal(stop_signal):
    script = "from sandbox.server import SandboxOptions, serve; serve(SandboxOptions(partner_id='37102096'))"
    environment = {**os.environ, "PAIKE_LANG": "zh"}
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    # Kill the child if it hangs, so that reading its output to the end always finishes.
    watchdog = threading.Timer(20, process.kill)
    watchdog.start()
    try:
        banner = [process.stdout.readline() for _ in range(3)]
        process.send_signal(stop_signal)
        rest = process.stdout.read()
        process.wait()
    finally:
        watchdog.cancel()
        process.kill()

    assert banner[0].strip() == t("sandbox.banner.title")
    assert "http://127.0.0.1:" in banner[2]
    assert process.returncode == 0
    assert "37102096" in rest
    assert rest.strip().endswith("沙箱已停止。")
