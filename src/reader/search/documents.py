"""What goes into the search index and what comes out of it: plain, engine-free values."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from reader.core.notices import Notice


@dataclass(frozen=True)
class SearchDocument:
    """One article as the index sees it. `body` is the normalized plain text."""

    id: int
    title: str
    body: str
    section: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None  # "zh-Hans", "zh-Hant", "ja", "ko", "en", ...
    published: datetime.date | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""  # the text of the article's notes and highlighted quotes
    bookmarked: bool = False
    colors: tuple[str, ...] = ()  # highlight colours used in the article

    @property
    def annotations(self) -> AnnotationDocument:
        return AnnotationDocument(self.id, self.notes, self.tags, self.bookmarked, self.colors)


@dataclass(frozen=True)
class AnnotationDocument:
    """What the reader added to one article: indexed apart from it, so saving a note never
    re-indexes the article's text."""

    id: int  # the article's
    notes: str = ""
    tags: tuple[str, ...] = ()
    bookmarked: bool = False
    colors: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.notes.strip() or self.tags or self.bookmarked or self.colors)


@dataclass(frozen=True)
class Snippet:
    """A passage of an article's text; `spans` are code-point spans of the marked words."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """One result. `snippet_spans` are code-point spans of marked words in `snippet`.

    The snippet is empty unless asked for (`SearchIndex.snippets`): front ends ask only for
    the rows they show.
    """

    id: int
    score: float
    snippet: str = ""
    snippet_spans: tuple[tuple[int, int], ...] = ()

    def marked_snippet(self, start: str = "[", end: str = "]") -> str:
        """The snippet with each marked span wrapped in `start`/`end`."""
        parts: list[str] = []
        last = 0
        for begin, finish in self.snippet_spans:
            parts += [self.snippet[last:begin], start, self.snippet[begin:finish], end]
            last = finish
        parts.append(self.snippet[last:])
        return "".join(parts)


@dataclass(frozen=True)
class SearchResult:
    """The hits of one query, how many matched in all, and what to tell the user."""

    hits: list[SearchHit]
    total: int
    message: str | None = None
    terms: tuple[str, ...] = ()  # words and phrases to highlight in the reading pane
    notices: tuple[Notice, ...] = ()  # `message`'s parts by kind, for translating
