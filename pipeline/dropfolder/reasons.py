"""Why a dropped file was not published, in words staff can act on: the rooms that
failed at the API, and the problems with the file itself that kept its timetable from
being read."""

from __future__ import annotations

from pipeline.dropfolder.outcome import GuardedRoom
from pipeline.i18n import t
from pipeline.problems import Problem
from pipeline.publishing.publisher import RoomResult

# Failed rooms listed one by one in a note; the run report lists every one.
MAX_LISTED_ROOMS = 20
# File problems listed one by one in a note; the check report lists every one.
MAX_LISTED_PROBLEMS = 10
# Errors about the file as a whole or a whole sheet. No single cell is at fault, so the
# note itself gives the message instead of pointing to red cells.
FILE_LEVEL_CODES = frozenset(
    {"unreadable_file", "unsafe_file", "file_too_large", "file_not_found", "no_timetable", "missing_column"}
)


def room_failure_reason(result: RoomResult) -> str:
    """Return why a room failed, in words staff can act on."""
    if result.status == "refused":
        room = guarded_room(result)
        return t("dropfolder.reason.guard", delete=len(room.deleted), total=room.existing)
    return " ".join(part for part in (result.msg, result.hint) if part) or t("dropfolder.reason.no_message")


def guarded_room(result: RoomResult) -> GuardedRoom:
    """Return the room the deletion guard held back, with the lessons its plan would delete."""
    if result.plan is None:
        return GuardedRoom(result.room_id, existing=0, deleted=[])
    return GuardedRoom(result.room_id, existing=len(result.plan.live), deleted=list(result.plan.to_delete))


def failed_rooms_reason(failed: list[RoomResult]) -> str:
    """Return one line per failed room (at most MAX_LISTED_ROOMS) for the note and the log."""
    lines = [t("dropfolder.reason.room", room=result.room_id, reason=room_failure_reason(result))
             for result in failed[:MAX_LISTED_ROOMS]]
    if len(failed) > MAX_LISTED_ROOMS:
        lines.append(t("dropfolder.reason.more_rooms", count=len(failed) - MAX_LISTED_ROOMS))
    return t("dropfolder.reason.rooms_failed", rooms="\n".join(lines))


def is_file_level(problem: Problem) -> bool:
    """Return True for a problem with the whole file or a whole sheet rather than with one cell."""
    return problem.code in FILE_LEVEL_CODES or problem.row is None


def file_problems_reason(problems: list[Problem]) -> str:
    """Return the messages of file-level problems: the one message alone, or one line each.

    Each message states what is wrong and what to do. Repeated messages are given once.
    """
    messages = list(dict.fromkeys(_located_message(problem) for problem in problems))
    if len(messages) == 1:
        return messages[0]
    lines = [t("dropfolder.reason.problem", message=message) for message in messages[:MAX_LISTED_PROBLEMS]]
    if len(messages) > MAX_LISTED_PROBLEMS:
        lines.append(t("dropfolder.reason.more_problems", count=len(messages) - MAX_LISTED_PROBLEMS))
    return t("dropfolder.reason.file_problems", problems="\n".join(lines))


def _located_message(problem: Problem) -> str:
    # Messages that take a sheet parameter name the sheet already.
    if problem.sheet and "sheet" not in problem.params:
        return t("dropfolder.reason.in_sheet", sheet=problem.sheet, message=problem.message)
    return problem.message
