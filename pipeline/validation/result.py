"""The outcome of validating a lesson table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.lessons import Lesson
from pipeline.problems import Problem


@dataclass
class ValidationResult:
    """Every problem found (the loader's and validation's), and the rows that passed.

    ``lessons`` contains a typed lesson for each row without an error, even when other rows
    have errors; callers decide whether a partly valid table may be used. The lessons are
    built on first use, because a check that only counts them would spend a third of its
    time making objects for a large file.
    """

    problems: list[Problem]
    lesson_count: int = 0
    room_count: int = 0
    build_lessons: Callable[[], list[Lesson]] | None = field(default=None, repr=False)
    _lessons: list[Lesson] | None = field(default=None, repr=False)

    @property
    def lessons(self) -> list[Lesson]:
        if self._lessons is None:
            self._lessons = self.build_lessons() if self.build_lessons else []
        return self._lessons

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    @property
    def ok(self) -> bool:
        """True when no problem is an error; warnings do not count."""
        return not any(problem.is_error for problem in self.problems)

    def lessons_by_room(self) -> dict[str, list[Lesson]]:
        """Group the lessons by room id, each room's lessons sorted by date and start time."""
        rooms: dict[str, list[Lesson]] = {}
        for lesson in self.lessons:
            rooms.setdefault(lesson.room_id, []).append(lesson)
        for lessons in rooms.values():
            lessons.sort(key=lambda lesson: (lesson.date, lesson.start_time, lesson.end_time, lesson.serial_number))
        return rooms
