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
from collections.abc import Callable, Hashable
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
    _diff(plan, _by_date_and_serial)
    if mode == "replace":
        _plan_replace(plan)
    elif mode == "append":
        _plan_append(plan)
    else:
        _plan_sync(plan)
    return plan


def _diff(plan: RoomPlan, key: Callable[[Lesson], Hashable]) -> None:
    """Sort lessons into add/update/delete/unchanged, matching live and desired on ``key``."""
    live_by_key = {key(lesson): lesson for lesson in plan.live}
    desired_keys = set()
    plan.to_add, plan.to_update, plan.unchanged = [], [], []
    for lesson in plan.desired:
        desired_keys.add(key(lesson))
        current = live_by_key.get(key(lesson))
        if current is None:
            plan.to_add.append(lesson)
        elif current.same_content(lesson):
            plan.unchanged.append(lesson)
        else:
            plan.to_update.append(lesson)
    plan.to_delete = [lesson for lesson in plan.live if key(lesson) not in desired_keys]


def _by_date_and_serial(lesson: Lesson) -> tuple[str, int]:
    return lesson.key


def _by_serial(lesson: Lesson) -> int:
    # updateSchedule and deleteScheduleBatch identify a lesson by room and serial alone.
    return lesson.serial_number


def _plan_replace(plan: RoomPlan) -> None:
    if plan.to_add or plan.to_update or plan.to_delete:
        plan.calls = [Call("setRoomSchedules", tuple(plan.desired))]


def _plan_append(plan: RoomPlan) -> None:
    # Append never changes or removes what is live.
    plan.collisions, plan.to_update = plan.to_update, []
    plan.to_delete = []
    plan.calls = [Call("addSchedule", (lesson,)) for lesson in plan.to_add]


def _plan_sync(plan: RoomPlan) -> None:
    serials_unique = not (_has_repeated_serial(plan.live) or _has_repeated_serial(plan.desired))
    if serials_unique:
        _diff(plan, _by_serial)
    if not (plan.to_add or plan.to_update or plan.to_delete):
        return
    granular = []
    if plan.to_delete:
        serials = tuple(sorted(lesson.serial_number for lesson in plan.to_delete))
        granular.append(Call("deleteScheduleBatch", serial_numbers=serials))
    granular += [Call("updateSchedule", (lesson,)) for lesson in plan.to_update]
    granular += [Call("addSchedule", (lesson,)) for lesson in plan.to_add]
    if serials_unique and len(granular) <= 1:
        plan.calls = granular
    else:
        plan.calls = [Call("setRoomSchedules", tuple(plan.desired))]


def _has_repeated_serial(lessons: list[Lesson]) -> bool:
    counts = Counter(lesson.serial_number for lesson in lessons)
    return any(count > 1 for count in counts.values())
