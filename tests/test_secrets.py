"""partner_key must never appear in output, logs, reports or the ledger."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fixtures.cli_runner import run_paike
from fixtures.timetable_files import ROOM_A, make_lessons, write_timetable

from sandbox.server import SandboxOptions, start_sandbox

KEY = "Sekrit-PartnerKey-7f3a9c"


@pytest.fixture
def environment(monkeypatch, tmp_path):
    with start_sandbox(SandboxOptions(partner_id="37102096", partner_key=KEY)) as box:
        monkeypatch.setenv("PAIKE_BASE_URL", box.base_url)
        monkeypatch.setenv("PAIKE_PARTNER_ID", box.partner_id)
        monkeypatch.setenv("PAIKE_PARTNER_KEY", KEY)
        yield box


def every_command(tmp_path):
    good = make_lessons(ROOM_A, 3)
    valid = write_timetable(tmp_path / "valid.xlsx", good)
    broken = write_timetable(tmp_path / "broken.xlsx", [replace(good[0], start_time="25:00")])
    reports = tmp_path / "reports"
    return [
        ("--help",),
        ("check", valid, "--report-dir", reports),
        ("check", broken, "--report-dir", reports, "--json"),
        ("publish", valid, "--report-dir", reports),
        ("-v", "publish", valid, "--json"),
        ("publish", broken),
        ("plan", valid, "-o", tmp_path / "plan.xlsx"),
        ("history",),
        ("history", "--json"),
        ("-v", "undo", "1", "--yes"),
        ("clear", "--room", ROOM_A, "--yes"),
        ("template", "-o", tmp_path / "templates"),
        ("publish", tmp_path / "missing.xlsx"),
        ("publish", valid, "--mode", "bogus"),
    ]


def test_key_absent_from_all_output_and_files(environment, tmp_path):
    for args in every_command(tmp_path):
        for lang in ("zh", "en"):
            result = run_paike(*args, lang=lang)
            assert KEY not in result.text, args

    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


def test_key_absent_when_the_server_rejects_the_signature(environment, tmp_path, monkeypatch):
    wrong = "Wrong-Key-Value-123456"
    monkeypatch.setenv("PAIKE_PARTNER_KEY", wrong)
    valid = write_timetable(tmp_path / "valid.xlsx", make_lessons(ROOM_A, 2))

    result = run_paike("-v", "publish", valid)

    assert result.code == 2
    assert wrong not in result.text
