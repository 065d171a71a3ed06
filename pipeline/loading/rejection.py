"""The one internal exception of the loader: a whole file cannot be read.

Readers raise :class:`FileRejected` deep inside; :func:`pipeline.loading.load_file`
catches it and turns it into a file-level problem, so callers never see it.
"""

from __future__ import annotations

from typing import Any

from pipeline.problems import Problem, error


class FileRejected(Exception):
    """Raised when a file as a whole is unreadable, unsafe or too large."""

    def __init__(self, code: str, variant: str | None = None, **params: Any) -> None:
        self.code = code
        self.message_key = f"problem.{code}.{variant}" if variant else f"problem.{code}"
        self.params = params
        super().__init__(self.message_key)

    def problem(self, file: str) -> Problem:
        """Return the file-level problem: no sheet, row or column."""
        return error(self.code, file, params=self.params, message_key=self.message_key)
