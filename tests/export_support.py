"""Shared pieces of the export tests: a client for a running sandbox, and workbook checks."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.client.api import ApiClient
from pipeline.config import Settings


def client_for(box, **overrides) -> ApiClient:
    """Return a real client for a running sandbox; ``overrides`` go to ApiClient."""
    settings = Settings(partner_id=box.partner_id, partner_key=box.partner_key, base_url=box.base_url)
    return ApiClient(settings, **overrides)


def formula_cells(path: Path) -> list[str]:
    """Return 'sheet!cell' for every formula cell in the workbook."""
    workbook = openpyxl.load_workbook(path)
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            found.extend(f"{sheet.title}!{cell.coordinate}" for cell in row if cell.data_type == "f")
    return found


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    workbook = openpyxl.load_workbook(path)
    return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]
