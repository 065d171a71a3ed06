"""``paike export``: flags, output files, messages and exit codes."""

import json

import openpyxl
import pytest

from fixtures.cli_runner import run_paike
from pipeline.client.api import ApiClient
from sandbox.server import SandboxOptions, start_sandbox


@pytest.fixture(scope="module")
def box():
    with start_sandbox(SandboxOptions(devices=120, seed=9)) as running:
        yield running


@pytest.fixture
def paike(box, monkeypatch):
    monkeypatch.setenv("PAIKE_PARTNER_KEY", box.partner_key)

    def run(*args, lang=None):
        return run_paike("--base-url", box.base_url, "--partner-id", box.partner_id, *args, lang=lang)

    return run


def test_devices_writes_file(paike, tmp_path):
    path = tmp_path / "设备清单.xlsx"

    result = paike("export", "devices", "-o", str(path))

    assert result.code == 0, result.text
    assert result.out.strip() == f"已导出 120 行到 {path}（调用接口 2 次）。"
    assert openpyxl.load_workbook(path).sheetnames == ["设备清单", "汇总"]


def test_devices_default_name_in_current_folder(paike, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    result = paike("export", "devices")
    written = list(tmp_path.glob("设备清单_*.xlsx"))

    assert result.code == 0, result.text
    assert len(written) == 1


def test_existing_output_needs_force(paike, tmp_path):
    path = tmp_path / "设备清单.xlsx"
    path.write_text("keep")

    refused = paike("export", "devices", "-o", str(path))
    kept = path.read_text()
    forced = paike("export", "devices", "-o", str(path), "--force")

    assert refused.code == 2
    assert refused.err.strip() == f"✗ 文件 {path} 已存在：请换一个文件名，或加 --force 覆盖。"
    assert kept == "keep"
    assert forced.code == 0, forced.text
    assert openpyxl.load_workbook(path).sheetnames == ["设备清单", "汇总"]


def test_devices_json_summary(paike, tmp_path):
    path = tmp_path / "d.xlsx"

    result = paike("export", "devices", "--zone", "1", "--with-activation", "-o", str(path), "--json")
    summary = json.loads(result.out)

    assert result.code == 0, result.text
    assert summary["path"] == str(path)
    assert summary["calls_by_endpoint"]["getRecentActivateRecord"] == summary["rows"]
    assert summary["empty"] is False


def test_room_devices_command(paike, box, tmp_path):
    path = tmp_path / "rooms.xlsx"

    result = paike("export", "room-devices", "--room", box.rooms[0], "--room", box.rooms[1], "-o", str(path))

    assert result.code == 0, result.text
    assert result.out.startswith("已导出 8 行")


def test_room_devices_needs_room(paike):
    result = paike("export", "room-devices")

    assert result.code == 2


def test_bad_room_number_rejected(paike, tmp_path):
    result = paike("export", "room-devices", "--room", "1.80208E+13", "-o", str(tmp_path / "x.xlsx"))

    assert result.code == 2
    assert "教室号 1.80208E+13 无效" in result.err


def test_schedules_without_rooms_is_usage_error(paike, tmp_path):
    result = paike("export", "schedules", "-o", str(tmp_path / "s.xlsx"))

    assert result.code == 2
    assert "没有要导出的教室" in result.err


def test_api_failure_exits_3_without_file(monkeypatch, tmp_path):
    path = tmp_path / "d.xlsx"
    with start_sandbox(SandboxOptions(devices=10, fail_rate=1.0)) as down:
        monkeypatch.setenv("PAIKE_PARTNER_KEY", down.partner_key)
        # Two attempts instead of six keep the retry pauses short.
        monkeypatch.setattr(ApiClient.__init__, "__defaults__", (None, None, 2))
        result = run_paike("--base-url", down.base_url, "--partner-id", down.partner_id,
                           "export", "devices", "-o", str(path))

    assert result.code == 3
    assert result.err.splitlines()[-1].startswith("✗ 导出失败，没有写出文件。接口 listZone 没有正常应答")
    assert list(tmp_path.iterdir()) == []


def test_english_messages(paike, tmp_path):
    path = tmp_path / "devices.xlsx"

    result = paike("export", "devices", "-o", str(path), lang="en")

    assert result.code == 0, result.text
    assert result.out.strip() == f"Exported 120 rows to {path} (2 API calls)."
    assert openpyxl.load_workbook(path).sheetnames == ["Devices", "Summary"]


@pytest.mark.parametrize("command", ["schedules", "devices", "room-devices"])
def test_every_command_has_help(command):
    result = run_paike("export", command, "--help")

    assert result.code == 0
    assert "--output" in result.out
    assert "--force" in result.out
