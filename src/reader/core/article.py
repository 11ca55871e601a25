"""The Article an importer produces, and the stored record the library hands out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from reader.core import scripts
from reader.core.text import normalize_text

# A title in one of these scripts reads at the CJK pace: Han, kana, hangul, bopomofo.
_CJK_SCRIPT = scripts.one_of(
    scripts.HAN, scripts.KANA, scripts.HANGUL, scripts.BOPOMOFO, scripts.BOPOMOFO_EXTENDED
)


@dataclass(frozen=True)
class Article:
    """One imported article, before it is stored.

    `text` is the normalized plain text of the body (paragraphs separated by one blank line):
    annotations anchor into it. `html` is the sanitized body shown in the reading pane.
    """

    title: str
    text: str
    html: str
    section: str | None = None
    site: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    encoding: str | None = None
    source_hash: str = ""
    source_path: str | None = None
    tags: tuple[str, ...] = ()  # given by the file itself (a note's front matter)
    assets: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    # Web images the body shows as placeholders (asset name -> address), until downloaded.
    remote_images: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", normalize_text(self.text))
        object.__setattr__(self, "title", " ".join(self.title.split()))

    @cached_property
    def content_hash(self) -> str:
        """What makes two imports the same article: the normalized title and text.

        Kept once computed (and pickled with the article): an import computes it where the
        file was extracted, not again in the process that stores it.
        """
        return _digest(self.title, self.text)  # both normalized by __post_init__


def content_hash(title: str, text: str) -> str:
    return _digest(" ".join(title.split()), normalize_text(text))


def _digest(title: str, text: str) -> str:
    digest = hashlib.sha256()
    digest.update(title.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class ArticleSummary:
    """A stored article's metadata: what lists and the CLI show."""

    id: int
    title: str
    section: str | None
    site: str | None
    author: str | None
    published: date | None
    language: str | None
    source: str | None
    added: datetime
    read: bool
    bookmarked: bool
    trashed: datetime | None = None  # when it went to the Trash; None while in the library
    # What a list row shows (filled where the list reads its rows, zero elsewhere).
    reading_position: float = 0.0  # how far down it was read, 0..1
    annotated: bool = False  # has highlights or a note
    chars: int = 0  # length of the body text

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the body at an ordinary pace: about 1,000 characters a minute in
        alphabetic scripts (230 words), 400 in Chinese, Japanese and Korean."""
        if self.language:
            cjk = self.language.lower().startswith(("zh", "ja", "ko"))
        else:  # no language recorded: the title's script tells
            cjk = _CJK_SCRIPT.search(self.title) is not None
        return max(1, round(self.chars / (400 if cjk else 1000)))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "section": self.section,
            "site": self.site,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "source": self.source,
            "added": self.added.isoformat(timespec="seconds"),
            "read": self.read,
            "bookmarked": self.bookmarked,
        }


@dataclass(frozen=True)
class StoredArticle:
    """A stored article in full: metadata plus its text and HTML."""

    summary: ArticleSummary
    text: str
    html: str
    url: str | None
    encoding: str | None
    source_hash: str
    content_hash: str
    reading_position: float

    @property
    def id(self) -> int:
        return self.summary.id

    def to_json(self) -> dict[str, object]:
        data = self.summary.to_json()
        data.update(
            url=self.url,
            encoding=self.encoding,
            source_hash=self.source_hash,
            reading_position=self.reading_position,
            text=self.text,
            html=self.html,
        )
        return data
