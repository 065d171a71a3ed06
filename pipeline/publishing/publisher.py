"""Publish lessons room by room: read the live room, plan, guard, write, confirm.

Each room is handled by one worker from a bounded pool, so a slow server still sees
enough calls in flight to reach the account's rate limit, and one room's failure
never stops the others. A room is finished only when a fresh read shows it equal to
the plan's goal: after a write whose answer was lost, the room is read again and the
remaining difference planned anew, so a retry neither duplicates nor loses a lesson.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from pipeline.client.api import ApiClient
from pipeline.errors import ApiError, ApiTransportError
from pipeline.i18n import t
from pipeline.lessons import CourseInfo, Lesson
from pipeline.publishing.plan import Call, RoomPlan, plan_room

logger = logging.getLogger(__name__)

# Codes that concern the whole account, not one room: 1002 wrong signature, 2001 no such
# account, 2002 no permission, 2003 account not opened or service stopped.
ACCOUNT_CODES = frozenset({1002, 2001, 2002, 2003})

# Rounds of read-plan-write in a row that change nothing before a room is reported as
# failed, and the pause after the first such round (doubled after each further one).
MAX_STALLED_ROUNDS = 6
STALL_PAUSE_SECONDS = 0.5


@dataclass(frozen=True)
class PublishOptions:
    mode: str = "replace"
    dry_run: bool = False
    allow_deletes: bool = False
    delete_guard_ratio: float = 0.2
    delete_guard_min: int = 3
    workers: int = 8


class PublishHooks:
    """What a run remembers as it goes; the default remembers nothing.

    The ledger implements these so undo has a snapshot and course info is sent only
    when it differs from what was last set.
    """

    def known_course_info(self, room_id: str) -> CourseInfo | None:
        return None

    def before_write(self, room_id: str, live: list[Lesson]) -> None:
        """Called once per room, before its first write call."""

    def course_info_set(self, info: CourseInfo) -> None:
        """Called after the room's course title and teacher were set."""


@dataclass
class RoomResult:
    """The outcome for one room.

    ``status`` is one of: ``done`` (written and confirmed), ``unchanged`` (already
    equal, nothing written), ``planned`` (dry run), ``refused`` (the deletion guard
    stopped it), ``failed`` (the API rejected the call or did not respond).
    """

    room_id: str
    status: str
    code: int = 0
    msg: str = ""
    hint: str = ""
    plan: RoomPlan | None = None
    # The live lessons before the first write, for undo.
    before: list[Lesson] = field(default_factory=list)
    # The course title/teacher to set (or, in a dry run, that would be set).
    course_change: CourseInfo | None = None
    error: ApiError | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status in ("done", "unchanged", "planned")

    def to_dict(self) -> dict:
        data = {"room_id": self.room_id, "status": self.status, "code": self.code, "msg": self.msg}
        if self.hint:
            data["hint"] = self.hint
        if self.plan is not None:
            data["plan"] = self.plan.summary()
        return data


def publish_rooms(
    client: ApiClient,
    lessons_by_room: Mapping[str, list[Lesson]],
    options: PublishOptions,
    course_info: Mapping[str, CourseInfo] | None = None,
    on_result: Callable[[RoomResult], None] | None = None,
    hooks: PublishHooks | None = None,
) -> list[RoomResult]:
    """Publish every room with a pool of workers; return results in room order.

    Raises the first room's :class:`ApiError` when it concerns the whole account or
    server (wrong key, account closed, server unreachable), before any other room is sent.
    """
    course_info = course_info or {}
    hooks = hooks or PublishHooks()
    rooms = list(lessons_by_room.items())
    if not rooms:
        return []
    # The first room goes alone: a wrong key, a closed account or an unreachable server
    # then stops the run once, instead of failing every room the same way.
    first_id, first_lessons = rooms[0]
    first = publish_room(client, first_id, first_lessons, options, course_info.get(first_id), hooks)
    if first.error is not None and _is_account_failure(first.error):
        raise first.error
    results: dict[str, RoomResult] = {first_id: first}
    if on_result:
        on_result(first)
    pool = ThreadPoolExecutor(max_workers=max(1, options.workers))
    try:
        futures = {
            pool.submit(publish_room, client, room_id, lessons, options, course_info.get(room_id), hooks): room_id
            for room_id, lessons in rooms[1:]
        }
        for future in as_completed(futures):
            result = future.result()
            results[result.room_id] = result
            if on_result:
                on_result(result)
    except BaseException:
        # Ctrl-C or a crash: rooms not started yet are dropped, rooms in progress finish
        # their calls, so no room is left half-written. Running the file again does the rest.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    return [results[room_id] for room_id in sorted(results)]


def publish_room(
    client: ApiClient,
    room_id: str,
    lessons: list[Lesson],
    options: PublishOptions,
    course: CourseInfo | None = None,
    hooks: PublishHooks | None = None,
) -> RoomResult:
    """Take one room to the desired lessons; never raises for API failures."""
    try:
        return _publish_room(client, room_id, lessons, options, course, hooks or PublishHooks())
    except ApiError as error:
        logger.warning("room %s failed: %s %s", room_id, error.code, error.msg)
        return RoomResult(room_id, "failed", error.code, error.msg, error.hint, error=error)


def _publish_room(
    client: ApiClient,
    room_id: str,
    lessons: list[Lesson],
    options: PublishOptions,
    course: CourseInfo | None,
    hooks: PublishHooks,
) -> RoomResult:
    live = client.get_all_schedule(room_id)
    first_plan = plan_room(room_id, lessons, live, options.mode)
    course_change = course if course and course != hooks.known_course_info(room_id) else None
    result = RoomResult(room_id, "planned", plan=first_plan, before=live, course_change=course_change)
    if not options.allow_deletes and first_plan.deletion_guard_trips(
        options.delete_guard_ratio, options.delete_guard_min
    ):
        result.status = "refused"
        result.msg = guard_message(first_plan)
        return result
    if first_plan.is_noop and course_change is None:
        result.status = "unchanged"
        return result
    if options.dry_run:
        return result

    hooks.before_write(room_id, live)
    _write_lessons(client, room_id, lessons, options.mode, first_plan, course_change)
    if course_change is not None:
        if not any(call.endpoint == "setRoomSchedules" for call in first_plan.calls):
            client.set_room_schedule_info(room_id, course_change.title, course_change.teacher_name)
        hooks.course_info_set(course_change)
    result.status = "done"
    return result


def _is_account_failure(error: ApiError) -> bool:
    if isinstance(error, ApiTransportError):
        return not error.may_have_committed and error.code == -1
    return error.code in ACCOUNT_CODES


def guard_message(plan: RoomPlan, shown: int = 10) -> str:
    """Return why the deletion guard held a room back, naming the lessons it would remove."""
    removed = plan.to_delete
    listed = "、".join(f"{lesson.date} #{lesson.serial_number} {lesson.title}" for lesson in removed[:shown])
    if len(removed) > shown:
        listed += t("publish.guard_more", count=len(removed) - shown)
    return t("publish.guard_refused", count=len(removed), total=len(plan.live), lessons=listed)


def _write_lessons(
    client: ApiClient,
    room_id: str,
    lessons: list[Lesson],
    mode: str,
    plan: RoomPlan,
    course: CourseInfo | None,
) -> None:
    """Carry out the plan; after an ambiguous failure, read the room and plan again.

    Rounds that make progress (the new plan needs fewer calls) do not count. The room
    fails after MAX_STALLED_ROUNDS rounds in a row without progress, with a growing pause
    between them.
    """
    stalled = 0
    while not plan.is_noop:
        try:
            _apply(client, plan, course)
            return
        except ApiTransportError as error:
            if not error.may_have_committed:
                raise
            last_error: ApiError = error
        except ApiError as error:
            # addSchedule returns code 1 when an earlier attempt, whose response was
            # lost, already stored the lesson. The fresh read below shows which case it is.
            if error.code != 1 or mode == "replace":
                raise
            last_error = error
        logger.info("room %s: response lost or ambiguous, reading the room again", room_id)
        previous_calls = len(plan.calls)
        plan = plan_room(room_id, lessons, client.get_all_schedule(room_id), mode)
        stalled = 0 if len(plan.calls) < previous_calls else stalled + 1
        if stalled >= MAX_STALLED_ROUNDS and not plan.is_noop:
            raise last_error
        if stalled:
            # The same call failed again: give the server a moment, longer each time.
            time.sleep(min(STALL_PAUSE_SECONDS * 2 ** (stalled - 1), 10.0))


def _apply(client: ApiClient, plan: RoomPlan, course: CourseInfo | None) -> None:
    for call in plan.calls:
        _send(client, plan.room_id, call, course)


def _send(client: ApiClient, room_id: str, call: Call, course: CourseInfo | None) -> None:
    if call.endpoint == "setRoomSchedules":
        title = course.title if course else None
        teacher = course.teacher_name if course else None
        client.set_room_schedules(room_id, call.lessons, title=title, teacher_name=teacher)
    elif call.endpoint == "addSchedule":
        client.add_schedule(room_id, call.lessons[0])
    elif call.endpoint == "updateSchedule":
        client.update_schedule(room_id, call.lessons[0])
    elif call.endpoint == "deleteScheduleBatch":
        client.delete_schedule_batch(room_id, call.serial_numbers)
    else:
        raise ValueError(f"no sender for {call.endpoint}")
