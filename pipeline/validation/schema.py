"""The pandera schema for single cells: required fields and each field's format.

Every check is named with its problem code, so :func:`check_cells` can turn pandera's
failure cases straight into findings. The schema runs with ``lazy=True`` and so reports
every bad cell of the table in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from pipeline.lessons import LESSON_FIELDS, REQUIRED_FIELDS
from pipeline.problems import Severity
from pipeline.validation.cells import (
    map_distinct,
    parse_clock_time,
    parse_date,
    parse_room_id,
    parse_serial,
    parse_text,
)
from pipeline.validation.findings import Finding

# pandera names its own null check "not_nullable"; for a lesson that means a missing value.
NOT_NULLABLE_CHECK = "not_nullable"


class FieldRule(NamedTuple):
    code: str | None
    parser: Callable[[str], Any]


FIELD_RULES = {
    "room_id": FieldRule("invalid_room_id", parse_room_id),
    "date": FieldRule("invalid_date", parse_date),
    "serial_number": FieldRule("invalid_serial", parse_serial),
    "title": FieldRule(None, parse_text),
    "start_time": FieldRule("invalid_time", parse_clock_time),
    "end_time": FieldRule("invalid_time", parse_clock_time),
    "teacher_name": FieldRule(None, parse_text),
}


def build_cell_schema() -> pa.DataFrameSchema:
    """Build the schema for a frame of normalised cell text (see ``normalize_cells``)."""
    columns = {}
    for name in LESSON_FIELDS:
        rule = FIELD_RULES[name]
        checks = [] if rule.code is None else [_format_check(rule)]
        # dtype=None: the cells are text of whatever string dtype pandas chose.
        columns[name] = pa.Column(dtype=None, checks=checks, nullable=name not in REQUIRED_FIELDS)
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


def _format_check(rule: FieldRule) -> pa.Check:
    def parses(cells: pd.Series) -> pd.Series:
        return map_distinct(cells, rule.parser).notna()

    # pandera skips missing cells (ignore_na), so only filled cells reach the parser.
    return pa.Check(parses, name=rule.code, error=rule.code)


def check_cells(cells: pd.DataFrame) -> list[Finding]:
    """Run the cell schema over normalised ``cells`` and return one finding per bad cell."""
    try:
        build_cell_schema().validate(cells, lazy=True)
    except SchemaErrors as errors:
        return _findings_from_failures(errors.failure_cases)
    return []


def _findings_from_failures(failures: pd.DataFrame) -> list[Finding]:
    findings = []
    for failure in failures.itertuples(index=False):
        if failure.index is None or pd.isna(failure.index):
            raise RuntimeError(f"unexpected schema-level failure: {failure.check}")
        position = int(failure.index)
        if failure.check == NOT_NULLABLE_CHECK:
            finding = Finding(position, failure.column, "required", Severity.ERROR)
        else:
            params = {"value": failure.failure_case}
            finding = Finding(position, failure.column, failure.check, Severity.ERROR, params)
        findings.append(finding)
    return findings

