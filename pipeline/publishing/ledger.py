"""The ledger: a SQLite file in the state folder that remembers every publishing run.

It records runs (who, when, which files by sha256, mode, outcome), each room's plan and
result, and the room's lessons as they were before paike first changed it in that run,
so ``paike undo`` can put them back. It also remembers the course title and teacher
last set for each room, because the API has no call that reads them back.

A run is written as ``running`` when it starts and closed when it ends; a run found
still ``running`` whose process is gone was interrupted (killed or crashed). Publishing
is planned against the live schedule, so running the same file again finishes such a
run safely.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import socket
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.lessons import CourseInfo, Lesson

LEDGER_FILE = "ledger.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    command     TEXT NOT NULL,
    mode        TEXT NOT NULL,
    status      TEXT NOT NULL,          -- running, done, failed, interrupted
    host        TEXT NOT NULL,
    pid         INTEGER NOT NULL,
    summary     TEXT                    -- JSON counts by room status
);
CREATE TABLE IF NOT EXISTS run_files (
    run_id  INTEGER NOT NULL REFERENCES runs(id),
    path    TEXT NOT NULL,
    sha256  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS run_files_sha ON run_files(sha256);
CREATE TABLE IF NOT EXISTS room_results (
    run_id   INTEGER NOT NULL REFERENCES runs(id),
    room_id  TEXT NOT NULL,
    status   TEXT NOT NULL,
    code     INTEGER NOT NULL DEFAULT 0,
    msg      TEXT NOT NULL DEFAULT '',
    plan     TEXT,                      -- JSON counts of the plan
    before   TEXT,                      -- JSON lessons before the first write, for undo
    PRIMARY KEY (run_id, room_id)
);
CREATE TABLE IF NOT EXISTS course_info (
    room_id      TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    teacher_name TEXT,
    updated_at   TEXT NOT NULL
);
"""


# ---- drop folder (added for pipeline.dropfolder) ---------------------------------
# One row per file taken from the drop folder's inbox. A row stays ``processing`` until
# the file has been moved out of the inbox; a row still ``processing`` at the next start
# is the crash-recovery case, found again by the file's sha256. ``destination`` and
# ``outcome`` are written just before the move, so a crash between the move and the
# final update can be finished from them.
DROPPED_FILES_SCHEMA = """
CREATE TABLE IF NOT EXISTS dropped_files (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256       TEXT NOT NULL,
    name         TEXT NOT NULL,         -- file name as dropped
    received_at  TEXT NOT NULL,
    state        TEXT NOT NULL,         -- processing, or the outcome once the file has moved
    outcome      TEXT,                  -- outcome decided, set before the move
    destination  TEXT,                  -- path the file is being or was moved to
    run_id       INTEGER REFERENCES runs(id),
    finished_at  TEXT
);
CREATE INDEX IF NOT EXISTS dropped_files_sha ON dropped_files(sha256);
"""


@dataclass(frozen=True)
class DropRecord:
    """A file taken from the drop folder, as the ledger remembers it."""

    id: int
    sha256: str
    name: str
    received_at: str
    state: str
    outcome: str | None
    destination: str | None
    run_id: int | None
    # Status of the run in ``run_id`` (running, done, failed, interrupted), if any.
    run_status: str | None
    finished_at: str | None


@dataclass(frozen=True)
class RunRecord:
    id: int
    started_at: str
    finished_at: str | None
    command: str
    mode: str
    status: str
    files: list[str]
    rooms: int
    summary: dict[str, int]


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _now() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def lessons_to_json(lessons: Iterable[Lesson]) -> str:
    return json.dumps([lesson.to_api() for lesson in lessons], ensure_ascii=False)


def lessons_from_json(room_id: str, text: str | None) -> list[Lesson]:
    items = json.loads(text or "[]")
    return [
        Lesson(room_id, item["date"], item["start_time"], item["end_time"], int(item["serial_number"]),
               item["title"], item.get("teacher_name"))
        for item in items
    ]


class Ledger:
    """Thread-safe access to the ledger file; one instance per process."""

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        self.path = state_dir / LEDGER_FILE
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._db.executescript(DROPPED_FILES_SCHEMA)
        self._mark_interrupted_runs()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, params)

    def _mark_interrupted_runs(self) -> None:
        """Close runs left ``running`` by a process on this host that no longer exists."""
        host = socket.gethostname()
        rows = self._execute("SELECT id, pid FROM runs WHERE status = 'running' AND host = ?", (host,)).fetchall()
        for run_id, pid in rows:
            if not _process_alive(pid):
                self._execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", (run_id,))

    # ---- runs ----------------------------------------------------------------

    def start_run(self, command: str, mode: str, files: Iterable[str | Path]) -> int:
        cursor = self._execute(
            "INSERT INTO runs (started_at, command, mode, status, host, pid) VALUES (?, ?, ?, 'running', ?, ?)",
            (_now(), command, mode, socket.gethostname(), os.getpid()),
        )
        run_id = cursor.lastrowid
        for path in files:
            self._execute("INSERT INTO run_files (run_id, path, sha256) VALUES (?, ?, ?)",
                          (run_id, str(path), file_sha256(path)))
        return run_id

    def finish_run(self, run_id: int, status: str, summary: dict[str, int]) -> None:
        self._execute("UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?",
                      (status, _now(), json.dumps(summary), run_id))

    def record_before(self, run_id: int, room_id: str, live: list[Lesson]) -> None:
        """Keep the room's lessons before the run first changes it (the undo snapshot)."""
        self._execute(
            "INSERT INTO room_results (run_id, room_id, status, before) VALUES (?, ?, 'writing', ?) "
            "ON CONFLICT(run_id, room_id) DO NOTHING",
            (run_id, room_id, lessons_to_json(live)),
        )

    def record_result(self, run_id: int, room_id: str, status: str, code: int, msg: str,
                      plan: dict[str, int] | None) -> None:
        self._execute(
            "INSERT INTO room_results (run_id, room_id, status, code, msg, plan) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(run_id, room_id) DO UPDATE SET status = excluded.status, code = excluded.code, "
            "msg = excluded.msg, plan = excluded.plan",
            (run_id, room_id, status, code, msg, json.dumps(plan) if plan else None),
        )

    def runs(self, limit: int = 50) -> list[RunRecord]:
        rows = self._execute(
            "SELECT id, started_at, finished_at, command, mode, status, summary FROM runs ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [self._run_record(row) for row in rows]

    def run(self, run_id: int) -> RunRecord | None:
        row = self._execute(
            "SELECT id, started_at, finished_at, command, mode, status, summary FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        return self._run_record(row) if row else None

    def _run_record(self, row: tuple) -> RunRecord:
        run_id = row[0]
        files = [path for (path,) in self._execute("SELECT path FROM run_files WHERE run_id = ?", (run_id,))]
        rooms = self._execute("SELECT COUNT(*) FROM room_results WHERE run_id = ?", (run_id,)).fetchone()[0]
        return RunRecord(run_id, row[1], row[2], row[3], row[4], row[5], files, rooms, json.loads(row[6] or "{}"))

    def snapshots(self, run_id: int) -> dict[str, list[Lesson]]:
        """Return, per room that the run wrote to, its lessons before the run."""
        rows = self._execute(
            "SELECT room_id, before FROM room_results WHERE run_id = ? AND before IS NOT NULL ORDER BY room_id",
            (run_id,),
        ).fetchall()
        return {room_id: lessons_from_json(room_id, before) for room_id, before in rows}

    def published_before(self, sha256: str) -> tuple[int, str] | None:
        """Return (run id, finish time) of a finished run that published this exact content."""
        row = self._execute(
            "SELECT runs.id, runs.finished_at FROM runs JOIN run_files ON run_files.run_id = runs.id "
            "WHERE run_files.sha256 = ? AND runs.status = 'done' AND runs.command = 'publish' "
            "ORDER BY runs.id DESC LIMIT 1",
            (sha256,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def later_runs_touching(self, run_id: int, room_ids: list[str]) -> list[int]:
        """Return the runs after ``run_id`` that wrote to any of ``room_ids``."""
        marks = ",".join("?" for _ in room_ids)
        rows = self._execute(
            f"SELECT DISTINCT run_id FROM room_results WHERE run_id > ? AND before IS NOT NULL "
            f"AND room_id IN ({marks}) ORDER BY run_id",
            (run_id, *room_ids),
        ).fetchall()
        return [number for (number,) in rows]

    def known_rooms(self) -> list[str]:
        """Return every room a run has written or found already equal, in order.

        Rooms whose only result was a failure (an unknown room, for example) are left out.
        """
        rows = self._execute(
            "SELECT DISTINCT room_id FROM room_results WHERE status IN ('done', 'unchanged') ORDER BY room_id"
        ).fetchall()
        return [room_id for (room_id,) in rows]

    # ---- drop folder (added for pipeline.dropfolder) ---------------------------

    _DROP_COLUMNS = (
        "dropped_files.id, sha256, name, received_at, state, outcome, destination, run_id, "
        "runs.status, dropped_files.finished_at"
    )

    def begin_drop(self, sha256: str, name: str) -> tuple[DropRecord, bool]:
        """Return the unfinished row for this content, or a new one; and whether it was resumed.

        An unfinished row means an earlier process stopped while handling the same bytes.
        """
        with self._lock:
            row = self._db.execute(
                f"SELECT {self._DROP_COLUMNS} FROM dropped_files LEFT JOIN runs ON runs.id = dropped_files.run_id "
                "WHERE sha256 = ? AND state = 'processing' ORDER BY dropped_files.id LIMIT 1",
                (sha256,),
            ).fetchone()
            if row:
                return DropRecord(*row), True
            cursor = self._db.execute(
                "INSERT INTO dropped_files (sha256, name, received_at, state) VALUES (?, ?, ?, 'processing')",
                (sha256, name, _now()),
            )
        return self.drop(cursor.lastrowid), False

    def drop(self, drop_id: int) -> DropRecord:
        row = self._execute(
            f"SELECT {self._DROP_COLUMNS} FROM dropped_files LEFT JOIN runs ON runs.id = dropped_files.run_id "
            "WHERE dropped_files.id = ?",
            (drop_id,),
        ).fetchone()
        return DropRecord(*row)

    def set_drop_run(self, drop_id: int, run_id: int) -> None:
        self._execute("UPDATE dropped_files SET run_id = ? WHERE id = ?", (run_id, drop_id))

    def set_drop_destination(self, drop_id: int, outcome: str, destination: str) -> None:
        """Remember where the file is about to be moved, before the move."""
        self._execute("UPDATE dropped_files SET outcome = ?, destination = ? WHERE id = ?",
                      (outcome, destination, drop_id))

    def finish_drop(self, drop_id: int, state: str, destination: str | None = None) -> None:
        self._execute(
            "UPDATE dropped_files SET state = ?, outcome = ?, destination = COALESCE(?, destination), "
            "finished_at = ? WHERE id = ?",
            (state, state, destination, _now(), drop_id),
        )

    def unfinished_drops(self) -> list[DropRecord]:
        rows = self._execute(
            f"SELECT {self._DROP_COLUMNS} FROM dropped_files LEFT JOIN runs ON runs.id = dropped_files.run_id "
            "WHERE state = 'processing' ORDER BY dropped_files.id"
        ).fetchall()
        return [DropRecord(*row) for row in rows]

    def drops_of_content(self, sha256: str) -> list[DropRecord]:
        rows = self._execute(
            f"SELECT {self._DROP_COLUMNS} FROM dropped_files LEFT JOIN runs ON runs.id = dropped_files.run_id "
            "WHERE sha256 = ? ORDER BY dropped_files.id",
            (sha256,),
        ).fetchall()
        return [DropRecord(*row) for row in rows]

    def published_drop(self, sha256: str) -> DropRecord | None:
        """Return the latest drop that published this exact content, if any."""
        published = [record for record in self.drops_of_content(sha256) if record.state == "published"]
        return published[-1] if published else None

    # ---- course info -----------------------------------------------------------

    def course_info(self, room_id: str) -> CourseInfo | None:
        row = self._execute("SELECT title, teacher_name FROM course_info WHERE room_id = ?", (room_id,)).fetchone()
        return CourseInfo(room_id, row[0], row[1]) if row else None

    def remember_course_info(self, info: CourseInfo) -> None:
        self._execute(
            "INSERT INTO course_info (room_id, title, teacher_name, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(room_id) DO UPDATE SET title = excluded.title, teacher_name = excluded.teacher_name, "
            "updated_at = excluded.updated_at",
            (info.room_id, info.title, info.teacher_name, _now()),
        )


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def as_dict(record: RunRecord) -> dict[str, Any]:
    return asdict(record)
