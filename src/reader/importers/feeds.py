"""Feed files (Atom, RSS 2.0, JSON Feed 1.x): every entry becomes an article of its own.

The kind is recognised from the content, whatever the file's suffix. An entry's full content
is used when the feed has it (Atom `content`, RSS `content:encoded`, JSON `content_html`),
otherwise its summary. The HTML goes through the same sanitizer as every import; an entry is
all article, so the main-content extractor is not run on it.
"""

from __future__ import annotations

import html
import json
from datetime import date
from typing import Any, cast

from lxml import etree

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers.feed_entries import Entry, atom_entries, json_entries, rss_entries
from reader.importers.html import absolute_links, parse_document
from reader.importers.language import detect_language
from reader.importers.page_images import data_uri_image, embed_images
from reader.importers.sanitize import html_to_text, sanitize_html
from reader.importers.structure import prepare_source
from reader.importers.xml import local_name, parse_xml

_TITLE_CHARS = 80


def import_feed(data: bytes, filename: str) -> list[Article]:
    """The feed's entries as articles, in the feed's order; ImportFailed when the file is no
    feed we know or holds no entry with text."""
    entries = _entries(data)
    articles = [article for entry in entries if (article := _article(entry)) is not None]
    if not articles:
        raise ImportFailed("feed_no_entries")
    return articles


def _entries(data: bytes) -> list[Entry]:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return json_entries(_json(data))
    if head != b"<":
        raise ImportFailed("not_feed")
    root = _xml(data)
    kind = local_name(root)
    if kind == "feed":
        return atom_entries(root)
    if kind in ("rss", "RDF"):
        return rss_entries(root)
    raise ImportFailed("not_feed_xml", root=kind[:40])


def _json(data: bytes) -> dict[str, Any]:
    try:
        feed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ImportFailed("not_feed_json") from None
    version = feed.get("version") if isinstance(feed, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/1" not in version:
        raise ImportFailed("not_json_feed")
    return cast(dict[str, Any], feed)


def _xml(data: bytes) -> etree._Element:
    try:
        return parse_xml(data, "the feed")
    except ImportFailed:
        # Feeds in the wild often carry HTML entities (&nbsp;) or stray ampersands.
        return parse_xml(data, "the feed", recover=True)


def _article(entry: Entry) -> Article | None:
    """The entry as an article; None when it holds no text (a comment-only or empty body)."""
    try:
        body, assets, remote = _body_html(entry)
    except ImportFailed:
        return None
    text = html_to_text(body)
    if not text.strip():
        return None
    return Article(
        title=entry.title or _title_from(text),
        text=text,
        html=body,
        site=entry.site,
        author=", ".join(entry.authors) or None,
        published=entry.published if isinstance(entry.published, date) else None,
        url=entry.link,
        language=entry.language or detect_language(text[:20_000]),
        encoding="utf-8",
        assets={name: data for name, data in assets.items() if f"assets/{name}" in body},
        # Web images stay placeholders until the user asks for them (nothing is fetched).
        remote_images={name: url for name, url in remote.items() if f"assets/{name}" in body},
    )


def _body_html(entry: Entry) -> tuple[str, dict[str, bytes], dict[str, str]]:
    markup = entry.html if entry.html is not None else _paragraphs(entry.text or "")
    if not markup.strip():
        return "", {}, {}
    tree = parse_document(f"<html><body>{markup}</body></html>")
    prepare_source(tree)
    # Only images inside the feed are stored; web images become placeholders, never fetched.
    assets, remote = embed_images(tree, data_uri_image, entry.link)
    absolute_links(tree, entry.link)  # an entry's relative links lead to its site
    body = tree.find("body")
    root = body if body is not None else tree
    inner = html.escape(root.text or "")
    inner += "".join(etree.tostring(child, encoding="unicode", method="html") for child in root)
    return sanitize_html(inner), assets, remote


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(par)}</p>" for par in text.split("\n\n") if par.strip())


def _title_from(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1].rstrip() + "…"
