"""Writing output files safely: a temporary name in the same folder, then a rename, so
a crash never leaves half a file, and no existing file is replaced unless asked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from pipeline.errors import PaikeError


def write_atomically(destination: Path, write: Callable[[Path], None], overwrite: bool = False) -> Path:
    """Call ``write(temp_path)``, then move the result to ``destination``."""
    destination = Path(destination)
    if destination.exists() and not overwrite:
        raise PaikeError("export.exists", path=str(destination))
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".paike-", suffix=destination.suffix, dir=destination.parent)
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        write(temp_path)
        os.replace(temp_path, destination)
    finally:
        with suppress(FileNotFoundError):
            temp_path.unlink()
    return destination
