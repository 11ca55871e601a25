"""Joining annotation documents to their articles at query time.

An article's notes, tags, colours and bookmark live in a small document of their own (see
`schema.annotation_fields`), so saving a note re-indexes a few hundred characters, never the
article's text. A query part about annotations is wrapped in `OnAnnotations` by the compiler;
before the query runs, `resolve` runs each such part on the annotation documents alone and
puts in its place the set of articles they belong to (`ArticleSet`). Annotation documents
are few (articles someone annotated), so that first step is small.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from reader.search.schema import ANNOTATION_PREFIX, ANNOTATIONS

ANNOTATION_DOCS = wq.Term("kind", ANNOTATIONS)


class OnAnnotations(wq.WrappingQuery):  # type: ignore[misc]
    """Articles whose annotation document matches the child query. Resolved before running."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        raise TypeError("OnAnnotations must be resolved before searching (see resolve)")


class ArticleSet(wq.Query):  # type: ignore[misc]
    """Article documents by id, each with a fixed score."""

    def __init__(self, scores: dict[int, float]) -> None:
        self.scores = scores
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleSet) and other.scores == self.scores

    def __hash__(self) -> int:
        return hash(frozenset(self.scores))

    def __repr__(self) -> str:
        return f"ArticleSet({len(self.scores)} articles)"

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.scores)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        found: list[tuple[int, float]] = []
        for article_id, score in self.scores.items():
            key = str(article_id)
            if ("id", key) not in reader:
                continue
            postings = reader.postings("id", key)
            while postings.is_active():  # deleted copies are filtered out by the reader
                found.append((postings.id(), score))
                postings.next()
        if not found:
            return NullMatcher()
        found.sort()
        return ListMatcher([d for d, _ in found], weights=[s for _, s in found])


def resolve(q: Any, searcher: Any, annotated: bool = True) -> Any:
    """`q` with every `OnAnnotations` part replaced by the articles it matches. Where the
    searcher holds no annotation document (`annotated` false) that is no article, found
    without running a search for each part (a word is one part: its notes field)."""
    if isinstance(q, OnAnnotations):
        scores: dict[int, float] = {}
        if not annotated:
            return ArticleSet(scores)
        matches = searcher.search(wq.And([q.child, ANNOTATION_DOCS]), limit=None)
        for hit in matches:
            key = hit["id"]
            scores[int(key[len(ANNOTATION_PREFIX) :])] = float(hit.score)
        return ArticleSet(scores)
    return q.apply(lambda child: resolve(child, searcher, annotated))


def articles_only(q: Any) -> Any:
    """`q` restricted to article documents (an exclusion-only query starts from Every)."""
    return wq.AndNot(q, ANNOTATION_DOCS)


def has_annotation_parts(q: Any) -> bool:
    if isinstance(q, OnAnnotations):
        return True
    return any(has_annotation_parts(child) for child in q.children())
