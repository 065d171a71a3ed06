"""The parsed fields of every row, shared by the rules that compare rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.lessons import LESSON_FIELDS
from pipeline.validation.cells import map_distinct
from pipeline.validation.schema import FIELD_RULES

# Fields whose parsed values are numbers: dates as day ordinals, times as minutes.
NUMERIC_FIELDS = ("date", "start_time", "end_time")


class ParsedRows:
    """Each field's parsed value by row position, ``None`` where the cell cannot be used.

    A cell cannot be used when it breaks its field's rule or the loader already reported
    it. Rules that compare rows only look at usable cells.
    """

    def __init__(self, values: pd.DataFrame) -> None:
        self.values = values
        self._usable = {name: values[name].notna().to_numpy() for name in LESSON_FIELDS}
        # Floats with NaN for unusable cells; day ordinals and minutes fit exactly.
        self.numbers = {name: values[name].astype("float64").to_numpy() for name in NUMERIC_FIELDS}
        start, end = self.numbers["start_time"], self.numbers["end_time"]
        # Rows whose lesson has usable times and ends after it starts.
        self.spans = self.usable("start_time", "end_time") & (end > start)

    def __len__(self) -> int:
        return len(self.values)

    def usable(self, *fields: str) -> np.ndarray:
        """Return a mask of rows whose ``fields`` are all usable."""
        mask = np.ones(len(self.values), dtype=bool)
        for name in fields:
            mask &= self._usable[name]
        return mask


def parse_rows(cells: pd.DataFrame, unusable: set[tuple[int, str]]) -> ParsedRows:
    """Parse every field of the normalised ``cells``.

    ``unusable`` is a set of (row position, field) pairs for cells the loader already
    reported. They count as unusable even when they parse.
    """
    values = pd.DataFrame(
        {name: map_distinct(cells[name], FIELD_RULES[name].parser) for name in LESSON_FIELDS},
        index=cells.index,
    )
    for position, name in unusable:
        values.iat[position, values.columns.get_loc(name)] = None
    return ParsedRows(values)
