"""From one list of ids to the next by inserting rows: worked out off the UI thread.

A list of 100,000 articles that gained a few (an import under way) changes in place: the new
rows are inserted where they sort, and the view keeps its selection, its current row and its
scroll position, instead of a reset that lays out every row again. Anything else (rows gone,
rows in another order) is a reset: a removed current row would make Qt choose another one,
and open it.
"""

from __future__ import annotations

from dataclasses import dataclass

# More separate runs of new rows than this and one reset is cheaper than the inserts.
MAX_RUNS = 200


@dataclass(frozen=True)
class RowEdits:
    """The ids queried, their rows, and how the listed ids become them, if only by inserts."""

    old: list[int]  # the ids listed when the query began: the edits apply to these only
    new: list[int]
    rows: dict[int, int]  # new id -> row, built here rather than on the UI thread
    # (first, last) rows of each run of new ids, in `new`'s rows, first run first; None
    # when the list cannot become `new` by inserts alone.
    inserts: list[tuple[int, int]] | None


def row_edits(old: list[int], new: list[int]) -> RowEdits:
    """How `old` becomes `new` (see RowEdits), for a worker. Its loops over 100,000 ids run
    in C (dict, set and filter built-ins): a Python loop held the interpreter lock for tens of
    ms beside the UI thread at each update of an import."""
    rows = dict(zip(new, range(len(new)), strict=True))
    return RowEdits(old, new, rows, _inserts(old, new, rows))


def _inserts(old: list[int], new: list[int], rows: dict[int, int]) -> list[tuple[int, int]] | None:
    known = set(old)
    if len(new) < len(old) or not known <= rows.keys():
        return None  # some rows went
    if list(filter(known.__contains__, new)) != old:
        return None  # the rows kept are in another order
    runs: list[tuple[int, int]] = []
    for row in sorted(map(rows.__getitem__, rows.keys() - known)):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
        if len(runs) > MAX_RUNS:
            return None
    return runs
