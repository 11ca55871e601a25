"""Traditional→Simplified Chinese folding for the index: the table lives in the core, shared
with anchoring, so search and re-anchoring treat the two scripts as equal in the same way."""

from __future__ import annotations

import functools

from reader.core.folding import t2s_table as _make_t2s_table
from reader.core.folding import to_simplified
from reader.search import tables

__all__ = ["t2s_table", "to_simplified"]


@functools.cache
def t2s_table() -> dict[int, str]:
    """The core's table, read from beside the index when it was kept there (see tables)."""
    return tables.load("t2s", _make_t2s_table)
