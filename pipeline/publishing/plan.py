"""Per-room plans: what a publish would change, computed against the live schedule.

Modes:
    replace  make the room equal to the file with one ``setRoomSchedules``; no call when
             the room is already equal.
    append   ``addSchedule`` for lessons the room does not have yet; a lesson whose
             (date, serial) is taken by a different live lesson is a collision, reported
             and left alone.
    sync     make the room equal to the file with the fewest calls: ``addSchedule``,
             ``updateSchedule`` and one ``deleteScheduleBatch``, or one
             ``setRoomSchedules`` when that is fewer calls. updateSchedule and
             deleteScheduleBatch find a lesson by room + serial alone, so sync matches
             lessons by serial and falls back to setRoomSchedules when the live room
             repeats a serial on different days.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.lessons import Lesson

MODES = ("replace", "append", "sync")


@dataclass(frozen=True)
class Call:
    """One planned write call."""

    endpoint: str
    lessons: tuple[Lesson, ...] = ()
    serial_numbers: tuple[int, ...] = ()


@dataclass
class RoomPlan:
    """The difference between the file and the live room, and the calls that close it."""

    room_id: str
    mode: str
    desired: list[Lesson]
    live: list[Lesson]
    to_add: list[Lesson] = field(default_factory=list)
    to_update: list[Lesson] = field(default_factory=list)
    to_delete: list[Lesson] = field(default_factory=list)
    unchanged: list[Lesson] = field(default_factory=list)
    collisions: list[Lesson] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)

    @property
    def is_noop(self) -> bool:
        return not self.calls

    def deletion_guard_trips(self, ratio: float, minimum: int) -> bool:
        """Return True when the plan removes too large a share of the room's lessons."""
        removed = len(self.to_delete)
        return bool(self.live) and removed >= minimum and removed > ratio * len(self.live)

    def summary(self) -> dict[str, int]:
        return {
            "add": len(self.to_add),
            "update": len(self.to_update),
            "delete": len(self.to_delete),
            "unchanged": len(self.unchanged),
            "collisions": len(self.collisions),
            "calls": len(self.calls),
        }


def plan_room(room_id: str, desired: list[Lesson], live: list[Lesson], mode: str) -> RoomPlan:
    """Compute the plan that takes the live room to the desired lessons in ``mode``."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    plan = RoomPlan(room_id=room_id, mode=mode, desired=sorted(desired), live=sorted(live))
    _diff_by_date_and_serial(plan)
    if mode == "replace":
        _plan_replace(plan)
    elif mode == "append":
        _plan_append(plan)
    else:
        _plan_sync(plan)
    return plan


def _diff_by_date_and_serial(plan: RoomPlan) -> None:
    """Sort lessons into add/update/delete/unchanged, matching on (date, serial)."""
    live_by_key = {lesson.key: lesson for lesson in plan.live}
    desired_keys = set()
    for lesson in plan.desired:
        desired_keys.add(lesson.key)
        current = live_by_key.get(lesson.key)
        if current is None:
            plan.to_add.append(lesson)
        elif current.same_content(lesson):
            plan.unchanged.append(lesson)
        else:
            plan.to_update.append(lesson)
    plan.to_delete = [lesson for lesson in plan.live if lesson.key not in desired_keys]


def _plan_replace(plan: RoomPlan) -> None:
    if plan.to_add or plan.to_update or plan.to_delete:
        plan.calls = [Call("setRoomSchedules", tuple(plan.desired))]


def _plan_append(plan: RoomPlan) -> None:
    # Append never changes or removes what is live.
    plan.collisions, plan.to_update = plan.to_update, []
    plan.to_delete = []
    plan.calls = [Call("addSchedule", (lesson,)) for lesson in plan.to_add]


def _plan_sync(plan: RoomPlan) -> None:
    if not (_has_repeated_serial(plan.live) or _has_repeated_serial(plan.desired)):
        _diff_by_serial(plan)
    if not (plan.to_add or plan.to_update or plan.to_delete):
        return
    granular = [Call("deleteScheduleBatch", serial_numbers=tuple(sorted(lesson.serial_number for lesson in plan.to_delete)))] if plan.to_delete else []
    granular += [Call("updateSchedule", (lesson,)) for lesson in plan.to_update]
    granular += [Call("addSchedule", (lesson,)) for lesson in plan.to_add]
    serials_unique = not (_has_repeated_serial(plan.live) or _has_repeated_serial(plan.desired))
    if serials_unique and len(granular) <= 1:
        plan.calls = granular
    else:
        plan.calls = [Call("setRoomSchedules", tuple(plan.desired))]


def _diff_by_serial(plan: RoomPlan) -> None:
    """Redo the diff matching on serial alone, as updateSchedule identifies lessons."""
    live_by_serial = {lesson.serial_number: lesson for lesson in plan.live}
    desired_serials = {lesson.serial_number for lesson in plan.desired}
    plan.to_add, plan.to_update, plan.unchanged = [], [], []
    for lesson in plan.desired:
        current = live_by_serial.get(lesson.serial_number)
        if current is None:
            plan.to_add.append(lesson)
        elif current.same_content(lesson):
            plan.unchanged.append(lesson)
        else:
            plan.to_update.append(lesson)
    plan.to_delete = [lesson for lesson in plan.live if lesson.serial_number not in desired_serials]


def _has_repeated_serial(lessons: list[Lesson]) -> bool:
    counts = Counter(lesson.serial_number for lesson in lessons)
    return any(count > 1 for count in counts.values())
