"""The sandbox's ``--state`` file: paths it cannot use end in one clear ConfigError."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from sandbox.server import SandboxOptions, start_sandbox

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOT_A_DATABASE = b"room,date\n18020796069152,2027-03-01\n" * 20
# Upper bound for the subprocess, in seconds. A working command exits at once.
SUBPROCESS_TIMEOUT = 60


def run_sandbox_command(state: Path) -> subprocess.CompletedProcess:
    """Run ``python -m pipeline sandbox --state STATE`` on a free port and return the finished process."""
    environment = {**os.environ, "PAIKE_LANG": "zh", "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "sandbox", "--port", "0", "--state", str(state)],
        cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT,
    )


def test_state_in_missing_folder_raises_config_error(tmp_path):
    state = tmp_path / "no-such-folder" / "sandbox.sqlite"

    with pytest.raises(ConfigError) as raised:
        start_sandbox(SandboxOptions(state=str(state)))

    message = raised.value.message
    assert str(state) in message
    assert str(state.parent) in message
    assert "不存在" in message
    assert "--state" in message


def test_state_that_is_not_sqlite_raises_config_error(tmp_path):
    state = tmp_path / "课表.csv"
    state.write_bytes(NOT_A_DATABASE)

    with pytest.raises(ConfigError) as raised:
        start_sandbox(SandboxOptions(state=str(state)))

    message = raised.value.message
    assert str(state) in message
    assert "不是沙箱的数据文件" in message
    assert "--state" in message
    assert state.read_bytes() == NOT_A_DATABASE


def test_other_programs_database_is_left_alone(tmp_path):
    state = tmp_path / "ledger.sqlite"
    with sqlite3.connect(state) as connection:
        connection.execute("CREATE TABLE runs (run_id INTEGER PRIMARY KEY)")
    connection.close()

    with pytest.raises(ConfigError) as raised:
        start_sandbox(SandboxOptions(state=str(state)))

    assert str(state) in raised.value.message
    connection = sqlite3.connect(state)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        connection.close()
    assert tables == ["runs"]


def test_empty_state_file_is_filled(tmp_path):
    state = tmp_path / "sandbox.sqlite"
    state.touch()

    with start_sandbox(SandboxOptions(state=str(state))) as running:
        partner_id = running.partner_id

    with start_sandbox(SandboxOptions(state=str(state))) as restarted:
        assert restarted.partner_id == partner_id


def test_command_with_unusable_state_exits_2(tmp_path):
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_bytes(NOT_A_DATABASE)
    cases = {
        "missing folder": tmp_path / "no-such-folder" / "sandbox.sqlite",
        "not sqlite": not_sqlite,
    }

    for case, state in cases.items():
        finished = run_sandbox_command(state)

        assert finished.returncode == 2, (case, finished.stderr)
        assert "Traceback" not in finished.stderr, case
        assert str(state) in finished.stderr, (case, finished.stderr)
        assert "--state" in finished.stderr, case
