"""The changes an index writer applies: articles with their annotations, or annotations alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reader.search.documents import AnnotationDocument, SearchDocument
from reader.search.schema import annotation_fields, annotation_key, document_fields

Change = Callable[[Any], None]


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

    return change


def delete(keys: Sequence[str]) -> Change:
    def change(writer: Any) -> None:
        for key in keys:
            writer.delete_by_term("id", key)

    return change


def _put_annotations(writer: Any, doc: AnnotationDocument) -> None:
    values = annotation_fields(doc)
    if values is None:  # nothing left: no document (article docs need none)
        writer.delete_by_term("id", annotation_key(doc.id))
    else:
        writer.update_document(**values)
