"""The drop folder with the real watcher on a real folder, publishing to the sandbox."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from fixtures.drop_folder import SETTLE_SECONDS, WatcherThread, box, copy_in_chunks, names, settings, writes
from fixtures.timetable_files import ROOM_A, ROOM_B, ROOM_C, make_lessons, write_timetable

from pipeline.publishing.ledger import Ledger, file_sha256

__all__ = ["box", "settings"]  # pytest fixtures used by the tests below


@pytest.fixture
def root(tmp_path):
    return tmp_path / "drop"


def build(tmp_path, name, lessons):
    """Write a timetable outside the drop folder; return its path and bytes."""
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    path = write_timetable(outside / name, lessons)
    return path, path.read_bytes()


def test_valid_file_is_published_and_moved(box, settings, root, tmp_path):
    lessons = make_lessons(ROOM_A, 4) + make_lessons(ROOM_C, 2, date="2027-03-02")
    source, data = build(tmp_path, "春季班.xlsx", lessons)

    with WatcherThread(settings, root) as watcher:
        os.rename(source, watcher.folder.inbox / "春季班.xlsx")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "published", outcome
    published = root / "已导入"
    assert names(published) == ["春季班.xlsx", "春季班.发布结果.json", "春季班.发布结果.xlsx", "春季班.说明.txt"]
    assert (published / "春季班.xlsx").read_bytes() == data
    assert names(root / "待导入") == []
    assert len(box.lessons(ROOM_A)) == 4
    assert len(box.lessons(ROOM_C)) == 2
    note = (published / "春季班.说明.txt").read_text(encoding="utf-8-sig")
    assert "已发布" in note
    assert "春季班.发布结果.xlsx" in note


def test_warnings_are_reported_beside_published_file(box, settings, root, tmp_path):
    # The same teacher in two rooms at the same time is a warning, which does not stop publishing.
    source, _ = build(tmp_path, "双教室.xlsx", make_lessons(ROOM_A, 2) + make_lessons(ROOM_C, 2))

    with WatcherThread(settings, root) as watcher:
        os.rename(source, watcher.folder.inbox / "双教室.xlsx")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "published"
    assert outcome.warnings == 2
    assert "双教室.检查结果.xlsx" in names(root / "已导入")
    note = (root / "已导入" / "双教室.说明.txt").read_text(encoding="utf-8-sig")
    assert "2 个警告" in note
    assert "双教室.检查结果.xlsx" in note


def test_invalid_file_is_refused_with_report(box, settings, root, tmp_path):
    lessons = make_lessons(ROOM_A, 3)
    source, data = build(tmp_path, "有错误.xlsx", [replace(lessons[0], start_time="25:00")] + lessons[1:])

    with WatcherThread(settings, root) as watcher:
        os.rename(source, watcher.folder.inbox / "有错误.xlsx")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "refused"
    refused = root / "未导入"
    assert names(refused) == ["有错误.xlsx", "有错误.检查结果.xlsx", "有错误.说明.txt"]
    assert (refused / "有错误.xlsx").read_bytes() == data
    assert writes(box) == 0
    assert box.stats()["calls"] == 0
    note = (refused / "有错误.说明.txt").read_text(encoding="utf-8-sig")
    assert "没有发送任何数据" in note
    assert "有错误.检查结果.xlsx" in note


def test_lock_and_temp_files_are_ignored(box, settings, root, tmp_path):
    sentinel, _ = build(tmp_path, "课表.xlsx", make_lessons(ROOM_A, 2))

    with WatcherThread(settings, root) as watcher:
        inbox = watcher.folder.inbox
        ignored = {"~$课表.xlsx": b"lock", ".~lock.课表.xlsx#": b"lock", "下载中.xlsx.tmp": b"partial",
                   ".隐藏.xlsx": b"hidden", "Thumbs.db": b"thumbs"}
        for name, content in ignored.items():
            (inbox / name).write_bytes(content)
        # Events arrive in order, so by the time the sentinel is processed the watcher
        # has seen, and skipped, the files written before it.
        os.rename(sentinel, inbox / "课表.xlsx")
        outcomes = watcher.wait_for_outcomes(1)

    assert [outcome.name for outcome in outcomes] == ["课表.xlsx"]
    assert names(root / "待导入") == sorted(ignored)
    for name, content in ignored.items():
        assert (root / "待导入" / name).read_bytes() == content
    assert names(root / "未导入") == []


def test_other_file_type_is_moved_with_note(box, settings, root):
    with WatcherThread(settings, root) as watcher:
        (watcher.folder.inbox / "照片.jpg").write_bytes(b"\xff\xd8\xff not a timetable")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "unsupported"
    assert names(root / "未导入") == ["照片.jpg", "照片.说明.txt"]
    assert (root / "未导入" / "照片.jpg").read_bytes() == b"\xff\xd8\xff not a timetable"
    assert ".jpg" in (root / "未导入" / "照片.说明.txt").read_text(encoding="utf-8-sig")
    assert box.stats()["calls"] == 0


def test_same_content_twice_is_published_once(box, settings, root, tmp_path):
    first, data = build(tmp_path, "课表.xlsx", make_lessons(ROOM_A, 3))

    with WatcherThread(settings, root) as watcher:
        os.rename(first, watcher.folder.inbox / "课表.xlsx")
        watcher.wait_for_outcomes(1)
        writes_after_first = writes(box)
        (watcher.folder.inbox / "课表.xlsx").write_bytes(data)
        outcomes = watcher.wait_for_outcomes(2)

    assert [outcome.status for outcome in outcomes] == ["published", "duplicate"]
    assert writes_after_first == 1
    assert writes(box) == 1
    published = root / "已导入"
    assert (published / "课表.xlsx").read_bytes() == data
    assert (published / "课表 (2).xlsx").read_bytes() == data
    note = (published / "课表 (2).说明.txt").read_text(encoding="utf-8-sig")
    assert "没有重复发布" in note
    assert "发布过" in note
    ledger = Ledger(settings.state_path)
    try:
        states = [drop.state for drop in ledger.drops_of_content(file_sha256(published / "课表.xlsx"))]
    finally:
        ledger.close()
    assert states == ["published", "duplicate"]


def test_file_renamed_into_folder_is_seen(box, settings, root):
    with WatcherThread(settings, root) as watcher:
        # The pattern of many copy tools: write under a temporary name, then rename.
        partial = watcher.folder.inbox / "课表.xlsx.tmp"
        write_timetable(partial, make_lessons(ROOM_B, 2))
        os.rename(partial, watcher.folder.inbox / "课表.xlsx")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "published"
    assert names(root / "已导入")[0] == "课表.xlsx"
    assert len(box.lessons(ROOM_B)) == 2


def test_slow_chunked_copy_is_taken_when_complete(box, settings, root, tmp_path):
    lessons = [lesson for day in range(1, 5) for lesson in make_lessons(ROOM_A, 10, date=f"2027-03-0{day}")]
    _, data = build(tmp_path, "大课表.xlsx", lessons)
    # Each pause is shorter than the settle time, so the file never looks finished early.
    pause = SETTLE_SECONDS / 3

    with WatcherThread(settings, root) as watcher:
        copier = copy_in_chunks(data, watcher.folder.inbox / "大课表.xlsx", chunks=8, pause=pause)
        [outcome] = watcher.wait_for_outcomes(1)
        copier.join()

    assert outcome.status == "published", outcome
    assert outcome.lessons == 40
    assert (root / "已导入" / "大课表.xlsx").read_bytes() == data
    assert names(root / "未导入") == []
    assert writes(box) == 1


def test_polling_observer_finds_files(box, settings, root, tmp_path):
    source, data = build(tmp_path, "课表.xlsx", make_lessons(ROOM_C, 2))

    with WatcherThread(settings, root, poll_seconds=0.2) as watcher:
        os.rename(source, watcher.folder.inbox / "课表.xlsx")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "published"
    assert (root / "已导入" / "课表.xlsx").read_bytes() == data


def test_files_present_at_start_are_processed(box, settings, root, tmp_path):
    inbox = root / "待导入"
    inbox.mkdir(parents=True)
    write_timetable(inbox / "a.xlsx", make_lessons(ROOM_A, 2))
    write_timetable(inbox / "b.xlsx", make_lessons(ROOM_B, 2))

    with WatcherThread(settings, root) as watcher:
        outcomes = watcher.wait_for_outcomes(2)

    assert sorted(outcome.name for outcome in outcomes) == ["a.xlsx", "b.xlsx"]
    assert {outcome.status for outcome in outcomes} == {"published"}
    assert names(inbox) == []


def test_different_file_with_taken_name_is_numbered(box, settings, root, tmp_path):
    with WatcherThread(settings, root) as watcher:
        inbox = watcher.folder.inbox
        write_timetable(inbox / "课表.xlsx", make_lessons(ROOM_A, 2))
        watcher.wait_for_outcomes(1)
        write_timetable(inbox / "课表.xlsx", make_lessons(ROOM_A, 3))
        outcomes = watcher.wait_for_outcomes(2)

    assert [outcome.status for outcome in outcomes] == ["published", "published"]
    assert [outcome.destination.name for outcome in outcomes] == ["课表.xlsx", "课表 (2).xlsx"]
    assert "课表 (2).说明.txt" in names(root / "已导入")
    assert len(box.lessons(ROOM_A)) == 3


def test_failed_room_sends_file_to_refused(box, settings, root, tmp_path):
    unknown_room = "99999999999999"
    source, data = build(tmp_path, "课表.xlsx", make_lessons(ROOM_A, 2) + make_lessons(unknown_room, 2, date="2027-03-02"))

    with WatcherThread(settings, root) as watcher:
        os.rename(source, watcher.folder.inbox / "课表.xlsx")
        [outcome] = watcher.wait_for_outcomes(1)

    assert outcome.status == "failed"
    assert outcome.failed_rooms == 1
    refused = root / "未导入"
    assert names(refused) == ["课表.xlsx", "课表.发布结果.json", "课表.发布结果.xlsx", "课表.说明.txt"]
    assert (refused / "课表.xlsx").read_bytes() == data
    note = (refused / "课表.说明.txt").read_text(encoding="utf-8-sig")
    assert unknown_room in note
    assert "重新放进“待导入”" in note
    assert len(box.lessons(ROOM_A)) == 2


def test_failed_file_dropped_again_is_processed_again(box, settings, root, tmp_path):
    full, _ = build(tmp_path, "全部.xlsx", make_lessons(ROOM_A, 10))
    # Removing 8 of the room's 10 lessons trips the deletion guard, so the room fails.
    shrunk, shrunk_data = build(tmp_path, "缩减.xlsx", make_lessons(ROOM_A, 2))

    with WatcherThread(settings, root) as watcher:
        inbox = watcher.folder.inbox
        os.rename(full, inbox / "全部.xlsx")
        watcher.wait_for_outcomes(1)
        os.rename(shrunk, inbox / "缩减.xlsx")
        watcher.wait_for_outcomes(2)
        (inbox / "缩减.xlsx").write_bytes(shrunk_data)
        outcomes = watcher.wait_for_outcomes(3)

    # Only published content counts as done; failed content is processed again.
    assert [outcome.status for outcome in outcomes] == ["published", "failed", "failed"]
    assert len(box.lessons(ROOM_A)) == 10
    assert writes(box) == 1
    note = (root / "未导入" / "缩减.说明.txt").read_text(encoding="utf-8-sig")
    assert "防误删" in note
