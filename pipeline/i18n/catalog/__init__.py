"""The message catalog: every user-facing string of paike, in Chinese and English.

One catalog, split into modules by area so that each stays readable:
``config`` (settings), ``cli`` (command output and help), ``problems`` (validation
problems, one entry per stable code), ``api`` (API error hints), ``report`` (workbook
text), ``sandbox`` (the sandbox server's console output), ``dropfolder`` (the drop
folder's notes, logs and summaries, and the lock messages).

Each entry maps a language (``zh``, ``en``) to a ``str.format`` template; both
languages of an entry take the same placeholders (a test checks this).
"""

from __future__ import annotations

import importlib

AREAS = ("config", "cli", "problems", "loading", "api", "report", "sandbox", "template", "export", "dropfolder")


def _merge_areas() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in AREAS:
        try:
            module = importlib.import_module(f"{__name__}.{area}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{area}":
                raise
            continue
        duplicated = merged.keys() & module.MESSAGES.keys()
        if duplicated:
            raise RuntimeError(f"catalog keys defined twice: {sorted(duplicated)}")
        merged.update(module.MESSAGES)
    return merged


MESSAGES = _merge_areas()
