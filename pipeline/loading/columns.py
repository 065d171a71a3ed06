"""Column-wise conversion: each distinct raw value is converted once.

Timetables repeat the same rooms, dates and times thousands of times, so converting
distinct values and spreading the results keeps a 200,000-row sheet fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.loading.cells import Converter, Issue


@dataclass
class ConvertedColumn:
    """A column's texts by row position, and the positions whose cell has an issue."""

    texts: list[str | None]
    issues: dict[int, Issue] = field(default_factory=dict)


def convert_column(values: list[Any], converter: Converter) -> ConvertedColumn:
    """Apply ``converter`` to each distinct value of ``values`` and spread the results."""
    distinct = set(values)
    # True == 1 == 1.0 as set members and dict keys, but a TRUE cell converts
    # differently from the number 1, so a column with booleans is keyed by type too.
    if (True in distinct or False in distinct) and any(type(value) is bool for value in values):
        return _convert_by_type(values, converter)

    results = {value: converter(value) for value in distinct}
    texts_by_value = {value: text for value, (text, _) in results.items()}
    texts = list(map(texts_by_value.__getitem__, values))

    flagged = {value: issue for value, (_, issue) in results.items() if issue is not None}
    issues = {}
    if flagged:
        issues = {position: flagged[value] for position, value in enumerate(values) if value in flagged}
    return ConvertedColumn(texts, issues)


def _convert_by_type(values: list[Any], converter: Converter) -> ConvertedColumn:
    keys = [(type(value), value) for value in values]
    results = {key: converter(key[1]) for key in set(keys)}
    texts = [results[key][0] for key in keys]
    issues = {
        position: results[key][1] for position, key in enumerate(keys) if results[key][1] is not None
    }
    return ConvertedColumn(texts, issues)
