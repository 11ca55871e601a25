"""Importers: pure functions from a file's bytes (and name) to an Article, chosen by suffix."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from reader.core.article import Article
from reader.errors import ImportFailed

Importer = Callable[[bytes, str], Article]

# Larger files are refused before they are read: no saved article is this big.
MAX_FILE_BYTES = 200 * 1024 * 1024


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


def clean_label(text: str) -> str:
    """A title or other one-line label without bidi controls or invisible characters.

    Format characters (Unicode category Cf: bidi overrides and isolates, zero-width spaces,
    BOMs, soft hyphens) can reorder or hide what a title shows, as in "invoice\u202etxt.exe".
    Joiners shape Persian, Indic scripts and emoji, so they stay between two visible letters.
    """
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


def _clean_labels(article: Article) -> Article:
    return replace(
        article,
        title=clean_label(article.title),
        section=_clean_optional(article.section),
        site=_clean_optional(article.site),
        author=_clean_optional(article.author),
    )


def _clean_optional(label: str | None) -> str | None:
    return None if label is None else clean_label(label) or None


def import_bytes(data: bytes, filename: str) -> Article:
    """Turn one file's bytes into an Article, or raise ImportFailed with a one-line reason."""
    suffix = Path(filename).suffix.lower()
    importer = _importers().get(suffix)
    if importer is None:
        raise ImportFailed(f"unsupported file type {suffix or '(no suffix)'!r}")
    if not data.strip():
        raise ImportFailed("the file is empty")
    article = _clean_labels(importer(data, filename))
    if not article.text.strip() and not article.title.strip():
        raise ImportFailed("no readable text found")
    return replace(article, source_hash=hashlib.sha256(data).hexdigest())


def read_file(path: Path) -> bytes:
    """Read a file for import, with size limits and one-line errors."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(f"file too large ({size // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed("the file no longer exists") from None
    except PermissionError:
        raise ImportFailed("permission denied") from None
    except IsADirectoryError:
        raise ImportFailed("is a directory") from None
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None


def import_file(path: Path) -> Article:
    """Read and import one file; the Article remembers where it came from."""
    article = import_bytes(read_file(path), path.name)
    return replace(article, source_path=str(path.resolve()))


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to import: given files as they are, folders walked recursively in name order.

    Hidden files and folders (a leading dot) are skipped inside folders, as are files whose
    suffix no importer handles. A path given explicitly is always yielded, so that an
    unsupported or missing file is reported rather than silently ignored.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        yield folder  # reported as unreadable by the caller
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES and entry.is_file():
            yield entry
