"""From one list of ids to the next by inserting rows: worked out off the UI thread.

A list of 100,000 articles that gained a few (an import under way) changes in place: the new
rows are inserted where they sort, and the view keeps its selection, its current row and the
rows on screen where they are, instead of a reset that lays out every row again. Anything
else (rows gone, rows in another order) is a reset: a removed current row would make Qt
choose another one, and open it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import filterfalse

# More separate runs of new rows than this and one reset is cheaper than the inserts.
MAX_RUNS = 200
# Ids handled by one built-in call. The work runs in C (dict, set, filter), but a built-in
# holds the interpreter lock until it returns: over 100,000 ids at once, `dict(zip(...))` held
# it for 10-35 ms, and every Python call of the UI thread's painting waited it out. A
# few thousand ids take well under a millisecond, after which the lock can change hands.
CHUNK = 4096


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
    """How `old` becomes `new` (see RowEdits), for a worker, in C a chunk at a time (CHUNK):
    a Python loop over 100,000 ids cost tens of ms, a single built-in call over all of them
    kept the UI thread waiting as long."""
    rows = row_numbers(new)
    return RowEdits(old, new, rows, _inserts(old, new, rows))


def row_numbers(ids: list[int]) -> dict[int, int]:
    """id -> row of a listed column of ids, built a chunk at a time (see CHUNK)."""
    rows: dict[int, int] = {}
    for start, part in _chunks(ids):
        rows.update(zip(part, range(start, start + len(part)), strict=True))
    return rows


def added_ids(edits: RowEdits, limit: int) -> list[int]:
    """The first `limit` ids the inserts add, first run first."""
    added: list[int] = []
    for first, last in edits.inserts or ():
        added.extend(edits.new[first : min(last + 1, first + limit - len(added))])
        if len(added) >= limit:
            break
    return added


def _inserts(old: list[int], new: list[int], rows: dict[int, int]) -> list[tuple[int, int]] | None:
    if len(new) < len(old):
        return None  # some rows went
    known: set[int] = set()
    for _start, part in _chunks(old):
        if not all(map(rows.__contains__, part)):
            return None  # some rows went
        known.update(part)
    kept: list[int] = []
    added: list[int] = []
    for _start, part in _chunks(new):
        kept.extend(filter(known.__contains__, part))
        added.extend(filterfalse(known.__contains__, part))
    if len(kept) != len(old) or any(kept[s : s + len(p)] != p for s, p in _chunks(old)):
        return None  # the rows kept are in another order
    runs: list[tuple[int, int]] = []
    for row in sorted(map(rows.__getitem__, added)):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
        if len(runs) > MAX_RUNS:
            return None
    return runs


def _chunks(ids: list[int]) -> Iterator[tuple[int, list[int]]]:
    """(first index, slice) pieces of `ids`, CHUNK ids each."""
    for start in range(0, len(ids), CHUNK):
        yield start, ids[start : start + CHUNK]
