"""Locks that keep two paike processes from doing the same work at once.

``account_lock`` is held while lessons are written to one account, by ``paike publish``,
``paike watch`` and ``paike batch``, because two runs writing the same rooms at the
same time would each plan against a schedule the other is changing. ``folder_lock`` is held by
``paike watch`` and ``paike batch`` for as long as they serve one drop folder.

Both are operating-system file locks taken with the filelock package (``flock`` on
Unix), so the lock is released when its process ends, even by ``kill -9``. A small owner
file beside each lock names the process holding it, for the error message.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from pipeline.config import Settings
from pipeline.errors import PaikeError
from pipeline.i18n import t

logger = logging.getLogger(__name__)

LOCKS_FOLDER = "locks"


class LockBusy(PaikeError):
    """Raised when a lock is held by another process and the caller did not wait."""


class LockWaitCancelled(PaikeError):
    """Raised when a stop was requested while waiting for a lock."""


def account_lock_path(settings: Settings) -> Path:
    # NOTE: the lock lives in the state folder, so two processes that use different
    # state folders for the same account do not see each other's lock.
    return settings.state_path / LOCKS_FOLDER / f"account-{settings.partner_id}.lock"


@contextmanager
def account_lock(
    settings: Settings,
    wait: bool,
    command: str = "publish",
    stop: threading.Event | None = None,
) -> Iterator[None]:
    """Hold the account's write lock for the body of the ``with`` block.

    With ``wait=False`` a lock held elsewhere raises :class:`LockBusy` at once. With
    ``wait=True`` it waits, and ``stop`` being set ends the wait with
    :class:`LockWaitCancelled`.
    """
    path = account_lock_path(settings)
    with _hold(path, wait, command, stop, "lock.account_busy", account=settings.partner_id):
        yield


@contextmanager
def folder_lock(lock_file: Path, root: Path, command: str) -> Iterator[None]:
    """Hold the drop folder's lock, or raise :class:`LockBusy` when another process has it.

    The lock file is inside the drop root, so two hosts serving one share see it too.
    """
    # NOTE: that holds only where the share passes flock through (NFS with lockd, SMB
    # mounts without nobrl); where it does not, filelock falls back to a marker file,
    # whose behaviour after a kill -9 has not been tested here.
    with _hold(lock_file, False, command, None, "lock.folder_busy", root=str(root)):
        yield


@contextmanager
def _hold(
    path: Path,
    wait: bool,
    command: str,
    stop: threading.Event | None,
    busy_key: str,
    **message_params: Any,
) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise LockBusy(busy_key, holder=_describe_owner(path), **message_params) from None
        _wait_for(lock, path, stop)

    try:
        _write_owner(path, command)
        yield
    finally:
        with suppress(OSError):
            _owner_path(path).unlink()
        lock.release()


def _wait_for(lock: FileLock, path: Path, stop: threading.Event | None) -> None:
    logger.warning(t("lock.waiting", holder=_describe_owner(path)))
    cancelled = stop.is_set if stop else None
    try:
        lock.acquire(timeout=-1, poll_interval=0.2, cancel_check=cancelled)
    except Timeout:
        raise LockWaitCancelled("lock.wait_cancelled") from None


def _owner_path(path: Path) -> Path:
    return path.with_name(path.name + ".owner.json")


def _write_owner(path: Path, command: str) -> None:
    owner = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": command,
        "since": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    # The owner file only feeds the message shown to a process that finds the lock
    # busy; failing to write it must not stop the work.
    with suppress(OSError):
        _owner_path(path).write_text(json.dumps(owner), encoding="utf-8")


def _describe_owner(path: Path) -> str:
    try:
        owner = json.loads(_owner_path(path).read_text(encoding="utf-8"))
        return t("lock.owner", command=owner["command"], pid=owner["pid"], host=owner["host"], since=owner["since"])
    except (OSError, ValueError, KeyError, TypeError):
        return t("lock.owner_unknown")
