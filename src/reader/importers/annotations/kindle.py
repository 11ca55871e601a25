"""Kindle's `My Clippings.txt`: entries between `==========` lines; notes join their highlight."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from reader.core.foreign import ForeignHighlight, ForeignKey, clean_quote, utc
from reader.importers.annotations.common import decode, fail

NAME = "kindle"
_WHAT = "Kindle clippings"
SEPARATOR = "=========="
_AUTHOR = re.compile(r"^(?P<title>.*?)\s*\((?P<author>[^()]*)\)\s*$")
_RANGE = re.compile(r"(\d+)(?:\s*-\s*(\d+))?")
# What the metadata line calls each kind of entry, in the languages Kindles write.
_KINDS = {
    "bookmark": ("bookmark", "lesezeichen", "signet", "书签", "ブックマーク"),
    "note": ("note", "notiz", "笔记", "メモ"),
    "highlight": ("highlight", "markierung", "surlignement", "标注", "ハイライト"),
}
_DATE_FORMATS = ("%A, %B %d, %Y %I:%M:%S %p", "%A, %d %B %Y %H:%M:%S", "%A, %B %d, %Y %H:%M:%S")


@dataclass(frozen=True)
class _Entry:
    kind: str
    title: str
    author: str | None
    location: tuple[int, int] | None
    created: datetime | None
    text: str


def looks_like(text: str) -> bool:
    entries = [e for e in text.split(SEPARATOR) if e.strip()]
    return bool(entries) and _entry(entries[0]) is not None


def parse(data: bytes) -> list[ForeignHighlight]:
    text = decode(data, _WHAT).replace("\r\n", "\n")
    if SEPARATOR not in text:
        raise fail(_WHAT, f"no '{SEPARATOR}' line between entries")
    entries = []
    for number, chunk in enumerate(text.split(SEPARATOR), 1):
        if not chunk.strip():
            continue
        entry = _entry(chunk)
        if entry is None:
            raise fail(_WHAT, f"entry {number} has no '- Your Highlight…' line")
        entries.append(entry)
    return _with_notes(entries)


def _entry(chunk: str) -> _Entry | None:
    lines = [line.strip("\ufeff \t") for line in chunk.strip("\n").split("\n")]
    lines = lines[next((i for i, line in enumerate(lines) if line), 0) :]
    if len(lines) < 2 or not lines[1].startswith("-"):
        return None
    meta = lines[1].lstrip("- ").strip()
    head = _AUTHOR.match(lines[0])
    title, author = (head["title"], head["author"]) if head else (lines[0], None)
    return _Entry(
        kind=_kind(meta),
        title=title.strip(),
        author=(author or "").strip() or None,
        location=_location(meta),
        created=_created(meta),
        text="\n".join(lines[2:]).strip(),
    )


def _kind(meta: str) -> str:
    first = meta.split("|")[0].casefold()
    for kind, words in _KINDS.items():
        if any(word in first for word in words):
            return kind
    return "highlight"


def _location(meta: str) -> tuple[int, int] | None:
    """The location range (or page range when no location is given)."""
    parts = meta.split("|")
    chosen = next((p for p in parts if re.search(r"(?i)loc|位置", p)), parts[0])
    found = _RANGE.search(chosen)
    if not found:
        return None
    start = int(found[1])
    end = found[2] or found[1]
    # Kindle shortens ranges: "Location 1530-32" means 1530–1532.
    if len(end) < len(found[1]):
        end = found[1][: len(found[1]) - len(end)] + end
    return start, int(end)


def _created(meta: str) -> datetime | None:
    added = meta.split("|")[-1].strip()
    added = re.sub(r"^(Added on|Hinzugefügt am|Ajouté le)\s*", "", added)
    for pattern in _DATE_FORMATS:
        try:
            return utc(datetime.strptime(added, pattern))
        except ValueError:
            continue
    return None


def _with_notes(entries: list[_Entry]) -> list[ForeignHighlight]:
    """Highlights, each note joined to the highlight of the same book that ends where it is."""
    highlights: list[tuple[_Entry, ForeignHighlight]] = []
    for entry in entries:
        if entry.kind == "highlight" and clean_quote(entry.text):
            highlights.append((entry, _highlight(entry)))
        elif entry.kind == "note" and entry.text:
            for index in range(len(highlights) - 1, -1, -1):
                owner, highlight = highlights[index]
                if owner.title == entry.title and _covers(owner.location, entry.location):
                    note = "\n\n".join(p for p in (highlight.note, entry.text) if p)
                    highlights[index] = (owner, replace(highlight, note=note))
                    break
    return [h for _entry, h in highlights]


def _covers(span: tuple[int, int] | None, at: tuple[int, int] | None) -> bool:
    return span is not None and at is not None and span[0] <= at[0] <= span[1]


def _highlight(entry: _Entry) -> ForeignHighlight:
    where = f"location {entry.location[0]}-{entry.location[1]}" if entry.location else None
    return ForeignHighlight(
        source=NAME,
        key=ForeignKey(title=entry.title, author=entry.author),
        quote=clean_quote(entry.text),
        created=entry.created,
        location=where,
        book=True,
    )
