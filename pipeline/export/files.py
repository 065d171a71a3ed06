"""Writing output files safely: a temporary name in the same folder, then a rename, so
a crash never leaves half a file, and no existing file is replaced unless asked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from pipeline.errors import PaikeError

# The temporary name starts with a dot and ends in .tmp, so neither a person browsing
# the folder nor a watcher looking for *.xlsx mistakes it for a finished report.
TEMP_PREFIX = ".paike-"
TEMP_SUFFIX = ".tmp"


def refuse_existing(destination: Path, overwrite: bool) -> None:
    """Raise PaikeError ``export.exists`` when ``destination`` exists and may not be replaced.

    Commands call this before any API call, so a long export does not end in a refusal.
    """
    if not overwrite and Path(destination).exists():
        raise PaikeError("export.exists", path=str(destination))


def write_atomically(destination: Path, write: Callable[[Path], None], overwrite: bool = False) -> Path:
    """Call ``write(temp_path)``, then move the result to ``destination``.

    Without ``overwrite`` the move is a hard link, which fails if a file appeared at
    ``destination`` meanwhile, so a file created by someone else is never replaced.
    """
    destination = Path(destination)
    refuse_existing(destination, overwrite)
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=destination.parent)
    os.close(handle)
    temp_path = Path(temp_name)
    # mkstemp creates the file readable by its owner only; reports in a shared folder
    # must open for everyone the umask allows, like any other file the user writes.
    os.chmod(temp_path, 0o666 & ~_current_umask())
    try:
        write(temp_path)
        if overwrite:
            os.replace(temp_path, destination)
        else:
            _move_without_replacing(temp_path, destination)
    finally:
        with suppress(FileNotFoundError):
            temp_path.unlink()
    return destination


def _move_without_replacing(source: Path, destination: Path) -> None:
    try:
        os.link(source, destination)
    except FileExistsError:
        raise PaikeError("export.exists", path=str(destination)) from None
    except OSError:
        # NOTE: some file systems (FAT, some network shares) have no hard links; there a
        # file created between the check above and this rename would be replaced.
        refuse_existing(destination, overwrite=False)
        os.replace(source, destination)


def _current_umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask
