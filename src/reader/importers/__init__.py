"""Importers: pure functions from a file's bytes (and name) to articles, chosen by suffix."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers import files
from reader.importers.files import MAX_FILE_BYTES, Skipped, display_path, read_file
from reader.importers.local_images import LocalImages
from reader.importers.note_pictures import without_embedded_pictures

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "Collection",
    "Imported",
    "LocalImages",
    "Skipped",
    "clean_label",
    "display_path",
    "import_bytes",
    "import_contents",
    "import_file",
    "read_file",
    "walk_paths",
]

Importer = Callable[[bytes, str], "Article | list[Article]"]
FilesImporter = Callable[[bytes, str, LocalImages | None], Article]


@dataclass(frozen=True)
class Collection:
    """The several articles one file holds (a feed's entries). Each stands on its own: it is
    known by its own URL, not by the file it came in."""

    articles: tuple[Article, ...]


Imported = Article | Collection


def _importers() -> dict[str, Importer]:
    # Imported here so that a broken optional format never stops the others from loading.
    from reader.importers import epub, feeds, html, markdown, mhtml, text

    return {
        **dict.fromkeys(FEED_SUFFIXES, feeds.import_feed),
        ".txt": text.import_text,
        ".text": text.import_text,
        ".html": html.import_html,
        ".htm": html.import_html,
        ".xhtml": html.import_html,
        ".mhtml": mhtml.import_mhtml,
        ".mht": mhtml.import_mhtml,
        ".md": markdown.import_markdown,
        ".markdown": markdown.import_markdown,
        ".epub": epub.import_epub,
    }


def _with_files() -> dict[str, FilesImporter]:
    """The importers that also read the images a file names beside it."""
    from reader.importers import html, markdown

    return {
        ".html": html.import_html,
        ".htm": html.import_html,
        ".xhtml": html.import_html,
        ".md": markdown.import_markdown,
        ".markdown": markdown.import_markdown,
    }


# Files with these suffixes are feeds when their content says so (see `feeds`).
FEED_SUFFIXES = frozenset({".xml", ".atom", ".rss", ".json", ".feed"})
_DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".md", ".markdown", ".epub"}
)
SUPPORTED_SUFFIXES = _DOCUMENT_SUFFIXES | FEED_SUFFIXES
# Feed markers sit in the first lines: the root element, or JSON Feed's "version".
_FEED_HEAD_BYTES = 16 * 1024
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"jsonfeed.org/version/1")


_JOINERS = "\u200c\u200d"
_SURROGATES = re.compile("[\ud800-\udfff]")
# A terminal's escape sequence (a colour, a window title): its ESC is a control character,
# dropped below, but the rest ("[31m") would stay in the title as text.
_TERMINAL_ESCAPE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[ -/]+[0-~]|[0-Z\\^-~])"
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the one-byte form of ESC [
)


def clean_label(text: str) -> str:
    """A title or other one-line label without bidi controls or invisible characters.

    Format characters (Unicode category Cf: bidi overrides and isolates, zero-width spaces,
    BOMs, soft hyphens) can reorder or hide what a title shows, as in "invoice\u202etxt.exe".
    Joiners shape Persian, Indic scripts and emoji, so they stay between two visible letters.
    """
    # A lone surrogate (from an undecodable file name) cannot be stored: it shows as U+FFFD.
    text = _TERMINAL_ESCAPE.sub("", _SURROGATES.sub("\ufffd", text))
    kept = [c for c in text if c in _JOINERS or unicodedata.category(c) not in ("Cf", "Cc")]
    out = [
        c
        for i, c in enumerate(kept)
        if c not in _JOINERS
        or (0 < i < len(kept) - 1 and _visible(kept[i - 1]) and _visible(kept[i + 1]))
    ]
    return " ".join("".join(out).split())


def _visible(c: str) -> bool:
    return not c.isspace() and c not in _JOINERS


def clean_labels(article: Article, **changes: Any) -> Article:
    """The article with its title, section, site and author cleaned by `clean_label`, and
    with `changes` (other fields) made in the same copy: each copy normalizes the text again."""
    return replace(
        article,
        title=clean_label(article.title),
        section=_clean_optional(article.section),
        site=_clean_optional(article.site),
        author=_clean_optional(article.author),
        **changes,
    )


def _clean_optional(label: str | None) -> str | None:
    return None if label is None else clean_label(label) or None


def import_contents(
    data: bytes,
    filename: str,
    local: LocalImages | None = None,
    source_path: str | None = None,
) -> Imported:
    """Turn one file's bytes into an Article, or a Collection of them (a feed), or raise
    ImportFailed with a one-line reason.

    With `local` (where the file was), images it names beside it are read too (see
    LocalImages: never anything outside the file's own folder). Everything an import needs
    of the article is computed here, in the process that extracts it (its content hash too):
    the process that stores it only writes. `source_path` is the file's; the articles of a
    collection are known by their own URLs instead.
    """
    suffix = Path(filename).suffix.lower()
    importer = _importers().get(suffix)
    if importer is None:
        raise ImportFailed("unsupported_type", suffix=repr(suffix or "(no suffix)"))
    if not data.strip():
        raise ImportFailed("empty_file")
    with_files = _with_files().get(suffix) if local is not None else None
    made = with_files(data, filename, local) if with_files else importer(data, filename)
    if isinstance(made, list):
        return Collection(tuple(_finish(article, data, None) for article in made))
    return _finish(made, data, source_path)


def import_bytes(
    data: bytes,
    filename: str,
    local: LocalImages | None = None,
    source_path: str | None = None,
) -> Article:
    """Turn one file's bytes into one Article, or raise ImportFailed with a one-line reason."""
    imported = import_contents(data, filename, local, source_path)
    if isinstance(imported, Article):
        return imported
    if len(imported.articles) != 1:
        raise ImportFailed("several_articles", count=len(imported.articles))
    return imported.articles[0]


def _finish(article: Article, data: bytes, source_path: str | None) -> Article:
    source_hash = hashlib.sha256(data).hexdigest()
    article = clean_labels(article, source_hash=source_hash, source_path=source_path)
    if not article.text.strip() and not article.title.strip():
        raise ImportFailed("no_text")
    _ = article.content_hash  # computed now and kept: see Article.content_hash
    return article


def import_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """Read and import one file; the Article remembers where it came from.

    Names are passed on in their displayable form: a name with undecodable bytes must not
    carry lone surrogates into titles or the database (SQLite refuses to store them).
    """
    name, source = display_path(path.name), display_path(path.resolve())
    return import_bytes(read_file(path, max_bytes), name, LocalImages.beside(path), source)


def walk_paths(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> Iterator[Path | Skipped]:
    """Files to import, and the files of the folders that are skipped (see `files.walk_paths`;
    the pictures the notes embed are theirs, not skipped); folders in `exclude` are never
    entered."""
    return without_embedded_pictures(files.walk_paths(paths, accept, exclude))


def accept(path: Path) -> str | None:
    """Whether a file found in a folder is imported: None if so, else why it is skipped.

    `.xml` and `.json` files are common in folders and mostly not feeds, so they are looked
    into: only a feed is imported, anything else is skipped, not failed."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return "unsupported file type"
    if suffix in FEED_SUFFIXES:
        head = files.read_head(path, _FEED_HEAD_BYTES).lower()
        if not any(marker in head for marker in _FEED_MARKERS):
            return "not a feed"
    return None
