"""Each term of a query looked up once per segment, not once per question Whoosh asks.

Running one term in one field, Whoosh reads its entry in the segment's term table up to five
times: whether it is there, how many documents hold it (twice: to order an And, for the
idf), its best score, its postings. A word is a term in four fields, so a query of three
words made about seventy reads through the index files. `RememberedTerms` keeps what one
query read; it is forgotten when the next query starts, so every query still reads the
table for itself, and what it returns is what the table holds.
"""

from __future__ import annotations

from typing import Any

from whoosh.reading import TermNotFound


class RememberedTerms:
    """A segment's term table (Whoosh's W3TermsReader) remembering the entries it read."""

    def __init__(self, terms: Any) -> None:
        self._terms = terms
        self._infos: dict[tuple[str, bytes], Any] = {}

    def forget(self) -> None:
        self._infos.clear()

    def _info(self, fieldname: str, tbytes: bytes) -> Any:
        key = (fieldname, tbytes)
        try:
            return self._infos[key]
        except KeyError:
            pass
        try:
            info = self._terms.term_info(fieldname, tbytes)
        except TermNotFound:
            info = None
        self._infos[key] = info
        return info

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        return self._info(*term) is not None

    def term_info(self, fieldname: str, tbytes: bytes) -> Any:
        info = self._info(fieldname, tbytes)
        if info is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return info

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        # The table's doc_frequency raises KeyError for a missing term (the reader gives 0).
        info = self._info(fieldname, tbytes)
        if info is None:
            raise KeyError((fieldname, tbytes))
        return int(info.doc_frequency())

    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        info = self._info(fieldname, tbytes)
        if info is None:
            raise KeyError((fieldname, tbytes))
        return float(info.weight())

    def matcher(self, fieldname: str, tbytes: bytes, format_: Any, scorer: Any = None) -> Any:
        """As W3TermsReader.matcher, from the remembered entry."""
        info = self.term_info(fieldname, tbytes)
        terms = self._terms
        return terms._codec.postings_reader(
            terms._postfile, info, format_, term=(fieldname, tbytes), scorer=scorer
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._terms, name)  # everything else, as the table does it


def remember_terms(searcher: Any) -> list[RememberedTerms]:
    """Give each segment reader of `searcher` a remembering term table; the tables."""
    tables: list[RememberedTerms] = []
    for reader, _offset in searcher.reader().leaf_readers():
        terms = getattr(reader, "_terms", None)
        if terms is not None and not isinstance(terms, RememberedTerms):
            reader._terms = RememberedTerms(terms)
            tables.append(reader._terms)
    return tables
