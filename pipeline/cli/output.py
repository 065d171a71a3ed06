"""Terminal output shared by the commands: one stdout console, one stderr console."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape

# Results go to stdout; progress, errors and logs go to stderr so `--json` stays clean.
stdout = Console(soft_wrap=True, highlight=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


def print_error(message: str) -> None:
    stderr.print(f"[bold red]✗[/] {escape(message)}")


def print_json(data: dict[str, Any]) -> None:
    """Write one JSON object on stdout, in UTF-8 text (no \\u escapes)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()
