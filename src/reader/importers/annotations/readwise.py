"""Readwise's CSV export: one highlight a row, with its book or article, note, colour and tags."""

from __future__ import annotations

import csv
import io

from reader.core.foreign import ForeignHighlight, ForeignKey, clean_quote
from reader.importers.annotations.common import decode, fail, iso_time, tag_names

NAME = "readwise"
_WHAT = "Readwise CSV"
# The columns that tell a Readwise export from any other CSV.
REQUIRED = ("Highlight", "Book Title")


def looks_like(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return all(column in first for column in REQUIRED)


def parse(data: bytes) -> list[ForeignHighlight]:
    text = decode(data, _WHAT)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        fields = reader.fieldnames or []
        missing = [c for c in REQUIRED if c not in fields]
        if missing:
            raise fail(_WHAT, f"missing column(s) {', '.join(missing)}")
        return [h for h in map(_highlight, reader) if h is not None]
    except csv.Error as exc:
        # The csv reader's own count: the physical line it stopped on (DictReader's copy lags
        # behind it by a row, and by the blank lines it skipped).
        raise fail(_WHAT, f"line {reader.reader.line_num}: {exc}") from None


def _highlight(row: dict[str, str | None]) -> ForeignHighlight | None:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    quote = clean_quote(cell("Highlight"))
    if not quote:
        return None
    location = " ".join(p for p in (cell("Location Type"), cell("Location")) if p)
    return ForeignHighlight(
        source=NAME,
        key=ForeignKey(
            url=cell("URL") or cell("Source URL") or None,
            title=cell("Book Title") or None,
            author=cell("Book Author") or None,
        ),
        quote=quote,
        source_id=cell("Highlight ID") or None,
        note=cell("Note"),
        tags=tag_names(cell("Tags")),
        source_color=cell("Color") or None,
        created=iso_time(cell("Highlighted at")),
        location=location or None,
        # A row with an Amazon id is a Kindle book: its quotes may make a book entry.
        book=bool(cell("Amazon Book ID")),
    )
