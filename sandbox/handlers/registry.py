"""The endpoint table: each handler registers itself under its API name.

A handler takes the call's :class:`Context` and :class:`~sandbox.params.Params` and
returns the envelope's ``data``, or raises :class:`~sandbox.refusals.Refusal`. The
common parameters have been checked before a handler runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.params import Params
from sandbox.refusals import NO_SUCH_ROOM, Refusal
from sandbox.store import Store

# Live-room numbers on the real service have 14 or 15 digits.
ANY_ROOM_DIGITS = (14, 15)


@dataclass(frozen=True)
class Context:
    store: Store
    partner_id: str
    # True when every 14-15 digit room number exists (rooms="any"), not only the seeded ones.
    any_room: bool


Handler = Callable[[Context, Params], Any]


@dataclass(frozen=True)
class Endpoint:
    name: str
    handler: Handler
    # True for calls that change state: these count as writes and may be cut after commit.
    writes: bool


ENDPOINTS: dict[str, Endpoint] = {}


def endpoint(name: str, *, writes: bool) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of ``POST .../<name>``."""

    def register(handler: Handler) -> Handler:
        ENDPOINTS[name] = Endpoint(name, handler, writes)
        return handler

    return register


def room_exists(context: Context, db: sqlite3.Connection, room_id: str) -> bool:
    """Return True when the room exists; with rooms="any", create a 14-15 digit room on first use."""
    if db.execute("SELECT 1 FROM rooms WHERE room_id = ?", (room_id,)).fetchone():
        return True
    if context.any_room and len(room_id) in ANY_ROOM_DIGITS:
        db.execute("INSERT INTO rooms (room_id) VALUES (?)", (room_id,))
        return True
    return False


def ensure_room(context: Context, db: sqlite3.Connection, room_id: str) -> None:
    """Raise a 3001 refusal unless :func:`room_exists`."""
    if not room_exists(context, db, room_id):
        raise Refusal(NO_SUCH_ROOM, f"教室不存在：{room_id}")


def paginate(db: sqlite3.Connection, sql: str, parameters: tuple, page: int, page_size: int) -> list[sqlite3.Row]:
    """Return one page of ``sql``'s rows; ``sql`` must end with its ORDER BY clause."""
    offset = (page - 1) * page_size
    return db.execute(f"{sql} LIMIT ? OFFSET ?", (*parameters, page_size, offset)).fetchall()
