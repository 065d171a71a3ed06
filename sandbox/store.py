"""The sandbox's state in SQLite: rooms, lessons, zones, devices and room bindings.

One connection serves the whole process, guarded by a lock: handlers run on uvicorn's
event loop thread while tests and ``stats()`` read from their own threads. A file
database uses WAL so that a crash mid-write leaves the last committed state.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.i18n import t

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rooms (
    room_id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    teacher_name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS lessons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id TEXT NOT NULL,
    room_id TEXT NOT NULL,
    date TEXT NOT NULL,
    serial_number INTEGER NOT NULL,
    title TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    teacher_name TEXT NOT NULL DEFAULT '',
    create_time TEXT NOT NULL,
    update_time TEXT NOT NULL,
    UNIQUE (room_id, date, serial_number)
);
CREATE INDEX IF NOT EXISTS lessons_by_room ON lessons (room_id, date, start_time);
CREATE TABLE IF NOT EXISTS zones (
    zone_id INTEGER PRIMARY KEY AUTOINCREMENT,
    zone_unique INTEGER NOT NULL UNIQUE,
    area_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    create_time TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
    device_id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_unique TEXT NOT NULL UNIQUE,
    zone_id INTEGER NOT NULL,
    user_role INTEGER NOT NULL,
    class_name TEXT NOT NULL,
    address TEXT NOT NULL,
    create_time TEXT NOT NULL,
    install_date TEXT,
    first_active_date TEXT,
    max_user INTEGER NOT NULL,
    confirm_pic TEXT NOT NULL,
    class_spot TEXT NOT NULL,  -- JSON array of photo URLs
    province TEXT NOT NULL,
    city TEXT NOT NULL,
    use_type INTEGER NOT NULL,
    status INTEGER NOT NULL,
    last_activate_time TEXT,
    last_activate_length INTEGER
);
CREATE INDEX IF NOT EXISTS devices_by_zone ON devices (zone_id, device_id);
CREATE TABLE IF NOT EXISTS bindings (
    bind_id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    user_role INTEGER NOT NULL,
    create_time TEXT NOT NULL,
    UNIQUE (room_id, device_id)
);
CREATE INDEX IF NOT EXISTS bindings_by_device ON bindings (device_id);
"""

# A table every sandbox state file has had, so a database without it belongs to another program.
SANDBOX_TABLE = "lessons"

# The vendor's servers are in China and write local times without a zone.
BEIJING_TIME = dt.timezone(dt.timedelta(hours=8))


def beijing_now() -> str:
    """Return the current Beijing time as the API writes it: ``YYYY-MM-DD HH:MM:SS``."""
    return dt.datetime.now(BEIJING_TIME).strftime("%Y-%m-%d %H:%M:%S")


class Store:
    """The SQLite connection, its lock and the few queries shared by several endpoints."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._connection = open_database(path)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Yield the connection inside one transaction; an exception rolls everything back."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    def fetch_value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        with self._lock:
            row = self._connection.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def get_meta(self, key: str) -> str | None:
        return self.fetch_value("SELECT value FROM meta WHERE key = ?", (key,))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def open_database(path: str | None) -> sqlite3.Connection:
    """Open the state file (or a memory database when ``path`` is None) and create its tables.

    Raises ConfigError naming the file when it cannot be opened or written, is not an
    SQLite database, or is another program's database.
    """
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(path or ":memory:", check_same_thread=False, isolation_level=None)
        connection.row_factory = sqlite3.Row
        if path:
            _reject_foreign_database(connection, path)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(SCHEMA)
    except sqlite3.Error as error:
        if connection is not None:
            connection.close()
        raise _open_failure(path, error) from None
    except ConfigError:
        assert connection is not None
        connection.close()
        raise
    return connection


def _reject_foreign_database(connection: sqlite3.Connection, path: str) -> None:
    """Raise ConfigError when ``path`` contains tables but not the sandbox's.

    Without this check the sandbox would add its tables to, say, paike's own ledger.
    An empty file or an empty database is accepted, and the sandbox creates its tables there.
    """
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and SANDBOX_TABLE not in tables:
        raise ConfigError("sandbox.state_foreign", path=path)


def _open_failure(path: str | None, error: sqlite3.Error) -> ConfigError:
    """Return the ConfigError for a state file that SQLite could not open or set up."""
    display_path = path or ":memory:"
    # OperationalError covers "unable to open", "readonly database" and "locked". The
    # other DatabaseErrors ("file is not a database", "malformed") mean the content is wrong.
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        return ConfigError("sandbox.state_not_database", path=display_path)
    return ConfigError("sandbox.state_unopenable", path=display_path, reason=_open_failure_reason(path, error))


def _open_failure_reason(path: str | None, error: sqlite3.Error) -> str:
    """Return why the state file cannot be opened, in the user's language where the cause is known."""
    if path:
        folder = Path(path).parent
        if not folder.is_dir():
            return t("sandbox.reason.no_folder", folder=str(folder))
        if not os.access(folder, os.W_OK) or (Path(path).exists() and not os.access(path, os.W_OK)):
            return t("sandbox.reason.not_writable")
    if "locked" in str(error):
        return t("sandbox.reason.locked")
    return str(error)
