"""How a listed column of ids becomes the next one: by inserted runs of rows, or not at all."""

from __future__ import annotations

import pytest

from reader.gui.models import row_edits as row_edits_module
from reader.gui.models.row_edits import MAX_RUNS, row_edits


@pytest.fixture(autouse=True, params=[row_edits_module.CHUNK, 2, 3])
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Every case also with the ids taken a few at a time: runs, moves and removals across
    the pieces' edges are found as in one piece."""
    monkeypatch.setattr(row_edits_module, "CHUNK", request.param)
    return int(request.param)


def apply(old: list[int], new: list[int], runs: list[tuple[int, int]]) -> list[int]:
    """Insert each run as the model does, first run first."""
    ids = list(old)
    for first, last in runs:
        ids[first:first] = new[first : last + 1]
    return ids


def test_new_ids_are_runs_of_inserted_rows_that_rebuild_the_new_list() -> None:
    old = [9, 7, 5, 3]
    new = [10, 9, 8, 6, 7, 5, 3, 2, 1]
    edits = row_edits(old, new)
    assert edits.inserts == [(0, 0), (2, 3), (7, 8)]
    assert edits.inserts is not None and apply(old, new, edits.inserts) == new
    assert edits.rows == {value: row for row, value in enumerate(new)}
    assert edits.old is old


def test_the_same_list_needs_no_insert() -> None:
    assert row_edits([3, 2, 1], [3, 2, 1]).inserts == []
    assert row_edits([], [4, 5]).inserts == [(0, 1)]


def test_a_removed_or_moved_row_is_not_an_insert() -> None:
    assert row_edits([3, 2, 1], [3, 1]).inserts is None
    assert row_edits([3, 2, 1], [4, 3, 1, 0]).inserts is None  # one went, two came
    assert row_edits([3, 2, 1], [2, 3, 1]).inserts is None


def test_too_many_scattered_runs_are_not_inserts() -> None:
    old = list(range(0, 4 * MAX_RUNS, 2))
    new = list(range(4 * MAX_RUNS))
    assert row_edits(old, new).inserts is None


def test_a_move_or_removal_far_into_a_long_list_is_found() -> None:
    old = list(range(10_000, 0, -1))
    new = [10_001, *old[:7_000], 20_000, *old[7_000:]]
    edits = row_edits(old, new)
    assert edits.inserts == [(0, 0), (7_001, 7_001)]
    assert edits.rows[20_000] == 7_001 and edits.rows[1] == len(new) - 1
    swapped = [*old[:9_000], old[9_001], old[9_000], *old[9_002:]]
    assert row_edits(old, swapped).inserts is None
    assert row_edits(old, [*old[:8_191], *old[8_192:], 99_999]).inserts is None
