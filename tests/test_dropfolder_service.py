"""``paike watch`` and ``paike batch`` as real processes: the folder lock, stopping on
SIGTERM, a kill -9 in the middle of publishing, the weekly batch and the account lock."""

from __future__ import annotations

import datetime
import signal
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from fixtures.cli_runner import run_paike
from fixtures.drop_folder import (
    KEY,
    PARTNER_ID,
    WAIT_SECONDS,
    box,
    names,
    paike_command,
    paike_environment,
    settings_for,
    wait_until,
    writes,
)
from fixtures.timetable_files import ROOM_A, ROOM_B, ROOM_C, make_lessons, write_timetable

from pipeline.dropfolder.batch import run_batch
from pipeline.dropfolder.layout import DropFolder
from pipeline.locking import account_lock
from pipeline.logs import log_path
from pipeline.publishing.ledger import Ledger, file_sha256
from sandbox.server import SandboxOptions, start_sandbox

__all__ = ["box"]  # a pytest fixture used by the tests below

LATENCY_MS = 250


class WatchProcess:
    """``paike watch ROOT`` in a subprocess, with its stderr in a file for the assertions."""

    def __init__(self, root: Path, box, state_dir: Path, output: Path, **environment: str) -> None:
        self.log = log_path(state_dir)
        # The log file is shared by restarts; a start counts once its own line appears.
        self._starts_before = self._count_starts()
        output.mkdir(parents=True, exist_ok=True)
        self.stderr_path = output / "stderr.txt"
        self.stderr = self.stderr_path.open("wb")
        self.process = subprocess.Popen(paike_command("watch", root, "--settle", "0.3"),
                                        env=paike_environment(box, state_dir, **environment),
                                        stdout=subprocess.DEVNULL, stderr=self.stderr)

    def _count_starts(self) -> int:
        return self.log.read_text(encoding="utf-8").count("开始监视") if self.log.exists() else 0

    def wait_started(self) -> "WatchProcess":
        wait_until(lambda: self._count_starts() > self._starts_before or self.process.poll() is not None,
                   "paike watch to start")
        assert self.process.poll() is None, self.err_text()
        return self

    def err_text(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8")

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Send ``sig`` and return the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(WAIT_SECONDS)

    def __enter__(self) -> "WatchProcess":
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT_SECONDS)
        self.stderr.close()


def start_watch(root: Path, box, state_dir: Path, output: Path, **environment: str) -> WatchProcess:
    return WatchProcess(root, box, state_dir, output, **environment).wait_started()


@pytest.fixture
def slow_box():
    with start_sandbox(SandboxOptions(partner_id=PARTNER_ID, partner_key=KEY, latency_ms=LATENCY_MS)) as running:
        yield running


def three_rooms() -> list:
    return (make_lessons(ROOM_A, 3) + make_lessons(ROOM_B, 3, date="2027-03-02")
            + make_lessons(ROOM_C, 3, date="2027-03-03"))


def test_second_watch_refuses_to_start(box, tmp_path):
    root, state = tmp_path / "drop", tmp_path / "state"
    with start_watch(root, box, state, tmp_path / "first") as first:
        second = subprocess.run(paike_command("watch", root), env=paike_environment(box, state),
                                capture_output=True, text=True, timeout=WAIT_SECONDS)
        assert second.returncode == 2
        assert "已经有一个 paike 在处理" in second.stderr
        assert f"进程号 {first.process.pid}" in second.stderr
        assert first.stop() == 0


def test_sigterm_finishes_current_file(slow_box, tmp_path):
    root, state = tmp_path / "drop", tmp_path / "state"
    first = write_timetable(tmp_path / "first.xlsx", three_rooms())
    second = write_timetable(tmp_path / "second.xlsx", make_lessons(ROOM_A, 5))
    second_data = second.read_bytes()

    with start_watch(root, slow_box, state, tmp_path / "out", PAIKE_WORKERS="1") as watcher:
        first.rename(root / "待导入" / "first.xlsx")
        wait_until(lambda: slow_box.stats()["calls"] >= 1, "publishing to begin")
        second.rename(root / "待导入" / "second.xlsx")
        code = watcher.stop(signal.SIGTERM)
        stderr = watcher.err_text()

    assert code == 0, stderr
    assert "收到 SIGTERM" in stderr
    assert "first.xlsx" in names(root / "已导入")
    assert names(root / "待导入") == ["second.xlsx"]
    assert (root / "待导入" / "second.xlsx").read_bytes() == second_data
    assert [len(slow_box.lessons(room)) for room in (ROOM_A, ROOM_B, ROOM_C)] == [3, 3, 3]
    assert KEY not in stderr


def test_kill_during_publish_is_recovered_once(slow_box, tmp_path):
    root, state = tmp_path / "drop", tmp_path / "state"
    timetable = write_timetable(tmp_path / "课表.xlsx", three_rooms())
    data = timetable.read_bytes()

    with start_watch(root, slow_box, state, tmp_path / "first", PAIKE_WORKERS="1") as watcher:
        timetable.rename(root / "待导入" / "课表.xlsx")
        wait_until(lambda: slow_box.stats()["writes_applied"] >= 1, "the first room to be written")
        watcher.stop(signal.SIGKILL)
    # Let a call that was in flight at the kill reach the sandbox before the restart reads.
    time.sleep(LATENCY_MS / 1000 * 2)
    assert names(root / "待导入") == ["课表.xlsx"]
    assert slow_box.stats()["writes_applied"] < 3

    with start_watch(root, slow_box, state, tmp_path / "second", PAIKE_WORKERS="1") as watcher:
        wait_until(lambda: "课表.xlsx" in names(root / "已导入"), "the file to be published after the restart")
        assert watcher.stop() == 0
        stderr = watcher.err_text()

    assert "上次处理时中断" in stderr
    assert slow_box.stats()["writes_applied"] == 3
    assert [len(slow_box.lessons(room)) for room in (ROOM_A, ROOM_B, ROOM_C)] == [3, 3, 3]
    assert names(root / "待导入") == []
    assert [name for name in names(root / "已导入") if name.endswith(".xlsx") and "结果" not in name] == ["课表.xlsx"]
    assert (root / "已导入" / "课表.xlsx").read_bytes() == data
    ledger = Ledger(state)
    try:
        drops = ledger.drops_of_content(file_sha256(root / "已导入" / "课表.xlsx"))
    finally:
        ledger.close()
    assert [drop.state for drop in drops] == ["published"]


def test_batch_publishes_exports_and_summarises(box, tmp_path, monkeypatch):
    root, state = tmp_path / "drop", tmp_path / "state"
    monkeypatch.setenv("PAIKE_BASE_URL", box.base_url)
    monkeypatch.setenv("PAIKE_PARTNER_ID", box.partner_id)
    monkeypatch.setenv("PAIKE_PARTNER_KEY", box.partner_key)
    monkeypatch.setenv("PAIKE_STATE_DIR", str(state))
    inbox = root / "待导入"
    inbox.mkdir(parents=True)
    write_timetable(inbox / "好.xlsx", make_lessons(ROOM_A, 3))
    write_timetable(inbox / "坏.xlsx", [replace(make_lessons(ROOM_B, 1)[0], end_time="07:00")])
    today = datetime.date.today().isoformat()

    result = run_paike("batch", root, "--settle", "0.2")

    assert result.code == 3, result.text
    reports = root / "报告"
    assert names(reports) == sorted([f"批处理摘要-{today}.txt", f"教室课表-{today}.xlsx", f"设备清单-{today}.xlsx"])
    summary = (reports / f"批处理摘要-{today}.txt").read_text(encoding="utf-8-sig")
    assert "共 2 个" in summary
    assert "好.xlsx：已发布，1 个教室，3 节课" in summary
    assert "坏.xlsx：有 1 个错误" in summary
    assert "20 台设备" in summary
    assert "1 个教室，3 节课" in summary
    assert "有 1 项失败" in summary
    assert summary.replace("\r\n", "\n") in result.out.replace("\r\n", "\n")
    assert names(inbox) == []
    log = log_path(state).read_text(encoding="utf-8")
    assert "好.xlsx | 教室 18020796069152：已写入" in log
    assert "坏.xlsx：有 1 个错误" in log
    for text in (log, summary, result.text, *(path.read_text(encoding="utf-8-sig") for path in root.rglob("*.txt"))):
        assert KEY not in text

    write_timetable(inbox / "新.xlsx", make_lessons(ROOM_C, 2))
    again = run_paike("batch", root, "--settle", "0.2")

    assert again.code == 0, again.text
    assert f"批处理摘要-{today} (2).txt" in names(reports)
    assert "全部成功" in again.out


def test_publish_refuses_while_account_is_locked(box, tmp_path, monkeypatch):
    monkeypatch.setenv("PAIKE_BASE_URL", box.base_url)
    monkeypatch.setenv("PAIKE_PARTNER_ID", box.partner_id)
    monkeypatch.setenv("PAIKE_PARTNER_KEY", box.partner_key)
    timetable = write_timetable(tmp_path / "课表.xlsx", make_lessons(ROOM_A, 2))
    settings = settings_for(box, tmp_path / "state")

    with account_lock(settings, wait=False, command="watch"):
        result = run_paike("publish", timetable)

    assert result.code == 2
    assert f"账号 {PARTNER_ID} 正在被另一个 paike 进程写入" in result.err
    assert "watch" in result.err
    assert writes(box) == 0
    assert run_paike("publish", timetable).code == 0


def test_watch_without_root_names_the_setting(box, monkeypatch):
    monkeypatch.setenv("PAIKE_BASE_URL", box.base_url)
    monkeypatch.setenv("PAIKE_PARTNER_ID", box.partner_id)
    monkeypatch.setenv("PAIKE_PARTNER_KEY", box.partner_key)

    result = run_paike("watch")

    assert result.code == 2
    assert "drop_root" in result.err


def test_batch_stopped_early_reports_failure(box, tmp_path):
    folder = DropFolder(tmp_path / "drop").ensure()
    data = write_timetable(folder.inbox / "课表.xlsx", make_lessons(ROOM_A, 2)).read_bytes()
    settings = settings_for(box, tmp_path / "state")
    stop = threading.Event()
    stop.set()
    ledger = Ledger(settings.state_path)
    try:
        report = run_batch(settings, folder, ledger, 0.1, stop)
    finally:
        ledger.close()

    assert report.failed
    assert [outcome.status for outcome in report.files] == ["left"]
    assert report.exports == []
    assert "收到停止信号" in report.summary_text
    assert (folder.inbox / "课表.xlsx").read_bytes() == data
    assert writes(box) == 0
