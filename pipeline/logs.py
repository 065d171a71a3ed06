"""The log file in the state folder, for the long-running commands.

``paike watch`` and ``paike batch`` write one line per file and per room to stderr (the
CLI's handler, which systemd sends to the journal) and to ``<state>/logs/paike.log``,
rotated at 5 MB with 5 old files kept. Library code only calls ``logging``; the CLI
decides where lines go. No line ever contains ``partner_key``: nothing logs settings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path

from pipeline.errors import ConfigError

LOG_FOLDER = "logs"
LOG_FILE = "paike.log"
MAX_LOG_BYTES = 5 * 1024 * 1024
KEPT_LOG_FILES = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Loggers whose INFO lines are the outcome of each file and room; the rest of the
# package logs INFO (every API call) only with --verbose.
OUTCOME_LOGGERS = ("pipeline.dropfolder",)


def log_path(state_dir: Path) -> Path:
    return state_dir / LOG_FOLDER / LOG_FILE


@contextmanager
def file_log(state_dir: Path) -> Iterator[Path]:
    """Add the rotating log file to the ``pipeline`` logger for the body of the block.

    Also lets the outcome loggers' INFO lines through, to the file and to stderr.
    """
    path = log_path(state_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=KEPT_LOG_FILES, encoding="utf-8")
    except OSError as error:
        raise ConfigError("dropfolder.log_unwritable", path=str(path), reason=error.strerror or str(error)) from None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))

    package_logger = logging.getLogger("pipeline")
    package_logger.addHandler(handler)
    previous_levels = {name: logging.getLogger(name).level for name in ("pipeline", *OUTCOME_LOGGERS)}
    # A service's log keeps retries and failed calls too; interactive commands show
    # only errors unless --verbose, because their results are printed anyway.
    if package_logger.level > logging.WARNING:
        package_logger.setLevel(logging.WARNING)
    for name in OUTCOME_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    try:
        yield path
    finally:
        for name, level in previous_levels.items():
            logging.getLogger(name).setLevel(level)
        package_logger.removeHandler(handler)
        handler.close()
