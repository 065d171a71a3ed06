"""The outcome of one dropped file, and the note written beside it for staff."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.dropfolder.layout import NOTE_SUFFIX
from pipeline.i18n import t
from pipeline.lessons import Lesson

# Outcomes that move the file to 已导入. Those of FileOutcome's other statuses that
# move it at all (refused, failed, unsupported) send it to 未导入.
PUBLISHED_OUTCOMES = ("published", "duplicate")
# Outcomes that count as a failure in the batch summary and its exit code.
FAILED_OUTCOMES = ("refused", "failed", "unsupported", "left")

__all__ = ["FAILED_OUTCOMES", "NOTE_SUFFIX", "PUBLISHED_OUTCOMES", "FileOutcome", "GuardedRoom", "note_text"]

# Lessons listed one by one under the rooms the deletion guard held back; staff need the
# whole list to see what their file leaves out, but a note stays readable in Notepad.
MAX_LISTED_DELETIONS = 200


@dataclass
class GuardedRoom:
    """A room the deletion guard held back, and the lessons the file would have deleted."""

    room_id: str
    existing: int
    deleted: list[Lesson]


@dataclass
class FileOutcome:
    """The result of processing one dropped file.

    ``status`` is one of:

    - ``published``: every room written or already equal
    - ``failed``: some rooms failed at the API or were held back by the deletion guard
      (those are in ``guarded``)
    - ``refused``: the table has errors, nothing sent
    - ``duplicate``: the same bytes were published before, nothing sent
    - ``unsupported``: not a timetable file
    - ``left``: the file could not be moved and stays in the inbox
    - ``changed``: the file was rewritten while being processed and stays in the inbox
    - ``vanished``: the file was removed while being processed
    - ``stopped``: a stop was requested before publishing began, the file stays in the inbox
    """

    name: str
    status: str
    destination: Path | None = None
    reports: list[Path] = field(default_factory=list)
    rooms: int = 0
    lessons: int = 0
    failed_rooms: int = 0
    errors: int = 0
    # Errors about the whole file or a whole sheet (unreadable, no timetable, a missing
    # column), where no single cell is at fault.
    file_errors: int = 0
    warnings: int = 0
    run_id: int | None = None
    # Why, for the log, the batch summary and the note; one line per room for failed rooms.
    reason: str = ""
    # Rooms held back by the deletion guard; the note lists every lesson they would lose.
    guarded: list[GuardedRoom] = field(default_factory=list)
    # Reports of an earlier attempt moved out of the result folders before this delivery.
    old_reports: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status in FAILED_OUTCOMES

    def log_line(self) -> str:
        """Return the one log line for this file."""
        where = str(self.destination) if self.destination else t("dropfolder.log.stays_in_inbox")
        return t(
            f"dropfolder.log.file.{self.status}",
            name=self.name,
            where=where,
            rooms=self.rooms,
            lessons=self.lessons,
            failed=self.failed_rooms,
            errors=self.errors,
            # A log line stays one line, whatever the reason's layout in the note.
            reason=" ".join(self.reason.split()),
        )


def note_text(outcome: FileOutcome, report_names: dict[str, str], target: Path | None = None) -> str:
    """Return the note for staff: what happened to the file, why, and what to do next.

    ``report_names`` maps a report kind (``check``, ``run``) to the file name it has
    beside the input. ``target`` is where the file is moved, so the note names the file
    as staff find it there, which differs from ``outcome.name`` when that name was taken.
    """
    kind = _note_kind(outcome)
    lines = [
        _file_line(outcome.name, target),
        t(
            f"dropfolder.note.result.{kind}",
            rooms=outcome.rooms,
            lessons=outcome.lessons,
            failed=outcome.failed_rooms,
            refused=len(outcome.guarded),
            succeeded=outcome.rooms - outcome.failed_rooms,
            errors=outcome.errors,
        ),
    ]
    if outcome.reason:
        lines.append(t("dropfolder.note.reason", reason=outcome.reason))
    if outcome.guarded:
        lines += _guard_lines(outcome.guarded)
    if outcome.warnings and outcome.status in ("published", "failed"):
        lines.append(t("dropfolder.note.warnings", warnings=outcome.warnings))
    if "run" in report_names:
        lines.append(t("dropfolder.note.run_report", name=report_names["run"]))
    if "check" in report_names:
        # No single cell is at fault in a file-level error, so the note promises no red cells.
        check_key = "dropfolder.note.check_list" if kind == "refused_file" else "dropfolder.note.check_report"
        lines.append(t(check_key, name=report_names["check"]))
    if outcome.old_reports:
        lines.append(t("dropfolder.note.old_reports", count=len(outcome.old_reports)))
    lines += _next_steps(outcome, kind)
    # CRLF line ends (and a byte-order mark, added by the writer) so that Notepad on
    # older Windows shows the Chinese text.
    return "\n".join(lines).replace("\n", "\r\n") + "\r\n"


def _note_kind(outcome: FileOutcome) -> str:
    """Return the status, refined where the note reads differently: rooms held back by
    the deletion guard only, every room failed, or the file was refused for file-level
    errors only."""
    if outcome.status == "failed":
        every_room = outcome.failed_rooms >= outcome.rooms
        if outcome.guarded and len(outcome.guarded) >= outcome.failed_rooms:
            return "guarded_all" if every_room else "guarded"
        return "failed_all" if every_room else "failed"
    if outcome.status == "refused" and outcome.file_errors >= outcome.errors:
        return "refused_file"
    return outcome.status


def _guard_lines(guarded: list[GuardedRoom]) -> list[str]:
    """Return why the guard held rooms back and every lesson it kept, up to MAX_LISTED_DELETIONS."""
    lines = [t("dropfolder.note.guard_why"), t("dropfolder.note.guard_list")]
    listed = 0
    for room in guarded:
        lines.append(t("dropfolder.note.guard_room", room=room.room_id, delete=len(room.deleted),
                       total=room.existing))
        for lesson in room.deleted:
            if listed == MAX_LISTED_DELETIONS:
                break
            lines.append(t("dropfolder.note.guard_lesson", date=lesson.date, serial=lesson.serial_number,
                           title=lesson.title))
            listed += 1
    unlisted = sum(len(room.deleted) for room in guarded) - listed
    if unlisted:
        lines.append(t("dropfolder.note.guard_more", count=unlisted, listed=listed))
    return lines


def _next_steps(outcome: FileOutcome, kind: str) -> list[str]:
    """Return what to do next; a file with both API failures and guarded rooms gets both steps."""
    if kind in ("guarded", "guarded_all"):
        return [t("dropfolder.note.next.guarded")]
    steps = [t(f"dropfolder.note.next.{kind}")]
    if outcome.guarded:
        steps.append(t("dropfolder.note.next.guarded"))
    return steps


def _file_line(original_name: str, target: Path | None) -> str:
    if target is None or target.name == original_name:
        return t("dropfolder.note.file", name=original_name)
    return t("dropfolder.note.file_renamed", name=target.name, original=original_name, folder=target.parent.name)
