"""EPUB 2 and 3 importer: one article per book, chapters as headings under a table of contents.

Chapters are taken in spine order. Each chapter's first heading becomes its `<h2>` (with an
anchor the contents list links to), its other top-level headings step down to `<h3>` so the
book keeps one outline; images come from the archive into the article's asset folder. The
whole book then goes through the same sanitizer as every HTML import. A book is all content,
so the main-content extractor (built to drop page furniture) is not run on it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from reader.core.article import Article
from reader.errors import ImportFailed
from reader.importers.encoding import decode_html
from reader.importers.epub_anchors import prefix_ids, rewrite_links
from reader.importers.epub_archive import Archive, open_book, resolve
from reader.importers.epub_metadata import BookMetadata, read_book_metadata
from reader.importers.epub_toc import toc_labels
from reader.importers.html import parse_document
from reader.importers.language import detect_language
from reader.importers.page_images import MAX_IMAGE_BYTES, embed_images
from reader.importers.sanitize import html_to_text, sanitize_html
from reader.importers.structure import prepare_source
from reader.importers.tree import HEADINGS, text_of
from reader.importers.xml import local_name

_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_SELF_CLOSING = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]*?)?/>")
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "wbr", "area", "source"})


@dataclass
class _Chapter:
    anchor: str
    title: str | None
    body: str


@dataclass
class _Book:
    archive: Archive
    chapter_ids: dict[str, str] = field(default_factory=dict)  # archive path -> anchor
    labels: dict[str, str] = field(default_factory=dict)  # archive path -> contents label
    assets: dict[str, bytes] = field(default_factory=dict)
    remote: dict[str, str] = field(default_factory=dict)  # placeholder name -> web address


def import_epub(data: bytes, filename: str) -> Article:
    """Import an EPUB book as one article."""
    archive, opf_path, package = open_book(data)
    meta = read_book_metadata(package)
    spine = _spine(package, opf_path, archive)
    if not spine:
        raise ImportFailed("epub_no_chapters")
    anchors = {path: f"ch{number}" for number, path in enumerate(spine, start=1)}
    book = _Book(archive, anchors, toc_labels(package, opf_path, archive))
    # All chapters first: a link may point at a note in a later chapter.
    parsed = {path: _chapter_tree(book, path, anchors[path]) for path in spine}
    kept_ids = {path: kept for path, (_tree, kept) in parsed.items()}
    chapters = [_chapter(book, path, tree, kept_ids) for path, (tree, _kept) in parsed.items()]
    body = sanitize_html(_contents(chapters) + "".join(_chapter_html(c) for c in chapters))
    text = html_to_text(body)
    if not text.strip():
        raise ImportFailed("epub_no_text")
    return _article(meta, filename, body, text, book)


def _article(meta: BookMetadata, filename: str, body: str, text: str, book: _Book) -> Article:
    return Article(
        title=meta.title or filename.rsplit(".", 1)[0],
        text=text,
        html=body,
        site=meta.publisher,
        author=", ".join(meta.authors) or None,
        published=meta.published,
        url=meta.identifier,
        language=meta.language or detect_language(text[:20_000]),
        encoding="utf-8",
        assets={name: data for name, data in book.assets.items() if f"assets/{name}" in body},
        remote_images={name: url for name, url in book.remote.items() if f"assets/{name}" in body},
    )


def _spine(package: etree._Element, opf_path: str, archive: Archive) -> list[str]:
    """The archive paths of the chapters, in reading order (the navigation document, which
    our own contents list replaces, left out)."""
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.iter():
        if local_name(item) == "item" and item.get("id") and item.get("href"):
            found = resolve(opf_path, item.get("href") or "")
            if found is not None:
                kind = (item.get("media-type") or "").strip()
                manifest[item.get("id") or ""] = (found[0], kind, item.get("properties") or "")
    paths: list[str] = []
    for itemref in package.iter():
        if local_name(itemref) != "itemref":
            continue
        path, kind, properties = manifest.get(itemref.get("idref") or "", ("", "", ""))
        chapter = path in archive and kind in _CHAPTER_TYPES
        if chapter and "nav" not in properties.split() and path not in paths:
            paths.append(path)
    return paths


def _chapter_tree(book: _Book, path: str, anchor: str) -> tuple[lxml.html.HtmlElement, set[str]]:
    """A chapter parsed and prepared, with the ids it keeps for links to point at."""
    tree = _parse_chapter(book.archive.read(path) or b"", path)
    kept = prefix_ids(tree, anchor)  # before prepare_source, which clears inline ids
    prepare_source(tree)
    _svg_images_to_img(tree)
    # A book's web images (rare) stay placeholders; only the book's own files are read.
    assets, remote = embed_images(tree, lambda src: _image(book.archive, path, src))
    book.assets.update(assets)
    book.remote.update(remote)
    return tree, kept


def _chapter(
    book: _Book, path: str, tree: lxml.html.HtmlElement, kept_ids: dict[str, set[str]]
) -> _Chapter:
    rewrite_links(tree, path, book.chapter_ids, kept_ids)
    body = tree.find("body")
    root = body if body is not None else tree
    # The chapter's own first heading, else the book's contents label for the file (books
    # often style chapter titles as paragraphs).
    title = _take_title(root) or _take_label(root, book.labels.get(path))
    for heading in root.iter("h1", "h2"):
        heading.tag = "h3"  # the chapter's own sections sit under its <h2>
    inner = (root.text and html.escape(root.text)) or ""
    inner += "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
    return _Chapter(book.chapter_ids[path], title, inner)


def _parse_chapter(data: bytes, path: str) -> lxml.html.HtmlElement:
    """A chapter as an HTML tree. XHTML's `<a id="x"/>` and `<div/>` are empty elements,
    which an HTML parser would read as opening tags wrapping the rest of the chapter."""
    if not data.strip():
        raise ImportFailed("epub_missing_chapter", name=repr(path[:80]))
    markup, _encoding = decode_html(data)
    markup = _SELF_CLOSING.sub(_open_close, markup)
    return parse_document(markup)


def _open_close(match: re.Match[str]) -> str:
    tag, attributes = match.group(1), match.group(2) or ""
    if tag.lower() in _VOID:
        return match.group(0)
    return f"<{tag}{attributes}></{tag}>"


def _svg_images_to_img(tree: lxml.html.HtmlElement) -> None:
    """Cover pages wrap their picture in SVG, which is never shown: keep the picture."""
    for svg in list(tree.iter("svg")):
        image = next((e for e in svg.iter() if local_name(e) == "image"), None)
        href = None if image is None else image.get(_XLINK_HREF) or image.get("href")
        if href and svg.getparent() is not None:
            img = lxml.html.Element("img", src=href, alt="")
            img.tail = svg.tail
            svg.getparent().replace(svg, img)


def _image(archive: Archive, chapter: str, source: str) -> bytes | None:
    found = resolve(chapter, source)
    return None if found is None else archive.read(found[0], MAX_IMAGE_BYTES)


def _take_title(root: lxml.html.HtmlElement) -> str | None:
    """The chapter's opening heading, removed from its body (it becomes the chapter's h2).
    A heading after some of the chapter's text is a section of it, not its title."""
    heading = next(root.iter(*HEADINGS), None)
    if heading is None or _text_before(root, heading):
        return None
    title = text_of(heading)
    if not title:
        return None
    heading.drop_tree()
    return title


def _text_before(root: lxml.html.HtmlElement, heading: lxml.html.HtmlElement) -> bool:
    # Every element met before the heading opens before it, so its own text comes first; its
    # tail does too, unless it encloses the heading.
    ancestors = set(heading.iterancestors())
    for element in root.iter():
        if element is heading:
            return False
        if (element.text or "").strip():
            return True
        if element not in ancestors and (element.tail or "").strip():
            return True
    return False


def _take_label(root: lxml.html.HtmlElement, label: str | None) -> str | None:
    """The contents label as the chapter's title; the chapter's own first text, when it is
    the same words (a title styled as a paragraph), goes so that it does not show twice."""
    if label is None:
        return None
    first = next((e for e in root.iter("p", "div") if e.text_content().strip()), None)
    if first is not None and first.text_content().split() == label.split():
        first.drop_tree()
    return label


def _contents(chapters: list[_Chapter]) -> str:
    entries = [
        f'<li><a href="#{c.anchor}">{html.escape(c.title)}</a></li>' for c in chapters if c.title
    ]
    return f"<ul>{''.join(entries)}</ul>" if len(entries) > 1 else ""


def _chapter_html(chapter: _Chapter) -> str:
    if chapter.title is None:
        return chapter.body
    return f'<h2 id="{chapter.anchor}">{html.escape(chapter.title)}</h2>{chapter.body}'
