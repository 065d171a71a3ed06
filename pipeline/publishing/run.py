"""One publishing run from start to finish, recorded in the ledger.

The steps: open a run in the ledger (with each input file's sha256), publish every
room with the ledger's hooks (an undo snapshot before a room's first write, course
info remembered), record each room's result, close the run, and write the run report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.client.api import ApiClient
from pipeline.errors import ApiError
from pipeline.lessons import CourseInfo, Lesson
from pipeline.publishing.ledger import Ledger
from pipeline.publishing.publisher import PublishHooks, PublishOptions, RoomResult, publish_rooms


class LedgerHooks(PublishHooks):
    """Publisher hooks that write to the ledger as rooms progress."""

    def __init__(self, ledger: Ledger, run_id: int) -> None:
        self.ledger = ledger
        self.run_id = run_id

    def known_course_info(self, room_id: str) -> CourseInfo | None:
        return self.ledger.course_info(room_id)

    def before_write(self, room_id: str, live: list[Lesson]) -> None:
        self.ledger.record_before(self.run_id, room_id, live)

    def course_info_set(self, info: CourseInfo) -> None:
        self.ledger.remember_course_info(info)


@dataclass
class RunOutcome:
    run_id: int | None
    results: list[RoomResult]
    status: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "done"


def run_publish(
    client: ApiClient,
    ledger: Ledger,
    lessons_by_room: Mapping[str, list[Lesson]],
    options: PublishOptions,
    files: Iterable[str | Path],
    course_info: Mapping[str, CourseInfo] | None = None,
    on_result: Callable[[RoomResult], None] | None = None,
    command: str = "publish",
) -> RunOutcome:
    """Publish and record the run; a dry run is not recorded."""
    if options.dry_run:
        results = publish_rooms(client, lessons_by_room, options, course_info, on_result)
        return RunOutcome(None, results, "planned", dict(Counter(result.status for result in results)))

    run_id = ledger.start_run(command, options.mode, files)

    def record(result: RoomResult) -> None:
        plan = result.plan.summary() if result.plan else None
        ledger.record_result(run_id, result.room_id, result.status, result.code, result.msg, plan)
        if on_result:
            on_result(result)

    try:
        results = publish_rooms(client, lessons_by_room, options, course_info, record, LedgerHooks(ledger, run_id))
    except ApiError:
        ledger.finish_run(run_id, "failed", {})
        raise
    counts = dict(Counter(result.status for result in results))
    status = "done" if all(result.ok for result in results) else "failed"
    ledger.finish_run(run_id, status, counts)
    return RunOutcome(run_id, results, status, counts)
