"""Writing a whole batch's term records and posting blocks in Whoosh 2.7's W3 format, fast.

Stock Whoosh pushes every posting through a pool of tuples, sorts them all, then writes one
posting at a time through several layers of objects. Bigram-indexed text has about a hundred
thousand terms per thousand documents, and that per-posting and per-term overhead was 80% of
indexing time. Here a batch arrives already grouped per term and each term is written in one
call. The layout is Whoosh's own (`tests/unit/test_search_postings.py` compares what both
writers produce), with differences Whoosh's readers handle: terms found in a few documents
are stored inline in their term record (Whoosh's writer means to, but calls a misspelled
method), posting data is pickled with protocol 3 instead of 2, and whole weights are ints.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterable
from hashlib import md5
from itertools import pairwise
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3Segment, W3TermInfo
from whoosh.filedb import filetables
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

# (docnum, weight, encoded value) of one term in one document.
Posting = tuple[int, float, bytes]
# field name → term (str for text fields, bytes for the others) → postings in docnum order.
Inverted = dict[str, dict[Any, list[Posting]]]

# Terms found in at most this many documents keep their postings in the term record; most
# bigrams occur in one document, so this saves a posting block for most terms.
INLINE_LIMIT = 4

# Uncompressed blocks: zlib on ~10^5 tiny blocks costs more time than the space is worth.
COMPRESSION = 0

# Whoosh pickles with protocol 2, which has no bytes type: each posting value became a call
# to codecs.encode on a latin-1 string, five times slower to write and to read. Protocol 3
# stores bytes as bytes; Whoosh's readers unpickle any protocol.
PICKLE = 3

_TERMINFO: struct.Struct = W3TermInfo._struct
_KEY_VALUE_LENGTHS = filetables._lengths


class BulkCodec(W3Codec):  # type: ignore[misc]
    """W3Codec whose field writer takes a whole inverted batch at once.

    The segments it makes name a plain W3Codec, so nothing on disk refers to this class.
    """

    def __init__(self) -> None:
        super().__init__(compression=COMPRESSION)

    def field_writer(self, storage: Any, segment: Any) -> BulkFieldWriter:
        return BulkFieldWriter(self, storage, segment)

    def new_segment(self, storage: Any, indexname: str) -> W3Segment:
        return W3Segment(W3Codec(compression=COMPRESSION), indexname)


class BulkFieldWriter(W3FieldWriter):  # type: ignore[misc]
    """Writes term records and posting blocks for a whole inverted batch."""

    def add_inverted(self, schema: Any, lengths: dict[str, list[int]], inverted: Inverted) -> None:
        """Write every field's terms in key order; `lengths` holds each doc's field length."""
        if self._tindex.hashtype != 0:  # _add_record computes Whoosh's MD5 hash itself
            raise ValueError("unexpected term index hash type")
        # Offsets are counted here rather than asked of the files for each of 10^5 terms.
        self._postpos = self._postfile.tell()
        self._termpos = self._tindex.dbfile.tell()
        for fieldname in sorted(inverted):
            terms = inverted[fieldname]
            field = schema[fieldname]
            self.start_field(fieldname, field)
            prefix = pack_ushort(self._fieldid)
            doclengths = lengths.get(fieldname) if field.scorable else None
            fixed = field.format.fixed_value_size()
            for term in sorted(terms):
                tbytes = term.encode("utf-8") if isinstance(term, str) else term
                self._write_term(prefix + tbytes, terms[term], doclengths, fixed)
            self.finish_field()

    def _write_term(
        self,
        key: bytes,
        postings: list[Posting],
        doclengths: list[int] | None,
        fixed: int | None,
    ) -> None:
        if len(postings) <= INLINE_LIMIT:
            self._add_record(key, inlined_record(postings, doclengths))
            return
        # W3PostingsWriter.start_postings/add_posting/_write_block/finish_postings and
        # W3TermInfo.add_block/to_bytes, for a term whose postings are all known.
        limit = self._codec._blocklimit
        chunks = [postings] if len(postings) <= limit else _chunks(postings, limit)
        out = [WHOOSH3_HEADER_MAGIC]
        term_min: int | None = None
        term_max = 0
        term_maxweight = 0.0
        for number, chunk in enumerate(chunks, 1):
            ids = [p[0] for p in chunk]
            weights = [p[1] for p in chunk]
            minlength, maxlength = _length_range(ids, doclengths)
            maxweight = max(max(weights), 0)
            if minlength is not None and (term_min is None or minlength < term_min):
                term_min = minlength
            term_max = max(term_max, maxlength)
            term_maxweight = max(term_maxweight, maxweight)
            data = dumps((_delta_ids(ids), _mini_weights(weights), _values(chunk, fixed)), PICKLE)
            blockinfo = dumps(
                (len(ids), ids[-1], maxweight, COMPRESSION, _l2b(minlength), _l2b(maxlength)), 2
            )
            size = len(blockinfo) + len(data)
            out += [pack_int(-size if number == len(chunks) else size), blockinfo, data]
        blob = b"".join(out)
        self._postfile.write(blob)
        record = _TERMINFO.pack(
            0,
            sum(p[1] for p in postings),
            len(postings),
            0 if term_min is None else _l2b(term_min),
            _l2b(term_max),
            term_maxweight,
            postings[0][0],
            postings[-1][0],
        )
        self._add_record(key, record + pack_long(self._postpos) + pack_int(len(blob)))
        self._postpos += len(blob)

    def _add_record(self, key: bytes, value: bytes) -> None:
        # OrderedHashWriter.add + HashWriter.add with the offset kept here; keys arrive sorted.
        tindex = self._tindex
        pos = self._termpos
        record = _KEY_VALUE_LENGTHS.pack(len(key), len(value)) + key + value
        tindex.dbfile.write(record)
        digest = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")
        tindex.buckets[digest & 255].append((digest, pos))
        tindex.index.append(pos)
        tindex.lastkey = key
        self._termpos = pos + len(record)


def inlined_record(postings: list[Posting], doclengths: list[int] | None) -> bytes:
    """A term record holding its postings (W3TermInfo.set_inlined + to_bytes).

    Empty values are kept (set_inlined would drop them): Whoosh's ListMatcher turns a missing
    value into "" (a str), which its merging code then rejects.
    """
    if len(postings) == 1:  # most terms: spelled out, it is a third faster
        docnum, weight, value = postings[0]
        ids: tuple[int, ...] = (docnum,)
        weights: tuple[float, ...] = (int(weight) if weight.is_integer() else weight,)
        values: tuple[bytes, ...] = (value,)
        length = doclengths[docnum] if doclengths is not None else 0
        minbyte = _l2b(length) if length else 0
        maxbyte, maxweight = _l2b(length), max(weight, 0)
    else:
        ids = tuple([p[0] for p in postings])
        weights = _whole(p[1] for p in postings)
        values = tuple([p[2] for p in postings])
        minlength, maxlength = _length_range(ids, doclengths)
        minbyte = 0 if minlength is None else _l2b(minlength)
        maxbyte, maxweight = _l2b(maxlength), max(max(weights), 0)
    header = _TERMINFO.pack(1, sum(weights), len(ids), minbyte, maxbyte, maxweight, ids[0], ids[-1])
    return header + dumps((ids, weights, values), PICKLE)


@functools.cache
def _l2b(length: int | None) -> int:
    return int(length_to_byte(length))


def _length_range(
    ids: list[int] | tuple[int, ...], doclengths: list[int] | None
) -> tuple[int | None, int]:
    """Shortest and longest non-zero field length among `ids`: (None, 0) if there is none."""
    if doclengths is None:
        return None, 0
    if len(ids) == 1:
        length = doclengths[ids[0]]
        return (length or None), length
    present = [n for n in (doclengths[d] for d in ids) if n]
    return (min(present), max(present)) if present else (None, 0)


def _chunks(postings: list[Posting], size: int) -> list[list[Posting]]:
    return [postings[i : i + size] for i in range(0, len(postings), size)]


def _delta_ids(ids: list[int]) -> tuple[int, ...]:
    return (ids[0], *[b - a for a, b in pairwise(ids)])


def _mini_weights(weights: list[float]) -> float | tuple[float, ...] | None:
    # W3PostingsWriter._mini_weights. Whoosh keeps weights in array("f"); ours are whole
    # multiples of whole boosts, exact in float32, so they need no rounding to match.
    first = weights[0]
    if all(w == 1.0 for w in weights):
        return None
    if all(w == first for w in weights):
        return first
    return _whole(weights)


def _whole(weights: Iterable[float]) -> tuple[float, ...]:
    """Weights with whole values as ints: pickled, an int takes 2 bytes and a float 9, and
    Whoosh's matchers read a tuple of weights as they come (a lone float must stay float).
    Our weights are counts times whole boosts, so this is nearly all of them."""
    return tuple([int(w) if w.is_integer() else w for w in weights])


def _values(chunk: list[Posting], fixed: int | None) -> tuple[bytes, ...] | bytes | None:
    values = [p[2] for p in chunk if p[2]]
    if fixed is None or fixed < 0:
        return tuple(values)
    if fixed == 0:
        return None
    return b"".join(values)
