"""The entries of an Atom, RSS or JSON feed, read into one shape: title, link, content…"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree

from reader.importers.html_values import normalize_language, parse_date
from reader.importers.tree import text_of
from reader.importers.xml import local_name

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


@dataclass
class Entry:
    """One feed entry; `html` is its content or summary as HTML, `text` when it has only text."""

    title: str | None = None
    link: str | None = None
    html: str | None = None
    text: str | None = None
    site: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    language: str | None = None


# --- Atom -------------------------------------------------------------------------------------


def atom_entries(feed: etree._Element) -> list[Entry]:
    site = text_of(_child(feed, "title")) or None
    language = _language(feed.get(_XML_LANG))
    feed_authors = _atom_authors(feed)
    entries = []
    for element in _children(feed, "entry"):
        entry = Entry(title=text_of(_child(element, "title")) or None, site=site)
        entry.link = _atom_link(element)
        content = _child(element, "content")
        if content is None or not text_of(content):
            content = _child(element, "summary")
        _atom_content(entry, content)
        entry.authors = _atom_authors(element) or feed_authors
        stamp = text_of(_child(element, "published")) or text_of(_child(element, "updated"))
        entry.published = parse_date(stamp) if stamp else None
        entry.language = _language(element.get(_XML_LANG)) or language
        entries.append(entry)
    return entries


def _atom_link(entry: etree._Element) -> str | None:
    links = [e for e in _children(entry, "link") if e.get("href")]
    chosen = [e for e in links if (e.get("rel") or "alternate") == "alternate"] or links
    return _web_url(chosen[0].get("href")) if chosen else None


def _atom_content(entry: Entry, content: etree._Element | None) -> None:
    if content is None:
        return
    kind = (content.get("type") or "text").lower()
    if kind == "xhtml":
        entry.html = "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in content
        )
    elif kind in ("html", "text/html"):
        entry.html = "".join(content.itertext())
    else:
        entry.text = "".join(content.itertext())


def _atom_authors(element: etree._Element) -> list[str]:
    names = [text_of(_child(author, "name")) for author in _children(element, "author")]
    return [name for name in names if name]


# --- RSS 2.0 (and RSS 1.0) ----------------------------------------------------------------------


def rss_entries(root: etree._Element) -> list[Entry]:
    channel = next((e for e in root.iter() if local_name(e) == "channel"), root)
    site = text_of(_child(channel, "title")) or None
    language = _language(text_of(_child(channel, "language")))
    entries = []
    for item in (e for e in root.iter() if local_name(e) == "item"):
        entry = Entry(title=text_of(_child(item, "title")) or None, site=site, language=language)
        entry.link = _web_url(text_of(_child(item, "link")) or _permalink(item))
        encoded = item.find(_CONTENT_ENCODED)
        description = _child(item, "description")
        chosen = encoded if encoded is not None and text_of(encoded) else description
        entry.html = "".join(chosen.itertext()) if chosen is not None else None
        entry.authors = _rss_authors(item)
        entry.published = _rss_date(item)
        entries.append(entry)
    return entries


def _permalink(item: etree._Element) -> str:
    guid = _child(item, "guid")
    if guid is None or (guid.get("isPermaLink") or "true").lower() == "false":
        return ""
    return text_of(guid)


def _rss_authors(item: etree._Element) -> list[str]:
    names = [text_of(e) for e in item.iter(_DC_CREATOR)]
    for author in _children(item, "author"):
        # RSS 2.0 writes "editor@example.com (Jane Doe)": the name is what a reader wants.
        value = text_of(author)
        name = value[value.find("(") + 1 : value.rfind(")")] if "(" in value else value
        names.append(name.strip())
    return list(dict.fromkeys(name for name in names if name))


def _rss_date(item: etree._Element) -> date | None:
    stamp = text_of(_child(item, "pubDate"))
    if stamp:
        try:
            return email.utils.parsedate_to_datetime(stamp).date()
        except (TypeError, ValueError, IndexError):
            pass
    dc_date = item.find(_DC_DATE)
    return parse_date(text_of(dc_date)) if dc_date is not None else None


# --- JSON Feed 1.x ----------------------------------------------------------------------------


def json_entries(feed: dict[str, Any]) -> list[Entry]:
    site = _string(feed.get("title"))
    language = _language(_string(feed.get("language")))
    feed_authors = _json_authors(feed)
    items = feed.get("items")
    entries = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        entry = Entry(title=_string(item.get("title")), site=site)
        entry.link = _web_url(_string(item.get("url")) or _string(item.get("external_url")))
        entry.html = _string(item.get("content_html"))
        if entry.html is None:
            entry.text = _string(item.get("content_text"))
        if entry.html is None and entry.text is None:
            entry.html = _string(item.get("summary"))
        entry.authors = _json_authors(item) or feed_authors
        stamp = _string(item.get("date_published")) or _string(item.get("date_modified"))
        entry.published = parse_date(stamp) if stamp else None
        entry.language = _language(_string(item.get("language"))) or language
        entries.append(entry)
    return entries


def _json_authors(item: dict[str, Any]) -> list[str]:
    """Version 1.1 `authors`, else version 1.0 `author`."""
    found = item.get("authors")
    authors = found if isinstance(found, list) else [item.get("author")]
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    return [name for name in names if name]


# --- shared -----------------------------------------------------------------------------------


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((child for child in element if local_name(child) == name), None)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _language(tag: str | None) -> str | None:
    return normalize_language(tag) if tag else None


def _web_url(value: str | None) -> str | None:
    """Only web links are kept as an article's URL (never javascript: or file:)."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else None
