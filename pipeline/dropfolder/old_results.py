"""Moving outdated reports out of 已导入 and 未导入.

Staff fix a refused file and drop it again, but its old note and reports stay in 未导入,
and beside the new result they look current. Before a file is delivered, the reports
named for it (by its original or its new stem) in either result folder are moved to
ROOT/.paike/旧结果/<result folder>/. A report is moved only when no other file in its
folder has its stem, because a report beside its file still describes that file.
Spreadsheets and any other files staff put there are never moved.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from pipeline.dropfolder.layout import REPORT_SUFFIXES, DropFolder, describe_os_error, numbered_name, owner_stems
from pipeline.i18n import t

logger = logging.getLogger(__name__)


def retire_old_reports(folder: DropFolder, stems: Iterable[str]) -> list[Path]:
    """Move the orphaned reports named for ``stems`` out of both result folders.

    Returns their new paths. A report that cannot be moved is logged and left in place,
    so this never stops a delivery.
    """
    stems = list(dict.fromkeys(stems))
    retired = []
    for result_folder in (folder.published, folder.refused):
        try:
            owners = owner_stems(result_folder)
        except OSError as error:
            logger.warning(t("dropfolder.log.cannot_list", folder=str(result_folder), reason=describe_os_error(error)))
            continue
        for stem in stems:
            if stem.casefold() in owners:
                continue
            retired += _retire_reports_of(stem, result_folder, folder.old_results / result_folder.name)
    return retired


def _retire_reports_of(stem: str, result_folder: Path, archive: Path) -> list[Path]:
    retired = []
    for suffix in REPORT_SUFFIXES:
        report = result_folder / f"{stem}{suffix}"
        if not report.is_file():
            continue
        try:
            archive.mkdir(parents=True, exist_ok=True)
            # A numbered name keeps every earlier attempt instead of overwriting the last one.
            destination = numbered_name(archive, report.name)
            os.rename(report, destination)
        except OSError as error:
            logger.warning(t("dropfolder.log.old_report_not_moved", path=str(report), reason=describe_os_error(error)))
            continue
        logger.info(t("dropfolder.log.old_report_moved", path=str(report), where=str(destination)))
        retired.append(destination)
    return retired
