"""A book's metadata from its OPF package: Dublin Core title, creators, language, date…"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from reader.importers.html_values import normalize_language, parse_date
from reader.importers.tree import text_of
from reader.importers.xml import local_name

_DC = "http://purl.org/dc/elements/1.1/"
_ISBN = re.compile(r"(?:urn:)?(?:isbn:?)?\s*((?:97[89])?[0-9][0-9-]{8,15}[0-9Xx])", re.IGNORECASE)
_UUID = re.compile(r"(?:urn:)?(?:uuid:)?([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})")


@dataclass
class BookMetadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    published: date | None = None
    publisher: str | None = None
    identifier: str | None = None


def read_book_metadata(package: etree._Element) -> BookMetadata:
    """The OPF's metadata; creators whose role (EPUB 2 `opf:role`, EPUB 3 `role` refinement)
    is not author (editors, illustrators, translators) are kept only when no author is named."""
    found: dict[str, list[etree._Element]] = {}
    for element in package.iter():
        if isinstance(element.tag, str) and element.tag.startswith(f"{{{_DC}}}"):
            found.setdefault(local_name(element), []).append(element)
    roles = _refined_roles(package)
    meta = BookMetadata()
    meta.title = _first(found.get("title", [])) or None
    creators = [c for c in found.get("creator", []) if text_of(c)]
    authors = [c for c in creators if _role(c, roles) in ("", "aut")]
    meta.authors = list(dict.fromkeys(text_of(c) for c in authors or creators))
    language = _first(found.get("language", []))
    meta.language = normalize_language(language) if language else None
    day = _first(found.get("date", []))
    meta.published = parse_date(day) if day else None
    meta.publisher = _first(found.get("publisher", [])) or None
    meta.identifier = _identifier(package, found.get("identifier", []))
    return meta


def _first(elements: list[etree._Element]) -> str:
    return next((text_of(e) for e in elements if text_of(e)), "")


def _refined_roles(package: etree._Element) -> dict[str, str]:
    """EPUB 3 `<meta refines="#id" property="role">aut</meta>`, by the refined element's id."""
    roles = {}
    for meta in package.iter():
        if local_name(meta) == "meta" and meta.get("property") == "role":
            roles[(meta.get("refines") or "").lstrip("#")] = text_of(meta)
    return roles


def _role(creator: etree._Element, roles: dict[str, str]) -> str:
    for name, value in creator.attrib.items():
        if str(name).endswith("role"):
            return str(value).strip().lower()
    return roles.get(creator.get("id") or "", "").strip().lower()


def _identifier(package: etree._Element, identifiers: list[etree._Element]) -> str | None:
    """The book's unique identifier as a URL or URN (its own, an ISBN or a UUID): what tells
    a new edition of the same book from another book."""
    unique = package.get("unique-identifier") or ""
    chosen = [i for i in identifiers if i.get("id") == unique] + identifiers
    for element in chosen:
        value = text_of(element)
        if value.lower().startswith(("http://", "https://", "urn:")):
            return value
        if match := _UUID.fullmatch(value.lower()):
            return f"urn:uuid:{match.group(1)}"
        if match := _ISBN.fullmatch(value):
            return f"urn:isbn:{match.group(1).replace('-', '')}"
    return None
