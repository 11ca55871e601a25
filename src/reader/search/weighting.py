"""Query-time speed-ups that keep Whoosh's scores: remembered field lengths, pruned matchers.

Whoosh's BM25F reads a document's field length from the index file every time it scores a
term in it (a seek and a read through the segment's compound file): over half the time of a
query that matches thousands of articles. Lengths of a segment never change while a
searcher is open, so each is read once per searcher and kept; scores are the same numbers.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from whoosh import query as wq
from whoosh import scoring


class RememberingBM25F(scoring.BM25F):  # type: ignore[misc]
    """Whoosh's BM25F (same parameters, same scores) whose scorers remember field lengths.

    Make one per searcher: what it remembers is only valid for that searcher's segments.
    """

    def __init__(self) -> None:
        super().__init__()
        # id(segment reader) → (the reader, kept alive so its id is not reused; field →
        # length by document number, -1 where not read yet). An array: 8 bytes a document.
        self._lengths: dict[int, tuple[Any, dict[str, array[int]]]] = {}

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.WeightLengthScorer):
            scorer.dfl = self._field_lengths(searcher, fieldname)
        return scorer

    def _field_lengths(self, searcher: Any, fieldname: str) -> Callable[[int], int]:
        reader = searcher.reader()
        _, fields = self._lengths.setdefault(id(reader), (reader, {}))
        known = fields.get(fieldname)
        if known is None:
            known = fields[fieldname] = array("q", [-1]) * reader.doc_count_all()
        read = searcher.doc_field_length

        def length(docnum: int) -> int:
            found = known[docnum]
            if found < 0:
                found = read(docnum, fieldname, 1)
                if found is not None:  # Whoosh gives None for a field the document lacks
                    known[docnum] = found
            return found

        return length


class Simplified(wq.WrappingQuery):  # type: ignore[misc]
    """The child query, its matcher rid of parts that match nothing in the segment.

    A word is looked up in four fields, most of which do not hold it (no notes, no author):
    their empty matchers stayed in the tree of unions, and every document scored asked each
    of them whether it was active. `replace(0)` drops only inactive parts, keeping the order
    and grouping of the others, so every score is the same sum of the same numbers (a
    quality above 0 would also prune by score: not done, totals must be exact).
    """

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return self.child.matcher(searcher, context).replace(0)
