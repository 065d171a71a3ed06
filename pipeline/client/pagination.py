"""Reading every page of a paged list call (``listZone``, ``listDevice``, ``getRoomDeviceInfo``).

The API pages by offset: ``page`` from 1 and ``page_size`` at most 1000, and each page
returns the list's current ``total``. When devices are added or removed while the pages
are read, offsets shift, so a naive loop can skip a row or return one twice. The rule:

1. A *pass* reads page 1, takes its ``total`` and reads pages 2 .. ceil(total / page_size).
2. A pass is *clean* when every page reported the same ``total``, no id came back twice
   within the pass, and the pass saw exactly ``total`` distinct ids.
3. A pass that is not clean is followed by a new pass from page 1, at most
   :data:`MAX_PASSES` in all. Rows are stored by id, so a row read in several passes is
   kept once, in its latest version and in the clean pass's order, and a row that an
   earlier pass saw but the clean pass did not (removed meanwhile) is dropped.
4. When no pass was clean, :class:`PaginationError` is raised: the caller writes no file
   rather than a short one.

A quiet inventory therefore costs exactly ceil(total / page_size) calls (one call when
the list is empty). Rows are spooled to a temporary SQLite file, not kept in memory,
so reading 100,000 devices needs memory for one page at a time.

NOTE: a removal and an addition that happen between the same two page reads leave
``total`` and the count unchanged, so such a pass looks clean and may hold the removed
row instead of one that shifted across the page boundary. Only a second full read could
tell, which would double the calls of every export.
"""

from __future__ import annotations

import json
import math
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import PaikeError

MAX_PAGE_SIZE = 1000
MAX_PASSES = 3


@dataclass(frozen=True)
class Page:
    """One response of a paged call: its rows and the ``total`` it reported."""

    items: list[dict[str, Any]]
    total: int


# fetch_page(page, page_size) -> Page
FetchPage = Callable[[int, int], Page]


class PaginationError(PaikeError):
    """Raised when the pages of a list call never added up to the ``total`` it reported."""

    def __init__(self, endpoint: str, passes: int, seen: int, total: int) -> None:
        super().__init__("export.pagination_unstable", endpoint=endpoint, passes=passes, seen=seen, total=total)
        self.endpoint = endpoint


@dataclass
class PassResult:
    clean: bool
    total: int
    distinct: int


class PagedRows:
    """Rows of a paged call, spooled to a temporary SQLite file and read back in order.

    Use as a context manager so the file is removed. Callers may add tables of their
    own to the same database through :meth:`execute`.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.total = 0
        self.calls = 0
        self.passes = 0
        self._folder = tempfile.TemporaryDirectory(prefix="paike-pages-")
        self._db = sqlite3.connect(Path(self._folder.name) / "rows.sqlite3", isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(
            "CREATE TABLE rows (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, pass INTEGER NOT NULL, body TEXT NOT NULL)"
        )
        self._db.execute("CREATE INDEX rows_by_seq ON rows (seq)")
        self._next_seq = 0

    def __enter__(self) -> "PagedRows":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM rows").fetchone()[0]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (json.loads(body) for (body,) in self._db.execute("SELECT body FROM rows ORDER BY seq"))

    def execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        """Run SQL on the spool; its ``rows`` table has id (text), seq, pass and body (JSON)."""
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[tuple]) -> sqlite3.Cursor:
        return self._db.executemany(sql, rows)

    def store_page(self, items: list[dict[str, Any]], pass_number: int) -> list[str]:
        """Store a page's rows for ``pass_number``; return their ids as text."""
        ids = [_row_id(item, self.key) for item in items]
        rows = []
        for row_id, item in zip(ids, items):
            self._next_seq += 1
            rows.append((row_id, self._next_seq, pass_number, json.dumps(item, ensure_ascii=False)))
        # A row seen again takes its newest values and place, so the rows end up in the
        # order of the last pass.
        self._db.executemany(
            "INSERT INTO rows (id, seq, pass, body) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, pass = excluded.pass, body = excluded.body",
            rows,
        )
        return ids

    def keep_only_pass(self, pass_number: int) -> None:
        """Drop rows that the given pass did not see: they left the list while it was read."""
        self._db.execute("DELETE FROM rows WHERE pass != ?", (pass_number,))


def read_all_pages(
    fetch_page: FetchPage,
    *,
    endpoint: str,
    key: str,
    page_size: int = MAX_PAGE_SIZE,
) -> PagedRows:
    """Read every page by the rule in the module docstring and return the spooled rows.

    Raises :class:`PaginationError` when no pass was clean; API errors from
    ``fetch_page`` propagate unchanged (the client has already retried them).
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {page_size}")
    rows = PagedRows(key)
    try:
        last: PassResult | None = None
        for pass_number in range(1, MAX_PASSES + 1):
            rows.passes = pass_number
            last = _read_one_pass(fetch_page, rows, pass_number, page_size)
            if last.clean:
                rows.keep_only_pass(pass_number)
                rows.total = last.total
                return rows
        assert last is not None
        raise PaginationError(endpoint, MAX_PASSES, last.distinct, last.total)
    except BaseException:
        rows.close()
        raise


def _read_one_pass(fetch_page: FetchPage, rows: PagedRows, pass_number: int, page_size: int) -> PassResult:
    first = fetch_page(1, page_size)
    rows.calls += 1
    total = first.total
    seen = set(rows.store_page(first.items, pass_number))
    clean = len(seen) == len(first.items)

    for page_number in range(2, math.ceil(total / page_size) + 1):
        page = fetch_page(page_number, page_size)
        rows.calls += 1
        ids = rows.store_page(page.items, pass_number)
        repeated = seen.intersection(ids) or len(set(ids)) != len(ids)
        seen.update(ids)
        if page.total != total or repeated:
            # The list changed while this pass read it: stop the pass and start a new one.
            return PassResult(clean=False, total=page.total, distinct=len(seen))

    clean = clean and len(seen) == total
    return PassResult(clean=clean, total=total, distinct=len(seen))


def _row_id(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if value is None:
        # A row without its id cannot be deduplicated by id, so its whole content is the key.
        return "body:" + json.dumps(item, sort_keys=True, ensure_ascii=False)
    return str(value)
