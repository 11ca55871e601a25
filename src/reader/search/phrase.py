"""A phrase query that checks word positions with set arithmetic instead of span objects.

Whoosh's Phrase turns every position of every term into a Span object and compares them
pair by pair: "the old man" in a long English chapter meant tens of thousands of objects
per document, 100+ ms per query. Here each term's positions are shifted by its offset in
the phrase and intersected as integer sets. CJK words are phrases of bigrams, so this is
the query most searches run.
"""

from __future__ import annotations

from typing import Any

from whoosh import matching
from whoosh import query as wq
from whoosh.matching import IntersectionMatcher, NullMatcher, WrappingMatcher
from whoosh.util import make_binary_tree

from reader.search.positions import decode


class FastPhrase(wq.Phrase):  # type: ignore[misc]
    """Whoosh's Phrase (exact order, no slop) with a faster matcher."""

    def __init__(self, fieldname: str, words: list[str], boost: float = 1.0) -> None:
        super().__init__(fieldname, words, slop=1, boost=boost)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return NullMatcher()
        field = searcher.schema[fieldname]
        reader = searcher.reader()
        terms: list[tuple[int, Any, bytes]] = []
        for offset, word in enumerate(self.words):
            tbytes = field.to_bytes(word)
            if (fieldname, tbytes) not in reader:
                return NullMatcher()
            terms.append((reader.doc_frequency(fieldname, tbytes), offset, tbytes))
        # Rarest term first: its positions are fewest, so the intersection empties soonest.
        terms.sort(key=lambda term: term[0])
        matchers = [wq.Term(fieldname, tbytes).matcher(searcher, context) for _, _, tbytes in terms]
        offsets = [offset for _, offset, _ in terms]
        found = PhraseMatcher(matchers, offsets)
        if self.boost != 1.0:
            return WrappingMatcher(found, boost=self.boost)
        return found


class PhraseMatcher(WrappingMatcher):  # type: ignore[misc]
    """Documents where every term occurs, each at its offset from the first."""

    def __init__(self, matchers: list[Any], offsets: list[int]) -> None:
        super().__init__(make_binary_tree(IntersectionMatcher, matchers))
        self._matchers = matchers
        self._offsets = offsets
        self._find_next()

    def _aligned(self) -> bool:
        starts: set[int] | None = None
        for matcher, offset in zip(self._matchers, self._offsets, strict=True):
            shifted = {pos - offset for pos in decode(matcher.value())}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                return False
        return True

    def _find_next(self) -> None:
        child = self.child
        while child.is_active() and not self._aligned():
            child.next()

    def next(self) -> None:
        self.child.next()
        self._find_next()

    def skip_to(self, docnum: int) -> None:
        self.child.skip_to(docnum)
        self._find_next()

    def copy(self) -> PhraseMatcher:
        return PhraseMatcher([m.copy() for m in self._matchers], list(self._offsets))

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else matching.NullMatcher()

    def supports_block_quality(self) -> bool:
        # Skipping blocks by score would land on documents not yet checked for the phrase.
        return False
