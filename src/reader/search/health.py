"""Cheap checks of an opened index: how many articles it holds, and whether its files read."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

from reader.errors import SearchError
from reader.search.annotations import ANNOTATION_DOCS

# Both take the searcher the queries use: opening one reads every segment's term table,
# which at 100,000 articles (tens of segments) cost more than the check itself.


def article_count(searcher: Any) -> int:
    """Article documents: all documents but the (few) annotation documents."""
    annotated = sum(1 for _ in searcher.docs_for_query(ANNOTATION_DOCS))
    return int(searcher.doc_count()) - annotated


def canary(searcher: Any) -> None:
    """Read a little of everything: each segment's stored fields and a term's postings.

    Only the first posting of one term per field and segment is decoded: reading a whole
    posting list (a common term in 100,000 articles) made this check take a minute.
    """
    probe: tuple[str, str] | None = None
    for reader, _ in searcher.reader().leaf_readers():
        if reader.doc_count_all():
            reader.stored_fields(0)
            reader.stored_fields(reader.doc_count_all() - 1)
        # A segment whose documents were all replaced has terms whose postings are
        # all deleted, so an empty posting list means damage only without deletions.
        strict = reader.doc_count() == reader.doc_count_all()
        for fieldname in ("title", "body"):
            for term in reader.lexicon(fieldname):
                postings = reader.postings(fieldname, term)
                if postings.is_active():
                    postings.id()
                elif strict:
                    raise SearchError("it was damaged")
                probe = probe or (fieldname, term.decode("utf-8"))
                break
    if probe is not None:
        searcher.search(wq.Term(*probe), limit=1)
