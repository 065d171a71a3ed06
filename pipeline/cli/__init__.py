"""The ``paike`` command: a thin layer that parses flags, calls the library and turns
its exceptions into one translated message and an exit code.

Exit codes: 0 done; 1 input invalid, nothing sent; 2 usage or configuration error;
3 some rooms failed at the API (or were held back by the deletion guard).
"""

from __future__ import annotations

import os
import sys

import click

from pipeline.i18n import SUPPORTED_LANGUAGES, set_language

EXIT_OK = 0
EXIT_INVALID_INPUT = 1
EXIT_USAGE = 2
EXIT_ROOMS_FAILED = 3


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and of ``python -m pipeline``."""
    args = list(sys.argv[1:] if argv is None else argv)
    # Help text is rendered from the catalog when the commands are built, so the
    # language must be known before click parses anything. --lang is taken from
    # anywhere on the line, so `paike check --lang en FILE` works too.
    language, args = split_language_option(args)
    set_language(language or os.environ.get("PAIKE_LANG"))
    from pipeline.cli.app import build_cli, run

    sys.exit(run(build_cli(), args))


def split_language_option(args: list[str]) -> tuple[str | None, list[str]]:
    """Return the value of a valid ``--lang`` option and the arguments without it."""
    for position, arg in enumerate(args):
        if arg == "--lang" and position + 1 < len(args):
            value, rest = args[position + 1], args[:position] + args[position + 2:]
        elif arg.startswith("--lang="):
            value, rest = arg.split("=", 1)[1], args[:position] + args[position + 1:]
        else:
            continue
        if value in SUPPORTED_LANGUAGES:
            return value, rest
        return None, args
    return None, args
