"""Finding time intervals that overlap within groups, vectorised for large timetables."""

from __future__ import annotations

import numpy as np
import pandas as pd


def find_overlaps(
    keys: list[np.ndarray], start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pair each interval with an earlier-starting interval of its group that it overlaps.

    ``keys`` are integer arrays that together name the group (e.g. room and day);
    ``start`` and ``end`` are minutes, with ``start < end``. Intervals that only touch
    (one ends when the next starts) do not overlap. Among equal starts, the interval
    that comes later in the input counts as the later one.

    Returns two arrays of input positions, ``later`` and ``earlier``: ``later[i]``
    overlaps ``earlier[i]``. Each overlapping interval appears once in ``later``,
    paired with the earlier interval that reaches furthest.
    """
    positions = np.arange(len(start))
    # np.lexsort sorts by its last key first: group keys, then start, then input order.
    order = np.lexsort([positions, start, *reversed(keys)])
    sorted_keys = [key[order] for key in keys]
    sorted_end = pd.Series(end[order], dtype="float64")

    # A new group begins wherever any key differs from the row before.
    new_group = np.zeros(len(order), dtype=bool)
    if len(order):
        new_group[0] = True
    for key in sorted_keys:
        new_group[1:] |= key[1:] != key[:-1]
    group = pd.Series(np.cumsum(new_group))

    # Compare each start with the latest end among the earlier intervals of its group,
    # and remember which interval has that end.
    running_max = sorted_end.groupby(group).cummax()
    holder = pd.Series(np.where(sorted_end == running_max, order, np.nan))
    holder = holder.groupby(group).ffill()
    max_before = running_max.groupby(group).shift(1)
    holder_before = holder.groupby(group).shift(1)

    overlapping = (start[order] < max_before.to_numpy()).astype(bool)
    later = order[overlapping]
    earlier = holder_before.to_numpy()[overlapping].astype(np.int64)
    return later, earlier
