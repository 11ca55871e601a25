"""Importers: pure functions from a file's bytes (and name) to an Article, chosen by suffix."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers import files
from reader.importers.files import MAX_FILE_BYTES, display_path, read_file

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "clean_label",
    "display_path",
    "expand_paths",
    "import_bytes",
    "import_file",
    "read_file",
]

Importer = Callable[[bytes, str], Article]


def _importers() -> dict[str, Importer]:
    # Imported here so that a broken optional format never stops the others from loading.
    from reader.importers import html, markdown, mhtml, text

    return {
        ".txt": text.import_text,
        ".text": text.import_text,
        ".html": html.import_html,
        ".htm": html.import_html,
        ".xhtml": html.import_html,
        ".mhtml": mhtml.import_mhtml,
        ".mht": mhtml.import_mhtml,
        ".md": markdown.import_markdown,
        ".markdown": markdown.import_markdown,
    }


SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".md", ".markdown"}
)


_JOINERS = "\u200c\u200d"
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_label(text: str) -> str:
    """A title or other one-line label without bidi controls or invisible characters.

    Format characters (Unicode category Cf: bidi overrides and isolates, zero-width spaces,
    BOMs, soft hyphens) can reorder or hide what a title shows, as in "invoice\u202etxt.exe".
    Joiners shape Persian, Indic scripts and emoji, so they stay between two visible letters.
    """
    # A lone surrogate (from an undecodable file name) cannot be stored: it shows as U+FFFD.
    text = _SURROGATES.sub("\ufffd", text)
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


def clean_labels(article: Article) -> Article:
    """The article with its title, section, site and author cleaned by `clean_label`."""
    return replace(
        article,
        title=clean_label(article.title),
        section=_clean_optional(article.section),
        site=_clean_optional(article.site),
        author=_clean_optional(article.author),
    )


def _clean_optional(label: str | None) -> str | None:
    return None if label is None else clean_label(label) or None


def import_bytes(data: bytes, filename: str, source_path: str | None = None) -> Article:
    """Turn one file's bytes into an Article, or raise ImportFailed with a one-line reason.

    Everything an import needs of the article is computed here, in the process that
    extracts it (its content hash too): the process that stores it only writes.
    """
    suffix = Path(filename).suffix.lower()
    importer = _importers().get(suffix)
    if importer is None:
        raise ImportFailed(f"unsupported file type {suffix or '(no suffix)'!r}")
    if not data.strip():
        raise ImportFailed("the file is empty")
    article = clean_labels(importer(data, filename))
    if not article.text.strip() and not article.title.strip():
        raise ImportFailed("no readable text found")
    article = replace(
        article, source_hash=hashlib.sha256(data).hexdigest(), source_path=source_path
    )
    _ = article.content_hash  # computed now and kept: see Article.content_hash
    return article


def import_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """Read and import one file; the Article remembers where it came from.

    Names are passed on in their displayable form: a name with undecodable bytes must not
    carry lone surrogates into titles or the database (SQLite refuses to store them).
    """
    name, source = display_path(path.name), display_path(path.resolve())
    return import_bytes(read_file(path, max_bytes), name, source)


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to import from these files and folders (see `files.expand_paths`)."""
    return files.expand_paths(paths, SUPPORTED_SUFFIXES)
