"""The pictures a folder's notes and pages embed: imported with them, so not skipped files.

A folder import skips every image it meets, and says so ("skipped 2: 2 .png"). An image a
note shows (`![[image.png]]` in an Obsidian vault, `![a picture](img/rel.png)`, a saved
page's `<img src="photo.jpg">`) is no file left out: it comes into the library as part of
that note. `without_embedded_pictures` takes such images out of a walk's skipped files.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

from reader.importers.files import Skipped, display_path, read_head

log = logging.getLogger(__name__)

_PICTURE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff"}
)
_EMBEDDING_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm", ".xhtml"})
_READ_BYTES = 4 * 1024 * 1024  # a note's text, read again only when the walk met pictures
# ![[name.png|300]], ![alt](path "title"), <img ... src="path">: the reference's target.
_REFERENCES = re.compile(
    rb"!\[\[([^\]|#\n]+)|!\[[^\]\n]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)",
    re.IGNORECASE,
)


def without_embedded_pictures(walked: Iterable[Path | Skipped]) -> Iterator[Path | Skipped]:
    """`walked` as it comes, but the skipped pictures held back to its end, and left out
    there when a note or page of the same walk embeds them (matched by file name)."""
    held: list[Skipped] = []
    embedding: list[Path] = []
    for item in walked:
        if isinstance(item, Skipped) and item.path.suffix.lower() in _PICTURE_SUFFIXES:
            held.append(item)
            continue
        if isinstance(item, Path) and item.suffix.lower() in _EMBEDDING_SUFFIXES:
            embedding.append(item)
        yield item
    if not held:
        return  # the common case: no note is read twice
    names = embedded_names(embedding)
    for skipped in held:
        if skipped.path.name.lower() in names:
            log.debug("not skipped: %s, a picture a note shows", display_path(skipped.path))
        else:
            yield skipped


def embedded_names(notes: Iterable[Path]) -> set[str]:
    """The file names (lowercased) of the pictures these notes and pages refer to."""
    names: set[str] = set()
    for note in notes:
        for match in _REFERENCES.finditer(read_head(note, _READ_BYTES)):
            target = next(group for group in match.groups() if group)
            name = unquote(target.decode("utf-8", "replace")).strip().replace("\\", "/")
            name = name.rsplit("/", 1)[-1]
            names.add(name.split("?", 1)[0].split("#", 1)[0].lower())
    return names
