"""Exporters: annotations and citations as text in standard formats, from plain data only."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core.annotation import ArticleAnnotations, Color
from reader.core.article import StoredArticle

# What each colour stands for, as the user set it; None when unset.
Meanings = Mapping[Color, str | None]

# Format name (as the CLI spells it) → file suffix.
FORMATS: dict[str, str] = {
    "markdown": ".md",
    "w3c": ".jsonld",
    "bibtex": ".bib",  # biblatex
    "bibtex-classic": ".bib",  # classic BibTeX: @misc, no date or urldate
    "ris": ".ris",
    "csl-json": ".json",
    "csv": ".csv",
}

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
# Most file systems allow 255 bytes per name; leave room for a suffix and a " (123)".
_NAME_BYTES = 180


class UnknownFormat(ValueError):
    """An export format name outside FORMATS (a bug at the caller: the CLI offers choices)."""


@dataclass(frozen=True)
class AnnotatedArticle:
    """One article to export, with everything attached to it."""

    article: StoredArticle
    annotations: ArticleAnnotations


def render(
    format: str,
    items: Sequence[AnnotatedArticle],
    meanings: Meanings,
    *,
    creator: str | None = None,
) -> str:
    """All items in one document of the given format; `creator` names who annotated them."""
    # Imported here: the format modules import this package for the shared types above.
    from reader.exporters import citations, csv, markdown, w3c

    articles = [item.article for item in items]
    renderers = {
        "markdown": lambda: markdown.collection_markdown(items, meanings),
        "w3c": lambda: w3c.dumps(w3c.annotation_collection(items, meanings, creator=creator)),
        "bibtex": lambda: citations.bibtex(articles),
        "bibtex-classic": lambda: citations.bibtex(articles, citations.CLASSIC),
        "ris": lambda: citations.ris(articles),
        "csl-json": lambda: citations.csl_json(articles),
        "csv": lambda: csv.annotations_csv(items, meanings),
    }
    if format not in renderers:
        raise UnknownFormat(f"unknown export format {format!r}; known: {', '.join(FORMATS)}")
    return renderers[format]()


def safe_filename(title: str, fallback: str, suffix: str = "") -> str:
    """A file name made from a title that every common file system accepts.

    Keeps the title's letters (CJK included), drops path separators, control and reserved
    characters, trailing dots and spaces, and Windows device names.
    """
    name = unicodedata.normalize("NFC", title)
    name = " ".join(_UNSAFE.sub(" ", name).split()).strip(". ")
    encoded = name.encode("utf-8")[:_NAME_BYTES]
    name = encoded.decode("utf-8", errors="ignore").rstrip(". ")
    if not name or _RESERVED.match(name):
        name = fallback
    return name + suffix
