"""KOReader's highlight export (JSON): one book `{title, author, entries}` or `{documents}`."""

from __future__ import annotations

from reader.core.foreign import ForeignHighlight, ForeignKey, clean_quote
from reader.importers.annotations.common import (
    Json,
    epoch_time,
    fail,
    load_json,
    objects,
    optional,
    text_of,
)

NAME = "koreader"
_WHAT = "KOReader file"


def looks_like(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("documents"), list):
        return True
    return isinstance(data.get("entries"), list) and "title" in data


def parse(data: bytes) -> list[ForeignHighlight]:
    loaded = load_json(data, _WHAT)
    if not looks_like(loaded):
        raise fail(_WHAT, "neither 'entries' with a 'title' nor a 'documents' list")
    assert isinstance(loaded, dict)
    books = objects(loaded["documents"], _WHAT, "documents") if "documents" in loaded else [loaded]
    return [h for book in books for h in _book(book)]


def _book(book: Json) -> list[ForeignHighlight]:
    key = ForeignKey(title=optional(book.get("title")), author=optional(book.get("author")))
    if key.title is None:
        raise fail(_WHAT, "a document without a title")
    found = []
    for entry in objects(book.get("entries", []), _WHAT, "entries"):
        if entry.get("sort", "highlight") != "highlight":
            continue
        quote = clean_quote(text_of(entry.get("text")))
        if not quote:
            continue
        page = entry.get("page")
        found.append(
            ForeignHighlight(
                source=NAME,
                key=key,
                quote=quote,
                note=text_of(entry.get("note")),
                source_color=optional(entry.get("color")),
                created=epoch_time(entry.get("time")),
                location=f"page {page}" if isinstance(page, int | str) and page != "" else None,
                book=True,
            )
        )
    return found
