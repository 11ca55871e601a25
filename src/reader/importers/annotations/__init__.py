"""Highlights exported by other tools: parsers (pure, stdlib only) and format detection."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePath

from reader.core.foreign import ForeignHighlight
from reader.errors import InvalidAnnotations
from reader.importers.annotations import hypothesis, kindle, koreader, obsidian, readwise, zotero

Parser = Callable[[bytes], list[ForeignHighlight]]

# Format name (as `--from` spells it) → parser.
PARSERS: dict[str, Parser] = {
    hypothesis.NAME: hypothesis.parse,
    readwise.NAME: readwise.parse,
    kindle.NAME: kindle.parse,
    koreader.NAME: koreader.parse,
    obsidian.NAME: obsidian.parse,
    zotero.NAME: zotero.parse,
}
# Human names for reports.
LABELS = {
    hypothesis.NAME: "Hypothesis",
    readwise.NAME: "Readwise",
    kindle.NAME: "Kindle",
    koreader.NAME: "KOReader",
    obsidian.NAME: "Obsidian Web Clipper",
    zotero.NAME: "Zotero",
    "w3c": "W3C Web Annotation",
}


def detect(data: bytes, filename: str = "") -> str:
    """The format of an annotations file, from its content (the name only breaks no ties)."""
    text = data[:4096].decode("utf-8-sig", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return _detect_json(data)
    if kindle.SEPARATOR in text or PurePath(filename).name.casefold() == "my clippings.txt":
        return kindle.NAME
    if readwise.looks_like(text):
        return readwise.NAME
    raise InvalidAnnotations(
        "cannot tell which tool wrote this file; name it with --from "
        f"({', '.join(['w3c', *PARSERS])})"
    )


def _detect_json(data: bytes) -> str:
    """A JSON file of another tool when its shape says so; otherwise W3C, the format this
    command always read, whose own loader then says in one line what is wrong."""
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # incl. 5,000-digit numbers
        return "w3c"
    if _looks_w3c(loaded):
        return "w3c"
    for name, looks_like in (
        (koreader.NAME, koreader.looks_like),
        (zotero.NAME, zotero.looks_like),
        (obsidian.NAME, obsidian.looks_like),
        (hypothesis.NAME, hypothesis.looks_like),
    ):
        if looks_like(loaded):
            return name
    return "w3c"


def _looks_w3c(loaded: object) -> bool:
    items = loaded[:50] if isinstance(loaded, list) else [loaded]
    return any(
        isinstance(item, dict) and ("@context" in item or item.get("type") in _W3C_TYPES)
        for item in items
    )


_W3C_TYPES = ("Annotation", "AnnotationCollection", "AnnotationPage")


def parse_foreign(data: bytes, format: str) -> list[ForeignHighlight]:
    """Every highlight of the file, or InvalidAnnotations (nothing is half read)."""
    if format not in PARSERS:
        raise InvalidAnnotations(f"unknown annotation format {format!r}")
    return PARSERS[format](data)
