"""Full-rebuild indexing: documents inverted in memory, shares written by parallel processes."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import NO_MERGE, SegmentWriter

from reader.search.analysis import term_positions
from reader.search.documents import SearchDocument
from reader.search.postings import BulkCodec, Inverted
from reader.search.schema import (
    CjkText,
    annotation_fields,
    document_fields,
    encode_positions,
    single_position,
)
from reader.workers import exit_with_parent


class BulkSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """A SegmentWriter that groups postings per term as documents arrive.

    For adding documents in bulk (a rebuild, a large import). Deleting documents of existing
    segments works as usual; merging existing segments into this one does not.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, codec=BulkCodec(), compound=True, **kwargs)
        self._inverted: Inverted = {}
        self._lengths: dict[str, list[int]] = {}

    def add_documents(self, docs: Sequence[SearchDocument]) -> None:
        for doc in docs:
            self.add_document(**document_fields(doc))
            annotations = annotation_fields(doc.annotations)
            if annotations is not None:
                self.add_document(**annotations)

    def add_document(self, **values: Any) -> None:
        # SegmentWriter.add_document minus the posting pool, boosts, vectors and spelling,
        # which our schema does not use.
        self._check_state()
        perdoc = self.perdocwriter
        docnum = self.docnum
        perdoc.start_doc(docnum)
        for name in sorted(values):
            value = values[name]
            field = self.schema[name]
            length = 0
            if field.indexed:
                length = self._invert(name, field, value, docnum)
                if field.scorable:
                    lengths = self._lengths.setdefault(name, [])
                    lengths.extend([0] * (docnum + 1 - len(lengths)))
                    lengths[docnum] = length
                else:
                    length = 0
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _invert(self, name: str, field: Any, value: Any, docnum: int) -> int:
        """Add one field value's postings; return its length in terms."""
        terms = self._inverted.setdefault(name, {})
        if not (isinstance(field, CjkText) and isinstance(value, str)):
            length = 0
            for tbytes, freq, weight, vbytes in field.index(value):
                length += freq
                terms.setdefault(tbytes, []).append((docnum, weight, vbytes))
            return length
        # The hot loop of a rebuild, one pass per term of each document. Text terms stay str
        # until written: one encode per term, not per posting.
        boost = field.format.field_boost
        length = 0
        for term, poslist in term_positions(value).items():
            count = len(poslist)
            length += count
            encoded = single_position(poslist[0]) if count == 1 else encode_positions(poslist)
            posting = (docnum, count * boost, encoded)
            found = terms.get(term)
            if found is None:
                terms[term] = [posting]
            else:
                found.append(posting)
        return length

    def commit(self, mergetype: Any = None, optimize: Any = None, merge: Any = None) -> None:
        # Never merge: merging feeds old segments through Whoosh's posting pool, which this
        # writer does not write out. Later ordinary commits merge small segments.
        super().commit(merge=False)

    def add_reader(self, reader: Any) -> None:
        raise NotImplementedError("a BulkSegmentWriter cannot merge segments")

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        for lengths in self._lengths.values():
            lengths.extend([0] * (self.docnum - len(lengths)))
        self.fieldwriter.add_inverted(self.schema, self._lengths, self._inverted)
        self.fieldwriter.close()
        self._inverted = {}


def build_segment(folder: str, docs: Sequence[SearchDocument]) -> Any:
    """Worker side: write `docs` as one new segment of the index in `folder`; return it.

    The parent holds the index's write lock and adds the segment to its own commit.
    """
    ix = FileStorage(folder, supports_mmap=False).open_index()
    writer = BulkSegmentWriter(ix, _lk=False)
    with gc_paused():
        writer.add_documents(docs)
        return writer._finalize_segment()


def commit_with_segments(writer: SegmentWriter, segments: Sequence[Any]) -> None:
    """Commit `writer` with extra, already written segments added to the new TOC."""
    final = writer._merge_segments(NO_MERGE, False, False) + list(segments)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    writer._finish()


class ParallelBuilder:
    """Adds batches of documents to an index with up to `procs` processes, a commit each.

    The calling process indexes one share itself while workers index the others, each into
    its own segment. Workers are spawned, not forked: forking a process that runs Qt threads
    can deadlock. The pool lives as long as the builder, so spawning is paid once. Workers
    exit by themselves when this process dies, even by SIGKILL (see exit_with_parent).
    """

    def __init__(self, folder: str, procs: int) -> None:
        self._folder = folder
        self._procs = max(1, procs)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ParallelBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def add_batch(self, writer: BulkSegmentWriter, docs: Sequence[SearchDocument]) -> None:
        """Index `docs` through `writer` (which holds the write lock) and commit them."""
        parts = self._procs if len(docs) >= 8 * self._procs else 1
        shares = split_by_size(docs, parts)
        futures: list[Future[Any]] = [
            self._executor().submit(build_segment, self._folder, share) for share in shares[1:]
        ]
        try:
            with gc_paused():
                writer.add_documents(shares[0])
                segments = [future.result() for future in futures]
                commit_with_segments(writer, segments)
        except BaseException:
            for future in futures:
                future.cancel()
            raise

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self._procs - 1, mp_context=context, initializer=exit_with_parent
            )
        return self._pool


def split_by_size(docs: Sequence[SearchDocument], parts: int) -> list[list[SearchDocument]]:
    """`parts` shares of about equal text size (one long page costs as much as many notes)."""
    if parts <= 1:
        return [list(docs)]
    sizes = [0] * parts
    shares: list[list[SearchDocument]] = [[] for _ in range(parts)]
    for doc in sorted(docs, key=_size, reverse=True):
        smallest = sizes.index(min(sizes))
        shares[smallest].append(doc)
        sizes[smallest] += _size(doc)
    return shares


def _size(doc: SearchDocument) -> int:
    return len(doc.body) + len(doc.title) + len(doc.notes) + 200


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside.

    A batch allocates millions of small tuples and lists, and every full collection walks all
    of them: a third of the time spent adding documents. They form no cycles, so nothing is
    left behind by collecting only afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_procs() -> int:
    """Processes worth using for a rebuild: two when there are two cores."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1
