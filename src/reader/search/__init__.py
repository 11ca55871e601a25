"""Full-text search for CJK and Latin text: the only package that imports Whoosh.

Everything outside uses `SearchIndex` and the plain values below; no Whoosh object leaks out.
"""

from reader.search.analysis import ANALYZER_VERSION
from reader.search.documents import (
    AnnotationDocument,
    SearchDocument,
    SearchHit,
    SearchResult,
    Snippet,
)
from reader.search.index import SearchIndex
from reader.search.snippets import highlight_spans

__all__ = [
    "ANALYZER_VERSION",
    "AnnotationDocument",
    "SearchDocument",
    "SearchHit",
    "SearchIndex",
    "SearchResult",
    "Snippet",
    "highlight_spans",
]
