"""The changes an index writer applies: articles with their annotations, or annotations alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from whoosh.writing import MERGE_SMALL

from reader.search.documents import AnnotationDocument, SearchDocument
from reader.search.schema import annotation_fields, annotation_key, document_fields

Change = Callable[[Any], None]

# Segments this small may hold only annotation documents; bigger ones are article segments.
ANNOTATION_SEGMENT_DOCS = 512
# Segments above this many documents are never merged by a live write: Whoosh's usual policy
# merges ever larger ones as segments add up (with a rebuild's 40 segments of 2,500, one
# import's catch-up rewrote 43,000 articles' postings: minutes, and gigabytes written).
SMALL_SEGMENT_DOCS = 1000


def replace(docs: Sequence[SearchDocument]) -> Change:
    """Replace a few articles and their annotation documents (Whoosh's ordinary writer)."""

    def change(writer: Any) -> None:
        for doc in docs:
            writer.update_document(**document_fields(doc))
            _put_annotations(writer, doc.annotations)

    return change


def replace_bulk(docs: Sequence[SearchDocument]) -> Change:
    """Replace many articles through a BulkSegmentWriter (it adds annotation documents)."""

    def change(writer: Any) -> None:
        for doc in docs:
            writer.delete_by_term("id", str(doc.id))
            writer.delete_by_term("id", annotation_key(doc.id))
        writer.add_documents(docs)

    return change


def replace_annotations(docs: Sequence[AnnotationDocument]) -> Change:
    """Replace only annotation documents: a note saved costs its own few hundred characters."""

    def change(writer: Any) -> None:
        for doc in docs:
            _put_annotations(writer, doc)
        writer.mergetype = merge_annotation_segments  # read by commit()

    return change


def delete(keys: Sequence[str]) -> Change:
    def change(writer: Any) -> None:
        for key in keys:
            writer.delete_by_term("id", key)

    return change


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """The merge policy of live writes: Whoosh's usual one, over small segments only."""
    small = [s for s in segments if s.doc_count_all() <= SMALL_SEGMENT_DOCS]
    large = [s for s in segments if s.doc_count_all() > SMALL_SEGMENT_DOCS]
    return list(MERGE_SMALL(writer, small)) + large


def merge_annotation_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A merge policy for annotation commits: Whoosh's usual one, over segments holding no
    article text only.

    The usual policy, over all segments, merged the small segment of a recent long article
    every few note saves: 100-200 ms of rewriting an 800k-character article's postings.
    Article segments are merged by the commits that add articles.
    """
    # The writer's own searcher (opened for the deletions anyway) has a reader per segment.
    readers = {
        reader.segment().segment_id(): reader
        for reader, _offset in writer.searcher().reader().leaf_readers()
    }
    textless: list[Any] = []
    others: list[Any] = []
    for segment in segments:
        reader = readers.get(segment.segment_id())
        small = segment.doc_count_all() <= ANNOTATION_SEGMENT_DOCS
        has_text = reader is None or bool(reader.field_length("body"))
        (textless if small and not has_text else others).append(segment)
    return list(MERGE_SMALL(writer, textless)) + others


def _put_annotations(writer: Any, doc: AnnotationDocument) -> None:
    values = annotation_fields(doc)
    if values is None:  # nothing left: no document (article docs need none)
        writer.delete_by_term("id", annotation_key(doc.id))
    else:
        writer.update_document(**values)
