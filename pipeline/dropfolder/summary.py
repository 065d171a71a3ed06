"""The one-page summary of a batch run, for the IT person and for staff: the files and
what became of each, rooms and lessons published, the exports, and what failed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.export.files import write_atomically
from pipeline.i18n import t

if TYPE_CHECKING:
    from pipeline.dropfolder.batch import BatchReport

# Order of the per-status counts in the files line.
STATUS_ORDER = ("published", "duplicate", "refused", "failed", "unsupported", "left", "changed", "vanished", "stopped")


def summary_text(report: "BatchReport") -> str:
    """Return the summary as lines of text."""
    lines = [t("dropfolder.summary.title"), _times_line(report), t("dropfolder.summary.root", root=report.root), ""]
    lines += _file_lines(report)
    lines.append("")
    lines += _export_lines(report)
    lines.append("")
    failures = sum(outcome.failed for outcome in report.files) + sum(export.failed for export in report.exports)
    if report.stopped:
        lines.append(t("dropfolder.summary.stopped"))
    elif failures:
        lines.append(t("dropfolder.summary.failed", count=failures))
    else:
        lines.append(t("dropfolder.summary.all_ok"))
    return "\n".join(lines) + "\n"


def write_summary(report: "BatchReport", destination: Path) -> tuple[Path | None, str]:
    """Write the summary to ``destination`` (UTF-8 with a byte-order mark, for Notepad).

    Returns the path (None when it could not be written) and the text. The CLI prints
    the text too, so a failed write loses nothing.
    """
    text = summary_text(report)
    try:
        path = write_atomically(
            destination, lambda temp: temp.write_text(text.replace("\n", "\r\n"), encoding="utf-8-sig", newline="")
        )
    except OSError:
        return None, text
    return path, text


def _times_line(report: "BatchReport") -> str:
    finished = report.finished or report.started
    seconds = round((finished - report.started).total_seconds())
    return t("dropfolder.summary.times", started=report.started.strftime("%Y-%m-%d %H:%M"),
             finished=finished.strftime("%H:%M"), seconds=seconds)


def _file_lines(report: "BatchReport") -> list[str]:
    files = report.files
    if not files:
        return [t("dropfolder.summary.no_files")]
    statuses = Counter(outcome.status for outcome in files)
    parts = [f"{t('dropfolder.status.' + status)} {statuses[status]}" for status in STATUS_ORDER if statuses[status]]
    lines = [t("dropfolder.summary.files", count=len(files), parts=t("dropfolder.summary.separator").join(parts))]
    for outcome in files:
        mark = "✗" if outcome.failed else "✓"
        where = outcome.destination.name if outcome.destination else "-"
        lines.append(t(f"dropfolder.summary.file.{outcome.status}", mark=mark, name=outcome.name, where=where,
                       rooms=outcome.rooms, lessons=outcome.lessons, failed=outcome.failed_rooms,
                       errors=outcome.errors, reason=outcome.reason))
    published = [outcome for outcome in files if outcome.run_id is not None]
    rooms = sum(outcome.rooms for outcome in published)
    failed_rooms = sum(outcome.failed_rooms for outcome in published)
    lessons = sum(outcome.lessons for outcome in published if outcome.status == "published")
    lines.append(t("dropfolder.summary.rooms", rooms=rooms, failed=failed_rooms, lessons=lessons))
    return lines


def _export_lines(report: "BatchReport") -> list[str]:
    if not report.exports:
        return [t("dropfolder.summary.no_exports")]
    lines = [t("dropfolder.summary.exports")]
    for export in report.exports:
        kind = t(f"dropfolder.export.{export.kind}")
        if export.failed:
            lines.append(t("dropfolder.summary.export_failed", kind=kind, reason=export.error))
        else:
            lines.append(t(f"dropfolder.summary.export_done.{export.kind}", kind=kind, name=export.path.name,
                           rows=export.rows, rooms=export.rooms))
    return lines

