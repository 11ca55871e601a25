"""Traditional→Simplified Chinese folding for the index: the table lives in the core, shared
with anchoring, so search and re-anchoring treat the two scripts as equal in the same way."""

from __future__ import annotations

from reader.core.folding import t2s_table, to_simplified

__all__ = ["t2s_table", "to_simplified"]
