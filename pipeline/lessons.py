"""The lesson: the unit that flows from a spreadsheet row to the API.

A loaded file becomes a :class:`LessonTable`, a pandas frame with one row per
spreadsheet row. Its lesson columns hold text in canonical form where the loader
could read the cell (``date`` as ``YYYY-MM-DD``, times as ``HH:MM``, ``serial_number``
as digits, ``room_id`` as digits) and the cell's original text where it could not, so
validation can quote it. Empty cells are ``None``. The source columns say where each
row came from.

After validation, rows become :class:`Lesson` objects, which the transformer turns into
the API's ``schedule`` JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipeline.problems import Problem

if TYPE_CHECKING:
    import pandas as pd

LESSON_FIELDS = (
    "room_id",
    "date",
    "serial_number",
    "title",
    "start_time",
    "end_time",
    "teacher_name",
)
REQUIRED_FIELDS = LESSON_FIELDS[:-1]
# file: the path as the user gave it; sheet: None for CSV; row: 1-based Excel row.
SOURCE_FIELDS = ("file", "sheet", "row")
TABLE_COLUMNS = LESSON_FIELDS + SOURCE_FIELDS


@dataclass(frozen=True)
class ColumnRef:
    """Where a lesson field sits in one sheet: the header as written and its position."""

    header: str
    index: int


@dataclass
class LessonTable:
    """Rows loaded from one or more files, with what the loader already found wrong."""

    frame: pd.DataFrame
    # (file, sheet) -> lesson field -> where that field's column is in the sheet.
    columns: dict[tuple[str, str | None], dict[str, ColumnRef]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # (frame index, field) pairs the loader has reported; validation skips them so
    # one bad cell gives one problem.
    reported_cells: set[tuple[Any, str]] = field(default_factory=set)
    # Optional per-room course title and teacher (sheet 课程信息): room_id -> info.
    course_info: dict[str, "CourseInfo"] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> "LessonTable":
        # pandas is imported here, not at the top, so code that only handles Lesson
        # objects (publishing, exports) starts without it.
        import pandas as pd

        return cls(frame=pd.DataFrame({name: pd.Series(dtype=object) for name in TABLE_COLUMNS}))

    def column_ref(self, file: str, sheet: str | None, field_name: str) -> ColumnRef | None:
        return self.columns.get((file, sheet), {}).get(field_name)


@dataclass(frozen=True)
class CourseInfo:
    """A room's course title and teacher, set with ``setRoomScheduleInfo``."""

    room_id: str
    title: str
    teacher_name: str | None = None


@dataclass(frozen=True, order=True)
class Lesson:
    """One valid lesson, ordered by room, date and start time."""

    room_id: str
    date: str
    start_time: str
    end_time: str
    serial_number: int
    title: str
    teacher_name: str | None = None
    # Where the lesson came from, for reports; not part of equality with live lessons.
    file: str | None = field(default=None, compare=False)
    sheet: str | None = field(default=None, compare=False)
    row: int | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, int]:
        """Return (date, serial_number), which the server keeps unique within a room."""
        return (self.date, self.serial_number)

    def to_api(self) -> dict[str, Any]:
        """Return the lesson as one element of the API's ``schedule`` array."""
        item: dict[str, Any] = {
            "date": self.date,
            "serial_number": self.serial_number,
            "title": self.title,
            "start_time": self.start_time,
            "end_time": self.end_time,
        }
        if self.teacher_name:
            item["teacher_name"] = self.teacher_name
        return item

    def same_content(self, other: "Lesson") -> bool:
        """Return True when both lessons would look the same on the classroom device."""
        return self.to_api() == other.to_api()
