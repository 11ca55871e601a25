"""Highlights, notes, tags and colours: the annotation model (W3C selectors, code-point offsets)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from reader.errors import AnnotationError, InvalidSpan, UnknownColor

# How much text around a highlight its quote selector keeps, on each side.
CONTEXT_CHARS = 32

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Color(StrEnum):
    """The highlight palette, in the order of the 1–5 shortcuts."""

    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    PURPLE = "purple"

    @classmethod
    def parse(cls, name: str | Color) -> Color:
        try:
            return cls(str(name).strip().lower())
        except ValueError:
            names = ", ".join(c.value for c in cls)
            raise UnknownColor(f"unknown colour {name!r}; choose one of {names}") from None


class AnchorStatus(StrEnum):
    """How well a highlight is attached to the article's current text."""

    ANCHORED = "anchored"  # the exact quote, at a known place
    FUZZY = "fuzzy"  # a close but not identical passage, or a guess among equals: worth a look
    ORPHANED = "orphaned"  # not found: kept with its quote until the reader re-attaches it


@dataclass(frozen=True)
class TextQuoteSelector:
    """The highlighted text itself, with some text on either side to tell repeats apart."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPositionSelector:
    """A half-open range of code-point offsets into the article's normalized text."""

    start: int
    end: int


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage with its colour, Markdown note and tags."""

    id: int
    uid: str  # stable across libraries: the W3C annotation id, used to merge re-imports
    article_id: int
    color: Color
    quote: TextQuoteSelector
    position: TextPositionSelector
    note: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime
    status: AnchorStatus = AnchorStatus.ANCHORED
    author: str | None = None  # who made it, in a shared library (None: no sync yet)

    @property
    def start(self) -> int:
        return self.position.start

    @property
    def end(self) -> int:
        return self.position.end

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "uid": self.uid,
            "article_id": self.article_id,
            "color": self.color.value,
            "quote": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "start": self.start,
            "end": self.end,
            "status": self.status.value,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created.isoformat(timespec="seconds"),
            "updated": self.updated.isoformat(timespec="seconds"),
            "author": self.author,
        }


@dataclass(frozen=True)
class Note:
    """A Markdown note on a whole article."""

    article_id: int
    text: str
    created: datetime
    updated: datetime
    author: str | None = None  # who wrote it, in a shared library (None: no sync yet)

    def to_json(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "text": self.text,
            "created": self.created.isoformat(timespec="seconds"),
            "updated": self.updated.isoformat(timespec="seconds"),
            "author": self.author,
        }


@dataclass(frozen=True)
class ArticleAnnotations:
    """Everything a reader attached to one article: its note, tags and highlights."""

    article_id: int
    note: Note | None = None
    tags: tuple[str, ...] = ()
    highlights: tuple[Highlight, ...] = ()

    @property
    def empty(self) -> bool:
        return self.note is None and not self.tags and not self.highlights

    @property
    def has_notes(self) -> bool:
        """An article note or at least one highlight: what `has:notes` finds."""
        return self.note is not None or bool(self.highlights)

    @property
    def notes_text(self) -> str:
        """The article note, then each highlight's quote and note: the search field `notes`."""
        parts = [self.note.text] if self.note else []
        for h in self.highlights:
            parts += [h.quote.exact, h.note] if h.note else [h.quote.exact]
        return "\n\n".join(parts)

    @property
    def colors(self) -> tuple[Color, ...]:
        """The colours used, in palette order."""
        used = {h.color for h in self.highlights}
        return tuple(c for c in Color if c in used)

    @property
    def all_tags(self) -> tuple[str, ...]:
        """The article's tags and those of its highlights."""
        return normalize_tags([*self.tags, *(t for h in self.highlights for t in h.tags)])

    def by(self, author: str) -> ArticleAnnotations:
        """Only what `author` wrote: their note and highlights (tags belong to no one)."""
        note = self.note if self.note is not None and self.note.author == author else None
        mine = tuple(h for h in self.highlights if h.author == author)
        return replace(self, note=note, highlights=mine)

    def to_json(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "note": self.note.to_json() if self.note else None,
            "tags": list(self.tags),
            "highlights": [h.to_json() for h in self.highlights],
        }


@dataclass(frozen=True)
class ArticleKey:
    """What an exported annotation knows of its article, to find it again in another library."""

    url: str | None = None
    content_hash: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class ImportedAnnotations:
    """Annotations read from a file, not yet matched to an article (article_id is 0)."""

    key: ArticleKey
    annotations: ArticleAnnotations


def normalize_tag(name: str) -> str:
    """One tag name: inner whitespace collapsed; an empty name is refused."""
    tag = " ".join(name.split()).lstrip("#")
    if not tag:
        raise AnnotationError("a tag needs a name")
    return tag


def normalize_tags(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags without duplicates (compared without case), sorted for stable output."""
    unique: dict[str, str] = {}
    for name in names:
        tag = normalize_tag(name)
        unique.setdefault(tag.casefold(), tag)
    return tuple(sorted(unique.values(), key=str.casefold))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The range without surrounding whitespace, checked against the text.

    Selections made with a mouse often catch a space or a line break at either end; storing
    those would only make the quote harder to find again.
    """
    if not 0 <= start < end <= len(text):
        raise InvalidSpan(f"the range {start}–{end} is not inside the text (0–{len(text)})")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidSpan("the selection holds only white space")
    return start, end


def quote_selector(
    text: str, start: int, end: int, context: int = CONTEXT_CHARS
) -> TextQuoteSelector:
    """The quote selector of text[start:end], with up to `context` characters either side."""
    return TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def selectors(text: str, start: int, end: int) -> tuple[TextQuoteSelector, TextPositionSelector]:
    """Both selectors of a range, the way they are stored."""
    return quote_selector(text, start, end), TextPositionSelector(start, end)


class Utf16Offsets:
    """Converts offsets between code points (Python, anchors) and UTF-16 units (Qt).

    Build one per text and reuse it: each conversion is a binary search over the positions of
    the characters outside the Basic Multilingual Plane (emoji, rare CJK), which UTF-16 stores
    as two units.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 offset at which each of those characters starts.
        self._astral16 = [cp + i for i, cp in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        return self.length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        if not 0 <= offset <= self.length:
            raise ValueError(f"code-point offset {offset} outside 0–{self.length}")
        return offset + bisect.bisect_left(self._astral, offset)

    def to_codepoint(self, offset: int) -> int:
        """The code-point offset; one inside a surrogate pair falls back to the pair's start."""
        if not 0 <= offset <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {offset} outside 0–{self.utf16_length}")
        # Every pair that starts before the offset counts one unit too many; a pair the offset
        # splits counts as well, which moves such an offset back to the pair's start.
        return offset - bisect.bisect_left(self._astral16, offset)


def utf16_to_codepoint(text: str, offset: int) -> int:
    """A Qt (UTF-16) position in `text` as a code-point offset."""
    return Utf16Offsets(text).to_codepoint(offset)


def codepoint_to_utf16(text: str, offset: int) -> int:
    """A code-point offset in `text` as a Qt (UTF-16) position."""
    return Utf16Offsets(text).to_utf16(offset)
